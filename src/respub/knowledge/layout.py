"""Layout words per language, and the one table of clause marks (numbers, labels, clause
ends), loaded from `respub/data/layout.yaml`.

>>> words = layout("en")
>>> "paragraph" in words.counted, "into" in words.dangling
(True, True)
>>> bool(MARKS.numbered.match("12. Decides")), bool(MARKS.ends_clause.search("Recalling it,"))
(True, True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import cache
from typing import Any

from respub.knowledge.lexicon import fold, lexicon
from respub.packaged import read_data


@dataclass(frozen=True)
class Layout:
    """Words telling numbers from footnote marks, and cut titles from whole ones."""

    counted: frozenset[str]
    quantities: frozenset[str]
    ranges: frozenset[str]
    dangling: frozenset[str]
    months: frozenset[str]


@dataclass(frozen=True)
class ClauseMarks:
    """How clause numbers, sub-paragraph labels and clause ends are printed (any language);
    each field is the pattern of the same name in `layout.yaml`'s `clause_marks`."""

    label_alone: re.Pattern[str]
    numbered: re.Pattern[str]
    numbered_text: re.Pattern[str]
    misread_number: re.Pattern[str]
    first_numbered: re.Pattern[str]
    number_prefix: re.Pattern[str]
    labelled_line: re.Pattern[str]
    opens_clause: re.Pattern[str]
    clause_label: re.Pattern[str]
    labelled: re.Pattern[str]
    opens_part: re.Pattern[str]
    ends_sentence: re.Pattern[str]
    ends_clause: re.Pattern[str]
    ends_clause_marked: re.Pattern[str]


_PIECE = re.compile(r"\{(\w+)\}")


def clause_marks() -> ClauseMarks:
    """The clause marks of `layout.yaml`, each pattern's {pieces} filled in and compiled;
    `ValueError` names a pattern the table lacks."""
    data = _data()["clause_marks"]
    pieces: dict[str, str] = {str(k): str(v) for k, v in data["pieces"].items()}
    patterns: dict[str, str] = data["patterns"]
    found = {}
    for field in fields(ClauseMarks):
        if field.name not in patterns:
            raise ValueError(f"layout.yaml: clause_marks has no pattern {field.name!r}")
        source = _PIECE.sub(lambda m: pieces.get(m.group(1), m.group()), patterns[field.name])
        found[field.name] = re.compile(source)
    return ClauseMarks(**found)


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = read_data("layout.yaml")
    return data


MARKS = clause_marks()


@cache
def layout(language: str) -> Layout:
    """The layout words of `language`; empty sets for a language the file does not know."""
    data = _data().get(language, {})

    def words(key: str) -> frozenset[str]:
        return frozenset(fold(str(w)) for w in data.get(key) or [])

    months = frozenset(name for names in lexicon(language).months for name in names)
    return Layout(
        counted=words("counted"),
        quantities=words("quantities"),
        ranges=words("ranges"),
        dangling=words("dangling"),
        months=months,
    )
