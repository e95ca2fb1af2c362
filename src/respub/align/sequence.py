"""A global sequence alignment (Needleman–Wunsch): pairs, or a gap where one side lacks an item.

Aligning clauses this way, instead of zipping them, keeps every clause after a missing
one paired with its true counterpart: the missing one shows as a gap.

>>> align("abcd", "abd", lambda x, y: 2.0 if x == y else -2.0, gap=-1.0)
[(0, 0), (1, 1), (2, None), (3, 2)]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")

Pair = tuple[int | None, int | None]


def align(a: Sequence[T], b: Sequence[T], score: Callable[[T, T], float], gap: float) -> list[Pair]:
    """The best-scoring alignment of `a` and `b`: index pairs, None for a gap, in order.

    A pair scoring below two gaps is never chosen, so unrelated items become two gaps.
    Ties prefer a pair, then a gap in `b`, so the result is deterministic.
    """
    n, m = len(a), len(b)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        best[i][0] = i * gap
    for j in range(1, m + 1):
        best[0][j] = j * gap
    pair_scores = [[score(x, y) for y in b] for x in a]
    for i in range(1, n + 1):
        row, above = best[i], best[i - 1]
        for j in range(1, m + 1):
            row[j] = max(above[j - 1] + pair_scores[i - 1][j - 1], above[j] + gap, row[j - 1] + gap)
    pairs: list[Pair] = []
    i, j = n, m
    while i > 0 or j > 0:
        if (
            i > 0
            and j > 0
            and best[i][j] == best[i - 1][j - 1] + pair_scores[i - 1][j - 1]
            and pair_scores[i - 1][j - 1] > 2 * gap
        ):
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif i > 0 and (j == 0 or best[i][j] == best[i - 1][j] + gap):
            pairs.append((i - 1, None))
            i -= 1
        else:
            pairs.append((None, j - 1))
            j -= 1
    pairs.reverse()
    return pairs
