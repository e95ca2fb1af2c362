"""Footnotes at their marks: the parser keeps where each mark stood in a clause, and the
Akoma Ntoso file puts the ``authorialNote`` there, inside the clause's ``<p>``."""

from __future__ import annotations

from collections.abc import Iterator
from copy import deepcopy as copy_of
from pathlib import Path
from typing import cast

import pytest
from lxml import etree
from support import parsed_file as parsed

from respub.akn import model_text, text_of, to_akn, validate
from respub.akn.write import AKN
from respub.model import (
    Citation,
    Footnote,
    FootnoteMark,
    OperativeClause,
    PreambularClause,
    Resolution,
    Source,
)
from respub.parse import parse_source
from respub.parse.anchors import marks_of
from respub.sources.discover import discover
from respub.sources.load import SourceText

ROOT = Path(__file__).resolve().parents[2]
NS = {"a": AKN}
NOTED = [p for p in discover([ROOT / "corpus"]) if p.suffix in (".md", ".pdf", ".txt")]


def _before(note: etree._Element) -> str:
    """The text of the note's paragraph before the note, other notes left out."""
    paragraph = next(a for a in note.iterancestors() if etree.QName(a).localname == "p")
    copy = copy_of(paragraph)
    for other in copy.iter(f"{{{AKN}}}authorialNote"):
        other.text = "\ue000" if other.get("eId") == note.get("eId") else ""
        for child in list(other):
            other.remove(child)
    texts = cast(Iterator[str], copy.itertext())  # lxml-stubs say str | bytes: lxml gives str
    return "".join(texts).partition("\ue000")[0]


@pytest.mark.parametrize("path", NOTED, ids=lambda p: str(p.relative_to(ROOT / "corpus")))
def test_every_placed_footnote_stands_at_its_mark_in_its_clause(path: Path) -> None:
    resolution = parsed(path)
    root = etree.fromstring(to_akn(resolution))
    texts = {f"preamble-{n}": c.text for n, c in enumerate(resolution.preamble, 1)}
    texts |= {f"operative-{n}": c.text for n, c in enumerate(resolution.operative, 1)}
    marks = [m for c in resolution.preamble for m in c.marks]
    marks += [m for c in resolution.operative for m in marks_of(c)]
    placed = root.findall("a:statement/a:mainBody//a:authorialNote", NS)
    placed += root.findall(".//a:preamble//a:authorialNote", NS)
    assert len(placed) == len(marks)
    in_annexes = root.findall(".//a:attachments//a:authorialNote", NS)
    assert len(in_annexes) == sum(len(m) for a in resolution.annexes for m in a.marks)
    for note in placed:
        clause = next(a.get("eId") for a in note.iterancestors() if a.get("eId"))
        if clause in texts:  # a clause without sub-paragraphs: its text up to the mark
            text = texts[clause]
            assert text.startswith(_before(note)), (clause, note.get("marker"))
    apart = root.findall(".//a:conclusions//a:authorialNote", NS)
    assert len(placed) + len(in_annexes) + len(apart) == len(resolution.footnotes)


def test_footnotes_of_the_un_and_wha_corpus_stand_at_their_marks() -> None:
    """Measured 2026-12-02 on the corpus's UN GA and WHA documents: 274 of the 275
    footnotes stand at their marks, 129 in clauses and 145 in the paragraphs of annexes
    (the annexed declarations of A/RES/80/3, 80/5, 80/9, 73/3); the one left apart
    (WHA66.4, note 3) is marked in no text the model keeps."""
    notes = clauses = annexes = 0
    for path in NOTED:
        if "un-ga" not in path.parts and "who-wha" not in path.parts:
            continue
        resolution = parsed(path)
        notes += len(resolution.footnotes)
        clauses += sum(len(c.marks) for c in resolution.preamble)
        clauses += sum(len(list(marks_of(c))) for c in resolution.operative)
        annexes += sum(len(m) for a in resolution.annexes for m in a.marks)
    print(f"{clauses} in clauses, {annexes} in annexes, of {notes} footnotes")
    assert notes >= 250 and clauses >= 125 and annexes >= 140
    assert clauses + annexes >= notes - 2


def _source(text: str) -> SourceText:
    return SourceText(Source("constructed.md", "0" * 64, "text/markdown"), text, {})


def test_marks_at_the_start_middle_and_end_of_clauses() -> None:
    text = (
        "A/RES/80/99\n\nThe General Assembly,\n\nRecalling its resolution 79/1,[^1]\n\n"
        "1. Decides that the Agreement[^2] shall apply;\n\n"
        "2. Requests the Secretary-General to report:[^3]\n\n(a) on the Agreement;[^4]\n\n"
        "[^1]: A/79/1.\n\n[^2]: The 1994 Agreement.\n\n[^3]: See annex.\n\n[^4]: Ibid.\n"
    )
    resolution = parse_source(_source(text), language="en", body="UN-GA")
    assert resolution.preamble[0].marks == (FootnoteMark("1", 30),)
    first, second = resolution.operative
    assert first.marks == (FootnoteMark("2", len("Decides that the Agreement")),)
    assert second.marks == (FootnoteMark("3", len(second.text)),)
    assert second.subparagraphs[0].marks == (FootnoteMark("4", len("on the Agreement;")),)
    document = to_akn(resolution)
    assert validate(document) == []
    assert text_of(document) == model_text(resolution)
    assert "Agreement The 1994 Agreement. shall apply" in model_text(resolution)


def test_a_mark_inside_a_citation_is_inside_its_ref() -> None:
    text = "Recalling its resolution 54/237 C of 23 December 1999,"
    mark = FootnoteMark("1", text.index(" C of"))
    resolution = Resolution(
        "A/RES/80/98",
        "UN-GA",
        "en",
        Source("x", "0" * 64, "text/plain"),
        preamble=(PreambularClause("Recalling", text, "recalling", (mark,)),),
        operative=(OperativeClause("Decides", "Decides so.", 1, "decides"),),
        footnotes=(Footnote("1", "A note."),),
        citations=(Citation("A/RES/54/237", "resolution 54/237 C", "resolution", "preamble-1"),),
    )
    document = to_akn(resolution)
    assert validate(document) == []
    assert text_of(document) == model_text(resolution)
    note = etree.fromstring(document).find(".//a:ref/a:authorialNote", NS)
    assert note is not None and note.get("marker") == "1"
    parent = note.getparent()
    assert parent is not None and parent.text == "resolution 54/237"
