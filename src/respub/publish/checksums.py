"""File digests of a release: `SHA256SUMS` in the format `sha256sum -c` reads."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "SUMS",
    "FileInfo",
    "check_sums",
    "describe_files",
    "linked_infos",
    "read_sums",
    "sums_text",
]

SUMS = "SHA256SUMS"
_CHUNK = 1 << 20


@dataclass(frozen=True)
class FileInfo:
    """A release file: path relative to the release, byte size and SHA-256."""

    path: str
    size: int
    sha256: str


def file_sha256(path: Path) -> str:
    """The hex SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def release_files(root: Path) -> list[str]:
    """Every file under `root` (relative POSIX paths, sorted), except `SHA256SUMS`.

    One `os.walk` (scandir: the type comes with each entry), not `Path.rglob` and a stat per
    path: a release of 10,000 documents holds some 50,000 files.
    """
    found = []
    top = str(root)
    for folder, _, names in os.walk(top):
        prefix = os.path.relpath(folder, top).replace(os.sep, "/") + "/"
        prefix = "" if prefix == "./" else prefix
        found += [prefix + name for name in names]
    return sorted(p for p in found if p != SUMS)


def describe_files(
    root: Path,
    paths: Iterable[str],
    on_file: Callable[[int], None] | None = None,
    known: Mapping[str, FileInfo] | None = None,
) -> list[FileInfo]:
    """Size and SHA-256 of each path (`known` ones taken as given, not read); `on_file(n)`
    is called after the n-th file."""
    infos = []
    for n, path in enumerate(paths, start=1):
        info = (known or {}).get(path)
        if info is None:
            full = root / path
            info = FileInfo(path=path, size=full.stat().st_size, sha256=file_sha256(full))
        infos.append(info)
        if on_file is not None:
            on_file(n)
    return sorted(infos, key=lambda i: i.path)


def linked_infos(root: Path, previous: Path | None, paths: Iterable[str]) -> dict[str, FileInfo]:
    """The infos of the `paths` of `root` that are the very files (same inode) of the
    `previous` release, with the digests its `SHA256SUMS` lists (checked when it was made):
    a hard-linked file is not read again."""
    if previous is None:
        return {}
    try:
        sums = read_sums(previous)
    except (OSError, ValueError):
        return {}
    found = {}
    for path in paths:
        digest = sums.get(path)
        if digest is None:
            continue
        try:
            mine, theirs = (root / path).stat(), (previous / path).stat()
        except OSError:
            continue
        if (mine.st_ino, mine.st_dev) == (theirs.st_ino, theirs.st_dev):
            found[path] = FileInfo(path=path, size=mine.st_size, sha256=digest)
    return found


def sums_text(infos: Iterable[FileInfo]) -> str:
    """The `SHA256SUMS` text: `<hex>  <path>` per line, sorted by path.

    >>> sums_text([FileInfo("b.ttl", 1, "ab"), FileInfo("a.ttl", 2, "cd")])
    'cd  a.ttl\\nab  b.ttl\\n'
    """
    for info in infos:
        if "\n" in info.path or "\\" in info.path:
            raise ValueError(f"file name not representable in SHA256SUMS: {info.path!r}")
    return "".join(f"{i.sha256}  {i.path}\n" for i in sorted(infos, key=lambda i: i.path))


def read_sums(root: Path) -> dict[str, str]:
    """The digests listed in `root/SHA256SUMS`, by path."""
    sums = {}
    for number, line in enumerate((root / SUMS).read_text(encoding="utf-8").splitlines(), 1):
        digest, sep, path = line.partition("  ")
        if not sep or len(digest) != 64:
            raise ValueError(f"{root / SUMS}:{number}: not a sha256sum line")
        sums[path] = digest
    return sums


def check_sums(root: Path, known: Mapping[str, FileInfo] | None = None) -> list[str]:
    """Problems found re-hashing every file against `SHA256SUMS` (missing, changed,
    unlisted); a `known` file (hashed by the writer, or hard-linked from a verified
    release) whose digest matches is not read again."""
    try:
        sums = read_sums(root)
    except (OSError, ValueError) as error:
        return [str(error)]
    problems = []
    present = set(release_files(root))
    for path, digest in sorted(sums.items()):
        if path not in present:
            problems.append(f"{path}: listed in {SUMS} but missing")
        elif path in (known or {}) and (known or {})[path].sha256 == digest:
            continue
        elif file_sha256(root / path) != digest:
            problems.append(f"{path}: SHA-256 differs from {SUMS}")
    problems += [f"{path}: not listed in {SUMS}" for path in sorted(present - set(sums))]
    return problems
