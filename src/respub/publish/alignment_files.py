"""The cross-language alignment of a release: ``alignment.ttl`` and ``alignment.json``.

A producer of `respub.publish.render.PRODUCERS`. It aligns every language version the
release holds (new and carried forward, read back from the N-Quads dump just written)
with the other versions of its work (`respub.align`): ``alignment.ttl`` holds the
``respub:alignedWith`` links, stated both ways; ``alignment.json`` reports, per work
published in several languages, the number of links, the clauses left unaligned (a
clause one version lacks) and the aligned clauses whose citations or numbers differ.
The links are kept out of each version's own graph so that a version's files depend on
its own content only.
"""

from __future__ import annotations

import json
from pathlib import Path

from respub.align import align_release
from respub.publish.dumps import NQUADS, read_graphs
from respub.publish.plan import ReleasePlan
from respub.rdf.serialize import serialize

__all__ = ["ALIGNMENT_JSON", "ALIGNMENT_TTL", "alignment_files"]

ALIGNMENT_TTL = "alignment.ttl"
ALIGNMENT_JSON = "alignment.json"


def alignment_files(plan: ReleasePlan, root: Path) -> dict[str, bytes]:
    """``alignment.ttl`` and ``alignment.json`` of the versions in `root`'s N-Quads dump."""
    wanted = {e.expression_iri for e in plan.entries}
    graphs = read_graphs(root / NQUADS, wanted)
    alignment = align_release(sorted(graphs.items()))
    report = json.dumps(alignment.to_json(), ensure_ascii=False, indent=2, sort_keys=True)
    return {
        ALIGNMENT_TTL: serialize(alignment.triples(), "turtle"),
        ALIGNMENT_JSON: (report + "\n").encode("utf-8"),
    }
