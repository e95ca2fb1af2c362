"""A block's whitespace collapses as `str.split` and `join` collapse it, whatever the
characters: the text returned as it is only when splitting would give it back."""

from __future__ import annotations

import random
import sys
from collections.abc import Iterable

import pytest

from respub.parse.blocks import (
    _CONTROL_SPACES,
    _KEPT_SPACES,
    _marked,
    collapsed,
    mark_spans,
    split_blocks,
)
from respub.parse.cleanup import clean_text
from respub.parse.footnotes import NOTE_MARK


@pytest.mark.huge  # 22 million calls: a minute on a loaded 2-core machine
def test_collapsed_is_split_and_join_on_every_character() -> None:
    _collapsed_as_split_and_join(map(chr, range(sys.maxunicode + 1)))


def test_collapsed_is_split_and_join_on_every_space_and_a_sample_of_the_rest() -> None:
    """What makes the shortcut right, checked on every character (the huge test above
    calls `collapsed` on each): the only printable whitespace is the space."""
    every = [chr(code) for code in range(sys.maxunicode + 1)]
    assert [c for c in every if c.isspace() and c.isprintable()] == [" "]
    _collapsed_as_split_and_join(c for c in every if c.isspace() or ord(c) < 0x180)
    for printable in (True, False):  # about 5,000 of each, across every plane
        some = [c for c in every if c.isprintable() is printable]
        _collapsed_as_split_and_join(some[:: len(some) // 5000])


def _collapsed_as_split_and_join(chars: Iterable[str]) -> None:
    for char in chars:
        code = ord(char)
        for text in (char, f"a{char}b", f"{char} x", f"x {char}", f"a {char}{char} b"):
            assert collapsed(text) == " ".join(text.split()), hex(code)
            if char != "\n" and char not in _CONTROL_SPACES:
                assert collapsed(text, controls=False) == " ".join(text.split()), hex(code)


def test_control_spaces_are_the_ascii_whitespace_but_space_and_line_end() -> None:
    ascii_spaces = {chr(code) for code in range(128) if chr(code).isspace()}
    assert ascii_spaces == {*_CONTROL_SPACES, " ", "\n"}


def test_blocks_with_control_spaces_collapse() -> None:
    blocks, _ = split_blocks("a\tb \x1fc\n\nd\x0be\n\n1.\x0c")
    assert [b.text for b in blocks] == ["a b c", "d e", "1."]


def test_collapsed_on_random_lines() -> None:
    draw = random.Random(3)
    pieces = ["word", " ", "  ", "\n", "\t", "\u00a0", "\u2028", "\x1c", "\u200b", "é", ""]
    for _ in range(3000):
        text = "".join(draw.choice(pieces) for _ in range(draw.randint(0, 8)))
        assert collapsed(text) == " ".join(text.split()), repr(text)


def _marked_by_words(text: str) -> tuple[str, tuple[tuple[int, str], ...]]:
    """The marks placed word by word: where `_marked` places them when a mark stands alone."""
    labels = [found.group(1) for found in NOTE_MARK.finditer(text)]
    pieces: list[str] = []
    marks: list[tuple[int, str]] = []
    for word in NOTE_MARK.sub("\ue000", text).split():
        bare = word.replace("\ue000", "")
        start = len(" ".join(pieces)) + (1 if pieces and bare else 0)
        at = 0
        for char in word:
            if char == "\ue000":
                marks.append((start + at if bare else len(" ".join(pieces)), labels[len(marks)]))
            else:
                at += 1
        if bare:
            pieces.append(bare)
    return " ".join(pieces), tuple(marks)


def test_marks_stand_where_placed_word_by_word() -> None:
    draw = random.Random(5)
    pieces = ["word", "é", " ", "  ", "[^1]", "[^22]", "[^", ",", "\t", "\u00a0", "", "]", "[^]"]
    for _ in range(5000):
        lines = [
            "".join(draw.choice(pieces) for _ in range(draw.randint(0, 6)))
            for _ in range(draw.randint(1, 3))
        ]
        for controls in (True, False) if "\t" not in "".join(lines) else (True,):
            assert _marked(" ".join(lines), controls) == _marked_by_words(" ".join(lines))


def test_mark_spans_are_the_marks_note_mark_finds() -> None:
    draw = random.Random(7)
    pieces = ["a", " ", "[", "^", "]", "[^", "1", "\n", "[^]", "[^1]"]
    for _ in range(5000):
        text = "".join(draw.choice(pieces) for _ in range(draw.randint(0, 12)))
        expected = [(m.start(), m.end(), m.group(1)) for m in NOTE_MARK.finditer(text)]
        assert mark_spans(text) == expected, text


def test_cleaned_text_holds_no_whitespace_but_kept_and_ascii_spaces() -> None:
    """What `cleaned=True` relies on: `clean_text` makes every whitespace character a
    space but the line end, the ASCII controls and `_KEPT_SPACES`."""
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if char.isspace() and char not in {*_CONTROL_SPACES, *_KEPT_SPACES, " ", "\n"}:
            assert clean_text(f"a{char}b") == "a b\n", hex(code)


def test_cleaned_blocks_are_the_blocks_of_the_text() -> None:
    """`split_blocks(..., cleaned=True)` of `clean_text`'s output: the blocks and notes
    read without the flag, whatever whitespace the source held."""
    pieces = [
        "Word", "é", " ", "  ", "\t", "\u00a0", "\u2003", "\u3000", "\u2028", "\x85",
        "\x0b", "\x1c", "\f", "\n", "\n\n", "[^1]", "1", "Recalling", ",", "-", "–",
        "[^2]: ", "\n[^1]: A", "---", "\n___\n", "***", "_", "*", "[",
    ]  # fmt: skip
    draw = random.Random(7)
    for _ in range(6000):
        text = "".join(draw.choice(pieces) for _ in range(draw.randint(0, 30)))
        cleaned = clean_text(text)
        assert split_blocks(cleaned, cleaned=True) == split_blocks(cleaned), repr(text)
