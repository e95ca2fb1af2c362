"""The fast paths of the citation keywords and organs find exactly what the
case-insensitive patterns find: "resolutions", "Décision", "القرار" in any case, glued to
other words or not, with the characters `re.IGNORECASE` takes for other letters about."""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Callable, Iterator, Sequence

from respub.knowledge.firstlook import lowers_alike
from respub.parse.citation_words import knowledge as _knowledge
from respub.parse.citations import _organ

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


Matches = Iterator[re.Match[str]]


def _assert_found_alike(
    words: list[str],
    seed: int,
    finders: Sequence[tuple[Callable[[str, str, bool], Matches], Callable[[str], Matches]]],
    alike_only: bool,
) -> None:
    """On texts drawn from `words` with `seed`, each finder's `fast(text, lowered, alike)`
    finds the spans its `exact(text)` finds; `alike_only` leaves out the texts where
    `lowers_alike` is false, on which that fast path is never used."""
    for text in _texts(random.Random(seed), words):
        lowered = text.lower()
        alike = lowers_alike(text, lowered)
        if alike_only and not alike:
            continue
        for fast, exact in finders:
            assert [m.span() for m in fast(text, lowered, alike)] == [
                m.span() for m in exact(text)
            ], text


def _in_lowered(pattern: re.Pattern[str]) -> Callable[[str, str, bool], Matches]:
    """A finder that looks for `pattern` in the lowered text only."""
    return lambda _text, lowered, _alike: pattern.finditer(lowered)


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
    finders = [(k.finditer, k.exact.finditer) for k in knowledge.keywords.values()]
    _assert_found_alike(words, 7, finders, alike_only=False)


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
    finders = [
        (_in_lowered(knowledge.lowered_organs[code]), organ.finditer)
        for code, organ in knowledge.organs.items()
    ]
    _assert_found_alike(words, 8, finders, alike_only=True)


def test_organ_named_last() -> None:
    """The organ named last before "resolution", in printed or lowered text (one look
    for any organ first), none where none is named."""
    assert _organ("Recalling its ") is None
    assert _organ("recalling its ", lowered=True) is None
    assert _organ("the General Assembly and the Security Council ") == "un-sc"
    assert _organ("the security council and the general assembly ", lowered=True) == "un-ga"
    assert _organ("le Conseil des droits de l’homme, dans sa ") == "un-hrc"
