"""Fetch remote sources over HTTP: one session, bounded bodies, retries only where they help.

`fetch` never raises. It returns a `FetchResult` whose status is ``"fetched"``,
``"not-modified"`` (a 304 answered our validators: keep the previous copy) or
``"failed"`` with a one-line error naming the URL and the cause. Only errors that
can pass are retried (connect errors, timeouts, 5xx, 429); other 4xx, a refused
content type, an oversized body and redirect loops fail at once.

`ValidatorCache` remembers ETag and Last-Modified per URL in a JSON file and keeps
the last good body, keyed by its SHA-256, so a 304 or a failure can fall back on it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

import requests
from urllib3.exceptions import ReadTimeoutError

from respub import __version__
from respub.errors import FetchError

log = logging.getLogger(__name__)

Status = Literal["fetched", "not-modified", "failed"]

CONTENT_TYPES = (
    "text/plain",
    "text/markdown",
    "text/html",
    "application/xhtml+xml",
    "application/pdf",
)
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class HttpSettings:
    """How to fetch: timeouts in seconds, limits, retry policy and identity."""

    connect_timeout: float = 10.0
    read_timeout: float = 60.0
    max_bytes: int = 20 * 1024 * 1024
    retries: int = 3
    backoff_base: float = 0.5
    max_wait: float = 60.0
    max_redirects: int = 5
    user_agent: str = f"respub/{__version__} (+https://github.com/respub)"
    allowed_content_types: tuple[str, ...] = CONTENT_TYPES


@dataclass(frozen=True)
class FetchResult:
    """The outcome of one `fetch`; `content` is set only when status is "fetched"."""

    url: str
    status: Status
    content: bytes | None = field(default=None, repr=False)
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    sha256: str | None = None
    attempts: int = 0
    error: str | None = None

    def raise_for_failure(self) -> FetchResult:
        """Return self, or raise `FetchError` with the error when the fetch failed."""
        if self.status == "failed":
            raise FetchError(self.error or f"{self.url}: failed")
        return self


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
                _write_atomic(body_path, content)
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
        _write_atomic(self.path, text.encode("utf-8"))


def make_session(settings: HttpSettings) -> requests.Session:
    """One session for all fetches: shared connections, our User-Agent and redirect limit.

    Its adapters do not retry (requests' default); `fetch` owns the retry policy.
    """
    session = requests.Session()
    session.headers["User-Agent"] = settings.user_agent
    session.headers["Accept"] = ", ".join(settings.allowed_content_types)
    session.max_redirects = settings.max_redirects
    return session


def fetch(
    session: requests.Session, url: str, settings: HttpSettings, cache: ValidatorCache
) -> FetchResult:
    """Fetch `url`, retrying only errors that can pass; never raises."""
    attempts = 0
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError as error:
        return _failed(url, f"invalid URL: {_one_line(error)} (not retried)", attempts)
    try:
        if scheme not in ("http", "https"):
            return _failed(url, f"unsupported URL scheme {scheme!r} (not retried)", attempts)
        headers = cache.conditional_headers(url)
        while True:
            attempts += 1
            outcome = _attempt(session, url, settings, headers)
            if isinstance(outcome, _Received):
                return _received(url, outcome, attempts, cache)
            if not outcome.retryable:
                return _failed(url, f"{outcome.cause} (not retried)", attempts)
            if attempts > settings.retries:
                plural = "s" if attempts != 1 else ""
                return _failed(url, f"{outcome.cause} (after {attempts} attempt{plural})", attempts)
            delay = _delay(settings, attempts, outcome.retry_after)
            log.info("%s: %s; retrying in %.2f s", url, outcome.cause, delay)
            time.sleep(delay)
    except Exception as error:  # a fetch reports, it never raises
        log.exception("%s: unexpected error", url)
        return _failed(url, f"unexpected {type(error).__name__}: {_one_line(error)}", attempts)


@dataclass(frozen=True)
class _Received:
    content: bytes | None  # None after a 304
    content_type: str | None
    etag: str | None
    last_modified: str | None


@dataclass(frozen=True)
class _Failure:
    cause: str
    retryable: bool
    retry_after: float | None = None


def _attempt(
    session: requests.Session, url: str, settings: HttpSettings, headers: dict[str, str]
) -> _Received | _Failure:
    timeout = (settings.connect_timeout, settings.read_timeout)
    try:
        with session.get(url, headers=headers, timeout=timeout, stream=True) as response:
            return _read(response, settings)
    except requests.TooManyRedirects as error:
        return _Failure(_redirect_cause(error, settings), retryable=False)
    except requests.ConnectTimeout:
        return _Failure(f"connect timeout after {settings.connect_timeout:g} s", retryable=True)
    except requests.ReadTimeout:
        return _Failure(f"read timeout after {settings.read_timeout:g} s", retryable=True)
    except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError) as error:
        if any(isinstance(arg, ReadTimeoutError) for arg in error.args):
            return _Failure(f"read timeout after {settings.read_timeout:g} s", retryable=True)
        return _Failure(f"connection error: {_root_cause(error)}", retryable=True)
    except requests.RequestException as error:
        return _Failure(f"{type(error).__name__}: {_root_cause(error)}", retryable=False)


def _read(response: requests.Response, settings: HttpSettings) -> _Received | _Failure:
    status = response.status_code
    if status != 304 and not 200 <= status < 300:
        retryable = status >= 500 or status == 429
        retry_after = _retry_after(response.headers.get("Retry-After"))
        return _Failure(f"HTTP {status} {response.reason or ''}".strip(), retryable, retry_after)
    content_type = response.headers.get("Content-Type")
    etag = response.headers.get("ETag")
    last_modified = response.headers.get("Last-Modified")
    if status == 304:
        return _Received(None, content_type, etag, last_modified)
    media_type = (content_type or "").split(";", 1)[0].strip().lower()
    if media_type not in settings.allowed_content_types:
        return _Failure(f"content type {media_type or '(none)'} not allowed", retryable=False)
    declared = (response.headers.get("Content-Length") or "").strip()
    if declared.isdigit() and int(declared) > settings.max_bytes:
        limit = settings.max_bytes
        return _Failure(f"Content-Length {declared} exceeds {limit} bytes", retryable=False)
    body = bytearray()
    for chunk in response.iter_content(chunk_size=_CHUNK):
        body.extend(chunk)
        if len(body) > settings.max_bytes:
            return _Failure(f"body exceeds {settings.max_bytes} bytes", retryable=False)
    return _Received(bytes(body), content_type, etag, last_modified)


def _received(url: str, received: _Received, attempts: int, cache: ValidatorCache) -> FetchResult:
    if received.content is None:
        entry = cache.refresh(url, etag=received.etag, last_modified=received.last_modified)
        if entry is None:
            return _failed(url, "HTTP 304 Not Modified but no copy is kept (not retried)", attempts)
        log.info("%s: not modified", url)
        return FetchResult(
            url,
            "not-modified",
            content_type=entry.content_type,
            etag=entry.etag,
            last_modified=entry.last_modified,
            sha256=entry.sha256,
            attempts=attempts,
        )
    sha256 = hashlib.sha256(received.content).hexdigest()
    try:
        cache.remember(
            url,
            received.content,
            content_type=received.content_type,
            etag=received.etag,
            last_modified=received.last_modified,
        )
    except OSError as error:
        log.warning("%s: fetched, but the cache could not keep it: %s", url, error)
    log.info("%s: fetched %d bytes (sha256 %s)", url, len(received.content), sha256[:12])
    return FetchResult(
        url,
        "fetched",
        received.content,
        content_type=received.content_type,
        etag=received.etag,
        last_modified=received.last_modified,
        sha256=sha256,
        attempts=attempts,
    )


def _failed(url: str, cause: str, attempts: int) -> FetchResult:
    message = f"{url}: {cause}"
    log.warning("%s", message)
    return FetchResult(url, "failed", attempts=attempts, error=message)


def _delay(settings: HttpSettings, attempt: int, retry_after: float | None) -> float:
    wanted = retry_after if retry_after is not None else settings.backoff_base * 2 ** (attempt - 1)
    return max(0.0, min(wanted, settings.max_wait))


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _redirect_cause(error: requests.TooManyRedirects, settings: HttpSettings) -> str:
    response = error.response
    if response is not None:
        urls = [hop.url for hop in response.history] + [response.url]
        if len(set(urls)) < len(urls):
            return "redirect loop"
    return f"too many redirects (more than {settings.max_redirects})"


def _root_cause(error: BaseException) -> str:
    """The innermost cause of a chained error, on one line (e.g. "Connection refused")."""
    inner: BaseException = error
    seen = {id(inner)}
    while True:
        following = inner.__cause__ or inner.__context__
        if following is None and inner.args and isinstance(inner.args[0], BaseException):
            following = inner.args[0]
        if following is None or id(following) in seen:
            break
        seen.add(id(following))
        inner = following
    if isinstance(inner, OSError) and inner.strerror:
        return inner.strerror
    return _one_line(inner)


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__


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


def _write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file and `os.replace`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
