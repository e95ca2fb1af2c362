"""`LiteralSet.present` finds exactly the literals `str.__contains__` finds, whatever
overlaps, nests or repeats (the literals of the body profiles, and random ones)."""

from __future__ import annotations

import random

from respub.knowledge.literals import LiteralSet
from respub.knowledge.profiles import _detector, known_bodies, profiles


def _expected(literals: list[str], text: str) -> set[str]:
    return {"", *(s for s in literals if s in text)}


def test_random_literals_overlapping_and_nested() -> None:
    draw = random.Random(12)
    alphabet = "abAB/.-é ل"
    for _ in range(400):
        literals = [
            "".join(draw.choice(alphabet) for _ in range(draw.randint(0, 4)))
            for _ in range(draw.randint(0, 12))
        ]
        text = "".join(draw.choice(alphabet) for _ in range(draw.randint(0, 60)))
        assert LiteralSet(literals).present(text) == _expected(literals, text), (literals, text)


def test_body_marks_on_built_texts() -> None:
    """The profiles' marks and identifier stems, run together, cut and overlapped."""
    literals = sorted(
        {m for p in (*profiles().values(), *known_bodies().values()) for m in p._marks[0]}
        | {s for p in (*profiles().values(), *known_bodies().values()) for s in p.identifier_stems}
    )
    found = _detector()[1]
    draw = random.Random(3)
    for _ in range(300):
        pieces = draw.sample(literals, draw.randint(0, 6))
        text = "".join(
            p[draw.randint(0, len(p) // 2) :] + draw.choice(["", " ", "/"]) for p in pieces
        )
        assert found.present(text) == _expected(literals, text), text
