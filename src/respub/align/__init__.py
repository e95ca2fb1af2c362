"""Cross-language alignment: each clause linked to its counterpart in every other language.

For each work published in several languages, every pair of language versions is aligned
clause by clause, preamble and operative part apart, then the sub-paragraphs of each
aligned operative pair. Alignment is by structure (order, printed numbers and labels,
the clause's concept) checked by content that does not depend on language (the works
cited, the numbers printed, the footnote marks, the addressees): a global sequence
alignment (`respub.align.sequence`), so a clause missing from one version is a *gap*,
reported, and the clauses after it keep their true counterparts. Aligned pairs whose
citations, numbers, footnote marks or addressees differ (a note marked in one version's
clause and elsewhere in the other's) are reported as *mismatches* (a slip of translation,
or of the parser); they stay linked.

`align_release(documents)` takes each version's IRI and N-Triples and returns the links
as triples (``respub:alignedWith``, stated both ways) and the report per work.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from pyoxigraph import NamedNode, Triple

from respub.align.clauses import Clause, Version, read_version
from respub.align.sequence import align
from respub.rdf.vocab import RESPUB

__all__ = [
    "Gap",
    "Mismatch",
    "ReleaseAlignment",
    "WorkAlignment",
    "align_release",
    "align_versions",
    "clause_score",
    "read_version",
]

GAP = -1.0


@dataclass(frozen=True)
class Gap:
    """A clause of one version with no counterpart in another version of the same work."""

    clause: str
    language: str
    other_language: str


@dataclass(frozen=True)
class Mismatch:
    """Two aligned clauses whose language-independent content differs."""

    clause: str
    counterpart: str
    what: str
    detail: str


@dataclass(frozen=True)
class WorkAlignment:
    """The alignment of the language versions of one work."""

    work: str
    languages: tuple[str, ...]
    links: tuple[tuple[str, str], ...] = ()
    gaps: tuple[Gap, ...] = ()
    mismatches: tuple[Mismatch, ...] = ()

    def triples(self) -> list[Triple]:
        """``respub:alignedWith`` both ways for every link, sorted."""
        aligned = NamedNode(str(RESPUB.alignedWith))
        both = [(a, b) for a, b in self.links] + [(b, a) for a, b in self.links]
        return [Triple(NamedNode(a), aligned, NamedNode(b)) for a, b in sorted(both)]

    def to_json(self) -> dict[str, object]:
        """A JSON object of the alignment (links counted, gaps and mismatches listed)."""
        return {
            "work": self.work,
            "languages": list(self.languages),
            "links": len(self.links),
            "unaligned": [g.__dict__ for g in self.gaps],
            "mismatches": [m.__dict__ for m in self.mismatches],
        }


@dataclass(frozen=True)
class ReleaseAlignment:
    """The alignments of every work of a release published in more than one language."""

    works: tuple[WorkAlignment, ...] = field(default_factory=tuple)

    @property
    def links(self) -> int:
        """The number of aligned clause pairs (each stated both ways in the triples)."""
        return sum(len(w.links) for w in self.works)

    def triples(self) -> list[Triple]:
        """The triples of every work's alignment."""
        return [t for w in self.works for t in w.triples()]

    def to_json(self) -> dict[str, object]:
        """A JSON object of the report."""
        return {"links": self.links, "works": [w.to_json() for w in self.works]}


def align_release(documents: Iterable[tuple[str, str]]) -> ReleaseAlignment:
    """Align the versions among `documents` ((expression IRI, N-Triples) pairs) per work."""
    by_work: dict[str, list[Version]] = defaultdict(list)
    for expression, ntriples in documents:
        version = read_version(expression, ntriples)
        by_work[version.work].append(version)
    works = [align_versions(v) for _, v in sorted(by_work.items()) if len(v) > 1]
    return ReleaseAlignment(tuple(works))


def align_versions(versions: Sequence[Version]) -> WorkAlignment:
    """Align every pair of the language versions of one work."""
    ordered = sorted(versions, key=lambda v: v.language)
    links: list[tuple[str, str]] = []
    gaps: list[Gap] = []
    mismatches: list[Mismatch] = []
    for one, other in combinations(ordered, 2):
        for mine, theirs in ((one.preamble, other.preamble), (one.operative, other.operative)):
            _align_clauses(mine, theirs, one.language, other.language, links, gaps, mismatches)
    return WorkAlignment(
        work=ordered[0].work,
        languages=tuple(v.language for v in ordered),
        links=tuple(sorted(links)),
        gaps=tuple(gaps),
        mismatches=tuple(mismatches),
    )


def _align_clauses(
    mine: Sequence[Clause],
    theirs: Sequence[Clause],
    language: str,
    other: str,
    links: list[tuple[str, str]],
    gaps: list[Gap],
    mismatches: list[Mismatch],
) -> None:
    for i, j in align(mine, theirs, clause_score, GAP):
        if i is None and j is not None:
            gaps.append(Gap(theirs[j].iri, other, language))
        elif j is None and i is not None:
            gaps.append(Gap(mine[i].iri, language, other))
        elif i is not None and j is not None:
            a, b = mine[i], theirs[j]
            links.append((min(a.iri, b.iri), max(a.iri, b.iri)))
            mismatches.extend(_mismatches(a, b))
            _align_clauses(a.children, b.children, language, other, links, gaps, mismatches)


def clause_score(x: Clause, y: Clause) -> float:
    """How well two clauses correspond: > 0 when they agree; a pair scoring below two gaps
        (-2) is never aligned. Printed numbers weigh most, then cited works and numbers in the
        text, then the concept and the footnote marks, then the addressees; labels (a)/(أ) differ
    by script and count little."""
    score = 1.0
    if x.number is not None and y.number is not None:
        score += 2.0 if x.number == y.number else -4.0
    if x.label and y.label and x.label == y.label:
        score += 0.5
    if x.concept and y.concept:
        score += 1.0 if x.concept == y.concept else -1.5
    if x.cited or y.cited:
        shared = len(x.cited & y.cited) / len(x.cited | y.cited)
        score += 3.0 * shared - 2.0 * (1.0 - shared)
    if x.numbers or y.numbers:
        common = sum((Counter(x.numbers) & Counter(y.numbers)).values())
        agreement = common / max(len(x.numbers), len(y.numbers))
        score += 2.0 * agreement - 1.5 * (1.0 - agreement)
    if x.marks or y.marks:
        score += 1.0 if x.marks == y.marks else -1.0
    if x.addressees or y.addressees:
        score += 0.5 if x.addressees == y.addressees else -0.5
    return score


def _mismatches(a: Clause, b: Clause) -> list[Mismatch]:
    found = []
    if a.cited != b.cited:
        only = sorted(a.cited ^ b.cited)
        found.append(
            Mismatch(a.iri, b.iri, "citations", "cited on one side only: " + ", ".join(only))
        )
    if a.numbers != b.numbers:
        detail = f"{' '.join(a.numbers) or '-'} / {' '.join(b.numbers) or '-'}"
        found.append(Mismatch(a.iri, b.iri, "numbers", detail))
    if a.marks != b.marks:
        detail = f"{' '.join(a.marks) or '-'} / {' '.join(b.marks) or '-'}"
        found.append(Mismatch(a.iri, b.iri, "footnotes", detail))
    if a.addressees != b.addressees:
        mine, theirs = (" ".join(sorted(c.addressees)) or "-" for c in (a, b))
        detail = f"{mine} / {theirs}"
        found.append(Mismatch(a.iri, b.iri, "addressees", detail))
    return found
