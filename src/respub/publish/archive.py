"""The per-document archive: every language version's own files in one ZIP file (its
Turtle and JSON-LD, and its Akoma Ntoso when the release has it).

A harvester that wants the documents one by one downloads this one distribution instead
of one file per document. Byte-deterministic: members sorted, time fixed (the release
time), permissions and creating system fixed.

Written in O(changed documents): each member's compressed bytes (raw deflate, level 9)
with its CRC-32 and size are kept in ``state/zip/`` under the SHA-256 of the file they
hold (`MemberCache`), so a release compresses only the files it has not seen before and
writes the container (headers, central directory; ZIP64 records when the counts or
offsets need them) around the kept bytes. A cold run writes the same bytes: it only fills
the cache first. A missing or damaged kept member is made again from the file.
"""

from __future__ import annotations

import logging
import struct
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from respub.atomic import keep, prune_kept
from respub.publish.checksums import file_sha256
from respub.publish.layout import expression_path

__all__ = [
    "ARCHIVE",
    "MEMBERS",
    "Member",
    "MemberCache",
    "archive_paths",
    "write_archive",
    "write_zip",
]

log = logging.getLogger(__name__)

ARCHIVE = "documents.zip"
MEMBERS = "state/zip"  # below the output folder
_EXTENSIONS = (".ttl", ".jsonld")
_OPTIONAL = (".akn",)
_LEVEL = 9
_BLOB = struct.Struct("<IQQ")  # CRC-32, size, compressed size
_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")
_END64 = struct.Struct("<IQHHIIQQQQ")
_LOCATOR64 = struct.Struct("<IIQI")
_MAX16, _MAX32 = 0xFFFF, 0xFFFFFFFF
_UNIX, _VERSION, _VERSION64 = 3, 20, 45
_MODE = 0o100644 << 16


@dataclass(frozen=True)
class Member:
    """One archived file: its name, CRC-32, size and raw-deflate bytes."""

    name: str
    crc: int
    size: int
    deflated: bytes


def deflate(data: bytes) -> tuple[int, int, bytes]:
    """CRC-32, size and raw deflate (level 9) of `data`, as ZIP stores a member."""
    packer = zlib.compressobj(_LEVEL, zlib.DEFLATED, -15)
    return zlib.crc32(data), len(data), packer.compress(data) + packer.flush()


class MemberCache:
    """Deflated members under `root/<sha[:2]>/<sha>.z`, keyed by the SHA-256 of the file."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, sha256: str) -> Path:
        """Where the member of a file with this SHA-256 lives."""
        return self.root / sha256[:2] / f"{sha256}.z"

    def member(self, name: str, file: Path, sha256: str | None) -> Member:
        """The member for `file` (archived as `name`): kept bytes when the cache has those
        of its SHA-256 (given, else computed), else compressed now and kept."""
        digest = sha256 or file_sha256(file)
        found = self._load(digest)
        if found is None:
            found = deflate(file.read_bytes())
            self._store(digest, *found)
        return Member(name, *found)

    def _load(self, sha256: str) -> tuple[int, int, bytes] | None:
        try:
            data = self.path(sha256).read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            log.warning("%s: unreadable member, ignored: %s", self.path(sha256), error)
            return None
        if len(data) < _BLOB.size:
            return None
        crc, size, packed = _BLOB.unpack_from(data)
        if len(data) != _BLOB.size + packed:
            log.warning("%s: damaged member, made again", self.path(sha256))
            return None
        return crc, size, data[_BLOB.size :]

    def _store(self, sha256: str, crc: int, size: int, deflated: bytes) -> None:
        keep(self.path(sha256), _BLOB.pack(crc, size, len(deflated)) + deflated, "member")

    def prune(self, keep: Iterable[str]) -> int:
        """Delete the members of SHA-256s not in `keep`; returns how many went."""
        return prune_kept(self.root, ".z", keep)


def archive_paths(root: Path, expression_iris: Iterable[str], base_iri: str) -> list[str]:
    """The release paths the archive holds, sorted: each version's `.ttl` and `.jsonld`,
    and its `.akn` when `root` has it."""
    stems = sorted({expression_path(iri, base_iri) for iri in expression_iris})
    paths = [stem + extension for stem in stems for extension in _EXTENSIONS]
    paths += [p for p in (s + e for s in stems for e in _OPTIONAL) if (root / p).is_file()]
    return sorted(paths)


def write_archive(
    root: Path,
    paths: Iterable[str],
    moment: datetime,
    members: MemberCache,
    digests: Mapping[str, str],
) -> None:
    """Write `root/ARCHIVE` of `paths` (relative to `root`), in that order, from the kept
    members (`digests`: the SHA-256 of each file, when known)."""

    def member_of(path: str) -> Member:
        return members.member(path, root / path, digests.get(path))

    target = root / ARCHIVE
    target.unlink(missing_ok=True)  # never write through a link to a published file
    with target.open("wb") as out:
        write_zip(out, (member_of(p) for p in paths), moment)


def write_zip(out: BinaryIO, members: Iterable[Member], moment: datetime) -> None:
    """A ZIP file of `members` (deflated), in order, every time stamp `moment` (seconds
    dropped), made on Unix with mode 0644; ZIP64 records where counts or offsets need them.

    >>> import io, zipfile
    >>> buffer = io.BytesIO()
    >>> write_zip(buffer, [Member("a.ttl", *deflate(b"<a> <b> <c> .\\n"))], datetime(2026, 1, 1))
    >>> zipfile.ZipFile(buffer).read("a.ttl")
    b'<a> <b> <c> .\\n'
    """
    time, date = _dos(moment)
    central = []
    offset = 0
    for member in members:
        name = member.name.encode("utf-8")
        flags = 0 if member.name.isascii() else 0x800
        header = _LOCAL.pack(
            0x04034B50, _VERSION, flags, 8, time, date,
            member.crc, len(member.deflated), member.size, len(name), 0,
        )  # fmt: skip
        out.write(header + name)
        out.write(member.deflated)
        central.append(_central(member, name, flags, time, date, offset))
        offset += len(header) + len(name) + len(member.deflated)
    directory = b"".join(central)
    out.write(directory)
    out.write(_end(len(central), len(directory), offset))


def _central(member: Member, name: bytes, flags: int, time: int, date: int, offset: int) -> bytes:
    """The central directory record of one member (ZIP64 extra field past 4 GiB)."""
    extra, version, stored = b"", _VERSION, offset
    if offset >= _MAX32:
        extra, version, stored = struct.pack("<HHQ", 1, 8, offset), _VERSION64, _MAX32
    record = _CENTRAL.pack(
        0x02014B50, (_UNIX << 8) | version, version, flags, 8, time, date,
        member.crc, len(member.deflated), member.size, len(name), len(extra), 0, 0, 0,
        _MODE, stored,
    )  # fmt: skip
    return record + name + extra


def _end(count: int, size: int, offset: int) -> bytes:
    """The end of central directory record, preceded by the ZIP64 ones when needed."""
    if count < _MAX16 and offset < _MAX32 and size < _MAX32:
        return _END.pack(0x06054B50, 0, 0, count, count, size, offset, 0)
    end64 = _END64.pack(
        0x06064B50, _END64.size - 12, (_UNIX << 8) | _VERSION64, _VERSION64, 0, 0,
        count, count, size, offset,
    )  # fmt: skip
    locator = _LOCATOR64.pack(0x07064B50, 0, offset + size, 1)
    end = _END.pack(0x06054B50, 0, 0, _MAX16, _MAX16, _MAX32, _MAX32, 0)
    return end64 + locator + end


def _dos(moment: datetime) -> tuple[int, int]:
    """The MS-DOS time and date of `moment` (seconds dropped; 1980 at the earliest)."""
    year = max(moment.year, 1980)
    return (moment.hour << 11) | (moment.minute << 5), ((year - 1980) << 9) | (
        moment.month << 5
    ) | moment.day
