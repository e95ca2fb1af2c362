"""`respub serve`: the current release as linked data, its SPARQL endpoint and its search.

An ASGI app (Starlette, run by uvicorn). Every IRI under the release's base IRI resolves;
content negotiation on `Accept` (or a suffix: `.html` `.ttl` `.jsonld` `.nt`); a Work answers
303 to its version in the language `Accept-Language` prefers; answers carry `ETag`,
`Last-Modified`, `Vary` and `Cache-Control`, and conditional requests get 304.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import Route

from respub.serve.current import Current, Release, ServeError
from respub.serve.data import DataCache
from respub.serve.negotiate import OFFERS, RDF_PAGES, SUFFIXES, choose_language, choose_media
from respub.serve.pages import problem, sparql_page
from respub.serve.resources import Resource, find
from respub.serve.sparql import CORS, Backend, Local, Remote, error_response, read_request
from respub.store.guard import QueryError, QueryLimits, QueryRefused

__all__ = ["ServeSettings", "create_app", "serve"]

_PLAIN = "text/plain; charset=utf-8"


@dataclass(frozen=True)
class ServeSettings:
    """What `respub serve` serves and how: output folder, SPARQL backend and its limits."""

    output: Path = Path("output")
    sparql_endpoint: str | None = None
    limits: QueryLimits = field(default_factory=QueryLimits)
    workers: int = 2
    max_age: int = 300


def create_app(settings: ServeSettings) -> Starlette:
    """The ASGI app serving `settings.output/latest`."""
    current = Current(settings.output)
    data = DataCache()
    backend: Backend | None = None

    def sparql_backend() -> Backend:
        nonlocal backend
        if backend is None:
            if settings.sparql_endpoint:
                backend = Remote(settings.sparql_endpoint, settings.limits)
            else:
                backend = Local(settings.output / "store", settings.limits, settings.workers)
        return backend

    def release_or_503() -> Release | Response:
        try:
            return current.get()
        except ServeError as error:
            return Response(f"{error}\n", status_code=503, media_type=_PLAIN)

    async def resource(request: Request) -> Response:
        release = release_or_503()
        if isinstance(release, Response):
            return release
        prefix = urlsplit(release.base_iri).path
        path = request.url.path
        if not path.startswith(prefix):
            return problem(release, request, 404, "Not found", "This path is outside the dataset.")
        relative = path[len(prefix) :]
        found = find(release, relative)
        if found is None:
            static = release.file(f"site/{relative}")
            if static is not None and relative.rpartition(".")[2] not in ("html", "ttl"):
                return _file(request, release, f"site/{relative}", settings.max_age)
            return problem(
                release,
                request,
                404,
                "Not found",
                f"Nothing in this dataset has the IRI {release.base_iri}{relative}.",
                parent=_parent(release, relative, prefix),
            )
        return _answer(request, release, found, prefix, settings.max_age, data)

    async def download(request: Request) -> Response:
        release = release_or_503()
        if isinstance(release, Response):
            return release
        path = request.path_params["path"]
        if release.file(path) is None:
            return problem(release, request, 404, "No such file", f"The release has no {path}.")
        return _file(request, release, path, settings.max_age)

    async def release_file(request: Request) -> Response:
        rid, path = request.path_params["release"], request.path_params["path"]
        folder = current.releases() / rid
        target = folder / path
        if "/" in rid or rid.startswith(".") or ".." in path.split("/") or not target.is_file():
            release = release_or_503()
            if isinstance(release, Response):
                return release
            return problem(release, request, 404, "No such file", f"No release {rid} with {path}.")
        headers = {"Cache-Control": "public, max-age=31536000, immutable", **CORS}
        return FileResponse(target, headers=headers)

    async def dataset(request: Request) -> Response:
        release = release_or_503()
        if isinstance(release, Response):
            return release
        media = choose_media(request.headers.get("accept"), RDF_PAGES)
        if media == "text/html":
            return RedirectResponse(urlsplit(release.base_iri).path or "/", status_code=303)
        if media is None:
            return problem(
                release, request, 406, "Not acceptable", "Offered: " + ", ".join(RDF_PAGES)
            )
        endpoint = settings_endpoint(request)
        body = data.void(release, endpoint, media)
        return _bytes(request, release, body, media, settings.max_age, vary="Accept")

    def settings_endpoint(request: Request) -> str:
        return f"{request.base_url}sparql"

    async def sparql(request: Request) -> Response:
        if request.method == "OPTIONS":
            return Response(
                status_code=204,
                headers={
                    **CORS,
                    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                    "Access-Control-Allow-Headers": "Content-Type, Accept",
                },
            )
        release = release_or_503()
        if isinstance(release, Response):
            return release
        asked = await read_request(request)
        if asked.update is not None:
            return (
                error_response(
                    QueryRefused("SPARQL updates are not accepted: this endpoint is read-only")
                )
                if not asked.wants_html
                else sparql_page(
                    release,
                    request,
                    settings.limits,
                    asked.update,
                    error="Updates are not accepted.",
                )
            )
        if asked.query is None:
            if asked.wants_html:
                return sparql_page(release, request, settings.limits, "")
            return Response("no query: pass query=…\n", status_code=400, media_type=_PLAIN)
        try:
            answer = await sparql_backend().run(
                asked.query, asked.result_format, asked.graph_format
            )
        except QueryError as error:
            if asked.wants_html:
                return sparql_page(release, request, settings.limits, asked.query, error=str(error))
            return error_response(error)
        if asked.wants_html:
            return sparql_page(release, request, settings.limits, asked.query, answer=answer)
        return Response(
            answer.body,
            media_type=_charset(answer.media_type),
            headers={**CORS, "Vary": "Accept", "Cache-Control": "no-store"},
        )

    @contextlib.asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        yield
        if backend is not None:
            backend.close()
            if isinstance(backend, Remote):
                await backend.aclose()

    from respub.serve.search import search_route

    routes = [
        Route("/sparql", sparql, methods=["GET", "POST", "OPTIONS"]),
        Route("/search", search_route(current), methods=["GET"]),
        Route("/dataset", dataset, methods=["GET"]),
        Route("/.well-known/void", dataset, methods=["GET"]),
        Route("/download/{path:path}", download, methods=["GET"]),
        Route("/releases/{release}/{path:path}", release_file, methods=["GET"]),
        Route("/{path:path}", resource, methods=["GET"]),
    ]
    return Starlette(routes=routes, lifespan=lifespan)


def _answer(
    request: Request, release: Release, found: Resource, prefix: str, max_age: int, data: DataCache
) -> Response:
    if found.redirect is not None:
        return _see_other(prefix + found.redirect, "Accept", max_age)
    if found.kind == "work" and found.suffix_media is None and found.languages:
        languages = [language for language, _ in found.languages]
        chosen = choose_language(request.headers.get("accept-language"), languages)
        target = dict(found.languages)[chosen]
        return _see_other(prefix + target, "Accept, Accept-Language", max_age)
    offered = [media for media in OFFERS if media in found.files]
    links = [(m, f"{prefix}{found.stem}{_suffix(m)}") for m in offered]
    if found.suffix_media is not None:
        media: str | None = found.suffix_media
        if media not in found.files:
            return problem(
                release,
                request,
                404,
                "Format not offered",
                f"This resource is not offered as {media}.",
                offered=links,
            )
        vary = None
    else:
        media = choose_media(request.headers.get("accept"), offered)
        if media is None:
            return problem(
                release,
                request,
                406,
                "Not acceptable",
                "None of the formats your client accepts is offered.",
                offered=links,
            )
        vary = "Accept"
    path = found.files[media]
    body, etag = data.read(release, path)
    response = _bytes(request, release, body, media, max_age, vary=vary, etag=etag)
    if vary:
        response.headers["Content-Location"] = f"{prefix}{found.stem}{_suffix(media)}"
    response.headers["Link"] = ", ".join(
        f'<{href}>; rel="alternate"; type="{m}"' for m, href in links
    )
    return response


def _suffix(media: str) -> str:
    return next(s for s, m in SUFFIXES.items() if m == media)


def _see_other(location: str, vary: str, max_age: int) -> Response:
    headers = {"Vary": vary, "Cache-Control": f"public, max-age={max_age}", **CORS}
    return RedirectResponse(location or "/", status_code=303, headers=headers)


def _charset(media: str) -> str:
    textual = media.startswith("text/") or media.endswith(("json", "xml", "n-triples"))
    return f"{media}; charset=utf-8" if textual and "charset" not in media else media


def _bytes(
    request: Request,
    release: Release,
    body: bytes,
    media: str,
    max_age: int,
    *,
    vary: str | None = None,
    etag: str | None = None,
) -> Response:
    headers = {
        "Last-Modified": release.last_modified,
        "Cache-Control": f"public, max-age={max_age}",
        **CORS,
    }
    if etag:
        headers["ETag"] = etag
    if vary:
        headers["Vary"] = vary
    if _not_modified(request, etag, release.last_modified):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=_charset(media), headers=headers)


def _not_modified(request: Request, etag: str | None, last_modified: str) -> bool:
    match = request.headers.get("if-none-match")
    if match is not None:
        tags = {t.strip().removeprefix("W/") for t in match.split(",")}
        return etag is not None and (etag in tags or "*" in tags)
    since = request.headers.get("if-modified-since")
    if since:
        try:
            return parsedate_to_datetime(last_modified) <= parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False
    return False


def _file(request: Request, release: Release, path: str, max_age: int) -> Response:
    target = release.folder / path
    media = _static_media(path)
    etag = release.etag(path)
    if _not_modified(request, etag, release.last_modified):
        return Response(status_code=304, headers={"ETag": etag or ""})
    headers = {
        "Cache-Control": f"public, max-age={max_age}",
        "Last-Modified": release.last_modified,
        **CORS,
    }
    if etag:
        headers["ETag"] = etag
    return FileResponse(target, media_type=media, headers=headers)


def _static_media(path: str) -> str | None:
    known = {
        ".atom": "application/atom+xml",
        ".xml": "application/xml",
        ".css": "text/css",
        ".js": "text/javascript",
        ".json": "application/json",
        ".jsonld": "application/ld+json",
        ".ttl": "text/turtle",
        ".nt": "application/n-triples",
        ".md": "text/markdown",
        ".gz": "application/gzip",
        ".html": "text/html",
        ".sqlite": "application/vnd.sqlite3",
        ".akn": "application/akn+xml",
    }
    name = path.rsplit("/", 1)[-1]
    for suffix, media in known.items():
        if name.endswith(suffix):
            return _charset(media) if suffix != ".gz" else media
    return None


def _parent(release: Release, relative: str, prefix: str) -> str | None:
    parts = relative.strip("/").split("/")
    while len(parts) > 1:
        parts.pop()
        if find(release, "/".join(parts)) is not None:
            return prefix + "/".join(parts)
    return None


def serve(settings: ServeSettings, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the server until interrupted."""
    import uvicorn

    uvicorn.run(create_app(settings), host=host, port=port, log_level="info")
