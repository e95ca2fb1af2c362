"""The Akoma Ntoso file of every language version of a release: ``{expression path}.akn``.

A producer of `respub.publish.render.PRODUCERS`. New versions bring their XML in their
result (`DocumentResult.akn`, made and schema-checked by the pipeline); a version carried
forward from the live release keeps the file it had there.
"""

from __future__ import annotations

import logging
from pathlib import Path

from respub.akn import EXTENSION
from respub.errors import PublishError
from respub.publish.layout import current_release, expression_path
from respub.publish.plan import ReleasePlan

__all__ = ["akn_files"]

log = logging.getLogger(__name__)


def akn_files(plan: ReleasePlan, root: Path) -> dict[str, bytes]:
    """`{path}.akn` of each language version of the release, except those already in
    `root` (linked from the live release with the version's other files: same content)."""
    base = plan.settings.base_iri
    files = {}
    missing = []
    for result in plan.selection.published:
        path = f"{expression_path(result.expression_iri or '', base)}.{EXTENSION}"
        if (root / path).is_file():
            continue
        akn = result.akn or plan.full(result).akn
        if akn:
            files[path] = akn.encode("utf-8")
        else:
            missing.append(result.expression_iri)
    if plan.selection.carried:
        live = current_release(plan.settings.output_dir)
        for entry in plan.selection.carried:
            path = f"{expression_path(entry.expression_iri, base)}.{EXTENSION}"
            if (root / path).is_file():
                continue
            if live is None or not (live / path).is_file():  # a release older than the format
                log.warning("%s: carried forward without its %s", entry.expression_iri, path)
                continue
            files[path] = (live / path).read_bytes()
    if missing:
        raise PublishError(f"no Akoma Ntoso file for {', '.join(str(m) for m in missing[:3])}")
    return files
