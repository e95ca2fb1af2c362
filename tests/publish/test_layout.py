"""Release ids, file paths and the atomic moves."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from respub.errors import PublishError
from respub.publish.layout import (
    LATEST,
    RELEASES,
    current_release,
    expression_path,
    lock,
    prune,
    release_id,
    switch_latest,
)


def test_release_ids_sort_by_time() -> None:
    early = release_id(datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC), "f" * 64)
    late = release_id(datetime(2026, 11, 29, 3, 0, tzinfo=UTC), "0" * 64)
    assert early == "2026-01-02T030405Z-ffffffff" and early < late


def test_expression_paths_stay_inside_the_release() -> None:
    base = "https://d.org/"
    assert expression_path("https://d.org/resolution/un-ga/80/1/en", base) == (
        "resolution/un-ga/80/1/en"
    )
    assert ".." not in expression_path("https://d.org/a/../../etc/en", base).split("/")
    assert expression_path("https://other.org/x/en", base).startswith("external/")


def test_switch_latest_and_prune(tmp_path: Path) -> None:
    releases = tmp_path / RELEASES
    made = []
    for hour in range(4):
        folder = releases / release_id(datetime(2026, 1, 1, hour, tzinfo=UTC), "ab" * 32)
        folder.mkdir(parents=True)
        made.append(folder)
    switch_latest(tmp_path, made[0])
    assert os.readlink(tmp_path / LATEST) == f"{RELEASES}/{made[0].name}"
    assert current_release(tmp_path) == made[0].resolve()
    assert prune(tmp_path, keep=2) == [made[1].name]
    assert sorted(p.name for p in releases.iterdir()) == [made[0].name, made[2].name, made[3].name]


def test_one_publisher_at_a_time(tmp_path: Path) -> None:
    with lock(tmp_path), pytest.raises(PublishError, match="another publish"), lock(tmp_path):
        pass
