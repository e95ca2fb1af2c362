"""Cross-language alignment: the INTERPOL four, a version missing a clause, sub-paragraphs."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support import term_value

from respub.align import align_release, clause_score
from respub.align.clauses import Clause
from respub.align.sequence import align
from respub.model import Resolution
from respub.parse import parse_file
from respub.process import canonical_ntriples
from respub.rdf.iri import Iris
from respub.rdf.mapping import to_triples
from respub.rdf.vocab import RESPUB

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("es", "en", "fr", "ar")


@cache
def interpol(language: str) -> Resolution:
    return parse_file(ROOT / f"corpus/interpol/GA-2021-89-RES-09.{language}.txt")


def document(resolution: Resolution) -> tuple[str, str]:
    iris = Iris()
    expression = iris.expression(iris.work(resolution.identifier), resolution.language)
    return expression, canonical_ntriples(to_triples(resolution, iris))


def fragment(iri: str) -> tuple[str, str]:
    """(language, fragment) of a clause IRI."""
    path, _, name = iri.partition("#")
    return path.rpartition("/")[2], name


def test_the_interpol_four_have_60_links_each_clause_to_its_three_counterparts() -> None:
    result = align_release(document(interpol(lang)) for lang in LANGUAGES)
    assert len(result.works) == 1
    work = result.works[0]
    assert work.languages == ("ar", "en", "es", "fr")
    assert result.links == 60 == len(work.links)  # 10 clauses x 6 pairs of languages
    assert work.gaps == ()
    for a, b in work.links:
        (la, fa), (lb, fb) = fragment(a), fragment(b)
        assert la != lb and fa == fb
    counterparts: dict[str, set[str]] = {}
    for a, b in work.links:
        counterparts.setdefault(a, set()).add(fragment(b)[0])
        counterparts.setdefault(b, set()).add(fragment(a)[0])
    assert len(counterparts) == 40
    assert all(len(langs) == 3 for langs in counterparts.values())
    triples = result.triples()
    assert len(triples) == 120
    assert {t.predicate.value for t in triples} == {str(RESPUB.alignedWith)}
    stated = {(term_value(t.subject), term_value(t.object)) for t in triples}
    assert all((b, a) in stated for a, b in stated)  # symmetric, stated both ways


def test_the_seed_s_slip_is_reported_as_a_mismatch_and_stays_linked() -> None:
    work = align_release(document(interpol(lang)) for lang in LANGUAGES).works[0]
    assert {(fragment(m.clause)[1], m.what) for m in work.mismatches} == {("preamble-3", "numbers")}
    assert all("2001" in m.detail and "2021" in m.detail for m in work.mismatches)
    assert len(work.mismatches) == 3  # es against each of the three others


@pytest.mark.parametrize("missing", range(10))
def test_a_version_missing_a_clause_keeps_the_others_aligned_and_reports_the_gap(
    missing: int,
) -> None:
    fr = interpol("fr")
    if missing < 8:
        fr = replace(fr, preamble=fr.preamble[:missing] + fr.preamble[missing + 1 :])
        kind, position = "preamble", missing + 1
    else:
        fr = replace(fr, operative=fr.operative[: missing - 8] + fr.operative[missing - 7 :])
        kind, position = "operative", missing - 7
    fr = replace(fr, citations=tuple(c for c in fr.citations if c.clause != f"{kind}-{position}"))
    work = align_release([document(interpol("en")), document(fr)]).works[0]
    assert len(work.links) == 9
    assert [(fragment(g.clause), g.other_language) for g in work.gaps] == [
        (("en", f"{kind}-{position}"), "fr")
    ]
    for a, b in work.links:
        (_, en), (_, french) = sorted([fragment(a), fragment(b)])
        en_kind, _, en_n = en.rpartition("-")
        fr_kind, _, fr_n = french.rpartition("-")
        shift = 1 if en_kind == kind and int(en_n) > position else 0
        assert (en_kind, int(en_n) - shift) == (fr_kind, int(fr_n))


def test_sub_paragraphs_are_aligned_inside_their_clause() -> None:
    en = parse_file(ROOT / "corpus/un-ga/md/A_RES_80_1.md")
    other = replace(en, language="fr")
    work = align_release([document(en), document(other)]).works[0]
    subs = sum(len(c.subparagraphs) for c in en.operative)
    assert subs > 0
    assert len(work.links) == len(en.preamble) + len(en.operative) + subs
    assert any(fragment(a)[1] == "operative-1-a" for a, _ in work.links)
    assert work.gaps == () and work.mismatches == ()


def test_a_work_in_one_language_has_no_alignment() -> None:
    assert align_release([document(interpol("en"))]).works == ()


def test_printed_numbers_outweigh_position() -> None:
    one = Clause("x#operative-1", 1, number=1)
    two = Clause("y#operative-2", 2, number=2)
    assert clause_score(one, two) < 2 * -1.0 < clause_score(one, replace(two, number=1))


@given(st.lists(st.integers(), min_size=1, max_size=30, unique=True), st.data())
def test_one_item_left_out_is_one_gap_and_the_rest_pair_up(
    items: list[int], data: st.DataObject
) -> None:
    missing = data.draw(st.integers(0, len(items) - 1))
    shorter = items[:missing] + items[missing + 1 :]
    pairs = align(items, shorter, lambda x, y: 2.0 if x == y else -3.0, gap=-1.0)
    assert (missing, None) in pairs
    assert all(items[i] == shorter[j] for i, j in pairs if i is not None and j is not None)
    assert sum(1 for i, j in pairs if i is not None and j is not None) == len(shorter)


def test_the_release_report_names_the_unaligned_clause() -> None:
    from respub.publish.alignment_files import alignment_files, readme_section

    fr = interpol("fr")
    fr = replace(
        fr,
        preamble=fr.preamble[:4] + fr.preamble[5:],
        citations=tuple(c for c in fr.citations if c.clause != "preamble-5"),
    )
    result = align_release([document(interpol("en")), document(fr)])
    section = readme_section(result).decode()
    work = Iris().work("GA-2021-89-RES-09")
    assert f"- {work} (en, fr): 9 links, 1 unaligned" in section
    assert f"unaligned: {work}/en#preamble-5 has no counterpart in fr" in section
    report = alignment_files(result)["alignment.json"].decode()
    assert '"clause": "' + work + '/en#preamble-5"' in report


def test_footnote_marks_are_checked_on_both_sides() -> None:
    """A/RES/80/13 marks its footnotes in recitals 2, 3 and 5 (parsed): a version that
    marks note 2 in recital 4 instead still aligns clause by clause, and both recitals
    are reported as footnote mismatches."""
    en = parse_file(ROOT / "corpus/un-ga/md/A_RES_80_13.md")
    marked = [n for n, c in enumerate(en.preamble) if c.marks]
    assert len(marked) >= 2
    moved_from = marked[1]
    moved_to = next(n for n in range(len(en.preamble)) if n not in marked)
    preamble = list(en.preamble)
    mark = preamble[moved_from].marks[0]
    preamble[moved_from] = replace(preamble[moved_from], marks=())
    target = preamble[moved_to]
    preamble[moved_to] = replace(target, marks=(replace(mark, offset=len(target.text)),))
    fr = replace(en, language="fr", preamble=tuple(preamble))
    work = align_release([document(en), document(fr)]).works[0]
    assert work.gaps == ()
    assert len(work.links) == len(en.preamble) + len(en.operative)
    found = {(fragment(m.clause)[1], m.what, m.detail) for m in work.mismatches}
    assert found == {
        (f"preamble-{moved_from + 1}", "footnotes", f"{mark.label} / -"),
        (f"preamble-{moved_to + 1}", "footnotes", f"- / {mark.label}"),
    }
    same = replace(en, language="fr")
    assert align_release([document(en), document(same)]).works[0].mismatches == ()


def test_shared_footnote_marks_raise_the_score() -> None:
    one = Clause("x#preamble-1", 1, marks=("1",))
    assert clause_score(one, replace(one, iri="y#preamble-1")) > clause_score(
        one, replace(one, iri="y#preamble-1", marks=("2",))
    )


def test_addressees_are_checked_on_both_sides() -> None:
    """The addressees (concepts, the same in every language) of the operative clauses and
    their sub-paragraphs are read from the RDF and compared: a version whose clause names
    someone else still aligns, and the pair is reported as an addressee mismatch."""
    en = parse_file(ROOT / "corpus/who-wha/pdf/WHA66.5.pdf")
    first = en.operative[0]
    assert first.addressees == ("occupying-power",) and first.subparagraphs
    sub = replace(first.subparagraphs[0], addressees=("states",))
    changed = replace(first, subparagraphs=(sub, *first.subparagraphs[1:]))
    fr = replace(en, language="fr", operative=(changed, *en.operative[1:]))
    work = align_release([document(en), document(fr)]).works[0]
    assert work.gaps == ()
    found = {(fragment(m.clause)[1], m.what, m.detail) for m in work.mismatches}
    assert found == {("operative-1-1", "addressees", "occupying-power / states")}
    same = replace(en, language="fr")
    assert align_release([document(en), document(same)]).works[0].mismatches == ()


def test_shared_addressees_raise_the_score() -> None:
    one = Clause("x#operative-1", 1, addressees=frozenset({"member-states"}))
    assert clause_score(one, replace(one, iri="y#operative-1")) > clause_score(
        one, replace(one, iri="y#operative-1", addressees=frozenset({"states"}))
    )
