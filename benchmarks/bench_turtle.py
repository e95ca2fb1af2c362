"""Turtle per language version: respub's readable writer against pyoxigraph's, in ms/doc,
beside the time to process a document (parse, map, validate, Akoma Ntoso) for scale.

Run: .venv/bin/python benchmarks/bench_turtle.py [--seconds 2]

Documents: the sample corpus's INTERPOL texts and UN GA Markdown, each from its canonical
N-Triples (what publish holds), as publish renders them (N-Triples → triples → Turtle).
No assertions: this prints a table.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from bench_rdf import measure  # benchmarks/ is on sys.path when run as a script
from pyoxigraph import RdfFormat
from pyoxigraph import serialize as ox_serialize

from respub.process import process_document
from respub.publish.dumps import triples_of
from respub.rdf.serialize import PREFIXES, prefixes
from respub.rdf.turtle import ntriples_body, prefix_header
from respub.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    *sorted((ROOT / "corpus/interpol").glob("*.txt")),
    *sorted((ROOT / "corpus/un-ga/md").glob("*.md")),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=2.0)
    args = parser.parse_args()
    settings = Settings()
    results = [process_document(p, settings) for p in SOURCES]
    texts = [r.ntriples for r in results if r.ntriples]
    triples = sum(t.count("\n") for t in texts)
    print(f"{len(texts)} documents, {triples / len(texts):.0f} triples each on average")
    chosen = prefixes()
    header = prefix_header(chosen)

    def pyoxigraph_turtle() -> None:
        for text in texts:
            ox_serialize(triples_of(text), format=RdfFormat.TURTLE, prefixes=PREFIXES)

    def readable_turtle() -> None:
        for text in texts:
            (header + ntriples_body(text, chosen)).encode("utf-8")

    def process() -> None:
        for path in SOURCES[:5]:
            process_document(path, settings)

    before = measure("pyoxigraph Turtle (before)", pyoxigraph_turtle, len(texts), args.seconds)
    after = measure(
        "respub.rdf.turtle (readable, after)", readable_turtle, len(texts), args.seconds
    )
    whole = measure("process_document (parse → validate → AKN)", process, 5, args.seconds)
    print(f"readable Turtle costs {(after - before) * 1000:.2f} ms/doc more than pyoxigraph's:")
    print(f"{(after - before) / whole:.1%} of processing a document (written once per version)")


if __name__ == "__main__":
    main()
