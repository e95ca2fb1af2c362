"""The cross-language alignment of a release: ``alignment.ttl``, ``alignment.json`` and the
README's section on it.

Every language version the release holds (new and carried forward, read back from the
N-Quads dump just written) is aligned with the other versions of its work
(`respub.align`): ``alignment.ttl`` holds the ``respub:alignedWith`` links, stated both
ways; ``alignment.json`` reports, per work published in several languages, the number of
links, the clauses left unaligned (a clause one version lacks) and the aligned clauses
whose citations or numbers differ; `readme_section` says the same in the release README.
The links are kept out of each version's own graph so that a version's files depend on
its own content only.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from respub.align import ReleaseAlignment, align_release
from respub.publish.dumps import NQUADS, version_texts
from respub.publish.plan import ReleasePlan
from respub.rdf.serialize import serialize

__all__ = ["ALIGNMENT_JSON", "ALIGNMENT_TTL", "align_planned", "alignment_files", "readme_section"]

ALIGNMENT_TTL = "alignment.ttl"
ALIGNMENT_JSON = "alignment.json"


def align_planned(plan: ReleasePlan, root: Path) -> ReleaseAlignment:
    """The alignment of the versions of `plan` (the carried ones read from `root`'s N-Quads
    dump, the new ones from their results); only works in several languages are read."""
    languages = Counter(e.work_iri for e in plan.entries)
    several = {e.expression_iri for e in plan.entries if languages[e.work_iri] > 1}
    published = (
        (r.expression_iri or "", plan.text(r))
        for r in plan.selection.published
        if r.expression_iri in several
    )
    carried = {e.expression_iri for e in plan.selection.carried} & several
    return align_release(sorted(version_texts(published, carried, root / NQUADS).items()))


def alignment_files(alignment: ReleaseAlignment) -> dict[str, bytes]:
    """``alignment.ttl`` and ``alignment.json`` of an alignment."""
    report = json.dumps(alignment.to_json(), ensure_ascii=False, indent=2, sort_keys=True)
    return {
        ALIGNMENT_TTL: serialize(alignment.triples(), "turtle"),
        ALIGNMENT_JSON: (report + "\n").encode("utf-8"),
    }


def readme_section(alignment: ReleaseAlignment) -> bytes:
    """Markdown: links per work in several languages, and every clause left unaligned."""
    lines = [
        "",
        "## Cross-language alignment",
        "",
        f"{alignment.links} links between the clauses of the language versions of "
        f"{len(alignment.works)} works (`alignment.ttl`; details in `alignment.json`).",
        "",
    ]
    for work in alignment.works:
        lines.append(
            f"- {work.work} ({', '.join(work.languages)}): {len(work.links)} links, "
            f"{len(work.gaps)} unaligned, {len(work.mismatches)} with differing content"
        )
        for gap in work.gaps:
            lines.append(f"  - unaligned: {gap.clause} has no counterpart in {gap.other_language}")
    return ("\n".join(lines) + "\n").encode("utf-8")
