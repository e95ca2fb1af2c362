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
from importlib import resources

import yaml

__all__ = ["fold"]


@cache
def _table() -> dict[int, str]:
    text = resources.files("respub.data").joinpath("site/search.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    return {ord(k): v for k, v in data["replace"].items()}


def fold(text: str) -> str:
    """`text` as it is indexed and matched."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", bare).translate(_table())
