"""Citations in annexes: an attached declaration or draft cites as the clauses do."""

from __future__ import annotations

from pathlib import Path

from respub.parse import parse_file

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def test_an_annex_cites_each_instrument_once() -> None:
    """An annex is one place: an instrument its paragraphs cite again is cited once."""
    resolution = parse_file(CORPUS / "un-ga/md/A_RES_80_5.md")
    annexed = [c.identifier for c in resolution.citations if c.clause == "annex-1"]
    assert annexed == ["agenda-2030", "charter-of-the-united-nations", "A/RES/78/322"]
    paragraphs = resolution.annexes[0].paragraphs
    assert sum(p.count("Charter of the United Nations") for p in paragraphs) == 3


def test_an_annexed_declaration_cites_under_its_own_place() -> None:
    resolution = parse_file(CORPUS / "un-ga/pdf/A_RES_73_3-EN.pdf")
    annexed = {c.identifier for c in resolution.citations if c.clause == "annex-1"}
    assert {"A/RES/68/300", "A/RES/72/139", "A/HRC/RES/33/11"} <= annexed
    clauses = {c.identifier for c in resolution.citations if c.clause != "annex-1"}
    assert "A/HRC/RES/33/11" not in clauses  # cited by the declaration alone
