"""SHACL-SPARQL constraints checked in one pass over the store instead of by their query.

A constraint's query stays its definition (pyshacl runs it, and the per-focus evaluation
`respub.validate.sparql.evaluate` too). A check here stands for one exact query: it is
used only while the constraint's query, whitespace aside, has the SHA-256 the check was
written for (a test checks that every check still matches the shapes), and it returns
None for data it does not handle, so the query runs instead. Tests compare both on every
corpus document and fixture.

- rsh:OperativeNumbering ("operative clauses are numbered 1 to n without gaps or
  duplicates, or on from numbered recitals"): its query joins every clause of a version
  with every other (a twin with the same number, a clause or recital numbered one less),
  n² per version in pyoxigraph. Here: the numbers of each version counted once. Handled
  when every ``respub:paragraphNumber`` is an ``xsd:integer`` (the shapes require it);
  other values compare otherwise in SPARQL.
- rsh:StandardTerms (each respub statement has its ELI or Dublin Core twin): its query
  spells 21 (term, twin) pairs as a UNION of BINDs, and parsing it cost more than running
  it (0.42 of 0.43 ms a document). Here: the pairs, read from the query, looked up.
- rsh:PartOf (dcterms:hasPart and dcterms:isPartOf both ways): two set lookups a pair.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterator
from functools import cache

import pyoxigraph as ox

from respub.validate.shapes import SparqlConstraint

__all__ = ["LINEAR", "applies", "operative_numbering", "part_of", "standard_terms"]

_SHAPES = "https://respub.org/shapes#"
_RESPUB = "https://respub.org/ontology#"
_DCTERMS = "http://purl.org/dc/terms/"
_DEFAULT = ox.DefaultGraph()  # the queries read the default graph only
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
_HAS_OPERATIVE = ox.NamedNode(_RESPUB + "hasOperativeClause")
_NUMBER = ox.NamedNode(_RESPUB + "paragraphNumber")
_HAS_PREAMBLE = ox.NamedNode(_RESPUB + "hasPreamble")
_HAS_RECITAL = ox.NamedNode(_RESPUB + "hasPreambularClause")
_HAS_PART = ox.NamedNode(_DCTERMS + "hasPart")
_IS_PART_OF = ox.NamedNode(_DCTERMS + "isPartOf")

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
Bindings = dict[str, Term]
# The bindings ($this, ?value, ?path) of each result, or None when the query must decide.
Check = Callable[[SparqlConstraint, ox.Store], list[Bindings] | None]


def query_digest(query: str) -> str:
    """The SHA-256 (16 hex digits) of a query with its whitespace runs made one space."""
    return hashlib.sha256(" ".join(query.split()).encode()).hexdigest()[:16]


def applies(constraint: SparqlConstraint) -> Check | None:
    """The check standing for `constraint`'s query, if one was written for it."""
    found = LINEAR.get(constraint.shape)
    if found is None or query_digest(constraint.query) != found[0]:
        return None
    return found[1]


def _match(
    store: ox.Store,
    subject: ox.NamedNode | ox.BlankNode | ox.Triple | None,
    predicate: ox.NamedNode,
    value: Term | None,
) -> Iterator[ox.Quad]:
    """The default graph's quads matching a pattern (the queries read that graph only)."""
    return store.quads_for_pattern(subject, predicate, value, _DEFAULT)


def targets(
    constraint: SparqlConstraint, store: ox.Store
) -> Iterator[ox.NamedNode | ox.BlankNode | ox.Triple]:
    """The focus nodes of a constraint: the instances of its target classes."""
    seen: set[Term] = set()
    for cls in constraint.target_classes:
        for quad in _match(store, None, _RDF_TYPE, ox.NamedNode(cls)):
            if quad.subject not in seen:
                seen.add(quad.subject)
                yield quad.subject


def operative_numbering(constraint: SparqlConstraint, store: ox.Store) -> list[Bindings] | None:
    """Each (version, number) where the number is duplicated on another clause, below 1,
    or above 1 without a clause numbered one less (the query's DISTINCT $this ?value)."""
    numbers: dict[Term, list[tuple[ox.Literal, int]]] = {}
    for quad in _match(store, None, _NUMBER, None):
        value = quad.object
        if not isinstance(value, ox.Literal) or value.datatype != _INTEGER:
            return None
        try:
            number = int(value.value)
        except ValueError:  # an ill-typed integer: SPARQL compares it otherwise
            return None
        numbers.setdefault(quad.subject, []).append((value, number))
    found: list[Bindings] = []
    for version in targets(constraint, store):
        clauses = {q.object for q in _match(store, version, _HAS_OPERATIVE, None)}
        numbered = [(c, v, n) for c in clauses for v, n in numbers.get(c, ())]
        # clauses per number (a clause holding the same number twice is no twin of itself)
        holders = Counter(n for _, n in {(c, n) for c, _, n in numbered})
        recitals = {  # the numbers of numbered recitals, which the operative part continues
            n
            for preamble in _match(store, version, _HAS_PREAMBLE, None)
            if not isinstance(preamble.object, ox.Literal)
            for recital in _match(store, preamble.object, _HAS_RECITAL, None)
            for _, n in numbers.get(recital.object, ())
        }
        misplaced: dict[ox.Literal, None] = {}
        for _, value, n in numbered:
            before = n - 1 in holders or n - 1 in recitals
            if holders[n] > 1 or n < 1 or (n > 1 and not before):
                misplaced[value] = None
        found += [{"this": version, "value": value} for value in misplaced]
    return found


_PAIR = re.compile(r"BIND \((\w+):(\w+) AS \?own\) BIND \((\w+):(\w+) AS \?path\)")


@cache
def _pairs(
    query: str, prefixes: tuple[tuple[str, str], ...]
) -> tuple[tuple[ox.NamedNode, ox.NamedNode], ...]:
    """The (respub term, twin) pairs a StandardTerms query BINDs."""
    names = dict(prefixes)
    return tuple(
        (ox.NamedNode(names[a] + b), ox.NamedNode(names[c] + d))
        for a, b, c, d in _PAIR.findall(" ".join(query.split()))
    )


def standard_terms(constraint: SparqlConstraint, store: ox.Store) -> list[Bindings] | None:
    """Each ($this, twin, value) where $this states the value with respub's term and not
    with the twin."""
    pairs = _pairs(constraint.query, constraint.prefixes)
    focus = set(targets(constraint, store))
    found: list[Bindings] = []
    for own, path in pairs:
        for quad in _match(store, None, own, None):
            this = quad.subject
            if this in focus and ox.Quad(this, path, quad.object) not in store:
                found.append({"this": this, "path": path, "value": quad.object})
    return found


def part_of(constraint: SparqlConstraint, store: ox.Store) -> list[Bindings] | None:
    """Each ($this, part) linked by dcterms:hasPart without the dcterms:isPartOf back,
    and each ($this, part) linked back without the forward link."""
    parts = {(q.subject, q.object) for q in _match(store, None, _HAS_PART, None)}
    wholes = {(q.object, q.subject) for q in _match(store, None, _IS_PART_OF, None)}
    focus = set(targets(constraint, store))
    return [{"this": this, "value": value} for this, value in (parts ^ wholes) if this in focus]


LINEAR: dict[str, tuple[str, Check]] = {
    _SHAPES + "OperativeNumbering": ("d52f7201906b8a89", operative_numbering),
    _SHAPES + "StandardTerms": ("46caf46b8f7e87ae", standard_terms),
    _SHAPES + "PartOf": ("ffdb87b18a940ccc", part_of),
}
