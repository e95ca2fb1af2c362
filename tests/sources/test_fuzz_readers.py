"""Every reader (text, Markdown front matter, HTML, PDF) given random or mutated bytes
ends in a `SourceText` or a catalogued problem, never another exception (issue #13).
The long campaign is benchmarks/fuzz.py; the inputs it found crashing are kept here."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from respub.errors import RespubError
from respub.parse import parse_source
from respub.problems import catalogue
from respub.sources.load import SourceText, read_source

ROOT = Path(__file__).resolve().parents[2]
FOUND = sorted((ROOT / "tests" / "fixtures" / "fuzz").iterdir())
SEEDS = {
    ".txt": (ROOT / "corpus/interpol/GA-2021-89-RES-09.es.txt").read_bytes(),
    ".md": (ROOT / "corpus/un-ga/md/A_RES_80_1.md").read_bytes(),
    ".html": (ROOT / "corpus/udhr/eng.html").read_bytes()[:30000],
    ".pdf": (ROOT / "corpus/un-ga/pdf/A_RES_73_6-EN.pdf").read_bytes(),
}
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _outcome(suffix: str, data: bytes) -> None:
    try:
        result = read_source(Path(f"fuzz{suffix}"), data=data)
        assert isinstance(result, SourceText)
        parse_source(result)  # and on through the parser
    except RespubError as error:
        assert error.problem.type in catalogue()
        assert "\n" not in str(error)


@st.composite
def mutated(draw: st.DrawFn, suffix: str) -> bytes:
    data = bytearray(SEEDS[suffix])
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["insert", "delete", "flip", "cut"]))
        if action == "insert":
            data[at:at] = draw(st.binary(max_size=40))
        elif action == "delete":
            del data[at : at + draw(st.integers(1, 500))]
        elif action == "flip" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif action == "cut":
            del data[at:]
    return bytes(data)


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".pdf"])
@FUZZ
@given(data=st.binary(max_size=3000))
def test_random_bytes(suffix: str, data: bytes) -> None:
    _outcome(suffix, data)


@FUZZ
@given(data=mutated(".md"))
def test_mutated_markdown_with_front_matter(data: bytes) -> None:
    _outcome(".md", data)


@FUZZ
@given(data=mutated(".html"))
def test_mutated_html(data: bytes) -> None:
    _outcome(".html", data)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=mutated(".pdf"))
def test_mutated_pdf(data: bytes) -> None:
    _outcome(".pdf", data)


@given(
    front=st.dictionaries(
        st.sampled_from(["symbol", "title", "date", "language", "x"]),
        st.one_of(st.text(max_size=30), st.integers(), st.none()),
        max_size=5,
    )
)
@FUZZ
def test_front_matter_values(front: dict[str, object]) -> None:
    import yaml

    head = yaml.safe_dump(front, allow_unicode=True) if front else ""
    text = f"---\n{head}---\nThe General Assembly,\n\n1. Decides to act.\n"
    _outcome(".md", text.encode("utf-8", "surrogatepass"))


@pytest.mark.parametrize("path", FOUND, ids=[p.name for p in FOUND])
def test_inputs_the_campaign_found(path: Path) -> None:
    # benchmarks/fuzz.py: HTMLParser raised AssertionError on a bad "<![" section
    _outcome(path.suffix, path.read_bytes())
