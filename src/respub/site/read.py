"""Read what a page shows from a language version's published triples (its N-Triples).

The site is built from the release's data only, so a version carried forward from an
earlier release renders exactly like a fresh one. Each reader is pure: N-Triples in,
frozen views out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode, RdfFormat, parse

__all__ = [
    "AnnexView",
    "CitationView",
    "ClauseView",
    "ExpressionView",
    "FootnoteView",
    "SessionView",
    "SubView",
    "WorkFacts",
    "fragment",
    "read_expression",
]

_NS = "https://respub.org/ontology#"
_REALIZED_BY = "http://data.europa.eu/eli/ontology#is_realized_by"
_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@dataclass(frozen=True)
class SubView:
    """A sub-paragraph: its anchor (`operative-2-a`), printed label, text, own sub-paragraphs."""

    anchor: str
    label: str
    text: str
    children: tuple[SubView, ...] = ()
    work_anchors: tuple[str, ...] = ()  # the work's ELI subdivisions it realizes


@dataclass(frozen=True)
class CitationView:
    """A citation: where it is printed, what it names, and the cited work's IRI."""

    anchor: str
    identifier: str
    text: str
    kind: str
    work_iri: str
    clause: str | None


@dataclass(frozen=True)
class ClauseView:
    """A preambular or operative clause, its keyword set apart from the rest of its text."""

    anchor: str
    kind: str
    position: int
    number: int | None
    keyword: str
    rest: str
    text: str
    concept: str | None
    subparagraphs: tuple[SubView, ...] = ()
    heading: str | None = None  # printed above an operative clause, opening a part


@dataclass(frozen=True)
class FootnoteView:
    """A footnote: anchor, printed mark, text."""

    anchor: str
    label: str
    text: str


@dataclass(frozen=True)
class AnnexView:
    """An annex: anchor, heading, paragraphs."""

    anchor: str
    heading: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class SessionView:
    """A session of a body: number, place and country (per language), dates."""

    iri: str
    body_iri: str | None
    number: int | None
    place: Mapping[str, str]
    country: Mapping[str, str]
    start: str | None
    end: str | None


@dataclass(frozen=True)
class WorkFacts:
    """What a language version's graph says of its work (the same in every version)."""

    iri: str
    identifier: str
    body_iri: str | None
    number: str | None
    adopted: str | None
    status: str | None
    session: SessionView | None
    cites: tuple[str, ...]


@dataclass(frozen=True)
class ExpressionView:
    """One language version, as a page shows it."""

    iri: str
    language: str
    title: str | None
    formula: str | None
    preamble: tuple[ClauseView, ...]
    operative: tuple[ClauseView, ...]
    footnotes: tuple[FootnoteView, ...]
    annexes: tuple[AnnexView, ...]
    citations: tuple[CitationView, ...]
    manifestations: tuple[tuple[str, str], ...]
    work: WorkFacts


def fragment(iri: str) -> str:
    """The fragment of a part's IRI: its anchor on the page.

    >>> fragment("https://d.org/resolution/un-ga/80/1/en#operative-2-a")
    'operative-2-a'
    """
    return iri.partition("#")[2]


class _Graph:
    """Subject → predicate local name → objects, in document order."""

    def __init__(self, ntriples: str) -> None:
        self.facts: dict[str, dict[str, list[NamedNode | Literal]]] = defaultdict(
            lambda: defaultdict(list)
        )
        self.realizing: dict[str, list[str]] = defaultdict(list)  # clause → work subdivisions
        for quad in parse(ntriples.encode("utf-8"), format=RdfFormat.N_TRIPLES):
            subject, predicate, obj = quad.subject, quad.predicate.value, quad.object
            if not isinstance(subject, NamedNode) or not isinstance(obj, NamedNode | Literal):
                continue
            name = predicate[len(_NS) :] if predicate.startswith(_NS) else predicate
            self.facts[subject.value][name].append(obj)
            if predicate == _REALIZED_BY and isinstance(obj, NamedNode):
                self.realizing[obj.value].append(subject.value)

    def all(self, subject: str, name: str) -> list[NamedNode | Literal]:
        return self.facts.get(subject, {}).get(name, [])

    def one(self, subject: str, name: str) -> str | None:
        found = self.all(subject, name)
        return found[0].value if found else None

    def iris(self, subject: str, name: str) -> list[str]:
        return [o.value for o in self.all(subject, name) if isinstance(o, NamedNode)]

    def by_language(self, subject: str, name: str) -> dict[str, str]:
        return {
            (o.language or ""): o.value for o in self.all(subject, name) if isinstance(o, Literal)
        }

    def ordered(self, subject: str, name: str) -> list[str]:
        """Object IRIs sorted by their `position`."""
        return sorted(self.iris(subject, name), key=lambda iri: int(self.one(iri, "position") or 0))


def read_expression(expression_iri: str, ntriples: str) -> ExpressionView:
    """The view of the language version `expression_iri` from its graph's N-Triples."""
    graph = _Graph(ntriples)
    works = [s for s in graph.facts if expression_iri in graph.iris(s, "realizedBy")]
    work_iri = works[0] if works else expression_iri.rsplit("/", 1)[0]
    preamble = [c for p in graph.iris(expression_iri, "hasPreamble") for c in _clauses(graph, p)]
    citations = tuple(
        CitationView(
            anchor=fragment(iri),
            identifier=graph.one(iri, "citedIdentifier") or "",
            text=graph.one(iri, "textAsPrinted") or "",
            kind=graph.one(iri, "citationKind") or "",
            work_iri=graph.one(iri, "citedWork") or "",
            clause=fragment(graph.one(iri, "occursIn") or "") or None,
        )
        for iri in graph.ordered(expression_iri, "hasCitation")
    )
    return ExpressionView(
        iri=expression_iri,
        language=graph.one(expression_iri, "languageCode") or "",
        title=graph.one(expression_iri, "title"),
        formula=graph.one(expression_iri, "formula"),
        preamble=tuple(preamble),
        operative=tuple(
            _clause(graph, iri, "operative")
            for iri in graph.ordered(expression_iri, "hasOperativeClause")
        ),
        footnotes=tuple(
            FootnoteView(fragment(iri), graph.one(iri, "printedLabel") or "", _text(graph, iri))
            for iri in graph.ordered(expression_iri, "hasFootnote")
        ),
        annexes=tuple(
            AnnexView(
                fragment(iri),
                graph.one(iri, "heading") or "",
                tuple(p for p in _text(graph, iri).split("\n\n") if p),
            )
            for iri in graph.ordered(expression_iri, "hasAnnex")
        ),
        citations=citations,
        manifestations=tuple(
            sorted(
                (iri, graph.one(iri, "mediaType") or "")
                for iri in graph.iris(expression_iri, "isEmbodiedBy")
            )
        ),
        work=_work(graph, work_iri),
    )


def _clauses(graph: _Graph, preamble: str) -> Iterable[ClauseView]:
    for iri in graph.ordered(preamble, "hasPreambularClause"):
        yield _clause(graph, iri, "preamble")


def _clause(graph: _Graph, iri: str, kind: str) -> ClauseView:
    keyword = graph.one(iri, "keyword") or ""
    text = _text(graph, iri)
    rest = text[len(keyword) :] if keyword and text.startswith(keyword) else text
    number = graph.one(iri, "paragraphNumber")
    concept = graph.one(iri, "concept")
    return ClauseView(
        anchor=fragment(iri),
        kind=kind,
        position=int(graph.one(iri, "position") or 0),
        number=int(number) if number else None,
        keyword=keyword if rest is not text else "",
        rest=rest,
        text=text,
        concept=concept.rsplit("/", 1)[-1] if concept else None,
        subparagraphs=_subs(graph, iri),
        heading=graph.one(iri, "sectionHeading"),
    )


def _subs(graph: _Graph, parent: str) -> tuple[SubView, ...]:
    return tuple(
        SubView(
            anchor=fragment(iri),
            label=graph.one(iri, "printedLabel") or "",
            text=_text(graph, iri),
            children=_subs(graph, iri),
            work_anchors=tuple(sorted(fragment(w) for w in graph.realizing.get(iri, ()))),
        )
        for iri in graph.ordered(parent, "hasSubParagraph")
    )


def _text(graph: _Graph, iri: str) -> str:
    return graph.one(iri, "text") or ""


def _work(graph: _Graph, iri: str) -> WorkFacts:
    status = graph.one(iri, "status")
    sessions = graph.iris(iri, "adoptedAt")
    session = None
    if sessions:
        s = sessions[0]
        number = graph.one(s, "sessionNumber")
        session = SessionView(
            iri=s,
            body_iri=graph.one(s, "heldBy"),
            number=int(number) if number else None,
            place=graph.by_language(s, "place"),
            country=graph.by_language(s, "country"),
            start=graph.one(s, "startDate"),
            end=graph.one(s, "endDate"),
        )
    return WorkFacts(
        iri=iri,
        identifier=graph.one(iri, "identifier") or "",
        body_iri=graph.one(iri, "passedBy"),
        number=graph.one(iri, "number"),
        adopted=graph.one(iri, "dateAdopted"),
        status=status.rsplit("/", 1)[-1] if status else None,
        session=session,
        cites=tuple(sorted(set(graph.iris(iri, "cites")))),
    )
