"""`detect_language` counts function words as the plain definition does: each word of the
first 1,200 characters once per language it is a function word of; Arabic by script; none
when two languages score the most."""

from __future__ import annotations

import random
from collections import Counter

from respub.knowledge.language import _arabic_share, detect_language, words_of
from respub.knowledge.lexicon import LANGUAGES, lexicon


def _plain(text: str) -> str | None:
    words = Counter(words_of(text[:1200].casefold()))
    total = sum(words.values())
    if not total:
        return None
    if sum(n for w, n in words.items() if "\u0600" <= w[0] <= "\u06ff") > total * 0.3:
        return "ar"
    scores = {
        lang: sum(n for w, n in words.items() if w in lexicon(lang).stopwords) / total
        for lang in LANGUAGES
        if lang != "ar"
    }
    best = max(scores, key=lambda lang: scores[lang])
    if list(scores.values()).count(scores[best]) > 1:  # a tie: no language is told
        return None
    return best if scores[best] >= 0.08 else None


def test_same_as_the_plain_definition() -> None:
    draw = random.Random(9)
    words = [
        "the",
        "of",
        "and",
        "la",
        "de",
        "des",
        "el",
        "los",
        "que",
        "في",
        "من",
        "على",
        "Assembly",
        "Asamblea",
        "Assemblée",
        "12",
        "x",
        "ﻻ",
        "İ",
        "ß",
        "µ",
        "THE",
        "DES",
        "LOS",
        "ÉL",
        "Ñ",
        "-",
        ", ",
    ]
    latin = [w for w in words if max(w, default="") < "\u0100"]  # folded as bytes
    for _ in range(2000):
        pool = words if draw.random() < 0.5 else latin
        text = " ".join(draw.choice(pool) for _ in range(draw.randint(0, 400)))
        assert detect_language(text) == _plain(text), text


def test_words_french_and_spanish_share_count_but_do_not_decide() -> None:
    # mostly "la", "de", "a", "que": the two Spanish words decide, the shared ones make the share
    spanish = (
        "La Conferencia General, Recordando la Constitución de la UNESCO, 1. Aprueba la "
        "Recomendación sobre la Ciencia Abierta; 2. Invita a los Estados Miembros a aplicarla; "
        "3. Pide a la Directora General que presente un informe."
    )
    assert detect_language(spanish) == "es"
    assert detect_language("la de la de que en un la") is None  # French or Spanish: say so
    assert detect_language("Le Conseil, rappelant la résolution de la Conférence") == "fr"


def test_the_arabic_share_of_windows_1256_text_is_counted_as_words_are() -> None:
    # every character Windows-1256 encodes, in runs: the words and the Arabic ones of the
    # folded text, counted from the classes of the bytes
    encoded = [bytes([code]).decode("cp1256", "ignore") for code in range(256)]
    characters = [c for c in encoded if c]
    draw = random.Random(11)
    for _ in range(2000):
        text = "".join(
            draw.choice(characters) * draw.randint(1, 3) for _ in range(draw.randint(0, 60))
        )
        words = words_of(text.casefold())
        arabic = sum("\u0600" <= w[0] < "\u0700" for w in words)
        assert _arabic_share(text) == (len(words), arabic), text
    assert _arabic_share("قرار ‑ x") is None  # U+2011: no character of Windows-1256
