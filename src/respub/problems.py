"""Problems as typed records: a catalogue of problem types (data/problems.yaml) and the
`Problem` record every stage raises (inside a `RespubError`) or carries in its results.

>>> p = problem("source-unreadable", file="a.txt", reason="Permission denied")
>>> p.type, p.title, p.message
('source-unreadable', 'Source cannot be read', 'cannot read: Permission denied')
>>> p.line()
'a.txt: cannot read: Permission denied'
>>> problem("parse-error", message="no text", file="b.pdf", page=2, line=7).line()
'b.pdf, page 2:7: no text'
>>> Problem.from_json(p.to_json()) == p
True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from functools import cache
from typing import Any

from respub.packaged import read_data

__all__ = ["Problem", "ProblemType", "catalogue", "problem"]


@dataclass(frozen=True)
class ProblemType:
    """One entry of the catalogue: its type, title and message template."""

    type: str
    title: str
    template: str


@cache
def catalogue() -> dict[str, ProblemType]:
    """Every problem type, by name, from `data/problems.yaml`."""
    data = read_data("problems.yaml")
    return {name: ProblemType(name, e["title"], e["template"]) for name, e in data.items()}


@dataclass(frozen=True)
class Problem:
    """What went wrong, and where: one record, one line.

    `type` names an entry of the catalogue; `message` is its template filled in; the
    location is whichever of `file`, `line`, `page`, `url` and `clause` is known.
    """

    type: str
    title: str
    message: str
    file: str | None = None
    line_number: int | None = None
    page: int | None = None
    url: str | None = None
    clause: str | None = None

    @property
    def where(self) -> str | None:
        """The place, as `file, page P:L` (or the URL), when one is known."""
        place = self.file or self.url
        if place is None:
            return None
        if self.page is not None:
            place += f", page {self.page}"
        if self.line_number is not None:
            place += f":{self.line_number}"
        if self.clause is not None:
            place += f" ({self.clause})"
        return place

    def line(self) -> str:
        """The problem as one line: place, then message (newlines folded)."""
        message = " ".join(self.message.split())
        where = self.where
        if where is None or message.startswith(where):
            return message
        return f"{where}: {message}"

    def to_json(self) -> dict[str, Any]:
        """The record as a JSON object (every field, nulls included)."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | str) -> Problem:
        """The record back from `to_json` (a bare string, as older releases stored
        reasons, becomes an `error`)."""
        if isinstance(data, str):
            return problem("error", message=data)
        return cls(**data)


def problem(
    type: str,
    *,
    file: str | None = None,
    line: int | None = None,
    page: int | None = None,
    url: str | None = None,
    clause: str | None = None,
    **fields: Any,
) -> Problem:
    """A problem of a catalogued `type`, its template filled in with `fields`."""
    kind = catalogue()[type]
    try:
        message = kind.template.format(**fields)
    except (KeyError, IndexError, ValueError) as error:
        raise ValueError(f"problem {type!r}: template needs {error}") from None
    return Problem(type, kind.title, message, file, line, page, url, clause)
