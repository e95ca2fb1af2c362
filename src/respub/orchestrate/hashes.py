"""The hashes of the sources, recorded with what `stat` said of each file when it was read.

A run keys every document's result by the SHA-256 of its bytes; reading 10,000 files to
find that nothing changed takes seconds. As make and rsync do, a file whose `stat` is
unchanged since its bytes were hashed is taken to hold the same bytes, and its recorded
hash is reused; any difference in its signature, and the bytes are read and hashed
again, the hash staying the truth once the signature differs.

The signature is size, mtime_ns, ctime_ns, inode and device. The classic trap, a file
rewritten with the same size and its modification time put back (``touch -d``, ``cp -p``,
``rsync -t``, an unpacked archive), is caught by ctime, which no user-level tool can set
back: any write or `utime` moves it to now. What is left is the case every stat-based tool
shares: a file changed twice within one tick of the file system's clock, the first change
hashed in between. A recorded hash is therefore trusted only when the file was at least
`RACY_NS` older than the moment its bytes were read (as git treats "racily clean" index
entries); a file hashed while younger is hashed again at the next run. `respub publish
--rehash` (``SourceHashes(..., trust=False)``) trusts nothing and hashes every byte.

The record lives in ``output/state/source-hashes.json``; it only saves work: a damaged
record is ignored, and one that cannot be written is a warning.
"""

from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path
from typing import Any

from respub.atomic import read_kept, write_atomic
from respub.orchestrate.fingerprint import file_sha256

__all__ = ["RACY_NS", "Signature", "SourceHashes", "signature", "trusted"]

log = logging.getLogger(__name__)

FORMAT = 1
RACY_NS = 2_000_000_000  # the coarsest common mtime granularity (FAT's 2 s), with margin

Signature = tuple[int, int, int, int, int]
"""size, mtime_ns, ctime_ns, inode, device."""

# A record: the signature, the hash, and when (time.time_ns) the bytes began to be read.
_Record = tuple[Signature, str, int]


def signature(found: os.stat_result) -> Signature:
    """What `stat` says of a file that changes when its bytes do (see the module)."""
    return (found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino, found.st_dev)


def trusted(recorded: Signature, read_at_ns: int, now: Signature, racy_ns: int = RACY_NS) -> bool:
    """True when a hash taken at `read_at_ns` of a file whose signature was `recorded`
    may stand for the file whose signature is `now`: the same signature, and a file
    that was already `RACY_NS` old when it was read.

    >>> trusted((10, 1_000, 1_000, 7, 1), 5_000_000_000, (10, 1_000, 1_000, 7, 1))
    True
    >>> trusted((10, 1_000, 1_000, 7, 1), 5_000_000_000, (10, 1_000, 9_000, 7, 1))
    False
    >>> trusted((10, 4_000_000_000, 4_000_000_000, 7, 1), 5_000_000_000,
    ...         (10, 4_000_000_000, 4_000_000_000, 7, 1))
    False
    """
    mtime, ctime = recorded[1], recorded[2]
    return recorded == now and max(mtime, ctime) + racy_ns <= read_at_ns


class SourceHashes:
    """The recorded hashes under `path`; `sha256` answers from them when it may.

    `trust=False` hashes every file (and records the new hashes all the same);
    `racy_ns` is how old a file must have been when read for its hash to be reused
    (the granularity of the file system's clock, with margin). The record keeps the
    files asked for since it was read (those of this run)."""

    def __init__(self, path: Path, *, trust: bool = True, racy_ns: int = RACY_NS) -> None:
        self.path = path
        self.trust = trust
        self.racy_ns = racy_ns
        self.reused = 0
        self.hashed = 0
        self._records: dict[str, _Record] = _read(path)
        self._changed = False
        self._seen: set[str] = set()

    def sha256(self, source: Path) -> str:
        """The SHA-256 of the file's bytes (`OSError` when it cannot be read)."""
        key = os.path.abspath(source)
        before = os.stat(key)
        self._seen.add(key)
        record = self._records.get(key)
        now = signature(before)
        if self.trust and record is not None and trusted(record[0], record[2], now, self.racy_ns):
            self.reused += 1
            return record[1]
        read_at = time.time_ns()
        digest = file_sha256(source)
        self.hashed += 1
        if signature(os.stat(key)) == now:  # not changed while it was read
            self._records[key] = (now, digest, read_at)
            self._changed = True
        return digest

    def save(self) -> None:
        """Write the record (atomically) of the files asked for, if it changed; a failure
        is a warning."""
        if not self._changed and self._seen == set(self._records):
            return
        kept = {k: r for k, r in self._records.items() if k in self._seen}
        records = {k: [list(s), h, t] for k, (s, h, t) in kept.items()}
        text = json.dumps({"format": FORMAT, "files": records}, separators=(",", ":"))
        try:
            write_atomic(self.path, text.encode("utf-8"))
        except OSError as error:
            log.warning("%s: cannot record the source hashes: %s", self.path, error)
            return
        self._records, self._changed = kept, False


def _read(path: Path) -> dict[str, _Record]:
    """The kept records; empty (every source hashed again) when missing or unreadable."""
    return read_kept(path, "record of source hashes", _records, format=FORMAT) or {}


def _records(data: dict[str, Any]) -> dict[str, _Record]:
    return {
        str(key): (_signature(sig), str(digest), int(read_at))
        for key, (sig, digest, read_at) in data["files"].items()
    }


def _signature(values: list[int]) -> Signature:
    size, mtime, ctime, inode, device = (int(v) for v in values)
    return (size, mtime, ctime, inode, device)
