"""The one clock of a release: `SOURCE_DATE_EPOCH`, else the newest source's mtime.

Both are read at the edges (the CLI, the flow) and pinned into `Settings.release_time`,
so the same inputs give the same release id and bytes.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

__all__ = ["release_time_from_environ", "release_time_from_sources"]


def release_time_from_environ(environ: Mapping[str, str]) -> datetime | None:
    """The release time from `SOURCE_DATE_EPOCH` (reproducible builds), or None.

    >>> release_time_from_environ({"SOURCE_DATE_EPOCH": "0"}).isoformat()
    '1970-01-01T00:00:00+00:00'
    """
    value = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    try:
        return datetime.fromtimestamp(int(value), tz=UTC)
    except ValueError as error:
        raise ValueError(f"SOURCE_DATE_EPOCH must be whole seconds, not {value!r}") from error


def release_time_from_sources(paths: Sequence[str | Path]) -> datetime:
    """The latest modification time of the sources, in UTC whole seconds (epoch if none)."""
    latest = max((_mtime(p) for p in paths), default=0)
    return datetime.fromtimestamp(latest, tz=UTC)


def _mtime(path: str | Path) -> int:
    """A file's modification time (0 when it vanished: it is quarantined, not dated)."""
    try:
        return int(os.stat(path).st_mtime)
    except OSError:
        return 0
