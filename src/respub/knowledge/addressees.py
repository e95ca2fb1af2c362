"""Addressees of operative clauses (whom a clause calls on, urges, requests), from data.

The terms, the verbs that address someone and where the addressees end are in
``data/addressees.yaml``; see there how a clause is read. Pure: text in, concept ids out.

>>> text = "Requests the Secretary-General to bring to the attention of Member States"
>>> addressees_of(text, "Requests", "requests", "en")
('secretary-general',)
>>> text = "Calls upon Member States, the United Nations and civil society to act"
>>> addressees_of(text, "Calls upon", "calls-upon", "en")
('member-states', 'united-nations-system', 'civil-society')
>>> addressees_of("Decides to include the item", "Decides", "decides", "en")
()
>>> addressees_of("تحث جميع البلدان الأعضاء على أن تتخذ", "تحث", "urges", "ar")
('member-states',)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any

import yaml

from respub.model import OperativeClause

__all__ = ["AddresseeConcept", "addressee_concepts", "addressees_of", "with_addressees"]


@dataclass(frozen=True)
class AddresseeConcept:
    """An addressee: its id, labels and definitions by language."""

    id: str
    labels: dict[str, str]
    definitions: dict[str, str]


@dataclass(frozen=True)
class _Rules:
    addressing: frozenset[str]
    within: int
    until: dict[str, tuple[str, ...]]
    terms: dict[str, re.Pattern[str]]  # language -> one alternation, longest terms first
    concept_of: dict[tuple[str, str], str]  # (language, folded term) -> concept id
    concepts: tuple[AddresseeConcept, ...]


@cache
def _data() -> dict[str, Any]:
    text = resources.files("respub.data").joinpath("addressees.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
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
                concept_of[(str(language), str(term).casefold())] = str(concept)
    patterns = {
        language: re.compile(
            r"(?<!\w)(?:"
            + "|".join(re.escape(t) for t in sorted(set(terms), key=lambda t: (-len(t), t)))
            + r")(?!\w)",
            re.IGNORECASE,
        )
        for language, terms in by_language.items()
    }
    return _Rules(
        addressing=frozenset(str(c) for c in data["addressing"]),
        within=int(data["within"]),
        until={str(k): tuple(str(m) for m in v) for k, v in data["until"].items()},
        terms=patterns,
        concept_of=concept_of,
        concepts=tuple(concepts),
    )


def addressee_concepts() -> tuple[AddresseeConcept, ...]:
    """Every addressee concept of the data, in its order."""
    return _rules().concepts


def addressees_of(text: str, keyword: str, concept: str | None, language: str) -> tuple[str, ...]:
    """The addressee concepts of an operative clause, in the order they are named."""
    rules = _rules()
    pattern = rules.terms.get(language)
    if concept not in rules.addressing or pattern is None:
        return ()
    start = text.casefold().find(keyword.casefold()) if keyword else -1
    rest = text[start + len(keyword) :] if start >= 0 else text
    matches = list(pattern.finditer(rest))
    if not matches or matches[0].start() > rules.within:
        return ()
    end = _end(rest, matches[0].end(), rules.until.get(language, ()))
    found: list[str] = []
    for match in matches:
        if match.start() >= end:
            break
        concept_id = rules.concept_of[(language, match.group(0).casefold())]
        if concept_id not in found:
            found.append(concept_id)
    return tuple(found)


def _end(text: str, after: int, marks: tuple[str, ...]) -> int:
    """Where the addressees end: the first `until` mark at or after `after`, else the end."""
    positions = [p for p in (text.find(m, after) for m in marks) if p >= 0]
    return min(positions, default=len(text))


def with_addressees(
    clauses: tuple[OperativeClause, ...], language: str
) -> tuple[OperativeClause, ...]:
    """The operative clauses, each with the addressees its text names."""
    return tuple(
        replace(c, addressees=addressees_of(c.text, c.keyword, c.concept, language))
        for c in clauses
    )
