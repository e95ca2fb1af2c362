"""DCAT-AP 3.0.1: the release's `dataset.ttl` with its `provenance.ttl` passes the official
SHACL shapes and ranges (tests/standards/dcat-ap-3.0.1/, unedited) with 0 violations."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyshacl
import pytest
from rdflib import Graph, Namespace, URIRef

from respub.publish.release import ReleaseSummary

DCAT_AP = Path(__file__).resolve().parents[1] / "standards" / "dcat-ap-3.0.1"
SH = Namespace("http://www.w3.org/ns/shacl#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
RDF_TYPE = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


@pytest.fixture(scope="module")
def dcat_ap() -> Graph:
    return Graph().parse(DCAT_AP / "shapes.ttl").parse(DCAT_AP / "range.ttl")


def violations(data: Graph, shapes: Graph) -> Counter[tuple[str, str]]:
    """(path, message) of every sh:Violation, counted."""
    _, results, _ = pyshacl.validate(data, shacl_graph=shapes, allow_warnings=True)
    assert isinstance(results, Graph)
    found: Counter[tuple[str, str]] = Counter()
    for result in results.subjects(SH.resultSeverity, SH.Violation):
        found[
            (
                str(results.value(result, SH.resultPath)),
                str(results.value(result, SH.resultMessage)),
            )
        ] += 1
    return found


def description(release: ReleaseSummary) -> Graph:
    root = release.release_dir
    return Graph().parse(root / "dataset.ttl").parse(root / "provenance.ttl")


def test_dataset_and_provenance_pass_dcat_ap_with_no_violation(
    release: ReleaseSummary, dcat_ap: Graph
) -> None:
    assert violations(description(release), dcat_ap) == Counter()


def test_the_shapes_do_catch_what_a_portal_rejects(release: ReleaseSummary, dcat_ap: Graph) -> None:
    """The same description without the access URLs, typed media types and catalogue title
    fails: the check is not vacuous."""
    data = description(release)
    (catalog,) = data.subjects(RDF_TYPE, DCAT.Catalog)
    data.remove((catalog, DCTERMS.title, None))
    data.remove((None, DCAT.accessURL, None))
    data.remove((None, RDF_TYPE, DCTERMS.MediaType))
    found = violations(data, dcat_ap)
    paths = {path for path, _ in found}
    assert {str(DCTERMS.title), str(DCAT.accessURL), str(DCAT.mediaType)} <= paths
    missing_access = sum(n for (path, _), n in found.items() if path == str(DCAT.accessURL))
    assert missing_access == 5  # the 4 dumps and the archive


def test_a_catalogue_holds_the_dataset_and_its_versions(release: ReleaseSummary) -> None:
    data = description(release)
    (catalog,) = data.subjects(RDF_TYPE, DCAT.Catalog)
    datasets = set(data.objects(catalog, DCAT.dataset))
    assert len(datasets) == 2  # the dataset across versions, and this release
    for dataset in datasets:
        assert (dataset, RDF_TYPE, DCAT.Dataset) in data
        assert data.value(dataset, DCTERMS.title) is not None
        assert data.value(dataset, DCTERMS.description) is not None
