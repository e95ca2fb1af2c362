"""Prefect's console logs, minus its tracebacks: when a flow or task fails, Prefect logs
the exception with its traceback (two to four times, ~80 lines) before respub prints
the one line that says what went wrong. `quiet_prefect_errors` drops those records at
Prefect's run loggers (Prefect may set its handlers up again when a run starts; the
loggers stay) and lets the rest through; the UI still shows each run's failed state
and message. It also drops the warning Prefect repeats for every task run that has a
timeout on a worker thread (`respub.orchestrate.flow` says how those timeouts act).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["quiet_prefect_errors"]


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
