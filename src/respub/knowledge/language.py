"""Detect the language of a resolution from its text.

>>> detect_language("La Asamblea General de la OIPC-INTERPOL, en su reunión")
'es'
"""

from __future__ import annotations

import re
from functools import cache

from respub.knowledge.lexicon import LANGUAGES, lexicon

_WORD = re.compile(r"[^\W\d_]+")
"""A word: letters (and numerals that are no decimal digit), as `words` splits them."""


def detect_language(text: str) -> str | None:
    """The BCP 47 code of the language of `text`, or None when no known language fits.

    Arabic by its script (most words written in it); the others by the share of their
    function words (`stopwords` of each lexicon) among the first words of the text.
    """
    head = text[:1200]
    words = words_of(head.casefold())
    total = len(words)
    if not total:
        return None
    # an ASCII head (told without reading it) holds no Arabic word
    if not head.isascii() and sum(1 for w in words if "\u0600" <= w[0] <= "\u06ff") > total * 0.3:
        return "ar"
    # each language's share of function words (a membership test per word, in C)
    scores = {
        lang: sum(map(words_in.__contains__, words)) / total for lang, words_in in _stopwords()
    }
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] >= 0.08 else None


def words_of(text: str) -> list[str]:
    """The words of `text`, as `_WORD.findall` finds them, but faster: every character no
    word holds becomes a space, then the text is split. A text of Latin-1 characters
    (English, French, Spanish) is translated as bytes, a table lookup per byte in C, where
    `str.translate` of a text beyond ASCII looks each character up in a mapping (seven
    times slower); a text beyond Latin-1 (Arabic, curly quotes) goes to the pattern,
    faster than that lookup.

    >>> words_of("l'Assemblée, 2e session (1er) du_x")
    ['l', 'Assemblée', 'e', 'session', 'er', 'du', 'x']
    >>> words_of("the “Pact” of ‑ قرار")
    ['the', 'Pact', 'of', 'قرار']
    """
    try:
        encoded = text.encode("latin-1")
    except UnicodeEncodeError:
        return _WORD.findall(text)
    return encoded.translate(_LATIN_BREAKS).decode("latin-1").split()


def _kept(code: int) -> bool:
    """Whether a word holds the character: `[^\\W\\d_]` (\\w is alphanumeric or "_", \\d a
    decimal digit)."""
    c = chr(code)
    return (c.isalpha() or c.isdigit() or c.isnumeric()) and not c.isdecimal()


# bytes.translate table of the 256 Latin-1 characters: one no word holds -> a space
_LATIN_BREAKS = bytes(code if _kept(code) else 0x20 for code in range(256))


@cache
def _stopwords() -> tuple[tuple[str, frozenset[str]], ...]:
    """The function words of each language but Arabic, in the order of `LANGUAGES`."""
    return tuple((lang, lexicon(lang).stopwords) for lang in LANGUAGES if lang != "ar")
