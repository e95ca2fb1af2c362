"""Read a PDF's text layer, with the position and size of every run of text.

pypdf reports each run of text with its text matrix and font size; `pdf_text` turns
those runs into paragraphs and footnotes (see `respub.sources.pdf_layout`).
"""

from __future__ import annotations

import logging
import math
import re
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from io import BytesIO
from typing import Any

from pypdf import PdfReader

from respub.errors import ParseError
from respub.knowledge.language import detect_language
from respub.knowledge.words import split_word
from respub.problems import problem
from respub.sources.limits import DEFAULT_LIMITS, SourceLimits
from respub.sources.pdf_layout import Page, Run, SplitWord, layout_text

log = logging.getLogger(__name__)


def pdf_text(data: bytes, label: str, limits: SourceLimits = DEFAULT_LIMITS) -> str:
    """The text of a PDF as paragraphs separated by blank lines, footnotes as `[^n]: text`.

    Raises `ParseError` for a file that is not a readable PDF, an encrypted one, one
    without a text layer (a scan), one of more than `limits.max_pdf_pages` pages, or
    one that takes longer than `limits.pdf_seconds` to read. pypdf's own warnings about
    a damaged file are kept out of the terminal: the error says what matters.
    """
    with _quiet_pypdf():
        reader = _open(data, label)
        count = _page_count(reader, label)
        if count > limits.max_pdf_pages:
            message = f"{count:,} pages is more than the limit of {limits.max_pdf_pages:,}"
            raise ParseError(label, problem("pdf-limit", message=message, file=label))
        started = time.monotonic()
        pages = []
        for index in range(count):
            pages.append(_read_page(reader, index, label))
            if time.monotonic() - started > limits.pdf_seconds:
                message = (
                    f"reading took longer than the limit of {limits.pdf_seconds:g} s "
                    f"(stopped after page {index + 1} of {count})"
                )
                raise ParseError(label, problem("pdf-limit", message=message, file=label))
    if not any(run.text.strip() for page in pages for run in page.runs):
        raise ParseError(label, "no text layer (scanned PDF?)", page=1)
    for page in pages:
        if not any(run.text.strip() for run in page.runs):
            log.warning("%s, page %d: no text layer (image only?)", label, page.number)
    return layout_text(pages, _split_word(pages))


def _split_word(pages: list[Page]) -> SplitWord | None:
    """The test of a word split in two in the language of the pages, if it is known."""
    sample = " ".join(run.text for page in pages[:2] for run in page.runs)
    language = detect_language(sample[:3000])
    return None if language is None else partial(split_word, language=language)


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs a warning per damaged object (9 for one corrupt file): not for users."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR + 10)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _open(data: bytes, label: str) -> PdfReader:
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise ParseError(label, "not a readable PDF: no %PDF header")
    if b"%%EOF" not in data[-1024:]:
        raise ParseError(label, "not a readable PDF: truncated (no %%EOF marker at the end)")
    try:
        reader = PdfReader(BytesIO(data))
        encrypted = reader.is_encrypted
    except Exception as error:  # pypdf raises many kinds of errors on damaged files
        raise ParseError(label, f"not a readable PDF: {_reason(error)}") from error
    if encrypted:
        try:
            opened = bool(reader.decrypt(""))  # many PDFs are encrypted with no user password
        except Exception as error:  # an unsupported algorithm, a missing crypto library
            raise ParseError(label, f"encrypted PDF: {_reason(error)}") from error
        if not opened:
            raise ParseError(label, "encrypted PDF (a password is needed)")
    return reader


def _page_count(reader: PdfReader, label: str) -> int:
    try:
        return len(reader.pages)
    except Exception as error:  # a damaged page tree
        raise ParseError(label, f"not a readable PDF: {_reason(error)}") from error


def _read_page(reader: PdfReader, index: int, label: str) -> Page:
    runs: list[Run] = []
    left = bottom = 0.0

    def visit(text: str, cm: list[float], tm: list[float], _font: Any, size: float) -> None:
        if not text:
            return
        if not text.strip():
            # pypdf's spacing between runs: keep it with the run it follows
            if "\n" not in text and runs and runs[-1].text and not runs[-1].text.endswith(" "):
                last = runs[-1]
                runs[-1] = Run(last.x, last.y, last.size, last.text + " ")
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4] - left
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5] - bottom
        scale = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3])
        runs.append(Run(x, y, size * scale if scale else size, text.replace("\n", " ")))

    try:
        page = reader.pages[index]
        box = page.mediabox
        left, bottom = float(box.left), float(box.bottom)
        page.extract_text(visitor_text=visit)
        width, height = float(box.width), float(box.height)
    except Exception as error:  # a damaged content stream or page object
        raise ParseError(label, f"not a readable PDF: {_reason(error)}", page=index + 1) from error
    return Page(index + 1, width, height, tuple(runs))


def _reason(error: Exception) -> str:
    """pypdf's message on one short printable line (it may quote raw bytes of the file)."""
    text = " ".join(str(error).split()) or type(error).__name__
    text = "".join(c if c.isprintable() else "?" for c in text)
    text = re.sub(r"b'(?:[^'\\]|\\.){40,}'", "b'...'", text)
    return text if len(text) <= 160 else text[:157] + "..."
