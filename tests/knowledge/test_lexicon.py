"""The lexicons and profiles are consistent data."""

from __future__ import annotations

import random
import re
import sys
import unicodedata

import pytest

from respub.knowledge.language import detect_language
from respub.knowledge.lexicon import (
    CATEGORIES,
    LANGUAGES,
    LONGEST_DECOMPOSITION,
    concepts,
    fold,
    lexicon,
    trie,
)
from respub.knowledge.profiles import detect_body, profiles


@pytest.mark.parametrize("language", LANGUAGES)
def test_lexicon_uses_only_known_concepts(language: str) -> None:
    lex = lexicon(language)
    for category in CATEGORIES:
        assert set(lex.phrases[category]) <= set(concepts()[category]), category
        assert all(lex.phrases[category].values())


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_concept_has_a_phrase_in_every_language(language: str) -> None:
    lex = lexicon(language)
    for category in CATEGORIES:
        assert set(concepts()[category]) == set(lex.phrases[category])


@pytest.mark.parametrize(
    ("language", "text", "category", "keyword", "concept"),
    [
        (
            "en",
            "Recalling also the Headquarters Agreement,",
            "preambular",
            "Recalling also",
            "recalling",
        ),
        (
            "en",
            "Takes note with appreciation of the report",
            "operative",
            "Takes note with appreciation",
            "takes-note",
        ),
        ("en", "Strongly condemns all acts", "operative", "Strongly condemns", "condemns"),
        ("en", "CALLS upon all stakeholders", "operative", "CALLS upon", "calls-upon"),
        (
            "es",
            "HACE UN LLAMAMIENTO a los países",
            "operative",
            "HACE UN LLAMAMIENTO",
            "calls-upon",
        ),
        (
            "es",
            "PROFUNDAMENTE PREOCUPADA por el",
            "preambular",
            "PROFUNDAMENTE PREOCUPADA",
            "deeply-concerned",
        ),
        ("fr", "PRIE INSTAMMENT tous les pays", "operative", "PRIE INSTAMMENT", "urges"),
        (
            "fr",
            "Rappelant également sa résolution",
            "preambular",
            "Rappelant également",
            "recalling",
        ),
        ("ar", "وإذ تشير إلى قرارها", "preambular", "وإذ تشير", "recalling"),
        # a council's verbs are masculine, the General Assembly's feminine
        ("ar", "وإذ يشير إلى قراره", "preambular", "وإذ يشير", "recalling"),
        ("ar", "وإذ يساوره بالغ القلق", "preambular", "وإذ يساوره بالغ القلق", "deeply-concerned"),
        ("ar", "يهيب بالدول", "operative", "يهيب", "calls-upon"),
        ("ar", "يعرب عن قلقه إزاء", "operative", "يعرب عن قلقه", "expresses-concern"),
        # the United Nations' usual wording, beyond the first corpus
        ("ar", "وإذ تعيد تأكيد خطة التنمية", "preambular", "وإذ تعيد تأكيد", "reaffirming"),
        ("ar", "وإذ تسلم بأن", "preambular", "وإذ تسلم", "recognizing"),
        ("ar", "تشيد بالدول", "operative", "تشيد", "welcomes"),
        ("ar", "ترجو من الأمين العام", "operative", "ترجو", "requests"),
        ("fr", "Prend acte du rapport", "operative", "Prend acte", "takes-note"),
        ("fr", "Engage les États Membres", "operative", "Engage", "calls-upon"),
        ("fr", "Rend hommage aux", "operative", "Rend hommage", "welcomes"),
        (
            "fr",
            "Se déclare profondément préoccupée par",
            "operative",
            "Se déclare profondément préoccupée",
            "expresses-concern",
        ),
        ("fr", "Remerciant le Secrétaire général", "preambular", "Remerciant", "welcoming"),
        ("es", "Toma conocimiento del informe", "operative", "Toma conocimiento", "takes-note"),
        ("es", "Rinde homenaje a", "operative", "Rinde homenaje", "welcomes"),
        ("es", "Expresa la esperanza de que", "operative", "Expresa la esperanza", "considers"),
        # "having seen" the report: the OAS General Assembly's and many councils' first recital
        ("en", "HAVING SEEN the Annual Report", "preambular", "HAVING SEEN", "considering"),
        ("fr", "Vu le rapport annuel", "preambular", "Vu", "considering"),
        (
            "fr",
            "Ayant pris connaissance du rapport",
            "preambular",
            "Ayant pris connaissance",
            "considering",
        ),
        ("es", "VISTO el informe anual", "preambular", "VISTO", "considering"),
        ("es", "Habiendo visto el informe", "preambular", "Habiendo visto", "considering"),
    ],
)
def test_openers(language: str, text: str, category: str, keyword: str, concept: str) -> None:
    found = lexicon(language).match_opener(text, category)
    assert found is not None
    assert (found.keyword, found.concept) == (keyword, concept)


@pytest.mark.parametrize(
    ("language", "text", "number"),
    [
        ("es", "89ª", 89),
        ("fr", "89e", 89),
        ("en", "89th", 89),
        ("en", "Sixty-sixth", 66),
        ("en", "Eightieth", 80),
        ("en", "Seventy-third", 73),
        ("ar", "الـ89", 89),
        ("en", "Fifth", 5),
        ("fr", "Quatre-vingtième", 80),
        ("fr", "quatre-vingt-neuvième", 89),
        ("fr", "Soixante-dix-huitième", 78),
        ("fr", "Quatre-vingt-onzième", 91),
        ("fr", "Vingt et unième", 21),
        ("ar", "الثانية والخمسين", 52),  # genitive ("الدورة ... في دورتها الثانية والخمسين")
        ("ar", "الثانية والخمسون", 52),  # nominative ("الدورة الثانية والخمسون")
        ("ar", "الثمانون", 80),
        ("ar", "الثانية والخمسون بعد المائة", 152),  # the hundreds "after" the rest
        ("ar", "المائة", 100),
    ],
)
def test_ordinals(language: str, text: str, number: int) -> None:
    assert lexicon(language).ordinal(text) == number


@pytest.mark.parametrize(
    ("language", "word", "status"),
    [
        ("en", "Adopted", "adopted"),
        ("fr", "Adoptée", "adopted"),
        ("es", "Aprobada", "adopted"),
        ("ar", "اعتُمد", "adopted"),
        ("en", "Rejected", "rejected"),
    ],
)
def test_status_words(language: str, word: str, status: str) -> None:
    assert lexicon(language).status_of(word) == status
    decomposed = unicodedata.normalize("NFD", f"  {word.upper()}.\n")
    assert lexicon(language).status_of(decomposed) == status


def test_no_character_decomposes_into_more_than_the_longest_decomposition() -> None:
    """`status_of` leaves lines longer than its words can fold from unfolded."""
    longest = max(len(unicodedata.normalize("NFD", chr(c))) for c in range(sys.maxunicode + 1))
    assert longest == LONGEST_DECOMPOSITION


def test_a_status_word_in_a_paragraph_is_no_status_line() -> None:
    assert lexicon("en").status_of("Adopted by consensus " * 5) is None


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar"])
def test_every_status_word_gives_the_first_status_listing_it(language: str) -> None:
    lex = lexicon(language)
    for words in lex.status.values():
        for word in words:
            first = next(s for s, ws in lex.status.items() if word in ws)
            assert lex.status_of(f" {word}. ") == first


def test_profiles_load_and_detect() -> None:
    assert set(profiles()) >= {"INTERPOL-GA", "UN-GA", "WHO-WHA"}
    assert detect_body("The Sixty-sixth World Health Assembly,\nWHA66.1") is not None
    assert detect_body("no body here at all") is None


def test_language_detection() -> None:
    assert (
        detect_language("The General Assembly of the United Nations, recalling its resolutions")
        == "en"
    )
    assert detect_language("L'Assemblée générale, rappelant les résolutions de la session") == "fr"
    assert detect_language("12345 !!! ---") is None


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_names_its_annex_and_article_headings(language: str) -> None:
    headings = lexicon(language).headings
    assert headings.get("annex") and headings.get("article")


def test_annex_line_needs_a_capital() -> None:
    from respub.knowledge.headings import annex_line

    assert annex_line().match("ANNEX II") and annex_line().match("Anexo")
    assert not annex_line().match("annex")  # a wrapped line holding the word alone


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_trie_matches_what_the_alternation_longest_first_matches(language: str) -> None:
    """`trie` of the phrases and modifiers of a lexicon, and of phrases that are prefixes
    of one another, finds what their alternation sorted longest first finds."""
    lex = lexicon(language)
    phrases = [fold(p) for c in CATEGORIES for ps in lex.phrases[c].values() for p in ps]
    phrases += [fold(m) for m in lex.modifiers] + ["ab", "abc", "a", "qu'", "qu'x", ""]
    end = r"(?![\w'-])"

    def ending(phrase: str) -> str:
        return "" if phrase.endswith("'") else end

    listed = sorted(set(phrases), key=len, reverse=True)
    alternation = re.compile("(?:" + "|".join(re.escape(p) + ending(p) for p in listed) + ")")
    modified = re.compile(rf"(?:(?:{'|'.join(map(re.escape, listed))}){end}[ ,]*)+x")
    as_trie = re.compile(trie(phrases, ending))
    modified_trie = re.compile(rf"(?:{trie(phrases)}{end}[ ,]*)+x")
    pieces = [*phrases, " ", ",", "-", "'", "x", "e", "a "]
    rng = random.Random(language)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 4)))
        text = text[: rng.randint(0, len(text))]
        for old, new in ((alternation, as_trie), (modified, modified_trie)):
            found, matched = old.match(text), new.match(text)
            assert (found and found.span()) == (matched and matched.span()), text


def test_fold_of_latin1_text_is_its_lowering_but_for_sharp_s_and_micro() -> None:
    """`fold`'s way for text of Latin-1 characters and ’: each is its own NFC, and its case
    fold is its lower case (but ß and µ, left to the full fold); nor do two of them compose."""
    latin1 = [chr(c) for c in range(256)]
    for char in latin1:
        expected = unicodedata.normalize("NFC", char).casefold()
        assert (expected == char.lower()) is (char not in "ßµ"), char
        assert unicodedata.combining(char) == 0, char
    rng = random.Random(5)
    for _ in range(2000):
        text = "".join(rng.choice([*latin1, "’"]) for _ in range(rng.randrange(1, 12)))
        assert fold(text) == unicodedata.normalize("NFC", text).casefold().replace("’", "'")
