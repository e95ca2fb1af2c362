"""The fast paths of the citation keywords and organs find exactly what the
case-insensitive patterns find: "resolutions", "Décision", "القرار" in any case, glued to
other words or not, with the characters `re.IGNORECASE` takes for other letters about."""

from __future__ import annotations

import random
import re
import sys

from respub.knowledge.firstlook import lowers_alike
from respub.parse.citations import _knowledge

_WORD = re.compile(r"\w")


def test_word_characters_lower_to_word_characters() -> None:
    """`\\w` holds of a character exactly when it holds of its lower case, wherever that is
    one character (the look-behind and look-ahead of the lowered patterns rely on it)."""
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        lowered = c.lower()
        if len(lowered) == 1:
            assert bool(_WORD.match(c)) == bool(_WORD.match(lowered)), hex(code)


def _texts(draw: random.Random, words: list[str]) -> list[str]:
    glue = ["", " ", ", ", "x", "_", "1", "é", "\u0131", "\u017f", "\u0130", "\u212a", "’"]
    texts = []
    for _ in range(1500):
        pieces = []
        for _ in range(draw.randint(1, 8)):
            word = draw.choice(words)
            word = "".join(c.upper() if draw.random() < 0.3 else c for c in word)
            pieces.append(word + draw.choice(glue))
        texts.append(draw.choice(glue) + "".join(pieces))
    return texts


def test_keywords_found_alike() -> None:
    knowledge = _knowledge()
    words = [
        "resolution",
        "resolutions",
        "résolution",
        "resolución",
        "resoluciones",
        "decision",
        "décisions",
        "decisión",
        "القرار",
        "قرارها",
        "مقرر",
        "the",
        "s",
    ]
    for text in _texts(random.Random(7), words):
        lowered = text.lower()
        for keyword in knowledge.keywords.values():
            fast = [m.span() for m in keyword.finditer(text, lowered, lowers_alike(text, lowered))]
            assert fast == [m.span() for m in keyword.exact.finditer(text)], text


def test_organs_found_alike() -> None:
    knowledge = _knowledge()
    words = [
        "general assembly",
        "security council",
        "conseil des droits de l'homme",
        "human rights council",
        "asamblea general",
        "الجمعية العامة",
        "world health",
    ]
    for text in _texts(random.Random(8), words):
        lowered = text.lower()
        if not lowers_alike(text, lowered):
            continue
        for code, organ in knowledge.organs.items():
            fast = [m.span() for m in knowledge.lowered_organs[code].finditer(lowered)]
            assert fast == [m.span() for m in organ.finditer(text)], text
