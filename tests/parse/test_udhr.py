"""The Universal Declaration of Human Rights: one structure in English, French and Spanish."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from respub.model import Resolution
from respub.parse import parse_file

ROOT = Path(__file__).resolve().parents[2]
ANNOTATION: dict[str, Any] = yaml.safe_load(
    (Path(__file__).parent / "annotations/udhr.yaml").read_text("utf-8")
)
LANGUAGES: dict[str, dict[str, str]] = ANNOTATION["languages"]
_ARTICLE = re.compile(r"^(?:Article|Artículo) (?:\d{1,2}|premier)$")


@pytest.fixture(scope="module")
def parsed() -> dict[str, Resolution]:
    return {lang: parse_file(ROOT / "corpus/udhr" / a["file"]) for lang, a in LANGUAGES.items()}


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_udhr_parses_as_annotated(parsed: dict[str, Resolution], lang: str) -> None:
    r, a = parsed[lang], LANGUAGES[lang]
    assert (r.identifier, r.body) == (ANNOTATION["identifier"], ANNOTATION["body"])
    assert r.language == lang
    assert r.title == a["title"]
    assert r.adopted == ANNOTATION["adopted"]
    assert r.formula == a["formula"]
    assert len(r.preamble) == ANNOTATION["pre"]
    assert len(r.operative) == ANNOTATION["op"]
    proclamation = r.operative[0]
    assert (proclamation.keyword, proclamation.concept) == (a["keyword"], ANNOTATION["concept"])
    assert proclamation.number is None
    assert len(r.annexes) == ANNOTATION["annexes"]
    annex = r.annexes[0]
    assert annex.title == a["title"]
    assert len(annex.paragraphs) == ANNOTATION["annex_paragraphs"]
    assert sum(1 for p in annex.paragraphs if _ARTICLE.match(p)) == ANNOTATION["articles"]


def test_same_structure_in_every_language(parsed: dict[str, Resolution]) -> None:
    def shape(r: Resolution) -> tuple[object, ...]:
        annex = r.annexes[0].paragraphs
        headings = [i for i, p in enumerate(annex) if _ARTICLE.match(p)]
        return (
            r.identifier,
            len(r.preamble),
            [(c.number, c.concept, len(c.subparagraphs)) for c in r.operative],
            len(r.annexes),
            headings,
            len(annex),
        )

    shapes = {lang: shape(r) for lang, r in parsed.items()}
    assert shapes["fr"] == shapes["en"] == shapes["es"]


def test_recitals_before_the_formula_are_the_preamble(parsed: dict[str, Resolution]) -> None:
    en = parsed["en"]
    assert all(c.keyword == "Whereas" and c.concept == "whereas" for c in en.preamble)
    assert en.preamble[-1].text.endswith("for the full realization of this pledge,")
    assert not any("therefore" in c.text for c in en.preamble)  # it leads into the formula
    assert all(c.keyword.startswith("Considérant") for c in parsed["fr"].preamble)
    assert all(c.keyword.startswith("Considerando") for c in parsed["es"].preamble)


def test_articles_keep_their_paragraphs(parsed: dict[str, Resolution]) -> None:
    annex = parsed["en"].annexes[0].paragraphs
    assert annex[:2] == (
        "Article 1",
        "All human beings are born free and equal in dignity and rights. They are endowed "
        "with reason and conscience and should act towards one another in a spirit of "
        "brotherhood.",
    )
    end = annex.index("Article 30")
    assert annex[end - 3].startswith("1. Everyone has duties to the community")
    assert parsed["fr"].annexes[0].paragraphs[0] == "Article premier"
