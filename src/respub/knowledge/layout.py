"""Layout words per language, loaded from `respub/data/layout.yaml`.

>>> words = layout("en")
>>> "paragraph" in words.counted, "into" in words.dangling
(True, True)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from respub.knowledge.lexicon import fold, lexicon


@dataclass(frozen=True)
class Layout:
    """Words telling numbers from footnote marks, and cut titles from whole ones."""

    counted: frozenset[str]
    quantities: frozenset[str]
    ranges: frozenset[str]
    dangling: frozenset[str]
    months: frozenset[str]


@cache
def layout(language: str) -> Layout:
    """The layout words of `language`; empty sets for a language the file does not know."""
    raw = resources.files("respub.data").joinpath("layout.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(raw).get(language, {})

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
