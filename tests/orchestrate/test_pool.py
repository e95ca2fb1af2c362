"""The worker pool: a task's timeout stops the wait for a hung batch, and its workers."""

from __future__ import annotations

import ctypes
import signal
import threading
import time
from pathlib import Path

import pytest

from respub.orchestrate.pool import run_in, worker_pool
from respub.settings import Settings

pytestmark = pytest.mark.slow  # spawns worker processes (a few seconds)


def test_leaving_the_pool_on_an_error_stops_a_hung_worker() -> None:
    started = time.monotonic()
    with pytest.raises(RuntimeError), worker_pool(1) as pool:
        pool.submit(time.sleep, 120)  # a batch that never ends
        time.sleep(0.5)
        [worker] = list(pool._processes.values())
        raise RuntimeError("the batch task timed out")
    assert time.monotonic() - started < 60, "the pool waited for the hung worker"
    assert not worker.is_alive()


def test_a_worker_that_ignores_sigterm_is_killed() -> None:
    """A worker started by a process that ignores SIGTERM inherits that across exec: the
    pool's stop then kills it (seen once in the full suite: the hung worker outlived it)."""
    previous = signal.signal(signal.SIGTERM, signal.SIG_IGN)
    try:
        with pytest.raises(RuntimeError), worker_pool(1) as pool:
            pool.submit(time.sleep, 120)
            time.sleep(0.5)
            [worker] = list(pool._processes.values())
            raise RuntimeError("the batch task timed out")
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert not worker.is_alive()
    assert worker.exitcode == -signal.SIGKILL


def test_a_timeout_sent_to_the_waiting_thread_ends_the_wait(tmp_path: Path) -> None:
    """run_in waits in short steps, so the exception Prefect sends to a task's thread when
    it times out ends the wait (and, leaving the pool, the hung worker) at once."""
    stopped: list[BaseException] = []
    waited: list[float] = []

    def waiting() -> None:
        started = time.monotonic()
        try:
            with worker_pool(1) as pool:
                pool.submit(time.sleep, 120)  # the worker hangs: the batch below waits
                run_in(pool, (), Settings(), tmp_path)
        except BaseException as error:  # the exception sent below
            stopped.append(error)
        waited.append(time.monotonic() - started)

    thread = threading.Thread(target=waiting)
    thread.start()
    time.sleep(3)
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread.ident or 0), ctypes.py_object(TimeoutError)
    )
    thread.join(60)
    assert not thread.is_alive() and [type(e) for e in stopped] == [TimeoutError]
    assert waited[0] < 60
