"""What the `respub publish` and `respub schedule` commands call.

`publish` runs the `publish_resolutions` flow in this process (with a temporary Prefect
server unless a PREFECT_API_URL is configured), so `make run` and the scheduled
deployment do the same work. `schedule` serves the flow's nightly deployment.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from respub.orchestrate.noop import unchanged
from respub.orchestrate.report import PublishReport, QuarantineError
from respub.orchestrate.settings import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_OUTPUT,
    DEFAULT_RUNNER,
    DEFAULT_SOURCES,
    RUNNERS,
    make_settings,
)
from respub.preflight import check_publish

__all__ = ["PublishReport", "QuarantineError", "publish", "schedule"]


def publish(
    sources: Sequence[str | Path] = (DEFAULT_SOURCES,),
    *,
    out: str | Path = DEFAULT_OUTPUT,
    base_iri: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    runner: str = DEFAULT_RUNNER,
    dask_address: str | None = None,
    dask_workers: int | None = None,
    allow_quarantine: bool = False,
    allow_private_network: bool = False,
    allowed_roots: Sequence[str | Path] = (),
    release_time: datetime | None = None,
) -> PublishReport:
    """Run the publish flow and return its report (at once, without Prefect, when nothing
    changed since the last run).

    Raises `ValueError` on bad options (checked before the flow starts),
    `QuarantineError` (a `PublishError`, carrying `.report`) when sources were
    quarantined and `allow_quarantine` is false — the release is written all the same —
    and `RespubError`s such as `PublishError` when the run fails.
    """
    if batch_size < 1:
        raise ValueError(f"--batch-size must be at least 1, not {batch_size}")
    if runner not in RUNNERS:
        raise ValueError(f"--runner must be one of {', '.join(RUNNERS)}, not {runner!r}")
    if dask_address is not None and runner != "dask":
        raise ValueError("--dask-address needs --runner dask")
    settings = make_settings(out=out, base_iri=base_iri, release_time=release_time)
    check_publish(sources, out, allowed_roots)  # sources, output, lock: before any server
    # Nothing changed? Say so without starting Prefect (its server costs seconds).
    report = unchanged([str(s) for s in sources], settings)
    if report is not None:
        if report.quarantined and not allow_quarantine:
            raise QuarantineError.of(report)
        return report

    from respub.orchestrate.flow import publish_resolutions

    # At the command line a failure is reported at once, not retried ten minutes later.
    state = publish_resolutions.with_options(retries=0)(
        sources=[str(s) for s in sources],
        out=str(out),
        base_iri=base_iri,
        batch_size=batch_size,
        runner=runner,
        dask_address=dask_address,
        dask_workers=dask_workers,
        allow_quarantine=allow_quarantine,
        allow_private_network=allow_private_network,
        allowed_roots=[str(r) for r in allowed_roots],
        release_time=release_time,
        return_state=True,
    )
    outcome = state.result(raise_on_failure=False)
    if isinstance(outcome, BaseException):
        raise outcome
    if not isinstance(outcome, PublishReport):
        raise TypeError(f"the publish flow returned {type(outcome).__name__}, not a report")
    return outcome


def schedule(
    cron: str = "0 3 * * *",
    *,
    name: str = "nightly",
    sources: Sequence[str | Path] = (DEFAULT_SOURCES,),
    out: str | Path = DEFAULT_OUTPUT,
    base_iri: str | None = None,
    batch_size: int | None = None,
    runner: str = DEFAULT_RUNNER,
    dask_address: str | None = None,
    allow_quarantine: bool = False,
    timezone: str | None = None,
) -> None:
    """Serve the scheduled publish deployment until interrupted (blocks).

    The options are the flow's parameters for every scheduled run; `ValueError` on bad ones.
    """
    if runner not in RUNNERS:
        raise ValueError(f"--runner must be one of {', '.join(RUNNERS)}, not {runner!r}")
    make_settings(out=out, base_iri=base_iri)  # fail early
    parameters: dict[str, Any] = {
        "sources": [str(s) for s in sources],
        "out": str(out),
        "runner": runner,
        "allow_quarantine": allow_quarantine,
    }
    if base_iri is not None:
        parameters["base_iri"] = base_iri
    if batch_size is not None:
        parameters["batch_size"] = batch_size
    if dask_address is not None:
        parameters["dask_address"] = dask_address

    from respub.orchestrate.schedule import serve

    serve(cron, name=name, parameters=parameters, timezone=timezone)
