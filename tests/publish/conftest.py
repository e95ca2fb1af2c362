"""Shared fixtures: a copy of part of the sample corpus, processed once per session."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from respub.process import process_document
from respub.publish.release import ReleaseSummary, vocabulary_sources, write_release
from respub.results import DocumentResult
from respub.settings import Settings
from respub.sources.discover import discover

REPO = Path(__file__).resolve().parents[2]
SUBSET = ("corpus/interpol", "corpus/un-ga/md")
T0 = datetime(2026, 11, 29, 3, 0, tzinfo=UTC)


def copy_corpus(target: Path) -> Path:
    """Copy the corpus subset under `target`; return the folder."""
    for part in SUBSET:
        shutil.copytree(REPO / part, target / part)
    return target / "corpus"


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A read-only copy of the corpus subset (tests that edit files make their own copy)."""
    return copy_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Callable[[], Path]:
    """`corpus_copy()` → a fresh, editable copy of the corpus subset."""
    made = iter(range(1000))
    return lambda: copy_corpus(tmp_path / f"copy-{next(made)}")


@pytest.fixture(scope="session")
def results(corpus: Path) -> list[DocumentResult]:
    """The publishable results of the subset (documents the parser cannot read yet are left out)."""
    found = [process_document(p, Settings(release_time=T0)) for p in discover([corpus])]
    good = [r for r in found if r.publishable]
    assert len(good) >= 10, [r.reasons() for r in found if not r.publishable]
    return good


def settings_for(output: Path, hours: int = 0, **options: Any) -> Settings:
    """Settings writing to `output`, released `hours` after T0, no store."""
    return Settings(
        output_dir=output, release_time=T0 + timedelta(hours=hours), load_store=False, **options
    )


@pytest.fixture
def publish_results() -> Callable[..., ReleaseSummary]:
    """`publish_results(results, output, hours=0, **settings)` → the release summary."""

    def run(
        found: list[DocumentResult], output: Path, hours: int = 0, **options: Any
    ) -> ReleaseSummary:
        return write_release(found, settings_for(output, hours, **options), vocabulary_sources())

    return run


@pytest.fixture(scope="session")
def release(
    results: list[DocumentResult], tmp_path_factory: pytest.TempPathFactory
) -> ReleaseSummary:
    """One clean release of the subset, shared read-only by the checks."""
    output = tmp_path_factory.mktemp("published")
    return write_release(results, settings_for(output), vocabulary_sources())
