"""The task runner of the document batches: worker processes, threads, or Dask.

``processes`` (the default) runs each batch task on a thread that hands the batch to a
pool of worker processes (`respub.orchestrate.pool`): both cores, without Dask's cluster.
``threads`` runs the batches in the flow's process (one core: the GIL), which is faster
only when there is a single batch.

``dask`` with an address connects to that scheduler (``tcp://host:8786``); without one it
starts a `distributed.LocalCluster` for the run, one single-threaded worker process per
core by default (parsing and validation are CPU-bound Python: processes, not threads) —
unless there is only one batch to run, which is not worth the cluster's start-up.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # Prefect costs seconds to import; the CLI checks options without it
    from prefect.task_runners import TaskRunner

from respub.orchestrate.settings import RUNNERS, Runner

__all__ = ["RUNNERS", "Runner", "batch_runner", "cluster_kwargs", "task_runner"]


def task_runner(
    runner: str,
    *,
    dask_address: str | None = None,
    dask_workers: int | None = None,
    dask_processes: bool = True,
    threads: int | None = None,
) -> TaskRunner[Any]:
    """The task runner named `runner` (one of `RUNNERS`); `ValueError` otherwise.

    For ``processes`` this is the threads that wait on the worker pool."""
    from prefect.task_runners import ThreadPoolTaskRunner

    if runner in ("threads", "processes"):
        if dask_address is not None:
            raise ValueError("--dask-address needs --runner dask")
        return ThreadPoolTaskRunner(max_workers=threads or min(8, os.cpu_count() or 1))
    if runner == "dask":
        from prefect_dask.task_runners import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        workers = dask_workers or os.cpu_count() or 1
        return DaskTaskRunner(cluster_kwargs=cluster_kwargs(workers, dask_processes))
    raise ValueError(f"unknown runner {runner!r} (expected one of: {', '.join(RUNNERS)})")


def cluster_kwargs(workers: int, processes: bool = True) -> dict[str, Any]:
    """The LocalCluster of a run: `workers` single-threaded workers (processes unless
    told otherwise), no dashboard, each warmed up once as it starts (`respub.orchestrate.
    dask_worker`: lexicons and SHACL shapes read before its first batch, as in the pool)."""
    return {
        "n_workers": workers,
        "threads_per_worker": 1,
        "processes": processes,
        "dashboard_address": ":0",
        "preload": ["respub.orchestrate.dask_worker"],
    }


def batch_runner(
    runner: str,
    batches: int,
    *,
    dask_address: str | None = None,
    dask_workers: int | None = None,
) -> TaskRunner[Any]:
    """The task runner for `batches` batches: as `task_runner`, except that a single batch
    is not worth starting a local Dask cluster or worker processes for, and runs on a
    thread."""
    if runner in ("dask", "processes") and dask_address is None and batches <= 1:
        return task_runner("threads", threads=1)
    return task_runner(runner, dask_address=dask_address, dask_workers=dask_workers)
