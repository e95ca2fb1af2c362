"""Citation lists whose dates omit the year, and ranges (issue #12 item 4).

"resolutions 27 (1947) of 1 August, 30 (1947) of 25 August and 32 (1947)" lost every item
after the first (the date without its year ended the list); "1325 (2000) to 1330 (2000)"
gave only its first number. Each member now has its own citation, with an IRI under its
own body.
"""

from __future__ import annotations

import random

import pytest

from respub.parse.citations import _HOP, _HOP_AHEAD, find_citations
from respub.rdf.iri import Iris

CASES = [
    # dates without their year between the items of a list
    ("Recalling its resolutions 27 (1947) of 1 August, 30 (1947) of 25 August and 32 (1947) "
     "of 26 August 1947,",
     ["S/RES/27(1947)", "S/RES/30(1947)", "S/RES/32(1947)"]),
    ("Rappelant ses résolutions 27 (1947) du 1er août et 30 (1947) du 25 août 1947,",
     ["S/RES/27(1947)", "S/RES/30(1947)"]),
    ("Recordando sus resoluciones 27 (1947), de 1 de agosto, y 30 (1947),",
     ["S/RES/27(1947)", "S/RES/30(1947)"]),
    # lists of the Assembly's resolutions
    ("Recalling resolutions 60/1, 61/2 and 62/3,", ["A/RES/60/1", "A/RES/61/2", "A/RES/62/3"]),
    # ranges: every member, in four languages
    ("Recalling its resolutions 1325 (2000) to 1330 (2000),",
     [f"S/RES/{n}(2000)" for n in range(1325, 1331)]),
    ("Rappelant ses résolutions 70/1 à 70/3,", ["A/RES/70/1", "A/RES/70/2", "A/RES/70/3"]),
    ("Recordando sus resoluciones 2625 (XXV) a 2627 (XXV),",
     ["A/RES/2625(XXV)", "A/RES/2626(XXV)", "A/RES/2627(XXV)"]),
    ("وإذ تشير إلى قراراتها 60/1 إلى 60/3،", ["A/RES/60/1", "A/RES/60/2", "A/RES/60/3"]),
    ("Recalling decisions 79/512 to 79/514", ["A/DEC/79/512", "A/DEC/79/513", "A/DEC/79/514"]),
    # a range of another body's resolutions stays under that body
    ("Recalling Human Rights Council resolutions 52/3 to 52/5,",
     ["A/HRC/RES/52/3", "A/HRC/RES/52/4", "A/HRC/RES/52/5"]),
    # not a range: two years, or more than a hundred numbers — both ends only
    ("Recalling resolutions 1325 (2000) to 1330 (2001),", ["S/RES/1325(2000)", "S/RES/1330(2001)"]),
    ("Recalling resolutions 1 (1946) to 500 (1946),", ["S/RES/1(1946)", "S/RES/500(1946)"]),
    # "to" followed by no number ends the list
    ("Recalling resolution 60/1 to the Assembly", ["A/RES/60/1"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_lists_and_ranges(text: str, expected: list[str]) -> None:
    assert [c.identifier for c in find_citations(text, "preamble-1")] == expected


def test_a_range_member_keeps_the_range_as_printed() -> None:
    found = find_citations("Recalling its resolutions 1325 (2000) to 1327 (2000),", "preamble-1")
    assert [c.text for c in found] == [
        "1325 (2000)",
        "1325 (2000) to 1327 (2000)",
        "1325 (2000) to 1327 (2000)",
    ]


def test_each_member_has_an_iri_under_its_own_body() -> None:
    iris = Iris()
    texts = [
        "Recalling its resolutions 1325 (2000) to 1327 (2000),",
        "Recalling Human Rights Council resolutions 52/3 to 52/5,",
    ]
    found = [c.identifier for t in texts for c in find_citations(t, "preamble-1")]
    assert [iris.work(i).removeprefix(iris.base) for i in found] == [
        "resolution/un-sc/2000/1325",
        "resolution/un-sc/2000/1326",
        "resolution/un-sc/2000/1327",
        "resolution/un-hrc/52/3",
        "resolution/un-hrc/52/4",
        "resolution/un-hrc/52/5",
    ]


def test_a_hop_is_tried_only_where_its_first_look_holds() -> None:
    """`_HOP_AHEAD` (the next of ";.:()" and digits opens a number such as 70/54) holds
    wherever `_HOP` matches, at every position of texts drawn from list pieces."""
    pieces = [
        "resolutions 63/71", " of 2 December 2008", " on the Convention", " and ", ", ", " et ",
        " y ", " و ", "70/54", "ES-10/2", "S-1/3", "1234/5", ";", ".", "(", ")", ":", "x", "  ",
        "é", "\n", "2", "/",
    ]  # fmt: skip
    draw = random.Random(3)
    hops = 0
    for _ in range(2000):
        text = "".join(draw.choice(pieces) for _ in range(draw.randint(1, 10)))
        for position in range(len(text)):
            if _HOP.match(text, position):
                hops += 1
                assert _HOP_AHEAD.match(text, position), (text, position)
    assert hops > 300
