"""The working state of publish runs, under ``output/state/`` (never part of a release).

output/state/
  results/<k[:2]>/<key>.json    cached DocumentResults (respub.orchestrate.cache)
  index.json                    their light records by key (respub.orchestrate.index)
  parts/, zip/                  dump pieces and archive members (respub.publish)
  rendered/<salt>/              each version's .ttl, .jsonld, .akn by content hash
  sources/<s[:2]>/<sha256>.ext  fetched bytes, staged for processing
  source-hashes.json            each local source's hash and stat (respub.orchestrate.hashes)
  http/validators.json          ETag / Last-Modified per URL, and the last good bodies
  last-run.json                 what the last successful run published, and from what
  prefect-server.log            what Prefect's temporary server printed (`respub publish`)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from respub.atomic import read_kept, write_atomic
from respub.orchestrate.fingerprint import json_sha256
from respub.orchestrate.report import PublishReport
from respub.settings import Settings

STATE = "state"


@dataclass(frozen=True)
class StateDirs:
    """The places of a run's state below one output folder."""

    root: Path

    @classmethod
    def of(cls, output: Path) -> StateDirs:
        """The state of the releases under `output`."""
        return cls(output / STATE)

    @property
    def results(self) -> Path:
        """The incremental cache of document results."""
        return self.root / "results"

    @property
    def index(self) -> Path:
        """The light record of every cached result of the last run, by key."""
        return self.root / "index.json"

    @property
    def source_hashes(self) -> Path:
        """The hash of each source's bytes, with its `stat` when they were read."""
        return self.root / "source-hashes.json"

    @property
    def sources(self) -> Path:
        """Staged copies of fetched sources."""
        return self.root / "sources"

    @property
    def validators(self) -> Path:
        """The HTTP validator cache (its bodies sit beside it)."""
        return self.root / "http" / "validators.json"

    @property
    def last_run(self) -> Path:
        """The record of the last successful run."""
        return self.root / "last-run.json"

    @property
    def server_log(self) -> Path:
        """The output of the temporary Prefect server that `respub publish` starts."""
        return self.root / "prefect-server.log"


@dataclass(frozen=True)
class LastRun:
    """What the last successful run published (`report`), from which inputs (`fingerprint`),
    and which store folder it loaded (`store`, resolved)."""

    fingerprint: str
    report: PublishReport
    store: str | None


def run_fingerprint(keys: tuple[str, ...], settings: Settings) -> str:
    """A hash of everything a release is made from: every document's cache key (bytes,
    name, hints, settings, pipeline version) in order, and the release settings."""
    metadata = settings.metadata()
    return json_sha256(
        {
            "keys": list(keys),
            "settings": metadata,
            "keep": settings.keep,
            "load_store": settings.load_store,
        }
    )


def read_last_run(path: Path) -> LastRun | None:
    """The last run's record, or None when there is none (or it cannot be read)."""
    return read_kept(path, "record of the last run", _last_run)


def _last_run(data: dict[str, Any]) -> LastRun:
    return LastRun(data["fingerprint"], PublishReport.from_json(data["report"]), data["store"])


def write_last_run(path: Path, last: LastRun) -> None:
    """Record a successful run (atomically)."""
    data = {"fingerprint": last.fingerprint, "report": last.report.to_json(), "store": last.store}
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
    write_atomic(path, text.encode("utf-8"))
