"""Body profiles: what a deliberative body's resolutions look like, loaded from data files.

>>> detect_body("La Asamblea General de la OIPC-INTERPOL, en su 89ª reunión").code
'INTERPOL-GA'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from respub.knowledge.identifiers import search_pattern


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

    def pattern(self, name: str, language: str) -> re.Pattern[str] | None:
        """The profile's pattern `name` (e.g. "formula") for `language`, if any."""
        return self.patterns.get(name, {}).get(language)

    @property
    def identifier(self) -> re.Pattern[str]:
        """Finds the body's identifiers in running text (from the one identifier table)."""
        return search_pattern(self.identifier_styles)

    def score(self, text: str) -> int:
        """How many of the body's distinct marks occur in `text`, an identifier in one of its
        styles counting as one."""
        marks = sum(1 for p in self.detect if _occurs(p, text))
        return marks + (1 if self.identifier_styles and self.identifier.search(text) else 0)


_META = re.compile(r"[\\.^$*+?{}\[\]|()]")


@cache
def _is_literal(pattern: str) -> bool:
    return _META.search(pattern) is None


def _occurs(pattern: re.Pattern[str], text: str) -> bool:
    """`pattern.search(text)`, by plain substring search when the pattern is a literal."""
    if _is_literal(pattern.pattern):
        return pattern.pattern in text
    return pattern.search(text) is not None


_PATTERN_KEYS = ("number_line", "title_line", "formula", "session", "adopted", "session_line")


def _profile(data: dict[str, object]) -> BodyProfile:
    flags = re.MULTILINE
    patterns: dict[str, dict[str, re.Pattern[str]]] = {}
    for key in _PATTERN_KEYS:
        per_language = data.get(key) or {}
        assert isinstance(per_language, dict)
        patterns[key] = {lang: re.compile(p, flags) for lang, p in per_language.items()}
    closing = data.get("closing")
    styles = data.get("identifier_styles") or []
    assert isinstance(styles, list)
    detect = data["detect"]
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
    )


@cache
def profiles() -> dict[str, BodyProfile]:
    """Every body profile in `respub/data/bodies/`, by code."""
    folder = resources.files("respub.data").joinpath("bodies")
    found = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            profile = _profile(yaml.safe_load(entry.read_text(encoding="utf-8")))
            found[profile.code] = profile
    return found


def profile(code: str) -> BodyProfile:
    """The profile of a body code; `ValueError` lists the codes known."""
    known = profiles()
    if code not in known:
        raise ValueError(f"unknown body {code!r} (known: {', '.join(sorted(known))})")
    return known[code]


def detect_body(text: str) -> BodyProfile | None:
    """The body whose marks are most frequent in the first part of `text`."""
    head = text[:2000]
    scored = sorted(((p.score(head), p.code) for p in profiles().values()), reverse=True)
    if not scored or scored[0][0] == 0:
        return None
    return profiles()[scored[0][1]]
