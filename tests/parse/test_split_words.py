"""Words a PDF text layer split in two ("All St ates") are joined again only where the PDF
shows the space is no gap between words (the pen stays within reach: sources/pdf_layout).
Plain-text sources get no such repair: with no positions, only the lexical rule
(`knowledge.words.split_word`) would be left, and on every plain-text and Markdown source
of the corpus and the fixtures it finds no split word to repair, while the one pair it
proposed before its numeral guard ("Chapter VI and" -> "viand") was a correct text broken.
This test keeps that measurement: should it find pairs one day, read them before deciding.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from respub.knowledge.language import detect_language
from respub.knowledge.words import split_word

ROOT = Path(__file__).resolve().parents[2]
_WORD = re.compile(r"[^\W\d_]+")


def _pairs(text: str, language: str) -> list[str]:
    """Adjacent words, one space apart on a line, that the lexical rule would join."""
    found = []
    for line in text.splitlines():
        words = list(_WORD.finditer(line))
        for a, b in itertools.pairwise(words):
            if line[a.end() : b.start()] == " " and split_word(a.group(), b.group(), language):
                found.append(f"{a.group()} {b.group()}")
    return found


@pytest.mark.slow
def test_the_plain_text_corpus_has_no_split_word_to_repair() -> None:
    sources = sorted(
        p
        for folder in (ROOT / "corpus", ROOT / "tests" / "fixtures")
        for p in folder.rglob("*")
        if p.suffix in (".txt", ".md") and p.name not in ("README.md", "PROVENANCE.md")
    )
    assert len(sources) >= 60
    proposed = {}
    for path in sources:
        text = path.read_text("utf-8")
        pairs = _pairs(text, detect_language(text) or "en")
        if pairs:
            proposed[str(path.relative_to(ROOT))] = pairs
    assert proposed == {}


def test_a_numeral_and_a_word_are_no_split_word() -> None:
    assert _pairs("Chapter VI and Article 2", "en") == []
    assert _pairs("the interest of All St ates", "en") == ["St ates"]
