"""The pages the server renders itself: problems (404, 406) and the SPARQL query page."""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import Response

from respub.rdf.files import QUERIES_DIR
from respub.serve.current import Release
from respub.serve.negotiate import choose_media
from respub.site.catalogue import Catalogue
from respub.site.render import SiteInfo, render_page
from respub.store.execute import GRAPH_FORMATS, RESULT_FORMATS, Answer
from respub.store.guard import QueryLimits

__all__ = ["examples", "problem", "render", "sparql_page"]

QUERIES = QUERIES_DIR


def render(
    release: Release, request: Request, template: str, status: int = 200, **context: object
) -> Response:
    """A server page in the site's frame (relative links work from the request's path)."""
    prefix = urlsplit(release.base_iri).path
    path = request.url.path[len(prefix) :] if request.url.path.startswith(prefix) else ""
    page = f"{path.strip('/') or 'index'}.html"
    info = SiteInfo(
        title=release.title,
        description="",
        base=release.base_iri,
        release=release.release_id,
        release_time=release.release_time,
        previous=None,
        sparql=f"{prefix}sparql",
        licence="",
        search=f"{prefix}search",
    )
    empty = Catalogue(release.base_iri, (), (), ())
    body = render_page(template, page, info, empty, **context)
    return Response(body, status_code=status, media_type="text/html; charset=utf-8")


def problem(
    release: Release,
    request: Request,
    status: int,
    heading: str,
    message: str,
    *,
    offered: list[tuple[str, str]] | None = None,
    parent: str | None = None,
) -> Response:
    """A 404 or 406 that says what exists and which formats are offered."""
    wants = choose_media(request.headers.get("accept"), ["text/html", "text/plain"])
    if wants != "text/html":
        lines = [f"{status} {heading}: {message}"]
        lines += [f"offered: {media} at {href}" for media, href in offered or []]
        if parent:
            lines.append(f"nearest resource: {parent}")
        return Response(
            "\n".join(lines) + "\n", status_code=status, media_type="text/plain; charset=utf-8"
        )
    prefix = urlsplit(release.base_iri).path
    return render(
        release,
        request,
        "problem.html",
        status,
        title=heading,
        heading=heading,
        message=message,
        offered=offered or [],
        parent=parent,
        home=prefix,
    )


def examples() -> list[tuple[str, str, str]]:
    """The shipped example queries: name, the comment that heads each, its text."""
    found = []
    for path in sorted(QUERIES.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        comment = " ".join(
            line.lstrip("# ").strip() for line in text.splitlines() if line.startswith("#")
        )
        found.append((path.stem, comment, text))
    return found


def sparql_page(
    release: Release,
    request: Request,
    limits: QueryLimits,
    query: str,
    *,
    answer: Answer | None = None,
    error: str | None = None,
) -> Response:
    """The HTML query page, with the answer of `query` as a table (or text) when given."""
    from respub.serve.sparql import table_of

    table = table_of(answer) if answer is not None else None
    text = answer.text if answer is not None and table is None else None
    prefix = urlsplit(release.base_iri).path
    return render(
        release,
        request,
        "sparql.html",
        400 if error else 200,
        title="SPARQL",
        endpoint=f"{prefix}sparql",
        limits=limits,
        query=query,
        formats=[*RESULT_FORMATS, *GRAPH_FORMATS],
        examples=examples(),
        table=table,
        text=text,
        error=error,
    )
