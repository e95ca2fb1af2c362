"""A release after another reuses the unchanged language versions' files, byte for byte."""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from respub.publish import release
from respub.publish.dumps import DUMPS
from respub.publish.layout import LATEST, expression_path
from respub.publish.release import ReleaseSummary
from respub.publish.verify import verify_release
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


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_every_file_equals_a_full_rebuild_and_a_cold_run(
    results: list[DocumentResult],
    tmp_path: Path,
    publish_results: Publish,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Cold, one document changed, republished incrementally: every file of the release is
    byte-identical to a full rebuild after the same previous release (nothing linked, no
    cached part or check), and, apart from what names the previous release (the change
    log, the history and what lists their checksums), to a cold run into another folder."""
    warm, full, cold = tmp_path / "warm", tmp_path / "full", tmp_path / "cold"
    publish_results(results, warm)
    shutil.copytree(warm, full, symlinks=True)
    inputs = [_edited(results[3]), *results[:3], *results[4:]]
    incremental = publish_results(inputs, warm, hours=1)
    assert incremental.changed == 1

    shutil.rmtree(full / "state")
    with monkeypatch.context() as patched:
        patched.setattr(release, "_reusable", lambda plan, previous: {})
        rebuilt = publish_results(inputs, full, hours=1)
    assert rebuilt.release_id == incremental.release_id
    assert _tree(incremental.release_dir) == _tree(rebuilt.release_dir)

    fresh = publish_results(inputs, cold, hours=1)
    assert fresh.release_id == incremental.release_id
    ours, theirs = _tree(incremental.release_dir), _tree(fresh.release_dir)
    assert ours.keys() == theirs.keys()
    differ = {path for path in ours if ours[path] != theirs[path]}
    assert differ == NAMES_PREVIOUS, sorted(differ)


# The files that say what changed since the previous release, or list those files' digests.
NAMES_PREVIOUS = {
    "CHANGES.json",
    "CHANGES.md",
    "README.md",
    "SHA256SUMS",
    "manifest.json",
    "provenance.ttl",
    "site/feed.atom",
    "site/history.json",
    "site/index.html",
}


@pytest.mark.parametrize("stage", ["expressions", "dump:resolutions.jsonld", "checksums", "verify"])
def test_an_error_in_an_incremental_write_leaves_the_previous_release_intact(
    stage: str,
    results: list[DocumentResult],
    tmp_path: Path,
    publish_results: Publish,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The new release shares the unchanged versions' files with the previous one (hard
    links): an error mid-write must leave those files, and `latest`, as they were."""
    output = tmp_path / "out"
    previous = publish_results(results, output)
    before = _tree(previous.release_dir)
    latest = os.readlink(output / LATEST)

    def fail_at(reached: str) -> None:
        if reached == stage:
            raise RuntimeError(f"stopped at {reached}")

    monkeypatch.setattr(release, "reached", fail_at)
    with pytest.raises(RuntimeError, match="stopped"):
        publish_results([_edited(results[0]), *results[1:]], output, hours=1)
    assert os.readlink(output / LATEST) == latest
    assert _tree(previous.release_dir) == before
    assert verify_release(previous.release_dir) == []
    assert not list((output / "releases").glob(".tmp-*"))
