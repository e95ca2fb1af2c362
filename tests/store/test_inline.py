"""Bindings as a VALUES block (`respub.store.inline`): where the block goes, which
variables it binds, and that a bound query gives the unbound query's rows with that value."""

from __future__ import annotations

import pytest
from pyoxigraph import QuerySolutions, Store

from respub.store.execute import ask
from respub.store.guard import QueryError
from respub.store.inline import with_values

from .conftest import REPO, Published

A = '"A/RES/80/1"'


@pytest.mark.parametrize(
    ("sparql", "expected"),
    [
        # prologue words, a prefix named like a keyword, a comment and strings with braces
        (
            "PREFIX select: <http://x.org/>\n# WHERE {\nSELECT ?i { ?w select:p ?i . "
            'FILTER (?i != "}") }',
            "PREFIX select: <http://x.org/>\n# WHERE {\nSELECT ?i { "
            'VALUES (?i) { ("A/RES/80/1") }\n ?w select:p ?i . FILTER (?i != "}") }',
        ),
        # the CONSTRUCT template is not the WHERE group
        (
            "CONSTRUCT { ?w <http://x.org/p> ?i } WHERE { ?w <http://x.org/q> ?i }",
            "CONSTRUCT { ?w <http://x.org/p> ?i } WHERE { VALUES (?i) { "
            '("A/RES/80/1") }\n ?w <http://x.org/q> ?i }',
        ),
        # SELECT *: every variable may be bound; a subquery's braces come after the group's
        (
            "SELECT * WHERE { { SELECT ?i WHERE { ?w <http://x.org/q> ?i } } }",
            'SELECT * WHERE { VALUES (?i) { ("A/RES/80/1") }\n { SELECT ?i WHERE '
            "{ ?w <http://x.org/q> ?i } } }",
        ),
        # a variable the SELECT does not project, or computes, is left to the substitution
        ("SELECT ?w WHERE { ?w <http://x.org/q> ?i }", None),
        ("SELECT (STR(?x) AS ?i) WHERE { ?w <http://x.org/q> ?x }", None),
        ("SELECT ?i", None),  # no group: the store reports the syntax error
        # a query that computes a bound variable anywhere gets no block (bound ?i, ?w)
        ("SELECT ?w ?i WHERE { ?w <http://x.org/q> ?d BIND (STR(?d) AS ?i) }", None),
    ],
)
def test_where_the_values_go(sparql: str, expected: str | None) -> None:
    assert with_values(sparql, {"i": A}) == (expected or sparql)
    if "BIND" in sparql:
        assert with_values(sparql, {"w": "<http://x.org/w>", "i": A}) == sparql


def _rows(store: Store, sparql: str, **bindings: str) -> set[tuple[str, ...]]:
    answer = ask(store, sparql, bindings)
    assert isinstance(answer, QuerySolutions)
    return {tuple("" if t is None else t.value for t in row) for row in answer}


@pytest.mark.parametrize("name", ["clause-counts.rq", "eli-resolutions-by-language.rq"])
def test_a_bound_query_gives_the_unbound_rows_of_its_value(published: Published, name: str) -> None:
    store = Store.read_only(str(published.store))
    text = (REPO / "queries" / name).read_text("utf-8")
    everything = _rows(store, text)
    identifiers = sorted({row[0] for row in everything})
    assert len(identifiers) >= 10
    for identifier in [*identifiers, "A/RES/0/0"]:
        found = _rows(store, text, identifier=identifier)
        assert found == {row for row in everything if row[0] == identifier}, identifier
    assert with_values(text, {"identifier": A}) != text


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("identifier", "http://a<b", "binding ?identifier='http://a<b': not a valid IRI"),
        ("not a name", "x", "binding 'not a name': not a variable name"),
    ],
)
def test_a_bad_binding_is_a_clear_error(
    published: Published, name: str, value: str, message: str
) -> None:
    store = Store.read_only(str(published.store))
    with pytest.raises(QueryError) as error:
        ask(store, "SELECT ?identifier WHERE { ?w ?p ?identifier }", {name: value})
    assert str(error.value).startswith(message)
