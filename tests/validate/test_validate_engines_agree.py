"""The fast validator (pyrudof and pyoxigraph on N-Triples) against the reference (pyshacl
on rdflib).

The publish pipeline validates with `validate_ntriples`; pyshacl stays the reference.
Both must give the same violation records (focus, path, value, severity, message, shape,
component), not only the same verdict, on every failing fixture, every snapshot, and
every document of the corpus as the pipeline maps it. The reference `validate` runs the
core shapes in pyshacl and the SPARQL constraints one focus node at a time in pyoxigraph
(the fast path: one query per constraint); test_validate_fixtures checks that reference
against pyshacl running every shape on every fixture (pyshacl's own SPARQL takes seconds a
corpus document, too slow to run on the whole corpus in the suite).
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
from rdflib import Graph
from support import one_per_folder

from respub.process import process_document
from respub.publish.dumps import triples_of
from respub.rdf.files import SHAPES
from respub.rdf.mapping import triples_to_graph
from respub.settings import Settings
from respub.sources.discover import discover
from respub.validate import validate
from respub.validate.rudof import validate_ntriples

ROOT = Path(__file__).parents[2]
SNAPSHOTS = ROOT / "tests" / "rdf" / "snapshots"
CORPUS = sorted(discover([ROOT / "corpus"]))


def test_identical_reports_on_every_fixture(cases: ModuleType, case: str) -> None:
    graph = Graph().parse(cases.FIXTURES / f"{case}.ttl", format="turtle")
    fast = validate_ntriples(graph.serialize(format="nt"), SHAPES)
    assert fast == validate(graph)
    if case not in cases.DATASET_CASES:
        assert fast.violations, f"{case} must trip its shape"


@pytest.mark.parametrize("snapshot", one_per_folder(list(SNAPSHOTS.rglob("*.ttl")), SNAPSHOTS))
def test_identical_reports_on_every_snapshot(snapshot: Path) -> None:
    graph = Graph().parse(snapshot, format="turtle")
    assert validate_ntriples(graph.serialize(format="nt")) == validate(graph)


@pytest.mark.huge  # a minute or more on 2 cores: make test-huge and CI run it
@pytest.mark.slow
def test_identical_reports_on_every_corpus_document() -> None:
    """What the pipeline publishes for each corpus file gets the same report from both."""
    assert len(CORPUS) > 40
    compared = 0
    for path in CORPUS:
        result = process_document(path, Settings())
        if not result.ntriples:
            continue
        graph = triples_to_graph(triples_of(result.ntriples))
        reference = validate(graph)
        assert validate_ntriples(result.ntriples) == reference, path
        compared += 1
    assert compared > 40


def test_a_broken_document_is_caught_by_the_fast_path(cases: ModuleType) -> None:
    graph = Graph().parse(cases.FIXTURES / "Resolution-passedBy.ttl", format="turtle")
    report = validate_ntriples(graph.serialize(format="nt"))
    assert not report.conforms
    assert validate_ntriples(cases.base_graph().serialize(format="nt")).conforms


def test_empty_input_has_nothing_to_report() -> None:
    assert validate_ntriples("").violations == ()
