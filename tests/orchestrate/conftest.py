"""Orchestration library tests: no Prefect server, a few sample resolutions."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import copy_un_resolutions

REPO = Path(__file__).resolve().parents[2]
DOCUMENTS = ("A_RES_80_1.md", "A_RES_80_2.md", "A_RES_80_3.md")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """An editable copy of three sample resolutions."""
    return copy_un_resolutions(tmp_path / "corpus", DOCUMENTS)
