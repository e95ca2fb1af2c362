"""A release of the sample corpus subset, loaded into the embedded store once per session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from support import publish_files as publish

from respub.model import Resolution
from respub.parse import parse_file
from respub.publish.layout import STORE
from respub.publish.release import ReleaseSummary
from respub.settings import Settings
from respub.sources.discover import discover

REPO = Path(__file__).resolve().parents[2]
SUBSET = (REPO / "corpus" / "interpol", REPO / "corpus" / "un-ga" / "md")


@dataclass(frozen=True)
class Published:
    """A published release, its store, and the resolutions it was made from."""

    summary: ReleaseSummary
    store: Path
    resolutions: tuple[Resolution, ...]


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory) -> Published:
    output = tmp_path_factory.mktemp("store-release")
    settings = Settings(output_dir=output, release_time=datetime(2026, 11, 29, 3, tzinfo=UTC))
    summary = publish(SUBSET, settings)
    published = {q.source_path for q in summary.quarantined}
    resolutions = tuple(parse_file(p) for p in discover(SUBSET) if str(p) not in published)
    assert len(resolutions) == summary.expressions >= 10
    return Published(summary, output / STORE, resolutions)
