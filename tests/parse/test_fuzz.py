"""Random and mutated resolution text gives either a model or a `ParseError`, nothing else."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from respub.errors import ParseError
from respub.model import Resolution, Source
from respub.parse import parse_source
from respub.sources.load import SourceText

ROOT = Path(__file__).resolve().parents[2]
SEEDS = [
    (ROOT / "corpus/interpol/GA-2021-89-RES-09.es.txt").read_text("utf-8"),
    (ROOT / "corpus/interpol/GA-2021-89-RES-09.ar.txt").read_text("utf-8"),
    (ROOT / "corpus/un-ga/md/A_RES_80_1.md").read_text("utf-8").split("---\n", 2)[2],
]
SOURCE = Source(path="fuzz.txt", sha256="0" * 64, media_type="text/plain")


def _outcome(text: str) -> None:
    try:
        result = parse_source(SourceText(SOURCE, text))
    except ParseError as error:
        assert error.path == "fuzz.txt"
        return
    assert isinstance(result, Resolution)
    assert result.preamble or result.operative


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000))
def test_random_text(text: str) -> None:
    _outcome(text)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from(SEEDS)).split("\n")
    for _ in range(draw(st.integers(1, 8))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "dup", "swap", "cut", "insert"]))
        if action == "drop":
            del lines[i]
        elif action == "dup":
            lines.insert(i, lines[i])
        elif action == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif action == "cut":
            lines[i] = lines[i][: draw(st.integers(0, max(0, len(lines[i]))))]
        else:
            lines.insert(i, draw(st.text(max_size=80)))
    return "\n".join(lines)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_resolutions(text: str) -> None:
    _outcome(text)
