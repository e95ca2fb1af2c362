"""The sample's first case: INTERPOL GA-2021-89-RES-09, one work in four language versions."""

from __future__ import annotations

from pathlib import Path

import rdflib

from respub.publish.release import ReleaseSummary
from respub.rdf.iri import Iris, WorkIri
from respub.sources.manifest import read_manifest

REPO = Path(__file__).resolve().parents[2]
WORK = rdflib.URIRef(Iris().work("GA-2021-89-RES-09"))
RESPUB = rdflib.Namespace("https://respub.org/ontology#")
ELI = rdflib.Namespace("http://data.europa.eu/eli/ontology#")


def test_the_sample_manifest_lists_the_four_versions() -> None:
    listed = {
        (e.url, e.language)
        for e in read_manifest(REPO / "corpus/sample.yaml")
        if "interpol" in e.url
    }
    assert listed == {
        (f"interpol/GA-2021-89-RES-09.{lang}.txt", lang) for lang in ("es", "en", "fr", "ar")
    }
    for url, _ in listed:
        assert (REPO / "corpus" / url).is_file()


def test_the_release_has_one_work_with_four_expressions(release: ReleaseSummary) -> None:
    graph = rdflib.Graph().parse(release.release_dir / "resolutions.ttl", format="turtle")
    works = set(graph.subjects(RESPUB.identifier, rdflib.Literal("GA-2021-89-RES-09")))
    assert works == {WORK}
    expressions = sorted(str(e) for e in graph.objects(WORK, RESPUB.realizedBy))
    assert expressions == [f"{WORK}/{lang}" for lang in ("ar", "en", "es", "fr")]
    for lang in ("ar", "en", "es", "fr"):
        path = release.release_dir / f"{WorkIri.of('GA-2021-89-RES-09').path}/{lang}.ttl"
        assert path.is_file(), path
