"""An exclusive, non-blocking lock file, freed on exit or when the process dies."""

from __future__ import annotations

import contextlib
import fcntl
from collections.abc import Iterator
from pathlib import Path

from respub.errors import PublishError

__all__ = ["LockBusy", "exclusive"]


class LockBusy(PublishError):
    """Another process holds the lock: a failure that passes (the scheduled flow retries)."""


@contextlib.contextmanager
def exclusive(lock_file: Path, busy: str) -> Iterator[None]:
    """Hold `lock_file`; `LockBusy(busy)` at once if another process holds it."""
    with open(lock_file, "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            raise LockBusy(busy) from error
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
