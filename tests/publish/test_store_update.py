"""The store after a release replaces only the changed named graphs, and holds exactly
what a full load of the release holds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pyoxigraph import Store

from respub.publish.release import ReleaseSummary
from respub.results import DocumentResult
from respub.store import load as store_load
from respub.store.incremental import update_copy
from respub.store.load import load_release

from .test_incremental import _edited

Publish = Callable[..., ReleaseSummary]


def _quads(store_dir: Path) -> set[str]:
    store = Store.read_only(str(store_dir))
    return {str(q) for q in store.quads_for_pattern(None, None, None, None)}


def test_a_store_update_equals_a_full_load(
    results: list[DocumentResult],
    tmp_path: Path,
    publish_results: Publish,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    output = tmp_path / "out"
    first = publish_results(results[:-1], output)
    load_release(first.release_dir, output / "store")
    live = (output / "store").resolve()
    before = _quads(live)
    updates: list[Any] = []

    def recording(*args: Any) -> None:
        updates.append(args)
        update_copy(*args)

    monkeypatch.setattr(store_load, "update_copy", recording)
    releases = [
        publish_results([_edited(results[0]), *results[1:]], output, hours=1),  # 1 changed, 1 new
        publish_results([_edited(results[0]), *results[2:]], output, hours=2),  # 1 removed
    ]
    for number, release in enumerate(releases, start=1):
        updated = load_release(release.release_dir, output / "store")
        full = load_release(release.release_dir, tmp_path / f"full-{number}" / "store")
        assert len(updates) == number, "the live store was updated, not reloaded"
        assert (updated.graphs, updated.quads) == (full.graphs, full.quads)
        assert _quads(output / "store") == _quads(tmp_path / f"full-{number}" / "store")
    assert not live.exists(), "the old store goes once the new one is current"
    assert before, "the first store was read before it went"
