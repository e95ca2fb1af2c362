"""How `make test` spreads the files over the cores (pytest-xdist, `--dist loadfile`).

- The flow tests run on one worker, as one unit: each worker that runs one starts its own
  Prefect test server (tests/flows/conftest.py), which costs 15-20 s of a core.
- The files that take longest run first, so that no core is left running a long file alone
  at the end while the other idles (a unit is never split between workers).
"""

from __future__ import annotations

from typing import Any

import pytest
from xdist.scheduler import LoadFileScheduling

FLOWS = "tests/flows/"
# The longest files, longest first (seconds of a core, measured with --durations=0 at
# 27599ab): each over ~15 s, together about half of the suite's time.
LONGEST_FIRST = (
    "tests/test_cli.py",
    FLOWS,
    "tests/test_cli_matrix.py",
    "tests/validate/test_validate_fixtures.py",
    "tests/test_cli_errors.py",
    "tests/site/test_incremental.py",
    "tests/publish/test_crash.py",
    "tests/store/test_store.py",
    "tests/publish/test_dataset_check.py",
    "tests/rdf/test_rdf_snapshots.py",
    "tests/queries/test_consumer_queries.py",
    "tests/validate/test_validate_pyrudof.py",
    "tests/store/test_guard.py",
    "tests/akn/test_akn.py",
)


def rank(nodeid: str) -> int:
    """Where the file of `nodeid` comes in the run: the longest files first, in the order
    of `LONGEST_FIRST`, then every other file in the order collected."""
    for index, prefix in enumerate(LONGEST_FIRST):
        if nodeid.startswith(prefix):
            return index
    return len(LONGEST_FIRST)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The longest files first; a stable sort keeps each file's tests together, in order."""
    items.sort(key=lambda item: rank(item.nodeid))


class FlowsTogether(LoadFileScheduling):  # type: ignore[misc]  # xdist ships no types
    """`--dist loadfile`, but the files of tests/flows/ are one unit."""

    def _split_scope(self, nodeid: str) -> str:
        return FLOWS if nodeid.startswith(FLOWS) else super()._split_scope(nodeid)


def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> FlowsTogether | None:
    """`FlowsTogether` for `--dist loadfile`; xdist's own scheduler otherwise."""
    if config.getvalue("dist") != "loadfile":
        return None
    return FlowsTogether(config, log)
