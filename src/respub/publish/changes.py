"""The change log of a release against the previous one: added, changed (per clause), removed."""

from __future__ import annotations

import difflib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from respub.publish.manifest import Entry, Manifest

__all__ = ["Change", "Changes", "changes", "clause_changes"]


@dataclass(frozen=True)
class Change:
    """One expression that was added, changed or removed; `details` name the clauses."""

    kind: str
    expression_iri: str
    identifier: str
    language: str
    details: tuple[str, ...] = ()


@dataclass(frozen=True)
class Changes:
    """All changes of a release, sorted by kind then expression."""

    release: str
    previous: str | None
    changes: tuple[Change, ...]
    unchanged: int

    def of_kind(self, kind: str) -> tuple[Change, ...]:
        """The changes of one kind: added, changed or removed."""
        return tuple(c for c in self.changes if c.kind == kind)

    def to_json(self) -> bytes:
        """`CHANGES.json`."""
        data = {
            "release": self.release,
            "previous": self.previous,
            "unchanged": self.unchanged,
            **{kind: [asdict(c) for c in self.of_kind(kind)] for kind in _KINDS},
        }
        return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()

    def to_markdown(self) -> bytes:
        """`CHANGES.md`, for people."""
        since = f"release {self.previous}" if self.previous else "nothing (first release)"
        lines = [f"# Changes in release {self.release}", "", f"Compared with {since}.", ""]
        counts = ", ".join(f"{len(self.of_kind(k))} {k}" for k in _KINDS)
        lines += [f"{counts}, {self.unchanged} unchanged.", ""]
        for kind in _KINDS:
            found = self.of_kind(kind)
            if not found:
                continue
            lines += [f"## {kind.capitalize()}", ""]
            for change in found:
                detail = f": {'; '.join(change.details)}" if change.details else ""
                lines.append(
                    f"- {change.identifier} ({change.language}) <{change.expression_iri}>{detail}"
                )
            lines.append("")
        return "\n".join(lines).encode()


_KINDS = ("added", "changed", "removed")


def changes(release: str, previous: Manifest | None, entries: Sequence[Entry]) -> Changes:
    """Compare the entries of a release with the previous release's manifest."""
    before = {e.expression_iri: e for e in previous.entries} if previous else {}
    now = {e.expression_iri: e for e in entries}
    found = []
    unchanged = 0
    for iri in sorted(now.keys() | before.keys()):
        new, old = now.get(iri), before.get(iri)
        if old is None and new is not None:
            found.append(_change("added", new))
        elif new is None and old is not None:
            found.append(_change("removed", old))
        elif new is not None and old is not None:
            if new.content_sha256 == old.content_sha256:
                unchanged += 1
            else:
                found.append(_change("changed", new, clause_changes(old, new)))
    order = {k: n for n, k in enumerate(_KINDS)}
    found.sort(key=lambda c: (order[c.kind], c.expression_iri))
    return Changes(
        release=release,
        previous=previous.release if previous else None,
        changes=tuple(found),
        unchanged=unchanged,
    )


def clause_changes(old: Entry, new: Entry) -> tuple[str, ...]:
    """What changed between two versions, clause by clause.

    Clauses are aligned by content, so one inserted recital reads as one insertion, not as
    every later recital changed.
    """
    details = []
    if old.clauses.header != new.clauses.header:
        details.append("header changed (title, dates, session, status, citations or notes)")
    for part, before, after in (
        ("preamble", old.clauses.preamble, new.clauses.preamble),
        ("operative", old.clauses.operative, new.clauses.operative),
    ):
        matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "replace":
                details.append(f"{part} {_span(j1, j2)} changed")
            elif tag == "insert":
                details.append(f"{part} {_span(j1, j2)} added")
            elif tag == "delete":
                details.append(f"{part} {_span(i1, i2)} removed (old numbering)")
    if not details:
        details.append("graph changed (no clause or header text changed)")
    return tuple(details)


def _span(start: int, end: int) -> str:
    return f"clause {start + 1}" if end - start == 1 else f"clauses {start + 1}–{end}"


def _change(kind: str, entry: Entry, details: tuple[str, ...] = ()) -> Change:
    return Change(
        kind=kind,
        expression_iri=entry.expression_iri,
        identifier=entry.identifier,
        language=entry.language,
        details=details,
    )
