"""Validate one document's canonical N-Triples without building an rdflib graph.

pyrudof (Rust) checks the core shapes; the SHACL-SPARQL constraints run in pyoxigraph
(`respub.validate.sparql.evaluate_all`: one query per constraint, every focus node at
once), on a store loaded from the same N-Triples. pyrudof can run the SPARQL constraints
too, but it parses each query again for every focus node: at 1,000 documents that was half
its time (12.6 ms CPU a document with them, 6.1 without, plus 2.2 in pyoxigraph).

The core shapes are read into pyrudof once per thread; each document is staged over a
placeholder triple and rolled back:
``begin_staging()`` → ``read_data(doc, merge=True)`` → ``validate_shacl()`` →
``rollback_staging()`` (``read_data(merge=False)`` costs ~60 ms a call).

Results are turned into the same `Violation` records pyshacl's path gives (the reference,
`respub.validate.engine.validate`; a test compares both on every corpus document and
fixture): lexical forms for values, ``^{iri}`` for inverse paths, and the shape's own
``sh:message`` where it has one (pyrudof words some components' messages itself).

>>> from respub.validate.rudof import lexical
>>> lexical('"2027-01-01"^^xsd:date'), lexical('"Rappelant"@fr'), lexical('https://ex.org/a')
('2027-01-01', 'Rappelant', 'https://ex.org/a')
"""

from __future__ import annotations

import json
import threading
from functools import cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pyrudof
from rdflib import Graph, Literal, URIRef

from respub.rdf.files import SHAPES
from respub.validate.report import Report, Severity, Violation
from respub.validate.shapes import SH, load_shapes
from respub.validate.sparql import evaluate_all

__all__ = ["lexical", "validate_ntriples"]

_PLACEHOLDER = "<urn:respub:placeholder> <urn:respub:placeholder> <urn:respub:placeholder> ."
_SPARQL = "SPARQLConstraintComponent"
_SEVERITIES = {s.value: s for s in Severity}
_local = threading.local()


def validate_ntriples(ntriples: str, shapes: Path = SHAPES) -> Report:
    """Validate one document given as N-Triples against the shapes file `shapes`;
    `ValueError` when the data cannot be read or the shapes applied."""
    if not ntriples.strip():
        return Report()
    engine = _engine(str(shapes))
    engine.begin_staging()
    try:
        engine.read_data(ntriples, format=pyrudof.RDFFormat.NTriples, merge=True)
        found = engine.validate_shacl()
    except pyrudof.RudofError as error:
        raise ValueError(f"cannot validate: {error}") from error
    finally:
        engine.rollback_staging()
    messages = _messages(str(shapes))
    violations = [_violation(v, messages) for v in found.violations]
    constraints = load_shapes(shapes).sparql
    if constraints:
        store = ox.Store()
        try:
            store.load(ntriples.encode(), ox.RdfFormat.N_TRIPLES)
        except SyntaxError as error:
            raise ValueError(f"cannot validate: {error}") from error
        violations += evaluate_all(constraints, store)
    return Report(tuple(violations))


def _engine(shapes: str) -> Any:
    """This thread's pyrudof engine with the core shapes of `shapes` read (pyrudof objects
    are not shared)."""
    engines: dict[str, Any] = getattr(_local, "engines", None) or {}
    _local.engines = engines
    if shapes not in engines:
        engine = pyrudof.Rudof(pyrudof.RudofConfig())
        engine.read_shacl(_core_turtle(shapes))
        engine.read_data(_PLACEHOLDER)  # staging needs loaded data to stage over
        engines[shapes] = engine
    return engines[shapes]


@cache
def _core_turtle(shapes: str) -> str:
    """The shapes of file `shapes` without the SPARQL-constrained ones, as Turtle."""
    return load_shapes(Path(shapes)).core.serialize(format="turtle")


@cache
def _messages(shapes: str) -> dict[str, str]:
    """The `sh:message` of each named shape (the first, sorted, as pyshacl reports it)."""
    graph = Graph().parse(shapes, format="turtle")
    found: dict[str, list[str]] = {}
    for shape, message in graph.subject_objects(SH.message):
        if isinstance(shape, URIRef) and isinstance(message, Literal):
            found.setdefault(str(shape), []).append(str(message))
    return {shape: sorted(texts)[0] for shape, texts in found.items()}


def _violation(result: Any, messages: dict[str, str]) -> Violation:
    shape = _iri(str(result.source_shape))
    component = str(result.constraint_component).rpartition("#")[2]
    message = lexical(str(result.message)) if result.message is not None else ""
    if component != _SPARQL and shape in messages:
        message = messages[shape]
    return Violation(
        focus=_iri(str(result.focus_node)),
        path=_path(result.path),
        value=lexical(str(result.value)) if result.value is not None else None,
        severity=_SEVERITIES.get(str(result.severity), Severity.VIOLATION),
        message=message,
        source_shape=shape,
        component=component,
    )


def _iri(text: str) -> str:
    return text[1:-1] if text.startswith("<") and text.endswith(">") else text


def _path(path: object) -> str | None:
    """An IRI, or ``^{iri}`` for pyrudof's inverse path ``^(iri)``."""
    if path is None:
        return None
    text = str(path)
    if text.startswith("^(") and text.endswith(")"):
        return "^" + _iri(text[2:-1])
    return _iri(text)


def lexical(term: str) -> str:
    """The lexical form of a literal as pyrudof prints it (``"x"@en``, ``"x"^^xsd:date``),
    or an IRI without angle brackets."""
    if not term.startswith('"'):
        return _iri(term)
    end = term.rfind('"')
    if end <= 0:
        return term
    try:
        value = json.loads(term[: end + 1])
    except ValueError:
        return term[1:end]
    return value if isinstance(value, str) else term[1:end]
