"""Every document of the sample corpus parses (the families' own tests assert the details)."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import parsed_file

from respub.sources.discover import discover

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = discover([ROOT / "corpus"])


def test_the_corpus_is_bundled() -> None:
    suffixes = {p.suffix for p in DOCUMENTS}
    assert suffixes == {".txt", ".md", ".pdf", ".html"}
    assert len(DOCUMENTS) >= 55


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: str(p.relative_to(ROOT / "corpus")))
def test_document_parses(path: Path) -> None:
    resolution = parsed_file(path)
    assert resolution.identifier
    assert resolution.operative, "no operative clause"
    assert resolution.source.path == str(path)
