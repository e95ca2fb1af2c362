"""Addressees read in the lowered text of a clause are those read case-insensitively in
the printed text: clauses built from the data's own terms, verbs and joining words, in
random case, with and without the characters `re.IGNORECASE` takes for other letters."""

from __future__ import annotations

import random

import pytest

from respub.knowledge import addressees
from respub.knowledge.addressees import _data, addressees_of

KEYWORDS = {
    "en": ["Requests", "Decides", "Calls upon", "Welcomes", "URGES", "Invites", "Stresses"],
    "fr": ["Prie", "Décide", "Engage", "Invite"],
    "es": ["Pide", "Decide", "Insta"],
    "ar": ["تطلب", "تقرر", "تحث"],
}


def _pieces(language: str) -> list[str]:
    data = _data()
    pieces = [t for c in data["concepts"].values() for t in c["terms"].get(language, [])]
    keys = ("later", "joins", "after_opening", "that", "modals", "articles", "until")
    for key in (*keys, "need_for", "hortatory_that", "hortatory_modals"):
        found = data.get(key) or {}
        pieces += [str(p) for p in (found.get(language) or [])]
    return [*pieces, ",", ";", "to", "that", "the", "shall", "İ", "ı", "ſ", "K"]


def _vary(text: str, draw: random.Random) -> str:
    if draw.random() < 0.3:
        return text.upper()
    return "".join(c.upper() if draw.random() < 0.1 else c for c in text)


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar"])
def test_lowered_reading_is_the_printed_reading(
    language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    draw = random.Random(language)
    pieces = _pieces(language)
    clauses = []
    for _ in range(400):
        keyword = draw.choice(KEYWORDS[language])
        body = " ".join(_vary(draw.choice(pieces), draw) for _ in range(draw.randint(1, 14)))
        clauses.append((keyword, f"{keyword} {body}"))
    fast = [addressees_of(text, k, None, language) for k, text in clauses]
    monkeypatch.setattr(addressees, "lowers_alike", lambda text, lowered: False)
    printed = [addressees_of(text, k, None, language) for k, text in clauses]
    assert fast == printed
    assert sum(map(bool, fast)) > 40  # the clauses do name addressees
