"""Detect the language of a resolution from its text.

>>> detect_language("La Asamblea General de la OIPC-INTERPOL, en su reunión")
'es'
"""

from __future__ import annotations

import re

from respub.knowledge.lexicon import LANGUAGES, lexicon

_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str | None:
    """The BCP 47 code of the language of `text`, or None when no known language fits.

    Arabic by its script (most words written in it); the others by the share of their
    function words (`stopwords` of each lexicon) among the first words of the text.
    """
    words = _WORD.findall(text[:1200].casefold())
    if not words:
        return None
    if sum(1 for w in words if "\u0600" <= w[0] <= "\u06ff") > len(words) * 0.3:
        return "ar"
    scores = {
        lang: sum(1 for w in words if w in lexicon(lang).stopwords) / len(words)
        for lang in LANGUAGES
        if lang != "ar"
    }
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] >= 0.08 else None
