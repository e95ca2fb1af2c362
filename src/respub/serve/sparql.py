"""The SPARQL 1.1 Protocol endpoint: GET, POST form, POST `application/sparql-query`.

Queries are guarded (`respub.store.guard`) before they go anywhere: updates are refused
with 403, `SERVICE` with 403, a query past the time limit ends with 503, an answer past the
size limit with 400; the server keeps answering. Queries run on the embedded store
(`QueryRunner`, worker processes) or are passed to another SPARQL server (`Remote`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import parse_qs

import httpx
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from respub.serve.negotiate import GRAPH_MEDIA, RESULTS_MEDIA, choose_media, parse_header
from respub.store.execute import GRAPH_FORMATS, RESULT_FORMATS, Answer
from respub.store.guard import (
    QueryError,
    QueryLimits,
    QueryRefused,
    QueryTimeout,
    ResultTooLarge,
    check,
)
from respub.store.runner import QueryRunner

__all__ = ["Backend", "Local", "Remote", "SparqlRequest", "read_request", "status_of"]

CORS = {"Access-Control-Allow-Origin": "*"}
_FORMAT_PARAM = {**{k: k for k in RESULT_FORMATS}, **{k: k for k in GRAPH_FORMATS}}


class Backend(Protocol):
    """Where queries run."""

    async def run(self, sparql: str, result_format: str, graph_format: str) -> Answer:
        """The answer, or a `QueryError`."""
        ...

    def close(self) -> None:
        """Free what it holds."""
        ...


class Local:
    """The embedded store, through a pool of killable worker processes."""

    def __init__(self, store: Path, limits: QueryLimits, workers: int = 2) -> None:
        self.runner = QueryRunner(store, limits, workers=workers)

    async def run(self, sparql: str, result_format: str, graph_format: str) -> Answer:
        return await run_in_threadpool(
            self.runner.run, sparql, result_format=result_format, graph_format=graph_format
        )

    def close(self) -> None:
        self.runner.close()


class Remote:
    """Another SPARQL server (e.g. `oxigraph serve-read-only`), with the same guard first."""

    def __init__(self, endpoint: str, limits: QueryLimits) -> None:
        self.endpoint = endpoint
        self.limits = limits
        self.client = httpx.AsyncClient(timeout=limits.timeout)

    async def run(self, sparql: str, result_format: str, graph_format: str) -> Answer:
        check(sparql, self.limits)
        results = _media_of(RESULT_FORMATS, result_format, "application/sparql-results+json")
        graph = _media_of(GRAPH_FORMATS, graph_format, "text/turtle")
        try:
            response = await self.client.post(
                self.endpoint,
                content=sparql.encode("utf-8"),
                headers={
                    "Content-Type": "application/sparql-query",
                    "Accept": f"{results}, {graph};q=0.9",
                },
            )
        except httpx.TimeoutException as error:
            raise QueryTimeout(
                f"the query ran longer than the time limit ({self.limits.timeout:g} s)"
            ) from error
        except httpx.HTTPError as error:
            raise QueryError(f"the SPARQL server {self.endpoint} failed: {error}") from error
        body = response.content
        if response.status_code >= 400:
            raise QueryError(f"the SPARQL server answered {response.status_code}: {body[:300]!r}")
        if len(body) > self.limits.max_bytes:
            raise ResultTooLarge(
                f"the answer is larger than the result size limit ({self.limits.max_bytes:,} bytes)"
            )
        media = response.headers.get("content-type", "").split(";")[0].strip()
        form = "graph" if media in GRAPH_MEDIA else "solutions"
        return Answer(form, media, body)

    def close(self) -> None:
        return None

    async def aclose(self) -> None:
        """Close the HTTP client."""
        await self.client.aclose()


def _media_of(table: Mapping[str, tuple[Any, str]], name: str, default: str) -> str:
    return table[name][1] if name in table else default


@dataclass(frozen=True)
class SparqlRequest:
    """What a protocol request asks: a query or an update, and the answer formats."""

    query: str | None
    update: str | None
    result_format: str
    graph_format: str
    wants_html: bool


async def read_request(request: Request) -> SparqlRequest:
    """The query (or update) of a GET or POST, and the formats `Accept` or `format=` ask for."""
    params: Mapping[str, str] = request.query_params
    query = params.get("query")
    update = params.get("update")
    if request.method == "POST":
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind == "application/sparql-query":
            query = (await request.body()).decode("utf-8", errors="replace")
        elif kind == "application/sparql-update":
            update = (await request.body()).decode("utf-8", errors="replace")
        elif kind in ("application/x-www-form-urlencoded", ""):
            form = parse_qs((await request.body()).decode("utf-8", errors="replace"))
            query = form.get("query", [query])[0] if "query" in form else query
            update = form.get("update", [update])[0] if "update" in form else update
    accept = request.headers.get("accept", "")
    wanted = params.get("format", "")
    results = choose_media(accept, list(RESULTS_MEDIA)) or "application/sparql-results+json"
    graph = choose_media(accept, list(GRAPH_MEDIA)) or "text/turtle"
    result_format = wanted if wanted in RESULT_FORMATS else RESULTS_MEDIA[results]
    graph_format = wanted if wanted in GRAPH_FORMATS else GRAPH_MEDIA[graph]
    wants_html = not wanted and _prefers_html(accept)
    return SparqlRequest(query, update, result_format, graph_format, wants_html)


def _prefers_html(accept: str) -> bool:
    """Whether the client names HTML and prefers it to every SPARQL answer type (a browser).

    >>> _prefers_html("text/html,application/xhtml+xml,*/*;q=0.8"), _prefers_html("*/*")
    (True, False)
    """
    ranges = dict(parse_header(accept))
    html = max(ranges.get("text/html", 0.0), ranges.get("application/xhtml+xml", 0.0))
    answers = [q for name, q in ranges.items() if name in RESULTS_MEDIA or name in GRAPH_MEDIA]
    return html > 0 and html >= max(answers, default=0.0)


def status_of(error: QueryError) -> int:
    """The HTTP status of a refused or failed query."""
    if isinstance(error, QueryRefused):
        return 403
    if isinstance(error, QueryTimeout):
        return 503
    return 400


def table_of(answer: Answer) -> tuple[list[str], list[list[str]]] | None:
    """Column names and rows of a SELECT answer in SPARQL JSON, for the HTML page."""
    if answer.form != "solutions" or "json" not in answer.media_type:
        return None
    data = json.loads(answer.body)
    names = list(data.get("head", {}).get("vars", []))
    rows = [
        [str(binding.get(name, {}).get("value", "")) for name in names]
        for binding in data.get("results", {}).get("bindings", [])
    ]
    return names, rows


def error_response(error: QueryError) -> Response:
    """A refused or failed query: its status and one line saying why."""
    return Response(
        f"{error}\n",
        status_code=status_of(error),
        media_type="text/plain; charset=utf-8",
        headers=CORS,
    )
