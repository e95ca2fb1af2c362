"""Worker processes for the document batches: both cores, shapes loaded once per worker.

Parsing, mapping and validating are CPU-bound Python, so threads share one core (the GIL).
The ``processes`` runner keeps Prefect's cheap thread tasks (one `process-batch` task per
batch, visible in the UI) but each task hands its batch to a pool of worker processes,
which run `respub.orchestrate.batching.run_batch` and write their results into the cache
themselves; only small `Outcome`s come back. Workers are started with ``spawn`` (forking
a process that runs Prefect's threads and event loop is unsafe) and warmed up once: the
lexicons parsed, the SHACL shapes read into pyrudof.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import resource
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, wait
from multiprocessing import connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from respub.orchestrate.batching import Outcome, WorkItem, run_batch
from respub.settings import Settings

__all__ = ["run_in", "stop", "warm_up", "worker_pool", "workers"]

POLL = 1.0

log = logging.getLogger("respub.orchestrate.flow")  # the run's log, shown by the CLI


def workers(batches: int, requested: int | None = None) -> int:
    """How many worker processes: one per core (or `requested`), never more than batches."""
    return max(1, min(requested or os.cpu_count() or 1, batches))


@contextlib.contextmanager
def worker_pool(size: int) -> Iterator[ProcessPoolExecutor]:
    """A pool of `size` warmed-up worker processes, shut down on exit; left by an error
    (a batch task that timed out), its workers are stopped, not waited for.

    Logs (at INFO, to the flow's logger, which `respub publish` shows) the CPU time the
    workers used and the time this process used meanwhile: what the parent still pays
    per document (Prefect's tasks and the outcomes)."""
    context = multiprocessing.get_context("spawn")
    started = _cpu()
    pool = ProcessPoolExecutor(size, mp_context=context, initializer=warm_up)
    try:
        yield pool
    except BaseException:
        stop(pool)
        raise
    pool.shutdown(wait=True)
    ended = _cpu()
    log.info(
        "%d worker processes used %.1f s CPU; this process %.1f s meanwhile",
        size,
        ended[1] - started[1],
        ended[0] - started[0],
    )


def _cpu() -> tuple[float, float]:
    """CPU seconds (user + system) of this process and of its ended, waited-for children."""
    own, children = (
        resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def stop(pool: ProcessPoolExecutor, grace: float = 5.0) -> None:
    """Cancel what is queued and terminate the workers (a hung batch included); a worker
    still running `grace` seconds later is killed (SIGTERM is ignored by a process started
    by one that ignores it, as under some supervisors)."""
    workers = list((getattr(pool, "_processes", None) or {}).values())  # public in 3.14 only
    pool.shutdown(wait=False, cancel_futures=True)
    for process in workers:
        process.terminate()
    running = _still_running(workers, grace)
    for process in running:
        process.kill()
    _still_running(running, grace)


def _still_running(processes: Sequence[BaseProcess], timeout: float) -> list[BaseProcess]:
    """The `processes` that have not ended within `timeout` seconds.

    Watches their sentinels rather than `is_alive()`: the pool's own thread joins the same
    processes once they end, and a process it has just reaped looks alive to a second
    waiter (its waitpid fails with ECHILD before the first one records the exit code)."""
    deadline = time.monotonic() + timeout
    running = {process.sentinel: process for process in processes}
    while running and (left := deadline - time.monotonic()) > 0:
        for sentinel in connection.wait(list(running), left):
            del running[sentinel]  # type: ignore[arg-type]
    return list(running.values())


def warm_up() -> None:
    """Pay the one-off costs of a worker before its first batch (lexicons, shapes)."""
    from respub.parse import parse_source  # noqa: F401  (imports and compiles the lexicons)
    from respub.validate.rudof import validate_ntriples

    validate_ntriples("<urn:respub:warm-up> <urn:respub:warm-up> <urn:respub:warm-up> .\n")


def run_in(
    pool: ProcessPoolExecutor,
    items: Sequence[WorkItem],
    settings: Settings,
    cache_root: Path,
    parts_root: Path | None = None,
) -> list[Outcome]:
    """`run_batch` of `items` in one of the pool's workers; its outcomes.

    Waits in steps of `POLL` seconds: a task's timeout reaches a worker thread as an
    exception raised between two Python steps, which one long wait would hold off."""
    future = pool.submit(run_batch, tuple(items), settings, cache_root, parts_root)
    while not wait([future], timeout=POLL).done:
        pass
    return future.result()
