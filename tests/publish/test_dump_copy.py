"""A dump takes each version's body from its file by a kernel copy, only when the file has
the dump's header (and footer) around it."""

from __future__ import annotations

import os
from pathlib import Path

from respub.publish.dumps import _copy_body


def _copied(tmp_path: Path, data: bytes | None, head: bytes, foot: bytes) -> tuple[bool, bytes]:
    source, out = tmp_path / "version.jsonld", tmp_path / "dump"
    if data is not None:
        source.write_bytes(data)
    with out.open("wb", buffering=0) as stream:
        stream.write(b"<")
        done = _copy_body(source, stream.fileno(), head, foot)
        stream.write(b">")
    return done, out.read_bytes()


def test_the_body_between_header_and_footer_is_appended(tmp_path: Path) -> None:
    body = "é, nodes\n".encode() * 5000  # more than one page
    assert _copied(tmp_path, b"HEAD" + body + b"FOOT", b"HEAD", b"FOOT") == (
        True,
        b"<" + body + b">",
    )
    assert _copied(tmp_path, b"HEAD" + body, b"HEAD", b"") == (True, b"<" + body + b">")


def test_a_file_without_its_header_or_footer_or_missing_gives_nothing(tmp_path: Path) -> None:
    assert _copied(tmp_path, b"head body FOOT", b"HEAD", b"FOOT") == (False, b"<>")
    assert _copied(tmp_path, b"HEAD body foot", b"HEAD", b"FOOT") == (False, b"<>")
    assert _copied(tmp_path, b"HEADFOO", b"HEAD", b"FOOT") == (False, b"<>")
    os.unlink(tmp_path / "version.jsonld")
    assert _copied(tmp_path, None, b"HEAD", b"FOOT") == (False, b"<>")
