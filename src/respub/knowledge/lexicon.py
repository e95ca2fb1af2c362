"""Language lexicons: clause openers mapped to shared concepts, months, ordinals, status words.

>>> lex = lexicon("es")
>>> lex.match_opener("HACE UN LLAMAMIENTO a los países miembros", "operative")
Opener(keyword='HACE UN LLAMAMIENTO', concept='calls-upon')
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any, NamedTuple

from respub.knowledge.firstlook import code_page_table
from respub.packaged import read_data

LANGUAGES = ("en", "fr", "es", "ar")
CATEGORIES = ("preambular", "operative")


class Opener(NamedTuple):
    """The words that open a clause, as printed, and the concept they express (a named
    tuple: made several times faster than a frozen dataclass, one or two a paragraph)."""

    keyword: str
    concept: str | None


_new = tuple.__new__  # `_new(Opener, (keyword, concept))`: no Python-level `__new__` call


def fold(text: str) -> str:
    """Case- and width-insensitive form used for matching (accents are kept)."""
    if text.isascii():  # a flag CPython keeps: NFC leaves it, casefold is lower
        return text.lower()
    quoted = text.replace("’", "'")
    if "ß" in quoted or "µ" in quoted:  # the code pages' only characters casefold otherwise
        return unicodedata.normalize("NFC", text).casefold().replace("’", "'")
    try:  # NFC leaves Latin-1
        return quoted.encode("latin-1").translate(_LATIN1_FOLD).decode("latin-1")
    except UnicodeEncodeError:
        pass
    composed = unicodedata.normalize("NFC", quoted)  # (’ is no part of a composition)
    for codec, table in _WIDER_FOLDS:
        try:
            return composed.encode(codec).translate(table).decode(codec)
        except UnicodeEncodeError:
            continue
    return composed.casefold()


# each byte's casefold (`str.casefold` looks up each character beyond ASCII, several times
# slower), but for ß and µ, which `fold` folds apart; in Latin-1, and in Windows-1252
# (Latin-1's letters with “quotes”, dashes, €, Œ) and Windows-1256 (Arabic, with the
# letters of French) where NFC has composed them
_LATIN1_FOLD = code_page_table("latin-1", str.casefold, keep="ßµ")
_WIDER_FOLDS = tuple(
    (codec, code_page_table(codec, str.casefold, keep="ßµ")) for codec in ("cp1252", "cp1256")
)


_JOINERS = frozenset(("et", "y", "و", "بعد"))
_ORDINAL_BREAKS = re.compile(r"[\s\-‑]+")  # between the words of an ordinal


def _load(name: str) -> Any:
    return read_data(name)


# the most characters one character's canonical decomposition has (U+1F82: four): `fold`
# (NFC, then case folding, which never shortens) of a text of n characters has at least
# n / 4 (a test checks the figure against every character)
LONGEST_DECOMPOSITION = 4


@cache
def concepts() -> dict[str, dict[str, str]]:
    """Concept ids per category with their English definitions."""
    data: dict[str, dict[str, str]] = _load("lexicons/concepts.yaml")
    return data


@dataclass(frozen=True, eq=False)
class Lexicon:
    """What respub knows of one language."""

    language: str
    name: str
    direction: str
    stopwords: frozenset[str]
    months: tuple[tuple[str, ...], ...]
    ordinal_suffix: re.Pattern[str]
    ordinal_words: dict[str, dict[str, int]]
    status: dict[str, tuple[str, ...]]
    modifiers: tuple[str, ...]
    prefixes: tuple[str, ...]
    phrases: dict[str, dict[str, tuple[str, ...]]]
    headings: dict[str, tuple[str, ...]]

    def match_opener(self, text: str, category: str) -> Opener | None:
        """The longest lexicon phrase (with modifiers and prefixes) that opens `text`."""
        prefix, folded = self._head(text)
        return self._opener(text, prefix, folded, category)

    def match_openers(self, text: str) -> tuple[Opener | None, Opener | None]:
        """(`match_opener` of `text` as preambular, as operative): the text folded once."""
        prefix, folded = self._head(text)
        return (
            self._opener(text, prefix, folded, "preambular"),
            self._opener(text, prefix, folded, "operative"),
        )

    def _head(self, text: str) -> tuple[int, str]:
        """The length of the prefix that opens `text`, and the fold of the 200 characters
        after it, where an opener is looked for."""
        if self.prefixes:
            body, prefix = self._strip_prefix(text)
            return len(prefix), fold(body[:200])
        head = text[:200]
        return 0, head.lower() if head.isascii() else fold(head)  # `fold`, ASCII inline

    def _opener(self, text: str, prefix: int, folded: str, category: str) -> Opener | None:
        openers = self._openers[category]
        if openers.starts is not None and folded[:1] not in openers.starts:
            return None  # no phrase nor modifier opens with this character
        found = openers.pattern.match(folded)
        if found is None:
            return None
        # the match ends after the modifiers that follow the phrase ("Recalling also")
        phrase, modified = found.groups()
        concept = openers.concepts[modified if phrase is None else phrase]
        return _new(Opener, (text[: prefix + found.end()].rstrip(" ,:;"), concept))

    @cached_property
    def _openers(self) -> dict[str, _Openers]:
        """The opener patterns of each category (`_opener_patterns`), compiled once."""
        return {category: _opener_patterns(self, category) for category in CATEGORIES}

    def month(self, word: str) -> int | None:
        """Month number (1-12) of a month name in this language."""
        folded = fold(word)
        for number, names in enumerate(self.months, start=1):
            if folded in names:
                return number
        return None

    def status_of(self, line: str) -> str | None:
        """`adopted`/`rejected` when `line` is a status line in this language."""
        line = line.strip().rstrip(".")
        if len(line) > self._longest_status:  # a paragraph: no fold of it is a status
            return None
        return self._statuses.get(fold(line))

    @cached_property
    def _statuses(self) -> dict[str, str]:
        """The status of each folded status word (the first status listing it)."""
        found: dict[str, str] = {}
        for status, words in self.status.items():
            for word in words:
                found.setdefault(word, status)
        return found

    @cached_property
    def _longest_status(self) -> int:
        """The longest line `status_of` may find a status word in."""
        return LONGEST_DECOMPOSITION * max(map(len, self._statuses), default=0)

    def ordinal(self, text: str) -> int | None:
        """The number of an ordinal: "89ª", "89e", "89th", "Sixty-sixth", "eightieth",
        "Quatre-vingtième", "soixante-dix-huitième", "الثانية والخمسون بعد المائة"."""
        text = text.strip()
        if not text.isascii():  # (an ASCII text holds no Arabic digit)
            text = text.translate(_ARABIC_DIGITS)
        found = self.ordinal_suffix.search(text)
        if found:
            return int(found.group("n"))
        if text.isdigit():
            return int(text)
        # "and" joins tens and units; Arabic puts the hundreds "after": الثانية والخمسون بعد المائة
        words = [w for w in _ORDINAL_BREAKS.split(fold(text)) if w and w not in _JOINERS]
        words = [w[1:] if w.startswith("و") and len(w) > 2 else w for w in words]
        total = previous = 0
        values = self._ordinal_values
        for word in words:
            value = values.get(word)
            if value is None:
                return None
            if value in (20, 100) and 1 < previous < 10:  # quatre-vingt(ième), two hundred
                total, value = total - previous, previous * value
            total += value
            previous = value
        return total or None

    @cached_property
    def _ordinal_values(self) -> dict[str, int]:
        """Each word of `ordinal_words` -> its value in the first table listing it."""
        values: dict[str, int] = {}
        for table in self.ordinal_words.values():
            for word, value in table.items():
                values.setdefault(word, value)
        return values

    @property
    def _modifier_folds(self) -> tuple[str, ...]:
        return _modifier_folds(self.modifiers)

    def _strip_prefix(self, text: str) -> tuple[str, str]:
        for prefix in self.prefixes:
            if text.startswith(prefix + " "):
                return text[len(prefix) + 1 :], text[: len(prefix) + 1]
        for prefix in self.prefixes:
            if text.startswith(prefix) and len(text) > len(prefix) + 2:
                return text[len(prefix) :], prefix
        return text, ""

    def _extend_with_modifiers(self, folded: str, end: int) -> int:
        """End of the modifiers that follow the opener ("Recalling also further")."""
        found = _trailing_modifiers_of(self).match(folded, end)
        return found.end() if found else end


_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


@cache
def _modifier_folds(modifiers: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted((fold(m) for m in modifiers), key=len, reverse=True))


_END = r"(?![\w'-])"


def trie(
    phrases: Iterable[str],
    end: Callable[[str], str] = lambda phrase: "",
    escape: Callable[[str], str] = re.escape,
) -> str:
    """An alternation of `phrases`, each followed by the pattern `end(phrase)`, written as
    their trie: where several match, the longest wins, as in an alternation sorted longest
    first, but the engine tests each character once where it would try each phrase in turn
    (where phrases match at one place, each is a prefix of the longer ones: the trie tries
    them longest first too).

    >>> print(trie(["also", "again", "a"], lambda phrase: "$"))
    (?:a(?:gain$|lso$|$))
    >>> re.match(trie(["with", "with concern"]), "with concern").group()
    'with concern'

    `escape` writes each character as a pattern (`re.escape`; a space as any run of spaces:
    `escape=lambda c: r"\\s+" if c == " " else re.escape(c)`).
    """
    root: dict[str, Any] = {}
    for phrase in phrases:
        node = root
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = phrase
    return f"(?:{_trie_branches(root, end, escape)})"


def _trie_branches(
    node: dict[str, Any], end: Callable[[str], str], write: Callable[[str], str]
) -> str:
    branches = [
        write(char) + _trie_branches(child, end, write)
        for char, child in sorted(node.items())
        if char
    ]
    if "" in node:
        branches.append(end(node[""]))  # the phrase that ends here, once no longer one matches
    if len(branches) == 1:
        return branches[0]
    return f"(?:{'|'.join(branches)})"


@cache
def _trailing_modifiers(modifiers: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?:[ ,]*{trie(_modifier_folds(modifiers))}{_END})+")


@cache
def _trailing_modifiers_of(lex: Lexicon) -> re.Pattern[str]:
    return _trailing_modifiers(lex.modifiers)  # by lexicon: no hashing of the modifiers


@dataclass(frozen=True)
class _Openers:
    # a phrase at the start (group `phrase`), else one after modifiers (group `modified`),
    # and the modifiers after it
    pattern: re.Pattern[str]
    concepts: dict[str, str]  # folded phrase -> concept
    starts: frozenset[str] | None  # the first characters of phrases and modifiers


def _opener_patterns(lex: Lexicon, category: str) -> _Openers:
    """The phrases of a category as patterns, compiled once, and the characters they (or
    the modifiers before them) open with: text opened by any other opens no clause.

    Alternatives are tried longest first, so the longest phrase wins; a phrase printed
    without modifiers wins over a shorter one reached through modifiers.
    """
    concepts: dict[str, str] = {}
    for concept, phrases in lex.phrases[category].items():
        for phrase in phrases:
            concepts.setdefault(fold(phrase), concept)
    # a phrase ending in an elided word ("Considérant qu'") runs on into the next word
    alternatives = trie(concepts, lambda p: "" if p.endswith("'") else _END)
    modifiers = trie(_modifier_folds(lex.modifiers))
    # the modifiers after the phrase, as `_extend_with_modifiers` reads them
    trailing = f"(?:[ ,]*{modifiers}{_END})*"
    direct = rf"(?P<phrase>{alternatives}){trailing}"
    modified = rf"(?:{modifiers}{_END}[ ,]*)+(?P<modified>{alternatives}){trailing}"
    folds = _modifier_folds(lex.modifiers)
    openings = [*concepts, *folds]
    # an empty phrase or modifier, or no modifier at all (the empty alternative lets the
    # pattern after modifiers open with a space or comma), matches anywhere: no first look
    starts = frozenset(o[0] for o in openings) if folds and all(openings) else None
    # one match tries the phrase at the start first: as `direct.match or modified.match`
    return _Openers(re.compile(f"{direct}|{modified}"), concepts, starts)


@cache
def lexicon(language: str) -> Lexicon:
    """The lexicon of a language; `ValueError` names the languages known."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r} (known: {', '.join(LANGUAGES)})")
    data = _load(f"lexicons/{language}.yaml")
    months = tuple(
        tuple(fold(n) for n in (m if isinstance(m, list) else [m])) for m in data["months"]
    )
    return Lexicon(
        language=language,
        name=data["name"],
        direction=data["direction"],
        stopwords=frozenset(data["stopwords"]),
        months=months,
        ordinal_suffix=re.compile(data["ordinal_suffix"], re.IGNORECASE),
        ordinal_words={
            k: {fold(w): n for w, n in v.items()} for k, v in data["ordinal_words"].items()
        },
        status={k: tuple(fold(w) for w in v) for k, v in data["status"].items()},
        modifiers=tuple(data["modifiers"]),
        prefixes=tuple(data.get("prefixes", [])),
        phrases={c: {k: tuple(v) for k, v in data[c].items()} for c in CATEGORIES},
        headings={k: tuple(v or ()) for k, v in (data.get("headings") or {}).items()},
    )
