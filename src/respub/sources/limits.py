"""Bounds on local sources: only regular files are read, up to a size; PDFs up to a
number of pages and a reading time. The defaults are documented here and in the README;
`SourceLimits` changes them.

>>> SourceLimits().max_bytes, SourceLimits().max_pdf_pages, SourceLimits().pdf_seconds
(52428800, 1000, 120.0)
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from respub.errors import ParseError
from respub.problems import problem

__all__ = ["DEFAULT_LIMITS", "SourceLimits", "open_regular", "read_limited"]


@dataclass(frozen=True)
class SourceLimits:
    """`max_bytes` per source file (50 MiB; the biggest real resolution PDFs are a few
    MiB), `max_pdf_pages` per PDF (1,000) and `pdf_seconds` to read one PDF (120 s)."""

    max_bytes: int = 50 * 1024 * 1024
    max_pdf_pages: int = 1000
    pdf_seconds: float = 120.0


DEFAULT_LIMITS = SourceLimits()

_KINDS = {
    stat.S_IFDIR: "a folder",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFIFO: "a FIFO",
    stat.S_IFSOCK: "a socket",
}


def open_regular(path: Path, label: str) -> int:
    """A file descriptor of `path` opened for reading, when it is a regular file (links
    are followed); `ParseError` for a device, FIFO, socket or folder — opened without
    blocking, so a FIFO with no writer cannot hang the run."""
    try:
        _refuse_irregular(os.stat(path).st_mode, label)  # a socket cannot even be opened
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        reason = error.strerror or str(error)
        raise ParseError(label, problem("source-unreadable", reason=reason, file=label)) from None
    try:
        _refuse_irregular(os.fstat(fd).st_mode, label)  # what was opened, after all
    except ParseError:
        os.close(fd)
        raise
    os.set_blocking(fd, True)
    return fd


def _refuse_irregular(mode: int, label: str) -> None:
    if not stat.S_ISREG(mode):
        kind = _KINDS.get(stat.S_IFMT(mode), "not a file")
        raise ParseError(label, problem("source-not-regular", kind=kind, file=label))


def read_limited(path: Path, label: str, limits: SourceLimits = DEFAULT_LIMITS) -> bytes:
    """The bytes of a regular file of at most `limits.max_bytes`."""
    fd = open_regular(path, label)
    with os.fdopen(fd, "rb") as stream:
        size = os.fstat(stream.fileno()).st_size
        if size > limits.max_bytes:
            raise _too_large(label, size, limits)
        try:
            data = stream.read(limits.max_bytes + 1)  # a file that grows is cut off too
        except OSError as error:
            found = problem("source-unreadable", reason=error.strerror or str(error), file=label)
            raise ParseError(label, found) from None
    if len(data) > limits.max_bytes:
        raise _too_large(label, len(data), limits)
    return data


def _too_large(label: str, size: int, limits: SourceLimits) -> ParseError:
    found = problem("source-too-large", size=size, limit=limits.max_bytes, file=label)
    return ParseError(label, found)
