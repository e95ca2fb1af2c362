"""Keywords and instruments looked for once in a whole document find, in each clause, what
the patterns find in the clause alone; and a match tried only where its opening literal
occurs (`opened_at`) is every match `finditer` finds."""

from __future__ import annotations

import random
import sys
from collections.abc import Iterable

import pytest

from respub.knowledge.firstlook import lowers_alike, opened_at, opening_literals, word_starts
from respub.parse.citation_words import Instrument, Keyword, _keys, knowledge, probes, scan
from respub.parse.citations import (
    _DIGIT,
    _instruments,
    _symbols,
    cite_places,
    find_citations,
    has_digit,
    read,
)

PIECES = [
    "Recalling its resolutions ", "résolution", "resolución ", "RESOLUCIONES ", "القرار ",
    "decision ", "Décisions ", "المقرر", "A/RES/70/1", "70/2", "2625 (XXV)", " and ", ", ",
    "of 24 October 1970", "1325 (2000) to 1330 (2000)", "Charter of the United Nations",
    "charte des nations unies", "Constitution of ICPO-INTERPOL", "article 2 (1) of the ",
    "Convention on the Rights of the Child", "reconstitution of the ", "General Assembly ",
    "Economic and Social Council ", "\u0131", "\u017f", "\u0130", "x", "_", "1", "\n", " ",
    "general comment No. 25", "observation générale nº 25", "S/RES/1234 (2005)", ";",
    "convened ", "observance", "decisive", "Resolute", "chartered", "قرارات ", "المقررة",
]  # fmt: skip


def _text(draw: random.Random) -> str:
    return "".join(draw.choice(PIECES) for _ in range(draw.randint(0, 12)))


def test_opened_at_finds_what_finditer_finds() -> None:
    known = knowledge()
    draw = random.Random(11)
    for _ in range(1500):
        lowered = _text(draw).lower()
        for instrument in known.instruments:
            opening = opening_literals(instrument.pattern.pattern)
            assert opening is not None, instrument.id  # every instrument opens with a literal
            fast = [m.span() for m in opened_at(instrument.pattern, opening, lowered)]
            assert fast == [m.span() for m in instrument.pattern.finditer(lowered)], lowered
        for keyword in known.keywords.values():
            fast = [m.span() for m in opened_at(keyword.lowered, keyword.opening, lowered, True)]
            assert fast == [m.span() for m in word_starts(keyword.lowered, lowered)], lowered


def test_a_document_scanned_at_once_cites_what_its_clauses_cite_one_by_one() -> None:
    draw = random.Random(12)
    for _ in range(400):
        places = [(f"preamble-{n}", _text(draw)) for n in range(draw.randint(1, 6))]
        for own in (None, "un-hrc"):
            alone = [find_citations(text, place, own) for place, text in places]
            assert cite_places(places, own) == alone, places


def test_matches_stay_in_their_clause() -> None:
    found = scan(["the Charter of the", "United Nations and resolution", "s 5"])
    assert found.instruments == [[], [], []]
    assert found.keywords == [{}, {"resolution": [(19, 29)]}, {}]


@pytest.mark.huge  # 3 million calls: half a minute on a loaded 2-core machine
def test_has_digit_is_the_digit_pattern_on_every_character() -> None:
    """`has_digit` (substring tests, then the pattern) agrees with `\\d` on each character
    of Unicode, alone and among ASCII letters."""
    _has_digit_as_the_pattern(map(chr, range(sys.maxunicode + 1)))


def test_has_digit_is_the_digit_pattern_on_every_digit_and_a_sample_of_the_rest() -> None:
    every = [chr(code) for code in range(sys.maxunicode + 1)]
    digits = [c for c in every if c.isdecimal()]  # what `\d` matches: category Nd
    assert len(digits) > 600 and all(_DIGIT.match(c) for c in digits)
    _has_digit_as_the_pattern([*digits, *every[:0x180], *every[::200]])


def _has_digit_as_the_pattern(chars: Iterable[str]) -> None:
    for char in chars:
        code = ord(char)
        expected = _DIGIT.search(char) is not None
        assert has_digit(char) is expected, hex(code)
        assert has_digit(f"ab{char}c") is expected, hex(code)


def test_probes_lie_in_the_literals() -> None:
    """Every opening literal of a keyword or instrument holds a probe of its own, where
    the probe says."""
    known = knowledge()
    probes_at: dict[str, str | None] = dict.fromkeys(known.ascii_probes)
    probes_at.update((text, char) for char, texts in known.wider_probes for text in texts)
    finders: list[Keyword | Instrument] = [*known.keywords.values(), *known.instruments]
    for finder in finders:
        for literal in finder.opening or ():
            assert any(literal.startswith(p, at) for p, at in finder.probes), literal
        assert all(p in probes_at for p, _ in finder.probes)
    for text, held in probes_at.items():  # a probe is under a character it holds
        assert (held is None) == text.isascii() and (held is None or held in text)
    found = probes(["abcdefgh", "abcdefzz", "abcdeQ", "xyz", "xy", "abcdefgh", "wxyz", "vabcdef"])
    assert found == {
        "abcdeQ": ("abcdeQ", 0),
        "abcdefgh": ("abcdef", 0),
        "abcdefzz": ("abcdef", 0),
        "vabcdef": ("abcdef", 1),  # it holds a shorter probe
        "wxyz": ("xy", 1),
        "xy": ("xy", 0),
        "xyz": ("xy", 0),
    }


def test_scan_finds_in_each_clause_what_the_patterns_find() -> None:
    """Keywords (in a clause `lowers_alike` holds of) and instruments (in a clause lowered
    to as many characters) where the patterns find them in the clause's lowered text."""
    known = knowledge()
    draw = random.Random(13)
    for _ in range(600):
        texts = [_text(draw) for _ in range(draw.randint(1, 5))]
        found = scan(texts)
        for index, text in enumerate(texts):
            lowered = text.lower()
            if lowers_alike(text, lowered):
                expected = {
                    kind: spans
                    for kind, keyword in known.keywords.items()
                    if (spans := [m.span() for m in word_starts(keyword.lowered, lowered)])
                }
                assert found.keywords[index] == expected, texts
            if len(lowered) == len(text):
                expected_instruments = sorted(
                    (instrument.id, *m.span())
                    for instrument in known.instruments
                    for m in instrument.pattern.finditer(lowered)
                )
                assert sorted((i.id, s, e) for i, s, e in found.instruments[index]) == (
                    expected_instruments
                ), texts


def test_articles_looked_for_only_where_a_key_occurs_are_every_article() -> None:
    """The articles of an instrument, looked for only where the lowered text before it holds
    an `article_keys` literal, are those the patterns find in the printed text."""
    draw = random.Random(14)
    pieces = [*PIECES, "Article 2 (1) of the ", "ARTÍCULO 3 del ", "المادة 4 من ", "artic"]
    for _ in range(600):
        text = "".join(draw.choice(pieces) for _ in range(draw.randint(0, 12)))
        lowered = text.lower()
        alike = lowers_alike(text, lowered)
        instruments = scan([text], [lowered]).instruments[0]
        gated = _instruments(text, "p", instruments, lowered, alike)
        assert gated == _instruments(text, "p", instruments, lowered, False), text


def test_article_keys() -> None:
    assert knowledge().article_keys == ("article", "artículo", "المادة")
    assert _keys([r"(?:Article|Art)\s+x", "UNO|uno"]) == ("art", "uno")
    assert _keys([r"(?:Article|Art)\s+x", r"[ab]c"]) == ("",)  # a class: no literal


def test_symbols_identified_once_per_printed_form() -> None:
    texts = ["A/RES/70/1 and A/RES/70/1", "A/RES/70/1 of 2015", "no symbol", "A/RES/70/1"]
    found = _symbols(texts, [True, True, False, False])
    assert [[(start, end) for start, end, _ in place] for place in found] == [
        [(0, 10), (15, 25)],
        [(0, 10)],
        [],
        [],  # said to hold no digit: not looked at
    ]
    first, second, third = found[0][0][2], found[0][1][2], found[1][0][2]
    assert first.canonical == "A/RES/70/1" and first is second is third


def test_read_is_the_lowered_text_lowers_alike_and_the_digit_pattern() -> None:
    """`read` (Latin-1 text lowered byte by byte) agrees with `str.lower`, `lowers_alike`
    and `\\d` on every Latin-1 character and on wider ones, cased or not."""
    wider = ["\u0130", "\u0131", "\u017f", "\u03a3", "\u212a", "\u0667", "\u201c", "\u0642"]
    for char in [*map(chr, range(0x100)), *wider]:
        for text in (char, f"Ab{char}c", f"AB{char}\u201c 7", f"{char}\u00c9\u00b5"):
            lowered = text.lower()
            expected = (lowered, lowers_alike(text, lowered), _DIGIT.search(text) is not None)
            assert read(text) == expected, hex(ord(char))
