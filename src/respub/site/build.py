"""Build a release's static site: a pure function from the release's data to its files.

    build_site(SiteSource(...)) -> {"index.html": b"...", "resolution/un-ga/80/1/en.html": …}

The release writer puts the result under `site/` before it writes `SHA256SUMS`, so every
page is covered by the checksums and any static host can serve the folder as it is.
"""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from respub.publish.checksums import FileInfo
from respub.site import SITE
from respub.site.catalogue import Catalogue, WorkView, catalogue, page_path
from respub.site.feed import HISTORY, atom_feed, history, history_bytes, read_history, sitemap
from respub.site.inputs import (
    INPUTS,
    Keys,
    Pages,
    body_key,
    digest,
    inputs_bytes,
    read_inputs,
    work_keys,
)
from respub.site.light import LightIndex, SiteVersions, load_versions
from respub.site.linked import describe, expression_jsonld, rdf_files, work_jsonld
from respub.site.lists import Lists, RowCache, groups
from respub.site.read import ExpressionView
from respub.site.render import SiteInfo, parts, render_page
from respub.site.shards import search_shards
from respub.site.views import ViewCache

__all__ = ["SITE", "Site", "SiteSource", "build_site"]


_STATIC = ("site.css", "filter.js")


@dataclass(frozen=True)
class SiteSource:
    """Everything the site is built from (all read from, or about to be, the release)."""

    base_iri: str
    title: str
    description: str
    licence: str
    publisher: str
    release: str
    release_time: str
    previous: str | None
    versions: Sequence[tuple[str, str]]  # (expression IRI, content hash), sorted
    texts: Mapping[str, Callable[[], str]]  # expression IRI → its N-Triples, read when asked
    bodies: Mapping[str, str]  # work IRI → body code
    changes: Mapping[str, Any]  # CHANGES.json
    validation: Mapping[str, Any]  # validation.json (what the home page shows of it)
    downloads: Sequence[FileInfo]
    vocabulary: Sequence[bytes] = ()  # the release's ontology Turtle (body labels)
    previous_history: bytes | None = None  # the previous release's site/history.json
    sparql_endpoint: str | None = None
    alignment: Sequence[tuple[str, str]] = ()  # (clause IRI, its counterpart in a language)
    previous_inputs: bytes | None = None  # the previous release's site/inputs.json


@dataclass(frozen=True)
class Site:
    """A release's site: the files made now, and the pages kept from the previous release's
    site (the same inputs, so the same bytes: the writer links them)."""

    files: dict[str, bytes]
    kept: tuple[str, ...] = ()

    @property
    def rendered(self) -> list[str]:
        """The HTML pages rendered (not kept)."""
        return [p for p in self.files if p.endswith(".html")]


def build_site(
    source: SiteSource,
    views: ViewCache | None = None,
    rows: RowCache | None = None,
    light: LightIndex | None = None,
) -> Site:
    """Every file of the site, by path relative to `site/`: made, or kept from the site
    whose page digests are `source.previous_inputs`. Versions are known by their light
    records (`light`, `respub.site.light`); a version's full view is read through `views`
    (only those it does not keep are read from their N-Triples) for its record when
    `light` lacks it, and for the pages rendered that show its text; list rows through
    `rows`."""
    base = source.base_iri
    hashes = dict(source.versions)
    found = load_versions(
        source.versions, source.texts, views or ViewCache(None), light or LightIndex(None)
    )
    summaries = (v.summary for v in found.light.values())
    cat = catalogue(base, summaries, source.bodies, source.vocabulary)
    info = SiteInfo(
        title=source.title,
        description=source.description,
        base=base,
        release=source.release,
        release_time=source.release_time,
        previous=source.previous,
        sparql=source.sparql_endpoint or f"{base}sparql",
        licence=source.licence,
    )
    keys = Keys(
        frame=(info.title, info.base, info.sparql, info.licence, info.search_url),
        works=work_keys({w.iri: [e.iri for e in w.expressions] for w in cat.works}, hashes),
        vocabulary=digest([hashlib.sha256(v).hexdigest() for v in source.vocabulary]),
    )
    pages = Pages(read_inputs(source.previous_inputs))
    files = pages.files
    static = resources.files("respub.site").joinpath("static")
    for name in _STATIC:
        files[name] = static.joinpath(name).read_bytes()
    versions = _versions(source.alignment)
    titles = {e.iri: e.title or "" for w in cat.works for e in w.expressions}
    records = history(
        read_history(source.previous_history),
        source.release,
        source.release_time,
        source.changes,
        titles,
    )
    files[HISTORY] = history_bytes(records)
    files["feed.atom"] = atom_feed(records, base, source.title, source.publisher)
    files["index.html"] = render_page(
        "home.html",
        "index.html",
        info,
        cat,
        title="Home",
        works=cat.works,
        expressions=sum(len(w.expressions) for w in cat.works),
        bodies=cat.bodies,
        changes={k: source.changes.get(k, []) for k in ("added", "changed", "removed")},
        validation=source.validation,
        downloads=_downloads(source.downloads),
        history=records,
        jsonld=_dataset_jsonld(source, info),
    )
    lists = Lists(pages, keys, info, cat, rows or RowCache(None))
    lists.add("resolutions.html", "Resolutions", cat.works)
    groups(lists)
    for work in cat.works:
        _work_pages(pages, keys, info, cat, work, versions, found.view)
    _resource_rdf(pages, keys, cat, found, source.vocabulary)
    search_shards(pages, keys, cat, found.view)
    html = [p.removesuffix(".html") for p in [*files, *pages.kept] if p.endswith(".html")]
    urls = [base, *(base + p for p in html if p != "index")]
    files["sitemap.xml"] = sitemap(urls, source.release_time)
    files[INPUTS] = inputs_bytes(pages.digests)
    return Site(dict(sorted(files.items())), tuple(sorted(pages.kept)))


def _downloads(infos: Sequence[FileInfo]) -> list[FileInfo]:
    """The whole-release files a person downloads (not each version's own files)."""
    return [i for i in infos if not i.path.startswith(("resolution/", f"{SITE}/"))]


def _dataset_jsonld(source: SiteSource, info: SiteInfo) -> dict[str, Any]:
    return {
        "@context": "https://schema.org/",
        "@type": "Dataset",
        "@id": f"{source.base_iri}dataset",
        "name": source.title,
        "description": source.description,
        "license": source.licence,
        "version": source.release,
        "dateModified": source.release_time,
        "distribution": [
            {
                "@type": "DataDownload",
                "contentUrl": f"{source.base_iri}releases/{source.release}/{f.path}",
                "contentSize": str(f.size),
                "sha256": f.sha256,
            }
            for f in _downloads(source.downloads)
        ],
        "potentialAction": {"@type": "SearchAction", "target": info.sparql},
    }


def _versions(alignment: Sequence[tuple[str, str]]) -> dict[str, dict[str, list[str]]]:
    """Expression IRI → clause IRI → the IRIs of its counterparts in the other language
    versions, sorted."""
    found: dict[str, dict[str, list[str]]] = {}
    for clause, counterpart in sorted(alignment):
        expression = clause.partition("#")[0]
        found.setdefault(expression, {}).setdefault(clause, []).append(counterpart)
    return found


def _clause_versions(
    versions: Mapping[str, list[str]], view: ExpressionView, path: str, base_iri: str
) -> Callable[[str], list[tuple[str, str]]]:
    """anchor → (language, link) of each counterpart of the clause in another version."""

    def of(anchor: str) -> list[tuple[str, str]]:
        links = []
        for iri in versions.get(f"{view.iri}#{anchor}", []):
            expression, _, fragment = iri.partition("#")
            target = page_path(expression, base_iri)
            if target is not None:
                href = posixpath.relpath(target, posixpath.dirname(path)) + f"#{fragment}"
                links.append((expression.rpartition("/")[2], href))
        return links

    return of


def _work_pages(
    pages: Pages,
    keys: Keys,
    info: SiteInfo,
    cat: Catalogue,
    work: WorkView,
    versions: Mapping[str, Mapping[str, list[str]]],
    full: Callable[[str], ExpressionView],
) -> None:
    body = cat.body(work.facts.body_iri)
    path = page_path(work.iri, cat.base_iri)
    if path is not None:
        key = keys.page(
            "work",
            path,
            keys.works[work.iri],
            body_key(body),
            [(iri, keys.works.get(iri)) for iri in work.facts.cites],
            [(iri, keys.works.get(iri)) for iri in work.cited_by],
        )
        if pages.fresh(key, path):
            pages.files[path] = render_page(
                "work.html",
                path,
                info,
                cat,
                title=work.facts.identifier,
                work=work,
                body=body,
                alternates=_alternates(work.iri),
                jsonld=work_jsonld(work, body),
            )
    for version in work.expressions:
        path = page_path(version.iri, cat.base_iri)
        if path is None:
            continue
        aligned = versions.get(version.iri, {})
        key = keys.page(
            "expression",
            path,
            keys.works[work.iri],
            version.iri,
            body_key(body),
            [(iri, cat.work(iri) is not None) for iri in version.cited_works],
            sorted(aligned.items()),
        )
        if not pages.fresh(key, path):
            continue
        view = full(version.iri)
        table = _citations(cat, view, path)
        pages.files[path] = render_page(
            "expression.html",
            path,
            info,
            cat,
            title=f"{work.facts.identifier} ({view.language})",
            lang=view.language,
            work=work,
            expr=view,
            body=body,
            parts=lambda clause, t=table: parts(clause, t),
            versions=_clause_versions(aligned, view, path, cat.base_iri),
            alternates=_alternates(view.iri),
            jsonld=expression_jsonld(view, work, body),
        )


def _alternates(iri: str) -> tuple[tuple[str, str], ...]:
    return (
        ("text/turtle", f"{iri}.ttl"),
        ("application/ld+json", f"{iri}.jsonld"),
        ("application/n-triples", f"{iri}.nt"),
        ("application/akn+xml", f"{iri}.akn"),
    )


def _citations(cat: Catalogue, view: ExpressionView, path: str) -> dict[str, list[tuple[str, str]]]:
    """Clause anchor → (printed text, link to the cited page or "" when not in the dataset)."""
    table: dict[str, list[tuple[str, str]]] = {}
    for citation in view.citations:
        if citation.clause is None:
            continue
        target = page_path(citation.work_iri, cat.base_iri) if cat.work(citation.work_iri) else None
        href = posixpath.relpath(target, posixpath.dirname(path)) if target else ""
        table.setdefault(citation.clause, []).append((citation.text, href))
    return table


def _resource_rdf(
    pages: Pages,
    keys: Keys,
    cat: Catalogue,
    versions: SiteVersions,
    vocabulary: Sequence[bytes],
) -> None:
    """Turtle and JSON-LD of each work, session and body (versions have their own files),
    from the lines the versions that state them have about them (a work's versions; a
    session's or body's works' versions) and the vocabulary; kept while those lines and
    the vocabulary are unchanged. A work's lines are known by their digests until its files
    are made again: then its versions are read in full."""
    wanted: dict[str, list[str]] = {}
    for work in cat.works:
        digests = sorted({versions.light[e.iri].work_lines for e in work.expressions})
        if _rdf_fresh(pages, keys, cat, work.iri, digests):
            lines: dict[str, None] = {}
            for e in work.expressions:
                lines.update(dict.fromkeys(versions.version(e.iri).about.get(work.iri, ())))
            wanted[work.iri] = list(lines)
    about: dict[str, dict[str, None]] = {}
    for work in cat.works:
        session = work.facts.session
        for subject in (session.iri if session else None, work.facts.body_iri):
            if subject is not None:
                lines = about.setdefault(subject, {})
                for e in work.expressions:
                    lines.update(dict.fromkeys(versions.light[e.iri].about.get(subject, ())))
    for subject, lines in about.items():
        if _rdf_fresh(pages, keys, cat, subject, sorted(lines)):
            wanted[subject] = list(lines)
    found = describe(wanted, vocabulary)
    for subject in wanted:
        stem = page_path(subject, cat.base_iri, "") or ""
        if subject in found:
            pages.files.update(rdf_files(stem, found[subject]))
        else:  # nothing is said of it: no file, no digest
            pages.forget(f"{stem}.ttl", f"{stem}.jsonld")


def _rdf_fresh(pages: Pages, keys: Keys, cat: Catalogue, subject: str, inputs: object) -> bool:
    """Whether the RDF files of `subject` are to be made (their digest of `inputs` is not
    the previous site's); False for a subject outside the base IRI."""
    stem = page_path(subject, cat.base_iri, "")
    if stem is None:
        return False
    key = keys.page("rdf", stem, inputs, keys.vocabulary)
    return pages.fresh(key, f"{stem}.ttl", f"{stem}.jsonld")
