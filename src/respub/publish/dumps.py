"""Write the data of a release: each language version on its own, and whole-dataset dumps.

Everything is built from canonical N-Triples, so the bytes depend only on the triples:
sorted, deduplicated, gzip with `mtime=0` and no file name. The Turtle dump is one prefix
header followed by each language version's Turtle body (`respub.rdf.turtle`), in the order
of the expression IRIs: the body of a version's own `.ttl` file, taken from it as written
(a Work's triples are repeated in each of its versions' bodies; the graph is their union).
"""

from __future__ import annotations

import contextlib
import gzip
import heapq
import itertools
import json
import textwrap
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, cast

from pyoxigraph import RdfFormat, Triple, parse

from respub.publish.layout import expression_path
from respub.publish.statistics import Statistics, StatisticsCounter
from respub.rdf.iri import DEFAULT_BASE
from respub.rdf.jsonld import compact, load_context
from respub.rdf.serialize import ntriples_lines, prefixes, serialize
from respub.rdf.turtle import ntriples_body, prefix_header

__all__ = [
    "DUMPS",
    "Document",
    "DumpSummary",
    "expression_files_of",
    "read_graphs",
    "triples_of",
    "write_dumps",
]

TURTLE = "resolutions.ttl"
JSONLD = "resolutions.jsonld"
NTRIPLES = "resolutions.nt.gz"
NQUADS = "resolutions.nq.gz"
DUMPS = (TURTLE, JSONLD, NTRIPLES, NQUADS)


@dataclass(frozen=True)
class Document:
    """One language version to publish: its IRI and canonical N-Triples."""

    expression_iri: str
    ntriples: str


@dataclass(frozen=True)
class DumpSummary:
    """What the dumps hold: distinct triples, quads, named graphs, and the VoID statistics
    counted while the N-Triples dump was written."""

    triples: int
    quads: int
    graphs: int
    statistics: Statistics | None = None


def triples_of(ntriples: str) -> list[Triple]:
    """The triples of an N-Triples text, in order."""
    return [q.triple for q in parse(ntriples.encode(), format=RdfFormat.N_TRIPLES)]


def expression_files_of(base_iri: str, document: Document) -> dict[str, bytes]:
    """`{path}.ttl` and `{path}.jsonld` of one expression, by release-relative path."""
    stem = expression_path(document.expression_iri, base_iri)
    chosen = prefixes(base_iri)
    body = ntriples_body(document.ntriples, chosen)
    return {
        f"{stem}.ttl": (prefix_header(chosen) + body).encode("utf-8"),
        f"{stem}.jsonld": serialize(triples_of(document.ntriples), "jsonld"),
    }


def write_dumps(
    root: Path,
    documents: Sequence[Document],
    on_stage: Callable[[str], None],
    base_iri: str = DEFAULT_BASE,
) -> DumpSummary:
    """Write the four whole-dataset dumps; `on_stage("dump:<name>")` after each.

    Streamed: the documents' sorted lines are merged into the N-Triples dump, which the
    JSON-LD dump is then read from, a subject at a time. The Turtle dump is the documents'
    Turtle bodies under one header, read from their `.ttl` files in `root` when present.
    """
    count = 0
    statistics = StatisticsCounter()
    with _gzip(root / NTRIPLES) as out:
        for chunk in _chunks(_merged(documents)):
            out.write("".join(chunk).encode())
            statistics.add(chunk)
            count += len(chunk)
    on_stage(f"dump:{NTRIPLES}")
    _write_turtle(root, documents, base_iri)
    on_stage(f"dump:{TURTLE}")
    with (root / JSONLD).open("w", encoding="utf-8") as out, _triples(root / NTRIPLES) as triples:
        _write_jsonld(out, triples)
    on_stage(f"dump:{JSONLD}")
    quads = 0
    with _gzip(root / NQUADS) as out:
        for document in sorted(documents, key=lambda d: d.expression_iri):
            graph = f" <{document.expression_iri}> .\n"
            found = ntriples_lines(document.ntriples)
            out.write("".join(line.removesuffix(" .") + graph for line in found).encode())
            quads += len(found)
    on_stage(f"dump:{NQUADS}")
    return DumpSummary(count, quads, len(documents), statistics.result())


def _write_turtle(root: Path, documents: Sequence[Document], base_iri: str) -> None:
    """One prefix header, then each version's Turtle body (its file's, else serialized)."""
    chosen = prefixes(base_iri)
    header = prefix_header(chosen)
    encoded = header.encode("utf-8")
    with (root / TURTLE).open("wb") as out:
        out.write(encoded)
        for document in sorted(documents, key=lambda d: d.expression_iri):
            written = root / f"{expression_path(document.expression_iri, base_iri)}.ttl"
            data = written.read_bytes() if written.is_file() else b""
            if data.startswith(encoded):
                out.write(data[len(encoded) :])
            else:
                out.write(ntriples_body(document.ntriples, chosen).encode("utf-8"))


def _merged(documents: Sequence[Document]) -> Iterator[str]:
    """The sorted, distinct lines of all documents (each already sorted)."""
    previous = None
    for line in heapq.merge(*(_lines(d.ntriples) for d in documents)):
        if line != previous:
            yield line
            previous = line


def _lines(text: str) -> Iterator[str]:
    """The lines of `text` (each ending in a newline), without copying the whole text."""
    start = 0
    while start < len(text):
        end = text.find("\n", start) + 1 or len(text)
        yield text[start:end]
        start = end


@contextlib.contextmanager
def _triples(ntriples_gz: Path) -> Iterator[Iterator[Triple]]:
    with gzip.open(ntriples_gz, "rb") as handle:
        yield (q.triple for q in parse(cast(IO[bytes], handle), format=RdfFormat.N_TRIPLES))


def _write_jsonld(out: IO[str], triples: Iterator[Triple], chunk: int = 20_000) -> None:
    """Compact JSON-LD (respub's context embedded), compacting some subjects at a time.

    The context comes first and each node's type before its other keys, so the dump also
    reads with a streaming JSON-LD parser (`RdfFormat.STREAMING_JSON_LD`) in constant memory.
    """
    context = load_context()
    terms = ",\n".join(
        f"    {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}"
        for k, v in context.document["@context"].items()
    )
    out.write('{\n  "@context": {\n' + terms + '\n  },\n  "@graph": [')
    separator = "\n"
    for group in _subject_groups(triples, chunk):
        for node in compact(group, context)["@graph"]:
            text = json.dumps(_type_first(node), ensure_ascii=False, indent=2)
            out.write(separator + textwrap.indent(text, "    "))
            separator = ",\n"
    out.write("\n  ]\n}\n")


def _type_first(node: dict[str, Any]) -> dict[str, Any]:
    """The node with its type key first, as streaming JSON-LD parsers require."""
    if "type" not in node:
        return node
    return {"type": node["type"], **{k: v for k, v in node.items() if k != "type"}}


def _subject_groups(triples: Iterator[Triple], size: int) -> Iterator[list[Triple]]:
    """Runs of at least `size` triples (except the last) that never split a subject."""
    group: list[Triple] = []
    for _, same in itertools.groupby(triples, key=lambda t: t.subject):
        group.extend(same)
        if len(group) >= size:
            yield group
            group = []
    if group:
        yield group


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


def _chunks(lines: Iterator[str], size: int = 50_000) -> Iterator[list[str]]:
    while chunk := list(itertools.islice(lines, size)):
        yield chunk


@contextlib.contextmanager
def _gzip(path: Path) -> Iterator[IO[bytes]]:
    """A deterministic gzip writer: no file name, mtime 0, level 6."""
    with (
        path.open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=6) as zipped,
    ):
        yield cast(IO[bytes], zipped)
