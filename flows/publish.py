"""The publish flow, for `prefect.yaml` (entrypoint ``flows/publish.py:publish_resolutions``).

The flow is defined in the package, `respub.orchestrate.flow`, so the CLI imports it like
any other module; this file only re-exports it for tools that load flows by file path.
Run it directly to publish ``corpus/sample.yaml`` into ``output/`` once:

    .venv/bin/python flows/publish.py
"""

from __future__ import annotations

from respub.orchestrate.flow import publish_resolutions

__all__ = ["publish_resolutions"]

if __name__ == "__main__":
    publish_resolutions()
