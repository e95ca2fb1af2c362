"""The compact index of a run's results, so a release never holds every full result.

A full cached result holds the version's N-Triples and Akoma Ntoso (≈ 110 kB a UN-GA
resolution); the release writer needs them only for the versions it renders (new or
changed), and otherwise the few fields of `light`: identifier, IRIs, hashes, counts,
clause hashes, issues (≈ 0.6 kB). ``state/index.json`` keeps the light record of every
cached result by cache key, so a rerun reads that file instead of every result (1.3 GB of
JSON at 10,000 documents); `gather` reads a full result only for a key the index lacks
(a document processed in this run), keeps its light record, and gives the writer a
`load` function that reads a full result again when one is needed.

The index is only a shortcut to the cache (same keys, same content): a missing or
unreadable index is rebuilt from the results.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from respub.atomic import write_atomic
from respub.orchestrate.batching import Outcome, Plan, WorkItem
from respub.orchestrate.cache import ResultCache
from respub.process import process
from respub.results import DocumentResult
from respub.settings import Settings

__all__ = ["FORMAT", "Gathered", "gather", "light", "read_index"]

log = logging.getLogger(__name__)

FORMAT = 1


def light(result: DocumentResult) -> DocumentResult:
    """The result without its N-Triples and Akoma Ntoso (what the index keeps), nor its
    later parts' (a resolution adopted in parts)."""
    return replace(result, ntriples="", akn="", parts=tuple(light(p) for p in result.parts))


@dataclass(frozen=True)
class Gathered:
    """Every document's light result in plan order, and `load`, which gives the full
    result of one of them (from the batch that made it, else the cache, else made again)."""

    results: tuple[DocumentResult, ...]
    load: Callable[[DocumentResult], DocumentResult]


def read_index(path: Path) -> dict[str, dict[str, Any]]:
    """Cache key → light result (as JSON) of `path`; empty when missing or unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            raise ValueError(f"format {data.get('format')!r}")
        records: dict[str, dict[str, Any]] = data["results"]
        return records
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        log.warning("%s: unreadable index, rebuilt: %s", path, error)
        return {}


def write_index(path: Path, records: Mapping[str, Mapping[str, Any]]) -> None:
    """Replace the index (atomically)."""
    text = json.dumps(
        {"format": FORMAT, "results": records}, ensure_ascii=False, separators=(",", ":")
    )
    write_atomic(path, text.encode("utf-8"))


def gather(
    plan: Plan, outcomes: Sequence[Outcome], settings: Settings, cache: ResultCache, path: Path
) -> Gathered:
    """The light result of every planned document, from the index at `path` where it has
    the key, else from the batches' outcomes or the cache (a result deleted from the cache
    meanwhile is made again); the index is rewritten with exactly the plan's keys."""
    uncached = {o.key: o.uncached for o in outcomes if o.uncached is not None}
    known = read_index(path)
    records: dict[str, dict[str, Any]] = {}
    results = []
    for item in plan.items:
        found = uncached.get(item.digest)
        if found is not None:  # never cached: not indexed either
            results.append(light(found))
            continue
        record = known.get(item.digest)
        if record is None:
            record = light(_full(item, settings, cache)).to_json()
        records[item.digest] = record
        results.append(DocumentResult.from_json(record))
    if records.keys() != known.keys():
        write_index(path, records)
    items = {i.source.name: i for i in plan.items}

    def load(result: DocumentResult) -> DocumentResult:
        item = items.get(result.source_path)
        if item is None or result.expression_iri is None:
            return result  # nothing more to read: unpublishable, or not planned
        full = uncached.get(item.digest) or _full(item, settings, cache)
        # the version asked for: the first part, or a later part of a resolution in parts
        wanted = (v for v in full.versions if v.expression_iri == result.expression_iri)
        return next(wanted, full)

    return Gathered(tuple(results), load)


def _full(item: WorkItem, settings: Settings, cache: ResultCache) -> DocumentResult:
    """The full result of a planned document: cached, else made again."""
    result = cache.load(item.digest)
    if result is None:
        log.warning("%s: cached result vanished; processing again", item.source.name)
        result = process(item.source, settings)
    return result
