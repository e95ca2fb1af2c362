"""Orchestration library tests: no Prefect server, a few sample resolutions."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DOCUMENTS = ("A_RES_80_1.md", "A_RES_80_2.md", "A_RES_80_3.md")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """An editable copy of three sample resolutions."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in DOCUMENTS:
        shutil.copy2(REPO / "corpus" / "un-ga" / "md" / name, folder / name)
    return folder
