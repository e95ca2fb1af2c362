"""What the `respub publish` and `respub schedule` commands call.

`run` runs the `publish_resolutions` flow in this process (with a temporary Prefect
server unless a PREFECT_API_URL is configured), so `make run` and the scheduled
deployment do the same work. `schedule` serves the flow's nightly deployment. Both take
one `PublishOptions` value (`respub.orchestrate.settings`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from respub.orchestrate.noop import unchanged
from respub.orchestrate.report import PublishReport, QuarantineError
from respub.orchestrate.settings import DEFAULT_CRON, PublishOptions, make_settings
from respub.preflight import check_publish

__all__ = [
    "PublishReport",
    "QuarantineError",
    "publish",
    "run",
    "run_flow",
    "run_if_changed",
    "schedule",
]


def publish(
    sources: Sequence[str | Path] | None = None,
    *,
    release_time: datetime | None = None,
    **options: Any,
) -> PublishReport:
    """`run` with the options given by name (``out=…, batch_size=…``, paths allowed)."""
    return run(PublishOptions.of(sources, **options), release_time=release_time)


def run(options: PublishOptions, *, release_time: datetime | None = None) -> PublishReport:
    """Run the publish flow and return its report (at once, without Prefect, when nothing
    changed since the last run).

    Raises `ValueError` on bad options (checked before the flow starts),
    `QuarantineError` (a `PublishError`, carrying `.report`) when sources were
    quarantined and `allow_quarantine` is false — the release is written all the same —
    and `RespubError`s such as `PublishError` when the run fails.
    """
    report = run_if_changed(options, release_time=release_time)
    return report if report is not None else run_flow(options, release_time=release_time)


def run_if_changed(
    options: PublishOptions, *, release_time: datetime | None = None
) -> PublishReport | None:
    """The checks `run` makes before the flow: the options, the sources, the output folder;
    then the report of the last run when nothing changed since (raising as `run` does),
    or None when the flow must run. Imports neither Prefect nor the pipeline."""
    options.check()
    settings = make_settings(out=options.out, base_iri=options.base_iri, release_time=release_time)
    spec = check_publish(options.sources, options.out, options.allowed_roots)  # no server yet
    # Nothing changed? Say so without starting Prefect (its server costs seconds).
    report = unchanged(
        list(options.sources), settings, options.allowed_roots, rehash=options.rehash, resolved=spec
    )
    if report is not None and report.quarantined and not options.allow_quarantine:
        raise QuarantineError.of(report)
    return report


def run_flow(options: PublishOptions, *, release_time: datetime | None = None) -> PublishReport:
    """Run the publish flow (with a temporary Prefect server unless one is configured);
    `PublishError` at once when the configured one does not answer."""
    from respub.orchestrate.flow import publish_resolutions
    from respub.orchestrate.prefect_api import check_configured_api

    check_configured_api()

    # At the command line a failure is reported at once, not retried ten minutes later.
    state = publish_resolutions.with_options(retries=0)(
        **options.parameters(), release_time=release_time, return_state=True
    )
    outcome = state.result(raise_on_failure=False)
    if isinstance(outcome, BaseException):
        raise outcome
    if not isinstance(outcome, PublishReport):
        raise TypeError(f"the publish flow returned {type(outcome).__name__}, not a report")
    return outcome


def schedule(
    cron: str = DEFAULT_CRON,
    options: PublishOptions | None = None,
    *,
    name: str = "nightly",
    timezone: str | None = None,
) -> None:
    """Serve the scheduled publish deployment until interrupted (blocks).

    `options` are the flow's parameters for every scheduled run; `ValueError` on bad ones.
    """
    chosen = options or PublishOptions()
    chosen.check()
    make_settings(out=chosen.out, base_iri=chosen.base_iri)  # fail early

    from respub.orchestrate.prefect_api import check_configured_api
    from respub.orchestrate.schedule import serve

    check_configured_api()

    serve(cron, name=name, parameters=chosen.parameters(), timezone=timezone)
