"""The HELD-OUT Security Council resolutions (README.md beside this file): field-level
accuracy, measured once at the end of the work, reported apart from the development set.
The parser was never run on these texts before; nothing was changed after this measure."""

from __future__ import annotations

from pathlib import Path

import pytest
from parse.accuracy import load, measure, overall, table

from respub.knowledge import profiles as registry
from respub.parse import parse_file

HERE = Path(__file__).resolve().parent
FOLDER = HERE / "un-sc"
NOTES = load(HERE / "annotations" / "un-sc.yaml")


def test_held_out_accuracy_without_a_profile(monkeypatch: pytest.MonkeyPatch) -> None:
    without = {c: p for c, p in registry.profiles().items() if c != "UN-SC"}
    monkeypatch.setattr(registry, "profiles", lambda: without)
    registry.known_bodies.cache_clear()
    try:
        results = measure(FOLDER, NOTES, parse_file)
    finally:
        registry.known_bodies.cache_clear()
    print("\n" + table("UN-SC HELD-OUT, without a profile (table of known bodies)", results))
    assert len(results) == 10
    assert overall(results) >= 0.0  # reported, not a target


def test_held_out_accuracy_with_the_profile() -> None:
    results = measure(FOLDER, NOTES, parse_file)
    print("\n" + table("UN-SC HELD-OUT, with the hand-written profile", results))
    assert len(results) == 10
    assert overall(results) >= 0.0  # reported, not a target
