"""The checks of `respub.validate.linear` give their constraint's query results, stand
only for the exact query they were written for, and leave to the query the data they do
not handle."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pyoxigraph as ox
from rdflib import Graph, Literal

from respub.parse import parse_file
from respub.rdf.mapping import to_graph
from respub.rdf.vocab import RESPUB
from respub.validate import Report
from respub.validate.linear import LINEAR, applies, operative_numbering, query_digest
from respub.validate.shapes import SparqlConstraint, load_shapes
from respub.validate.sparql import _text, evaluate, to_store

NUMBERING = "https://respub.org/shapes#OperativeNumbering"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "bodies"


def _store(cases: ModuleType, case: str) -> ox.Store:
    return to_store(Graph().parse(cases.FIXTURES / f"{case}.ttl", format="turtle"))


def _constraint(shape: str) -> SparqlConstraint:
    return next(c for c in load_shapes().sparql if c.shape == shape)


def test_every_check_stands_for_the_current_query_of_its_shape() -> None:
    """A changed query fails here: its check must be rewritten (or dropped) with it."""
    for shape, (digest, _) in LINEAR.items():
        constraint = _constraint(shape)
        assert query_digest(constraint.query) == digest, shape
        assert applies(constraint) is not None


def test_a_check_does_not_stand_for_another_query() -> None:
    constraint = _constraint(NUMBERING)
    edited = SparqlConstraint(
        constraint.shape,
        constraint.target_classes,
        constraint.query.replace("?value < 1", "?value < 0"),
        constraint.prefixes,
        constraint.message,
        constraint.severity,
    )
    assert applies(edited) is None


def test_each_check_equals_its_query_on_every_fixture(cases: ModuleType, case: str) -> None:
    store = _store(cases, case)
    for shape, (_, check) in LINEAR.items():
        constraint = _constraint(shape)
        found = check(constraint, store)
        if found is None:
            continue
        by_query = {(v.focus, v.path, v.value) for v in evaluate([constraint], store)}
        by_check = {
            (_text(b["this"]), _text(b.get("path")), _text(b.get("value", b["this"])))
            for b in found
        }
        assert by_check == by_query, shape


def test_numbering_checked_linearly_for_integers(cases: ModuleType) -> None:
    constraint = _constraint(NUMBERING)
    expected = {
        "OperativeNumbering": {"3"},  # a gap before 3
        "OperativeNumbering.duplicate": {"1"},  # 1 twice
        "OperativeNumbering.below-one": {"0"},
        "OperativeNumbering.after-recitals": {"3"},  # recital 1, then 3
    }
    for case, values in expected.items():
        found = operative_numbering(constraint, _store(cases, case))
        assert found is not None, case
        assert {_text(b["value"]) for b in found} == values, case
    assert operative_numbering(constraint, _store(cases, "text")) == []


def test_numbering_left_to_the_query_for_text(cases: ModuleType) -> None:
    store = _store(cases, "OperativeNumbering.roman")
    constraint = _constraint(NUMBERING)
    assert operative_numbering(constraint, store) is None
    assert Report(tuple(evaluate([constraint], store))).violations


def test_operative_numbering_goes_on_from_numbered_recitals() -> None:
    """UNESCO's "1. Recalling", "2. Having examined", "3. Welcomes": the operative part
    numbered from 3 conforms, by the query and by the check, and not without the recitals'
    numbers."""
    resolution = parse_file(FIXTURES / "unesco-gc-numbered.en.txt")
    graph = to_graph(resolution)
    constraint = _constraint(NUMBERING)
    store = to_store(graph)
    assert operative_numbering(constraint, store) == []
    assert not Report(tuple(evaluate([constraint], store))).violations
    graph.remove((None, RESPUB.paragraphNumber, Literal(1)))
    graph.remove((None, RESPUB.paragraphNumber, Literal(2)))
    store = to_store(graph)
    found = operative_numbering(constraint, store)
    assert found is not None and {_text(b["value"]) for b in found} == {"3"}
    assert {v.value for v in evaluate([constraint], store)} == {"3"}
