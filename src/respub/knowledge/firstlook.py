"""A cheap first look before a case-insensitive pattern: can any of its words occur at all?

A pattern compiled with `re.IGNORECASE` is tried at every position of a text, which is
slow for a long alternation of phrases; a substring test of one word of each phrase on
the lowered text is much faster, and tells exactly when the pattern cannot match: where
the pattern matches a phrase, the lowered text contains every word of it lowered.

That holds character by character (`str.lower` of a character is the lower case `re`
compares) except for the few characters `re` also takes for another letter (dotless ı
for i, long ſ for s, the Kelvin sign, Greek final sigma ...) and İ, whose lower case is
two characters: a text holding any of these is always given to the pattern.

>>> keys = key_words(["calls upon", "its invitation to", "urges"])
>>> keys
('calls', 'invitation', 'urges')
>>> may_occur("Recalling its resolutions", keys), may_occur("and URGES States", keys)
(False, True)
>>> may_occur("and urges\u0131", ("x",))  # a dotless ı: the pattern must decide
True
>>> key_words(["\u0131nvites"])  # no safe word: the empty key, in every text
('',)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

# Characters `re.IGNORECASE` matches to a character of a different `str.lower()`
# (CPython's re._casefix table, both sides of each pair, and U+0130); a test checks the
# table against every character of Unicode.
CASE_EXCEPTIONS = (
    "\u0069\u0131\u0073\u017f\u00b5\u03bc\u0345\u03b9\u1fbe\u0390\u1fd3\u03b0\u1fe3"
    "\u03b2\u03d0\u03b5\u03f5\u03b8\u03d1\u03ba\u03f0\u03c0\u03d6\u03c1\u03f1\u03c2"
    "\u03c3\u03c6\u03d5\u0432\u1c80\u0434\u1c81\u043e\u1c82\u0441\u1c83\u0442\u1c84"
    "\u1c85\u044a\u1c86\u0463\u1c87\u1c88\ua64b\u1e61\u1e9b\ufb05\ufb06\u0130"
)
# the ASCII letters i and s are exceptions only through ı and ſ, which are listed
_UNSAFE = re.compile(f"[{''.join(c for c in CASE_EXCEPTIONS if not c.isascii())}]")
(_LATIN_UNSAFE,) = (c for c in CASE_EXCEPTIONS if "\x80" <= c <= "\xff")  # µ, the only one


def key_words(phrases: Iterable[str]) -> tuple[str, ...]:
    """One word of each phrase, lowered: its longest (the rarest, as a rule). A phrase
    with no word free of the exceptions gets the empty key, found in any text."""
    keys = set()
    for phrase in phrases:
        safe = [w for w in phrase.split() if not _UNSAFE.search(w)]
        keys.add(max(safe, key=len).lower() if safe else "")
    return tuple(sorted(keys))


def fewest_keys(keys: Iterable[str]) -> tuple[str, ...]:
    """The distinct `keys`, in order, less those that hold another: a text holds one of
    them exactly when it holds one of `keys` (where a key occurs, the key it holds does),
    and each is one test fewer ("calls" holds "call", "القرار" holds "قرار").

    >>> fewest_keys(("call", "calls", "invites", "call", "encouragement"))
    ('call', 'invites', 'encouragement')
    """
    distinct = list(dict.fromkeys(keys))
    return tuple(k for k in distinct if not any(o != k and o in k for o in distinct))


def may_occur(text: str, keys: tuple[str, ...]) -> bool:
    """False only when no phrase whose key word is among `keys` can match `text`
    case-insensitively."""
    if _UNSAFE.search(text):
        return True
    lowered = text.lower()
    return any(key in lowered for key in keys)


def lowers_alike(text: str, lowered: str) -> bool:
    """Whether a case-insensitive pattern finds in `text` what the same pattern lowered finds
    case-sensitively in `lowered` (`text.lower()`), at the same offsets: no exception
    character, no character whose lower case is longer. `\\w` holds of a character exactly
    when it holds of its lower case (a test checks every character), so word boundaries
    agree too."""
    if text.isascii():  # a flag CPython keeps: no exception character, nothing to scan
        return True
    if len(lowered) != len(text):
        return False
    if is_latin1(text):  # it may hold one exception
        return _LATIN_UNSAFE not in text
    return _UNSAFE.search(text) is None


def is_latin1(text: str) -> bool:
    """Whether every character of `text` is Latin-1, told in C (its encoding is a copy).

    >>> is_latin1("Résolution"), is_latin1("“Résolution”")
    (True, False)
    """
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def find_all(text: str, literal: str) -> list[int]:
    """Where `literal` occurs in `text`, ascending, overlaps included (`str.find`).

    >>> find_all("aaa, a", "aa")
    [0, 1]
    """
    found: list[int] = []
    at = text.find(literal)
    while at >= 0:
        found.append(at)
        at = text.find(literal, at + 1)
    return found


def word_starts(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """What `(?<!\\w)` followed by `pattern` finds in `text` (`finditer`), faster: the
    engine skips to the characters `pattern` opens with, where a look-behind first would
    make it try every position. `pattern` matches no empty string."""
    search, position = pattern.search, 0
    while (found := search(text, position)) is not None:
        start = found.start()
        if start and _WORD_CHARACTER.match(text, start - 1):  # the look-behind
            position = start + 1
            continue
        yield found
        position = found.end()


_WORD_CHARACTER = re.compile(r"\w")


def opening_literals(source: str) -> tuple[str, ...] | None:
    """The literal text each alternative of the pattern `source` opens with, such that every
    match starts where one of them occurs; None when an alternative opens with none (a
    class, an optional part, a flag ...).

    >>> opening_literals(r"(?:resolutions?|résolution|decisión)(?!\\w)")
    ('resolution', 'résolution', 'decisión')
    >>> opening_literals(r"general comment no\\. 25|convención (?:de )?sobre")
    ('general comment no', 'convención ')
    >>> opening_literals("[ab]c|d") is None, opening_literals("(?:a|b)?c") is None
    (True, True)
    """
    found: list[str] = []
    for alternative in alternatives(source):
        if alternative.startswith("(?:"):
            end = _closing(alternative, 0)
            if end is None or alternative[end + 1 : end + 2] in _QUANTIFIERS:
                return None
            inner = opening_literals(alternative[3:end])
            if inner is None:
                return None
            found.extend(inner)
            continue
        literal = _LITERAL.match(alternative).group()  # type: ignore[union-attr]
        if alternative[len(literal) : len(literal) + 1] in _QUANTIFIERS:
            literal = literal[:-1]  # the last character is optional
        if not literal:
            return None
        found.append(literal)
    return tuple(dict.fromkeys(found))


_LITERAL = re.compile(r"[^\\.^$*+?{}\[\]|()]*")
_QUANTIFIERS = ("?", "*", "+", "{")


def alternatives(source: str) -> list[str]:
    """`source` cut at each "|" outside groups and classes.

    >>> alternatives(r"^a|(b|c)|[|]")
    ['^a', '(b|c)', '[|]']
    """
    cuts = [i for i, char, depth in syntax(source) if char == "|" and depth == 0]
    return [source[i + 1 : j] for i, j in zip([-1, *cuts], [*cuts, len(source)], strict=True)]


def _closing(source: str, opening: int) -> int | None:
    """The index of the ")" that closes the group opened at `opening`."""
    for index, char, depth in syntax(source, opening):
        if char == ")" and depth == 0:
            return index
    return None


def syntax(source: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """(index, character, depth of groups after it) of each character of the pattern
    `source` from `start` that is neither escaped nor in a class, nor a backslash."""
    depth, index, in_class = 0, start, False
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 1
        elif in_class:
            in_class = char != "]"
        elif char == "[":  # a "]" first in the class ("[]a]", "[^]a]") is a member
            in_class = True
            index += source[index + 1 : index + 2] == "^"
            index += source[index + 1 : index + 2] == "]"
        else:
            depth += (char == "(") - (char == ")")
            yield index, char, depth
        index += 1


def opened_at(
    pattern: re.Pattern[str], literals: tuple[str, ...], text: str, behind: bool = False
) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text)` finds, where every match opens with one of `literals`
    (`opening_literals`): the matches are tried only where a literal occurs, found by
    `str.find`, which is many times faster than the engine trying each position whose
    character an alternative opens with. `behind`: only matches no word character
    precedes, as `word_starts` finds them."""
    starts: list[int] = []
    ascii_text = text.isascii()  # a flag CPython keeps
    for literal in literals:
        if ascii_text and not literal.isascii():
            continue  # not in the text, where `find` would scan it all to tell
        starts.extend(find_all(text, literal))
    if not starts:
        return iter(())
    if len(literals) > 1:
        starts = sorted(set(starts))
    return tried_at(pattern, starts, text, behind)


def tried_at(
    pattern: re.Pattern[str], starts: list[int], text: str, behind: bool = False
) -> Iterator[re.Match[str]]:
    """The matches of `pattern` in `text` that start at one of `starts` (ascending), none
    overlapping the one before, as `finditer` finds them where every match starts at one;
    `behind` as for `opened_at`."""
    match, position = pattern.match, 0
    for start in starts:
        if start < position or (found := match(text, start)) is None:
            continue
        if behind and start and _WORD_CHARACTER.match(text, start - 1):
            position = start + 1
            continue
        yield found
        position = found.end()


def code_page_table(codec: str, case: Callable[[str], str], keep: str = "") -> bytes:
    """A `bytes.translate` table of each byte's `case` (`str.lower`, `str.casefold`) in the
    one-byte `codec`: a byte that encodes no character, and the characters of `keep`, stay;
    a character whose case is not one character of the code page is a `ValueError`."""
    table = bytearray(range(256))
    for code, char in code_page(codec):
        if char not in keep:
            (table[code],) = case(char).encode(codec)
    return bytes(table)


def code_page(codec: str) -> Iterator[tuple[int, str]]:
    """(byte, character) for each byte that encodes a character in the one-byte `codec`."""
    for code in range(256):
        try:
            yield code, bytes([code]).decode(codec)
        except UnicodeDecodeError:
            continue
