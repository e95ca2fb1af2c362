"""`detect_body` picks the body that `BodyProfile.scored` ranks first, one by one (its
marks counted from one set of literals, formulas looked for once for bodies sharing them)."""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path

from respub.knowledge.literals import LiteralSet
from respub.knowledge.profiles import _detector, detect_body, known_bodies, profile, profiles

ROOT = Path(__file__).resolve().parents[2]


def _ranked_first(text: str, language: str | None) -> str | None:
    head = "\n".join(line.lstrip(" \t") for line in text[:2000].split("\n"))
    candidates = _detector().candidates
    found = _literals().present(head)
    scores = [(p.scored(head, language, found), -n) for n, p in enumerate(candidates)]
    best, position = max(scores)
    return candidates[-position].code if best > 0 else None


@cache
def _literals() -> LiteralSet:
    """Every candidate's literal marks and identifier stems, as `score` looks for them."""
    return LiteralSet(
        m for p in _detector().candidates for m in (*p._marks[0], *p.identifier_stems)
    )


def _lines(draw: random.Random) -> list[str]:
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "corpus").rglob("*.txt"))]
    texts += [p.read_text("utf-8") for p in sorted((ROOT / "corpus").rglob("*.md"))]
    lines = [line for text in texts for line in text.splitlines()[:40] if line.strip()]
    lines += [
        "THE ASSEMBLY,", "The General Conference,", "LA CONFÉRENCE,", "MSC.474(102)",
        "A.1150(32)", "GC(67)/RES/9", "EB152.R3", "S/RES/2334 (2016)", "38 C/Resolution 12",
        "International Maritime Organization", "UNESCO", "A/HRC/RES/52/3 The Human Rights "
        "Council,", "E/RES/2023/5", "Resolution 3/2019", "C187", "WHA72.1",
    ]  # fmt: skip
    lines += ["      The Economic and Social Council,", "\tLe Conseil exécutif,"]  # indented
    lines += ["L'Assemblée générale,", "L’Assemblée générale,", "L'Assemblée générale"]
    draw.shuffle(lines)
    return lines


def test_detect_body_is_the_first_ranked() -> None:
    draw = random.Random(5)
    lines = _lines(draw)
    for _ in range(400):
        text = "\n".join(draw.sample(lines, draw.randint(0, 12)))
        for language in (None, "en", "fr", "es", "ar"):
            found = detect_body(text, language)
            assert (found.code if found else None) == _ranked_first(text, language), text


def test_each_identifier_stem_is_listed_once() -> None:
    """Two styles of one body may share a stem ("A/RES/"): it is looked for once."""
    for candidate in (*profiles().values(), *known_bodies().values()):
        stems = candidate.identifier_stems
        assert len(stems) == len(set(stems)), (candidate.code, stems)
    assert profile("UN-GA").identifier_stems == ("A/RES/",)


def test_a_mark_of_a_few_texts_is_looked_for_as_its_texts() -> None:
    """ "L[’']Assemblée générale," is looked for as its two texts, counted once whichever
    occur (`test_detect_body_is_the_first_ranked` compares the count with the pattern's)."""
    index = [p.code for p in _detector().candidates].index("UN-GA")
    texts = frozenset(["L'Assemblée générale,", "L’Assemblée générale,"])
    assert (index, texts) in _detector().choices
