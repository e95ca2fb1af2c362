"""Prefect's console logs, minus its tracebacks: when a flow or task fails, Prefect logs
the exception with its traceback (two to four times, ~80 lines) before respub prints
the one line that says what went wrong. `quiet_prefect_errors` drops those records at
Prefect's run loggers (Prefect may set its handlers up again when a run starts; the
loggers stay) and lets the rest through; the UI still shows each run's failed state
and message. It also drops the warning Prefect repeats for every task run that has a
timeout on a worker thread (`respub.orchestrate.flow` says how those timeouts act).

Prefect's temporary server is a subprocess that writes to the terminal itself, out of
reach of those filters: `server_output_to` starts it with its output sent to a log file.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from respub.errors import PublishError

__all__ = ["quiet_prefect_errors", "server_output_to"]


class _NoTracebacks(logging.Filter):
    """Drop a Prefect record that reports an error or carries a traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not record.name.startswith("prefect"):
            return True
        if record.exc_info or record.levelno >= logging.ERROR:
            return False
        message = record.getMessage()
        if message.startswith("Timeout of") and "worker thread" in message:
            return False  # said once per task; the flow's timeouts are documented there
        return "Traceback (most recent call last)" not in message


@contextmanager
def quiet_prefect_errors() -> Iterator[None]:
    """While inside, Prefect's console handlers drop error records and tracebacks."""
    import prefect  # noqa: F401  (sets up Prefect's logging handlers)

    quiet = _NoTracebacks()
    loggers = [logging.getLogger(name) for name in _LOGGERS]
    for logger in loggers:
        logger.addFilter(quiet)
    try:
        yield
    finally:
        for logger in loggers:
            logger.removeFilter(quiet)


# the loggers whose records carry a run's exception (a filter on a logger sees only the
# records made by that very logger, so each is named)
_LOGGERS = (
    "prefect",
    "prefect.flow_runs",
    "prefect.task_runs",
    "prefect.flow_engine",
    "prefect.task_engine",
    "prefect.engine",
)


def server_output_to(log: Path) -> bool:
    """Start Prefect's temporary server now, as its first client would, with its stdout
    and stderr appended to `log` instead of the terminal (under load it may print its own
    tracebacks, of messages it dropped, in the middle of a run). Does nothing, and says
    False, when a Prefect API is configured or the server already runs; `PublishError`
    when the server does not start."""
    from prefect.server.api.server import SubprocessASGIServer
    from prefect.settings import PREFECT_API_URL, PREFECT_SERVER_EPHEMERAL_ENABLED

    server = SubprocessASGIServer()
    if PREFECT_API_URL.value() or not PREFECT_SERVER_EPHEMERAL_ENABLED.value() or server.running:
        return False
    log.parent.mkdir(parents=True, exist_ok=True)
    sys.stdout.flush()
    sys.stderr.flush()
    kept = os.dup(1), os.dup(2)
    try:
        with log.open("ab") as out:  # the server process inherits the two descriptors
            os.dup2(out.fileno(), 1)
            os.dup2(out.fileno(), 2)
            server.start()
    except RuntimeError as error:  # it did not answer in time, or exited
        reason = str(error).split(".", 1)[0]
        raise PublishError(
            f"Prefect's temporary server did not start ({reason}); see {log}"
        ) from error
    finally:
        for fd, saved in zip((1, 2), kept, strict=True):
            os.dup2(saved, fd)
            os.close(saved)
    return True
