"""Plain text layers of real PDFs, out of reading order (issue #12, layout robustness).

pypdf's plain `extract_text()` of the bundled WHA PDFs gives the text as many converters
do: the page's footnotes first (repeated on every page), the heading next, a raised mark
alone on the line after the text it marks, no blank line between clauses, and sometimes
the formula and the first clause on one line. Parsed as plain text, these must give what
the PDFs give (tests/parse/annotations/who-wha.yaml, annotated by reading the PDFs).
Three layouts of the same real text: pages run on (one newline), pages separated by form
feeds, and the heading, a run of spaces, the title, the formula and the first line of the
first clause run together on one line (constructed from the real lines).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from pypdf import PdfReader

from respub.model import Resolution
from respub.parse import parse_source
from respub.sources.load import read_source

ROOT = Path(__file__).resolve().parents[2]
WHA = ROOT / "corpus/who-wha/pdf"
ANNOTATIONS: dict[str, dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "annotations/who-wha.yaml").read_text("utf-8")
)
LAYOUTS = ("newlines", "form-feeds", "heading-on-one-line")


@pytest.fixture(scope="module")
def pages() -> dict[str, list[str]]:
    """The plain text layer of each WHA PDF, page by page (pypdf, no layout analysis)."""
    return {
        key: [page.extract_text() for page in PdfReader(WHA / a["file"]).pages]
        for key, a in ANNOTATIONS.items()
    }


def _one_line_heading(text: str) -> str:
    """The heading, a run of spaces, the title, the formula and the first line of the first
    clause joined on one line, as some text layers print them."""
    lines = text.split("\n")
    heading = next(i for i, line in enumerate(lines) if line.strip().startswith("WHA66."))
    formula = next(i for i, line in enumerate(lines) if "World Health Assembly," in line)
    last = formula + 1 if lines[formula].strip().endswith(",") else formula
    symbol, title = lines[heading].strip().split(" ", 1)
    joined = " ".join(line.strip() for line in [title, *lines[heading + 1 : last + 1]])
    return "\n".join([*lines[:heading], f"{symbol}     {joined}", *lines[last + 1 :]])


def _text(pages: list[str], layout: str) -> str:
    if layout == "form-feeds":
        return "\n\f".join(pages)
    text = "\n".join(pages)
    return _one_line_heading(text) if layout == "heading-on-one-line" else text


def _parse(pages: dict[str, list[str]], key: str, layout: str = "newlines") -> Resolution:
    data = _text(pages[key], layout).encode("utf-8")
    return parse_source(read_source(f"{key}.txt", data=data))


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("key", list(ANNOTATIONS))
def test_plain_text_layer_parses_like_the_pdf(
    pages: dict[str, list[str]], key: str, layout: str
) -> None:
    r, a = _parse(pages, key, layout), ANNOTATIONS[key]
    assert (r.identifier, r.body, r.title) == (key, "WHO-WHA", a["title"])
    assert r.formula is not None and r.formula.startswith("The Sixty-sixth World Health Assembly,")
    assert (len(r.preamble), len(r.operative)) == (a["pre"], a["op"])
    assert (r.operative[0].keyword, r.operative[-1].keyword) == (a["first"], a["last"])
    assert len(r.footnotes) == a["footnotes"]
    if "numbers" in a:
        assert [c.number for c in r.operative] == a["numbers"]
    assert len(r.annexes) == a.get("annexes", 0)


def test_notes_printed_before_the_heading(pages: dict[str, list[str]]) -> None:
    text = "\n".join(pages["WHA66.4"])
    assert text.startswith("3 See Annex 6")  # the text layer is out of reading order
    r = _parse(pages, "WHA66.4")
    assert [(n.label, n.text) for n in r.footnotes] == [
        (
            "3",
            "See Annex 6 for the financial and administrative implications for the "
            "Secretariat of this resolution.",
        ),
        ("4", "Document A66/11."),
        ("5", "Annex 2."),
    ]
    # the marks printed alone on the next line are gone from the title and the clause
    assert r.title == "Towards universal eye health: a global action plan 2014–2019"
    assert r.preamble[0].text.endswith("on universal eye health;")


def test_a_note_repeated_on_every_page_is_one_note(pages: dict[str, list[str]]) -> None:
    assert "\n".join(pages["WHA66.10"]).count("3 Documents A66/8, A66/9") == 3
    r = _parse(pages, "WHA66.10")
    assert [(n.label, n.text) for n in r.footnotes] == [
        ("3", "Documents A66/8, A66/9 and A66/9 Corr.1.")
    ]
    assert not any("A66/8" in c.text for c in r.operative)


def test_the_formula_and_the_first_clause_on_the_heading_line(
    pages: dict[str, list[str]],
) -> None:
    r = _parse(pages, "WHA66.11", "heading-on-one-line")
    assert r.identifier == "WHA66.11" and r.title == "Health in the post-2015 development agenda"
    assert r.formula == "The Sixty-sixth World Health Assembly,"
    assert r.preamble[0].keyword == "Having considered"
    assert r.preamble[0].text == (
        "Having considered the report on health in the post-2015 development agenda,"
    )
    assert r.preamble[1].keyword == "Reaffirming"


def test_the_next_operative_number_inside_a_line(pages: dict[str, list[str]]) -> None:
    r = _parse(pages, "WHA66.22")
    assert r.operative[0].text.endswith("academia and civil society;")
    assert (r.operative[1].number, r.operative[1].keyword) == (2, "URGES")
    assert [s.label for s in r.operative[1].subparagraphs] == [str(n) for n in range(1, 8)]
