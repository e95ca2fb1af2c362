"""Heading words of every language: what opens an annex, or an article of an attached text.

They come from the `headings` of each lexicon, so a new language brings its own.

>>> "annexe" in annex_words() and "anexo" in annex_words()
True
>>> bool(article_heading().match("Article premier")), bool(article_heading().match("Artículo 3."))
(True, True)
"""

from __future__ import annotations

import re
from functools import cache

from respub.knowledge.lexicon import LANGUAGES, fold, lexicon


def _words(key: str) -> tuple[str, ...]:
    found = {fold(w) for lang in LANGUAGES for w in lexicon(lang).headings.get(key, ())}
    return tuple(sorted(found, key=len, reverse=True))


@cache
def annex_words() -> tuple[str, ...]:
    """Folded words that head an annex in any language ("annex", "annexe", "anexo", ...)."""
    return _words("annex")


@cache
def annex_word_set() -> frozenset[str]:
    """`annex_words` as a set, for a look-up."""
    return frozenset(annex_words())


@cache
def annex_heading() -> re.Pattern[str]:
    """A line that starts with an annex word (ignoring case)."""
    words = "|".join(re.escape(w) for w in annex_words())
    return re.compile(rf"^(?:{words})\b", re.IGNORECASE)


@cache
def annex_line() -> re.Pattern[str]:
    """A line that is only an annex heading: "Annex", "ANNEX II", "Anexo 2." — capitalised,
    so that a wrapped line holding the word "annex" alone is not taken for one."""
    forms = {form for w in annex_words() for form in (w.capitalize(), w.upper())}
    words = "|".join(re.escape(w) for w in sorted(forms, key=len, reverse=True))
    return re.compile(rf"^(?:{words})(?:\s+[IVXLC\d]{{1,5}})?\.?$")


@cache
def article_heading() -> re.Pattern[str]:
    """The heading of an article: "Article 1", "Article premier", "Artículo 3.", "المادة 2"."""
    words = "|".join(re.escape(w) for w in _words("article"))
    first = "|".join(re.escape(w) for w in _words("article_first"))
    number = rf"\d{{1,3}}|{first}" if first else r"\d{1,3}"
    return re.compile(rf"^(?:{words})\s+(?:{number})\.?$", re.IGNORECASE)
