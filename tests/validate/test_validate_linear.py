"""The checks of `respub.validate.linear` give their constraint's query results, and leave
to the query only the data they do not handle."""

from __future__ import annotations

from types import ModuleType

import pyoxigraph as ox
from rdflib import Graph

from respub.validate import Report
from respub.validate.linear import LINEAR, operative_numbering
from respub.validate.shapes import SparqlConstraint, load_shapes
from respub.validate.sparql import evaluate, to_store

NUMBERING = "https://respub.org/shapes#OperativeNumbering"


def _store(cases: ModuleType, case: str) -> ox.Store:
    return to_store(Graph().parse(cases.FIXTURES / f"{case}.ttl", format="turtle"))


def _constraint(shape: str) -> SparqlConstraint:
    return next(c for c in load_shapes().sparql if c.shape == shape)


def test_every_check_names_a_constraint_of_the_shapes() -> None:
    assert set(LINEAR) <= {c.shape for c in load_shapes().sparql}


def test_each_check_equals_its_query_on_every_fixture(cases: ModuleType, case: str) -> None:
    store = _store(cases, case)
    for shape, check in LINEAR.items():
        constraint = _constraint(shape)
        found = check(constraint, store)
        if found is None:
            continue
        by_query = {(v.focus, v.value) for v in evaluate([constraint], store)}
        assert {(str(t.value), str(v.value)) for t, v in found} == by_query, shape  # type: ignore[union-attr]


def test_numbering_checked_linearly_for_integers(cases: ModuleType) -> None:
    constraint = _constraint(NUMBERING)
    expected = {
        "OperativeNumbering": {"3"},  # a gap before 3
        "OperativeNumbering.duplicate": {"1"},  # 1 twice
        "OperativeNumbering.below-one": {"0"},
    }
    for case, values in expected.items():
        found = operative_numbering(constraint, _store(cases, case))
        assert found is not None, case
        assert {str(value.value) for _, value in found} == values, case  # type: ignore[union-attr]
    assert operative_numbering(constraint, _store(cases, "text")) == []


def test_numbering_left_to_the_query_for_text(cases: ModuleType) -> None:
    store = _store(cases, "OperativeNumbering.roman")
    constraint = _constraint(NUMBERING)
    assert operative_numbering(constraint, store) is None
    assert Report(tuple(evaluate([constraint], store))).violations
