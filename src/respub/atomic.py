"""Whole files or none: writing through a temporary file in the same folder and `os.replace`.

`write_atomic` is for files that must be written; `keep` is for caches, where a file that
cannot be written only costs time later, so a failure is a warning, not an error, and
`prune_kept` deletes the cache files no longer wanted.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

log = logging.getLogger(__name__)


def write_atomic(path: Path, data: bytes, *, durable: bool = False) -> None:
    """Write `data` to `path` so that a reader sees the old file or the new one, never a part.

    `durable` also fsyncs the data before the switch; without it a file torn by a crash is
    possible, which a cache detects (it fails to parse or to match its key) and treats as a
    miss.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def keep(path: Path, data: bytes, what: str) -> bool:
    """Write a cache file atomically; on failure log "cannot keep the `what`" and go on."""
    try:
        write_atomic(path, data)
    except OSError as error:
        log.warning("%s: cannot keep the %s: %s", path, what, error)
        return False
    return True


def prune_kept(root: Path, suffix: str, wanted: Iterable[str]) -> int:
    """Delete the cache files `root/*/*<suffix>` whose stem is not in `wanted`; how many went."""
    names = set(wanted)
    removed = 0
    for path in root.glob(f"*/*{suffix}") if root.is_dir() else ():
        if path.stem not in names:
            path.unlink(missing_ok=True)
            removed += 1
    return removed
