"""A version's dump pieces: made once, kept under its content hash, counted exactly."""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import pytest

from respub.publish.parts import PartCache, distinct_triples, make_part
from respub.results import DocumentResult


def test_parts_count_the_distinct_triples_of_the_merged_versions(
    results: list[DocumentResult],
) -> None:
    parts = [make_part(r.expression_iri or "", r.ntriples) for r in results]
    union = {line for r in results for line in r.ntriples.splitlines()}
    assert distinct_triples(parts) == len(union)
    assert sum(p.triples for p in parts) > len(union), "the corpus shares Work triples"
    members = b"".join(p.ntriples_gz for p in parts)
    assert gzip.decompress(members).decode() == "".join(r.ntriples for r in results)


def test_a_kept_part_comes_back_and_a_damaged_one_is_a_miss(
    results: list[DocumentResult], tmp_path: Path
) -> None:
    result = results[0]
    key = hashlib.sha256(result.ntriples.encode()).hexdigest()
    cache = PartCache(tmp_path)
    part = make_part(result.expression_iri or "", result.ntriples)
    cache.store(key, part)
    assert cache.load(key, part.expression_iri) == part
    assert cache.load(key, "https://elsewhere.example/") is None
    path = cache.path(key)
    path.write_bytes(path.read_bytes()[:-3] + b"xyz")
    assert cache.load(key, part.expression_iri) is None
    assert cache.prune([]) == 1 and not path.exists()


def test_a_part_of_text_that_is_not_ntriples_is_refused() -> None:
    with pytest.raises(SyntaxError):
        make_part("https://data.respub.org/x", "<a> <b> .\n")
