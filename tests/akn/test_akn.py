"""Akoma Ntoso 3.0: every corpus document validates against the OASIS schema, carries the
model's text, places every citation, and names every clause as the RDF does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree
from support import parsed_file as parsed
from support import term_value

from respub.akn import model_text, place_citations, slots, text_of, to_akn, validate
from respub.akn.slots import subparagraph_parts
from respub.akn.write import AKN
from respub.model import Resolution, SubParagraph
from respub.rdf.iri import Iris
from respub.rdf.mapping import to_triples
from respub.rdf.standard import ELI
from respub.sources.discover import discover

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = discover([ROOT / "corpus"])
SEED_EN = ROOT / "corpus/interpol/GA-2021-89-RES-09.en.txt"
NS = {"a": AKN}


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: str(p.relative_to(ROOT / "corpus")))
def test_every_corpus_document_is_valid_akoma_ntoso_with_the_models_text(path: Path) -> None:
    resolution = parsed(path)
    document = to_akn(resolution)
    assert validate(document) == []
    assert text_of(document) == model_text(resolution)
    _, unplaced = place_citations(resolution, slots(resolution))
    assert unplaced == []
    refs = etree.fromstring(document).findall(".//a:ref", NS)
    assert len(refs) == len(resolution.citations)


@pytest.mark.parametrize("path", DOCUMENTS[::7], ids=lambda p: p.name)
def test_every_clause_eid_is_its_rdf_fragment(path: Path) -> None:
    resolution = parsed(path)
    root = etree.fromstring(to_akn(resolution))
    eids = {e.get("eId") for e in root.iter() if e.get("eId")}
    triples = to_triples(resolution)
    (version,) = {term_value(t.subject) for t in triples if t.predicate.value == str(ELI.realizes)}
    fragments = {  # the version's own parts (not the work's ELI subdivisions)
        term_value(t.subject).partition("#")[2]
        for t in triples
        if term_value(t.subject).startswith(version + "#")
    }
    assert fragments <= eids
    assert len(eids) == len([e for e in root.iter() if e.get("eId")])  # unique


def test_the_akn4un_structure_of_a_resolution() -> None:
    resolution = parsed(SEED_EN)
    root = etree.fromstring(to_akn(resolution))
    statement = root.find("a:statement", NS)
    assert statement is not None and statement.get("name") == "resolution"
    assert [etree.QName(c).localname for c in statement] == [
        "meta", "preface", "preamble", "mainBody", "conclusions",
    ]  # fmt: skip
    assert root.findtext(".//a:preface//a:docNumber", namespaces=NS) == "GA-2021-89-RES-09"
    proponent = root.find(".//a:preface//a:docProponent", NS)
    assert proponent is not None and proponent.get("refersTo") == "#interpol-ga"
    formula = root.find("a:statement/a:preamble/a:formula", NS)
    assert formula is not None and formula.get("name") == "enactingFormula"
    containers = root.findall("a:statement/a:preamble/a:container", NS)
    assert [c.get("eId") for c in containers] == [f"preamble-{n}" for n in range(1, 9)]
    assert [p.get("eId") for p in root.findall("a:statement/a:mainBody/a:paragraph", NS)] == [
        "operative-1", "operative-2",
    ]  # fmt: skip
    work = _found(root, ".//a:FRBRWork/a:FRBRuri").get("value")
    assert work == "/akn/interpol/statement/deliberation/interpol-ga/2021-11-25/2021-9"
    language = _found(root, ".//a:FRBRExpression/a:FRBRlanguage").get("language")
    assert language == "eng"
    this = _found(root, ".//a:FRBRManifestation/a:FRBRthis").get("value")
    assert this == f"{work}/eng@/!main.akn"


def test_subparagraphs_footnotes_and_dates() -> None:
    resolution = parsed(ROOT / "corpus/un-ga/md/A_RES_80_1.md")
    root = etree.fromstring(to_akn(resolution))
    first = _found(root, "a:statement/a:mainBody/a:paragraph")
    assert first.findtext("a:num", namespaces=NS) == "1"
    assert first.find("a:intro", NS) is not None
    subs = first.findall("a:subparagraph", NS)
    assert [s.get("eId") for s in subs][:2] == ["operative-1-a", "operative-1-b"]
    note = root.find(".//a:preamble//a:authorialNote", NS)  # at its mark, in a recital
    assert note is not None and note.get("marker") == resolution.footnotes[0].label
    assert note.get("eId") == "footnote-1"
    assert root.find(".//a:conclusions//a:authorialNote", NS) is None
    date = _found(root, ".//a:conclusions//a:docDate")
    assert resolution.adopted is not None and date.get("date") == resolution.adopted.isoformat()


def test_a_section_heading_is_the_heading_of_the_paragraph_it_stands_above() -> None:
    resolution = parsed(ROOT / "tests/fixtures/layout/A_RES_79_144.sections.constructed.txt")
    document = to_akn(resolution)
    assert validate(document) == []
    assert text_of(document) == model_text(resolution)
    paragraphs = etree.fromstring(document).findall("a:statement/a:mainBody/a:paragraph", NS)
    assert [p.findtext("a:heading", namespaces=NS) for p in paragraphs] == [
        "I Implementation of the Convention",
        None,
        "II Capacity-building",
        None,
    ]
    assert [child.tag.rpartition("}")[2] for child in paragraphs[2]] == [
        "num",
        "heading",
        "content",
    ]


def test_numbered_recitals_are_recitals_with_their_numbers() -> None:
    resolution = parsed(ROOT / "tests/fixtures/bodies/unesco-gc-numbered.en.txt")
    document = to_akn(resolution)
    assert validate(document) == []
    assert text_of(document) == model_text(resolution)
    preamble = _found(etree.fromstring(document), "a:statement/a:preamble")
    recitals = preamble.findall("a:recitals/a:recital", NS)
    assert [
        (r.get("eId"), r.findtext("a:num", namespaces=NS), r.get("class")) for r in recitals
    ] == [
        ("preamble-1", "1", "recalling"),
        ("preamble-2", "2", "considering"),
    ]
    assert preamble.find("a:container", NS) is None
    first = _found(preamble, "../a:mainBody/a:paragraph")
    assert first.findtext("a:num", namespaces=NS) == "3"


def test_the_schema_rejects_a_broken_document() -> None:
    root = etree.fromstring(to_akn(parsed(SEED_EN)))
    statement = _found(root, "a:statement")
    statement.remove(_found(statement, "a:mainBody"))
    issues = validate(etree.tostring(root))
    assert issues and "mainBody" in issues[0].message
    assert validate(b"<akomaNtoso>")[0].message.startswith("not well-formed XML")


def test_the_text_check_sees_a_lost_citation() -> None:
    resolution = parsed(SEED_EN)
    root = etree.fromstring(to_akn(resolution))
    ref = _found(root, ".//a:ref")
    parent = ref.getparent()
    assert parent is not None
    parent.remove(ref)  # drops the citation's text, keeps its tail
    assert text_of(etree.tostring(root)) != model_text(resolution)


def test_convert_to_akn_prints_valid_xml() -> None:
    done = subprocess.run(
        [str(Path(sys.executable).parent / "respub"), "convert", str(SEED_EN), "--to", "akn"],
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert validate(done.stdout) == []
    assert text_of(done.stdout) == model_text(parsed(SEED_EN))


def _found(element: etree._Element, path: str) -> etree._Element:
    """The first element at `path` (AKN namespace `a:`), which must be there."""
    found = element.find(path, NS)
    assert found is not None, path
    return found


def _attribute(element: etree._Element, name: str) -> str:
    """An attribute the element must have."""
    value = element.get(name)
    assert value is not None, (element.tag, name)
    return value


def _addressees_in_model(resolution: Resolution) -> dict[str, tuple[str, ...]]:
    """eId -> addressees of every operative clause and sub-paragraph that has some."""
    found: dict[str, tuple[str, ...]] = {}

    def walk(part: str, subs: tuple[SubParagraph, ...]) -> None:
        for sub, sub_part in zip(subs, subparagraph_parts(part, subs), strict=True):
            if sub.addressees:
                found[sub_part] = sub.addressees
            walk(sub_part, sub.subparagraphs)

    for position, clause in enumerate(resolution.operative, start=1):
        if clause.addressees:
            found[f"operative-{position}"] = clause.addressees
        walk(f"operative-{position}", clause.subparagraphs)
    return found


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: str(p.relative_to(ROOT / "corpus")))
def test_addressees_are_concepts_the_clauses_refer_to(path: Path) -> None:
    """Each operative clause and sub-paragraph with addressees refers to one TLCConcept per
    addressee (its href the concept's IRI), as respub:addressee does in the RDF."""
    resolution = parsed(path)
    document = to_akn(resolution)
    assert validate(document) == []
    root = etree.fromstring(document)
    concepts = {
        f"#{c.get('eId')}": _attribute(c, "href")
        for c in root.findall("a:statement/a:meta/a:references/a:TLCConcept", NS)
    }
    written = {
        e.get("eId"): tuple(concepts[ref].rpartition("/")[2] for ref in refers.split())
        for tag in ("paragraph", "subparagraph")
        for e in root.iter(f"{{{AKN}}}{tag}")
        if (refers := e.get("refersTo"))
    }
    expected = _addressees_in_model(resolution)
    assert written == expected
    used = {a for found in expected.values() for a in found}
    assert {href.rpartition("/")[2] for href in concepts.values()} == used
    assert all(href == Iris().concept("addressee", href.rpartition("/")[2])
               for href in concepts.values())  # fmt: skip


def test_the_seed_s_addressees_in_akoma_ntoso() -> None:
    root = etree.fromstring(to_akn(parsed(ROOT / "corpus/interpol/GA-2021-89-RES-09.fr.txt")))
    (concept,) = root.findall(".//a:references/a:TLCConcept", NS)
    assert concept.get("eId") == "addressee-member-states"
    assert concept.get("showAs") == "États membres"
    paragraphs = root.findall("a:statement/a:mainBody/a:paragraph", NS)
    assert [p.get("refersTo") for p in paragraphs] == ["#addressee-member-states"] * 2
