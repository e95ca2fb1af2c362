"""A release after another reuses the unchanged language versions' files, byte for byte."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from respub.publish.dumps import DUMPS
from respub.publish.layout import expression_path
from respub.publish.release import ReleaseSummary
from respub.results import DocumentResult

Publish = Callable[..., ReleaseSummary]


def _data_files(root: Path) -> dict[str, bytes]:
    """The per-document files and dumps (what does not mention the previous release)."""
    found = {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in (root / "resolution").rglob("*")
        if p.is_file()
    }
    return found | {name: (root / name).read_bytes() for name in DUMPS}


def _edited(result: DocumentResult) -> DocumentResult:
    """The result with one triple less (a changed document)."""
    lines = result.ntriples.splitlines(keepends=True)
    text = "".join(lines[:-1])
    return replace(
        result,
        ntriples=text,
        triples=len(lines) - 1,
        content_sha256=hashlib.sha256(text.encode()).hexdigest(),
    )


def test_an_incremental_release_equals_a_cold_one(
    results: list[DocumentResult], tmp_path: Path, publish_results: Publish
) -> None:
    first = publish_results(results[:-1], tmp_path / "warm")
    inputs = [_edited(results[0]), *results[1:]]  # one changed, one added, the rest the same
    second = publish_results(inputs, tmp_path / "warm", hours=1)
    cold = publish_results(inputs, tmp_path / "cold", hours=1)

    assert second.release_id == cold.release_id
    assert (second.added, second.changed) == (1, 1)
    assert _data_files(second.release_dir) == _data_files(cold.release_dir)

    def inode(release: Path, result: DocumentResult) -> int:
        stem = expression_path(result.expression_iri or "", "https://data.respub.org/")
        return os.stat(release / f"{stem}.ttl").st_ino

    # Unchanged versions are hard links to the previous release's files; the changed one not.
    assert inode(second.release_dir, results[1]) == inode(first.release_dir, results[1])
    assert inode(second.release_dir, results[0]) != inode(first.release_dir, results[0])
