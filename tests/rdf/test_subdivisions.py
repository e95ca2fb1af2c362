"""ELI subdivisions of the work: numbered operative paragraphs, and their sub-paragraphs
where the printed labels are their places (the same key in every language version)."""

from __future__ import annotations

from dataclasses import replace

from rdflib import RDF, Literal, URIRef

from respub.model import OperativeClause, Resolution, SubParagraph
from respub.rdf.mapping import to_graph
from respub.rdf.standard import ELI

WORK = "https://data.respub.org/resolution/un-ga/76/300"
ARABIC = {"(a)": "(أ)", "(b)": "(ب)", "(i)": "(1)", "(ii)": "(2)"}


def relabel(sub: SubParagraph, labels: dict[str, str]) -> SubParagraph:
    children = tuple(relabel(s, labels) for s in sub.subparagraphs)
    return replace(sub, label=labels.get(sub.label, sub.label), subparagraphs=children)


def relabelled(resolution: Resolution, labels: dict[str, str], language: str) -> Resolution:
    operative = tuple(
        replace(c, subparagraphs=tuple(relabel(s, labels) for s in c.subparagraphs))
        for c in resolution.operative
    )
    return replace(resolution, operative=operative, language=language)


def subdivisions(resolution: Resolution) -> dict[str, tuple[str, str, str]]:
    """Each subdivision: (what it is part of, its number, the clause realizing it)."""
    graph = to_graph(resolution)
    return {
        str(s): (
            str(graph.value(s, ELI.is_part_of)),
            str(graph.value(s, ELI.number)),
            str(graph.value(s, ELI.is_realized_by)),
        )
        for s in graph.subjects(RDF.type, ELI.LegalResourceSubdivision)
    }


def test_sub_paragraphs_labelled_by_place_are_subdivisions(un_en: Resolution) -> None:
    found = subdivisions(un_en)
    en = f"{WORK}/en"
    assert found[f"{WORK}#operative-3-1"] == (f"{WORK}#operative-3", "1", f"{en}#operative-3-a")
    assert found[f"{WORK}#operative-3-2"] == (f"{WORK}#operative-3", "2", f"{en}#operative-3-b")
    assert found[f"{WORK}#operative-3-2-2"] == (
        f"{WORK}#operative-3-2",
        "2",
        f"{en}#operative-3-b-ii",
    )
    graph = to_graph(un_en)
    parts = set(graph.objects(URIRef(f"{WORK}#operative-3"), ELI.has_part))
    assert parts == {URIRef(f"{WORK}#operative-3-1"), URIRef(f"{WORK}#operative-3-2")}
    assert graph.value(URIRef(f"{WORK}#operative-3-1"), ELI.number) == Literal("1")


def test_every_language_version_realizes_the_same_subdivisions(un_en: Resolution) -> None:
    english = subdivisions(un_en)
    arabic = subdivisions(relabelled(un_en, ARABIC, "ar"))
    assert set(arabic) == set(english)
    assert arabic[f"{WORK}#operative-3-2-1"][2].startswith(f"{WORK}/ar#operative-3-")


def test_labels_out_of_sequence_make_no_subdivision(un_en: Resolution) -> None:
    gap = relabelled(un_en, {"(b)": "(d)"}, "en")
    found = subdivisions(gap)
    assert f"{WORK}#operative-3" in found
    assert not [s for s in found if s.startswith(f"{WORK}#operative-3-")]


def test_unnumbered_paragraphs_have_no_subdivisions(un_en: Resolution) -> None:
    clause = OperativeClause("Decides", "Decides:", None, "decides", ())
    clause = replace(clause, subparagraphs=(SubParagraph("(a)", "to act;"),))
    found = subdivisions(replace(un_en, operative=(clause,)))
    assert found == {}
