"""Kill a publishing process for real at each stage: the previous release stays intact."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from respub.publish import release
from respub.publish.checksums import check_sums
from respub.publish.layout import LATEST, RELEASES, TEMP_PREFIX
from respub.publish.release import STAGES, ReleaseSummary
from respub.publish.verify import verify_release
from respub.results import DocumentResult

from .conftest import T0

Publish = Callable[..., ReleaseSummary]

# The child replaces the writer's stage hook (as pytest's monkeypatch would) by a SIGKILL.
CHILD = """
import json, os, signal, sys
from datetime import datetime, UTC
from pathlib import Path
from respub.results import DocumentResult
from respub.settings import Settings
from respub.publish import release

data, output, when, stage = sys.argv[1:5]

def kill_at(reached):
    if reached == stage:
        os.kill(os.getpid(), signal.SIGKILL)

release.reached = kill_at
results = [DocumentResult.from_json(d) for d in json.loads(Path(data).read_text())]
settings = Settings(
    output_dir=Path(output),
    release_time=datetime.fromtimestamp(int(when), UTC),
    load_store=False,
)
release.write_release(results, settings)
"""


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize(
    "stage",
    ["expressions", "dump:resolutions.ttl", "checksums", "verify", "rename", "latest"],
)
def test_a_kill_at_any_stage_leaves_the_previous_release_and_latest(
    stage: str, results: list[DocumentResult], tmp_path: Path, publish_results: Publish
) -> None:
    output = tmp_path / "out"
    previous = publish_results(results[:-1], output)
    before = tree(previous.release_dir)
    link = os.readlink(output / LATEST)
    changed = results[1:]
    data = tmp_path / "results.json"
    data.write_text(json.dumps([r.to_json() for r in changed]))
    when = str(int(T0.timestamp()) + 3600)
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(data), str(output), when, stage],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr

    assert os.readlink(output / LATEST) == link
    assert tree(previous.release_dir) == before
    assert check_sums(previous.release_dir) == [] and verify_release(previous.release_dir) == []
    # The next run cleans up and publishes (reusing a release that was complete but not live).
    summary = publish_results(changed, output, hours=1)
    assert (output / LATEST).resolve() == summary.release_dir.resolve()
    assert summary.previous == previous.release_id
    assert not [p for p in (output / RELEASES).iterdir() if p.name.startswith(TEMP_PREFIX)]
    assert verify_release(summary.release_dir) == []


def test_the_writer_reaches_every_stage_in_order(
    results: list[DocumentResult],
    tmp_path: Path,
    publish_results: Publish,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[str] = []
    monkeypatch.setattr(release, "reached", seen.append)
    publish_results(results[:3], tmp_path / "out")
    assert [s for s in STAGES if s in seen] == seen
    assert set(seen) == set(STAGES)
