"""The list pages: all resolutions, and those of each body and session.

Each is rendered when a work it lists changed (its versions' content), or its heading;
else the previous release's page is kept (`respub.site.inputs`). A page is its rows
joined: each work's row is rendered once per content and folder (links are relative) and
kept (`RowCache`, ``state/site/rows.pickle``), so a list of N works that changed in one
renders one row, not N.
"""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from markupsafe import Markup

from respub.atomic import KeptDict
from respub.site.catalogue import Catalogue, WorkView, page_path
from respub.site.inputs import Keys, Pages
from respub.site.render import SiteInfo, environment, render_page

__all__ = ["ROWS", "Lists", "RowCache", "groups"]

ROWS = "rows.pickle"  # beside the views, under state/site/


class RowCache(KeptDict[str]):
    """Rendered rows of the list pages by the digest of their inputs, kept in the file
    `path` (None: nothing kept). Pickled by respub into the output folder's state, which
    is trusted as the rest of ``state/`` is."""

    def __init__(self, path: Path | None) -> None:
        super().__init__(path, "rows")

    @property
    def rows(self) -> dict[str, str]:
        """The rows kept by the previous build."""
        return self.kept


_LIST_FACETS = ("body", "year", "session", "languages", "status")


@dataclass(frozen=True)
class Lists:
    """Renders a list page when its digest changed."""

    pages: Pages
    keys: Keys
    info: SiteInfo
    cat: Catalogue
    rows: RowCache = field(default_factory=lambda: RowCache(None))

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
        if not self.pages.fresh(key, path):
            for work in works:  # the page is kept: so are its rows, for when it is not
                row_key = self._key(work, path)
                if row_key in self.rows.rows:
                    self.rows.used[row_key] = self.rows.rows[row_key]
            return
        self.pages.files[path] = render_page(
            "list.html",
            path,
            self.info,
            self.cat,
            title=heading,
            heading=heading,
            intro=intro,
            works=works,
            rows=[self._row(work, path) for work in works],
            choices=_choices(works),
            jsonld=jsonld,
        )

    def _row(self, work: WorkView, path: str) -> Markup:
        """The row of `work` on the list page at `path`: kept, else rendered."""
        folder = posixpath.dirname(path)
        key = self._key(work, path)
        row = self.rows.rows.get(key)
        if row is None:

            def url(target: str) -> str:
                return posixpath.relpath(target, folder or ".")

            def page(iri: str) -> str:
                return page_path(iri, self.cat.base_iri) or iri

            macros = environment().get_template("macros.html").module
            row = str(macros.work_row(work, url, page))  # type: ignore[attr-defined]
        self.rows.used[key] = row
        return Markup(row)

    def _key(self, work: WorkView, path: str) -> str:
        """The digest of a work's row on the list at `path`: the software and frame, the
        page's folder, the work's content and its body."""
        parts = (self._frame, posixpath.dirname(path), self.keys.works[work.iri], work.body)
        return hashlib.sha256("\0".join(parts).encode()).hexdigest()

    @cached_property
    def _frame(self) -> str:
        return self.keys.page("row", "")


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
