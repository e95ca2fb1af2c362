"""The clause marks of `respub.knowledge.layout`."""

from __future__ import annotations

import re

from respub.knowledge.layout import MARKS


def test_numbered_opens_with_a_digit() -> None:
    """Reading-order repair tells a line that cannot be numbered by its first character
    (`str.isdecimal`, which is what `\\d` matches) before matching `numbered`."""
    assert re.match(r"\^\(\?P<number>\\d", MARKS.numbered.pattern)
    assert MARKS.numbered.match("12. Decides") and not MARKS.numbered.match(" 1. Decides")
    assert MARKS.numbered.match("١. يقرر") and "١".isdecimal()
