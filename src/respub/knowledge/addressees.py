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
from functools import cache
from importlib import resources
from typing import Any

import yaml

from respub.knowledge.firstlook import key_words, lowers_alike, word_starts
from respub.model import OperativeClause, SubParagraph

__all__ = [
    "AddresseeConcept",
    "addressee_concepts",
    "addressees_of",
    "is_self_acting",
    "read_clause",
    "with_addressees",
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
    until: tuple[str, ...]
    addressing_verbs: re.Pattern[str] | None  # rule 1, matched in the opening words
    later: re.Pattern[str] | None  # rule 2
    later_keys: tuple[str, ...]  # a word of each `later` phrase: a cheap first look
    self_acting: re.Pattern[str] | None  # matched in the opening words
    after_opening: re.Pattern[str] | None  # rule 3
    subject: re.Pattern[str] | None  # rule 4: group `term`
    need: re.Pattern[str] | None  # rule 6: group `term`
    hortatory: re.Pattern[str] | None  # rule 7: group `term`


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
    text = resources.files("respub.data").joinpath("addressees.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _alternation(phrases: Iterable[str], lower: bool = False) -> str:
    """One alternation, longest phrase first; a space matches any run of whitespace;
    `lower`: the phrases lowered (a pattern for lowered text, see `_Rules.lowered`)."""
    distinct = {str(p).lower() if lower else str(p) for p in phrases}
    ordered = sorted(distinct, key=lambda t: (-len(t), t))
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered)


def _words(phrases: list[str] | None, lower: bool = False) -> re.Pattern[str] | None:
    if not phrases:
        return None
    return re.compile(rf"(?<!\w)(?:{_alternation(phrases, lower)})(?!\w)", _flags(lower))


def _flags(lower: bool) -> int:
    """A pattern of lowered phrases is matched case-sensitively in lowered text."""
    return 0 if lower else re.IGNORECASE


def _proclitic(letters: list[str] | None, lower: bool = False) -> str:
    """Letters written on the next word (Arabic ب, و, ل: "بجميع الدول"), optional."""
    return f"(?:{_alternation(letters, lower)})?" if letters else ""


def _later(
    phrases: list[str] | None, joins: list[str] | None, lower: bool = False
) -> re.Pattern[str] | None:
    """Rule 2: a phrase at the start of the text, or after a comma, semicolon or `joins`
    word ("..., and calls upon"; Arabic "وتحث": the conjunction is written on the verb)."""
    if not phrases:
        return None
    join = rf"(?<!\w)(?:{_alternation(joins, lower)})\s*" if joins else r"(?!)"
    return re.compile(
        rf"(?:\A\s*|[,;،؛]\s*(?:{join})?|{join})(?:{_alternation(phrases, lower)})(?!\w)",
        _flags(lower),
    )


# The pieces of a rule-4 template (data/addressees.yaml `subject`); the spaces between
# pieces match any run of whitespace, or none (French "qu'", "l'" are written on the word).
_ASIDE = r"(?:,?[^,;:]{0,300},)?"  # one parenthetical phrase, ended by a comma
_VERB = r"[^\W\d_]+"  # a word of letters
_WORD_END = r"(?:(?<=['’])|(?!\w))"  # a whole word, or one written on the next ("qu'", "l'")


@dataclass(frozen=True)
class _Template:
    """The data keys of one template rule: the template, the words it opens with, the
    modals it may end with."""

    template: str
    opens: str
    modals: str


SUBJECT = _Template("subject", "that", "modals")  # rule 4
NEED = _Template("need", "need_for", "need_modals")  # rule 6
HORTATORY = _Template("hortatory", "hortatory_that", "hortatory_modals")  # rule 7


def _subject(
    data: dict[str, Any],
    language: str,
    terms: list[str],
    lower: bool = False,
    keys: _Template = SUBJECT,
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
        "that": rf"{behind}(?:{_alternation(that, lower)}){_WORD_END}",
        "aside": _ASIDE,
        "article": rf"(?:(?:{_alternation(articles, lower)}){_WORD_END})?" if articles else "",
        "term": rf"(?P<term>{_alternation(subjects, lower)})(?!\w)",
        "modal": rf"(?:{_alternation(modals, lower)})(?!\w)" if modals else "(?!)",
        "verb": rf"{_VERB}(?!\w)",
    }
    names = re.findall(r"\{(\w+)\}", str(template))
    if not names or names[0] != "that" or any(n not in pieces for n in names):
        raise ValueError(
            f"addressees.yaml: {keys.template} of {language!r}: {template!r} must open "
            "with {that} and use only known pieces"
        )
    return re.compile(r"\s*".join(pieces[n] for n in names if pieces[n]), _flags(lower))


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

    proclitic = _proclitic(listed("proclitics"), lower)
    return _Language(
        terms=re.compile(
            rf"(?<!\w){proclitic}(?P<term>{_alternation(terms, lower)})(?!\w)", _flags(lower)
        ),
        until=tuple(str(m) for m in data["until"].get(language, ())),
        addressing_verbs=_words(listed("addressing_verbs")),
        later=_later(listed("later"), listed("joins"), lower),
        later_keys=key_words(listed("later") or []),
        self_acting=_words(listed("self_acting")),
        after_opening=_words(listed("after_opening"), lower),
        subject=_subject(data, language, terms, lower),
        need=_subject(data, language, terms, lower, NEED),
        hortatory=_subject(data, language, terms, lower, HORTATORY),
    )


def _fold(term: str) -> str:
    return " ".join(term.casefold().split())


def addressee_concepts() -> tuple[AddresseeConcept, ...]:
    """Every addressee concept of the data, in its order."""
    return _rules().concepts


def _after_keyword(text: str, keyword: str) -> str:
    if keyword and text.startswith(keyword):  # as a rule: the fold below finds it at 0
        return text[len(keyword) :]
    start = text.casefold().find(keyword.casefold()) if keyword else -1
    return text[start + len(keyword) :] if start >= 0 else text


def addressees_of(text: str, keyword: str, concept: str | None, language: str) -> tuple[str, ...]:
    """The addressee concepts of an operative clause, in the order they are named."""
    rules = _rules()
    lang = rules.languages.get(language)
    if lang is None:
        return ()
    rest = _after_keyword(text, keyword)
    found: list[str] = []
    opening = concept in rules.addressing or _has(lang.addressing_verbs, keyword)
    lowered = rest.lower()
    alike = lowers_alike(rest, lowered)
    scan, rules_of = (lowered, rules.lowered[language]) if alike else (rest, lang)
    if opening:  # rule 1
        _named(rules, rules_of, language, scan, 0, found, rest)
    # the first look of `may_occur`, on the lowered text at hand
    if rules_of.later is not None and (not alike or any(k in lowered for k in lang.later_keys)):
        for match in rules_of.later.finditer(scan):  # rule 2
            _named(rules, rules_of, language, scan, match.end(), found, rest)
    if not opening and _has(lang.self_acting, keyword):
        _self_acting_rules(rules, rules_of, language, scan, found, rest)
    else:  # rule 7: "Expresses its conviction that the Committee should continue"
        _subjects(rules, rules_of.hortatory, language, scan, rest, found)
    _subjects(rules, rules_of.need, language, scan, rest, found)  # rule 6
    return tuple(found)


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
        match = lang.after_opening.search(rest, 0, rules.within + 40)
        if match is not None and match.start() <= rules.within:
            _named(rules, lang, language, rest, match.end(), found, printed)
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
    first = lang.terms.search(text, at)
    if first is None or first.start() - at > rules.within:
        return
    end = _end(text if printed is None else printed, first.end(), lang.until)
    for match in lang.terms.finditer(text, first.start(), end):
        _add(found, rules.concept_of[(language, _fold(match.group("term")))])


def _add(found: list[str], concept: str) -> None:
    if concept not in found:
        found.append(concept)


def _end(text: str, after: int, marks: tuple[str, ...]) -> int:
    """Where the addressees end: the first `until` mark at or after `after`, else the end."""
    positions = [p for p in (text.find(m, after) for m in marks) if p >= 0]
    return min(positions, default=len(text))


def is_self_acting(keyword: str, language: str) -> bool:
    """Whether an opening verb is the body acting on itself (``Decides``, ``Adopts``)."""
    lang = _rules().languages.get(language)
    return lang is not None and _has(lang.self_acting, keyword)


def _from_subparagraphs(
    clause: OperativeClause, language: str, subs: tuple[SubParagraph, ...]
) -> tuple[str, ...]:
    """Rule 5: an opening that ends with a colon takes what its sub-paragraphs name."""
    found: list[str] = []
    for sub in subs:
        # each sub-paragraph continues the opening words ("DECIDES: (1) to request ...")
        text = f"{clause.keyword} {sub.text}"
        for concept in addressees_of(text, clause.keyword, clause.concept, language):
            _add(found, concept)
        for concept in _from_subparagraphs(clause, language, sub.subparagraphs):
            _add(found, concept)
    return tuple(found)


def _inherit(
    clause: OperativeClause, language: str, subs: tuple[SubParagraph, ...], chapeau: tuple[str, ...]
) -> tuple[SubParagraph, ...]:
    """Each sub-paragraph with its addressees: those of its chapeau ("Requests the
    Secretary-General: (a) to ..."), else those it names itself as the continuation of
    the opening words ("Decides: (b) to request the Director-General ..."); a nested
    sub-paragraph likewise from its parent."""
    found = []
    for sub in subs:
        own = chapeau or addressees_of(
            f"{clause.keyword} {sub.text}", clause.keyword, clause.concept, language
        )
        nested = _inherit(clause, language, sub.subparagraphs, own)
        found.append(replace(sub, addressees=own, subparagraphs=nested))
    return tuple(found)


def read_clause(clause: OperativeClause, language: str) -> OperativeClause:
    """The clause with its addressees, or marked `self_acting` when it names none; its
    sub-paragraphs with theirs (`_inherit`)."""
    named = addressees_of(clause.text, clause.keyword, clause.concept, language)
    subs = _inherit(clause, language, clause.subparagraphs, named)
    if not named and clause.subparagraphs and clause.text.rstrip().endswith(":"):
        named = _from_subparagraphs(clause, language, clause.subparagraphs)
    acting = not named and is_self_acting(clause.keyword, language)
    return replace(clause, addressees=named, self_acting=acting, subparagraphs=subs)


def with_addressees(
    clauses: tuple[OperativeClause, ...], language: str
) -> tuple[OperativeClause, ...]:
    """The operative clauses, each with the addressees its text names (see `read_clause`)."""
    return tuple(read_clause(c, language) for c in clauses)
