"""Look at a SPARQL request before it runs: read-only, no `SERVICE` unless allowed, limits.

The checks are lexical (comments, strings and IRIs are set aside first), so they run
before any parser and refuse an update or a federated query with a message that says why:

>>> query_form("PREFIX ex: <http://e/#> SELECT * { ?s ex:p 'INSERT' }")
'SELECT'
>>> query_form("# a comment\\nDELETE WHERE { ?s ?p ?o }")
'DELETE'
>>> uses_service("SELECT ?service { ?service <http://e/SERVICE> 'SERVICE' }")
False
>>> uses_service("SELECT * { SERVICE <http://e/sparql> { ?s ?p ?o } }")
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from respub.errors import RespubError

__all__ = [
    "QUERY_FORMS",
    "UPDATE_OPERATIONS",
    "QueryError",
    "QueryLimits",
    "QueryRefused",
    "QueryTimeout",
    "ResultTooLarge",
    "check",
    "query_form",
    "uses_service",
]

QUERY_FORMS = frozenset({"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})
UPDATE_OPERATIONS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
)
_PROLOGUE = frozenset({"PREFIX", "BASE"})

# Comments, strings (long and short, both quotes) and IRIs: nothing in them is a keyword.
_NOISE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|<[^<>"{}|^`\\\s]*>'
    r"|#[^\n]*",
    re.DOTALL,
)
# A bare word: not a variable (?x $x), not part of a prefixed name (ex:x, x:y), not a number.
_WORD = re.compile(r"(?<![\w?$:.\-])([A-Za-z]+)(?![\w:\-])")


class QueryError(RespubError):
    """A query could not be run: no store, a syntax error (the parser's message), bad format."""


class QueryRefused(QueryError):
    """The request is not allowed here: an update, or `SERVICE` when it is not allowed."""


class QueryTimeout(QueryError):
    """The query ran past the time limit and was stopped."""


class ResultTooLarge(QueryError):
    """The answer grew past the result size limit and was stopped."""


@dataclass(frozen=True)
class QueryLimits:
    """How long a query may run (seconds), how large its answer may grow (bytes), SERVICE."""

    timeout: float = 10.0
    max_bytes: int = 16 * 1024 * 1024
    allow_service: bool = False

    def __post_init__(self) -> None:
        if not self.timeout > 0:
            raise ValueError(f"the query time limit must be positive, not {self.timeout}")
        if self.max_bytes < 1:
            raise ValueError(f"the result size limit must be positive, not {self.max_bytes}")


def _words(sparql: str) -> list[str]:
    return [m.group(1).upper() for m in _WORD.finditer(_NOISE.sub(" ", sparql))]


def query_form(sparql: str) -> str | None:
    """The first keyword after the prologue (`SELECT`, `ASK`, …, or an update's), or None."""
    for word in _words(sparql):
        if word not in _PROLOGUE:
            return word
    return None


def uses_service(sparql: str) -> bool:
    """Whether the query has a `SERVICE` clause (a federated query to another endpoint)."""
    return "SERVICE" in _words(sparql)


def check(sparql: str, limits: QueryLimits) -> str | None:
    """The query form; raises `QueryRefused` for an update, or `SERVICE` when not allowed."""
    form = query_form(sparql)
    if form in UPDATE_OPERATIONS:
        raise QueryRefused(f"SPARQL updates are not accepted ({form}): this endpoint is read-only")
    if not limits.allow_service and uses_service(sparql):
        raise QueryRefused(
            "SERVICE (federated query) is not accepted here: query this dataset only"
        )
    return form
