"""The list pages: all resolutions, and those of each body and session.

Each is rendered when a work it lists changed (its versions' content), or its heading;
else the previous release's page is kept (`respub.site.inputs`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from respub.site.catalogue import Catalogue, WorkView, page_path
from respub.site.inputs import Keys, Pages
from respub.site.render import SiteInfo, render_page

__all__ = ["Lists", "groups"]

_LIST_FACETS = ("body", "year", "session", "languages", "status")


@dataclass(frozen=True)
class Lists:
    """Renders a list page when its digest changed."""

    pages: Pages
    keys: Keys
    info: SiteInfo
    cat: Catalogue

    def add(
        self,
        path: str,
        heading: str,
        works: Sequence[WorkView],
        intro: str = "",
        jsonld: dict[str, Any] | None = None,
    ) -> None:
        """The page at `path` listing `works`."""
        rows = [(w.iri, self.keys.works[w.iri], w.body) for w in works]
        key = self.keys.page("list", path, heading, intro, jsonld, rows)
        if self.pages.fresh(key, path):
            self.pages.files[path] = render_page(
                "list.html",
                path,
                self.info,
                self.cat,
                title=heading,
                heading=heading,
                intro=intro,
                works=works,
                choices=_choices(works),
                jsonld=jsonld,
            )


def groups(lists: Lists) -> None:
    """A page per body and per session, listing their resolutions."""
    cat = lists.cat
    by_body: dict[str | None, list[WorkView]] = {}
    by_session: dict[str | None, list[WorkView]] = {}
    for work in cat.works:
        by_body.setdefault(work.facts.body_iri, []).append(work)
        session = work.facts.session
        by_session.setdefault(session.iri if session else None, []).append(work)
    jsonld: dict[str, Any]
    for body in cat.bodies:
        path = page_path(body.iri, cat.base_iri)
        if path is None:
            continue
        jsonld = {
            "@context": "https://schema.org/",
            "@id": body.iri,
            "@type": "Organization",
            "name": body.label(),
            "alternateName": body.code,
        }
        lists.add(path, body.label(), by_body.get(body.iri, []), body.code, jsonld)
    for session in cat.sessions:
        path = page_path(session.iri, cat.base_iri)
        if path is None:
            continue
        held_by = cat.body(session.body_iri)
        place = session.place.get("en") or next(iter(session.place.values()), "")
        heading = f"{held_by.label() if held_by else ''} session {session.iri.rsplit('/', 1)[-1]}"
        intro = ", ".join(x for x in (place, session.start or "", session.end or "") if x)
        jsonld = {
            "@context": "https://schema.org/",
            "@id": session.iri,
            "@type": "Event",
            "name": heading.strip(),
            "startDate": session.start,
            "endDate": session.end,
        }
        works = by_session.get(session.iri, [])
        lists.add(path, heading.strip(), works, intro, jsonld)


def _choices(works: Sequence[WorkView]) -> dict[str, list[str]]:
    values: dict[str, set[str]] = {k: set() for k in _LIST_FACETS}
    for work in works:
        values["body"].add(work.body)
        values["year"].add(work.year or "")
        session = work.facts.session
        values["session"].add(session.iri.rsplit("/", 1)[-1] if session else "")
        values["languages"].update(work.languages)
        values["status"].add(work.facts.status or "")
    return {k: sorted(v - {""}) for k, v in values.items()}
