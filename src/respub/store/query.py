"""Ask the embedded store a SPARQL query and format the answer: table, JSON, XML, CSV or TSV.

The default graph is the union of all named graphs, so queries need no `GRAPH` clause.
Every query goes through the guarded runner (`respub.store.runner`): read-only, no
`SERVICE`, stopped at the time and size limits of `QueryLimits`.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from respub.store.guard import QueryError, QueryLimits
from respub.store.runner import QueryRunner

__all__ = ["FORMATS", "QueryError", "query", "read_query"]

FORMATS = ("table", "json", "xml", "csv", "tsv")


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
    limits: QueryLimits | None = None,
) -> str:
    """Run `sparql` on the store at `store_dir`; the answer as text in `fmt` (`FORMATS`).

    `bindings` pre-bind variables (`{"identifier": "A/RES/80/1"}`): values that look like
    http(s) IRIs become IRIs, others plain literals. Graph results (CONSTRUCT, DESCRIBE)
    come as N-Triples (table) or JSON-LD (json). `limits` default to `QueryLimits()`.
    """
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")
    graph = "jsonld" if fmt == "json" else "ntriples"
    with QueryRunner(store_dir, limits, workers=1) as runner:
        answer = runner.run(sparql, result_format=fmt, graph_format=graph, bindings=bindings)
    if answer.form == "graph" and fmt in ("csv", "tsv"):
        raise QueryError(f"{fmt} needs a SELECT or ASK query; use table or json")
    return answer.text
