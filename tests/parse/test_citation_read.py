"""`read` gives what its plain definition gives: the lowered text, `lowers_alike`, and
whether the text holds a `\\d`, whatever the width of the text's characters."""

from __future__ import annotations

import random
import re

import pytest

from respub.knowledge.firstlook import lowers_alike
from respub.parse.citations import _read_wider, read

PIECES = [
    "Résolution", "RESOLUTION 70/1", " ", "“", "”", "’", "—", "€", "Œuvre", "ŠŽŸ", "µ", "\x85",
    "\x9d", "ß", "İ", "ı", "ſ", "К", "القرار", "٧", "7", "²", "½", "ﬅ", "\U0001d7d8", "Ǆ",
]  # fmt: skip


def _plain(text: str) -> tuple[str, bool, bool]:
    lowered = text.lower()
    return lowered, lowers_alike(text, lowered), re.search(r"\d", text) is not None


def test_read_is_its_plain_definition() -> None:
    draw = random.Random("read")
    for _ in range(20_000):
        text = "".join(draw.choice(PIECES) for _ in range(draw.randint(0, 6)))
        assert read(text) == _plain(text), text


@pytest.mark.parametrize("codec", ["cp1252", "cp1256"])
def test_every_windows_code_page_character_reads_as_plainly(codec: str) -> None:
    for code in range(256):
        try:
            char = bytes([code]).decode(codec)
        except UnicodeDecodeError:
            continue
        for text in (char, f"“{char}”", f"“A{char}7”", f"القرار {char}"):
            assert read(text) == _plain(text), text
            if not text.isascii():
                assert _read_wider(text) == _plain(text), text
