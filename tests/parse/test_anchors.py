"""`anchors.find` against its plain definition, `str.find`; clauses built with their marks."""

from __future__ import annotations

import random

from respub.knowledge.lexicon import lexicon
from respub.model import FootnoteMark, OperativeClause, PreambularClause
from respub.parse.anchors import _PROBE, anchor_marks, find, marks_owner
from respub.parse.blocks import Block
from respub.parse.clauses import segment


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


def test_clauses_built_with_their_marks_as_anchored_after() -> None:
    # `segment` given `marks_owner` builds each clause with the marks `anchor_marks` gives
    # the clauses built without: the same texts asked in the same order
    blocks = [
        Block("Recalling the Charter,", 1, ((9, "1"),)),
        Block("1. Decides:", 3, ((10, "2"),)),
        Block("(a) To act;", 5, ((6, "3"),)),
        Block("(i) Now;", 7, ((7, "4"),)),
        Block("2. Requests the Secretary-General to act;", 9, ((40, "5"),)),
    ]
    labels = {"1", "2", "3", "4", "5"}
    lex = lexicon("en")
    built = segment(blocks, lex, "sentence", marks_owner(blocks, labels))
    assert built == anchor_marks(blocks, *segment(blocks, lex, "sentence"), labels)
    preamble, operative = built
    assert preamble[0].marks == (FootnoteMark("1", 9),)
    assert operative[0].subparagraphs[0].subparagraphs[0].marks == (FootnoteMark("4", 3),)
    assert operative[1].marks == (FootnoteMark("5", 37),)
    assert marks_owner([Block("1. Decides so;", 1)], labels) is None
