"""A full disk during the store load (issue #13, finding 7): `latest` and the store must
still name the same release, and the error is one line. A real small filesystem (tmpfs)
is mounted for the output folder and filled to the last byte just before the store load.
"""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from support import copy_un_resolutions

from respub.errors import PublishError
from respub.orchestrate.consistent import load_or_roll_back
from respub.process import Source, process
from respub.publish import release as release_module
from respub.publish.layout import STORE, current_release
from respub.publish.release import write_release
from respub.settings import Settings
from respub.sources.discover import discover

T0 = datetime(2026, 11, 29, 3, tzinfo=UTC)
DOCS = ("A_RES_80_1.md", "A_RES_80_2.md")


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 24 MiB tmpfs of our own (root only; skipped where mounting is not allowed)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small filesystem here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(folder: Path) -> None:
    """Write until the filesystem says it is full (ENOSPC), to the last block."""
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    try:
        for size in (1 << 20, 1 << 16, 1 << 12, 1):
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError as error:
                assert error.errno == errno.ENOSPC
    finally:
        os.close(fd)


def _publish(corpus: Path, out: Path, when: datetime) -> Path:
    settings = Settings(output_dir=out, release_time=when)
    results = [process(Source.of(p), settings) for p in discover([corpus])]
    summary = write_release(results, settings)
    load_or_roll_back(summary.release_dir, summary.previous, out, out / STORE)
    return summary.release_dir


def _store_release(out: Path) -> str:
    return (out / STORE).resolve().name.removeprefix(".store-").rsplit("-", 2)[0]


def test_a_full_disk_during_the_store_load_keeps_latest_and_the_store_together(
    small_disk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = copy_un_resolutions(tmp_path / "corpus", DOCS)
    out = small_disk / "output"
    first = _publish(corpus, out, T0)
    assert current_release(out) == first and _store_release(out) == first.name

    edited = corpus / DOCS[0]
    edited.write_text(edited.read_text("utf-8") + "\nRevised.\n", "utf-8")

    def fill_at_the_end(stage: str) -> None:
        if stage == "prune":  # latest was just switched; the store load comes next
            _fill(small_disk)

    monkeypatch.setattr(release_module, "reached", fill_at_the_end)
    with pytest.raises(PublishError) as raised:
        _publish(corpus, out, T0.replace(hour=4))
    problem = raised.value.problem
    assert problem.type == "disk-full"
    assert str(raised.value) == (
        f"{out}: no space left on the device while loading the store; "
        f"latest is back on release {first.name}, which the store still holds"
    )
    assert current_release(out) == first
    assert _store_release(out) == first.name  # they agree
    assert [p.name for p in (out / "releases").iterdir()] == [first.name]

    os.unlink(small_disk / "filler")  # space again: the next run publishes
    monkeypatch.setattr(release_module, "reached", lambda stage: None)
    second = _publish(corpus, out, T0.replace(hour=5))
    assert current_release(out) == second and _store_release(out) == second.name
