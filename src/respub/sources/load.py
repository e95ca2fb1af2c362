"""Read a source file into text: plain text, Markdown with front matter, PDF or HTML."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from respub.errors import ParseError
from respub.model import Source
from respub.packaged import read_yaml_text
from respub.problems import problem
from respub.sources.decode import decode
from respub.sources.limits import DEFAULT_LIMITS, SourceLimits, read_limited

MEDIA_TYPES = {
    ".txt": "text/plain",
    ".md": "text/markdown",
    ".pdf": "application/pdf",
    ".html": "text/html",
    ".htm": "text/html",
}
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


@dataclass(frozen=True)
class SourceText:
    """A source's text, normalised to paragraphs, with its provenance and metadata.

    Footnotes are `[^n]: text` lines and their marks `[^n]` (as in Markdown).
    """

    source: Source
    text: str
    metadata: dict[str, str] = field(default_factory=dict)


def read_source(
    path: str | Path,
    data: bytes | None = None,
    name: str | None = None,
    language: str | None = None,
    limits: SourceLimits = DEFAULT_LIMITS,
) -> SourceText:
    """Read a file (or `data` fetched from `name`, e.g. a URL) into a `SourceText`;
    `language`, when known, narrows the legacy encodings a non-UTF-8 text may be in.

    Only a regular file of at most `limits.max_bytes` is read (not a device, FIFO or
    socket, even through a link); a PDF is read within its page and time limits.
    """
    path = Path(path)
    label = name or str(path)
    suffix = path.suffix.lower()
    media_type = MEDIA_TYPES.get(suffix)
    if media_type is None:
        raise ParseError(label, problem("unsupported-type", suffix=suffix or "(none)", file=label))
    if data is None:
        data = read_limited(path, label, limits)
    elif len(data) > limits.max_bytes:
        found = problem("source-too-large", size=len(data), limit=limits.max_bytes, file=label)
        raise ParseError(label, found)
    source = Source(path=label, sha256=hashlib.sha256(data).hexdigest(), media_type=media_type)
    if media_type == "application/pdf":
        from respub.sources.pdf import pdf_text

        return SourceText(source, pdf_text(data, label, limits))
    if media_type == "text/html":
        from respub.sources.html import html_document

        page = html_document(decode(data, label, language), label)
        return SourceText(source, page.text, page.metadata)
    text = decode(data, label, language)
    metadata: dict[str, str] = {}
    if media_type == "text/markdown" or text.startswith("---\n"):
        text, metadata = _split_front_matter(text, label)
    return SourceText(source, text, metadata)


def _split_front_matter(text: str, label: str) -> tuple[str, dict[str, str]]:
    """Front matter is metadata only; the body stays authoritative."""
    found = _FRONT_MATTER.match(text)
    if not found:
        return text, {}
    try:
        data = read_yaml_text(found.group(1)) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None
        raise ParseError(label, "malformed YAML front matter", line=line) from error
    if not isinstance(data, dict):
        raise ParseError(label, "front matter is not a mapping", line=2)
    return text[found.end() :], {str(k): str(v) for k, v in data.items()}
