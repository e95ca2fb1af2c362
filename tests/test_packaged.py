"""The packaged data files read as YAML 1.2: a bare word is never a boolean."""

from __future__ import annotations

from importlib import resources
from typing import Any

import pytest

from respub.knowledge.language import detect_language
from respub.knowledge.layout import layout
from respub.knowledge.lexicon import lexicon
from respub.packaged import read_data, read_yaml_text


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "y", "n", "Yes", "NO", "On"])
def test_yaml_1_1_booleans_stay_words(word: str) -> None:
    assert read_yaml_text(f"[by, {word}]") == ["by", word]


def test_true_false_numbers_and_nulls_keep_their_types() -> None:
    assert read_yaml_text("[true, False, 3, 2.5, null, ~]") == [True, False, 3, 2.5, None, None]


def _scalars(data: Any) -> list[object]:
    """Every item of every list in `data`, nested."""
    if isinstance(data, dict):
        return [s for value in data.values() for s in _scalars(value)]
    if isinstance(data, list):
        return [
            s
            for item in data
            for s in (_scalars(item) if isinstance(item, (dict, list)) else [item])
        ]
    return []


def test_no_packaged_list_holds_a_boolean() -> None:
    folder = resources.files("respub.data")
    names = [
        f"{sub}{entry.name}"
        for sub, where in [
            ("", folder),
            ("lexicons/", folder / "lexicons"),
            ("bodies/", folder / "bodies"),
            ("site/", folder / "site"),
        ]
        for entry in where.iterdir()
        if entry.name.endswith(".yaml")
    ]
    assert "lexicons/en.yaml" in names and "layout.yaml" in names
    for name in names:
        booleans = [s for s in _scalars(read_data(name)) if isinstance(s, bool)]
        assert not booleans, f"{name}: {booleans}"


def test_the_words_yaml_1_1_took_are_back() -> None:
    assert "on" in lexicon("en").stopwords
    assert {"no", "on"} <= layout("en").counted and "on" in layout("en").dangling
    assert "no" in layout("fr").counted


def test_on_counts_as_an_english_function_word() -> None:
    assert detect_language("on on on on on le") == "en"
