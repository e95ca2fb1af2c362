"""Validation results as typed, sorted records: a `Report` of `Violation`s.

>>> v = Violation("https://ex.org/r", "https://ex.org/p", None, Severity.WARNING, "No title.",
...               "https://respub.org/shapes#Expression-title-present")
>>> report = Report((v,))
>>> report.conforms, report.counts
(True, {'Violation': 0, 'Warning': 1, 'Info': 0})
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import StrEnum

from respub.errors import RespubError


class Severity(StrEnum):
    """SHACL severities; only a violation makes a document non-conforming."""

    VIOLATION = "Violation"
    WARNING = "Warning"
    INFO = "Info"

    @property
    def rank(self) -> int:
        """0 for the gravest (Violation), 2 for Info."""
        return list(Severity).index(self)


@dataclass(frozen=True)
class Violation:
    """One validation result: which node failed which shape, where and why.

    `focus`, `path` and `value` are IRIs or lexical forms (an inverse path is ``^{iri}``);
    `component` is the SHACL constraint component, such as ``MinCountConstraintComponent``.
    """

    focus: str
    path: str | None
    value: str | None
    severity: Severity
    message: str
    source_shape: str
    component: str = ""

    def sort_key(self) -> tuple[int, str, str, str, str, str, str]:
        """Gravest first, then by focus node, shape, path, value, message and component: a
        total order, so a report reads the same whatever order its results were found in."""
        return (
            self.severity.rank,
            self.focus,
            self.source_shape,
            self.path or "",
            self.value or "",
            self.message,
            self.component,
        )


@dataclass(frozen=True)
class Report:
    """The results of validating one or more documents, sorted and without duplicates."""

    violations: tuple[Violation, ...] = ()

    def __post_init__(self) -> None:
        ordered = tuple(sorted(set(self.violations), key=Violation.sort_key))
        object.__setattr__(self, "violations", ordered)

    @classmethod
    def combine(cls, reports: Iterable[Report]) -> Report:
        """One report of the results of several."""
        return cls(tuple(v for report in reports for v in report.violations))

    @property
    def conforms(self) -> bool:
        """True when no result has severity Violation (warnings do not block)."""
        return not any(v.severity is Severity.VIOLATION for v in self.violations)

    @property
    def counts(self) -> dict[str, int]:
        """The number of results of each severity."""
        return {s.value: sum(v.severity is s for v in self.violations) for s in Severity}

    def by_severity(self, severity: Severity) -> tuple[Violation, ...]:
        """The results of one severity."""
        return tuple(v for v in self.violations if v.severity is severity)

    def to_dict(self) -> dict[str, object]:
        """A plain dictionary: conforms, counts and results."""
        results = [{**asdict(v), "severity": v.severity.value} for v in self.violations]
        return {"conforms": self.conforms, "counts": self.counts, "violations": results}

    def to_json(self) -> str:
        """The report as indented JSON (stable: results are sorted)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)


class ValidationFailed(RespubError):
    """Data did not conform to the shapes; carries the report."""

    def __init__(self, report: Report) -> None:
        self.report = report
        failures = report.by_severity(Severity.VIOLATION)
        lines = [f"{v.focus}: {v.message} ({v.source_shape})" for v in failures[:5]]
        if len(failures) > 5:
            lines.append(f"... and {len(failures) - 5} more")
        super().__init__(f"{len(failures)} SHACL violation(s):\n" + "\n".join(lines))
