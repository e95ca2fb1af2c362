"""The small readers of `respub.parse.clauses`: a run of capitals, closing punctuation."""

from __future__ import annotations

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
