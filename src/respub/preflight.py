"""What `respub publish` checks before anything starts (no Prefect server, no thread):
the sources exist and the manifests read, the output folder can be written, and no other
publish holds its lock. A mistake is reported in well under a second, as one line.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from respub.errors import PublishError
from respub.problems import problem
from respub.publish.locking import exclusive

if TYPE_CHECKING:
    from respub.orchestrate.staging import SourceSpec

__all__ = ["check_output", "check_publish", "check_sources"]


def check_publish(
    sources: Sequence[str | Path], out: str | Path, allowed_roots: Sequence[str | Path] = ()
) -> SourceSpec:
    """Every check of `check_sources` and `check_output`; raises the first problem, else
    returns the sources found."""
    spec = check_sources(sources, allowed_roots)
    check_output(Path(out))
    return spec


def check_sources(
    sources: Sequence[str | Path], allowed_roots: Sequence[str | Path] = ()
) -> SourceSpec:
    """The sources name something: `FileNotFoundError` for a missing path, `ValueError`
    for a bad manifest, `PublishError` when nothing at all is listed. Returns them."""
    from respub.orchestrate.staging import resolve_sources

    spec = resolve_sources(list(sources), allowed_roots)
    if not spec.files and not spec.local and not spec.remote:
        listed = ", ".join(str(s) for s in sources)
        raise PublishError(problem("publish-error", message=f"no sources found under {listed}"))
    return spec


def check_output(out: Path) -> None:
    """The output folder is a folder we may write, and no other publish is running in it."""
    if out.exists() and not out.is_dir():
        raise PublishError(problem("output-error", message="not a folder", file=str(out)))
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = f"cannot create the output folder: {error.strerror or error}"
        raise PublishError(problem("output-error", message=reason, file=str(out))) from None
    if not os.access(out, os.W_OK | os.X_OK):
        message = "the output folder is not writable"
        raise PublishError(problem("output-error", message=message, file=str(out)))
    with exclusive(out / ".publish.lock", f"{out}: another publish is running"):
        pass
