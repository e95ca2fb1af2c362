"""`LiteralSet.present` finds exactly the literals `str.__contains__` finds, whatever
overlaps, nests or repeats (the literals of the body profiles, and random ones)."""

from __future__ import annotations

import random
import re

from respub.knowledge.firstlook import alternatives
from respub.knowledge.literals import LiteralSet
from respub.knowledge.profiles import _detector, known_bodies, line_match, profiles


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
    """The profiles' marks and identifier stems (as `score` looks for them), run together,
    cut and overlapped."""
    literals = sorted(
        {m for p in (*profiles().values(), *known_bodies().values()) for m in p._marks[0]}
        | {s for p in (*profiles().values(), *known_bodies().values()) for s in p.identifier_stems}
    )
    found = LiteralSet(literals)
    draw = random.Random(3)
    for _ in range(300):
        pieces = draw.sample(literals, draw.randint(0, 6))
        text = "".join(
            p[draw.randint(0, len(p) // 2) :] + draw.choice(["", " ", "/"]) for p in pieces
        )
        assert found.present(text) == _expected(literals, text), text


def test_line_anchored_formulas_found_alike() -> None:
    """`line_match` answers as `search` does, and finds the same match, for every
    formula and session line of every body, on texts of formula lines cut, joined and cased
    at random, and on patterns it must not rewrite."""
    formulas = [f for p in _detector()[0] for f in p.patterns["formula"].values()]
    formulas += [p.closing for p in _detector()[0] if p.closing is not None]  # "^3rd|^3e"
    formulas += [re.compile(s, re.M) for s in (r"^a|b", r"(?i)^[|]x", r"^(?:a|b)c", r"^b|^ac")]
    formulas.append(re.compile(r"^The Council"))  # not MULTILINE: left to `search`
    formulas += [f for p in _detector()[0] for f in p.patterns["session_line"].values()]
    lines = ["The General Assembly,", "THE ASSEMBLY,", "La Conférence générale,", "b", "ac",
             "إن الجمعية العامة", "The Council", "Recalling", "|x", "",
             "80th plenary meeting", "3e séance plénière", "12a sesión plenaria",
             "Eightieth session", "Quatre-vingtième session"]  # fmt: skip
    draw = random.Random(4)
    for _ in range(300):
        picked = [draw.choice(lines) for _ in range(draw.randint(0, 5))]
        picked = [p[draw.randint(0, 2) :] if draw.random() < 0.2 else p for p in picked]
        text = draw.choice(["\n", " ", "\n\n"]).join(picked)
        text = text.upper() if draw.random() < 0.2 else text
        for formula in formulas:
            found, searched = line_match(formula, text), formula.search(text)
            assert (found is not None) == (searched is not None), (formula, text)
            if found and searched:  # the same match, but for the newline opening it
                assert (found.end(), found.groupdict()) == (searched.end(), searched.groupdict())
                assert found.group().removeprefix("\n") == searched.group()


def test_top_level_alternation() -> None:
    assert alternatives(r"^a|b") == ["^a", "b"] and alternatives(r"^(a)|^b") == ["^(a)", "^b"]
    for single in (r"^(a|b)", r"^[|]", r"^[]|]", r"^a\|b", r"^[^]|]"):
        assert alternatives(single) == [single]
