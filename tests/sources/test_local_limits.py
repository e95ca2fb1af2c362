"""Local sources are bounded (issue #13, findings 3 and 10): only regular files are read
(not a FIFO, a link to /dev/zero, a socket), up to a size; a PDF up to a number of pages
and a time; a corrupt PDF is one clean line."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from support import deadline

from respub.errors import ParseError
from respub.orchestrate.fingerprint import file_sha256
from respub.parse import parse_file
from respub.sources.limits import SourceLimits
from respub.sources.load import read_source

ROOT = Path(__file__).resolve().parents[2]
RESPUB = Path(sys.executable).parent / "respub"
PDF = ROOT / "corpus" / "un-ga" / "pdf" / "A_RES_73_3-EN.pdf"


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with deadline(10), pytest.raises(ParseError, match=r"pipe\.txt: not a regular file \(a FIFO\)"):
        parse_file(fifo)
    with deadline(10), pytest.raises(OSError, match="not a regular file"):
        file_sha256(fifo)


def test_a_link_to_dev_zero_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    with deadline(10), pytest.raises(ParseError, match=r"a character device"):
        read_source(link)


def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.md"
    with socket.socket(socket.AF_UNIX) as listening:
        listening.bind(str(path))
        with pytest.raises(ParseError, match=r"s\.md: not a regular file \(a socket\)"):
            read_source(path)


def test_a_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"The General Assembly,\n" * 500)
    with pytest.raises(ParseError, match=r"11,000 bytes is more than the limit of 1,000 bytes"):
        read_source(big, limits=SourceLimits(max_bytes=1000))
    with pytest.raises(ParseError) as raised:  # fetched bytes are held to it too
        read_source(
            big, data=big.read_bytes(), name="http://x/big.txt", limits=SourceLimits(max_bytes=1000)
        )
    assert raised.value.problem.type == "source-too-large"


def test_the_pdf_page_and_time_limits(tmp_path: Path, make_pdf: Callable[..., bytes]) -> None:
    page = [(72, 700, 12, "The General Assembly,"), (72, 680, 12, "1. Decides to act;")]
    path = tmp_path / "three.pdf"
    path.write_bytes(make_pdf([page, page, page]))
    with pytest.raises(ParseError, match=r"3 pages is more than the limit of 2") as raised:
        read_source(path, limits=SourceLimits(max_pdf_pages=2))
    assert raised.value.problem.type == "pdf-limit"
    with pytest.raises(
        ParseError, match=r"longer than the limit of 0 s \(stopped after page 1 of 3\)"
    ):
        read_source(path, limits=SourceLimits(pdf_seconds=0))
    assert read_source(path).text  # within the defaults


def test_a_corrupt_pdf_is_one_clean_line(tmp_path: Path) -> None:
    data = PDF.read_bytes()
    corrupt = tmp_path / "corrupt.pdf"
    corrupt.write_bytes(data[:2000] + b"\x00\xff\xfe raw \x01\x02" * 20 + data[-1500:])
    done = subprocess.run(
        [str(RESPUB), "parse", str(corrupt)],
        capture_output=True,
        text=True,
        errors="replace",
        timeout=120,
        check=False,
    )
    assert done.returncode == 2 and done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr  # no pypdf warnings before it
    assert lines[0].startswith(f"respub: error: {corrupt}") and "not a readable PDF" in lines[0]
    assert lines[0].isprintable() and len(lines[0]) < 400
