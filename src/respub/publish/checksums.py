"""File digests of a release: `SHA256SUMS` in the format `sha256sum -c` reads."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

__all__ = ["SUMS", "FileInfo", "check_sums", "describe_files", "read_sums", "sums_text"]

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
    """Every file under `root` (relative POSIX paths, sorted), except `SHA256SUMS`."""
    found = (p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    return sorted(p for p in found if p != SUMS)


def describe_files(
    root: Path, paths: Iterable[str], on_file: Callable[[int], None] | None = None
) -> list[FileInfo]:
    """Size and SHA-256 of each path; `on_file(n)` is called after the n-th file."""
    infos = []
    for n, path in enumerate(paths, start=1):
        full = root / path
        infos.append(FileInfo(path=path, size=full.stat().st_size, sha256=file_sha256(full)))
        if on_file is not None:
            on_file(n)
    return sorted(infos, key=lambda i: i.path)


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


def check_sums(root: Path) -> list[str]:
    """Problems found re-hashing every file against `SHA256SUMS` (missing, changed, unlisted)."""
    try:
        sums = read_sums(root)
    except (OSError, ValueError) as error:
        return [str(error)]
    problems = []
    present = set(release_files(root))
    for path, digest in sorted(sums.items()):
        if path not in present:
            problems.append(f"{path}: listed in {SUMS} but missing")
        elif file_sha256(root / path) != digest:
            problems.append(f"{path}: SHA-256 differs from {SUMS}")
    problems += [f"{path}: not listed in {SUMS}" for path in sorted(present - set(sums))]
    return problems
