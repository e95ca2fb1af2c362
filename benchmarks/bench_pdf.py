"""PDF extraction throughput over the corpus PDFs: pages/s and documents/s (no target).

Measures `pdf_text` (pypdf's text layer, then layout: lines, marks, footnotes, page
furniture, paragraphs) and, apart, pypdf's own `extract_text` on the same pages, so the
cost of the layout stage shows. Run: .venv/bin/python benchmarks/bench_pdf.py [--seconds 3]
"""

from __future__ import annotations

import argparse
import logging
import time
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader

from respub.sources.pdf import pdf_text

ROOT = Path(__file__).resolve().parents[1]
PDFS = sorted((ROOT / "corpus").glob("*/pdf/*.pdf"))


def _pypdf_only(data: bytes) -> None:
    for page in PdfReader(BytesIO(data)).pages:
        page.extract_text()


def _measure(
    name: str, run: Callable[[bytes], object], files: list[bytes], pages: int, seconds: float
) -> None:
    docs, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds or docs == 0:
        for data in files:
            run(data)
        docs += len(files)
    elapsed = time.perf_counter() - started
    rounds = docs // len(files)
    print(
        f"{name:<22} {docs:5d} documents in {elapsed:5.2f} s = "
        f"{docs / elapsed:7.1f} documents/s, {rounds * pages / elapsed:7.1f} pages/s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # image-only pages are reported, not wanted here
    files = [p.read_bytes() for p in PDFS]
    pages = sum(len(PdfReader(BytesIO(d)).pages) for d in files)
    print(f"{len(files)} PDFs, {pages} pages, {sum(map(len, files)) / 1e6:.1f} MB")
    _measure("pdf_text (respub)", lambda d: pdf_text(d, "bench.pdf"), files, pages, args.seconds)
    _measure("extract_text (pypdf)", _pypdf_only, files, pages, args.seconds)


if __name__ == "__main__":
    main()
