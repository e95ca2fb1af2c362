"""`latest` and the store always name the same release: a store load that fails (the
disk is full, the process is stopped) switches `latest` back to the release the store
still holds, and removes the release that could not be loaded.

Without this, a full disk during the load left `latest` on the new release and the
store on the old one, and `respub query` answered from the older release unnoticed.
"""

from __future__ import annotations

import errno
import logging
import shutil
from pathlib import Path

from respub.errors import PublishError
from respub.problems import problem
from respub.publish.layout import LATEST, current_release, switch_latest
from respub.store.load import StoreSummary, load_release

__all__ = ["load_or_roll_back"]

log = logging.getLogger(__name__)


def load_or_roll_back(
    release_dir: Path, previous: str | None, output: Path, store_dir: Path
) -> StoreSummary:
    """Load `release_dir` into the store at `store_dir`; if that fails, point `latest` back
    at the release `previous` (or at none) and raise. A full disk is one `disk-full`
    problem saying where `latest` now stands."""
    try:
        return load_release(release_dir, store_dir)
    except BaseException as error:
        state = _roll_back(release_dir, previous, output)
        if _no_space(error):
            found = problem("disk-full", doing="loading the store", state=state, file=str(output))
            raise PublishError(found) from error
        raise


def _roll_back(release_dir: Path, previous: str | None, output: Path) -> str:
    """Make `latest` name what the store holds; say what it names now."""
    back = output / "releases" / previous if previous else None
    try:
        if back is not None and back.is_dir():
            switch_latest(output, back)
            state = f"latest is back on release {previous}, which the store still holds"
        else:
            (output / LATEST).unlink(missing_ok=True)
            state = "no release is current (the store was never loaded)"
        if current_release(output) != release_dir.resolve():
            shutil.rmtree(release_dir, ignore_errors=True)  # frees the space it took
    except OSError as error:  # cannot even roll back: say so
        log.error("%s: could not roll latest back: %s", output, error)
        return f"latest could not be rolled back ({error.strerror or error})"
    log.warning("%s: store load failed; %s", output, state)
    return state


def _no_space(error: BaseException) -> bool:
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, OSError) and seen.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        if "No space left on device" in str(seen):
            return True
        seen = seen.__cause__ or seen.__context__
    return False
