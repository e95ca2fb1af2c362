"""Addressees of operative clauses (whom a clause calls on, urges, requests), from data.

The terms, the verbs that address someone and where the addressees end are in
``data/addressees.yaml``; see there how a clause is read (rules 1 to 7). Pure: text in,
concept ids out. A clause whose opening verb is the body acting on itself and that names
no one is marked `self_acting`, which is not an addressee.

>>> text = "Requests the Secretary-General to bring to the attention of Member States"
>>> addressees_of(text, "Requests", "requests", "en")
('secretary-general',)
>>> text = "Calls upon Member States, the United Nations and civil society to act"
>>> addressees_of(text, "Calls upon", "calls-upon", "en")
('member-states', 'united-nations-system', 'civil-society')
>>> addressees_of("Decides to include the item", "Decides", "decides", "en")
()
>>> addressees_of("Decides to request the Director-General to report", "Decides", "decides", "en")
('director-general',)
>>> addressees_of("Welcomes the report, and urges States to act", "Welcomes", "welcomes", "en")
('states',)
>>> addressees_of("تحث جميع البلدان الأعضاء على أن تتخذ", "تحث", "urges", "ar")
('member-states',)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any, NamedTuple

from respub.knowledge.addressee_patterns import (
    HORTATORY,
    NEED,
    SUBJECT,
    Later,
    alternation,
    flags,
    later,
    proclitic,
    template_keys,
    template_pattern,
    words,
)
from respub.knowledge.firstlook import fewest_keys, key_words, lowers_alike, word_starts
from respub.model import FootnoteMark, OperativeClause, SubParagraph
from respub.packaged import read_data

__all__ = [
    "AddresseeConcept",
    "addressee_concepts",
    "addressees_of",
    "is_self_acting",
    "operative_clause",
    "read_clause",
    "thanked_of",
]


@dataclass(frozen=True)
class AddresseeConcept:
    """An addressee: its id, labels and definitions by language."""

    id: str
    labels: dict[str, str]
    definitions: dict[str, str]


@dataclass(frozen=True)
class _Language:
    """The compiled rules of one language: each a single alternation, compiled once."""

    terms: re.Pattern[str]  # every term, longest first
    first_term: re.Pattern[str]  # group `first`: a term that starts within `within` characters
    until: re.Pattern[str] | None  # any `until` mark, as printed: where the addressees end
    addressing_verbs: re.Pattern[str] | None  # rule 1, matched in the opening words
    later: Later | None  # rule 2
    later_keys: tuple[str, ...]  # a word of each `later` phrase: a cheap first look
    self_acting: re.Pattern[str] | None  # matched in the opening words
    after_opening: re.Pattern[str] | None  # rule 3; lowered: no look-behind (`word_starts`)
    subject: re.Pattern[str] | None  # rule 4: group `term`
    subject_keys: tuple[str, ...]  # a word of each phrase rule 4 needs: a cheap first look
    # thanks, appreciation to: in the opening words; lowered: no look-behind (`word_starts`)
    thanking: re.Pattern[str] | None
    thanking_keys: tuple[str, ...]  # a word of each `thanking` phrase: a cheap first look
    need: re.Pattern[str] | None  # rule 6: group `term`
    need_keys: tuple[str, ...]  # a word of each phrase rule 6 needs: a cheap first look
    hortatory: re.Pattern[str] | None  # rule 7: group `term`
    hortatory_keys: tuple[str, ...]


@dataclass(frozen=True)
class _Rules:
    addressing: frozenset[str]
    within: int
    languages: dict[str, _Language]
    # the same rules for lowered text: where `lowers_alike` holds of a clause, its lowered
    # text is matched case-sensitively (several times faster than re.IGNORECASE)
    lowered: dict[str, _Language]
    concept_of: dict[tuple[str, str], str]  # (language, folded term) -> concept id
    concepts: tuple[AddresseeConcept, ...]


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = read_data("addressees.yaml")
    return data


@cache
def _rules() -> _Rules:
    data = _data()
    by_language: dict[str, list[str]] = {}
    concept_of: dict[tuple[str, str], str] = {}
    concepts = []
    for concept, entry in data["concepts"].items():
        concepts.append(
            AddresseeConcept(
                id=str(concept),
                labels={str(k): str(v) for k, v in entry["label"].items()},
                definitions={str(k): str(v) for k, v in (entry.get("definition") or {}).items()},
            )
        )
        for language, terms in entry["terms"].items():
            for term in terms:
                by_language.setdefault(str(language), []).append(str(term))
                concept_of[(str(language), _fold(str(term)))] = str(concept)
    languages = {lang: _language(data, lang, terms) for lang, terms in by_language.items()}
    lowered = {
        language: _language(data, language, terms, lower=True)
        for language, terms in by_language.items()
    }
    return _Rules(
        addressing=frozenset(str(c) for c in data["addressing"]),
        within=int(data["within"]),
        languages=languages,
        lowered=lowered,
        concept_of=concept_of,
        concepts=tuple(concepts),
    )


def _language(
    data: dict[str, Any], language: str, terms: list[str], lower: bool = False
) -> _Language:
    """The rules of one language, compiled; `lower`: to match in lowered text."""

    def listed(key: str) -> list[str] | None:
        found: list[str] | None = (data.get(key) or {}).get(language)
        return found

    letters = proclitic(listed("proclitics"), lower)
    term = rf"(?<!\w){letters}(?P<term>{alternation(terms, lower)})(?!\w)"
    return _Language(
        terms=re.compile(term, flags(lower)),
        # matched at a place: the engine tries the term at the next `within` places only,
        # where a search would try every place to the end of the text
        first_term=re.compile(
            rf"(?s:.){{0,{int(data['within'])}}}?(?P<first>{term})", flags(lower)
        ),
        until=_any_of(str(m) for m in data["until"].get(language, ())),
        addressing_verbs=words(listed("addressing_verbs"), lower),
        later=later(listed("later"), listed("joins"), lower),
        later_keys=fewest_keys(key_words(listed("later") or [])),
        self_acting=words(listed("self_acting"), lower),
        after_opening=words(listed("after_opening"), lower, behind=not lower),
        subject=template_pattern(data, language, terms, lower),
        subject_keys=fewest_keys(template_keys(data, language, SUBJECT)),
        thanking=words(listed("thanking"), lower, behind=not lower),
        thanking_keys=fewest_keys(key_words(listed("thanking") or [])),
        need=template_pattern(data, language, terms, lower, NEED),
        need_keys=fewest_keys(template_keys(data, language, NEED)),
        hortatory=template_pattern(data, language, terms, lower, HORTATORY),
        hortatory_keys=fewest_keys(template_keys(data, language, HORTATORY)),
    )


def _fold(term: str) -> str:
    return " ".join(term.casefold().split())


def addressee_concepts() -> tuple[AddresseeConcept, ...]:
    """Every addressee concept of the data, in its order."""
    return _rules().concepts


def _keyword_end(text: str, keyword: str) -> int:
    """Where the text after the opening words starts."""
    if keyword and text.startswith(keyword):  # as a rule: the fold below finds it at 0
        return len(keyword)
    start = text.casefold().find(keyword.casefold()) if keyword else -1
    return start + len(keyword) if start >= 0 else 0


class _Verb(NamedTuple):
    """What the opening words of a clause tell, read once a clause."""

    addressing: bool  # rule 1 applies: an addressing concept or verb
    self_acting: bool  # one of `self_acting`


def _verb(rules: _Rules, language: str, keyword: str, concept: str | None) -> _Verb:
    lowered = keyword.lower()
    alike = lowers_alike(keyword, lowered)
    words_of = rules.lowered[language] if alike else rules.languages[language]
    opening = lowered if alike else keyword
    return _Verb(
        concept in rules.addressing or _has(words_of.addressing_verbs, opening),
        _has(words_of.self_acting, opening),
    )


@lru_cache(maxsize=1024)
def _verb_of(language: str, keyword: str, concept: str | None) -> _Verb:
    """`_verb` of the known rules, read once a verb: a body opens its clauses with few
    verbs ("Requests", "Decides"), each many times a document (bounded: a keyword that
    is no lexicon phrase is a clause's first words)."""
    return _verb(_rules(), language, keyword, concept)


def addressees_of(text: str, keyword: str, concept: str | None, language: str) -> tuple[str, ...]:
    """The addressee concepts of an operative clause, in the order they are named."""
    rules = _rules()
    if language not in rules.languages:
        return ()
    return _addressees(rules, language, text, keyword, _verb(rules, language, keyword, concept))


def _addressees(
    rules: _Rules,
    language: str,
    text: str,
    keyword: str,
    verb: _Verb,
    lowered_text: str | None = None,
) -> tuple[str, ...]:
    """`addressees_of`, the opening words read (`verb`); `lowered_text`: `text.lower()`,
    where `lowers_alike` holds of `text`: a piece of it is then that piece lowered (but
    for a final sigma, lowered by context: the rules hold no Greek letter)."""
    lang = rules.languages[language]
    end = _keyword_end(text, keyword)
    rest = text[end:]
    found: list[str] = []
    opening = verb.addressing
    if lowered_text is None:
        lowered = rest.lower()
        alike = lowers_alike(rest, lowered)
    else:
        lowered, alike = lowered_text[end:], True
    scan, rules_of = (lowered, rules.lowered[language]) if alike else (rest, lang)
    if opening:  # rule 1
        _named(rules, rules_of, language, scan, 0, found, rest)
    # the first look of `may_occur`, on the lowered text at hand
    if rules_of.later is not None and (not alike or _holds(lowered, lang.later_keys)):
        for match in rules_of.later.finditer(scan):  # rule 2
            _named(rules, rules_of, language, scan, match.end(), found, rest)
    if not opening and verb.self_acting:
        _self_acting_rules(rules, rules_of, language, scan, found, rest)
    else:  # rule 7: "Expresses its conviction that the Committee should continue"
        if not alike or _holds(lowered, lang.hortatory_keys):
            _subjects(rules, rules_of.hortatory, language, scan, rest, found)
    if not alike or _holds(lowered, lang.need_keys):
        _subjects(rules, rules_of.need, language, scan, rest, found)  # rule 6
    return tuple(found)


def _holds(lowered: str, keys: tuple[str, ...]) -> bool:
    """Whether any of `keys` occurs in `lowered`: substring tests, in a loop, where `any`
    of a generator or of `map` costs more than the tests."""
    for key in keys:  # noqa: SIM110
        if key in lowered:
            return True
    return False


def _subjects(
    rules: _Rules,
    pattern: re.Pattern[str] | None,
    language: str,
    rest: str,
    printed: str,
    found: list[str],
) -> None:
    """The terms a template rule (4, 6, 7) finds as subjects in `rest` (the text after the
    opening words as printed, `printed`, or lowered)."""
    if pattern is None:
        return
    lowered = rest is not printed
    for match in word_starts(pattern, rest) if lowered else pattern.finditer(rest):
        _add(found, rules.concept_of[(language, _fold(match.group("term")))])


def _self_acting_rules(
    rules: _Rules, lang: _Language, language: str, rest: str, found: list[str], printed: str
) -> None:
    """Rules 3 and 4: "Decides to request X to", "Decides that X shall"; `rest` is the
    text after the opening words as printed (`printed`) or lowered."""
    if lang.after_opening is not None:
        window = rest[: rules.within + 40]
        if rest is printed:
            match = lang.after_opening.search(window)
        else:
            match = next(word_starts(lang.after_opening, window), None)
        if match is not None and match.start() <= rules.within:
            _named(rules, lang, language, rest, match.end(), found, printed)
    if rest is printed or _holds(rest, lang.subject_keys):  # the first look, lowered
        _subjects(rules, lang.subject, language, rest, printed, found)


def _has(pattern: re.Pattern[str] | None, keyword: str) -> bool:
    return pattern is not None and pattern.search(keyword) is not None


def _named(
    rules: _Rules,
    lang: _Language,
    language: str,
    text: str,
    at: int,
    found: list[str],
    printed: str | None = None,
) -> None:
    """The terms named from `at`: the first within `within`, the rest up to an `until` mark
    (looked for as printed: `printed`, when `text` is lowered)."""
    first = lang.first_term.match(text, at)
    if first is None:
        return
    end = _end(text if printed is None else printed, first.end("first"), lang.until)
    for match in lang.terms.finditer(text, first.start("first"), end):
        _add(found, rules.concept_of[(language, _fold(match.group("term")))])


def _add(found: list[str], concept: str) -> None:
    if concept not in found:
        found.append(concept)


def _end(text: str, after: int, marks: re.Pattern[str] | None) -> int:
    """Where the addressees end: the first `until` mark at or after `after`, else the end."""
    found = marks.search(text, after) if marks is not None else None
    return found.start() if found is not None else len(text)


def _any_of(marks: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern of the literal `marks`: a search finds the first place any stands (one
    scan that stops there, where a `str.find` of each mark scans on to its own)."""
    literals = list(dict.fromkeys(marks))  # at one place, any of them ends the addressees
    return re.compile("|".join(map(re.escape, literals))) if literals else None


_THANKS_AFTER = 20  # characters after the opening words where `thanking` may end


def thanked_of(text: str, keyword: str, language: str) -> tuple[str, ...]:
    """Whom a clause thanks, commends or expresses its appreciation or gratitude to, from
    the opening words (data/addressees.yaml `thanking`): not addressees, no one is asked
    to act.

    >>> thanked_of("Commends the Secretariat and Member States for", "Commends", "en")
    ('member-states',)
    >>> text = "EXPRESSES its deep appreciation to the Director-General for her efforts"
    >>> thanked_of(text, "EXPRESSES its deep appreciation", "en")
    ('director-general',)
    """
    return _thanked(_rules(), language, text, keyword)


def _thanked(
    rules: _Rules, language: str, text: str, keyword: str, lowered_text: str | None = None
) -> tuple[str, ...]:
    """`thanked_of`; `lowered_text` as for `_addressees`."""
    lang = rules.languages.get(language)
    if lang is None or lang.thanking is None:
        return ()
    end = text.find(keyword) if keyword else 0
    window = (end if end >= 0 else 0) + len(keyword) + _THANKS_AFTER
    head = text[:window]
    lowered = head.lower() if lowered_text is None else lowered_text[:window]
    alike = rules.lowered[language].thanking  # the same words lowered, case-sensitive
    if alike is not None and (lowered_text is not None or lowers_alike(head, lowered)):
        if not _holds(lowered, lang.thanking_keys):  # the first look: no phrase can match
            return ()
        match = next(word_starts(alike, lowered), None)  # faster than case-insensitive
    else:
        match = lang.thanking.search(head)
    found: list[str] = []
    if match is not None:
        _named(rules, lang, language, text, match.end(), found)
    return tuple(found)


def is_self_acting(keyword: str, language: str) -> bool:
    """Whether an opening verb is the body acting on itself (``Decides``, ``Adopts``)."""
    lang = _rules().languages.get(language)
    return lang is not None and _has(lang.self_acting, keyword)


def _from_subparagraphs(
    keyword: str,
    verb: _Verb,
    language: str,
    subs: tuple[SubParagraph, ...],
    chapeau: tuple[str, ...] = (),
) -> tuple[str, ...]:
    """Rule 5: an opening that ends with a colon takes what its sub-paragraphs name;
    `subs` as `_inherit` read them under `chapeau`: under none, a sub-paragraph holds
    what it names, which is not read again."""
    found: list[str] = []
    for sub in subs:
        # each sub-paragraph continues the opening words ("DECIDES: (1) to request ...")
        own = (
            _addressees(_rules(), language, f"{keyword} {sub.text}", keyword, verb)
            if chapeau
            else sub.addressees
        )
        for concept_id in own:
            _add(found, concept_id)
        nested = _from_subparagraphs(keyword, verb, language, sub.subparagraphs, sub.addressees)
        for concept_id in nested:
            _add(found, concept_id)
    return tuple(found)


def _inherit(
    keyword: str,
    verb: _Verb,
    language: str,
    subs: tuple[SubParagraph, ...],
    chapeau: tuple[str, ...],
) -> tuple[SubParagraph, ...]:
    """Each sub-paragraph with its addressees: those of its chapeau ("Requests the
    Secretary-General: (a) to ..."), else those it names itself as the continuation of
    the opening words ("Decides: (b) to request the Director-General ..."); a nested
    sub-paragraph likewise from its parent."""
    found = []
    for sub in subs:
        own = chapeau or _addressees(_rules(), language, f"{keyword} {sub.text}", keyword, verb)
        nested = _inherit(keyword, verb, language, sub.subparagraphs, own)
        found.append(replace(sub, addressees=own, subparagraphs=nested))
    return tuple(found)


def read_clause(clause: OperativeClause, language: str) -> OperativeClause:
    """The clause with its addressees, as `operative_clause` reads them."""
    return operative_clause(
        clause.keyword,
        clause.text,
        language,
        number=clause.number,
        concept=clause.concept,
        subparagraphs=clause.subparagraphs,
        marks=clause.marks,
    )


def operative_clause(
    keyword: str,
    text: str,
    language: str,
    number: int | None = None,
    concept: str | None = None,
    subparagraphs: tuple[SubParagraph, ...] = (),
    marks: tuple[FootnoteMark, ...] = (),
    heading: str | None = None,
) -> OperativeClause:
    """An operative clause with its addressees, or marked `self_acting` when it names none;
    its sub-paragraphs with theirs (`_inherit`); whom it thanks. Built once: a copy of a
    clause (`dataclasses.replace`) costs more than reading it. The clause is lowered once
    for the addressee rules and the thanks rule."""
    rules = _rules()
    named: tuple[str, ...] = ()
    lowered = text.lower()
    # None: each rule reads its piece of the text as printed, or lowers it
    lowered_text = lowered if lowers_alike(text, lowered) else None
    if language not in rules.languages:  # no rules: no addressee
        verb = _Verb(addressing=False, self_acting=False)
        subs = subparagraphs
    else:
        verb = _verb_of(language, keyword, concept)
        named = _addressees(rules, language, text, keyword, verb, lowered_text)
        subs = _inherit(keyword, verb, language, subparagraphs, named)
    if not named and subs and text.rstrip().endswith(":"):
        named = _from_subparagraphs(keyword, verb, language, subs)
    return OperativeClause(
        keyword=keyword,
        text=text,
        number=number,
        concept=concept,
        subparagraphs=subs,
        addressees=named,
        self_acting=not named and verb.self_acting,
        marks=marks,
        thanked=_thanked(rules, language, text, keyword, lowered_text),
        heading=heading,
    )
