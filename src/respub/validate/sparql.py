"""Run respub's SHACL-SPARQL constraints with pyoxigraph, the queries parsed once.

Follows SHACL's pre-binding of ``$this`` (SEP-0007 substitution) for every instance of
the shape's target classes, and pyshacl's result conventions: ``?path`` and ``?value``
when bound, else the focus node as value; ``{?var}`` in messages replaced by the term.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import pyoxigraph as ox
from rdflib import BNode, Graph, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.term import Node

from respub.validate.linear import applies
from respub.validate.report import Violation
from respub.validate.shapes import SparqlConstraint

_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_THIS = ox.Variable("this")
_PLACEHOLDER = re.compile(r"\{[?$](\w+)\}")


def to_store(graph: Graph) -> ox.Store:
    """An in-memory pyoxigraph store holding an rdflib graph's triples."""
    store = ox.Store()
    store.bulk_extend(
        ox.Quad(_term(s), _term(p), _term(o), ox.DefaultGraph())  # type: ignore[arg-type]
        for s, p, o in graph
    )
    return store


def _term(node: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(node, URIRef):
        return ox.NamedNode(str(node))
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    if isinstance(node, RdfLiteral):
        if node.language:
            return ox.Literal(str(node), language=node.language)
        if node.datatype:
            return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)))
        return ox.Literal(str(node))
    raise ValueError(f"unsupported RDF term {node!r}")


def _text(term: object) -> str | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode | ox.Literal):
        return term.value
    return str(term)


def evaluate(constraints: Iterable[SparqlConstraint], store: ox.Store) -> list[Violation]:
    """The results of the SPARQL constraints on the data in `store`."""
    results: list[Violation] = []
    for constraint in constraints:
        prefixes = dict(constraint.prefixes)
        focuses = {
            quad.subject
            for cls in constraint.target_classes
            for quad in store.quads_for_pattern(None, _RDF_TYPE, ox.NamedNode(cls))
        }
        for focus in sorted(focuses, key=str):
            solutions = store.query(
                constraint.query, prefixes=prefixes, substitutions={_THIS: focus}
            )
            assert isinstance(solutions, ox.QuerySolutions)
            for solution in solutions:
                results.append(_violation(constraint, focus, solution))
    return results


def evaluate_all(constraints: Iterable[SparqlConstraint], store: ox.Store) -> list[Violation]:
    """`evaluate`'s results, each constraint run once with its targets joined in (``?this a
    <class>`` added to the query's top group) instead of once per focus node.

    The same results as `evaluate` for constraints whose query projects ``$this`` and
    binds it in its top group (respub's do: a test compares them); any other constraint is
    evaluated per focus node. A constraint with a check in `respub.validate.linear` runs that
    check instead, unless it leaves the data to the query.
    """
    results: list[Violation] = []
    for constraint in constraints:
        check = applies(constraint)
        found = check(constraint, store) if check is not None else None
        if found is not None:
            results += [_violation(constraint, b["this"], _Bindings(b)) for b in found]
            continue
        query = _joined(constraint)
        if query is None:
            results += evaluate([constraint], store)
            continue
        solutions = store.query(query, prefixes=dict(constraint.prefixes))
        assert isinstance(solutions, ox.QuerySolutions)
        for solution in solutions:
            results.append(_violation(constraint, solution["this"], solution))
    return results


_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_PROJECTS_THIS = re.compile(r"^\s*SELECT\s+(DISTINCT\s+)?[^{]*[$?]this\b", re.IGNORECASE)


def _joined(constraint: SparqlConstraint) -> str | None:
    """The constraint's query with its target classes joined in its top group, or None
    when it does not project ``$this``."""
    where = _WHERE.search(constraint.query)
    if where is None or not _PROJECTS_THIS.match(constraint.query[: where.start()]):
        return None
    classes = " ".join(f"<{c}>" for c in constraint.target_classes)
    target = f" VALUES ?respubTarget {{ {classes} }} ?this a ?respubTarget . "
    return constraint.query[: where.end()] + target + constraint.query[where.end() :]


def _violation(
    constraint: SparqlConstraint,
    focus: object,
    solution: ox.QuerySolution | _Bindings,
) -> Violation:
    """The result of a solution (or of a linear check's bindings) for `focus`."""
    this = solution["this"] or focus
    value = solution["value"] or focus  # a node shape reports its focus node as value
    path = solution["path"]

    def replace(found: re.Match[str]) -> str:
        name = found.group(1)
        term = {"this": this, "value": value, "path": path}.get(name) or solution[name]
        return _text(term) or found.group(0)

    return Violation(
        focus=_text(this) or "",
        path=_text(path),
        value=_text(value),
        severity=constraint.severity,
        message=_PLACEHOLDER.sub(replace, constraint.message),
        source_shape=constraint.shape,
        component="SPARQLConstraintComponent",
    )


class _Bindings:
    """A linear check's bindings read like a query solution (unbound: None)."""

    def __init__(self, bindings: Mapping[str, object]) -> None:
        self._bindings = bindings

    def __getitem__(self, name: str) -> object:
        return self._bindings.get(name)
