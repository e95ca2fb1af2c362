"""The worker pool: a task's timeout stops the wait for a hung batch, and its workers."""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import threading
import time
from multiprocessing import connection
from multiprocessing.process import BaseProcess
from pathlib import Path

import pytest

from respub.orchestrate.pool import _still_running, run_in, worker_pool
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
    assert connection.wait([worker.sentinel], 0), "the hung worker still runs"
    assert _exit_code(worker) == -signal.SIGTERM


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
    assert connection.wait([worker.sentinel], 0), "the worker still runs"
    assert _exit_code(worker) == -signal.SIGKILL


def _exit_code(worker: BaseProcess, within: float = 10.0) -> int | None:
    """The worker's exit code once known: the pool's thread may be reaping it right now,
    and until it records the code `exitcode` reads None (waitpid fails with ECHILD)."""
    deadline = time.monotonic() + within
    while worker.exitcode is None and time.monotonic() < deadline:
        time.sleep(0.05)
    return worker.exitcode


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


def test_a_worker_reaped_by_another_waiter_counts_as_ended() -> None:
    """The pool's own thread joins its workers too: one it has reaped first still looks
    alive to `is_alive()` (waitpid fails with ECHILD), but not to the pool's stop."""
    process = multiprocessing.get_context("spawn").Process(target=time.sleep, args=(0,))
    process.start()
    os.waitpid(process.pid or 0, 0)  # another waiter reaps it
    assert process.is_alive()  # what stop() used to trust
    assert _still_running([process], 5.0) == []
