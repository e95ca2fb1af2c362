"""The data a page embeds (JSON-LD: schema.org `Legislation` plus ELI terms) and the RDF of
the resources that have no file of their own in a release: works, sessions and bodies.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from pyoxigraph import RdfFormat, Triple, parse

from respub.rdf.serialize import serialize
from respub.site.catalogue import BodyView, WorkView
from respub.site.read import ExpressionView

__all__ = ["describe", "expression_jsonld", "lines_about", "rdf_files", "work_jsonld"]

ELI = "http://data.europa.eu/eli/ontology#"
_CONTEXT = {"@vocab": "https://schema.org/", "eli": ELI}
_LANGUAGES = {"en": "ENG", "fr": "FRA", "es": "SPA", "ar": "ARA", "ru": "RUS", "zh": "ZHO"}
_AUTHORITY = "http://publications.europa.eu/resource/authority/language/"


def _ref(iri: str | None) -> dict[str, str] | None:
    return {"@id": iri} if iri else None


def _clean(data: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v not in (None, [], "")}


def work_jsonld(work: WorkView, body: BodyView | None) -> dict[str, Any]:
    """A work as schema.org `Legislation` and `eli:LegalResource`."""
    facts = work.facts
    return _clean(
        {
            "@context": _CONTEXT,
            "@id": work.iri,
            "@type": ["Legislation", "eli:LegalResource"],
            "name": work.title(),
            "legislationIdentifier": facts.identifier,
            "eli:id_local": facts.identifier,
            "legislationDate": facts.adopted,
            "eli:date_document": facts.adopted,
            "legislationPassedBy": _clean(
                {"@id": body.iri, "@type": "Organization", "name": body.label()}
            )
            if body
            else None,
            "eli:passed_by": _ref(facts.body_iri),
            "legislationLegalValue": facts.status,
            "workExample": [_ref(e.iri) for e in work.expressions],
            "eli:is_realized_by": [_ref(e.iri) for e in work.expressions],
            "citation": [_ref(iri) for iri in facts.cites],
            "eli:cites": [_ref(iri) for iri in facts.cites],
        }
    )


def expression_jsonld(
    view: ExpressionView, work: WorkView, body: BodyView | None
) -> dict[str, Any]:
    """A language version as schema.org `Legislation` and `eli:LegalExpression`."""
    facts = work.facts
    authority = _LANGUAGES.get(view.language)
    return _clean(
        {
            "@context": _CONTEXT,
            "@id": view.iri,
            "@type": ["Legislation", "eli:LegalExpression"],
            "name": view.title,
            "eli:title": view.title,
            "inLanguage": view.language,
            "eli:language": _ref(f"{_AUTHORITY}{authority}" if authority else None),
            "legislationIdentifier": facts.identifier,
            "legislationDate": facts.adopted,
            "legislationPassedBy": _clean(
                {"@id": body.iri, "@type": "Organization", "name": body.label(view.language)}
            )
            if body
            else None,
            "exampleOfWork": _ref(work.iri),
            "eli:realizes": _ref(work.iri),
            "workTranslation": [_ref(e.iri) for e in work.expressions if e.iri != view.iri],
            "encoding": [
                {"@type": "MediaObject", "contentUrl": iri, "encodingFormat": media}
                for iri, media in view.manifestations
            ],
            "eli:cites": [_ref(c.work_iri) for c in view.citations],
        }
    )


def describe(
    subjects: Mapping[str, Iterable[str]],
    extra: Sequence[bytes] = (),
) -> dict[str, list[Triple]]:
    """The triples about each subject: the N-Triples lines given for it (those the graphs
    that state it have about it: `lines_about`; a line given twice is kept once) and what
    `extra` Turtle (the vocabulary) says of it.

    >>> text = '<a:w> <a:p> "x" .' + chr(10) + '<a:v> <a:q> <a:w> .' + chr(10)
    >>> lines = [*lines_about("a:w", text), *lines_about("a:w", text)]
    >>> [str(t.object) for t in describe({"a:w": lines})["a:w"]]
    ['"x"']
    """
    found: dict[str, list[Triple]] = {}
    for subject, given in subjects.items():
        lines = dict.fromkeys(given)
        if lines:
            text = "\n".join(sorted(lines)) + "\n"
            found[subject] = [q.triple for q in parse(text.encode(), format=RdfFormat.N_TRIPLES)]
    for data in extra:
        for quad in parse(data, format=RdfFormat.TURTLE):
            subject = getattr(quad.subject, "value", "")
            if subject in subjects:
                found.setdefault(subject, []).append(quad.triple)
    return found


def lines_about(subject: str, ntriples: str) -> Iterable[str]:
    """The lines of `ntriples` whose subject is `subject` (found by search, not split)."""
    needle = f"<{subject}> "
    at = ntriples.find(needle)
    while at >= 0:
        end = ntriples.find("\n", at)
        end = len(ntriples) if end < 0 else end
        if at == 0 or ntriples[at - 1] == "\n":
            yield ntriples[at:end]
        at = ntriples.find(needle, end)


def rdf_files(path_stem: str, triples: Sequence[Triple]) -> dict[str, bytes]:
    """`{stem}.ttl` and `{stem}.jsonld` of some triples."""
    return {
        f"{path_stem}.ttl": serialize(triples, "turtle"),
        f"{path_stem}.jsonld": serialize(triples, "jsonld"),
    }
