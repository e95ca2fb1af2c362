"""A block's whitespace collapses as `str.split` and `join` collapse it, whatever the
characters: the text returned as it is only when splitting would give it back."""

from __future__ import annotations

import random
import sys

from respub.parse.blocks import collapsed


def test_collapsed_is_split_and_join_on_every_character() -> None:
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        for text in (char, f"a{char}b", f"{char} x", f"x {char}", f"a {char}{char} b"):
            assert collapsed(text) == " ".join(text.split()), hex(code)


def test_collapsed_on_random_lines() -> None:
    draw = random.Random(3)
    pieces = ["word", " ", "  ", "\n", "\t", "\u00a0", "\u2028", "\x1c", "\u200b", "é", ""]
    for _ in range(3000):
        text = "".join(draw.choice(pieces) for _ in range(draw.randint(0, 8)))
        assert collapsed(text) == " ".join(text.split()), repr(text)
