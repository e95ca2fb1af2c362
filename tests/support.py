"""What several test folders share (on the path through `pythonpath` in pyproject)."""

from __future__ import annotations

import importlib.util
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import pytest
from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from respub.model import Resolution

if TYPE_CHECKING:
    from respub.publish.release import ReleaseSummary
    from respub.settings import Settings

REPO = Path(__file__).resolve().parents[1]
RESPUB = Path(sys.executable).parent / "respub"


def run_respub(
    *args: str, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run the installed `respub` command from the repository's root, output captured."""
    return subprocess.run(
        [str(RESPUB), *args],
        capture_output=True,
        text=True,
        errors="replace",
        cwd=REPO,
        timeout=timeout,
        check=False,
        env={**os.environ, **(env or {})},
    )


def load_helper(path: Path) -> ModuleType:
    """Import a helper module of the tests by its path (once)."""
    name = f"respub_tests_{path.parent.name}_{path.stem}"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def copy_un_resolutions(folder: Path, names: tuple[str, ...]) -> Path:
    """An editable copy of some sample UN resolutions (Markdown) in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy2(REPO / "corpus" / "un-ga" / "md" / name, folder / name)
    return folder


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Fail (TimeoutError) when the block runs longer than `seconds`: a guard against a
    hang or a quadratic blow-up, set an order of magnitude above the expected time, not a
    performance target (those live in benchmarks/)."""

    def _expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def publish_files(paths: Sequence[str | Path], settings: Settings) -> ReleaseSummary:
    """Process every source under `paths`, write the release, load the store if asked.

    The publish flow's own tasks, called as plain functions (`task.fn`, without a Prefect
    server), in the order the flow wires them; each source is named by its path. The
    flow itself is tested in tests/flows.
    """
    from respub.orchestrate import flow
    from respub.orchestrate.noop import pin_release_time
    from respub.process import Source
    from respub.publish.layout import STORE
    from respub.sources.discover import discover

    sources = [Source.of(p) for p in discover(paths)]
    work = flow.plan_documents.fn(sources, settings)
    settings = pin_release_time(settings, work)
    outcomes = flow.process_batch.fn(work.todo, settings) if work.todo else []
    summary, _ = flow.write_release_task.fn(work, outcomes, settings)
    if settings.load_store:
        flow.load_store.fn(summary.release_dir, settings.output_dir / STORE, summary.previous)
    return summary


@cache
def parsed_file(path: Path) -> Resolution:
    """`respub.parse.parse_file(path)`, once per test process: the test files over the
    corpus share it (pypdf takes seconds to read the PDFs). A ParseError is not kept."""
    from respub.parse import parse_file

    return parse_file(path)


def one_per_folder(paths: Sequence[Path], root: Path) -> list[Any]:
    """`paths` as pytest parameters named from `root`: `make test` runs the first of each
    folder, the others are `huge` (make test-huge and CI run every one)."""
    seen: set[Path] = set()
    params = []
    for path in sorted(paths):
        first = path.parent not in seen
        seen.add(path.parent)
        marks = () if first else (pytest.mark.huge,)
        params.append(pytest.param(path, marks=marks, id=str(path.relative_to(root))))
    return params


def term_value(term: NamedNode | BlankNode | Literal | Triple) -> str:
    """An RDF term's value: respub writes no RDF-star, so no term is a quoted triple."""
    assert not isinstance(term, Triple), term
    return term.value
