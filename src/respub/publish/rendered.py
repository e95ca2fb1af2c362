"""Each language version's own files, rendered once and kept under its content hash.

A version's Turtle, JSON-LD and Akoma Ntoso files depend only on its canonical N-Triples
(hashed: `content_sha256`), the base IRI and the code that renders them. The worker
processes that make a version's result render its Turtle and JSON-LD there (each parsed
back and counted), and keep them with its Akoma Ntoso here; the release writer, in one
process, then only hard-links them into the release (`RenderedCache.link`), and renders
itself only what no worker kept (results made by another runner, an emptied cache).

    state/rendered/<salt>/<hash[:2]>/<hash>.ttl | .jsonld | .akn

`salt` hashes the base IRI, `FORMAT` and the source of the rendering code (`respub/rdf/`,
`respub/publish/dumps.py`, this module, the JSON-LD context), so a change to any of them
starts a new folder. A kept file is written through a temporary file and `os.replace`,
never in place: a release holding a hard link to it keeps its bytes whatever the cache
does later. The cache only saves work: a missing file is rendered again.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path

from pyoxigraph import RdfFormat, parse

from respub.akn import EXTENSION as AKN
from respub.atomic import keep
from respub.errors import PublishError
from respub.publish.dumps import Document, expression_files_of
from respub.rdf.files import CONTEXT, PACKAGE

__all__ = ["RENDERED", "RenderedCache", "count_distinct", "render_version"]

log = logging.getLogger(__name__)

RENDERED = "state/rendered"  # below the output folder
FORMAT = 1
TURTLE, JSONLD = "ttl", "jsonld"
SUFFIXES = (TURTLE, JSONLD, AKN)  # the files of a version, by suffix of its path
_PARSED = {TURTLE: RdfFormat.TURTLE, JSONLD: RdfFormat.JSON_LD}


def render_version(expression_iri: str, ntriples: str, base_iri: str) -> dict[str, bytes]:
    """The version's Turtle and JSON-LD by suffix, each parsed back: it must hold as many
    distinct triples as the N-Triples' lines. Raises `PublishError` naming the file."""
    try:
        rendered = expression_files_of(base_iri, Document(expression_iri, ntriples))
    except (SyntaxError, ValueError) as error:
        raise PublishError(f"{expression_iri}: cannot render its N-Triples: {error}") from error
    expected = ntriples.count("\n")
    files = {}
    for name, data in rendered.items():
        suffix = name.rpartition(".")[2]
        try:
            found = count_distinct(data, _PARSED[suffix])
        except (SyntaxError, ValueError) as error:
            raise PublishError(f"{name}: {error}") from error
        if found != expected:
            raise PublishError(f"{name} has {found} triples, its N-Triples {expected}")
        files[suffix] = data
    return files


def count_distinct(data: bytes, fmt: RdfFormat) -> int:
    """Distinct triples of an RDF text (a 64-bit hash per triple, not the triple)."""
    return len({hash(str(q.triple)) for q in parse(data, format=fmt)})


class RenderedCache:
    """The rendered files of versions under `output/state/rendered/<salt>/`."""

    def __init__(self, output_dir: Path, base_iri: str) -> None:
        self.top = output_dir / RENDERED
        self.root = self.top / _salt(base_iri)
        self.base_iri = base_iri

    def path(self, content_sha256: str, suffix: str) -> Path:
        """Where a version's file of `suffix` is kept."""
        return self.root / content_sha256[:2] / f"{content_sha256}.{suffix}"

    def keep_version(
        self, expression_iri: str, content_sha256: str, ntriples: str, akn: str
    ) -> None:
        """Render and keep the Turtle and JSON-LD of a version unless kept, and keep its
        Akoma Ntoso (replaced only when its bytes differ: a newer pipeline may write other
        XML for the same triples)."""
        if not self.path(content_sha256, JSONLD).is_file():
            files = render_version(expression_iri, ntriples, self.base_iri)
            self.store(content_sha256, {TURTLE: files[TURTLE], JSONLD: files[JSONLD]})
        if akn:
            data = akn.encode("utf-8")
            try:
                same = self.path(content_sha256, AKN).read_bytes() == data
            except OSError:
                same = False
            if not same:
                self.store(content_sha256, {AKN: data})

    def store(self, content_sha256: str, files: Mapping[str, bytes]) -> bool:
        """Keep `files` (by suffix), the JSON-LD last (its presence marks a version whose
        Turtle is kept too); False when one could not be written."""
        order = sorted(files, key=lambda s: s == JSONLD)
        return all(keep(self.path(content_sha256, s), files[s], "rendered file") for s in order)

    def link(self, content_sha256: str, stem: Path, suffixes: Iterable[str] = SUFFIXES) -> bool:
        """Hard-link (or copy, across file systems) the kept files of `suffixes` to
        `<stem>.<suffix>`; False, with none of them left, when one is not kept."""
        made: list[Path] = []
        for suffix in suffixes:
            target = stem.with_name(f"{stem.name}.{suffix}")
            try:
                _link(self.path(content_sha256, suffix), target)
            except FileNotFoundError:
                for path in made:
                    path.unlink(missing_ok=True)
                return False
            made.append(target)
        return True

    def prune(self, wanted: Iterable[str]) -> int:
        """Delete the files of content hashes not in `wanted`, and every other salt's
        folder; how many files of this salt went."""
        for other in self.top.iterdir() if self.top.is_dir() else ():
            if other != self.root:
                shutil.rmtree(other, ignore_errors=True)
        names = set(wanted)
        removed = 0
        for folder in self.root.iterdir() if self.root.is_dir() else ():
            for name in os.listdir(folder):
                if name.partition(".")[0] not in names:
                    (folder / name).unlink(missing_ok=True)
                    removed += 1
        return removed


def _link(source: Path, target: Path) -> None:
    """Hard-link `source` to `target` (its folder made when missing), copying when the
    file system will not link; raises `FileNotFoundError` when `source` is missing. A
    file already at `target` is unlinked first, never written through."""
    for attempt in range(3):
        try:
            os.link(source, target)
            return
        except FileNotFoundError:
            if attempt or not source.exists():
                raise
            target.parent.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            target.unlink()
        except OSError:  # another file system, or no hard links there
            shutil.copyfile(source, target)
            return
    raise OSError(f"{target}: cannot link {source}")


@cache
def _code() -> str:
    """A digest of the code and context that render a version's files."""
    digest = hashlib.sha256()
    paths = [*sorted((PACKAGE / "rdf").glob("*.py")), PACKAGE / "publish" / "dumps.py"]
    for path in [*paths, Path(__file__), CONTEXT]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _salt(base_iri: str) -> str:
    """The folder name of a base IRI's files with this code."""
    text = f"{FORMAT}\0{base_iri}\0{_code()}"
    return hashlib.sha256(text.encode()).hexdigest()[:16]
