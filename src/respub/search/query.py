"""Search a release's index, opened read-only: ranked hits (BM25) linking to clause anchors.

Every word of the query must match (after folding and stemming); words are quoted, so
FTS5 operators typed by a user are taken as words, never as syntax. The index is a folder
of shards (`respub.search.index.shards`): each is asked for its best hits and the hits are
merged by score; a score is its shard's BM25 (term statistics of the shard, as a Lucene
shard scores by default), the same as one index's while the release has one shard.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from respub.search.fold import fold

__all__ = ["Hit", "SearchError", "search"]

_WORD = re.compile(r"\w+", re.UNICODE)
_local = threading.local()


class SearchError(Exception):
    """The index cannot be read."""


@dataclass(frozen=True)
class Hit:
    """A matching title or clause: where it is, its text, its rank (lower is better)."""

    expression_iri: str
    anchor: str
    language: str
    kind: str
    identifier: str
    title: str
    text: str
    score: float

    @property
    def iri(self) -> str:
        """The clause's IRI (the version's IRI for a title)."""
        return f"{self.expression_iri}#{self.anchor}" if self.anchor else self.expression_iri

    def to_json(self) -> dict[str, Any]:
        """The hit as a JSON object."""
        return {**asdict(self), "iri": self.iri}


def _connection(path: Path) -> sqlite3.Connection:
    """This thread's read-only connection to the index at `path`."""
    connections: dict[Path, sqlite3.Connection] = getattr(_local, "connections", {})
    _local.connections = connections
    if path not in connections:
        try:
            connections[path] = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True
            )
        except sqlite3.Error as error:
            raise SearchError(f"{path}: cannot open the search index: {error}") from error
    return connections[path]


def match_expression(query: str) -> str | None:
    """The FTS5 expression of a query: each folded word quoted; None when there is no word.

    >>> match_expression('Élaborer "les" NEAR(x)')
    '"elaborer" "les" "near" "x"'
    """
    words = _WORD.findall(fold(query))
    return " ".join(f'"{w}"' for w in words) if words else None


def search(
    path: Path, query: str, language: str | None = None, limit: int = 20, offset: int = 0
) -> tuple[int, list[Hit]]:
    """(number of hits, the hits from `offset`, best first) for `query` in the index at `path`
    (a folder of shards, or one database)."""
    expression = match_expression(query)
    if expression is None:
        return 0, []
    where = "clauses MATCH ?"
    params: list[Any] = [expression]
    if language:
        where += " AND language = ?"
        params.append(language)
    limit, offset = max(1, min(limit, 100)), max(0, offset)
    total, found = 0, []
    for shard in sorted(path.glob("*.sqlite")) if path.is_dir() else [path]:
        connection = _connection(shard)
        try:
            (count,) = connection.execute(
                f"SELECT count(*) FROM clauses WHERE {where}", params
            ).fetchone()
            rows = connection.execute(
                "SELECT expression, anchor, language, kind, identifier, title, text, "
                f"bm25(clauses) AS score FROM clauses WHERE {where} "
                "ORDER BY score, expression, anchor LIMIT ?",
                [*params, offset + limit],
            ).fetchall()
        except sqlite3.Error as error:
            raise SearchError(f"{shard}: search failed: {error}") from error
        total += int(count)
        found += [Hit(*row) for row in rows]
    found.sort(key=lambda h: (h.score, h.expression_iri, h.anchor))
    return total, found[offset : offset + limit]
