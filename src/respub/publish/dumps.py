"""Write the data of a release: each language version on its own, and whole-dataset dumps.

Everything is built from canonical N-Triples, so the bytes depend only on the triples.
Every dump is its language versions' pieces end to end, in the order of the expression
IRIs, so that a release re-serialises only the versions that changed: the N-Triples and
N-Quads dumps are one gzip member per version (`respub.publish.parts`: `mtime=0`, no file
name); the Turtle dump is one prefix header followed by each version's Turtle body
(`respub.rdf.turtle`) and the JSON-LD dump one header followed by each version's nodes,
both taken from the version's own `.ttl` / `.jsonld` file as written. A Work's triples are
repeated by each of its versions (and a session's by each of its resolutions); the graph
is their union, and `DumpSummary.triples` counts distinct triples.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pyoxigraph import RdfFormat, Triple, parse

from respub.publish.layout import expression_path
from respub.publish.parts import DumpCounter, Part, PartCache, make_part
from respub.publish.statistics import Statistics
from respub.rdf.iri import DEFAULT_BASE
from respub.rdf.jsonld import compact, indented_json, load_context
from respub.rdf.serialize import prefixes
from respub.rdf.turtle import ntriples_body, prefix_header

__all__ = [
    "DUMPS",
    "Document",
    "DumpSummary",
    "dump_part",
    "expression_files_of",
    "read_graphs",
    "triples_of",
    "version_texts",
    "write_dumps",
]

TURTLE = "resolutions.ttl"
JSONLD = "resolutions.jsonld"
NTRIPLES = "resolutions.nt.gz"
NQUADS = "resolutions.nq.gz"
DUMPS = (TURTLE, JSONLD, NTRIPLES, NQUADS)


@dataclass(frozen=True)
class Document:
    """One language version to publish: its IRI, canonical N-Triples and their SHA-256
    (computed when not given). With `source`, the N-Triples are read when needed
    (`text`), not held."""

    expression_iri: str
    ntriples: str
    content_sha256: str = ""
    source: Callable[[], str] | None = field(default=None, compare=False, repr=False)

    def text(self) -> str:
        """The canonical N-Triples."""
        if self.ntriples or self.source is None:
            return self.ntriples
        return self.source()


@dataclass(frozen=True)
class DumpSummary:
    """What the dumps hold: distinct triples, quads, named graphs, and the VoID statistics
    of the merged data (`respub.publish.parts.DumpCounter`)."""

    triples: int
    quads: int
    graphs: int
    statistics: Statistics | None = None


def triples_of(ntriples: str) -> list[Triple]:
    """The triples of an N-Triples text, in order."""
    return [q.triple for q in parse(ntriples.encode(), format=RdfFormat.N_TRIPLES)]


def expression_files_of(base_iri: str, document: Document) -> dict[str, bytes]:
    """`{path}.ttl` and `{path}.jsonld` of one expression, by release-relative path.

    Each is its dump's header, the version's body, and (JSON-LD) the dump's footer, so a
    dump is assembled from the files' bodies without serialising them again.
    """
    stem = expression_path(document.expression_iri, base_iri)
    chosen = prefixes(base_iri)
    text = document.text()
    body = ntriples_body(text, chosen)
    nodes = _jsonld_nodes(triples_of(text))
    return {
        f"{stem}.ttl": (prefix_header(chosen) + body).encode("utf-8"),
        f"{stem}.jsonld": (_jsonld_header() + "\n" + nodes + _JSONLD_FOOTER).encode("utf-8"),
    }


def write_dumps(
    root: Path,
    documents: Sequence[Document],
    on_stage: Callable[[str], None],
    base_iri: str = DEFAULT_BASE,
    parts: PartCache | None = None,
) -> DumpSummary:
    """Write the four whole-dataset dumps; `on_stage("dump:<name>")` after each.

    Each dump is its versions' pieces end to end, in expression-IRI order: the gzip members
    of `respub.publish.parts` (taken from `parts` when it holds them, else made and kept
    there), and the bodies of the `.ttl` and `.jsonld` files written in `root` before.
    """
    ordered = sorted(documents, key=lambda d: d.expression_iri)
    quads = 0
    counter = DumpCounter()
    with (root / NTRIPLES).open("wb") as nt, (root / NQUADS).open("wb") as nq:
        for document in ordered:
            part = dump_part(document, parts)
            nt.write(part.ntriples_gz)
            nq.write(part.nquads_gz)
            counter.add(part)
            quads += part.triples
    on_stage(f"dump:{NTRIPLES}")
    _write_turtle(root, ordered, base_iri)
    on_stage(f"dump:{TURTLE}")
    _write_jsonld(root, ordered, base_iri)
    on_stage(f"dump:{JSONLD}")
    on_stage(f"dump:{NQUADS}")
    statistics = counter.result()
    return DumpSummary(statistics.triples, quads, len(ordered), statistics)


def dump_part(document: Document, parts: PartCache | None) -> Part:
    """The document's part: from the cache, else made (and kept)."""
    key = document.content_sha256 or hashlib.sha256(document.text().encode()).hexdigest()
    found = parts.load(key, document.expression_iri) if parts is not None else None
    if found is None:
        found = make_part(document.expression_iri, document.text())
        if parts is not None:
            parts.store(key, found)
    return found


def _write_turtle(root: Path, documents: Sequence[Document], base_iri: str) -> None:
    """One prefix header, then each version's Turtle body (its file's, else serialized)."""
    chosen = prefixes(base_iri)
    encoded = prefix_header(chosen).encode("utf-8")
    with (root / TURTLE).open("wb", buffering=0) as out:
        out.write(encoded)
        for document in documents:
            written = root / f"{expression_path(document.expression_iri, base_iri)}.ttl"
            if not _copy_body(written, out.fileno(), encoded, b""):
                out.write(ntriples_body(document.text(), chosen).encode("utf-8"))


def _write_jsonld(root: Path, documents: Sequence[Document], base_iri: str) -> None:
    """Compact JSON-LD (respub's context embedded): the header, each version's nodes (its
    file's, else compacted), the footer.

    The context comes first and each node's type before its other keys, so the dump also
    reads with a streaming JSON-LD parser (`RdfFormat.STREAMING_JSON_LD`) in constant memory.
    A Work's node appears in each of its versions' nodes; the graph is their union.
    """
    head = (_jsonld_header() + "\n").encode("utf-8")
    foot = _JSONLD_FOOTER.encode("utf-8")
    with (root / JSONLD).open("wb", buffering=0) as out:
        out.write(head)
        separator = b""
        for document in documents:
            out.write(separator)
            written = root / f"{expression_path(document.expression_iri, base_iri)}.jsonld"
            if not _copy_body(written, out.fileno(), head, foot):
                out.write(_jsonld_nodes(triples_of(document.text())).encode("utf-8"))
            separator = b",\n"
        out.write(foot)


def _copy_body(path: Path, out: int, head: bytes, foot: bytes) -> bool:
    """Append the bytes of the file at `path` between `head` and `foot` to the file
    descriptor `out`, copied by the kernel (a version's file and the dump are mostly the
    same bytes: the file is not read into Python); False, with nothing written, when the
    file is missing or does not start with `head` and end with `foot`."""
    try:
        source = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return False
    try:
        size = os.fstat(source).st_size
        start, end = len(head), size - len(foot)
        if end < start or os.pread(source, start, 0) != head:
            return False
        if foot and os.pread(source, len(foot), end) != foot:
            return False
        while start < end:
            try:
                copied = os.copy_file_range(source, out, end - start, start)
            except OSError:  # a file system or kernel without it: copy through memory
                copied = os.write(out, os.pread(source, end - start, start))
            if copied <= 0:
                raise OSError(f"{path}: copying stopped at byte {start} of {end}")
            start += copied
        return True
    finally:
        os.close(source)


_JSONLD_FOOTER = "\n  ]\n}\n"


@cache
def _jsonld_header() -> str:
    """The JSON-LD header of the dump and of each version's file, up to `"@graph": [`."""
    context = load_context()
    terms = ",\n".join(
        f"    {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}"
        for k, v in context.document["@context"].items()
    )
    return '{\n  "@context": {\n' + terms + '\n  },\n  "@graph": ['


def _jsonld_nodes(triples: Sequence[Triple]) -> str:
    """The compacted nodes of the triples, type first, indented as in the dump."""
    nodes = compact(triples, load_context())["@graph"]
    return ",\n".join(indented_json(_type_first(n), "    ") for n in nodes)


def _type_first(node: dict[str, Any]) -> dict[str, Any]:
    """The node with its type key first, as streaming JSON-LD parsers require."""
    if "type" not in node:
        return node
    return {"type": node["type"], **{k: v for k, v in node.items() if k != "type"}}


def version_texts(
    published: Iterable[tuple[str, str]], carried: set[str], nquads_gz: Path
) -> dict[str, str]:
    """Expression IRI → canonical N-Triples of every version of a release: the `published`
    (IRI, N-Triples) pairs, and the `carried` versions read from the N-Quads dump."""
    texts = dict(published)
    if carried:
        texts.update(read_graphs(nquads_gz, carried))
    return texts


def read_graphs(nquads_gz: Path, wanted: set[str] | None = None) -> dict[str, str]:
    """Canonical N-Triples per named graph of a release's N-Quads dump (`wanted` ones only).

    The dump is respub's own (one canonical quad per line, checksummed), so each line is split
    at its last ` <`: no IRI holds a space or `<`.
    """
    graphs: dict[str, list[str]] = {}
    with gzip.open(nquads_gz, "rt", encoding="utf-8") as handle:
        for line in handle:
            triple, _, graph = line.rstrip("\n").removesuffix(" .").rpartition(" <")
            name = graph.removesuffix(">")
            if wanted is None or name in wanted:
                graphs.setdefault(name, []).append(triple + " .\n")
    return {g: "".join(sorted(set(lines))) for g, lines in graphs.items()}
