"""Remembered validators and last good bodies of fetched URLs (`ValidatorCache`).

`ValidatorCache` remembers ETag and Last-Modified per URL in a JSON file and keeps the
last good body, keyed by its SHA-256, so a 304 or a failed fetch can fall back on it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from respub.atomic import write_atomic

log = logging.getLogger(__name__)

__all__ = ["CacheEntry", "ValidatorCache"]


@dataclass(frozen=True)
class CacheEntry:
    """What we know of a URL's last good body: its hash, type and validators."""

    sha256: str
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None


class ValidatorCache:
    """ETag / Last-Modified per URL in a JSON file, plus the last good bodies by SHA-256.

    Bodies live under `body_dir` (default: ``<stem>-bodies`` beside the JSON file).
    Every change is written at once and atomically; a missing or corrupt file
    starts an empty cache (it only saves bandwidth, it is never the truth).
    """

    def __init__(self, path: Path, body_dir: Path | None = None) -> None:
        self.path = path
        self.body_dir = body_dir if body_dir is not None else path.with_name(f"{path.stem}-bodies")
        self._lock = threading.Lock()
        self._entries = _load_entries(path)

    def entry(self, url: str) -> CacheEntry | None:
        """The remembered entry for `url`, if any."""
        with self._lock:
            return self._entries.get(url)

    def conditional_headers(self, url: str) -> dict[str, str]:
        """If-None-Match / If-Modified-Since for `url`, only when its body is kept."""
        entry = self.entry(url)
        if entry is None or not self._body_path(entry.sha256).is_file():
            return {}
        headers = {}
        if entry.etag:
            headers["If-None-Match"] = entry.etag
        if entry.last_modified:
            headers["If-Modified-Since"] = entry.last_modified
        return headers

    def last_good(self, url: str) -> bytes | None:
        """The last good body fetched from `url`, or None (also if it is damaged)."""
        entry = self.entry(url)
        if entry is None:
            return None
        try:
            content = self._body_path(entry.sha256).read_bytes()
        except OSError:
            return None
        if hashlib.sha256(content).hexdigest() != entry.sha256:
            log.warning("%s: cached body does not match its SHA-256; ignored", url)
            return None
        return content

    def remember(
        self,
        url: str,
        content: bytes,
        *,
        content_type: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> CacheEntry:
        """Keep `content` as the last good body of `url`, with its validators."""
        entry = CacheEntry(hashlib.sha256(content).hexdigest(), content_type, etag, last_modified)
        with self._lock:
            body_path = self._body_path(entry.sha256)
            if not body_path.is_file():
                write_atomic(body_path, content, durable=True)
            previous = self._entries.get(url)
            self._entries[url] = entry
            self._save()
            if previous is not None and all(
                kept.sha256 != previous.sha256 for kept in self._entries.values()
            ):
                self._body_path(previous.sha256).unlink(missing_ok=True)
        return entry

    def refresh(
        self, url: str, *, etag: str | None, last_modified: str | None
    ) -> CacheEntry | None:
        """Update the validators of `url` after a 304 that carried new ones."""
        with self._lock:
            entry = self._entries.get(url)
            if entry is None:
                return None
            fresh = replace(
                entry, etag=etag or entry.etag, last_modified=last_modified or entry.last_modified
            )
            if fresh != entry:
                self._entries[url] = fresh
                self._save()
            return fresh

    def _body_path(self, sha256: str) -> Path:
        return self.body_dir / sha256[:2] / sha256

    def _save(self) -> None:
        document = {
            "version": 1,
            "entries": {url: asdict(entry) for url, entry in sorted(self._entries.items())},
        }
        text = json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        write_atomic(self.path, text.encode("utf-8"), durable=True)


def _load_entries(path: Path) -> dict[str, CacheEntry]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        log.warning("%s: unreadable HTTP cache, starting empty: %s", path, error)
        return {}
    raw = document.get("entries") if isinstance(document, dict) else None
    entries: dict[str, CacheEntry] = {}
    for url, value in (raw if isinstance(raw, dict) else {}).items():
        try:
            entry = CacheEntry(**value)
        except TypeError:
            entry = None
        if entry is None or not isinstance(entry.sha256, str):
            log.warning("%s: ignoring a bad cache entry for %s", path, url)
            continue
        entries[url] = entry
    return entries
