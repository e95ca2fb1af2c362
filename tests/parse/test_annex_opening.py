"""`_is_annex` is looked at only for a text `annex_heading` matches: that match must hold
for every text `_is_annex` takes for an annex's opening."""

from __future__ import annotations

import random

from respub.knowledge.headings import annex_heading, annex_words
from respub.parse import _annexes, _is_annex
from respub.parse.blocks import Block


def test_every_annex_opening_is_matched_by_annex_heading() -> None:
    rng = random.Random(3)
    # characters whose case folding is special (long s, Kelvin sign, dotless i, ...)
    odd = ["ſ", "\u212a", "ı", "İ", "ß", "ﬁ", "É", "é", "\u0301", " ", ".", ":", "x"]
    texts = []
    for word in annex_words():
        for form in (word, word.upper(), word.capitalize(), word.swapcase()):
            texts += [form, f"{form}.", f"{form}:", f"{form} II", f"{form}.: Text", f"{form}x"]
        for _ in range(50):  # the word with an odd character put in or added
            at = rng.randrange(len(word) + 1)
            texts.append(word[:at] + rng.choice(odd) + word[at:])
    texts += ["Annexes", "ANNEX", "Appendix 2", "The annex", ""]
    assert any(_is_annex(text) for text in texts)
    for text in texts:
        if _is_annex(text):
            assert annex_heading().match(text), text


def test_annexes_open_at_annex_words() -> None:
    blocks = [Block(t, i) for i, t in enumerate(["Intro", "x", "ANNEX II", "y", "Annexes"])]
    assert [(a.title, a.paragraphs) for a in _annexes(blocks)] == [
        ("Intro", ("x",)),
        ("ANNEX II", ("y", "Annexes")),
    ]
