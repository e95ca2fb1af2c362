"""Scale-out: the release made on a Dask LocalCluster is byte-identical to the threaded one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from respub.orchestrate.commands import publish


def test_dask_release_matches_threads(
    corpus: Path, tmp_path: Path, snapshot: Callable[[Path], dict[str, bytes]]
) -> None:
    threads = publish([corpus], out=tmp_path / "threads", batch_size=2)
    # No address: a LocalCluster of two single-threaded worker processes on 127.0.0.1.
    dask = publish([corpus], out=tmp_path / "dask", batch_size=2, runner="dask", dask_workers=2)
    assert (dask.parsed, dask.published) == (6, 6)
    assert dask.release_id == threads.release_id
    assert snapshot(Path(dask.release_dir)) == snapshot(Path(threads.release_dir))
