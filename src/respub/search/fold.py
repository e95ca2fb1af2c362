"""Fold text for matching: lower case, no combining marks, letter variants merged.

>>> fold("Élaboré"), fold("ÉLABORE")
('elabore', 'elabore')
>>> fold("تُنَاشِدُ") == fold("تناشد")
True
>>> fold("إنفاذ القانون") == fold("انفاذ القانون")
True
"""

from __future__ import annotations

import unicodedata
from functools import cache

from respub.packaged import read_data

__all__ = ["fold"]


@cache
def _table() -> dict[int, str]:
    data = read_data("site/search.yaml")
    return {ord(k): v for k, v in data["replace"].items()}


@cache
def _marks() -> dict[int, None]:
    """Every combining mark (category Mn) of the Basic Multilingual Plane, to delete."""
    return {c: None for c in range(0x10000) if unicodedata.category(chr(c)) == "Mn"}


def fold(text: str) -> str:
    """`text` as it is indexed and matched."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = decomposed.translate(_marks())
    return unicodedata.normalize("NFC", bare).translate(_table())
