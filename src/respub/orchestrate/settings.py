"""The frozen `Settings` of a run, built once from the flow's (or the CLI's) options."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Literal, get_args

from respub.settings import Settings

DEFAULT_SOURCES = "corpus/sample.yaml"  # as `respub publish` (one source per expression)
DEFAULT_OUTPUT = "output"
DEFAULT_BATCH_SIZE = 100
DEFAULT_RUNNER = "processes"

Runner = Literal["processes", "threads", "dask"]
RUNNERS: tuple[str, ...] = get_args(Runner)
"""The task runners of the document batches (`respub.orchestrate.runners`)."""


def make_settings(
    *,
    out: str | Path = DEFAULT_OUTPUT,
    base_iri: str | None = None,
    release_time: datetime | None = None,
) -> Settings:
    """`Settings` for a run; `ValueError` on a bad base IRI or a naive release time.

    Unset options keep `Settings`' defaults; an unset release time is pinned later to the
    latest source modification time (by the publish flow).
    """
    if base_iri is None:
        return Settings(output_dir=Path(out), release_time=release_time)
    return Settings(output_dir=Path(out), base_iri=base_iri, release_time=release_time)
