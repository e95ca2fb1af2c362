"""respub's SHACL shapes, parsed once: the core shapes for pyshacl and the SPARQL constraints.

pyshacl re-parses a constraint's SPARQL text for every focus node, which costs more than
all core shapes together; so the shapes are split once: pyshacl checks the core shapes,
and the SPARQL constraints are prepared for `respub.validate.sparql`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from respub.rdf.files import SHAPES
from respub.validate.report import Severity

SH = Namespace("http://www.w3.org/ns/shacl#")

_SEVERITIES: dict[Node, Severity] = {
    SH.Violation: Severity.VIOLATION,
    SH.Warning: Severity.WARNING,
    SH.Info: Severity.INFO,
}


@dataclass(frozen=True)
class SparqlConstraint:
    """A SHACL-SPARQL constraint of a named node shape, ready to run for each target."""

    shape: str
    target_classes: tuple[str, ...]
    query: str
    prefixes: tuple[tuple[str, str], ...]
    message: str
    severity: Severity


@dataclass(frozen=True)
class Shapes:
    """The whole shapes graph, its core part (no SPARQL constraints) and the constraints."""

    graph: Graph
    core: Graph
    sparql: tuple[SparqlConstraint, ...]


def severity(term: Node | None) -> Severity:
    """The `Severity` of a SHACL severity IRI (Violation when none or unknown)."""
    return _SEVERITIES.get(term, Severity.VIOLATION) if term is not None else Severity.VIOLATION


def _prefixes(graph: Graph, constraint: Node) -> tuple[tuple[str, str], ...]:
    found = []
    for owner in graph.objects(constraint, SH.prefixes):
        for declaration in graph.objects(owner, SH.declare):
            prefix = graph.value(declaration, SH.prefix)
            namespace = graph.value(declaration, SH.namespace)
            if prefix is not None and namespace is not None:
                found.append((str(prefix), str(namespace)))
    return tuple(sorted(set(found)))


def split_shapes(graph: Graph) -> Shapes:
    """Separate the SPARQL-constrained node shapes from the core shapes.

    Each SPARQL constraint must sit on its own named node shape with ``sh:targetClass``
    targets (respub's convention, so a report's source shape names the constraint).
    """
    constraints: list[SparqlConstraint] = []
    owners = {s for s in graph.subjects(SH.sparql, None) if isinstance(s, URIRef)}
    for shape in sorted(owners):
        targets = tuple(sorted(str(t) for t in graph.objects(shape, SH.targetClass)))
        for constraint in graph.objects(shape, SH.sparql):
            query = graph.value(constraint, SH.select)
            if not isinstance(query, Literal):
                raise ValueError(f"{shape}: only sh:select SPARQL constraints are supported")
            messages = sorted(str(m) for m in graph.objects(constraint, SH.message))
            messages = messages or sorted(str(m) for m in graph.objects(shape, SH.message))
            constraints.append(
                SparqlConstraint(
                    shape=str(shape),
                    target_classes=targets,
                    query=str(query),
                    prefixes=_prefixes(graph, constraint),
                    message=messages[0] if messages else f"{shape} is not satisfied",
                    severity=severity(graph.value(shape, SH.severity)),
                )
            )
    core = Graph()
    skipped = owners | {c for s in owners for c in graph.objects(s, SH.sparql)}
    for triple in graph:
        if triple[0] not in skipped:
            core.add(triple)
    for prefix, namespace in graph.namespaces():
        core.bind(prefix, namespace)
    return Shapes(graph=graph, core=core, sparql=tuple(constraints))


def load_shapes(path: Path = SHAPES) -> Shapes:
    """Parse and split a shapes file (cached per path)."""
    return _load(str(path))


@cache
def _load(path: str) -> Shapes:
    return split_shapes(Graph().parse(path, format="turtle"))
