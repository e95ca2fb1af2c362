"""A second engine: pyrudof gives the same verdict as pyshacl on every fixture and snapshot.

The shapes are loaded once; each document is staged over a placeholder graph and rolled
back: ``begin_staging()`` → ``read_data(doc, merge=True)`` → ``validate_shacl()`` →
``rollback_staging()``. pyrudof supports every feature the shapes use (SHACL core,
qualified value shapes, ``sh:lessThanOrEquals`` and SHACL-SPARQL), so no
case is skipped. pyrudof's own ``conforms`` is false on warnings too, so the verdict
compared is the set of (focus node, source shape, severity) and the conformance derived
from severities.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from rdflib import Graph
from support import one_per_folder

from respub.rdf.files import CONCEPTS, DATASET_SHAPES, SHAPES
from respub.validate import Report, Severity, validate, validate_dataset

pyrudof = pytest.importorskip("pyrudof")

SNAPSHOTS = Path(__file__).parents[1] / "rdf" / "snapshots"
PLACEHOLDER = "<urn:respub:placeholder> <urn:respub:placeholder> <urn:respub:placeholder> ."

Verdict = set[tuple[str, str, str]]


def _engine(shapes: Path) -> object:
    engine = pyrudof.Rudof(pyrudof.RudofConfig())
    engine.read_shacl(shapes.read_text(encoding="utf-8"))
    engine.read_data(PLACEHOLDER)  # staging needs loaded data to stage over
    return engine


@pytest.fixture(scope="module")
def rudof() -> Iterator[object]:
    yield _engine(SHAPES)


@pytest.fixture(scope="module")
def rudof_dataset() -> Iterator[object]:
    yield _engine(DATASET_SHAPES)


def rudof_verdict(engine: object, graph: Graph) -> Verdict:
    document = graph.serialize(format="nt")
    engine.begin_staging()  # type: ignore[attr-defined]
    try:
        engine.read_data(document, format=pyrudof.RDFFormat.NTriples, merge=True)  # type: ignore[attr-defined]
        report = engine.validate_shacl()  # type: ignore[attr-defined]
    finally:
        engine.rollback_staging()  # type: ignore[attr-defined]
    return {
        (str(v.focus_node).strip("<>"), str(v.source_shape).strip("<>"), str(v.severity))
        for v in report.violations
    }


def verdict(report: Report) -> Verdict:
    return {(v.focus, v.source_shape, v.severity.value) for v in report.violations}


def conforms(found: Verdict) -> bool:
    return not any(severity == Severity.VIOLATION.value for _, _, severity in found)


def test_same_verdict_on_every_fixture(
    cases: ModuleType, case: str, rudof: object, rudof_dataset: object
) -> None:
    graph = Graph().parse(cases.FIXTURES / f"{case}.ttl", format="turtle")
    if case in cases.DATASET_CASES:
        ours, theirs = validate_dataset(graph), rudof_verdict(rudof_dataset, graph)
    else:
        ours, theirs = validate(graph), rudof_verdict(rudof, graph)
    assert theirs == verdict(ours)
    assert conforms(theirs) is ours.conforms


@pytest.mark.parametrize("snapshot", sorted(SNAPSHOTS.glob("*.ttl")), ids=lambda p: p.stem)
def test_same_verdict_on_the_snapshots(snapshot: Path, rudof: object) -> None:
    graph = Graph().parse(snapshot, format="turtle")
    assert rudof_verdict(rudof, graph) == verdict(validate(graph)) == set()


@pytest.mark.parametrize(
    "snapshot", one_per_folder(list((SNAPSHOTS / "corpus").rglob("*.ttl")), SNAPSHOTS)
)
def test_same_verdict_on_every_corpus_document(snapshot: Path, rudof: object) -> None:
    """Corpus documents conform; their warnings (e.g. no printed adoption date) agree too."""
    graph = Graph().parse(snapshot, format="turtle")
    ours = verdict(validate(graph))
    assert rudof_verdict(rudof, graph) == ours
    assert conforms(ours)


def test_same_verdict_on_the_concept_schemes(rudof: object) -> None:
    graph = Graph().parse(CONCEPTS, format="turtle")
    assert rudof_verdict(rudof, graph) == verdict(validate(graph)) == set()


def test_staging_leaves_no_trace(cases: ModuleType, rudof: object) -> None:
    broken = Graph().parse(cases.FIXTURES / "Resolution-passedBy.ttl", format="turtle")
    assert rudof_verdict(rudof, broken)
    assert rudof_verdict(rudof, cases.base_graph()) == set()
