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

from respub.atomic import read_kept, write_atomic
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
    """Cache key → light result (as JSON) of `path`; empty when missing, unreadable or of
    another format (the index is then rebuilt from the results)."""
    return read_kept(path, "index of results", _records, format=FORMAT) or {}


def _records(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    records = data["results"]
    if not isinstance(records, dict) or not all(isinstance(r, dict) for r in records.values()):
        raise TypeError("results are not an object of objects")
    return records


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
        kept = known.get(item.digest)
        result = None if kept is None else _from_record(kept, path)
        if kept is None or result is None:
            kept = light(_full(item, settings, cache)).to_json()
            result = DocumentResult.from_json(kept)
            known.pop(item.digest, None)  # a damaged record is written again
        records[item.digest] = kept
        results.append(result)
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


def _from_record(record: dict[str, Any], path: Path) -> DocumentResult | None:
    """The light result of an index record; None (and a warning) when it is damaged."""
    try:
        return DocumentResult.from_json(record)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        log.warning("%s: damaged record in the index of results, read again: %s", path, error)
        return None


def _full(item: WorkItem, settings: Settings, cache: ResultCache) -> DocumentResult:
    """The full result of a planned document: cached, else made again."""
    result = cache.load(item.digest)
    if result is None:
        log.warning("%s: cached result vanished; processing again", item.source.name)
        result = process(item.source, settings)
    return result
