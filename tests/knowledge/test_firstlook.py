"""The first look before a case-insensitive pattern never says "cannot match" wrongly."""

from __future__ import annotations

import random
import re
import string
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from respub.knowledge.addressees import _data
from respub.knowledge.firstlook import (
    _UNSAFE,
    CASE_EXCEPTIONS,
    fewest_keys,
    key_words,
    lowers_alike,
    may_occur,
)
from respub.knowledge.language import _WORD, words_of

ALL = "".join(map(chr, range(sys.maxunicode + 1)))
LATER = [str(p) for phrases in _data()["later"].values() for p in phrases]


def test_the_exceptions_are_every_character_re_matches_otherwise_than_lowered() -> None:
    """For each letter of the data's phrases and the Latin letters: every character that
    `re.IGNORECASE` matches to it lowers to its lower case, or is an exception."""
    letters = set(string.ascii_letters + "àâçéèêëîïôœùûüáíñóú") | set("".join(LATER))
    for letter in sorted(letters - set(string.whitespace)):
        if letter in CASE_EXCEPTIONS:
            continue
        for found in re.finditer(re.escape(letter), ALL, re.IGNORECASE):
            other = found.group()
            assert other.lower() == letter.lower() or other in CASE_EXCEPTIONS, (
                f"{other!r} (U+{ord(other):04X}) matches {letter!r}"
            )


SAMPLES = st.lists(
    st.sampled_from([*LATER, "the", "and", ", ", "; ", " ", "\u0131", "\u017f", "\u0130", "K"]),
    max_size=12,
)


# characters re.IGNORECASE also takes for a letter ("\u0131nvites" is matched as "invites")
_ALIASES = {"i": "\u0131\u0130", "s": "\u017f", "k": "\u212a"}


def _vary(c: str, rng: random.Random) -> str:
    if c in _ALIASES and rng.random() < 0.2:
        return rng.choice(_ALIASES[c])
    return c.upper() if rng.random() < 0.3 else c


@settings(max_examples=300, deadline=None)
@given(SAMPLES, st.randoms(use_true_random=False))
def test_no_match_is_ever_missed(pieces: list[str], rng: random.Random) -> None:
    """Phrases in any case, with the exception characters about: where the first look says
    no, the pattern finds nothing."""
    text = "".join(_vary(c, rng) for p in pieces for c in p)
    keys = key_words(LATER)
    pattern = re.compile("|".join(r"\s+".join(map(re.escape, p.split())) for p in LATER), re.I)
    if not may_occur(text, keys):
        assert pattern.search(text) is None, text


def test_words_are_split_as_the_word_pattern_finds_them() -> None:
    """`words_of` (a translate table) and `[^\\W\\d_]+` agree on every character there is."""
    text = " ".join(ALL[i : i + 7] for i in range(0, len(ALL), 5))  # runs of every kind
    assert words_of(text) == _WORD.findall(text)
    latin = "".join(map(chr, range(256)))  # a Latin-1 text: translated as bytes
    text = " ".join(latin[i : i + 7] for i in range(0, len(latin), 3))
    assert words_of(text) == _WORD.findall(text)
    assert words_of(text[::-1]) == _WORD.findall(text[::-1])


def test_lowers_alike_is_its_definition() -> None:
    """`lowers_alike` (a Latin-1 text is tested for µ alone) is its definition, no exception
    character and a lower case as long, for each Latin-1 character and each exception, in
    an ASCII, a Latin-1 and a wider text."""
    for char in (*map(chr, range(256)), *CASE_EXCEPTIONS, "\u201c", "\u212a", "\u0661"):
        for text in (f"ab{char}", f"é{char}", f"“{char}", f"{char}ÉTÉ"):
            lowered = text.lower()
            expected = len(lowered) == len(text) and _UNSAFE.search(text) is None
            assert lowers_alike(text, lowered) is expected, hex(ord(char))


def test_the_fewest_keys_are_found_where_any_key_is() -> None:
    """`fewest_keys` against its plain definition: a text holds one of the fewest keys exactly
    when it holds one of all the keys."""
    keys = ("call", "calls", "invites", "invitation", "encourage", "encouragement", "debe")
    fewest = fewest_keys(keys)
    assert set(fewest) == {"call", "invites", "invitation", "encourage", "debe"}
    rng = random.Random(5)
    for _ in range(500):
        text = " ".join(rng.choice([*keys, "deben", "invit", "x"]) for _ in range(rng.randrange(4)))
        assert any(k in text for k in fewest) == any(k in text for k in keys), text
