"""Fixtures of the source tests: small PDFs with a text layer, written by hand.

Tests run with ``--import-mode=importlib``, so the PDF writer reaches them as a fixture.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

Run = tuple[float, float, float, str]  # x, y, font size, text


def write_pdf(pages: list[list[Run]], width: int = 612, height: int = 792) -> bytes:
    """A PDF whose pages draw each run with Times-Roman at (x, y)."""
    count = len(pages)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>",
    ]
    for index, runs in enumerate(pages):
        content = "\n".join(
            f"BT /F1 {size} Tf 1 0 0 1 {x} {y} Tm ({_escape(text)}) Tj ET"
            for x, y, size, text in runs
        ).encode("cp1252")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} {height}] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * index} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


@pytest.fixture
def make_pdf() -> Callable[..., bytes]:
    """`make_pdf([[(x, y, size, text), ...], ...])`: the bytes of a PDF, a list per page."""
    return write_pdf
