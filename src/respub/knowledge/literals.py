"""Which of many literal strings occur in a text, found in one pass instead of one substring
test per literal (detect_body tests ~65 marks of 14 bodies on every document).

One pattern of every literal, a trie (`longest_first`), is searched from each match's start
plus one: at each position where some literal starts, the regex engine yields the longest
one that matches there, and every other literal starting there is a prefix of it. So the
literals found there, with every literal contained in them, are exactly those the text
contains (`str.__contains__` for each, as a test checks on random texts).

The engine skips positions whose character no literal opens with, so the search is fast
where literals open with characters running text seldom holds (capitals, "/", "."); a
literal opening with a lower-case or uncased letter (Latin "the ...", Arabic) would stop
it at most positions, and is looked for with its own substring test instead.

>>> found = LiteralSet(["INTERPOL", "OIPC-INTERPOL", "A/RES/", "RES", ""]).present(
...     "OIPC-INTERPOL, A/RES/76/1")
>>> sorted(found)
['', 'A/RES/', 'INTERPOL', 'OIPC-INTERPOL', 'RES']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any


class LiteralSet:
    """A fixed set of literals, compiled once; `present(text)` is the subset `text` holds
    (the empty literal, which every text holds, included)."""

    def __init__(self, literals: Iterable[str]) -> None:
        every = {s for s in literals if s}
        self._alone = tuple(sorted(s for s in every if s[0].isalpha() and not s[0].isupper()))
        self._alone_ascii = tuple(s for s in self._alone if s.isascii())  # for ASCII texts
        distinct = sorted(every.difference(self._alone), key=lambda s: (-len(s), s))
        self._search = re.compile(longest_first(distinct)).search if distinct else None
        # each literal with the literals it contains (itself and the empty one included)
        self._within = {s: frozenset(["", *(o for o in distinct if o in s)]) for s in distinct}

    def present(self, text: str) -> set[str]:
        """The literals that occur in `text`."""
        alone = self._alone if not text.isascii() else self._alone_ascii
        found: set[str] = {"", *(s for s in alone if s in text)}
        search = self._search
        if search is None:
            return found
        within = self._within
        position = 0
        while (match := search(text, position)) is not None:
            found |= within[match.group()]
            position = match.start() + 1
        return found


def longest_first(literals: Iterable[str]) -> str:
    """A pattern that matches, where any of `literals` starts, the longest of them that
    does: their trie, each branch before the end of a shorter literal, so the engine
    tests each character once where an alternation of the literals tests each literal
    in turn.

    >>> print(longest_first(["A/RES/", "A.", "A/HRC/RES/", "A/HRC/", "WHA"]))
    (?:A(?:\\.|/(?:HRC/(?:RES/|)|RES/))|WHA)
    >>> re.match(longest_first(["ab", "abc", "b"]), "abcd").group()
    'abc'
    """
    trie: dict[str, dict[str, Any]] = {}
    for literal in literals:
        node = trie
        for char in literal:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(trie)


def _branches(node: dict[str, Any]) -> str:
    branches = [re.escape(c) + _branches(child) for c, child in sorted(node.items()) if c]
    if "" in node and branches:
        branches.append("")  # the literal that ends here, once no longer one matches
    if len(branches) <= 1:
        return "".join(branches)
    return f"(?:{'|'.join(branches)})"
