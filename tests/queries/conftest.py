"""The sample release (corpus/sample.yaml), published and loaded into the store once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from respub.orchestrate.staging import resolve_sources
from respub.process import process
from respub.publish.layout import STORE
from respub.publish.release import ReleaseSummary, write_release
from respub.settings import Settings
from respub.store.load import load_release

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "corpus" / "sample.yaml"


@dataclass(frozen=True)
class SampleRelease:
    """The release of the sample corpus and its store."""

    summary: ReleaseSummary
    store: Path


@pytest.fixture(scope="session")
def sample_release(tmp_path_factory: pytest.TempPathFactory) -> SampleRelease:
    output = tmp_path_factory.mktemp("sample-release")
    settings = Settings(output_dir=output, release_time=datetime(2026, 11, 29, 3, tzinfo=UTC))
    staged = resolve_sources([SAMPLE]).local
    results = [process(s.source, settings) for s in staged if s.source is not None]
    summary = write_release(results, settings)
    load_release(summary.release_dir, output / STORE)
    return SampleRelease(summary, output / STORE)
