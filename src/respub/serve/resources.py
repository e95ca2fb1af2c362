"""Dereference an IRI under the base: which files of the release answer it, in which formats.

    /resolution/un-ga/80/1         the Work: 303 to its version in the best language
    /resolution/un-ga/80/1.html    the Work's page (its versions, citations)
    /resolution/un-ga/80/1/en      a language version: HTML, Turtle, JSON-LD, N-Triples,
                                   and Akoma Ntoso (`.akn`) when the release has it
    /resolution/un-ga/80/1/en.md   its source manifestation: 303 to the version
    /session/un-ga/80, /body/un-ga sessions and bodies: HTML, Turtle, JSON-LD, N-Triples

Every clause IRI (`…/en#operative-2`) is its version's IRI with a fragment: the page has an
element with that id, the Turtle has that subject.
"""

from __future__ import annotations

from dataclasses import dataclass

from respub.serve.current import Release
from respub.serve.negotiate import AKN, SUFFIXES
from respub.site import SITE

__all__ = ["NTRIPLES_FROM_TURTLE", "Resource", "find"]

# A format with this marker is made from the resource's Turtle when asked for.
NTRIPLES_FROM_TURTLE = "ntriples-from:"
_PAGES = {"": "index", "resolutions": "resolutions"}


@dataclass(frozen=True)
class Resource:
    """What answers a path: files by media type, or a redirect (a Work, a source file)."""

    stem: str
    kind: str  # expression, work, page, redirect
    files: dict[str, str]  # media type → release-relative path
    suffix_media: str | None = None  # the format the path's suffix asked for
    languages: tuple[tuple[str, str], ...] = ()  # a Work's versions: (language, stem)
    redirect: str | None = None


def find(release: Release, path: str) -> Resource | None:
    """The resource at `path` (below the base IRI, no leading slash); None if there is none."""
    stem, suffix_media = _split(path)
    if stem in _PAGES:
        page = f"{SITE}/{_PAGES[stem]}.html"
        return Resource(stem, "page", {"text/html": page}, suffix_media)
    entry = release.expressions.get(stem)
    if entry is not None:
        turtle = f"{stem}.ttl"
        files = {
            "text/html": f"{SITE}/{stem}.html",
            "text/turtle": turtle,
            "application/ld+json": f"{stem}.jsonld",
            "application/n-triples": NTRIPLES_FROM_TURTLE + turtle,
            AKN: f"{stem}.akn",
        }
        return Resource(stem, "expression", _existing(release, files), suffix_media)
    files = _site_files(release, stem)
    versions = release.works.get(stem)
    if versions:
        languages = tuple(
            sorted((e.language, stem + "/" + e.language) for e in versions if e.language)
        )
        return Resource(stem, "work", files, suffix_media, languages)
    if files:
        return Resource(stem, "page", files, suffix_media)
    head, dot, _ = path.rpartition(".")
    if dot and head in release.expressions:
        return Resource(head, "redirect", {}, None, redirect=head)
    return None


def _split(path: str) -> tuple[str, str | None]:
    path = path.strip("/")
    for suffix, media in SUFFIXES.items():
        if path.endswith(suffix) and len(path) > len(suffix):
            return path[: -len(suffix)], media
    return path, None


def _site_files(release: Release, stem: str) -> dict[str, str]:
    turtle = f"{SITE}/{stem}.ttl"
    files = {
        "text/html": f"{SITE}/{stem}.html",
        "text/turtle": turtle,
        "application/ld+json": f"{SITE}/{stem}.jsonld",
        "application/n-triples": NTRIPLES_FROM_TURTLE + turtle,
    }
    return _existing(release, files)


def _existing(release: Release, files: dict[str, str]) -> dict[str, str]:
    return {
        media: path
        for media, path in files.items()
        if release.file(path.removeprefix(NTRIPLES_FROM_TURTLE)) is not None
    }
