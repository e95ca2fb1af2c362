"""Build a release's static site: a pure function from the release's data to its files.

    build_site(SiteSource(...)) -> {"index.html": b"...", "resolution/un-ga/80/1/en.html": …}

The release writer puts the result under `site/` before it writes `SHA256SUMS`, so every
page is covered by the checksums and any static host can serve the folder as it is.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from respub.publish.checksums import FileInfo
from respub.search.index import INDEX, build_index, index_rows
from respub.site import SITE
from respub.site.catalogue import Catalogue, WorkView, catalogue, page_path
from respub.site.feed import HISTORY, atom_feed, history, history_bytes, read_history, sitemap
from respub.site.linked import describe, expression_jsonld, rdf_files, work_jsonld
from respub.site.read import ExpressionView
from respub.site.render import SiteInfo, parts, render_page

__all__ = ["SITE", "SiteSource", "build_site"]


_STATIC = ("site.css", "filter.js")
_LIST_FACETS = ("body", "year", "session", "languages", "status")


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
    documents: Sequence[tuple[str, str]]  # (expression IRI, N-Triples)
    bodies: Mapping[str, str]  # work IRI → body code
    changes: Mapping[str, Any]  # CHANGES.json
    validation: Mapping[str, Any]  # validation.json
    downloads: Sequence[FileInfo]
    vocabulary: Sequence[bytes] = ()  # the release's ontology Turtle (body labels)
    previous_history: bytes | None = None  # the previous release's site/history.json
    sparql_endpoint: str | None = None
    alignment: Sequence[tuple[str, str]] = ()  # (clause IRI, its counterpart in a language)


def build_site(source: SiteSource) -> dict[str, bytes]:
    """Every file of the site, by path relative to `site/`."""
    base = source.base_iri
    cat = catalogue(base, source.documents, source.bodies, source.vocabulary)
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
    files: dict[str, bytes] = {}
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
    files["resolutions.html"] = _list(info, cat, "resolutions.html", "Resolutions", cat.works)
    files.update(_groups(info, cat))
    for work in cat.works:
        files.update(_work_pages(info, cat, work, versions))
    files.update(_resource_rdf(cat, source))
    files[INDEX] = build_index(
        index_rows((w.facts.identifier, e) for w in cat.works for e in w.expressions)
    )
    pages = [p.removesuffix(".html") for p in files if p.endswith(".html") and p != "index.html"]
    files["sitemap.xml"] = sitemap([base, *(base + p for p in pages)], source.release_time)
    return dict(sorted(files.items()))


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


def _choices(works: Sequence[WorkView]) -> dict[str, list[str]]:
    values: dict[str, set[str]] = {k: set() for k in _LIST_FACETS}
    for work in works:
        values["body"].add(work.body)
        values["year"].add(work.year or "")
        session = work.facts.session
        values["session"].add(session.iri.rsplit("/", 1)[-1] if session else "")
        values["languages"].update(work.languages)
        values["status"].add(work.facts.status or "")
    return {k: sorted(v - {""}) for k, v in values.items()}


def _list(
    info: SiteInfo,
    cat: Catalogue,
    path: str,
    heading: str,
    works: Sequence[WorkView],
    intro: str = "",
    jsonld: dict[str, Any] | None = None,
) -> bytes:
    return render_page(
        "list.html",
        path,
        info,
        cat,
        title=heading,
        heading=heading,
        intro=intro,
        works=works,
        choices=_choices(works),
        jsonld=jsonld,
    )


def _groups(info: SiteInfo, cat: Catalogue) -> dict[str, bytes]:
    """A page per body and per session, listing their resolutions."""
    files: dict[str, bytes] = {}
    jsonld: dict[str, Any]
    for body in cat.bodies:
        path = page_path(body.iri, cat.base_iri)
        if path is None:
            continue
        works = [w for w in cat.works if w.facts.body_iri == body.iri]
        jsonld = {
            "@context": "https://schema.org/",
            "@id": body.iri,
            "@type": "Organization",
            "name": body.label(),
            "alternateName": body.code,
        }
        files[path] = _list(info, cat, path, body.label(), works, body.code, jsonld)
    for session in cat.sessions:
        path = page_path(session.iri, cat.base_iri)
        if path is None:
            continue
        works = [w for w in cat.works if w.facts.session and w.facts.session.iri == session.iri]
        held_by = cat.body(session.body_iri)
        place = session.place.get("en") or next(iter(session.place.values()), "")
        heading = f"{held_by.label() if held_by else ''} session {session.iri.rsplit('/', 1)[-1]}"
        intro = ", ".join(x for x in (place, session.start or "", session.end or "") if x)
        jsonld = {
            "@context": "https://schema.org/",
            "@id": session.iri,
            "@type": "Event",
            "name": heading.strip(),
            "startDate": session.start,
            "endDate": session.end,
        }
        files[path] = _list(info, cat, path, heading.strip(), works, intro, jsonld)
    return files


def _versions(alignment: Sequence[tuple[str, str]]) -> dict[str, list[str]]:
    """Clause IRI → the IRIs of its counterparts in the other language versions, sorted."""
    found: dict[str, list[str]] = {}
    for clause, counterpart in sorted(alignment):
        found.setdefault(clause, []).append(counterpart)
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
    info: SiteInfo, cat: Catalogue, work: WorkView, versions: Mapping[str, list[str]]
) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    body = cat.body(work.facts.body_iri)
    path = page_path(work.iri, cat.base_iri)
    if path is not None:
        files[path] = render_page(
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
    for view in work.expressions:
        path = page_path(view.iri, cat.base_iri)
        if path is None:
            continue
        table = _citations(cat, view, path)
        files[path] = render_page(
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
            versions=_clause_versions(versions, view, path, cat.base_iri),
            alternates=_alternates(view.iri),
            jsonld=expression_jsonld(view, work, body),
        )
    return files


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


def _resource_rdf(cat: Catalogue, source: SiteSource) -> dict[str, bytes]:
    """Turtle and JSON-LD of each work, session and body (expressions have their own files)."""
    subjects = [w.iri for w in cat.works] + [s.iri for s in cat.sessions]
    subjects += [b.iri for b in cat.bodies]
    found = describe(subjects, source.documents, source.vocabulary)
    files: dict[str, bytes] = {}
    for subject, triples in sorted(found.items()):
        stem = page_path(subject, cat.base_iri, "")
        if stem:
            files.update(rdf_files(stem, triples))
    return files
