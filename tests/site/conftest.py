"""One published sample release (with its site) per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
from served import publish_sample, sample_sources

from respub.publish.release import ReleaseSummary


@pytest.fixture(scope="session")
def sources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_sources(tmp_path_factory.mktemp("site-sources"))


@pytest.fixture(scope="session")
def release(sources: Path, tmp_path_factory: pytest.TempPathFactory) -> ReleaseSummary:
    summary = publish_sample(sources, tmp_path_factory.mktemp("site-output"))
    assert not summary.quarantined
    return summary
