"""Whole files or none: writing through a temporary file in the same folder and `os.replace`.

`write_atomic` is for files that must be written; `keep` is for caches, where a file that
cannot be written only costs time later, so a failure is a warning, not an error;
`read_kept` reads a kept JSON file back, where a missing, torn or outdated file is only a
miss, `read_kept_pickle` the same for respub's own pickles (`KeptDict`: a dictionary kept
in one), and `prune_kept` deletes the cache files no longer wanted.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Generic, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")
V = TypeVar("V")


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


def read_kept(
    path: Path, what: str, decode: Callable[[dict[str, Any]], T], **stamp: object
) -> T | None:
    """`decode` of the JSON object kept at `path` when it carries every field of `stamp` with
    that value (a format, a software version, a key); None when there is nothing to use.

    A missing file is None without a word; one kept by another format or version is None
    with an info line (an upgrade makes it so); one that cannot be read, is not JSON, not
    an object, or that `decode` rejects (`KeyError`, `TypeError`, `ValueError`,
    `AttributeError`) is None with a warning naming the file and `what` it was meant to be.
    Never raises for what the file holds.
    """
    try:
        data = json.loads(path.read_bytes())
        if not isinstance(data, dict):
            raise TypeError(f"a JSON {type(data).__name__}, not an object")
        differs = {k: data.get(k) for k, v in stamp.items() if data.get(k) != v}
        if differs:
            found = ", ".join(f"{k} {v!r}" for k, v in differs.items())
            log.info("%s: %s of another version (%s), ignored", path, what, found)
            return None
        return decode(data)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        log.warning("%s: unreadable %s, ignored: %s", path, what, error)
        return None


def read_kept_pickle(path: Path | None) -> object:
    """The object pickled into `path`; None when there is no such file (or no `path`) or it
    cannot be unpickled: a cache's miss, never an error. Only for the pickles respub keeps
    in its output folder's state, which is trusted as the rest of ``state/`` is (unpickling
    runs code)."""
    if path is None:
        return None
    try:
        return pickle.loads(path.read_bytes())
    except (
        OSError,  # missing
        pickle.UnpicklingError,  # torn, or not a pickle
        EOFError,
        ValueError,
        LookupError,
        AttributeError,  # of classes since changed
        ImportError,
        TypeError,
    ) as error:
        log.debug("%s: kept pickle not read: %s", path, error)
    return None


class KeptDict(Generic[V]):
    """A dictionary kept between runs in the pickle file `path` (None: nothing kept):
    `kept` is what the file held (empty when it is missing or unreadable), `used` what this
    run used; `save` keeps `used`, and only it, when it differs from `kept`."""

    def __init__(self, path: Path | None, what: str) -> None:
        self.path, self.what = path, what
        found = read_kept_pickle(path)
        self.kept: dict[str, V] = found if isinstance(found, dict) else {}
        self.used: dict[str, V] = {}

    def save(self) -> None:
        """Keep what this run used (atomically; a failure is a warning)."""
        if self.path is not None and self.used != self.kept:
            data = pickle.dumps(self.used, protocol=pickle.HIGHEST_PROTOCOL)
            if keep(self.path, data, self.what):
                self.kept = dict(self.used)


def prune_kept(root: Path, suffix: str, wanted: Iterable[str]) -> int:
    """Delete the cache files `root/*/*<suffix>` whose stem is not in `wanted`; how many went."""
    names = set(wanted)
    removed = 0
    for path in root.glob(f"*/*{suffix}") if root.is_dir() else ():
        if path.stem not in names:
            path.unlink(missing_ok=True)
            removed += 1
    return removed
