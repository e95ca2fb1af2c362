"""What the pipeline made of one document: a small, frozen, JSON-serialisable record.

A `DocumentResult` can be passed between tasks and processes by value and persisted (the
result cache); the release is written from results, never from graphs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace
from typing import Any

from respub.problems import Problem, problem
from respub.validate.report import Severity, Violation

__all__ = ["VIOLATION", "ClauseSummary", "DocumentResult"]

VIOLATION = "Violation"


@dataclass(frozen=True)
class ClauseSummary:
    """A short hash of the header and of every clause, in document order, for change logs."""

    header: str
    preamble: tuple[str, ...] = ()
    operative: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocumentResult:
    """What the pipeline made of one source; JSON-serialisable with `to_json`/`from_json`.

    `ntriples` is canonical N-Triples, one triple per line, sorted: per-document Turtle and
    JSON-LD are rebuilt from it deterministically; `akn` is the Akoma Ntoso XML of the
    version (valid against the OASIS schema), published beside them. `problem` is set when
    the source did not parse (or map); `issues` hold the SHACL results (`Violation`s) when
    it did. A resolution adopted in parts (A/RES/80/2A, 2B …) is the result of its first
    part, with one result per later part in `parts` (each a Work of its own, from the same
    source); `versions` lists them all, as a release publishes them.
    """

    source_path: str
    sha256: str
    media_type: str
    identifier: str | None = None
    body: str | None = None
    language: str | None = None
    title: str | None = None
    work_iri: str | None = None
    expression_iri: str | None = None
    ntriples: str = ""
    triples: int = 0
    conforms: bool | None = None
    issues: tuple[Violation, ...] = ()
    problem: Problem | None = None
    clauses: ClauseSummary | None = None
    content_sha256: str = ""
    akn: str = ""
    parts: tuple[DocumentResult, ...] = ()

    @property
    def versions(self) -> tuple[DocumentResult, ...]:
        """This result and those of the later parts of its resolution, each on its own."""
        if not self.parts:
            return (self,)
        return (replace(self, parts=()), *(v for p in self.parts for v in p.versions))

    @property
    def error(self) -> str | None:
        """The problem as one line, when there is one."""
        return self.problem.line() if self.problem is not None else None

    @property
    def violations(self) -> tuple[Violation, ...]:
        """The issues of severity `sh:Violation`."""
        return tuple(i for i in self.issues if i.severity == VIOLATION)

    @property
    def publishable(self) -> bool:
        """True when the document parsed and has no `sh:Violation`."""
        return self.error is None and self.expression_iri is not None and not self.violations

    def reasons(self) -> tuple[Problem, ...]:
        """Why the document cannot be published (empty when it can)."""
        if self.problem is not None:
            return (self.problem,)
        return tuple(
            problem("shacl-violation", focus=i.focus, message=i.message, file=self.source_path)
            for i in self.violations
        )

    def to_json(self) -> dict[str, Any]:
        """A JSON object (dicts, lists, strings, numbers) of the result."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> DocumentResult:
        """The result back from `to_json`."""
        values = dict(data)
        values["issues"] = tuple(
            Violation(**{**i, "severity": Severity(i["severity"])})
            for i in values.get("issues", ())
        )
        if values.get("problem") is not None:
            values["problem"] = Problem.from_json(values["problem"])
        clauses = values.get("clauses")
        if clauses is not None:
            values["clauses"] = ClauseSummary(
                header=clauses["header"],
                preamble=tuple(clauses["preamble"]),
                operative=tuple(clauses["operative"]),
            )
        values["parts"] = tuple(cls.from_json(p) for p in values.get("parts", ()))
        return cls(**values)
