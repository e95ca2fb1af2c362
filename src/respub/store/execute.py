"""Run one SPARQL query on an open store and write its answer, within a size limit.

This is what a query worker process does (`respub.store.runner`); it never sees updates
or `SERVICE` (the runner refuses them first) and the store is opened read-only anyway.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolution,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Store,
    Triple,
    Variable,
)

from respub.store.guard import QueryError, ResultTooLarge
from respub.store.inline import with_values

if TYPE_CHECKING:
    from typing_extensions import Buffer

__all__ = [
    "GRAPH_FORMATS",
    "RESULT_FORMATS",
    "Answer",
    "Request",
    "ask",
    "execute",
    "table",
]

# name → (pyoxigraph format or None for the plain-text table, media type)
RESULT_FORMATS: dict[str, tuple[QueryResultsFormat | None, str]] = {
    "json": (QueryResultsFormat.JSON, "application/sparql-results+json"),
    "xml": (QueryResultsFormat.XML, "application/sparql-results+xml"),
    "csv": (QueryResultsFormat.CSV, "text/csv"),
    "tsv": (QueryResultsFormat.TSV, "text/tab-separated-values"),
    "table": (None, "text/plain"),
}
GRAPH_FORMATS: dict[str, tuple[RdfFormat, str]] = {
    "turtle": (RdfFormat.TURTLE, "text/turtle"),
    "ntriples": (RdfFormat.N_TRIPLES, "application/n-triples"),
    "jsonld": (RdfFormat.JSON_LD, "application/ld+json"),
    "rdfxml": (RdfFormat.RDF_XML, "application/rdf+xml"),
}
_IRI = re.compile(r"https?://\S+")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True)
class Request:
    """A query and how to write its answer: results format (SELECT/ASK), graph format."""

    sparql: str
    result_format: str = "json"
    graph_format: str = "turtle"
    bindings: Mapping[str, str] = field(default_factory=dict)
    max_bytes: int = 16 * 1024 * 1024

    def __post_init__(self) -> None:
        if self.result_format not in RESULT_FORMATS:
            known = ", ".join(RESULT_FORMATS)
            raise QueryError(f"unknown results format {self.result_format!r} (known: {known})")
        if self.graph_format not in GRAPH_FORMATS:
            known = ", ".join(GRAPH_FORMATS)
            raise QueryError(f"unknown graph format {self.graph_format!r} (known: {known})")


@dataclass(frozen=True)
class Answer:
    """A written answer: `form` is `solutions`, `boolean` or `graph`."""

    form: str
    media_type: str
    body: bytes

    @property
    def text(self) -> str:
        """The body as text."""
        return self.body.decode("utf-8")


class _Bounded(io.BytesIO):
    """A byte sink that stops the serialiser once more than `limit` bytes were written."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit
        self.size = 0

    def write(self, data: Buffer, /) -> int:
        self.size += memoryview(data).nbytes
        if self.size > self.limit:
            raise _too_large(self.limit)
        return super().write(data)


def execute(store: Store, request: Request) -> Answer:
    """Run `request` on `store` (default graph = union of the named graphs).

    Its bindings are applied as `ask` applies them."""
    sink = _Bounded(request.max_bytes)
    try:
        answer = ask(store, request.sparql, request.bindings)
        if isinstance(answer, QueryTriples):
            graph_format, media = GRAPH_FORMATS[request.graph_format]
            if request.result_format == "table":
                graph_format, media = GRAPH_FORMATS["ntriples"]
            answer.serialize(sink, format=graph_format)
            return Answer("graph", media, sink.getvalue())
        results_format, media = RESULT_FORMATS[request.result_format]
        if isinstance(answer, QueryBoolean):
            if results_format is None:
                return Answer("boolean", media, b"true\n" if bool(answer) else b"false\n")
            answer.serialize(sink, format=results_format)
            return Answer("boolean", media, sink.getvalue())
        if results_format is None:
            return Answer("solutions", media, table(answer, limit=request.max_bytes).encode())
        answer.serialize(sink, format=results_format)
        return Answer("solutions", media, sink.getvalue())
    except SyntaxError as error:
        raise QueryError(f"SPARQL syntax error: {error}") from error
    except RuntimeError as error:  # e.g. a binding of a variable the query does not project
        message = str(error).replace("does not contains", "does not contain")
        raise QueryError(f"cannot run the query: {message}") from error
    except OSError as error:
        raise QueryError(f"query failed: {error}") from error


def ask(
    store: Store, sparql: str, bindings: Mapping[str, str] | None = None
) -> QuerySolutions | QueryBoolean | QueryTriples:
    """The store's answer to `sparql` (default graph = union of the named graphs), as
    `respub query` and the endpoint ask it: each binding (an http(s) IRI, else a plain
    literal) goes into the query as a `VALUES` block (`respub.store.inline`), so the store
    plans with it, and as a substitution, which the store checks against the projection.
    `QueryError` for a bad binding; the store's own errors are left to the caller."""
    terms = {k: _term(k, v) for k, v in (bindings or {}).items()}
    substitutions: dict[Variable, NamedNode | BlankNode | Literal | Triple] = {
        Variable(k): t for k, t in terms.items()
    }
    sparql = with_values(sparql, {k: str(t) for k, t in terms.items()})
    return store.query(sparql, use_default_graph_as_union=True, substitutions=substitutions)


def table(solutions: QuerySolutions, width: int = 72, limit: int | None = None) -> str:
    """A plain-text table: one column per variable, terms without brackets, cells cut at `width`."""
    names = [v.value for v in solutions.variables]
    rows = [[_cut(_show(s[name]), width) for name in names] for s in _within(solutions, limit)]
    widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]
    line = " | ".join(n.ljust(w) for n, w in zip(names, widths, strict=True))
    rule = "-+-".join("-" * w for w in widths)
    body = [" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join([line.rstrip(), rule, *body, f"({len(rows)} rows)"]) + "\n"


def _within(solutions: QuerySolutions, limit: int | None) -> Iterator[QuerySolution]:
    size = 0
    for solution in solutions:
        size += sum(len(str(term)) + 3 for term in solution if term is not None)
        if limit is not None and size > limit:
            raise _too_large(limit)
        yield solution


def _too_large(limit: int) -> ResultTooLarge:
    return ResultTooLarge(
        f"the answer is larger than the result size limit ({limit:,} bytes); "
        "narrow the query or add a LIMIT"
    )


def _show(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, Literal):
        text = " ".join(term.value.split())
        return f"{text}@{term.language}" if term.language else text
    return str(getattr(term, "value", term))


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _term(name: str, value: str) -> NamedNode | Literal:
    """The term a binding stands for: an IRI when it looks like an http(s) one, else a
    plain literal; `QueryError` for a bad name or IRI."""
    if not _NAME.fullmatch(name):
        raise QueryError(f"binding {name!r}: not a variable name (letters, digits, _)")
    if not _IRI.fullmatch(value):
        return Literal(value)
    try:
        return NamedNode(value)
    except ValueError as error:
        raise QueryError(f"binding ?{name}={value!r}: not a valid IRI ({error})") from error
