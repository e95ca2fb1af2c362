"""A query worker: a process of its own that opens the store read-only and answers queries.

Started by `respub.store.runner` as `python -m respub.store.worker READ_FD WRITE_FD STORE`
(a fresh interpreter: nothing of the server's state or main module comes along), it reads
pickled `Request`s from one pipe and writes its replies to the other until the pipe closes.
"""

from __future__ import annotations

import signal
import sys
from multiprocessing.connection import Connection

from pyoxigraph import Store

from respub.store.execute import execute
from respub.store.guard import QueryError

__all__ = ["main", "serve_queries"]


def serve_queries(receive: Connection, send: Connection, store_dir: str) -> None:
    """Open the store, say `ready`, then answer requests until the pipe closes."""
    try:
        store = Store.read_only(store_dir)
    except OSError as error:
        send.send(("error", "QueryError", f"{store_dir}: cannot open the store: {error}"))
        return
    send.send(("ready",))
    while True:
        try:
            request = receive.recv()
        except (EOFError, OSError):
            return
        try:
            send.send(("ok", execute(store, request)))
        except QueryError as error:
            send.send(("error", type(error).__name__, str(error)))


def main(argv: list[str] | None = None) -> None:
    """Entry point of the worker process."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server stops its workers itself
    read_fd, write_fd, store_dir = (argv if argv is not None else sys.argv[1:])[:3]
    receive = Connection(int(read_fd), writable=False)
    send = Connection(int(write_fd), readable=False)
    serve_queries(receive, send, store_dir)


if __name__ == "__main__":
    main()
