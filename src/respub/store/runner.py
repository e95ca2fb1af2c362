"""Guarded SPARQL: queries run in worker processes that are killed when they run too long.

pyoxigraph cannot interrupt a query, so each query runs in one of a few persistent worker
processes (`respub.store.worker`, fresh interpreters), each with the store opened
read-only. A query that passes the time limit has its worker killed (and replaced); one
whose answer grows past the size limit is stopped by the worker itself. Updates and
`SERVICE` are refused before any worker sees them. When `store_dir` is a link that moves
to a new store (a new release was loaded), workers reopen it before their next query.

    with QueryRunner(Path("output/store"), QueryLimits(timeout=5)) as runner:
        answer = runner.run("SELECT * { ?s ?p ?o } LIMIT 3", result_format="csv")
"""

from __future__ import annotations

import logging
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from respub.store.execute import Answer, Request
from respub.store.guard import (
    QueryError,
    QueryLimits,
    QueryRefused,
    QueryTimeout,
    ResultTooLarge,
    check,
)

__all__ = ["QueryRunner"]

log = logging.getLogger(__name__)
_START_TIMEOUT = 60.0


@dataclass
class _Worker:
    process: subprocess.Popen[bytes]
    receive: Connection
    send: Connection
    store: Path

    @classmethod
    def start(cls, store: Path) -> _Worker:
        """A fresh worker process on `store`, once it has opened the store."""
        child_read, parent_write = os.pipe()
        parent_read, child_write = os.pipe()
        try:
            process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "respub.store.worker",
                    str(child_read),
                    str(child_write),
                    str(store),
                ],
                pass_fds=(child_read, child_write),
                stdin=subprocess.DEVNULL,
            )
        finally:
            os.close(child_read)
            os.close(child_write)
        worker = cls(
            process,
            Connection(parent_read, writable=False),
            Connection(parent_write, readable=False),
            store,
        )
        try:
            ready = worker.receive.poll(_START_TIMEOUT)
            reply = worker.receive.recv() if ready else ("error", "", "it did not start")
        except (EOFError, OSError):
            reply = ("error", "", "it stopped while starting")
        if reply[0] != "ready":
            worker.stop()
            raise QueryError(f"{store}: the query worker failed: {reply[2]}")
        return worker

    def alive(self) -> bool:
        """Whether the process still runs."""
        return self.process.poll() is None

    def stop(self) -> None:
        """Kill the process and close the pipes."""
        self.process.kill()
        self.process.wait(5)
        self.receive.close()
        self.send.close()


class QueryRunner:
    """A small pool of query worker processes on the store at `store_dir`."""

    def __init__(
        self, store_dir: Path, limits: QueryLimits | None = None, *, workers: int = 2
    ) -> None:
        if not store_dir.exists():
            raise QueryError(f"{store_dir}: no store here; publish a release first")
        self.store_dir = store_dir
        self.limits = limits or QueryLimits()
        self._idle: queue.LifoQueue[_Worker | None] = queue.LifoQueue()
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(max(workers, 1)):
            self._idle.put(None)  # started on first use

    def run(
        self,
        sparql: str,
        *,
        result_format: str = "json",
        graph_format: str = "turtle",
        bindings: Mapping[str, str] | None = None,
    ) -> Answer:
        """The answer to `sparql`, or `QueryError` (`QueryRefused`, `QueryTimeout`, …)."""
        check(sparql, self.limits)
        request = Request(
            sparql, result_format, graph_format, dict(bindings or {}), self.limits.max_bytes
        )
        if self._closed:
            raise QueryError("the query runner is closed")
        try:
            worker = self._idle.get(timeout=self.limits.timeout)
        except queue.Empty:
            raise QueryTimeout(
                f"every query worker stayed busy for {self.limits.timeout:g} s; try again later"
            ) from None
        try:
            worker = self._fresh(worker)
            reply = self._ask(worker, request)
        except BaseException:
            if worker is not None:
                worker.stop()
            worker = None
            raise
        finally:
            self._idle.put(worker)
        if reply[0] == "ok":
            answer: Answer = reply[1]
            return answer
        raise _ERRORS.get(str(reply[1]), QueryError)(str(reply[2]))

    def _fresh(self, worker: _Worker | None) -> _Worker:
        """`worker`, or a new one when there is none or the store moved to a new release."""
        store = self.store_dir.resolve()
        if worker is not None and worker.store == store and worker.alive():
            return worker
        if worker is not None:
            worker.stop()
        return _Worker.start(store)

    def _ask(self, worker: _Worker, request: Request) -> tuple[Any, ...]:
        try:
            worker.send.send(request)
            if not worker.receive.poll(self.limits.timeout):
                log.warning("query stopped after %g s: %.200s", self.limits.timeout, request.sparql)
                raise QueryTimeout(
                    f"the query ran longer than the time limit ({self.limits.timeout:g} s) "
                    "and was stopped"
                )
            reply: tuple[Any, ...] = worker.receive.recv()
        except (EOFError, OSError) as error:
            raise QueryError(f"the query worker failed ({error or 'it died'})") from error
        return reply

    def close(self) -> None:
        """Stop every worker."""
        self._closed = True
        while True:
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                return
            if worker is not None:
                worker.stop()

    def __enter__(self) -> QueryRunner:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


_ERRORS = {c.__name__: c for c in (QueryError, QueryRefused, QueryTimeout, ResultTooLarge)}
