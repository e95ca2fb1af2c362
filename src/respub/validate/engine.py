"""Validate respub data against the SHACL shapes: a typed `Report`, or raise on demand.

Documents are validated one by one; the shapes are parsed once and cached.
"""

from __future__ import annotations

import pyshacl
from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from respub.validate.report import Report, ValidationFailed, Violation
from respub.validate.shapes import SH, Shapes, load_shapes, severity
from respub.validate.sparql import evaluate, to_store


def validate(graph: Graph, shapes: Shapes | None = None, *, reference: bool = False) -> Report:
    """Validate one document's graph; warnings are reported but do not break conformance.

    pyshacl checks the core shapes and pyoxigraph the SPARQL constraints (prepared once).
    `reference=True` runs every shape, SPARQL included, in pyshacl alone (slower; tests
    use it to check that both ways agree).
    """
    shapes = shapes or load_shapes()
    shacl_graph = shapes.graph if reference else shapes.core
    _, results, _ = pyshacl.validate(
        graph, shacl_graph=shacl_graph, allow_warnings=True, allow_infos=True
    )
    if not isinstance(results, Graph):  # pyshacl could not run the shapes at all
        raise ValueError(f"the shapes could not be applied: {results}")
    violations = [
        _violation(results, node) for node in results.subjects(RDF.type, SH.ValidationResult)
    ]
    if not reference:
        violations.extend(evaluate(shapes.sparql, to_store(graph)))
    return Report(tuple(violations))


def assert_validates(graph: Graph, shapes: Shapes | None = None) -> Report:
    """The report of a conforming graph; `ValidationFailed` if any result is a violation."""
    report = validate(graph, shapes)
    if not report.conforms:
        raise ValidationFailed(report)
    return report


def _violation(results: Graph, node: Node) -> Violation:
    messages = sorted(str(m) for m in results.objects(node, SH.resultMessage))
    component = results.value(node, SH.sourceConstraintComponent)
    return Violation(
        focus=_text(results, results.value(node, SH.focusNode)) or "",
        path=_text(results, results.value(node, SH.resultPath)),
        value=_text(results, results.value(node, SH.value)),
        severity=severity(results.value(node, SH.resultSeverity)),
        message=messages[0] if messages else "",
        source_shape=_text(results, results.value(node, SH.sourceShape)) or "",
        component=str(component).rpartition("#")[2] if component is not None else "",
    )


def _text(graph: Graph, node: Node | None) -> str | None:
    """An IRI or lexical form; an inverse path as ``^{iri}``; other terms in N3."""
    if node is None:
        return None
    if isinstance(node, URIRef | Literal):
        return str(node)
    if isinstance(node, BNode):
        inverse = graph.value(node, SH.inversePath)
        if isinstance(inverse, URIRef):
            return f"^{inverse}"
    return node.n3()
