"""Body profiles: what a deliberative body's resolutions look like, loaded from data files.

>>> detect_body("La Asamblea General de la OIPC-INTERPOL, en su 89ª reunión").code
'INTERPOL-GA'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import NamedTuple

from respub.knowledge.firstlook import alternatives
from respub.knowledge.identifiers import looks, search_pattern, style
from respub.knowledge.literals import LiteralSet
from respub.packaged import read_data

_NONE: dict[str, re.Pattern[str]] = {}  # the patterns of a name no profile gives


@dataclass(frozen=True)
class BodyProfile:
    """One body's conventions: names, clause style and the patterns of its documents."""

    code: str
    iri_segment: str
    names: dict[str, str]
    detect: tuple[re.Pattern[str], ...]
    clause_style: str
    identifier_styles: tuple[str, ...]
    patterns: dict[str, dict[str, re.Pattern[str]]]
    closing: re.Pattern[str] | None
    numbered_status: str | None = None  # the status a resolution number implies, if any
    origin: str = "profile"  # "profile" (hand-written), "table" (known bodies) or "generic"
    same_as: tuple[str, ...] = ()  # well-known IRIs of the same body (skos:exactMatch)
    title_after_heading: bool = False  # the title is the heading's text before the formula

    def pattern(self, name: str, language: str) -> re.Pattern[str] | None:
        """The profile's pattern `name` (e.g. "formula") for `language`, if any."""
        return self.patterns.get(name, _NONE).get(language)

    @cached_property
    def identifier_stems(self) -> tuple[str, ...]:
        """Literals one of which any identifier of the body contains (a cheap first look)."""
        return _stems(self.identifier_styles)

    @cached_property
    def identifier(self) -> re.Pattern[str]:
        """Finds the body's identifiers in running text (from the one identifier table)."""
        return search_pattern(self.identifier_styles)

    def find_identifier(self, text: str) -> re.Match[str] | None:
        """The first of the body's identifiers in `text`: the pattern is tried only when a
        literal every identifier of the body contains occurs (a cheap first look)."""
        return self.identifier.search(text) if self.may_hold_identifier(text) else None

    def may_hold_identifier(self, text: str) -> bool:
        """False only when `text` holds none of the body's identifiers: none of the literals
        one of which each of them contains (a text holding none of a few lines holds none
        in any line of them)."""
        stems = self.identifier_stems
        return not stems or any(map(text.__contains__, stems))

    def score(self, text: str, language: str | None = None) -> int:
        """How many of the body's distinct marks occur in `text`; an identifier in one of its
        styles counts one, its enacting formula two (the strongest sign)."""
        own = LiteralSet([*self._marks[0], *self.identifier_stems])
        return self.scored(text, language, own.present(text))

    def scored(self, text: str, language: str | None, literals: set[str]) -> int:
        """`score`, given which of the body's literal marks and identifier stems occur in
        `text` (`literals`): scoring many profiles on one text finds the literals of all of
        them in one pass."""
        marks_, regexes = self._marks
        marks = sum(map(literals.__contains__, marks_)) + sum(1 for p in regexes if p.search(text))
        identified = not literals.isdisjoint(self.identifier_stems)
        return marks + self.heading_marks(text, language, identified)

    def heading_marks(
        self,
        text: str,
        language: str | None,
        identified: bool,
        lines: dict[str, re.Match[str] | None] | None = None,
    ) -> int:
        """The marks of `score` that are no detect mark: one for an identifier of the body
        (looked for when `identified`: a stem of its styles occurs), two for its formula
        on a line (where `fold(text)` holds the formula's stem). `lines` keeps each
        formula's match on a line of `text` by its source, for the next profile (bodies
        share formulas: "The General Conference,")."""
        marks = 0
        symbol = self.identifier.search(text) if identified else None
        marks += symbol is not None
        formulas = self._formulas
        chosen = formulas[language] if language in formulas else formulas[None]
        lines = {} if lines is None else lines
        for stem, formula in chosen:
            if formula.pattern not in lines:  # (every formula has the same flags)
                lines[formula.pattern] = line_match(formula, text)
            found = lines[formula.pattern]
            # the stem is in the folded match (a part of the folded text), but for a
            # character whose fold the pattern's case-insensitive match ignores ("İ")
            if found and (stem in fold(found.group()) or stem in fold(text)):
                return marks + 2
        if symbol is not None:
            # a text layer that runs the heading and the formula together on one line
            end = text.find("\n", symbol.end())
            line = text[symbol.end() : end if end >= 0 else len(text)]
            marks += 2 * any(unanchored(f).search(line) for _, f in chosen)
        return marks

    @cached_property
    def name_forms(self) -> frozenset[str]:
        """The body's names and literal marks, case folded: a heading line that is one of
        them names the body, not a resolution ("EXECUTIVE BOARD")."""
        return frozenset(fold(t) for t in (*self.names.values(), *self._marks[0]))

    @cached_property
    def _marks(self) -> tuple[tuple[str, ...], tuple[re.Pattern[str], ...]]:
        """The detect marks split once: literals (found by substring search) and patterns."""
        found = [(p, _literal_text(p.pattern)) for p in self.detect]
        literals = tuple(text for _, text in found if text is not None)
        regexes = tuple(p for p, text in found if text is None)
        return literals, regexes

    @cached_property
    def _formulas(self) -> dict[str | None, tuple[tuple[str, re.Pattern[str]], ...]]:
        """(stem, formula) per language, and under None every language's (computed once)."""
        formulas = self.patterns.get("formula", {})
        found: dict[str | None, tuple[tuple[str, re.Pattern[str]], ...]] = {
            lang: ((_stem(f), f),) for lang, f in formulas.items()
        }
        found[None] = tuple((_stem(f), f) for f in formulas.values())
        return found


def fold(text: str) -> str:
    """`text` with its spaces collapsed and case folded, where formula stems are looked for.

    >>> fold("The  Security\\nCOUNCIL")
    'the security council'
    """
    return " ".join(text.split()).casefold()


def line_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """A match of `pattern` (anchored at a line start: "(?i)^The Council,", MULTILINE) on a
    line of `text`, found where `pattern.search` finds one, or None; a match after the first
    line holds the newline that opens it. Fast: the engine tries a line-anchored pattern at
    every position, while one opened by a newline skips from newline to newline.

    >>> line_match(re.compile(r"^The Council,", re.M), "Heading\\nThe Council, a").group()
    '\\nThe Council,'
    """
    return line_matcher(pattern)(text)


def line_matcher(pattern: re.Pattern[str]) -> Callable[[str], re.Match[str] | None]:
    """`line_match` of `pattern` as a function of the text, the pattern's form looked at
    once: for a loop over many lines.

    >>> [bool(line_matcher(re.compile(r"^A", re.M))(t)) for t in ["A", "b\\nA", "bA"]]
    [True, True, False]
    """
    after_newline = _after_newline(pattern.pattern, pattern.flags)
    if after_newline is None:
        return pattern.search
    match, search = pattern.match, after_newline.search

    def matched(text: str) -> re.Match[str] | None:
        found = match(text)
        if found is None and "\n" in text:  # (a one-line text is looked at once)
            found = search(text)
        return found

    return matched


# The patterns derived from a pattern are cached by its source and flags: a compiled
# pattern hashes its compiled code, again at every look-up.


@cache
def _after_newline(source: str, flags: int) -> re.Pattern[str] | None:
    """A MULTILINE pattern whose every match starts at a line start (each alternative opens
    with "^": "^3rd plenary meeting|^3e séance plénière"), opened by a newline instead;
    None for any other pattern."""
    found = re.match(r"(?:\(\?\w+\))?", source)
    inline = found.group() if found else ""
    branches = alternatives(source[len(inline) :])
    if not flags & re.MULTILINE or not all(b.startswith("^") for b in branches):
        return None
    return re.compile(f"{inline}\\n(?:{'|'.join(b[1:] for b in branches)})", flags)


def unanchored(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A pattern anchored at the start of a line (a formula), found anywhere in a line.

    >>> unanchored(re.compile(r"(?i)^The Council,")).search("S/RES/1 The Council,").start()
    8
    """
    return _unanchored(pattern.pattern, pattern.flags)


@cache
def _unanchored(source: str, flags: int) -> re.Pattern[str]:
    return re.compile(re.sub(r"^(\(\?\w+\))?\^", r"\1", source), flags)


@cache
def _stems(styles: tuple[str, ...]) -> tuple[str, ...]:
    """The stems of every style, each once (two styles may share one: "A/RES/")."""
    return tuple(dict.fromkeys(literal for s in styles for literal in looks(style(s))))


_META = re.compile(r"[\\.^$*+?{}\[\]|()]")


@cache
def _is_literal(pattern: str) -> bool:
    return _META.search(pattern) is None


_ESCAPED = re.compile(r"\\(.)")


def _literal_text(pattern: str) -> str | None:
    r"""The one text `pattern` matches when it is a literal: itself without special
    characters, or a mark `_literal` escaped; None for any other pattern.

    >>> _literal_text("INTERPOL"), _literal_text(r"C/Res\."), _literal_text("L[’']A")
    ('INTERPOL', 'C/Res.', None)
    """
    if _is_literal(pattern):
        return pattern
    text = _ESCAPED.sub(r"\1", pattern)
    return text if re.escape(text) == pattern else None


@cache
def _stem(formula: re.Pattern[str]) -> str:
    """The literal words a formula pattern opens with, case folded ("the security council"):
    text without them cannot match it."""
    bare = re.sub(r"^(?:\(\?i\))?\^", "", formula.pattern)
    found = re.match(r"[^\\.^$*+?{}\[\]|()]*", bare)
    literal = found.group() if found else ""
    cut = len(literal) - 1 if bare[len(literal) : len(literal) + 1] in ("?", "*", "{") else None
    return literal[:cut].strip().casefold()


_PATTERN_KEYS = (
    "number_line",
    "title_line",
    "formula",
    "session",
    "adopted",
    "session_line",
    "heading_line",
)


def _profile(data: dict[str, object], origin: str = "profile") -> BodyProfile:
    flags = re.MULTILINE
    patterns: dict[str, dict[str, re.Pattern[str]]] = {}
    for key in _PATTERN_KEYS:
        per_language = data.get(key) or {}
        assert isinstance(per_language, dict)
        patterns[key] = {lang: re.compile(p, flags) for lang, p in per_language.items()}
    closing = data.get("closing")
    styles = data.get("identifier_styles") or []
    assert isinstance(styles, list)
    detect = data.get("detect") or []
    names = data["names"]
    assert isinstance(detect, list) and isinstance(names, dict)
    return BodyProfile(
        code=str(data["code"]),
        iri_segment=str(data["iri_segment"]),
        names={str(k): str(v) for k, v in names.items()},
        detect=tuple(re.compile(p) for p in detect),
        clause_style=str(data["clause_style"]),
        identifier_styles=tuple(str(s) for s in styles),
        patterns=patterns,
        closing=re.compile(str(closing), flags) if closing else None,
        numbered_status=str(data["numbered_status"]) if data.get("numbered_status") else None,
        origin=origin,
        same_as=_same_as(data),
        title_after_heading=data.get("title_after_heading") is True,
    )


_IRI = re.compile(r"https?://[^\s<>\"{}|\\^`]+")


def _same_as(data: dict[str, object]) -> tuple[str, ...]:
    """A body's `same_as`: absolute http(s) IRIs of the same body elsewhere (verified by
    whoever adds them: an authority table, Wikidata); `ValueError` on anything else."""
    found = data.get("same_as") or []
    if not isinstance(found, list) or not all(
        isinstance(i, str) and _IRI.fullmatch(i) for i in found
    ):
        raise ValueError(f"body {data.get('code')}: same_as must be a list of http(s) IRIs")
    return tuple(found)


@cache
def profiles() -> dict[str, BodyProfile]:
    """Every hand-written body profile in `respub/data/bodies/`, by code."""
    folder = resources.files("respub.data").joinpath("bodies")
    found = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            profile = _profile(read_data(f"bodies/{entry.name}"))
            found[profile.code] = profile
    return found


@cache
def known_bodies() -> dict[str, BodyProfile]:
    """The bodies of `known-bodies.yaml` without a hand-written profile, each parsed with the
    shared conventions of `generic.yaml`, its own formula and identifier styles."""
    generic = read_data("generic.yaml")
    found = {}
    for entry in read_data("known-bodies.yaml"):
        if entry["code"] in profiles():
            continue  # a hand-written profile refines the body
        formula = {lang: f"(?i)^{p}" for lang, p in entry["formula"].items()}
        data = {
            **generic,
            **entry,
            "formula": formula,
            "detect": [_literal(m) for m in entry.get("marks", [])],
        }
        found[entry["code"]] = _profile(data, origin="table")
    return found


def _literal(mark: str) -> str:
    """A mark as a pattern: itself when it has no special character (searched as a plain
    substring, much faster), else escaped."""
    return mark if _META.search(mark) is None else re.escape(mark)


@cache
def unknown_body() -> BodyProfile:
    """The profile of a body nobody has described: the shared conventions alone."""
    names = {
        "en": "Unknown body",
        "fr": "Organe inconnu",
        "es": "Órgano desconocido",
        "ar": "هيئة غير معروفة",
    }
    return _profile(
        {**read_data("generic.yaml"), "code": "unknown", "iri_segment": "unknown", "names": names},
        "generic",
    )


def profile(code: str) -> BodyProfile:
    """The profile of a body code (hand-written, else from the table of known bodies);
    `ValueError` lists the codes known."""
    found = profiles().get(code) or known_bodies().get(code)
    if found is None:
        known = sorted([*profiles(), *known_bodies()])
        raise ValueError(f"unknown body {code!r} (known: {', '.join(known)})")
    return found


def detect_body(text: str, language: str | None = None) -> BodyProfile | None:
    """The body whose marks score highest in the first part of `text`: hand-written profiles
    and the table of known bodies alike (a tie goes to the hand-written profile)."""
    head = _dedented(text[:2000])
    detector = _detector()
    found = detector.literals.present(head)
    counts = [0] * len(detector.candidates)
    for literal in found:  # each body's literal marks, counted from the literals found
        for index in detector.marked.get(literal, ()):
            counts[index] += 1
    for index, choices in detector.choices:  # one mark, whichever of its texts occurs
        counts[index] += not found.isdisjoint(choices)
    for index, pattern in detector.patterns:
        counts[index] += pattern.search(head) is not None
    lines: dict[str, re.Match[str] | None] = {}
    # heading_marks adds 1 for an identifier (looked for where a stem of its styles occurs)
    # and 2 for the formula: the candidates are looked at from the most they can score down
    # (a stable sort: the first of equals first), until none left can beat the best so far
    # (score more, or as much and come first)
    bounds = [count + 3 for count in counts]
    best, chosen = (0, 1), None  # (marks, -index) of the best: none scoring no mark
    for index in sorted(range(len(bounds)), key=bounds.__getitem__, reverse=True):
        if (bounds[index], -index) < best:
            break
        candidate = detector.candidates[index]
        identified = any(stem in head for stem in candidate.identifier_stems)
        marks = counts[index] + candidate.heading_marks(head, language, identified, lines)
        if (marks, -index) > best:
            best, chosen = (marks, -index), candidate
    return chosen


_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)
_INDENTED_LINE = re.compile(r"\n[ \t]")


def _dedented(text: str) -> str:
    """`text` with its lines' indentation gone: a text layer that keeps the layout's
    indentation ("      The Economic and Social Council,") still opens lines with formulas.

    >>> _dedented("  A\\n\\tB\\nC"), _dedented("A\\nB \\tC")
    ('A\\nB\\nC', 'A\\nB \\tC')
    """
    if text[:1] in (" ", "\t") or _INDENTED_LINE.search(text):  # (one pass over the text)
        return _INDENT.sub("", text)
    return text


class _Detector(NamedTuple):
    candidates: tuple[BodyProfile, ...]
    literals: LiteralSet  # every literal mark of them all, and the texts of `choices`
    marked: dict[str, tuple[int, ...]]  # a literal mark -> the candidates it counts for
    choices: tuple[tuple[int, frozenset[str]], ...]  # marks of a few texts (`_choices`)
    patterns: tuple[tuple[int, re.Pattern[str]], ...]  # each candidate's other marks


@cache
def _detector() -> _Detector:
    """Every profile detect_body scores, and the literal marks of all of them as one set,
    compiled once, with whose each is. (Their identifier stems are no part of it: the
    few candidates looked at look for their own, where the set, holding short stems
    opening with "." or "/", would try many more places.)"""
    candidates = (*profiles().values(), *known_bodies().values())
    marked: dict[str, list[int]] = {}
    for index, candidate in enumerate(candidates):
        for mark in candidate._marks[0]:  # a mark listed twice counts twice
            marked.setdefault(mark, []).append(index)
    others = [(i, p, _choices(p.pattern)) for i, c in enumerate(candidates) for p in c._marks[1]]
    choices = tuple((i, frozenset(texts)) for i, _, texts in others if texts is not None)
    patterns = tuple((i, p) for i, p, texts in others if texts is None)
    literals = LiteralSet([*marked, *(text for _, texts in choices for text in texts)])
    return _Detector(
        candidates, literals, {k: tuple(v) for k, v in marked.items()}, choices, patterns
    )


_CHOICE = re.compile(r"(?P<before>[^\[\]]*)\[(?P<chars>[^\]\\^-]+)\](?P<after>[^\[\]]*)")


def _choices(pattern: str) -> tuple[str, ...] | None:
    """The texts a mark matches when it is literal text but for one class of characters
    (each text found by the literal search); None for any other pattern.

    >>> _choices("L[’']A."), _choices(r"L[’']A\\."), _choices(r"L[’']\\d")
    (None, ('L’A.', "L'A."), None)
    """
    found = _CHOICE.fullmatch(pattern)
    if found is None:
        return None
    before, after = _literal_text(found["before"]), _literal_text(found["after"])
    if before is None or after is None:
        return None
    return tuple(before + char + after for char in dict.fromkeys(found["chars"]))
