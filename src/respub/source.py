"""A document to process, as the runners pass it around (no parser, no RDF imported here:
`respub publish` plans a run that changes nothing without loading the pipeline)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["Source", "encodable_name"]


@dataclass(frozen=True)
class Source:
    """A document to process: the file to read, the name it is published under (its
    path, or the URL it was fetched from) and the parser hints from a manifest."""

    path: str
    name: str
    language: str | None = None
    body: str | None = None
    identifier: str | None = None  # for a document that prints none (manifest `identifier`)

    @classmethod
    def of(cls, path: str | Path) -> Source:
        """A plain file, published under its own path, without hints."""
        return cls(str(path), str(path))

    @property
    def hinted(self) -> bool:
        """True when the document is read under another name or with parser hints."""
        hints = (self.language, self.body, self.identifier)
        return any(h is not None for h in hints) or self.name != self.path


def encodable_name(name: str) -> bool:
    """Whether a file name can be written as UTF-8 (not so when it holds undecodable bytes)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
