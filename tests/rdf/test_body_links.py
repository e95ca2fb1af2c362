"""Bodies in the concept schemes, linked out (skos:exactMatch) from their data's `same_as`."""

from __future__ import annotations

from importlib import resources
from typing import Any

import pytest
import yaml
from rdflib import RDF, SKOS, URIRef

from respub.knowledge import profiles as profiles_module
from respub.knowledge.profiles import known_bodies, profiles
from respub.rdf import concept_schemes
from respub.rdf.concept_schemes import build_concept_schemes
from respub.rdf.iri import Iris
from respub.rdf.vocab import RESPUB


def un_ga_data(**extra: Any) -> dict[str, Any]:
    text = resources.files("respub.data").joinpath("bodies/un-ga.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return {**data, **extra}


def test_every_body_respub_knows_is_in_the_body_scheme() -> None:
    graph = build_concept_schemes()
    scheme = URIRef(Iris().scheme("body"))
    for code in [*profiles(), *known_bodies()]:
        body = URIRef(Iris().body(code))
        assert (body, RDF.type, RESPUB.DeliberativeBody) in graph, code
        assert (body, SKOS.inScheme, scheme) in graph, code


def test_same_as_becomes_an_exact_match(monkeypatch: pytest.MonkeyPatch) -> None:
    iri = "https://example.org/authority/corporate-body/UNGA"
    linked = profiles_module._profile(un_ga_data(same_as=[iri]))
    monkeypatch.setattr(concept_schemes, "profiles", lambda: {linked.code: linked})
    graph = build_concept_schemes()
    assert (URIRef(Iris().body("UN-GA")), SKOS.exactMatch, URIRef(iri)) in graph


def test_shipped_bodies_link_only_to_what_their_data_says() -> None:
    graph = build_concept_schemes()
    declared = {i for p in [*profiles().values(), *known_bodies().values()] for i in p.same_as}
    assert {str(o) for o in graph.objects(None, SKOS.exactMatch)} == declared


@pytest.mark.parametrize(
    "bad", ["Q1065", "wikidata:Q1065", ["http://ex.org/a b"], "ftp://ex.org/a"]
)
def test_same_as_must_be_iris(bad: Any) -> None:
    with pytest.raises(ValueError, match="body UN-GA: same_as must be a list of http"):
        profiles_module._profile(un_ga_data(same_as=bad if isinstance(bad, list) else [bad]))


@pytest.mark.parametrize(
    ("code", "article"),
    [
        ("UN-GA", "United_Nations_General_Assembly"),
        ("UN-SC", "United_Nations_Security_Council"),
        ("UN-HRC", "United_Nations_Human_Rights_Council"),
        ("UN-ECOSOC", "United_Nations_Economic_and_Social_Council"),
        ("WHO-WHA", "World_Health_Assembly"),
    ],
)
def test_un_bodies_match_their_dbpedia_resource(code: str, article: str) -> None:
    graph = build_concept_schemes()
    dbpedia = URIRef(f"http://dbpedia.org/resource/{article}")
    assert (URIRef(Iris().body(code)), SKOS.exactMatch, dbpedia) in graph
    assert len(set(graph.subjects(SKOS.exactMatch, dbpedia))) == 1  # one body, one resource
