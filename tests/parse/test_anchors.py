"""`anchors.find` against its plain definition, `str.find`."""

from __future__ import annotations

import random

from respub.parse.anchors import _PROBE, find


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
