"""Fixtures of the validation tests: the failing-fixture cases, loaded by path.

Tests run with ``--import-mode=importlib``, so ``fixture_cases.py`` is loaded here and
reaches the tests through the ``cases`` fixture and the ``case`` parameter.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest


def _load(path: Path) -> ModuleType:
    name = f"respub_tests_{path.parent.name}_{path.stem}"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


fixture_cases = _load(Path(__file__).with_name("fixture_cases.py"))


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
