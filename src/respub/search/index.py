"""Build the search index of a release: one row per title and per clause, in every language.

The index is cut into shards (`site/search/<name>.sqlite`, `shards`): the works, sorted by
IRI, are cut before each work whose IRI's SHA-256 is a multiple of `SHARD`, so a shard
holds about `SHARD` works and its members depend only on the works between two such
boundaries. A changed work changes its shard only; the others are kept from the previous
release like pages (`respub.site.shards`). `build_index` returns a shard's bytes (built in
memory), so the site stays a pure function of the release. The indexed column holds the
folded text (`fold`), tokenised by FTS5's `porter unicode61`; the original text is kept
beside it for display. Rows go in sorted, so the same release gives the same index.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from respub.search.fold import fold
from respub.site.read import ExpressionView, SubView

__all__ = ["SEARCH", "SHARD", "TOKENIZER", "Row", "build_index", "index_rows", "shards"]

SEARCH = "search"  # the release's site/search/: one SQLite database per shard
SHARD = 128  # about this many works a shard
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


def shards(work_iris: Sequence[str], size: int = SHARD) -> dict[str, list[str]]:
    """Shard file name → its works: the sorted `work_iris` cut before each work whose IRI's
    SHA-256 is a multiple of `size`; a shard is named by its first work.

    >>> list(shards(["w1", "w2", "w3"], size=1).values())
    [['w1'], ['w2'], ['w3']]
    >>> [len(s) for s in shards([f"w{n}" for n in range(20)], size=4).values()]
    [9, 2, 1, 1, 2, 2, 3]
    """
    found: dict[str, list[str]] = {}
    current: list[str] = []
    for iri in sorted(work_iris):
        digest = hashlib.sha256(iri.encode("utf-8")).hexdigest()
        if not current or int(digest, 16) % size == 0:
            current = found.setdefault(f"{digest[:16]}.sqlite", [])
        current.append(iri)
    return found


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
