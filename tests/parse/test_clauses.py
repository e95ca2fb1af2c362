"""The small readers of `respub.parse.clauses`: a run of capitals, closing punctuation."""

from __future__ import annotations

import random

import pytest

from respub.parse.clauses import _capitals, _terminated


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("RECOGNIZING the need", "RECOGNIZING"),
        ("HACE UN LLAMAMIENTO a los países", "HACE UN LLAMAMIENTO"),
        ("URGES, in particular,", "URGES"),
        ("DÉCIDE: (1) de", "DÉCIDE"),
        ("A B the rest", None),  # no word of two letters
        ("A UN the rest", "A UN"),
        ("Recognizing the need", None),
        ("1. URGES States", None),  # a word without letters ends the run
        ("", None),
    ],
)
def test_capitals_is_the_opening_run_of_words_in_capitals(text: str, expected: str | None) -> None:
    assert _capitals(text) == expected


def test_capitals_reads_the_letters_of_each_word_as_filtering_them_does() -> None:
    """`_capitals` takes a word of letters only as its letters: the run is the one that
    reading each word's letters by `filter(str.isalpha)` gives."""

    def plain(text: str) -> str | None:
        words, longest = [], 0
        for word in text.split():
            letters = "".join(filter(str.isalpha, word))
            if not letters.isupper():
                break
            words.append(word)
            longest = max(longest, len(letters))
        return " ".join(words).rstrip(",:;") if longest >= 2 else None

    rng = random.Random(3)
    pieces = ["UN", "A", "É", "Ⅰ", "ⅰ", "Ⓐ", "ǅ", "ß", "de", "1.", ",", ":", "(a)", "–", "ا"]
    for _ in range(2000):
        text = " ".join(
            "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 4)))
            for _ in range(rng.randrange(0, 5))
        )
        assert _capitals(text) == plain(text), text


@pytest.mark.parametrize(
    ("text", "marks", "expected"),
    [
        ("the Council;", ".;", True),
        ("the Council”).", ".;", True),  # closing quotes and brackets aside
        ("the Council,", ".;", False),
        ("the Council,", ".;:,!?", True),
        ("”)", ".;", False),  # nothing but closing marks
        ("", ".;:,!?", False),
    ],
)
def test_terminated_reads_the_last_mark(text: str, marks: str, expected: bool) -> None:
    assert _terminated(text, marks) is expected
