"""The publish options are declared once (PublishOptions): the CLI's publish and schedule
commands, the flow, the scheduled deployment and prefect.yaml must all agree with it."""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

import pytest
import typer
import yaml

from respub.cli import app
from respub.orchestrate.flow import publish_resolutions
from respub.orchestrate.schedule import deployment
from respub.orchestrate.settings import DEFAULTS, PublishOptions, option_fields

REPO = Path(__file__).resolve().parents[2]
LISTS = {"sources", "allowed_roots"}  # None stands for the default in the CLI and the flow


def commands() -> dict[str, Any]:
    group: Any = typer.main.get_command(app)
    return dict(group.commands)


@pytest.mark.parametrize("name", ["publish", "schedule"])
def test_the_commands_offer_every_declared_option(name: str) -> None:
    params = {p.name: p for p in commands()[name].params}
    for field, default, info in option_fields():
        if not info.cli:
            assert field not in params
            continue
        param = params.pop(field)
        assert param.help == info.help, field
        assert param.default == (None if field in LISTS else default), field
        if info.argument:
            assert param.param_type_name == "argument"
        else:
            assert max(param.opts, key=len) == (info.flag or "--" + field.replace("_", "-"))
    assert set(params) == ({"cron"} if name == "schedule" else set())


def test_the_flow_takes_every_option_with_its_default() -> None:
    signature = inspect.signature(publish_resolutions.fn)
    parameters = dict(signature.parameters)
    assert parameters.pop("release_time").default is None
    for field, default, _ in option_fields():
        found = parameters.pop(field)
        assert found.default == (None if field in LISTS else default), field
    assert not parameters, f"flow parameters not declared in PublishOptions: {set(parameters)}"


def test_the_schedule_passes_every_option_to_each_run(tmp_path: Path) -> None:
    options = PublishOptions.of([str(tmp_path)], out=tmp_path / "out", batch_size=7)
    made = deployment(parameters=options.parameters())
    assert set(made.parameters) == {f for f, _, _ in option_fields()}
    assert made.parameters["batch_size"] == 7
    assert made.parameters["sources"] == [str(tmp_path)]


def test_prefect_yaml_parameters_are_the_declared_defaults() -> None:
    config = yaml.safe_load((REPO / "prefect.yaml").read_text("utf-8"))
    [nightly] = config["deployments"]
    declared = DEFAULTS.parameters()
    for name, value in nightly["parameters"].items():
        assert declared[name] == value, name


def test_loose_values_and_unknown_names() -> None:
    options = PublishOptions.of([Path("a"), "b"], out=Path("x"), allowed_roots=[Path("r")])
    assert options.sources == ("a", "b") and options.out == "x"
    assert options.allowed_roots == ("r",)
    assert PublishOptions.of(None, base_iri=None) == DEFAULTS
    with pytest.raises(TypeError, match="unknown publish options: batchsize"):
        PublishOptions.of(batchsize=3)
    with pytest.raises(ValueError, match="--dask-address needs --runner dask"):
        PublishOptions(dask_address="tcp://x:1").check()
