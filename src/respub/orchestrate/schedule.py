"""Run the publish flow on a schedule: a deployment served by this process.

`serve()` is what `respub schedule --cron "0 3 * * *"` runs: it registers the
``publish-resolutions/nightly`` deployment with the Prefect API (the one configured, or
a temporary local server) and polls for its scheduled runs until interrupted. Each run
executes in a fresh subprocess that imports the flow by module path
(`respub.orchestrate.flow.publish_resolutions`), so it always runs the installed code.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from prefect.deployments.runner import RunnerDeployment
from prefect.schedules import Cron
from prefect.types.entrypoint import EntrypointType

from respub.orchestrate.flow import publish_resolutions
from respub.orchestrate.settings import DEFAULT_CRON, DEFAULT_OUTPUT, DEFAULT_SOURCES

__all__ = ["DEFAULT_CRON", "DEFAULT_NAME", "deployment", "serve"]

DEFAULT_NAME = "nightly"


def deployment(
    *,
    cron: str = DEFAULT_CRON,
    name: str = DEFAULT_NAME,
    parameters: Mapping[str, Any] | None = None,
    timezone: str | None = None,
) -> RunnerDeployment:
    """The scheduled deployment of `publish_resolutions` (not yet registered).

    `parameters` are the flow's (sources, out, base_iri, batch_size, runner, …); relative
    ``sources`` and ``out`` are made absolute here, since runs may start elsewhere.
    """
    values = dict(parameters or {})
    values["sources"] = [_absolute(s) for s in values.get("sources") or [DEFAULT_SOURCES]]
    values["out"] = _absolute(values.get("out") or DEFAULT_OUTPUT)
    when = f"{cron!r}" + (f" ({timezone})" if timezone else "")
    made = publish_resolutions.to_deployment(
        name=name,
        schedules=[Cron(cron, timezone=timezone)],
        parameters=values,
        description=f"Publish the resolutions on the schedule {when}.",
        tags=["respub"],
        entrypoint_type=EntrypointType.MODULE_PATH,
        concurrency_limit=1,  # a run that meets another waits its turn (as prefect.yaml)
    )
    if not isinstance(made, RunnerDeployment):  # to_deployment is async in an event loop
        raise RuntimeError("deployment() must be called outside an event loop")
    return made


def serve(
    cron: str = DEFAULT_CRON,
    *,
    name: str = DEFAULT_NAME,
    parameters: Mapping[str, Any] | None = None,
    timezone: str | None = None,
) -> None:
    """Register the deployment and run its scheduled runs until interrupted (blocks)."""
    from prefect import serve as prefect_serve

    prefect_serve(deployment(cron=cron, name=name, parameters=parameters, timezone=timezone))


def _absolute(value: str | Path) -> str:
    text = str(value)
    if any(c in text for c in "*?[") and not Path(text).is_absolute():
        return str(Path.cwd() / text)
    return str(Path(text).absolute())
