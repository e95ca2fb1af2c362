"""Build the search index of a release: one row per title and per clause, in every language.

`build_index` returns the database's bytes (built in memory), so the site stays a pure
function of the release. The indexed column holds the folded text (`fold`), tokenised
by FTS5's `porter unicode61`; the original text is kept beside it for display. Rows go
in sorted, so the same release gives the same index.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from respub.search.fold import fold
from respub.site.read import ExpressionView, SubView

__all__ = ["INDEX", "TOKENIZER", "Row", "build_index", "index_rows"]

INDEX = "search.sqlite"  # in the release's site/
TOKENIZER = "porter unicode61 remove_diacritics 2"


@dataclass(frozen=True)
class Row:
    """One searchable text: a title or a clause (with its sub-paragraphs)."""

    anchor: str
    expression_iri: str
    language: str
    kind: str
    identifier: str
    title: str
    text: str


def index_rows(views: Iterable[tuple[str, ExpressionView]]) -> Iterator[Row]:
    """The rows of (identifier, language version) pairs: a title, then each clause."""
    for identifier, view in views:
        title = view.title or identifier
        yield Row("", view.iri, view.language, "title", identifier, title, title)
        for clause in (*view.preamble, *view.operative):
            text = " ".join([clause.text, *_sub_texts(clause.subparagraphs)])
            yield Row(clause.anchor, view.iri, view.language, clause.kind, identifier, title, text)


def _sub_texts(subs: Iterable[SubView]) -> Iterator[str]:
    for sub in subs:
        yield f"{sub.label} {sub.text}"
        yield from _sub_texts(sub.children)


def build_index(rows: Iterable[Row]) -> bytes:
    """The SQLite database (bytes) indexing `rows`; built in memory, deterministic."""
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute(
            "CREATE VIRTUAL TABLE clauses USING fts5("
            "folded, text UNINDEXED, anchor UNINDEXED, expression UNINDEXED, "
            "language UNINDEXED, kind UNINDEXED, identifier UNINDEXED, title UNINDEXED, "
            f"tokenize = '{TOKENIZER}')"
        )
        ordered = sorted(rows, key=lambda r: (r.expression_iri, r.kind != "title", r.anchor))
        connection.executemany(
            "INSERT INTO clauses VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (
                    fold(r.text),
                    r.text,
                    r.anchor,
                    r.expression_iri,
                    r.language,
                    r.kind,
                    r.identifier,
                    r.title,
                )
                for r in ordered
            ),
        )
        connection.execute("INSERT INTO clauses(clauses) VALUES ('optimize')")
        connection.commit()
        connection.execute("VACUUM")
        return connection.serialize()
    finally:
        connection.close()
