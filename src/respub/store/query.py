"""Ask the embedded store a SPARQL query and format the answer: table, JSON, CSV or TSV.

The default graph is the union of all named graphs, so queries need no `GRAPH` clause.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Store,
    Triple,
    Variable,
)

from respub.errors import RespubError

__all__ = ["FORMATS", "QueryError", "query", "read_query"]

FORMATS = ("table", "json", "csv", "tsv")
_RESULTS = {
    "json": QueryResultsFormat.JSON,
    "csv": QueryResultsFormat.CSV,
    "tsv": QueryResultsFormat.TSV,
}
_IRI = re.compile(r"https?://\S+")


class QueryError(RespubError):
    """A query could not be run: no store, a syntax error (the parser's message), bad format."""


def read_query(path: Path) -> str:
    """The text of a `.rq` file."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise QueryError(f"{path}: cannot read the query: {error.strerror or error}") from error


def query(
    store_dir: Path,
    sparql: str,
    fmt: str = "table",
    *,
    bindings: Mapping[str, str] | None = None,
) -> str:
    """Run `sparql` on the store at `store_dir`; the answer as text in `fmt` (`FORMATS`).

    `bindings` pre-bind variables (`{"identifier": "A/RES/80/1"}`): values that look like
    http(s) IRIs become IRIs, others plain literals. Graph results (CONSTRUCT, DESCRIBE)
    come as N-Triples (table) or JSON-LD (json).
    """
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")
    if not store_dir.exists():
        raise QueryError(f"{store_dir}: no store here; publish a release first")
    try:
        store = Store.read_only(str(store_dir))
    except OSError as error:
        raise QueryError(f"{store_dir}: cannot open the store: {error}") from error
    substitutions: dict[Variable, NamedNode | BlankNode | Literal | Triple] = {
        Variable(k): _term(v) for k, v in (bindings or {}).items()
    }
    try:
        answer = store.query(sparql, use_default_graph_as_union=True, substitutions=substitutions)
        if isinstance(answer, QueryTriples):
            graph = RdfFormat.JSON_LD if fmt == "json" else RdfFormat.N_TRIPLES
            if fmt in ("csv", "tsv"):
                raise QueryError(f"{fmt} needs a SELECT or ASK query; use table or json")
            return _text(answer.serialize(format=graph))
        if fmt != "table":
            return _text(answer.serialize(format=_RESULTS[fmt]))
        if isinstance(answer, QueryBoolean):
            return "true\n" if bool(answer) else "false\n"
        return table(answer)
    except SyntaxError as error:
        raise QueryError(f"SPARQL syntax error: {error}") from error
    except OSError as error:
        raise QueryError(f"query failed: {error}") from error


def table(solutions: QuerySolutions, width: int = 72) -> str:
    """A plain-text table: one column per variable, terms without brackets, cells cut at `width`."""
    names = [v.value for v in solutions.variables]
    rows = [[_cut(_show(solution[name]), width) for name in names] for solution in solutions]
    widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]
    line = " | ".join(n.ljust(w) for n, w in zip(names, widths, strict=True))
    rule = "-+-".join("-" * w for w in widths)
    body = [" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join([line.rstrip(), rule, *body, f"({len(rows)} rows)"]) + "\n"


def _show(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, Literal):
        text = " ".join(term.value.split())
        return f"{text}@{term.language}" if term.language else text
    return str(getattr(term, "value", term))


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _term(value: str) -> NamedNode | Literal:
    return NamedNode(value) if _IRI.fullmatch(value) else Literal(value)


def _text(data: bytes | None) -> str:
    return (data or b"").decode("utf-8")
