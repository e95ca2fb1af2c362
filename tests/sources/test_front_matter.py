"""Front matter is read as YAML 1.2: a bare "No" or "on" is a word, not a boolean."""

from __future__ import annotations

from pathlib import Path

from respub.sources.load import read_source


def test_front_matter_words_are_not_booleans(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: No\nsubject: on\nsymbol: A/RES/1/1\n---\nText.\n", "utf-8")
    source = read_source(path)
    assert source.metadata == {"title": "No", "subject": "on", "symbol": "A/RES/1/1"}
    assert source.text == "Text.\n"
