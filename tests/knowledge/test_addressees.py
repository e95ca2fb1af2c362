"""Addressees of operative clauses: data in four languages, the same clause the same
addressees in every language, and the share of clauses addressed in the sample corpus."""

from __future__ import annotations

import json
import subprocess
import sys
from functools import cache
from importlib import resources
from pathlib import Path

import pytest
import yaml
from rdflib import SKOS, Graph, URIRef

from respub.knowledge.addressees import addressee_concepts, addressees_of
from respub.model import Resolution
from respub.parse import parse_file
from respub.rdf.files import CONCEPTS
from respub.rdf.iri import Iris
from respub.rdf.mapping import to_graph
from respub.rdf.vocab import RESPUB
from respub.sources.discover import discover

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("ar", "en", "es", "fr")
DATA = yaml.safe_load(resources.files("respub.data").joinpath("addressees.yaml").read_text("utf-8"))
# The UN General Assembly and World Health Assembly documents of the sample (sample.yaml).
SAMPLE = [
    p
    for p in discover(
        [ROOT / "corpus/un-ga/md", ROOT / "corpus/un-ga/pdf", ROOT / "corpus/who-wha"]
    )
]


@cache
def parsed(path: Path) -> Resolution:
    return parse_file(path)


def interpol(language: str) -> Resolution:
    return parsed(ROOT / f"corpus/interpol/GA-2021-89-RES-09.{language}.txt")


def test_every_concept_has_labels_and_terms_in_four_languages() -> None:
    assert set(DATA["until"]) == set(LANGUAGES)
    for concept in addressee_concepts():
        assert set(concept.labels) == set(LANGUAGES), concept.id
        terms = DATA["concepts"][concept.id]["terms"]
        assert set(terms) == set(LANGUAGES) and all(terms[lang] for lang in LANGUAGES), concept.id


def test_the_seed_s_two_clauses_have_the_same_addressees_in_four_languages() -> None:
    found = {lang: [c.addressees for c in interpol(lang).operative] for lang in LANGUAGES}
    assert found["en"] == [("member-states",), ("member-states",)]
    assert all(found[lang] == found["en"] for lang in LANGUAGES), found


def test_an_addressee_ends_where_the_clause_turns_to_what_it_asks() -> None:
    text = "Requests the Secretary-General to continue to bring to the attention of Member States"
    assert addressees_of(text, "Requests", "requests", "en") == ("secretary-general",)
    text = "Urges an early commencement of substantive work on the updated draft treaty by States"
    assert addressees_of(text, "Urges", "urges", "en") == ()  # names no one near the verb
    text = "Welcomes the efforts of Member States"
    assert addressees_of(text, "Welcomes", "welcomes", "en") == ()  # not an addressing verb


def test_share_of_operative_clauses_with_an_addressee_in_the_un_and_wha_sample() -> None:
    """Measured on the 33 UN GA and WHA documents of the sample (2026-12-02): 66 of the 67
    clauses whose verb addresses someone (calls upon, urges, requests, invites, encourages)
    name an addressee (98.5 %); over all 168 operative clauses the share is 39.3 %, because
    the others (decides, reaffirms, welcomes, takes note, ...) address no one and get none."""
    addressing = set(DATA["addressing"])
    clauses = [c for p in SAMPLE for c in parsed(p).operative]
    asked = [c for c in clauses if c.concept in addressing]
    named = [c for c in asked if c.addressees]
    share = len(named) / len(asked)
    overall = sum(1 for c in clauses if c.addressees) / len(clauses)
    print(f"addressed: {len(named)}/{len(asked)} = {share:.1%}; all operative: {overall:.1%}")
    assert len(asked) >= 60 and share >= 0.9
    assert all(not c.addressees for c in clauses if c.concept not in addressing)  # no default


def test_addressees_in_the_rdf_and_the_concept_scheme() -> None:
    graph = to_graph(interpol("ar"))
    expression = Iris().expression(Iris().work("GA-2021-89-RES-09"), "ar")
    member_states = URIRef(Iris().concept("addressee", "member-states"))
    for n in (1, 2):
        clause = URIRef(f"{expression}#operative-{n}")
        assert set(graph.objects(clause, RESPUB.addressee)) == {member_states}
    schemes = Graph().parse(CONCEPTS, format="turtle")
    assert (member_states, SKOS.inScheme, URIRef(Iris().scheme("addressee"))) in schemes
    labels = {lit.language for lit in schemes.objects(member_states, SKOS.prefLabel)}
    assert labels == set(LANGUAGES)


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_parse_json_lists_the_addressees(language: str) -> None:
    path = ROOT / f"corpus/interpol/GA-2021-89-RES-09.{language}.txt"
    done = subprocess.run(
        [str(Path(sys.executable).parent / "respub"), "parse", str(path), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert [c["addressees"] for c in data["operative"]] == [["member-states"]] * 2
