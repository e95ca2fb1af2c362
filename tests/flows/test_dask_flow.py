"""Scale-out: releases made by worker processes or on a Dask LocalCluster are byte-identical
to the threaded one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from respub.orchestrate.commands import publish


@pytest.mark.huge  # a minute or more on 2 cores: make test-huge and CI run it
def test_dask_release_matches_threads(
    corpus: Path, tmp_path: Path, snapshot: Callable[[Path], dict[str, bytes]]
) -> None:
    threads = publish([corpus], out=tmp_path / "threads", batch_size=2, runner="threads")
    # No address: a LocalCluster of two single-threaded worker processes on 127.0.0.1.
    dask = publish([corpus], out=tmp_path / "dask", batch_size=2, runner="dask", dask_workers=2)
    assert (dask.parsed, dask.published) == (6, 6)
    assert dask.release_id == threads.release_id
    assert snapshot(Path(dask.release_dir)) == snapshot(Path(threads.release_dir))


def test_worker_processes_release_matches_threads(
    corpus: Path, tmp_path: Path, snapshot: Callable[[Path], dict[str, bytes]]
) -> None:
    threads = publish([corpus], out=tmp_path / "threads", batch_size=6, runner="threads")
    # Three batches on a pool of two spawned worker processes (the default runner).
    processes = publish([corpus], out=tmp_path / "processes", batch_size=2)
    assert (processes.parsed, processes.published) == (6, 6)
    assert processes.release_id == threads.release_id
    assert snapshot(Path(processes.release_dir)) == snapshot(Path(threads.release_dir))
    again = publish([corpus], out=tmp_path / "processes", batch_size=2)
    assert again.unchanged and again.parsed == 0
