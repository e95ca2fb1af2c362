"""The patterns of bare references, written to spare the engine backtracking (alternatives
reordered, possessive quantifiers), match what their plain forms match, groups included."""

from __future__ import annotations

import random
import re

import pytest

from respub.parse.citations import _BARE, _FIELDS, _ITEM, _LINK, _RANGE, _ROMAN

PLAIN = {
    "bare": re.compile(
        rf"(?P<num>\d{{1,4}})\s?(?P<letter>[A-Z])?\s?\((?P<paren>{_ROMAN}|\d{{4}})\)"
        r"|(?P<session>(?:ES-|S-)?\d{1,4})/(?P<number>\d{1,4})(?:\s?(?P<suffix>[A-Z]))?(?![\w/])"
    ),
    "link": re.compile(
        r"(?:\s*(?:,|;|and|et|y|e|و|to|à|a|إلى)\s*|\s+)"
        r"(?:(?:of|du|de|del|المؤرخ|المؤرخة)\s+"
        r"(?:\d{1,2}(?:er)?\s+(?:de\s+)?[^\W\d_]+(?:\s+(?:de\s+)?\d{4})?|\d{4})"
        r"(?:\s*(?:,|;|and|et|y|و))*\s*)?"
    ),
    "range": re.compile(r"\s*(?:to|à|au|a|al|إلى|[-–])\s*"),
}
FAST = {"bare": _BARE, "link": _LINK, "range": _RANGE}
PIECES = [
    "53/199", "2625 (XXV)", "377 A (V)", "377A(V)", "ES-10/2", "S-1/3", "S-", "ES-", "12345",
    "1/2A", "1/2 A", "/", "(2000)", "(ES-IV)", ")", " ", "  ", "\t", ", ", "; ", ",", " and ",
    "and", " et ", " y ", " e ", "و ", " of ", "of", " de ", "du ", "del ", "24 October 1970",
    "1er ", "de 1970", "of 1970", "المؤرخ ", "to", "à", "au", "al", "a", "إلى", "-", "–", "X",
    "Z", "7", "\u0667", "٢٠٠", "octobre", "octobré", "é", "октября", "_", "\n",
]  # fmt: skip


@pytest.mark.parametrize("name", sorted(PLAIN))
def test_the_patterns_match_what_their_plain_forms_match(name: str) -> None:
    fast, plain = FAST[name], PLAIN[name]
    draw = random.Random(name)
    for _ in range(20_000):
        text = "".join(draw.choice(PIECES) for _ in range(draw.randint(0, 8)))
        for position in range(min(len(text), 3) + 1):
            got, expected = fast.match(text, position), plain.match(text, position)
            assert (got and (got.span(), got.groupdict())) == (
                expected and (expected.span(), expected.groupdict())
            ), (text, position)


def test_an_item_is_a_link_then_a_reference() -> None:
    """`_ITEM` matches where `_LINK.match` then `_BARE.match` at its end do, with the
    reference's span and groups; `ranged` holds wherever a range of `_RANGE` and `_BARE`
    follows it (`_range_end` looks only there)."""
    draw = random.Random("item")
    for _ in range(20_000):
        text = "".join(draw.choice(PIECES) for _ in range(draw.randint(0, 8)))
        for position in range(min(len(text), 3) + 1):
            link = _LINK.match(text, position)
            expected = _BARE.match(text, link.end() if link else position)
            got = _ITEM.match(text, position)
            assert (got and (got.span("ref"), got.end(), [got.group(f) for f in _FIELDS])) == (
                expected and (expected.span(), expected.end(), [expected.group(f) for f in _FIELDS])
            ), (text, position)
            if expected is not None:
                joined = _RANGE.match(text, expected.end())
                follows = joined is not None and _BARE.match(text, joined.end()) is not None
                assert not follows or (got is not None and got.group("ranged") is not None), (
                    text,
                    position,
                )
