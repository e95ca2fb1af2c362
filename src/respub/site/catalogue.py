"""The site's catalogue: every work, its language versions, bodies and sessions, and where
each page lives. Pure: built from the release's documents, entries and vocabulary.

The catalogue holds each language version's `VersionSummary` (what the lists, the work
pages, the feed and the sitemap show of it, ≈ 1 kB), not its full view (its clauses,
≈ 30 kB): a page that shows a version's text asks for its view when it is rendered.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from pyoxigraph import Literal, NamedNode, RdfFormat, parse

from respub.site.read import ExpressionView, SessionView, WorkFacts

__all__ = [
    "BodyView",
    "Catalogue",
    "VersionSummary",
    "WorkView",
    "catalogue",
    "page_path",
    "summary",
]

_SKOS = "http://www.w3.org/2004/02/skos/core#"


@dataclass(frozen=True)
class VersionSummary:
    """What the catalogue keeps of a language version: its IRI, language, title, how many
    clauses it has, the works its citations name, and what it says of its work."""

    iri: str
    language: str
    title: str | None
    preamble_count: int
    operative_count: int
    cited_works: tuple[str, ...]  # of its citations, sorted, each once
    work: WorkFacts


def summary(view: ExpressionView) -> VersionSummary:
    """The summary of a version's full view."""
    return VersionSummary(
        iri=view.iri,
        language=view.language,
        title=view.title,
        preamble_count=len(view.preamble),
        operative_count=len(view.operative),
        cited_works=tuple(sorted({c.work_iri for c in view.citations})),
        work=view.work,
    )


@dataclass(frozen=True)
class WorkView:
    """A resolution across its language versions, with what it cites and what cites it."""

    facts: WorkFacts
    body: str
    expressions: tuple[VersionSummary, ...]
    cited_by: tuple[str, ...]

    @property
    def iri(self) -> str:
        """The work's IRI."""
        return self.facts.iri

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages of its versions."""
        return tuple(e.language for e in self.expressions)

    @property
    def year(self) -> str | None:
        """The year of adoption, else the year its session opened."""
        session = self.facts.session
        known = self.facts.adopted or (session.start if session else None)
        return known[:4] if known else None

    def title(self, language: str = "en") -> str:
        """Its title in `language`, else in the first language that has one."""
        titles = {e.language: e.title for e in self.expressions if e.title}
        return titles.get(language) or next(iter(titles.values()), self.facts.identifier)


@dataclass(frozen=True)
class BodyView:
    """A deliberative body: IRI, code, labels per language."""

    iri: str
    code: str
    labels: Mapping[str, str]

    def label(self, language: str = "en") -> str:
        """Its name in `language`, else English, else its code."""
        return self.labels.get(language) or self.labels.get("en") or self.code


@dataclass(frozen=True)
class Catalogue:
    """Everything the pages are made of."""

    base_iri: str
    works: tuple[WorkView, ...]
    bodies: tuple[BodyView, ...]
    sessions: tuple[SessionView, ...]

    def work(self, iri: str) -> WorkView | None:
        """The work with this IRI, if the dataset has it."""
        return self._works.get(iri)

    def body(self, iri: str | None) -> BodyView | None:
        """The body with this IRI, if known."""
        return self._bodies.get(iri or "")

    @cached_property
    def _works(self) -> dict[str, WorkView]:
        return {w.iri: w for w in self.works}

    @cached_property
    def _bodies(self) -> dict[str, BodyView]:
        return {b.iri: b for b in self.bodies}


def page_path(iri: str, base_iri: str, suffix: str = ".html") -> str | None:
    """The site-relative path of the page of `iri`; None outside the base IRI.

    >>> page_path("https://d.org/resolution/un-ga/80/1/en#preamble-2", "https://d.org/")
    'resolution/un-ga/80/1/en.html'
    >>> page_path("https://d.org/", "https://d.org/")
    'index.html'
    """
    iri = iri.partition("#")[0]
    if not iri.startswith(base_iri):
        return None
    rest = iri[len(base_iri) :].strip("/")
    return f"{rest}{suffix}" if rest else f"index{suffix}"


def catalogue(
    base_iri: str,
    views: Iterable[VersionSummary],
    bodies: Mapping[str, str],
    vocabulary: Sequence[bytes] = (),
) -> Catalogue:
    """The catalogue of the language versions' summaries (`summary` of
    `respub.site.read.read_expression`); `bodies` maps work → code."""
    versions: dict[str, list[VersionSummary]] = defaultdict(list)
    for view in views:
        versions[view.work.iri].append(view)
    cited_by: dict[str, set[str]] = defaultdict(set)
    for work, views in versions.items():
        for cited in views[0].work.cites:
            cited_by[cited].add(work)
    works = tuple(
        WorkView(
            facts=_merged(views),
            body=bodies.get(work, ""),
            expressions=tuple(sorted(views, key=lambda v: v.language)),
            cited_by=tuple(sorted(cited_by.get(work, ()))),
        )
        for work, views in sorted(versions.items())
    )
    sessions: dict[str, SessionView] = {}
    for each in works:
        if each.facts.session is not None:
            sessions[each.facts.session.iri] = each.facts.session
    labels = _labels(vocabulary)
    body_iris = {w.facts.body_iri: w.body for w in works if w.facts.body_iri}
    return Catalogue(
        base_iri=base_iri,
        works=works,
        bodies=tuple(
            BodyView(iri, code, labels.get(iri, {})) for iri, code in sorted(body_iris.items())
        ),
        sessions=tuple(sessions[k] for k in sorted(sessions)),
    )


def _merged(views: Sequence[VersionSummary]) -> WorkFacts:
    """The work's facts, with session place and country in every language given."""
    facts = views[0].work
    session = facts.session
    if session is None:
        return facts
    place: dict[str, str] = {}
    country: dict[str, str] = {}
    for view in views:
        if view.work.session is not None:
            place.update(view.work.session.place)
            country.update(view.work.session.country)
    merged = SessionView(
        session.iri, session.body_iri, session.number, place, country, session.start, session.end
    )
    return WorkFacts(
        facts.iri,
        facts.identifier,
        facts.body_iri,
        facts.number,
        facts.adopted,
        facts.status,
        merged,
        facts.cites,
    )


def _labels(vocabulary: Sequence[bytes]) -> dict[str, dict[str, str]]:
    """`skos:prefLabel`s by subject and language, from the vocabulary's Turtle files."""
    found: dict[str, dict[str, str]] = defaultdict(dict)
    for data in vocabulary:
        for quad in parse(data, format=RdfFormat.TURTLE):
            if quad.predicate.value != f"{_SKOS}prefLabel":
                continue
            if isinstance(quad.subject, NamedNode) and isinstance(quad.object, Literal):
                found[quad.subject.value][quad.object.language or ""] = quad.object.value
    return found
