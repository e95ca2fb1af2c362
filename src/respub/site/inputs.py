"""What each page of the site is made of, as one digest per page (`site/inputs.json`).

A page whose digest is the one the previous release's site lists is not rendered again: the
release links the previous release's file (same bytes, since a page's bytes are a function
of its inputs only; no page of a resolution names the release). Each digest covers:

- the software: the site's templates, static files, code and language table
  (`software()`), and the page's own path (links are relative to it);
- the frame every page shows (`frame`): dataset title, base IRI, endpoints, licence;
- the data the page shows, by content: a work is its versions' content hashes
  (`work_keys`), so a page that shows another work's title or identifier (cites, cited
  by, language versions) names that work's key.

The digests are kept in the release (`site/inputs.json`, covered by the checksums), so a
site is checked against the very release it is linked from, and a cold build writes the
same file.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from respub import __version__
from respub.site.catalogue import BodyView

__all__ = [
    "INPUTS",
    "Keys",
    "Pages",
    "body_key",
    "digest",
    "inputs_bytes",
    "read_inputs",
    "software",
    "work_keys",
]

INPUTS = "inputs.json"  # in the release's site/
_SOFTWARE = (".py", ".html", ".css", ".js", ".yaml")


def digest(*parts: Any) -> str:
    """The SHA-256 of `parts` as canonical JSON (tuples as lists, keys sorted).

    >>> digest("a", 1) == digest("a", 1) != digest("a", 2)
    True
    """
    text = json.dumps(parts, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@cache
def software() -> str:
    """A digest of the software a page's bytes may depend on: respub's version, every module
    of the package (the site's readers and the RDF serialisers among them), the templates,
    static files and language table."""
    h = hashlib.sha256(__version__.encode())
    package = resources.files("respub")
    found: list[tuple[str, bytes]] = []
    folders: list[tuple[str, Traversable]] = [("", package)]
    while folders:
        prefix, folder = folders.pop()
        for item in folder.iterdir():
            name = f"{prefix}{item.name}"
            if item.is_dir() and item.name != "__pycache__":
                folders.append((f"{name}/", item))
            elif item.name.endswith(_SOFTWARE) and item.is_file():
                found.append((name, item.read_bytes()))
    for name, data in sorted(found):
        h.update(name.encode() + b"\0" + data + b"\0")
    return h.hexdigest()


def work_keys(versions: Mapping[str, Iterable[str]], hashes: Mapping[str, str]) -> dict[str, str]:
    """Work IRI → a digest of its versions' (IRI, content hash): what its pages show of it.

    >>> keys = work_keys({"w": ["w/en", "w/fr"]}, {"w/en": "1", "w/fr": "2"})
    >>> keys == work_keys({"w": ["w/fr", "w/en"]}, {"w/en": "1", "w/fr": "2"})
    True
    """
    return {
        work: digest(sorted((iri, hashes[iri]) for iri in iris)) for work, iris in versions.items()
    }


def read_inputs(data: bytes | None) -> dict[str, str]:
    """The page digests a previous site listed; empty when there are none or unreadable."""
    if not data:
        return {}
    try:
        found = json.loads(data)
    except ValueError:
        return {}
    if not isinstance(found, dict):
        return {}
    return {str(k): str(v) for k, v in found.items() if isinstance(v, str)}


def inputs_bytes(digests: Mapping[str, str]) -> bytes:
    """`site/inputs.json`: page path → digest, sorted, one a line."""
    return (json.dumps(dict(sorted(digests.items())), indent=0) + "\n").encode()


@dataclass
class Pages:
    """Pages keyed by the digest of their inputs: rendered, or kept when the previous site
    has the same digest for the same path."""

    previous: Mapping[str, str]
    files: dict[str, bytes] = field(default_factory=dict)
    digests: dict[str, str] = field(default_factory=dict)
    kept: list[str] = field(default_factory=list)

    def fresh(self, key: str, *paths: str) -> bool:
        """Whether the `paths` (made together) must be made, recording their key; False
        when every one is kept."""
        self.digests.update(dict.fromkeys(paths, key))
        if all(self.previous.get(p) == key for p in paths):
            self.kept.extend(paths)
            return False
        return True

    def forget(self, *paths: str) -> None:
        """Drop the digests of `paths`, which were not made after all."""
        for path in paths:
            self.digests.pop(path, None)


@dataclass(frozen=True)
class Keys:
    """What the digests of pages are made from (see `respub.site.inputs`)."""

    frame: tuple[str, ...]
    works: Mapping[str, str]  # work IRI → digest of its versions' content
    vocabulary: str

    def page(self, kind: str, path: str, *inputs: Any) -> str:
        """The digest of the page of `kind` at `path` made of `inputs`."""
        return digest(kind, software(), self.frame, path, *inputs)


def body_key(body: BodyView | None) -> Any:
    """What a page shows of a body."""
    return [body.iri, body.code, sorted(body.labels.items())] if body else None
