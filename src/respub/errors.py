"""The few exceptions respub raises, each carrying a `Problem` record (respub.problems)
that names the file and the place.

>>> str(ParseError("a.md", "no text found", line=3))
'a.md:3: no text found'
>>> ParseError("a.md", "no text found", line=3).problem.type
'parse-error'
>>> problem_of(OSError(28, "No space left on device")).line()
'[Errno 28] No space left on device'
"""

from __future__ import annotations

from respub.problems import Problem, problem


class RespubError(Exception):
    """Base of respub's errors: `problem` is the record, `str()` its one line."""

    kind = "error"

    def __init__(self, message: str | Problem, *args: object) -> None:
        self.problem = (
            message if isinstance(message, Problem) else problem(self.kind, message=message)
        )
        super().__init__(self.problem.line(), *args)

    def __str__(self) -> str:
        return self.problem.line()


class ParseError(RespubError):
    """A source could not be read or parsed; names the file and, when known, line or page."""

    kind = "parse-error"

    def __init__(
        self,
        path: str,
        message: str | Problem,
        *,
        line: int | None = None,
        page: int | None = None,
    ) -> None:
        self.path = path
        if isinstance(message, Problem):
            record = message
        else:
            record = problem(self.kind, message=message, file=path, line=line, page=page)
        self.message = record.message
        self.line = record.line_number
        self.page = record.page
        super().__init__(record)


class FetchError(RespubError):
    """A remote source could not be fetched after its retries."""

    kind = "fetch-error"


class PublishError(RespubError):
    """A release could not be written; the previous release is untouched."""

    kind = "publish-error"


def problem_of(error: BaseException, *, file: str | None = None) -> Problem:
    """The problem record of any exception: respub's own carry theirs; an `OSError` is a
    source or disk problem; anything else is an internal error (a bug to report)."""
    if isinstance(error, RespubError):
        return error.problem
    if isinstance(error, OSError):
        name = getattr(error, "filename", None)
        reason = error.strerror or str(error)
        if error.errno == 28:
            return problem("error", message=str(error), file=file or _text(name))
        if name is not None or file is not None:
            return problem("source-unreadable", reason=reason, file=file or _text(name))
        return problem("error", message=str(error))
    if isinstance(error, ValueError):
        return problem("error", message=str(error), file=file)
    return problem("internal-error", exception=type(error).__name__, message=str(error), file=file)


def _text(name: object) -> str | None:
    if name is None:
        return None
    text = name.decode("utf-8", "backslashreplace") if isinstance(name, bytes) else str(name)
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
