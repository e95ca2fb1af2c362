"""What a publish run reports: counters, sources, the release, and one row per document.

`PublishReport` is the flow's return value (and what `respub publish` prints);
`validation_table` and `release_markdown` are the two Prefect artifacts of a run.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from respub.errors import PublishError
from respub.orchestrate.batching import Outcome
from respub.orchestrate.staging import SourceReport
from respub.publish.manifest import Quarantine
from respub.results import VIOLATION, DocumentResult

MAX_ROWS = 1000  # the table artifact lists problems first, then the rest up to this many


@dataclass(frozen=True)
class DocumentRow:
    """One document in the validation table."""

    source: str
    identifier: str | None
    language: str | None
    action: str
    status: str
    violations: int
    warnings: int
    message: str | None = None

    @classmethod
    def of(cls, result: DocumentResult, action: str, quarantined: bool) -> DocumentRow:
        """The row of a result; `action` is parsed or reused."""
        status = "quarantined" if quarantined else "published"
        if result.error is not None:
            status = "error"
        problem = result.error or next(
            (f"{i.focus}: {i.message}" for i in result.issues if i.severity == VIOLATION), None
        )
        return cls(
            source=result.source_path,
            identifier=result.identifier,
            language=result.language,
            action=action,
            status=status,
            violations=len(result.violations),
            warnings=sum(1 for i in result.issues if i.severity != VIOLATION),
            message=" ".join(problem.split()) if problem else None,
        )


@dataclass(frozen=True)
class PublishReport:
    """The outcome of one publish run (the flow's return value).

    `parsed` documents went through the pipeline, `reused` ones came from the cache.
    `unchanged` is True when nothing changed since the last run, so no release was
    written and the current one stands (`previous` is then that release, and `added`,
    `changed` and `removed` are 0); the other figures describe that release.
    """

    release_id: str
    release_dir: str
    previous: str | None
    unchanged: bool
    documents: int
    parsed: int
    reused: int
    published: int
    expressions: int
    triples: int
    added: int
    changed: int
    removed: int
    quarantined: tuple[Quarantine, ...] = ()
    carried_forward: tuple[str, ...] = ()
    sources: tuple[SourceReport, ...] = ()
    rows: tuple[DocumentRow, ...] = field(default=(), repr=False)
    store_dir: str | None = None

    @property
    def failed_sources(self) -> tuple[SourceReport, ...]:
        """The sources whose fetch failed (with or without a last good copy)."""
        return tuple(s for s in self.sources if s.failed)

    def counters(self) -> dict[str, int]:
        """The run's counters: documents, parsed, reused, published, quarantined, failed."""
        return {
            "documents": self.documents,
            "parsed": self.parsed,
            "reused": self.reused,
            "published": self.published,
            "quarantined": len(self.quarantined),
            "failed_sources": len(self.failed_sources),
        }

    def to_json(self) -> dict[str, Any]:
        """A JSON object of the report (rows included)."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PublishReport:
        """The report back from `to_json`."""
        values = dict(data)
        values["quarantined"] = tuple(Quarantine.from_json(q) for q in data["quarantined"])
        values["carried_forward"] = tuple(data["carried_forward"])
        values["sources"] = tuple(SourceReport(**s) for s in data["sources"])
        values["rows"] = tuple(DocumentRow(**r) for r in data["rows"])
        return cls(**values)


class QuarantineError(PublishError):
    """Sources were quarantined and that was not allowed; `report` is the run's report
    (the release was still written, with previous versions carried forward)."""

    def __init__(self, message: str, report: PublishReport) -> None:
        super().__init__(message, report)
        self.report = report

    def __str__(self) -> str:
        return str(self.args[0])

    @classmethod
    def of(cls, report: PublishReport) -> QuarantineError:
        """The error of a run whose report lists quarantined sources."""
        message = (
            f"{len(report.quarantined)} source(s) quarantined in release {report.release_id} "
            "(previous versions carried forward where they exist); "
            "allow with --allow-quarantine"
        )
        return cls(message, report)


def rows(
    results: Sequence[DocumentResult],
    actions: dict[str, str],
    quarantined: Iterable[tuple[str, str | None]],
) -> tuple[DocumentRow, ...]:
    """One row per version, in order: each part of a resolution adopted in parts (A/RES/80/2A,
    2B) has its own row, under its own identifier. `actions` maps a source name to
    parsed/reused; `quarantined` holds the (source name, expression IRI) of each version
    kept out (the IRI None when the source did not parse)."""
    kept_out = set(quarantined)
    return tuple(
        DocumentRow.of(
            v,
            actions.get(v.source_path, "reused"),
            (v.source_path, v.expression_iri) in kept_out,
        )
        for r in results
        for v in r.versions
    )


def actions_of(outcomes: Iterable[Outcome]) -> dict[str, str]:
    """Source name → what the batches did with it."""
    return {o.name: o.action for o in outcomes}


def identifier_mismatches(report: PublishReport) -> list[tuple[str, str, str | None]]:
    """(source, identifier the manifest expects, identifier parsed) where they differ."""
    from respub.parse.identifiers import canonical  # the parser loads only when asked

    parsed: dict[str, str | None] = {}
    for row in report.rows:  # a resolution in parts: the first part's row names the source
        parsed.setdefault(row.source, row.identifier)
    found = []
    for source in report.sources:
        if source.identifier is None or source.name not in parsed:
            continue
        try:
            expected = canonical(source.identifier)
        except ValueError:
            expected = source.identifier
        if parsed[source.name] != expected:
            found.append((source.name, source.identifier, parsed[source.name]))
    return found


def validation_table(report: PublishReport, limit: int = MAX_ROWS) -> list[dict[str, Any]]:
    """The rows of the validation artifact: problems first, then the rest, at most `limit`."""
    ordered = sorted(
        report.rows, key=lambda r: (r.status == "published" and not r.warnings, r.source)
    )
    return [asdict(row) for row in ordered[:limit]]


def release_markdown(report: PublishReport, limit: int = MAX_ROWS) -> str:
    """The Markdown summary artifact: the release, what changed, what was kept out."""
    lines = [f"# Release {report.release_id}", ""]
    if report.unchanged:
        lines += ["Nothing changed since the last run: the current release stands.", ""]
    else:
        since = f"release {report.previous}" if report.previous else "nothing (first release)"
        lines += [
            f"Compared with {since}: **{report.added} added, {report.changed} changed, "
            f"{report.removed} removed**.",
            "",
        ]
    lines += [
        "| | |",
        "|---|---|",
        f"| documents | {report.documents} ({report.parsed} parsed, {report.reused} reused) |",
        f"| published | {report.published} new; {report.expressions} language versions |",
        f"| triples | {report.triples} |",
        f"| quarantined | {len(report.quarantined)} |",
        f"| carried forward | {len(report.carried_forward)} |",
        f"| failed sources | {len(report.failed_sources)} |",
        f"| folder | `{report.release_dir}` |",
        "",
    ]
    if report.quarantined:
        lines += ["## Quarantined", ""]
        for q in report.quarantined[:limit]:
            reasons = "; ".join(r.line() for r in q.reasons[:3])
            more = f" (+{len(q.reasons) - 3} more)" if len(q.reasons) > 3 else ""
            carried = (
                f" Previous version carried forward from {q.carried_forward_from}."
                if q.carried_forward_from
                else ""
            )
            lines.append(
                f"- `{q.source_path}` ({q.identifier or 'unparsed'}): {reasons}{more}.{carried}"
            )
        lines.append("")
    mismatches = identifier_mismatches(report)
    if mismatches:
        lines += ["## Identifiers that differ from the manifest", ""]
        for name, expected, found in mismatches[:limit]:
            lines.append(f"- <{name}>: the manifest says {expected}, the text {found or 'none'}")
        lines.append("")
    if report.failed_sources:
        lines += ["## Sources that failed", ""]
        for s in report.failed_sources[:limit]:
            kept = "" if s.status == "kept" else " (nothing to publish)"
            lines.append(f"- {s.message}{kept}")
        lines.append("")
    return "\n".join(lines)
