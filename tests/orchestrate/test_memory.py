"""Freed heap goes back to the system between stages (glibc's malloc_trim)."""

from __future__ import annotations

import pytest

from respub.orchestrate.memory import resident_mb, return_freed_memory


def test_freed_heap_is_returned() -> None:
    before = resident_mb()
    if before is None or not return_freed_memory():
        pytest.skip("no /proc or no malloc_trim here")
    # ~200 MB in 2 kB blocks (C heap, not Python's arenas); one kept block in every 1,000
    # pins the heap's top, so glibc cannot give the freed pages back by itself
    blocks = [bytearray(2048) for _ in range(100_000)]
    kept = blocks[::1000]
    del blocks
    held = resident_mb()
    assert held is not None and held - before > 100
    assert return_freed_memory()
    after = resident_mb()
    assert after is not None and held - after > 100, (before, held, after)
    assert len(kept) == 100
