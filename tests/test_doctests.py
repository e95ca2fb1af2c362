"""The runnable examples in the package's docstrings pass."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import respub

MODULES = sorted(
    m.name for m in pkgutil.walk_packages(respub.__path__, "respub.") if not m.name.endswith("cli")
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    failures, _ = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert failures == 0
