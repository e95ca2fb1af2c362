"""`anchors.find` against its plain definition, `str.find`."""

from __future__ import annotations

import random

from respub.model import FootnoteMark, OperativeClause, PreambularClause
from respub.parse.anchors import _PROBE, anchor_marks, find
from respub.parse.blocks import Block


def test_find_is_str_find() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice("ab ") for _ in range(rng.randrange(0, 120)))
        start = rng.randrange(0, len(text) + 2)
        if rng.random() < 0.5 and text:  # a part that occurs, often after `start`
            at = rng.randrange(0, len(text))
            part = text[at : at + rng.randrange(1, _PROBE * 2)]
        else:
            part = "".join(rng.choice("ab ") for _ in range(rng.randrange(1, _PROBE * 2)))
        assert find(text, part, start) == text.find(part, start), (text, part, start)


def test_find_a_long_part_whose_start_occurs_earlier() -> None:
    part = "x" * _PROBE + "y"
    text = "x" * (_PROBE + 5) + "y"
    assert find(text, part, 0) == text.find(part) == 5


def test_marks_found_up_to_the_last_place_and_none_after() -> None:
    # the last mark stands at the very end of the second clause ("...so;[^2]"): the
    # clauses after it are not looked for, and are returned as they are
    blocks = [
        Block("Recalling the Charter,", 1, ((9, "1"),)),
        Block("1. Decides so;", 3, ((14, "2"),)),
        Block("2. Decides so;", 5),
    ]
    recital = PreambularClause("Recalling", "Recalling the Charter,")
    later = OperativeClause("Decides", "Decides so;", 2)
    preamble, operative = anchor_marks(
        blocks, (recital,), (OperativeClause("Decides", "Decides so;", 1), later), {"1", "2"}
    )
    assert preamble[0].marks == (FootnoteMark("1", 9),)
    assert operative[0].marks == (FootnoteMark("2", 11),)
    assert operative[1] is later
