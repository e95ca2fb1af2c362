"""One shape, one failing fixture: each fixture trips exactly its shape, by sh:sourceShape."""

from __future__ import annotations

from types import ModuleType

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from respub.validate import Severity, load_shapes, validate, validate_dataset
from respub.validate.shapes import SH

RSH = "https://respub.org/shapes#"
WARNINGS = {
    "Resolution-dateAdopted-present",
    "Expression-title-present",
    "PreambularClause-concept-present",
    "OperativeClause-concept-present",
    "CitedResolutionInDataset",
}


def fixture_graph(cases: ModuleType, case: str) -> Graph:
    return Graph().parse(cases.FIXTURES / f"{case}.ttl", format="turtle")


def check(cases: ModuleType, case: str, graph: Graph) -> object:
    return validate_dataset(graph) if case in cases.DATASET_CASES else validate(graph)


def constraining_shapes() -> set[str]:
    """Every named shape that declares a constraint of its own (not only sh:property)."""
    names = set()
    for path in (load_shapes().graph, Graph().parse(str(_dataset_shapes()))):
        declaring = (SH.path, SH.sparql, SH["class"], SH["or"])  # a node shape's own too
        for shape in {s for p in declaring for s in path.subjects(p, None)}:
            if str(shape).startswith(RSH):  # not the blank nodes inside sh:or
                names.add(str(shape))
    return names


def _dataset_shapes() -> object:
    from respub.rdf.files import DATASET_SHAPES

    return DATASET_SHAPES


def test_fixture_files_are_generated_from_the_cases(
    cases: ModuleType, case: str, regenerate: bool
) -> None:
    path = cases.FIXTURES / f"{case}.ttl"
    if regenerate:
        path.write_text(cases.render_fixture(case), encoding="utf-8")
    assert isomorphic(fixture_graph(cases, case), cases.build_fixture(case)), (
        f"{path.name} is stale: RESPUB_REGENERATE_SNAPSHOTS=1 rewrites it"
    )


def test_no_stray_fixture_files(cases: ModuleType) -> None:
    assert {p.stem for p in cases.FIXTURES.glob("*.ttl")} == set(cases.CASES)


def test_every_shape_has_its_fixture(cases: ModuleType) -> None:
    assert {RSH + cases.shape_of(name) for name in cases.CASES} == constraining_shapes()


def test_the_base_document_trips_nothing(cases: ModuleType) -> None:
    base = cases.base_graph()
    assert validate(base).violations == ()
    assert validate_dataset(base).violations == ()
    assert validate(base, reference=True).violations == ()


def test_each_fixture_trips_exactly_its_shape(cases: ModuleType, case: str) -> None:
    report = check(cases, case, fixture_graph(cases, case))
    expected_shapes = {cases.shape_of(case), *cases.ALSO_TRIPS.get(case, ())}
    assert {v.source_shape for v in report.violations} == {RSH + s for s in expected_shapes}  # type: ignore[attr-defined]
    expected = Severity.WARNING if case in WARNINGS else Severity.VIOLATION
    assert {v.severity for v in report.violations} == {expected}  # type: ignore[attr-defined]
    assert report.conforms is (expected is Severity.WARNING)  # type: ignore[attr-defined]


@pytest.mark.huge  # a minute or more on 2 cores: make test-huge and CI run it
def test_pyshacl_alone_agrees_on_the_sparql_fixtures(cases: ModuleType) -> None:
    """The fast path (SPARQL constraints in pyoxigraph) gives pyshacl's results exactly."""
    sparql = {c.shape.removeprefix(RSH) for c in load_shapes().sparql}
    for case in sorted(c for c in cases.CASES if cases.shape_of(c) in sparql):
        graph = fixture_graph(cases, case)
        assert validate(graph) == validate(graph, reference=True), case
