"""The incremental cache: one JSON file per `DocumentResult`, addressed by what made it.

A result's key hashes the document's bytes, its name (path or URL: it is recorded as
provenance), the parser hints, the relevant settings and the pipeline version. The same
key therefore always names the same result, so a file is written once and never
updated; it is written through a temporary file and `os.replace`, so a reader sees a
whole file or none. A damaged or foreign file is a miss, never an error: the cache only
saves work, it is never the truth.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from respub.atomic import prune_kept, read_kept, write_atomic
from respub.orchestrate.fingerprint import json_sha256
from respub.results import DocumentResult

FORMAT = 1


@dataclass(frozen=True)
class CacheKey:
    """The inputs of one document's result; `digest` is the cache key."""

    sha256: str
    name: str
    language: str | None
    body: str | None
    settings: str
    pipeline: str
    identifier: str | None = None  # the manifest's, for a document that prints none

    @cached_property  # asked several times per document by a plan of 10,000
    def digest(self) -> str:
        """The content address of the result made from these inputs."""
        return json_sha256({"format": FORMAT, **self.to_json()})

    def to_json(self) -> dict[str, Any]:
        """The inputs as a JSON object."""
        return {
            "sha256": self.sha256,
            "name": self.name,
            "language": self.language,
            "body": self.body,
            "settings": self.settings,
            "pipeline": self.pipeline,
            **({"identifier": self.identifier} if self.identifier is not None else {}),
        }


def _result(document: dict[str, Any]) -> DocumentResult:
    return DocumentResult.from_json(document["result"])


class ResultCache:
    """Results under `root/<key[:2]>/<key>.json` (e.g. ``output/state/results``)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, key: str) -> Path:
        """Where the result of `key` lives."""
        return self.root / key[:2] / f"{key}.json"

    def has(self, key: str) -> bool:
        """True when a result is stored under `key` (without reading it)."""
        return os.path.isfile(os.path.join(self.root, key[:2], f"{key}.json"))

    def load(self, key: str) -> DocumentResult | None:
        """The result stored under `key`, or None if missing or unreadable."""
        return read_kept(self.path(key), "cached result", _result, format=FORMAT, key=key)

    def store(self, key: CacheKey, result: DocumentResult) -> Path:
        """Keep `result` under its key (atomically); returns the file's path."""
        digest = key.digest
        document = {
            "format": FORMAT,
            "key": digest,
            "inputs": key.to_json(),
            "result": result.to_json(),
        }
        text = json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        path = self.path(digest)
        write_atomic(path, text.encode("utf-8"))
        return path

    def prune(self, keep: Iterable[str]) -> int:
        """Delete every result whose key is not in `keep`; returns how many went."""
        return prune_kept(self.root, ".json", keep)
