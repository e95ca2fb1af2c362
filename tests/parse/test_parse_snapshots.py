"""Snapshots of the parser's whole result for every corpus document and test fixture.

Each document's `Resolution` (every field, metadata and warnings included) or its
`ParseError` is written as JSON to `snapshots/<path>.json` and compared as text, so a
change that alters any parse result, by design or by accident, shows here: a speed-up
must leave them all alone. ``RESPUB_REGENERATE_SNAPSHOTS=1`` rewrites them after a
deliberate change (review the diff before committing it).
"""

from __future__ import annotations

import difflib
import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest
from support import parsed_file

from respub.errors import ParseError
from respub.sources.discover import discover

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOTS = Path(__file__).with_name("snapshots")
DOCUMENTS = discover([ROOT / "corpus", ROOT / "tests/fixtures"])


def parsed(path: Path) -> dict[str, Any]:
    """The parse result of `path` as plain data, the path relative to the repository
    wherever it occurs (the source of the resolution, and of each of its parts)."""
    relative = path.relative_to(ROOT).as_posix()
    try:
        result = asdict(parsed_file(path))
    except ParseError as error:
        return {"error": str(error).replace(str(path), relative)}
    plain: dict[str, Any] = _relative(result, str(path), relative)  # a dict, as `result`
    return plain


def _relative(value: Any, absolute: str, relative: str) -> Any:
    if isinstance(value, dict):
        return {k: _relative(v, absolute, relative) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_relative(v, absolute, relative) for v in value]
    return relative if value == absolute else value


def as_text(result: dict[str, Any]) -> str:
    return json.dumps(result, ensure_ascii=False, indent=1, sort_keys=True, default=str) + "\n"


def test_every_document_is_covered() -> None:
    assert len(DOCUMENTS) >= 90
    names = {(SNAPSHOTS / f"{p.relative_to(ROOT)}.json") for p in DOCUMENTS}
    stale = sorted(str(s) for s in SNAPSHOTS.rglob("*.json") if s not in names)
    assert not stale, f"snapshots of documents that are gone: {stale}"


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_parse_result_is_unchanged(path: Path) -> None:
    snapshot = SNAPSHOTS / f"{path.relative_to(ROOT)}.json"
    text = as_text(parsed(path))
    if os.environ.get("RESPUB_REGENERATE_SNAPSHOTS") == "1":
        snapshot.parent.mkdir(parents=True, exist_ok=True)
        snapshot.write_text(text, encoding="utf-8")
    if not snapshot.exists():
        pytest.fail(f"no snapshot {snapshot} (RESPUB_REGENERATE_SNAPSHOTS=1 writes it)")
    expected = snapshot.read_text(encoding="utf-8")
    if text != expected:
        diff = difflib.unified_diff(expected.splitlines(), text.splitlines(), lineterm="", n=1)
        pytest.fail(
            f"{path.name}: the parse result changed (RESPUB_REGENERATE_SNAPSHOTS=1 rewrites "
            "the snapshot after a deliberate change)\n" + "\n".join(list(diff)[2:40])
        )
