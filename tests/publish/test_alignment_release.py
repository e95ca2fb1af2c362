"""The release's cross-language alignment: the INTERPOL four linked clause by clause."""

from __future__ import annotations

import json
from pathlib import Path

import rdflib
from pyoxigraph import QuerySolutions, Store

from respub.publish.checksums import read_sums
from respub.publish.release import ReleaseSummary
from respub.rdf.iri import Iris
from respub.store.load import alignment_graph, load_release

ALIGNED = rdflib.URIRef("https://respub.org/ontology#alignedWith")
WORK = Iris().work("GA-2021-89-RES-09")


def test_the_interpol_work_has_its_60_links_and_no_gap(release: ReleaseSummary) -> None:
    root = release.release_dir
    assert {"alignment.ttl", "alignment.json"} <= set(read_sums(root))
    graph = rdflib.Graph().parse(root / "alignment.ttl", format="turtle")
    interpol = {(s, o) for s, p, o in graph if p == ALIGNED and str(s).startswith(WORK + "/")}
    assert len(interpol) == 120
    assert len({frozenset(pair) for pair in interpol}) == 60
    report = json.loads((root / "alignment.json").read_text(encoding="utf-8"))
    works = {w["work"]: w for w in report["works"]}
    assert works[WORK]["links"] == 60 and works[WORK]["unaligned"] == []
    assert works[WORK]["languages"] == ["ar", "en", "es", "fr"]
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert "## Cross-language alignment" in readme
    assert f"- {WORK} (ar, en, es, fr): 60 links, 0 unaligned" in readme


def test_the_store_holds_the_links_in_their_graph(release: ReleaseSummary, tmp_path: Path) -> None:
    load_release(release.release_dir, tmp_path / "store")
    store = Store.read_only(str(tmp_path / "store"))
    answer = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?a <{ALIGNED}> ?b }} }}")
    assert isinstance(answer, QuerySolutions)
    count = int(next(iter(answer))["n"].value)
    assert count == 120
    graphs = {g.value for g in store.named_graphs()}
    assert alignment_graph("https://data.respub.org/") in graphs
