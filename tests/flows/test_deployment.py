"""The scheduled deployment: created, triggered once, run to completion; prefect.yaml loads."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
import yaml
from prefect.client.orchestration import get_client
from prefect.client.schemas.objects import FlowRun
from prefect.deployments import run_deployment
from prefect.flows import Flow, load_flow_from_entrypoint
from prefect.runner import Runner
from prefect.tasks import Task

from respub.orchestrate import flow as flow_module
from respub.orchestrate.flow import publish_resolutions
from respub.orchestrate.schedule import DEFAULT_CRON, deployment

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.huge  # a minute or more on 2 cores: make test-huge and CI run it
def test_scheduled_deployment_runs_once(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    nightly = deployment(
        name="nightly-test", parameters={"sources": [str(corpus)], "out": str(out)}
    )
    assert nightly.entrypoint == "respub.orchestrate.flow.publish_resolutions"
    runner = Runner(name="respub-test", pause_on_shutdown=False)
    deployment_id = runner.add_deployment(nightly)
    assert isinstance(deployment_id, UUID)  # called from sync code: not a coroutine

    # Trigger one run now, then let the runner (what `serve` runs) pick it up: it runs the
    # flow in a subprocess, by module path, against this session's Prefect server.
    triggered = run_deployment("publish-resolutions/nightly-test", timeout=0)
    assert isinstance(triggered, FlowRun)  # called from sync code: the run, not a coroutine
    asyncio.run(runner.start(run_once=True))

    with get_client(sync_client=True) as client:
        state = client.read_flow_run(triggered.id).state
        schedules = client.read_deployment(deployment_id).schedules
    assert state is not None and state.is_completed(), state
    assert [getattr(s.schedule, "cron", None) for s in schedules] == [DEFAULT_CRON]
    assert nightly.concurrency_limit == 1
    assert (out / "latest" / "manifest.json").is_file()


def test_prefect_yaml_names_the_flow_and_a_nightly_schedule() -> None:
    config = yaml.safe_load((REPO / "prefect.yaml").read_text("utf-8"))
    [nightly] = config["deployments"]
    loaded: Flow[..., Any] = load_flow_from_entrypoint(str(REPO / nightly["entrypoint"]))
    assert loaded.name == publish_resolutions.name
    assert set(nightly["parameters"]) <= set(loaded.parameters.properties)
    assert [s["cron"] for s in nightly["schedules"]] == [DEFAULT_CRON]
    assert nightly["concurrency_limit"]["limit"] == 1


def test_the_flow_retries_and_its_hanging_steps_time_out() -> None:
    assert publish_resolutions.retries == 1  # only where safe: tests/flows/test_retries.py
    assert flow_module.process_batch.timeout_seconds == flow_module.BATCH_TIMEOUT
    assert flow_module.load_store.timeout_seconds == flow_module.STORE_TIMEOUT
    assert flow_module.write_release_task.timeout_seconds == flow_module.WRITE_TIMEOUT
    tasks = [t for t in vars(flow_module).values() if isinstance(t, Task)]
    assert len(tasks) >= 7
    assert all(t.timeout_seconds for t in tasks), [t.name for t in tasks if not t.timeout_seconds]
