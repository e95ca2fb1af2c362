"""Detect the language of a resolution from its text.

>>> detect_language("La Asamblea General de la OIPC-INTERPOL, en su reunión")
'es'
"""

from __future__ import annotations

import re
from functools import cache

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
    counts = {lang: 0 for lang in LANGUAGES if lang != "ar"}
    languages = _stopword_languages()
    for word in words:  # one pass over the words for every language
        for lang in languages.get(word, ()):
            counts[lang] += 1
    scores = {lang: count / len(words) for lang, count in counts.items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] >= 0.08 else None


@cache
def _stopword_languages() -> dict[str, tuple[str, ...]]:
    """Each function word of the lexicons and the languages (not Arabic) it belongs to."""
    found: dict[str, tuple[str, ...]] = {}
    for lang in LANGUAGES:
        if lang != "ar":
            for word in lexicon(lang).stopwords:
                found[word] = (*found.get(word, ()), lang)
    return found
