"""A small published release for the site and server tests: the INTERPOL resolution in four
languages and the UN-GA Markdown resolutions, one of which carries a hostile clause."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

from support import publish_files as publish

from respub.publish.release import ReleaseSummary
from respub.settings import Settings

REPO = Path(__file__).resolve().parents[1]
HOSTILE = "<script>alert(1)</script>"
HOSTILE_FILE = "A_RES_80_6.md"
HOSTILE_IDENTIFIER = "A/RES/80/6"
HEADED_FILE = "A_RES_80_13.md"
HEADED_IDENTIFIER = "A/RES/80/13"
HEADING = "Follow-up"
FIRST = datetime(2026, 11, 29, 3, tzinfo=UTC)
SECOND = datetime(2026, 11, 30, 3, tzinfo=UTC)


def sample_sources(folder: Path) -> Path:
    """Copy the sample sources into `folder`, with a `<script>` in one recital, a citation
    of resolution 80/1 in another, and a heading above paragraph 3 of resolution 80/13."""
    shutil.copytree(REPO / "corpus" / "interpol", folder / "interpol")
    shutil.copytree(REPO / "corpus" / "un-ga" / "md", folder / "un-ga")
    hostile = folder / "un-ga" / HOSTILE_FILE
    _replace_once(hostile, "Reiterating the historic", f"Reiterating {HOSTILE} the historic")
    # A citation of a resolution in the dataset, so that pages link to each other.
    _replace_once(hostile, "Recalling its resolution 79/6", "Recalling its resolution 80/1")
    # A heading over two operative paragraphs, opening a part of the operative text.
    chair = "\n3. Requests the Chair"
    _replace_once(folder / "un-ga" / HEADED_FILE, chair, f"\n{HEADING}\n{chair}")
    return folder


def _replace_once(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in the text of `path` by `new`; `old` must be there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def publish_sample(sources: Path, output: Path, when: datetime = FIRST) -> ReleaseSummary:
    """Publish the sources under `sources` into `output` (release time `when`)."""
    settings = Settings(output_dir=output, release_time=when)
    return publish([sources], settings)


def change_one(sources: Path) -> str:
    """Change an operative clause of one resolution; its identifier."""
    _replace_once(sources / "un-ga" / "A_RES_80_1.md", "Decides", "Decides firmly")
    return "A/RES/80/1"
