"""Detect the language of a resolution from its text.

>>> detect_language("La Asamblea General de la OIPC-INTERPOL, en su reunión")
'es'
"""

from __future__ import annotations

import re
from collections import Counter

from respub.knowledge.lexicon import LANGUAGES, lexicon

_WORD = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")
_ARABIC = re.compile(r"[\u0600-\u06FF]")


def detect_language(text: str) -> str | None:
    """The BCP 47 code of the language of `text`, or None when no known language fits."""
    sample = text[:1200]
    letters = len(_LETTER.findall(sample))
    if letters == 0:
        return None
    if len(_ARABIC.findall(sample)) > letters * 0.3:
        return "ar"
    words = Counter(_WORD.findall(sample.casefold()))
    total = sum(words.values())
    scores = {
        lang: sum(words[w] for w in lexicon(lang).stopwords) / total
        for lang in LANGUAGES
        if lang != "ar"
    }
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] >= 0.08 else None
