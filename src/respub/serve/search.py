"""`/search?q=…&lang=…`: ranked hits over titles and clauses, as HTML or JSON.

The index is the release's `site/search/` (one SQLite database per shard), opened read-only;
a new release's index is used as soon as `output/latest` moves.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from respub.search.index import SEARCH
from respub.search.query import Hit, SearchError, search
from respub.serve.current import Current, ServeError
from respub.serve.negotiate import choose_media
from respub.serve.pages import render
from respub.site import SITE

__all__ = ["search_route"]

_LANGUAGES = ("en", "fr", "es", "ar")


def search_route(current: Current) -> Callable[[Request], Awaitable[Response]]:
    """The `/search` endpoint on the current release."""

    async def endpoint(request: Request) -> Response:
        try:
            release = current.get()
        except ServeError as error:
            return Response(f"{error}\n", status_code=503, media_type="text/plain")
        q = request.query_params.get("q", "").strip()[:500]
        lang = request.query_params.get("lang", "").strip() or None
        try:
            limit = int(request.query_params.get("limit", "20"))
            offset = int(request.query_params.get("offset", "0"))
        except ValueError:
            return Response("limit and offset are numbers\n", status_code=400)
        index = release.folder / SITE / SEARCH
        if not index.is_dir():
            return Response("this release has no search index\n", status_code=404)
        try:
            total, hits = await run_in_threadpool(search, index, q, lang, limit, offset)
        except SearchError as error:
            return Response(f"{error}\n", status_code=500)
        prefix = urlsplit(release.base_iri).path
        base = release.base_iri

        def href(hit: Hit) -> str:
            local = hit.expression_iri.removeprefix(base)
            return f"{prefix}{local}" + (f"#{hit.anchor}" if hit.anchor else "")

        accept = request.headers.get("accept")
        wanted = request.query_params.get("format")
        if wanted == "json" or choose_media(accept, ["text/html", "application/json"]) == (
            "application/json"
        ):
            return JSONResponse(
                {
                    "query": q,
                    "language": lang,
                    "total": total,
                    "hits": [{**h.to_json(), "href": href(h)} for h in hits],
                },
                headers={"Access-Control-Allow-Origin": "*", "Vary": "Accept"},
            )
        return render(
            release,
            request,
            "search.html",
            title=f"Search: {q}" if q else "Search",
            q=q,
            lang=lang or "",
            languages=_LANGUAGES,
            total=total,
            hits=hits,
            href=href,
            action=f"{prefix}search",
        )

    return endpoint
