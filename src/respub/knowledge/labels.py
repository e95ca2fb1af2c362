"""A sub-paragraph's place from its printed label, the same in every language version.

>>> places(["(a)", "(b)", "(c)"])
(1, 2, 3)
>>> places(["i)", "ii)", "iii)"]), places(["(أ)", "(ب)"])
((1, 2, 3), (1, 2))
>>> places(["(a)", "(d)"]) is None  # a label out of sequence: no language-independent key
True
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from respub.packaged import read_data

__all__ = ["places"]


@cache
def _sequences() -> tuple[tuple[str, ...], ...]:
    data = read_data("labels.yaml")["sequences"]
    return tuple(tuple(str(label) for label in labels) for labels in data.values())


def places(labels: Sequence[str]) -> tuple[int, ...] | None:
    """1, 2, … n when the labels (brackets and dots aside) are exactly the first n of one
    sequence of `data/labels.yaml`; None otherwise (or for no labels)."""
    bare = [label.strip().strip("().[]").strip().casefold() for label in labels]
    if not bare:
        return None
    for sequence in _sequences():
        if tuple(bare) == sequence[: len(bare)]:
            return tuple(range(1, len(bare) + 1))
    return None
