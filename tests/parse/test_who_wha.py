"""World Health Assembly PDFs (and the two UN PDFs) parse as annotated by reading them."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from support import parsed_file

from respub.model import Resolution

ROOT = Path(__file__).resolve().parents[2]
ANNOTATIONS = Path(__file__).parent / "annotations"


def _load(name: str) -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = yaml.safe_load((ANNOTATIONS / name).read_text("utf-8"))
    return data


WHA = _load("who-wha.yaml")
UN = _load("un-ga-pdf.yaml")


@pytest.fixture(scope="module")
def parsed() -> dict[str, Resolution]:
    found = {key: parsed_file(ROOT / "corpus/who-wha/pdf" / a["file"]) for key, a in WHA.items()}
    found |= {key: parsed_file(ROOT / "corpus/un-ga/pdf" / a["file"]) for key, a in UN.items()}
    return found


def test_every_pdf_is_annotated() -> None:
    files = {a["file"] for a in WHA.values()} | {a["file"] for a in UN.values()}
    bundled = {p.name for p in (ROOT / "corpus").glob("*/pdf/*.pdf")}
    assert files == bundled


def _check(r: Resolution, key: str, a: dict[str, Any]) -> None:
    assert r.identifier == key
    assert r.title == a["title"]
    assert (len(r.preamble), len(r.operative)) == (a["pre"], a["op"])
    assert (r.operative[0].keyword, r.operative[-1].keyword) == (a["first"], a["last"])
    assert len(r.footnotes) == a["footnotes"]
    if "numbers" in a:
        assert [c.number for c in r.operative] == a["numbers"]
    assert len(r.annexes) == a.get("annexes", 0)


@pytest.mark.parametrize("key", list(WHA))
def test_wha_resolution(parsed: dict[str, Resolution], key: str) -> None:
    r = parsed[key]
    _check(r, key, WHA[key])
    assert r.body == "WHO-WHA"
    assert r.language == "en"
    assert r.number == key.split(".")[1]
    assert r.session is not None and r.session.number == 66
    assert r.formula is not None and r.formula.startswith("The Sixty-sixth World Health Assembly,")
    assert r.adopted is None  # no closing line is printed
    assert r.status == "adopted"


@pytest.mark.parametrize("key", list(UN))
def test_un_pdf_resolution(parsed: dict[str, Resolution], key: str) -> None:
    r, a = parsed[key], UN[key]
    _check(r, key, a)
    assert r.body == "UN-GA"
    assert r.session is not None and r.session.number == a["session"]
    assert r.adopted == a["adopted"]
    assert isinstance(a["adopted"], datetime.date)
    assert r.status == "adopted"
    if a.get("annex_title"):
        assert r.annexes[0].title == a["annex_title"]
        assert len(r.annexes[0].paragraphs) == a["annex_paragraphs"]


def test_footnotes_printed_before_the_heading_are_not_the_heading(
    parsed: dict[str, Resolution],
) -> None:
    r = parsed["WHA66.4"]  # three notes come first in the text layer
    assert r.title is not None and r.title.startswith("Towards universal eye health")
    assert [(n.label, n.text) for n in r.footnotes] == [
        (
            "3",
            "See Annex 6 for the financial and administrative implications for the "
            "Secretariat of this resolution.",
        ),
        ("4", "Document A66/11."),
        ("5", "Annex 2."),
    ]
    assert r.preamble[0].text.endswith("on universal eye health;")  # the mark is gone


def test_formula_on_the_line_of_the_first_clause(parsed: dict[str, Resolution]) -> None:
    r = parsed["WHA66.11"]
    assert r.formula == "The Sixty-sixth World Health Assembly,"
    assert r.preamble[0].keyword == "Having considered"
    assert r.preamble[0].text.startswith("Having considered the report on health in the post-2015")


def test_clause_starting_in_the_middle_of_a_line(parsed: dict[str, Resolution]) -> None:
    r = parsed["WHA66.22"]
    assert r.operative[0].text.endswith("academia and civil society;")
    second = r.operative[1]
    assert (second.number, second.keyword, second.concept) == (2, "URGES", "urges")
    assert second.text == "URGES Member States:"
    assert [s.label for s in second.subparagraphs] == [str(n) for n in range(1, 8)]


def test_subparagraphs_nest(parsed: dict[str, Resolution]) -> None:
    urges = parsed["WHA66.12"].operative[0]
    assert [s.label for s in urges.subparagraphs] == [str(n) for n in range(1, 9)]
    assert [s.label for s in urges.subparagraphs[2].subparagraphs] == ["a", "b", "c", "d"]
    requests = parsed["WHA66.10"].operative[2]
    assert [s.label for s in requests.subparagraphs[2].subparagraphs] == ["i", "ii", "iii"]


def test_operative_paragraph_across_a_page_break(parsed: dict[str, Resolution]) -> None:
    last = parsed["WHA66.22"].operative[3].subparagraphs[-1]
    assert last.label == "8"
    assert "to the Sixty-seventh World Health Assembly, through the Executive Board" in last.text
    assert last.text.endswith("to the Sixty-ninth World Health Assembly.")


def test_operative_verbs_in_capitals_map_to_concepts(parsed: dict[str, Resolution]) -> None:
    ops = parsed["WHA66.18"].operative
    assert [c.keyword for c in ops] == [
        "ADOPTS",
        "ESTABLISHES",
        "APPROVES",
        "DECIDES",
        "FURTHER DECIDES",
        "REQUESTS",
    ]
    assert [c.concept for c in ops] == [
        "endorses",
        "establishes",
        "endorses",
        "decides",
        "decides",
        "requests",
    ]


def test_annex_after_the_operative_part(parsed: dict[str, Resolution]) -> None:
    annex = parsed["WHA66.7"].annexes[0]
    assert annex.title == "ANNEX"
    assert annex.paragraphs[0] == "Commodities by life stage"
    assert "1 Oxytocin – post partum haemorrhage (PPH)" in annex.paragraphs
    assert parsed["WHA66.7"].operative[-1].subparagraphs[-1].text.endswith("the life course.")


def test_un_pdf_running_headers_are_gone(parsed: dict[str, Resolution]) -> None:
    for key in UN:
        r = parsed[key]
        texts = [c.text for c in r.preamble] + [c.text for c in r.operative]
        texts += [p for a in r.annexes for p in a.paragraphs]
        joined = " ".join(texts)
        assert "18-16895" not in joined and "18-17962" not in joined
        assert key not in joined  # the symbol heads every page
        assert not any(t.endswith(("/10", "/5")) for t in texts)


def test_un_pdf_footnote_continued_on_the_next_page(parsed: dict[str, Resolution]) -> None:
    note = parsed["A/RES/73/6"].footnotes[-1]
    assert note.label == "6"
    assert note.text.startswith("Related documents include A/AC.105/1129")
    assert "A/AC.105/1166, A/AC.105/1168" in note.text  # pages 3 and 4
    assert note.text.endswith("A/AC.105/1180 and A/AC.105/1181.")


@pytest.mark.parametrize(
    ("language", "title", "operative"),
    [
        ("en", "Strengthening rehabilitation in health systems", ["URGES", "REQUESTS"]),
        ("fr", "Renforcer la réadaptation dans les systèmes de santé", ["PRIE INSTAMMENT", "PRIE"]),
        ("es", "Fortalecimiento de la rehabilitación en los sistemas de salud", ["INSTA", "PIDE"]),
        # the Arabic symbols "ج ص ع76-6", "ج ص ع72(9)" are WHA76.6, WHA72(9)
        ("ar", "تعزيز التأهيل في النظم الصحية", ["تحث", "تطلب"]),
    ],
)
def test_the_assemblys_own_layout(language: str, title: str, operative: list[str]) -> None:
    """The heading, agenda item and date above the title on its own line, and the closing
    plenary meeting line in each language (constructed: tests/fixtures/bodies/README.md)."""
    r = parsed_file(ROOT / f"tests/fixtures/bodies/who-wha.{language}.txt")
    assert (r.identifier, r.body, r.language, r.title) == ("WHA76.6", "WHO-WHA", language, title)
    assert r.session is not None and r.session.number == 76
    assert (r.status, r.adopted) == ("adopted", datetime.date(2023, 5, 30))
    assert len(r.preamble) == 3 and [c.keyword for c in r.operative] == operative
    assert [len(c.subparagraphs) for c in r.operative] == [2, 0]
    assert "plenary" not in r.operative[-1].text and "A76/VR/8" not in r.operative[-1].text
    assert {c.identifier for c in r.citations} == {"WHA72.2", "WHA72(9)"}
