"""SHACL-SPARQL constraints checked in one pass over the store instead of by their query.

A constraint's query stays its definition (pyshacl runs it, and the per-focus evaluation
`respub.validate.sparql.evaluate` too); a check here gives the same results as the query on
the data it handles, and returns None for data it does not handle, so the query runs
instead. Tests compare both on every corpus document and fixture.

rsh:OperativeNumbering ("operative clauses are numbered 1 to n without gaps or
duplicates"): its query joins every clause of a version with every other (a twin with the
same number, a clause numbered one less), so a version of n clauses costs n² in
pyoxigraph. Here: the numbers of each version counted once, then each clause looked up.
Handled when every ``respub:paragraphNumber`` is an ``xsd:integer`` (the shapes require
it); any other value (whose comparisons SPARQL defines otherwise) leaves it to the query.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator

import pyoxigraph as ox

from respub.validate.shapes import SparqlConstraint

__all__ = ["LINEAR", "operative_numbering"]

_RESPUB = "https://respub.org/ontology#"
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
_HAS_OPERATIVE = ox.NamedNode(_RESPUB + "hasOperativeClause")
_NUMBER = ox.NamedNode(_RESPUB + "paragraphNumber")

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
# The bindings ($this, ?value) of each result, or None when the query must decide.
Check = Callable[[SparqlConstraint, ox.Store], list[tuple[Term, Term]] | None]


def targets(
    constraint: SparqlConstraint, store: ox.Store
) -> Iterator[ox.NamedNode | ox.BlankNode | ox.Triple]:
    """The focus nodes of a constraint: the instances of its target classes."""
    seen: set[Term] = set()
    for cls in constraint.target_classes:
        for quad in store.quads_for_pattern(None, _RDF_TYPE, ox.NamedNode(cls)):
            if quad.subject not in seen:
                seen.add(quad.subject)
                yield quad.subject


def operative_numbering(
    constraint: SparqlConstraint, store: ox.Store
) -> list[tuple[Term, Term]] | None:
    """Each (version, number) where the number is duplicated on another clause, below 1,
    or above 1 without a clause numbered one less (the query's DISTINCT $this ?value)."""
    numbers: dict[Term, list[tuple[ox.Literal, int]]] = {}
    for quad in store.quads_for_pattern(None, _NUMBER, None):
        value = quad.object
        if not isinstance(value, ox.Literal) or value.datatype != _INTEGER:
            return None
        try:
            number = int(value.value)
        except ValueError:  # an ill-typed integer: SPARQL compares it otherwise
            return None
        numbers.setdefault(quad.subject, []).append((value, number))
    found: list[tuple[Term, Term]] = []
    for version in targets(constraint, store):
        clauses = {q.object for q in store.quads_for_pattern(version, _HAS_OPERATIVE, None)}
        numbered = [(c, v, n) for c in clauses for v, n in numbers.get(c, ())]
        # clauses per number (a clause holding the same number twice is no twin of itself)
        holders = Counter(n for _, n in {(c, n) for c, _, n in numbered})
        present = set(holders)
        misplaced: dict[ox.Literal, None] = {}
        for _, value, n in numbered:
            if holders[n] > 1 or n < 1 or (n > 1 and n - 1 not in present):
                misplaced[value] = None
        found += [(version, value) for value in misplaced]
    return found


LINEAR: dict[str, Check] = {
    "https://respub.org/shapes#OperativeNumbering": operative_numbering,
}
