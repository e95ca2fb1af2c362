"""Flow-level retries only where a retry can help (a real Prefect API, real locks).

A run that quarantined documents is a verdict: trying it again gives the same answer, so
it ends Failed at once, with no retry. A run that met the output folder locked by
another publisher is tried again, and succeeds once the lock is free.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from uuid import UUID

from prefect import State
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import (
    FlowRunFilter,
    FlowRunFilterId,
    TaskRunFilter,
    TaskRunFilterName,
)

from respub.orchestrate.flow import publish_resolutions
from respub.orchestrate.report import QuarantineError
from respub.orchestrate.retry import retryable
from respub.publish.locking import LockBusy, exclusive


def run_with_retries(corpus: Path, out: Path, delay: float) -> State:
    """The flow as a deployment runs it: one retry, here after `delay` seconds."""
    retrying = publish_resolutions.with_options(retries=1, retry_delay_seconds=delay)
    return retrying(sources=[str(corpus)], out=str(out), return_state=True)


def runs_of(state: State) -> tuple[int, int, int | None]:
    """(run count, write-release task runs, retries left on the API) of a flow run."""
    flow_run_id = state.state_details.flow_run_id
    assert flow_run_id is not None
    with get_client(sync_client=True) as client:
        flow_run = client.read_flow_run(flow_run_id)
        writes = client.read_task_runs(
            flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])),
            task_run_filter=TaskRunFilter(name=TaskRunFilterName(like_="write-release")),
        )
    return flow_run.run_count, len(writes), flow_run.empirical_policy.retries


def test_a_quarantine_is_final_not_retried(corpus: Path, tmp_path: Path) -> None:
    (corpus / "notes.txt").write_text("Nothing to see here, only a shopping list.\n", "utf-8")
    state = run_with_retries(corpus, tmp_path / "out", delay=0)
    assert state.is_failed()
    error = state.result(raise_on_failure=False)
    assert isinstance(error, QuarantineError) and not retryable(error)
    assert runs_of(state) == (1, 1, 0), "one run, one release written, no retry left"


def test_a_locked_output_is_retried_and_then_published(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    awaiting: list[UUID] = []
    held = threading.Event()

    def hold_until_the_retry_is_scheduled() -> None:
        with exclusive(out / ".publish.lock", "held by the test"):
            held.set()
            deadline = time.monotonic() + 300
            with get_client(sync_client=True) as client:
                while not awaiting and time.monotonic() < deadline:
                    runs = client.read_flow_runs(flow_run_filter=FlowRunFilter())
                    awaiting.extend(r.id for r in runs if r.state_name == "AwaitingRetry")
                    time.sleep(0.1)

    holder = threading.Thread(target=hold_until_the_retry_is_scheduled, daemon=True)
    holder.start()
    assert held.wait(30)
    state = run_with_retries(corpus, out, delay=5)
    holder.join(10)
    assert awaiting == [state.state_details.flow_run_id], "the first attempt failed on the lock"
    assert state.is_completed(), state
    assert runs_of(state) == (2, 2, 1), "tried twice: the second wrote the release"
    assert (out / "latest" / "manifest.json").is_file()


def test_what_is_worth_a_retry() -> None:
    assert retryable(LockBusy("out: another publish is running"))
    assert retryable(TimeoutError("read timed out"))
    wrapped = RuntimeError("store push failed")
    wrapped.__cause__ = ConnectionRefusedError(111, "Connection refused")
    assert retryable(wrapped)
    assert not retryable(ValueError("--batch-size must be at least 1"))
    assert not retryable(FileNotFoundError("corpus/missing.yaml"))
