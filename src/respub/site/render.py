"""Render the site's HTML pages with Jinja2 (autoescape on: document text is untrusted).

Links between pages are relative, so the site works from any folder or host; links to data
(Turtle, JSON-LD, downloads, the SPARQL endpoint) are absolute IRIs under the base IRI.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import jinja2

from respub.packaged import read_data
from respub.site.catalogue import Catalogue, WorkView, page_path
from respub.site.read import ClauseView, SessionView

__all__ = ["SiteInfo", "direction", "environment", "language_name", "render_page"]


@dataclass(frozen=True)
class SiteInfo:
    """What every page's frame shows: dataset title, release, base IRI, endpoint, licence."""

    title: str
    description: str
    base: str
    release: str
    release_time: str
    previous: str | None
    sparql: str
    licence: str
    search: str = ""

    @property
    def search_url(self) -> str:
        """Where search is served (`respub serve`): given, else below the base IRI."""
        return self.search or f"{self.base}search"


@cache
def _languages() -> dict[str, dict[str, str]]:
    data: dict[str, dict[str, str]] = read_data("site/languages.yaml")
    return data


def language_name(code: str) -> str:
    """A language's name in its own script, else its code.

    >>> language_name("ar"), language_name("xx")
    ('العربية', 'xx')
    """
    return _languages().get(code, {}).get("name", code)


def direction(code: str) -> str:
    """`rtl` for a right-to-left language, else `ltr`.

    >>> direction("ar"), direction("fr")
    ('rtl', 'ltr')
    """
    return _languages().get(code.split("-")[0], {}).get("direction", "ltr")


@cache
def environment() -> jinja2.Environment:
    """The template environment: package templates, autoescape everywhere."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("respub.site", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals.update(direction=direction, language_name=language_name)
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": True}
    return env


def session_label(session: SessionView, language: str) -> str:
    """`89th session, Istanbul (2021-11-23 – 2021-11-25)`, or what is known of it."""
    parts = [f"session {session.number}" if session.number else session.iri.rsplit("/", 1)[-1]]
    place = session.place.get(language) or next(iter(session.place.values()), None)
    if place:
        parts.append(place)
    if session.start:
        parts.append(f"{session.start} – {session.end}" if session.end else session.start)
    return ", ".join(parts)


def parts(
    clause: ClauseView, citations: Mapping[str, list[tuple[str, str]]]
) -> list[tuple[str, str | None]]:
    """The clause's text (after its keyword) cut around its printed citations.

    Each part is (text, None) for plain text, or (text, href) for a citation: `href` is the
    cited page when it is in the dataset, "" when it is not.
    """
    text = clause.rest
    out: list[tuple[str, str | None]] = []
    at = 0
    for printed, href in citations.get(clause.anchor, []):
        found = text.find(printed, at) if printed else -1
        if found < 0:
            continue
        if found > at:
            out.append((text[at:found], None))
        out.append((printed, href))
        at = found + len(printed)
    if at < len(text):
        out.append((text[at:], None))
    return out


def render_page(
    template: str,
    path: str,
    site: SiteInfo,
    catalogue: Catalogue,
    **context: Any,
) -> bytes:
    """The page at site-relative `path`, rendered from `template` with `context`."""

    def url(target: str) -> str:
        return posixpath.relpath(target, posixpath.dirname(path) or ".")

    def page(iri: str) -> str:
        return page_path(iri, catalogue.base_iri) or iri

    def cited(iri: str) -> WorkView | None:
        return catalogue.work(iri)

    values: dict[str, Any] = {
        "site": site,
        "url": url,
        "page": page,
        "cited": cited,
        "session_label": session_label,
        "lang": "en",
        "alternates": (),
        "jsonld": None,
    }
    values.update(context)
    return environment().get_template(template).render(values).encode("utf-8")
