"""Fixtures of the validation tests: the failing-fixture cases, loaded by path.

Tests run with ``--import-mode=importlib``, so ``fixture_cases.py`` is loaded here and
reaches the tests through the ``cases`` fixture and the ``case`` parameter.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import ModuleType

import pytest
from support import load_helper

fixture_cases = load_helper(Path(__file__).with_name("fixture_cases.py"))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrize `case` with every fixture case (a shape's local name)."""
    if "case" in metafunc.fixturenames:
        metafunc.parametrize("case", sorted(fixture_cases.CASES))


@pytest.fixture
def cases() -> ModuleType:
    """The module describing the fixtures (base document, changes, helpers)."""
    return fixture_cases


@pytest.fixture
def regenerate() -> bool:
    """True when ``RESPUB_REGENERATE_SNAPSHOTS=1``: fixture files are rewritten."""
    return os.environ.get("RESPUB_REGENERATE_SNAPSHOTS") == "1"
