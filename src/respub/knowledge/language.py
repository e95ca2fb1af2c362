"""Detect the language of a resolution from its text.

>>> detect_language("La Asamblea General de la OIPC-INTERPOL, en su reunión")
'es'
"""

from __future__ import annotations

import re
from functools import cache
from itertools import repeat
from operator import le

from respub.knowledge.lexicon import LANGUAGES, lexicon

_WORD = re.compile(r"[^\W\d_]+")
"""A word: letters (and numerals that are no decimal digit), as `words` splits them."""


def detect_language(text: str) -> str | None:
    """The BCP 47 code of the language of `text`, or None when no known language fits.

    Arabic by its script (most words written in it); the others by the share of their
    function words (`stopwords` of each lexicon) among the first words of the text, None
    when two languages share the most (French and Spanish share "la", "de").
    """
    head = text[:1200]
    latin = _latin_words(head)
    if latin is not None:  # no Latin-1 word is Arabic
        total = len(latin)
        marks = bytes(filter(None, map(_function_byte_marks().get, latin)))
    elif (share := _arabic_share(head)) and share[1] > share[0] * 0.3:
        return "ar"
    else:  # beyond Latin-1, and no Arabic text of Windows-1256 characters
        words = words_of(head.casefold())
        total = len(words)
        # the words opening with an Arabic letter, from "\u0600" up to "\u0700" (in C)
        arabic = sum(map(le, repeat("\u0600"), words)) - sum(map(le, repeat("\u0700"), words))
        if total and arabic > total * 0.3:
            return "ar"
        marks = bytes(filter(None, map(_function_word_marks().get, words)))
    if not total:
        return None
    # each function word as the number of its set of languages, the words of each set
    # counted in the bytes of them
    counts = dict.fromkeys(_LATIN_SCRIPT, 0)
    for mark, languages in _language_sets().items():
        if count := marks.count(mark):
            for lang in languages:
                counts[lang] += count
    best = max(counts, key=counts.__getitem__)
    if list(counts.values()).count(counts[best]) > 1:  # only words two languages share
        return None
    return best if counts[best] / total >= 0.08 else None


def _latin_words(text: str) -> list[bytes] | None:
    """`words_of(text.casefold())` encoded in Latin-1, for a text of Latin-1 characters,
    folded and split in one table lookup per byte; None for any other text, and for one
    holding the two characters whose fold leaves Latin-1 or a character ("µ" → "μ",
    "ß" → "ss").

    >>> _latin_words("L'Assemblée GÉNÉRALE, 2e"), _latin_words("Straße") is None
    ([b'l', b'assembl\\xe9e', b'g\\xe9n\\xe9rale', b'e'], True)
    """
    try:
        encoded = text.encode("latin-1")
    except UnicodeEncodeError:
        return None
    if b"\xb5" in encoded or b"\xdf" in encoded:
        return None
    return encoded.translate(_LATIN_FOLDED_BREAKS).split()


def _arabic_share(text: str) -> tuple[int, int] | None:
    """(words, words opening with an Arabic letter) of `words_of(text.casefold())`, for a
    text of Windows-1256 characters (Arabic, ASCII, punctuation, French letters): each
    character a byte, classed in one table lookup per byte, the words counted where they
    start, none made; None for any other text.

    >>> _arabic_share("قرار الجمعية (2021) - Résolution"), _arabic_share("Straße")
    ((3, 2), None)
    """
    try:
        encoded = text.encode("cp1256")
    except UnicodeEncodeError:
        return None
    classes = b" " + encoded.translate(_CP1256_CLASSES)
    if b"?" in classes:  # a character folded to a letter and to a character no word holds
        return None
    arabic = classes.count(b" a")
    return arabic + classes.count(b" l"), arabic


def _cp1256_class(code: int) -> int:
    """The class of Windows-1256 byte `code` in the words of the folded text: "a" (a word
    character folded to one opening with an Arabic letter), "l" (any other word character),
    " " (no word character), "?" (folded to both)."""
    try:
        folded = bytes([code]).decode("cp1256").casefold()
    except UnicodeDecodeError:  # (no character is encoded to it)
        return ord(" ")
    kept = [_kept(ord(c)) for c in folded]
    if not any(kept):
        return ord(" ")
    if not all(kept):
        return ord("?")
    return ord("a") if "\u0600" <= folded[0] < "\u0700" else ord("l")


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


def _folded(code: int) -> int:
    """A Latin-1 character a word holds, folded ("É" -> "é"); a space for any other. "µ"
    and "ß" fold beyond a byte and stay (`_latin_words` leaves texts holding them)."""
    if not _kept(code):
        return 0x20
    folded = chr(code).casefold()
    return ord(folded) if len(folded) == 1 and ord(folded) < 256 else code


# the same table, each character a word holds folded
_LATIN_FOLDED_BREAKS = bytes(map(_folded, range(256)))

# bytes.translate table of Windows-1256 to the classes of `_cp1256_class`
_CP1256_CLASSES = bytes(map(_cp1256_class, range(256)))


_LATIN_SCRIPT = tuple(lang for lang in LANGUAGES if lang != "ar")


@cache
def _function_word_languages() -> dict[str, tuple[str, ...]]:
    """The languages (but Arabic, in the order of `LANGUAGES`) each function word is one
    of."""
    languages: dict[str, list[str]] = {}
    for lang in _LATIN_SCRIPT:
        for word in lexicon(lang).stopwords:
            languages.setdefault(word, []).append(lang)
    return {word: tuple(found) for word, found in languages.items()}


@cache
def _language_sets() -> dict[int, tuple[str, ...]]:
    """The sets of languages of `_function_word_languages`, each under a number of its own
    (the mark of its words in `_function_word_marks`), from 1."""
    distinct = dict.fromkeys(_function_word_languages().values())
    return {index: languages for index, languages in enumerate(distinct, start=1)}


@cache
def _function_word_marks() -> dict[str, int]:
    """Each function word -> the number of its set of languages (`_language_sets`)."""
    marks = {languages: mark for mark, languages in _language_sets().items()}
    return {word: marks[found] for word, found in _function_word_languages().items()}


@cache
def _function_byte_marks() -> dict[bytes, int]:
    """`_function_word_marks` of the words in Latin-1 (the words `_latin_words` finds);
    a word beyond it is none of them."""
    return {
        word.encode("latin-1"): mark
        for word, mark in _function_word_marks().items()
        if max(word) < "\u0100"
    }
