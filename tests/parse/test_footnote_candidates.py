"""The runs of digits kept as possible footnote marks: the few-labels pattern keeps
exactly the runs a scan of every run of digits keeps (footnotes._Candidates)."""

from __future__ import annotations

import random
import re

from respub.knowledge.layout import layout
from respub.parse.footnotes import _Candidates

_RUN = re.compile(r"\d+")


def _every_run(text: str, start: int, labels: set[str]) -> dict[str, list[tuple[int, int]]]:
    """The reference: every run of digits looked at, a label or a year and a label kept."""
    runs: dict[str, list[tuple[int, int]]] = {}
    for run in _RUN.finditer(text, start):
        digits = run.group()
        if digits in labels:
            runs.setdefault(digits, []).append(run.span())
        if len(digits) > 4 and digits[4:] in labels and digits[:2] in ("19", "20"):
            runs.setdefault(digits[4:], []).append(run.span())
    return runs


def test_the_runs_kept_are_those_of_a_full_scan() -> None:
    rng = random.Random(12)
    alphabet = "0123456789 ,.a\n٣١"  # Arabic-Indic digits are digits too
    words = layout("en")
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        labels = {str(rng.randint(0, 120)) for _ in range(rng.randint(0, 5))}
        if rng.random() < 0.1:
            labels |= {"٣", "1٣", "2017", "0"}
        start = rng.randint(0, len(text))  # also inside a run of digits
        kept = _Candidates(text, start, words, labels).runs
        assert kept == _every_run(text, start, labels), (text, labels, start)


def test_a_year_glued_to_its_mark_and_a_run_cut_by_the_start() -> None:
    text = "Declarations of 20172 and 12 and 2017 and 312"
    runs = _Candidates(text, 0, layout("en"), {"2", "12"}).runs
    assert runs == {"2": [(16, 21)], "12": [(26, 28)]}
    assert _Candidates(text, 43, layout("en"), {"12"}).runs == {"12": [(43, 45)]}
