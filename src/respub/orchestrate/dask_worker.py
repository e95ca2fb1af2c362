"""Dask worker preload: warm a worker up once, as it starts (`runners.cluster_kwargs`).

Dask runs this module's `dask_setup` in every worker of a run's LocalCluster (or of any
cluster started with ``--preload respub.orchestrate.dask_worker``). It reads the lexicons
and the SHACL shapes in the thread that runs the worker's tasks (pyrudof engines are per
thread), so no batch pays for them and each worker reads them once.
"""

from __future__ import annotations

import logging
from typing import Any

from respub.orchestrate.pool import warm_up

__all__ = ["dask_setup", "warmed"]

log = logging.getLogger(__name__)
_WARMED: list[str] = []


def dask_setup(worker: Any) -> None:
    """Warm `worker` up in its task thread (its default executor); does not wait."""
    executor = worker.executors["default"]
    executor.submit(_warm)


def _warm() -> None:
    import threading

    warm_up()
    _WARMED.append(threading.current_thread().name)
    log.debug("worker warmed up in %s", _WARMED[-1])


def warmed() -> list[str]:
    """The threads of this process that were warmed up (for tests and diagnostics)."""
    return list(_WARMED)
