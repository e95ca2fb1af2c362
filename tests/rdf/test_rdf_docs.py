"""The ontology's HTML documentation builds with pyLODE."""

from __future__ import annotations

from pathlib import Path

from respub.rdf.docs import build_docs


def test_build_docs_writes_html_per_language(tmp_path: Path) -> None:
    index = build_docs(tmp_path, languages=("en", "ar"))
    assert index == tmp_path / "index.html"
    english = index.read_text(encoding="utf-8")
    assert english.lstrip().lower().startswith("<!doctype html>")
    assert "operative clause" in english and "paragraphe du dispositif" not in english
    arabic = (tmp_path / "index.ar.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in arabic and "فقرة منطوق" in arabic
