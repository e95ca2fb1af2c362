"""The patterns of `respub.knowledge.addressees`, compiled from data/addressees.yaml: one
alternation per list of phrases (longest first), and the template rules 4, 6 and 7 (the
subject of "Decides that X shall", "the need for X to", "that X should").

>>> print(alternation(["to", "to request"]))
to\\s+request|to
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from respub.knowledge.firstlook import key_words
from respub.knowledge.lexicon import trie

__all__ = [
    "HORTATORY",
    "NEED",
    "SUBJECT",
    "Later",
    "Template",
    "alternation",
    "flags",
    "later",
    "proclitic",
    "template_keys",
    "template_pattern",
    "words",
]


def alternation(phrases: Iterable[str], lower: bool = False) -> str:
    """One alternation, longest phrase first; a space matches any run of whitespace;
    `lower`: the phrases lowered (a pattern for lowered text, see `_Rules.lowered`),
    written as their trie (`lexicon.trie`: the same matches, each character tried once;
    case-insensitive, two branches could match one character, hence the flat list).

    >>> print(alternation(["to", "to request"], lower=True))
    (?:to(?:\\s+request|))
    """
    distinct = {str(p).lower() if lower else str(p) for p in phrases}
    if lower:
        return trie({" ".join(p.split()) for p in distinct}, escape=_spaced)
    ordered = sorted(distinct, key=lambda t: (-len(t), t))
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered)


def _spaced(char: str) -> str:
    return r"\s+" if char == " " else re.escape(char)


def words(
    phrases: list[str] | None, lower: bool = False, behind: bool = True
) -> re.Pattern[str] | None:
    """The phrases as whole words; `behind=False`: without the look-behind before them,
    which the caller checks (`firstlook.word_starts`: the engine then skips to the
    characters the phrases open with)."""
    if not phrases:
        return None
    start = r"(?<!\w)" if behind else ""
    return re.compile(rf"{start}(?:{alternation(phrases, lower)})(?!\w)", flags(lower))


def flags(lower: bool) -> int:
    """A pattern of lowered phrases is matched case-sensitively in lowered text."""
    return 0 if lower else re.IGNORECASE


def proclitic(letters: list[str] | None, lower: bool = False) -> str:
    """Letters written on the next word (Arabic ب, و, ل: "بجميع الدول"), optional."""
    return f"(?:{alternation(letters, lower)})?" if letters else ""


def later(phrases: list[str] | None, joins: list[str] | None, lower: bool = False) -> Later | None:
    """Rule 2: a phrase at the start of the text, or after a comma, semicolon or `joins`
    word ("..., and calls upon"; Arabic "وتحث": the conjunction is written on the verb)."""
    if not phrases:
        return None
    join = rf"(?<!\w)(?:{alternation(joins, lower)})\s*" if joins else r"(?!)"
    verbs = rf"(?:{alternation(phrases, lower)})(?!\w)"
    start = re.compile(rf"\s*{verbs}", flags(lower))
    if not lower:  # case-insensitive: the engine has no first characters to skip to
        return Later(start, re.compile(rf"(?:[,;،؛]\s*(?:{join})?|{join}){verbs}", re.I))
    # each alternative opens with a character (the look-behind of a join word is checked
    # after its first one): the engine skips to the places where one of them stands
    marks = [rf"{re.escape(mark)}\s*(?:{join})?" for mark in ",;،؛"]
    words = [
        rf"{re.escape(w[0])}(?<!\w(?s:.)){_spaced_phrase(w[1:])}\s*"
        for w in {" ".join(j.lower().split()) for j in joins or ()}
        if w
    ]
    return Later(
        start,
        re.compile(rf"(?:{'|'.join([*marks, *sorted(words, key=len, reverse=True)])}){verbs}"),
    )


def _spaced_phrase(phrase: str) -> str:
    return "".join(_spaced(c) for c in phrase)


class Later(NamedTuple):
    """Rule 2's pattern: a phrase opening the text (`start`), or one after a comma,
    semicolon or join word (`after`)."""

    start: re.Pattern[str]
    after: re.Pattern[str]

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """What the two alternatives as one pattern, ``\\A`` first, find."""
        first = self.start.match(text)
        if first is not None:
            yield first
        yield from self.after.finditer(text, first.end() if first else 0)


# The pieces of a rule-4 template (data/addressees.yaml `subject`); the spaces between
# pieces match any run of whitespace, or none (French "qu'", "l'" are written on the word).
_ASIDE = r"(?:,?[^,;:]{0,300},)?"  # one parenthetical phrase, ended by a comma
_VERB = r"[^\W\d_]+"  # a word of letters
_WORD_END = r"(?:(?<=['’])|(?!\w))"  # a whole word, or one written on the next ("qu'", "l'")


@dataclass(frozen=True)
class Template:
    """The data keys of one template rule: the template, the words it opens with, the
    modals it may end with."""

    template: str
    opens: str
    modals: str


SUBJECT = Template("subject", "that", "modals")  # rule 4
NEED = Template("need", "need_for", "need_modals")  # rule 6
HORTATORY = Template("hortatory", "hortatory_that", "hortatory_modals")  # rule 7


def template_keys(data: dict[str, Any], language: str, keys: Template) -> tuple[str, ...]:
    """A word of each phrase a match of the template must hold: of its modals when it
    ends with one, else of the words it opens with (`firstlook.key_words`)."""
    template = str((data.get(keys.template) or {}).get(language) or "")
    key = keys.modals if "{modal}" in template else keys.opens
    return key_words((data.get(key) or {}).get(language) or [])


def template_pattern(
    data: dict[str, Any],
    language: str,
    terms: list[str],
    lower: bool = False,
    keys: Template = SUBJECT,
) -> re.Pattern[str] | None:
    """Rules 4, 6 and 7: the language's template of `keys` (rule 4, `subject`: "{that}
    {aside} {article} {term} {modal}"; Arabic, verb first: "{that} {verb} {term}"), with
    the terms it allows as subjects."""
    template = (data.get(keys.template) or {}).get(language)
    that = (data.get(keys.opens) or {}).get(language) or []
    if not template or not that:
        return None
    starts = tuple((data.get("subject_starts") or {}).get(language) or ())
    subjects = [t for t in terms if t.startswith(starts)] if starts else terms
    modals = (data.get(keys.modals) or {}).get(language) or []
    articles = (data.get("articles") or {}).get(language) or []
    behind = "" if lower else r"(?<!\w)"  # lowered: `word_starts` checks it, much faster
    pieces = {
        "that": rf"{behind}(?:{alternation(that, lower)}){_WORD_END}",
        "aside": _ASIDE,
        "article": rf"(?:(?:{alternation(articles, lower)}){_WORD_END})?" if articles else "",
        "term": rf"(?P<term>{alternation(subjects, lower)})(?!\w)",
        "modal": rf"(?:{alternation(modals, lower)})(?!\w)" if modals else "(?!)",
        "verb": rf"{_VERB}(?!\w)",
    }
    names = re.findall(r"\{(\w+)\}", str(template))
    if not names or names[0] != "that" or any(n not in pieces for n in names):
        raise ValueError(
            f"addressees.yaml: {keys.template} of {language!r}: {template!r} must open "
            "with {that} and use only known pieces"
        )
    return re.compile(r"\s*".join(pieces[n] for n in names if pieces[n]), flags(lower))
