"""The known words of a language, and the words a PDF text layer split in two.

pypdf puts a space inside a word where the PDF moves the pen within it (kerning, a change
of font): "Interest of All St ates". Two pieces are one word again when the whole is a
known word of the language and one of the pieces is not: two real words are never joined
("a typical", "Esta dos"). The second piece is in lower case (or both in capitals), as the
rest of a word is; Arabic has no case.

The general list is pyspellchecker's word-frequency list of the language (MIT licence,
shipped inside the package: English, French, Spanish and Arabic among others); to it come
the words of the language's lexicon (clause openers, months, ordinals, status words) and
of `respub/data/words/<language>.txt`, words of resolutions a general list lacks
("miembros", "unidas"), which a linguist can extend. Everything is folded to lower case.

>>> known = known_words("en")
>>> "states" in known, "ates" in known
(True, False)
>>> [split_word(a, b, "en") for a, b in [("St", "ates"), ("Mem", "ber"), ("a", "typical")]]
[True, True, False]
>>> split_word("VI", "and", "en")  # "Chapter VI and", not "viand"
False
>>> split_word("gouver", "nement", "fr"), split_word("de", "venir", "fr")
(True, False)
>>> split_word("Gobier", "no", "es"), split_word("Esta", "dos", "es")
(True, False)
>>> split_word("الأعض", "اء", "ar"), split_word("الأمم", "المتحدة", "ar")
(True, False)
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from respub.knowledge.lexicon import fold, lexicon

_WORD = re.compile(r"[^\W\d_]+")


@cache
def known_words(language: str) -> frozenset[str]:
    """The words of `language` respub knows, folded (loaded once, in about half a second)."""
    from spellchecker import SpellChecker  # a word list of 100,000+ words: load on demand

    general = SpellChecker(language=language, distance=1).word_frequency.dictionary
    return frozenset(
        {fold(word) for word in general} | _lexicon_words(language) | _own_words(language)
    )


def _lexicon_words(language: str) -> set[str]:
    lex = lexicon(language)
    texts = [
        *(p for phrases in lex.phrases.values() for group in phrases.values() for p in group),
        *(n for names in lex.months for n in names),
        *(w for table in lex.ordinal_words.values() for w in table),
        *(w for words in lex.status.values() for w in words),
        *(w for words in lex.headings.values() for w in words),
        *lex.modifiers,
        *lex.stopwords,
    ]
    return {fold(word) for text in texts for word in _WORD.findall(str(text))}


def _own_words(language: str) -> set[str]:
    entry = resources.files("respub.data").joinpath("words").joinpath(f"{language}.txt")
    if not entry.is_file():
        return set()
    lines = entry.read_text(encoding="utf-8").splitlines()
    return {fold(w) for line in lines if not line.startswith("#") for w in line.split()}


def split_word(head: str, tail: str, language: str) -> bool:
    """Whether `head` and `tail`, printed with a space between, are one word split in two."""
    if not _shaped(head, tail):
        return False
    known = known_words(language)
    if fold(head) in known and fold(tail) in known:
        return False  # two real words
    return fold(head + tail) in known


def _shaped(head: str, tail: str) -> bool:
    """The rest of a word: in lower case (after a head with a lower-case letter, or one
    capital: "VI and" is a numeral and a word), in capitals after capitals, or without case.

    >>> _shaped("St", "ates"), _shaped("M", "ember"), _shaped("VI", "and")
    (True, True, False)
    """
    if tail.islower():
        return not (head.isupper() and len(head) > 1)
    if tail.isupper():
        return head.isupper()
    return tail.lower() == tail.upper()
