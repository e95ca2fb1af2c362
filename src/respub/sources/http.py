"""Fetch remote sources over HTTP: one session, bounded bodies, retries only where they help.

`fetch` never raises, and never takes longer than its deadline (`HttpSettings.deadline`,
120 s by default: connecting, every read of every attempt, and the waits between them;
a `Retry-After` beyond it gives up at once). It refuses hosts that resolve to private,
loopback or link-local addresses, on every hop of a redirect, unless
`allow_private_network`. It returns a `FetchResult` whose status is ``"fetched"``,
``"not-modified"`` (a 304 answered our validators: keep the previous copy) or
``"failed"`` with a one-line error naming the URL and the cause. Only errors that
can pass are retried (connect errors, timeouts, 5xx, 429); other 4xx, a refused
content type, an oversized body and redirect loops fail at once.

`ValidatorCache` (respub.sources.validators) remembers ETag and Last-Modified per URL
and keeps the last good body, so a 304 or a failure can fall back on it.
"""

from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Literal
from urllib.parse import urljoin, urlsplit

import requests
from urllib3.exceptions import DecodeError, ProtocolError, ReadTimeoutError

from respub import __version__
from respub.errors import FetchError
from respub.sources.guard import Deadline, refused_address
from respub.sources.validators import CacheEntry, ValidatorCache

__all__ = [
    "CacheEntry",
    "FetchResult",
    "HttpSettings",
    "ValidatorCache",
    "fetch",
    "make_session",
]

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
    """How to fetch: timeouts in seconds, limits, retry policy, confinement and identity.

    `deadline` bounds a whole fetch (every attempt, read and wait); `connect_timeout` and
    `read_timeout` bound one connect and one read within it. `allow_private_network`
    lets a fetch reach private, loopback and link-local addresses (off by default);
    `allowed_networks` lets it reach only those networks (CIDR, e.g. "10.1.0.0/16").
    """

    deadline: float = 120.0
    allow_private_network: bool = False
    allowed_networks: tuple[str, ...] = ()
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
        deadline = Deadline(settings.deadline)
        while True:
            attempts += 1
            outcome = _attempt(session, url, settings, headers, deadline)
            if isinstance(outcome, _Received):
                return _received(url, outcome, attempts, cache)
            if not outcome.retryable:
                return _failed(url, f"{outcome.cause} (not retried)", attempts)
            if attempts > settings.retries:
                plural = "s" if attempts != 1 else ""
                return _failed(url, f"{outcome.cause} (after {attempts} attempt{plural})", attempts)
            delay = _delay(settings, attempts, outcome.retry_after)
            if delay >= deadline.remaining:
                cause = f"{outcome.cause}; {_past(settings, delay, outcome.retry_after)}"
                return _failed(url, cause, attempts)
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
    session: requests.Session,
    url: str,
    settings: HttpSettings,
    headers: dict[str, str],
    deadline: Deadline,
) -> _Received | _Failure:
    """One attempt, following redirects by hand so that every hop's address is checked."""
    hops = [url]
    try:
        while True:
            refused = refused_address(
                hops[-1],
                allow_private=settings.allow_private_network,
                allowed=settings.allowed_networks,
            )
            if refused is not None:
                where = "" if len(hops) == 1 else f"redirected to {hops[-1]}: "
                return _Failure(f"{where}{refused}", retryable=False)
            if deadline.passed:
                return _Failure(_deadline_cause(settings), retryable=False)
            timeout = (deadline.cap(settings.connect_timeout), deadline.cap(settings.read_timeout))
            with session.get(
                hops[-1], headers=headers, timeout=timeout, stream=True, allow_redirects=False
            ) as response:
                if not response.is_redirect:
                    return _read(response, settings, deadline)
                target = urljoin(hops[-1], response.headers["Location"])
            if target in hops:
                return _Failure("redirect loop", retryable=False)
            if len(hops) > settings.max_redirects:
                cause = f"too many redirects (more than {settings.max_redirects})"
                return _Failure(cause, retryable=False)
            hops.append(target)
    except ReadTimeoutError:  # raised by urllib3 itself while the body is read
        return _Failure(f"read timeout after {settings.read_timeout:g} s", retryable=True)
    except ProtocolError as error:
        return _Failure(f"connection error: {_root_cause(error)}", retryable=True)
    except DecodeError as error:
        return _Failure(f"cannot decode the body: {_root_cause(error)}", retryable=False)
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


def _read(
    response: requests.Response, settings: HttpSettings, deadline: Deadline
) -> _Received | _Failure:
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
    while chunk := response.raw.read1(_CHUNK, decode_content=True):  # what has arrived
        body.extend(chunk)
        if len(body) > settings.max_bytes:
            return _Failure(f"body exceeds {settings.max_bytes} bytes", retryable=False)
        if deadline.passed:  # a server dripping bytes is cut off here
            return _Failure(_deadline_cause(settings), retryable=False)
    return _Received(bytes(body), content_type, etag, last_modified)


def _deadline_cause(settings: HttpSettings) -> str:
    return f"no complete answer within the deadline of {settings.deadline:g} s"


def _past(settings: HttpSettings, delay: float, retry_after: float | None) -> str:
    wait = f"Retry-After {retry_after:g} s" if retry_after is not None else f"{delay:g} s"
    return f"gave up: waiting {wait} would pass the deadline of {settings.deadline:g} s"


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
