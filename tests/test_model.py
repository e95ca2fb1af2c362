"""The model's frozen dataclasses, built by `_filled`'s `__init__`: the same values as the
`__init__` dataclasses generate."""

from __future__ import annotations

import dataclasses
import inspect
import pickle

import pytest

from respub import model
from respub.model import Annex, Resolution, Session, Source

CLASSES = [c for c in vars(model).values() if isinstance(c, type) and dataclasses.is_dataclass(c)]


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_init_takes_the_fields_with_their_defaults(cls: type) -> None:
    parameters = list(inspect.signature(vars(cls)["__init__"]).parameters.values())[1:]
    assert [p.name for p in parameters] == [f.name for f in dataclasses.fields(cls)]
    for parameter, f in zip(parameters, dataclasses.fields(cls), strict=True):
        assert parameter.kind is parameter.POSITIONAL_OR_KEYWORD
        if f.default is not dataclasses.MISSING:
            assert parameter.default is f.default
        elif f.default_factory is dataclasses.MISSING:
            assert parameter.default is parameter.empty


def test_instances_are_frozen_equal_and_hashed_alike() -> None:
    source = Source("a.md", "0" * 64, "text/markdown")
    first = Resolution("A/RES/80/1", "UN-GA", "en", source, session=Session(80))
    second = Resolution(
        identifier="A/RES/80/1", body="UN-GA", language="en", source=source, session=Session(80)
    )
    assert first == second and hash(first) == hash(second)
    assert first.metadata == {} and first.metadata is not second.metadata  # a factory's
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.title = "x"  # type: ignore[misc]
    assert dataclasses.replace(first, title="T").title == "T"
    assert pickle.loads(pickle.dumps(first)) == first
    assert dataclasses.asdict(Annex("Annex", ("a",))) == {
        "title": "Annex",
        "paragraphs": ("a",),
        "marks": (),
    }
    with pytest.raises(TypeError):
        Session(1, "Lyon", "France", None, None, "extra")  # type: ignore[call-arg]
