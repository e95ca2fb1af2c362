"""Each language version's pieces of the whole-dataset dumps, kept under its content hash.

A dump is its versions' pieces put end to end, in the order of the expression IRIs, so a
release re-serialises only the versions whose content changed:

- the N-Triples and N-Quads dumps are multi-member gzip files, one member per version
  (gzip readers read the members as one stream);
- the Turtle and JSON-LD dumps are one header, then each version's body as its own
  ``.ttl`` / ``.jsonld`` file holds it (`respub.publish.dumps`).

A `Part` also counts what the N-Triples dump holds (`respub.publish.statistics`): the
VoID figures of the version's lines *about itself* (subjects at or below its expression
IRI, which no other version states), the other lines (its Work's, session's: stated by
every version of them) and a 64-bit digest of each distinct object, so `DumpCounter` gives
the figures of the merged dump exactly without reading every version's triples again.

Parts live in ``state/parts/<hash[:2]>/<hash>.part``; the cache only saves work: a missing
or damaged part is made again from the version's N-Triples.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from pyoxigraph import RdfFormat, parse

from respub.atomic import keep, prune_kept
from respub.publish.statistics import Statistics, StatisticsCounter
from respub.rdf.serialize import ntriples_lines

__all__ = ["PARTS", "DumpCounter", "Part", "PartCache", "distinct_triples", "make_part"]

log = logging.getLogger(__name__)

FORMAT = 2
PARTS = "state/parts"  # below the output folder
_OWN_END = (">", "#", ".", "/")


@dataclass(frozen=True)
class Part:
    """One version's gzip members of the N-Triples and N-Quads dumps, and its counts."""

    expression_iri: str
    ntriples_gz: bytes
    nquads_gz: bytes
    triples: int
    own: Statistics  # of the lines whose subject is the version itself or below it
    shared: str  # the other lines (its Work's, session's...), which other versions repeat
    objects: array  # type: ignore[type-arg]  # 64-bit digests of its distinct objects ('Q')


def make_part(expression_iri: str, ntriples: str) -> Part:
    """The part of a version from its canonical N-Triples (sorted, distinct lines).

    Raises `SyntaxError` when the text does not parse as N-Triples, `ValueError` when it
    is not one triple per line.
    """
    data = ntriples.encode("utf-8")
    triples = sum(1 for _ in parse(data, format=RdfFormat.N_TRIPLES))
    lines = ntriples_lines(ntriples)
    if triples != len(lines):
        raise ValueError(f"{expression_iri}: {len(lines)} lines but {triples} triples")
    graph = f" <{expression_iri}> ."
    quads = "".join(line.removesuffix(" .") + graph + "\n" for line in lines)
    own, shared = StatisticsCounter(), []
    prefix = f"<{expression_iri}"
    for line in lines:
        if line.startswith(prefix) and line[len(prefix)] in _OWN_END:
            own.add([line + "\n"])
        else:
            shared.append(line + "\n")
    objects = {_digest(_object(line)) for line in lines}
    return Part(
        expression_iri=expression_iri,
        ntriples_gz=_member(data),
        nquads_gz=_member(quads.encode("utf-8")),
        triples=triples,
        own=own.result(),
        shared="".join(shared),
        objects=array("Q", sorted(objects)),
    )


class DumpCounter:
    """The `Statistics` of the versions' N-Triples merged, from their parts: the sums of
    the lines each version alone states, plus the distinct lines they share, counted as the
    dump writer counts them (`StatisticsCounter` on sorted, distinct lines), plus the
    distinct objects of all."""

    def __init__(self) -> None:
        self._own: list[Statistics] = []
        self._shared: set[str] = set()
        self._objects: set[int] = set()

    def add(self, part: Part) -> None:
        """Count one version's part."""
        self._own.append(part.own)
        self._shared.update(line + "\n" for line in ntriples_lines(part.shared))
        self._objects.update(part.objects)

    def result(self) -> Statistics:
        """The figures of every part added so far."""
        counter = StatisticsCounter()
        counter.add(sorted(self._shared))
        every = [counter.result(), *self._own]
        classes: Counter[str] = Counter()
        properties: Counter[str] = Counter()
        resolutions: Counter[tuple[str, str]] = Counter()
        for found in every:
            classes.update(dict(found.classes))
            properties.update(dict(found.properties))
            resolutions.update({(b, y): n for b, y, n in found.resolutions})
        return Statistics(
            triples=sum(f.triples for f in every),
            subjects=sum(f.subjects for f in every),
            entities=sum(f.entities for f in every),
            objects=len(self._objects),
            classes=tuple(sorted(classes.items())),
            properties=tuple(sorted(properties.items())),
            resolutions=tuple(sorted((b, y, n) for (b, y), n in resolutions.items())),
        )


def distinct_triples(parts: Iterable[Part]) -> int:
    """The distinct triples of the versions' N-Triples merged."""
    counter = DumpCounter()
    for part in parts:
        counter.add(part)
    return counter.result().triples


def _object(line: str) -> str:
    """The object of an N-Triples line, as `StatisticsCounter` takes it."""
    return line.split(" ", 2)[2].removesuffix(" .")


def _digest(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


def _pairs(items: Iterable[Iterable[object]]) -> tuple[tuple[str, int], ...]:
    return tuple((str(k), int(str(n))) for k, n in items)


def _member(data: bytes) -> bytes:
    """One deterministic gzip member: no file name, mtime 0, level 6."""
    return gzip.compress(data, compresslevel=6, mtime=0)


class PartCache:
    """Parts under `root/<key[:2]>/<key>.part`, keyed by the version's content hash."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, content_sha256: str) -> Path:
        """Where the part of a content hash lives."""
        return self.root / content_sha256[:2] / f"{content_sha256}.part"

    def load(self, content_sha256: str, expression_iri: str) -> Part | None:
        """The stored part, or None when missing, damaged or of another version."""
        path = self.path(content_sha256)
        try:
            data = path.read_bytes()
            head, _, rest = data.partition(b"\n")
            meta = json.loads(head)
            if meta["format"] != FORMAT or meta["expression_iri"] != expression_iri:
                raise ValueError("not a part of this version")
            nt, nq, sh = meta["ntriples_gz"], meta["nquads_gz"], meta["shared"]
            if hashlib.sha256(rest).hexdigest() != meta["sha256"]:
                raise ValueError("damaged")
            objects = array("Q")
            objects.frombytes(rest[nt + nq + sh :])
            own = meta["own"]
            return Part(
                expression_iri,
                rest[:nt],
                rest[nt : nt + nq],
                meta["triples"],
                Statistics(
                    **{
                        **own,
                        "classes": _pairs(own["classes"]),
                        "properties": _pairs(own["properties"]),
                        "resolutions": tuple(
                            (str(b), str(y), int(n)) for b, y, n in own.get("resolutions", ())
                        ),
                    }
                ),
                rest[nt + nq : nt + nq + sh].decode("utf-8"),
                objects,
            )
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as error:
            log.warning("%s: unreadable part, ignored: %s", path, error)
            return None

    def store(self, content_sha256: str, part: Part) -> None:
        """Keep `part` (through a temporary file: a reader sees a whole part or none)."""
        shared = part.shared.encode("utf-8")
        rest = part.ntriples_gz + part.nquads_gz + shared + part.objects.tobytes()
        meta = {
            "format": FORMAT,
            "expression_iri": part.expression_iri,
            "ntriples_gz": len(part.ntriples_gz),
            "nquads_gz": len(part.nquads_gz),
            "shared": len(shared),
            "triples": part.triples,
            "own": asdict(part.own),
            "sha256": hashlib.sha256(rest).hexdigest(),
        }
        keep(
            self.path(content_sha256),
            json.dumps(meta, sort_keys=True).encode() + b"\n" + rest,
            "part",
        )

    def prune(self, keep: Iterable[str]) -> int:
        """Delete the parts of content hashes not in `keep`; returns how many went."""
        return prune_kept(self.root, ".part", keep)
