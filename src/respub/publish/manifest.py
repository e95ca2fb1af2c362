"""The machine index of a release (`manifest.json`): what was published, from what, and why not.

The next release reads it to write its change log and to carry forward the previous version
of a resolution whose new source is quarantined.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from respub.problems import Problem
from respub.results import ClauseSummary, DocumentResult

__all__ = ["MANIFEST", "Entry", "Manifest", "Quarantine", "read_manifest"]

MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Entry:
    """One published expression: its IRIs, source, content hash and files."""

    expression_iri: str
    work_iri: str
    identifier: str
    language: str
    body: str
    title: str | None
    source_path: str
    source_sha256: str
    media_type: str
    content_sha256: str
    triples: int
    clauses: ClauseSummary
    generated_in: str

    @classmethod
    def from_result(cls, result: DocumentResult, release_id: str) -> Entry:
        """The entry of a publishable result, generated in `release_id`."""
        if result.expression_iri is None or result.work_iri is None:
            raise ValueError(f"{result.source_path}: not a published expression")
        return cls(
            expression_iri=result.expression_iri,
            work_iri=result.work_iri,
            identifier=result.identifier or "",
            language=result.language or "",
            body=result.body or "",
            title=result.title,
            source_path=result.source_path,
            source_sha256=result.sha256,
            media_type=result.media_type,
            content_sha256=result.content_sha256,
            triples=result.triples,
            clauses=result.clauses or ClauseSummary(header=""),
            generated_in=release_id,
        )

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Entry:
        """The entry back from its JSON object."""
        values = dict(data)
        clauses = values["clauses"]
        values["clauses"] = ClauseSummary(
            header=clauses["header"],
            preamble=tuple(clauses["preamble"]),
            operative=tuple(clauses["operative"]),
        )
        return cls(**values)


@dataclass(frozen=True)
class Quarantine:
    """A source kept out of the release, with its reasons and what was carried forward."""

    source_path: str
    sha256: str
    identifier: str | None
    expression_iri: str | None
    reasons: tuple[Problem, ...]
    carried_forward_from: str | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Quarantine:
        """The record back from its JSON object."""
        return cls(**{**data, "reasons": tuple(Problem.from_json(r) for r in data["reasons"])})


@dataclass(frozen=True)
class Manifest:
    """The index of one release."""

    release: str
    release_time: str
    previous: str | None
    software: str
    settings: dict[str, Any]
    triples: int
    entries: tuple[Entry, ...]
    quarantined: tuple[Quarantine, ...]

    def to_bytes(self) -> bytes:
        """Indented, key-sorted JSON, newline-terminated."""
        text = json.dumps(asdict(self), ensure_ascii=False, indent=1, sort_keys=True)
        return (text + "\n").encode()

    def entry(self, expression_iri: str) -> Entry | None:
        """The entry of an expression, if published in this release."""
        return next((e for e in self.entries if e.expression_iri == expression_iri), None)


def read_manifest(release_dir: Path) -> Manifest:
    """Read `manifest.json` of a release; `ValueError` when it is missing or malformed."""
    path = release_dir / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Manifest(
            release=data["release"],
            release_time=data["release_time"],
            previous=data["previous"],
            software=data["software"],
            settings=data["settings"],
            triples=data["triples"],
            entries=tuple(Entry.from_json(e) for e in data["entries"]),
            quarantined=tuple(Quarantine.from_json(q) for q in data["quarantined"]),
        )
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ValueError(f"{path}: not a readable release manifest: {error}") from error
