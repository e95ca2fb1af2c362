"""The light index: what the site needs of every version on every release, kept in one file.

A release's site shows every version on its list pages, work pages, feed, sitemap and the
RDF files of works, sessions and bodies, but shows a version's text (its full view,
≈ 30 kB: `respub.site.views`) only on the pages that are rendered again: its own page, its
work's search shard and its work's RDF files. The light index keeps, per version, its
`VersionSummary`, its lines about its session and body (the same in most versions: one
tuple shared by all that have them) and the digest of its lines about its work
(`LightVersion`) in ``state/site/light.pickle``, by the same key as the view cache
(software, IRI, content hash); `load_versions` reads the full version only when the index
lacks it (to make its light record) and when a page asks for it (`SiteVersions.version`),
so a release in which one document changed reads the full versions of that work and of
the search shard holding it, not of every version. The file only saves work: missing or
unreadable, every version is read again. It holds pickles of respub's own frozen
dataclasses, written by respub into the output folder's state, which is trusted as the
rest of ``state/`` is.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from respub.atomic import KeptDict
from respub.site.catalogue import VersionSummary, summary
from respub.site.read import ExpressionView
from respub.site.views import Version, ViewCache

__all__ = ["LIGHT", "LightIndex", "LightVersion", "SiteVersions", "load_versions"]

LIGHT = "light.pickle"  # beside the views, under state/site/


@dataclass(frozen=True)
class LightVersion:
    """A version as every release's site needs it: its summary, its N-Triples' lines about
    its session and its body (subject IRI → lines, in document order) and the SHA-256 of
    its lines about its work (the lines themselves are read with the version when its
    work's files are made again, which happens only when they changed)."""

    summary: VersionSummary
    about: Mapping[str, tuple[str, ...]]
    work_lines: str


def lighten(
    version: Version, shared: dict[tuple[str, ...], tuple[str, ...]] | None = None
) -> LightVersion:
    """The light record of a version read in full; its lines are the equal tuple of
    `shared` where there is one (versions of one session state the same lines of it)."""
    pool = {} if shared is None else shared
    work = version.view.work.iri
    about = {s: pool.setdefault(lines, lines) for s, lines in version.about.items() if s != work}
    lines = "\n".join(version.about.get(work, ()))
    digest = hashlib.sha256(lines.encode("utf-8")).hexdigest()
    return LightVersion(summary(version.view), about, digest)


class LightIndex(KeptDict[LightVersion]):
    """Light records by view-cache key, kept in the file `path` (None: nothing kept)."""

    def __init__(self, path: Path | None) -> None:
        super().__init__(path, "light index")

    @property
    def records(self) -> dict[str, LightVersion]:
        """The records kept by the previous build."""
        return self.kept

    def get(self, key: str, iri: str) -> LightVersion | None:
        """The record kept under `key`, if it is one of the version `iri`."""
        found = self.kept.get(key)
        if isinstance(found, LightVersion) and found.summary.iri == iri:
            return found
        return None


@dataclass(frozen=True)
class SiteVersions:
    """Every version's light record, in the order given, and `version`, which gives one of
    them in full (from the view cache, else its N-Triples)."""

    light: dict[str, LightVersion]
    version: Callable[[str], Version]

    def view(self, iri: str) -> ExpressionView:
        """The full view of the version `iri`."""
        return self.version(iri).view


def load_versions(
    hashes: Sequence[tuple[str, str]],
    texts: Mapping[str, Callable[[], str]],
    views: ViewCache,
    index: LightIndex,
) -> SiteVersions:
    """The light record of each (expression IRI, content hash): from `index`, else made
    from the version read in full through `views`; every version's view stays wanted by
    `views` (`ViewCache.prune`). Without a view cache to read them from again, the
    versions read in full here are held for `SiteVersions.version`."""
    held: dict[str, Version] = {}
    light: dict[str, LightVersion] = {}
    shared: dict[tuple[str, ...], tuple[str, ...]] = {}
    for iri, content in hashes:
        key = views.key(iri, content)
        views.used.add(key)
        found = index.get(key, iri)
        if found is not None:
            for lines in found.about.values():
                shared.setdefault(lines, lines)
        else:
            version = views.version(iri, content, texts[iri])
            found = lighten(version, shared)
            if views.root is None:
                held[iri] = version
        index.used[key] = light[iri] = found
    contents = dict(hashes)

    def full(iri: str) -> Version:
        return held.get(iri) or views.version(iri, contents[iri], texts[iri])

    return SiteVersions(light, full)
