"""The phrase alternations of the addressee rules: for lowered text, written as a trie."""

from __future__ import annotations

import re

import pytest

from respub.knowledge.addressee_patterns import alternation, later
from respub.knowledge.addressees import _data


def _flat(phrases: list[str]) -> str:
    """The alternation sorted longest first, as written before the trie."""
    ordered = sorted({p.lower() for p in phrases}, key=lambda t: (-len(t), t))
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered)


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar"])
def test_the_lowered_trie_finds_what_the_flat_alternation_finds(language: str) -> None:
    """Every term, term run on, cut short or spaced anew: the same matches, ends and all."""
    data = _data()
    terms = [t for c in data["concepts"].values() for t in c["terms"].get(language, [])]
    trie = re.compile(rf"(?<!\w)(?P<term>{alternation(terms, lower=True)})(?!\w)")
    flat = re.compile(rf"(?<!\w)(?P<term>{_flat(terms)})(?!\w)")
    pieces = [t.lower() for t in terms]
    texts = [
        " ".join(pieces),
        ", ".join(pieces),
        "  \n ".join(p.replace(" ", " \n  ") for p in pieces),
        " ".join(p[:-1] for p in pieces),
        " ".join(p + "s" for p in pieces),
    ]
    for text in texts:
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_a_space_matches_any_run_of_whitespace() -> None:
    pattern = re.compile(alternation(["member States", "member"], lower=True))
    across = pattern.match("member \n states")
    assert across is not None and across.group() == "member \n states"
    shorter = pattern.match("member  statutes")
    assert shorter is not None and shorter.group() == "member"


def _one_pattern(phrases: list[str], joins: list[str]) -> re.Pattern[str]:
    """Rule 2's pattern as one alternation, as written before `Later`."""
    join = rf"(?<!\w)(?:{_flat(joins)})\s*" if joins else r"(?!)"
    return re.compile(rf"(?:\A\s*|[,;،؛]\s*(?:{join})?|{join})(?:{_flat(phrases)})(?!\w)")


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar"])
def test_later_finds_what_the_one_pattern_finds(language: str) -> None:
    data = _data()
    phrases = [p.lower() for p in data["later"][language]]
    joins = [j.lower() for j in data["joins"][language]]
    found = later(phrases, joins, lower=True)
    assert found is not None
    one = _one_pattern(phrases, joins)
    texts = [" ".join(phrases)]
    for join in [*joins, ",", ";", "،", "؛", ", " + joins[0], "x" + joins[0], ""]:
        for glue in ("", " ", "  \n"):
            texts.append(" ".join(f"{join}{glue}{p}" for p in phrases))
            texts.append(f"{glue}{phrases[0]} words{join}{glue}{phrases[-1]}")
    for text in texts:
        expected = [(m.start(), m.end()) for m in one.finditer(text)]
        assert [(m.start(), m.end()) for m in found.finditer(text)] == expected, text


def test_a_text_opened_by_a_phrase_is_read_from_its_end() -> None:
    found = later(["urges"], ["and"], lower=True)
    assert found is not None
    assert [m.group() for m in found.finditer(" urges, and urges")] == [" urges", ", and urges"]
