"""The publication gate: which results enter a release, which are quarantined, what is carried.

A source that did not parse, or whose graph has an `sh:Violation`, or that yields an expression
another source already yields, is quarantined with its reasons. The previous release's version
of that expression (matched by expression IRI, or by source path when the source did not
parse) is carried forward unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from respub.problems import Problem, problem
from respub.publish.manifest import Entry, Manifest, Quarantine
from respub.results import DocumentResult

__all__ = ["Selection", "select"]


@dataclass(frozen=True)
class Selection:
    """The gate's verdict: new versions, carried-forward versions, and quarantined sources."""

    published: tuple[DocumentResult, ...]
    carried: tuple[Entry, ...]
    quarantined: tuple[Quarantine, ...]

    @property
    def expressions(self) -> tuple[str, ...]:
        """Every expression IRI of the release, sorted."""
        new = [r.expression_iri for r in self.published if r.expression_iri is not None]
        return tuple(sorted([*new, *(e.expression_iri for e in self.carried)]))


def select(results: Iterable[DocumentResult], previous: Manifest | None) -> Selection:
    """Split results (in any order) into published, carried forward and quarantined."""
    ordered = sorted(results, key=lambda r: (r.source_path, r.sha256))
    claimed: dict[str, str] = {}
    published: list[DocumentResult] = []
    rejected: list[tuple[DocumentResult, tuple[Problem, ...]]] = []
    for result in ordered:
        reasons = result.reasons()
        iri = result.expression_iri
        if not reasons and iri is not None and iri in claimed:
            duplicate = problem(
                "duplicate-expression", iri=iri, other=claimed[iri], file=result.source_path
            )
            reasons = (duplicate,)
        if reasons or iri is None:
            missing = problem("no-expression", file=result.source_path)
            rejected.append((result, reasons or (missing,)))
            continue
        claimed[iri] = result.source_path
        published.append(result)
    carried: dict[str, Entry] = {}
    quarantined = []
    for result, reasons in rejected:
        entry = _previous_version(result, previous)
        carried_from = None
        if entry is not None and entry.expression_iri not in claimed:
            carried.setdefault(entry.expression_iri, entry)
            carried_from = entry.generated_in
        quarantined.append(
            Quarantine(
                source_path=result.source_path,
                sha256=result.sha256,
                identifier=result.identifier,
                expression_iri=result.expression_iri,
                reasons=reasons,
                carried_forward_from=carried_from,
            )
        )
    return Selection(
        published=tuple(sorted(published, key=lambda r: r.expression_iri or "")),
        carried=tuple(sorted(carried.values(), key=lambda e: e.expression_iri)),
        quarantined=tuple(quarantined),
    )


def _previous_version(result: DocumentResult, previous: Manifest | None) -> Entry | None:
    if previous is None:
        return None
    if result.expression_iri is not None:
        return previous.entry(result.expression_iri)
    return next((e for e in previous.entries if e.source_path == result.source_path), None)
