"""Which failed runs are tried again, and how a run says it must not be.

The deployed flow has `retries` (a nightly run that fails on something passing is tried
again later). Only a failure that can pass is worth it: the output folder or the store
locked by another run (a manual `respub publish` meeting the nightly one), a network
error, a timeout. A verdict is final: documents quarantined, the gate refusing a
release, bad options or a bad manifest, a bug — the same inputs give the same answer ten
minutes later. Prefect 3 has no retry condition for flows, so a run that fails for good
first tells the API it has no retries left (`forbid_retries`), then ends Failed.
"""

from __future__ import annotations

import logging

import requests

from respub.publish.locking import LockBusy

__all__ = ["TRANSIENT", "forbid_retries", "retryable"]

log = logging.getLogger(__name__)

TRANSIENT: tuple[type[BaseException], ...] = (
    LockBusy,
    requests.ConnectionError,
    requests.Timeout,
    ConnectionError,
    TimeoutError,
)
"""Errors after which the same run may succeed later."""


def retryable(error: BaseException) -> bool:
    """True when `error`, or an error it was raised from, is `TRANSIENT`.

    >>> retryable(LockBusy("output: another publish is running"))
    True
    >>> retryable(ValueError("--batch-size must be at least 1"))
    False
    """
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, TRANSIENT):
            return True
        seen = seen.__cause__
    return False


def forbid_retries(reason: str) -> bool:
    """Set the current flow run's retries to 0 on the Prefect API, so the Failed state it
    is about to enter is final; True when there were retries to cancel (False outside a
    flow run, or when it had none)."""
    from prefect.client.orchestration import get_client
    from prefect.context import FlowRunContext

    context = FlowRunContext.get()
    run = context.flow_run if context is not None else None
    if run is None or not run.empirical_policy.retries:
        return False
    final = run.empirical_policy.model_copy(update={"retries": 0})
    with get_client(sync_client=True) as client:
        client.update_flow_run(run.id, empirical_policy=final)
    run.empirical_policy = final
    log.info("not retried: %s", reason)
    return True
