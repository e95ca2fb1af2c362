"""Serve the publish flow on a nightly schedule (what `respub schedule` does).

    .venv/bin/python flows/serve.py            # until Ctrl-C; runs at 03:00 every night

Runs appear in the Prefect UI of the API this process uses: start one with
`prefect server start` and `prefect config set PREFECT_API_URL=http://127.0.0.1:4200/api`
first, or the runs go to a temporary server that lives as long as this process.
"""

from __future__ import annotations

from prefect.types.entrypoint import EntrypointType

from respub.orchestrate.flow import publish_resolutions
from respub.orchestrate.schedule import DEFAULT_CRON, DEFAULT_NAME
from respub.orchestrate.settings import DEFAULT_SOURCES

if __name__ == "__main__":
    publish_resolutions.serve(
        name=DEFAULT_NAME,
        cron=DEFAULT_CRON,
        parameters={"sources": [DEFAULT_SOURCES], "out": "output"},
        entrypoint_type=EntrypointType.MODULE_PATH,
    )
