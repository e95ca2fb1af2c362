"""`_is_annex` looks first at a text's first letter, then at `annex_heading`, then at the
folded first word: each earlier step must hold for every text a later one takes for an
annex's opening."""

from __future__ import annotations

import random

from respub.knowledge.firstlook import CASE_EXCEPTIONS
from respub.knowledge.headings import annex_heading, annex_words
from respub.parse import _annexes, _is_annex, _opens_like_annex
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
        if text.split(" ", 1)[0].casefold().rstrip(".:") in annex_words():
            assert annex_heading().match(text), text
        if annex_heading().match(text):
            assert _opens_like_annex(text[:1]), text


def test_every_letter_opening_an_annex_word_is_one() -> None:
    """Any character `annex_heading` takes for the first letter of an annex word (in any
    case, or one of the characters `re` takes for another letter) is one."""
    firsts = {word[0] for word in annex_words()}
    characters = {*map(chr, range(0x250)), *CASE_EXCEPTIONS, *(c.upper() for c in firsts)}
    for first in characters:
        for word in annex_words():
            if annex_heading().match(first + word[1:]):
                assert _opens_like_annex(first), (first, word)


def test_annexes_open_at_annex_words() -> None:
    blocks = [Block(t, i) for i, t in enumerate(["Intro", "x", "ANNEX II", "y", "Annexes"])]
    assert [(a.title, a.paragraphs) for a in _annexes(blocks)] == [
        ("Intro", ("x",)),
        ("ANNEX II", ("y", "Annexes")),
    ]
