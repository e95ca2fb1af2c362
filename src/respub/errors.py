"""The few exceptions respub raises, each naming the file and the place."""

from __future__ import annotations


class RespubError(Exception):
    """Base of respub's errors."""


class ParseError(RespubError):
    """A source could not be read or parsed; names the file and, when known, line or page."""

    def __init__(
        self, path: str, message: str, *, line: int | None = None, page: int | None = None
    ) -> None:
        self.path = path
        self.message = message
        self.line = line
        self.page = page
        where = path
        if page is not None:
            where += f", page {page}"
        if line is not None:
            where += f":{line}"
        super().__init__(f"{where}: {message}")


class FetchError(RespubError):
    """A remote source could not be fetched after its retries."""


class PublishError(RespubError):
    """A release could not be written; the previous release is untouched."""
