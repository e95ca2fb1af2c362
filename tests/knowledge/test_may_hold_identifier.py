"""`BodyProfile.may_hold_identifier` is False only for a text holding none of the body's
identifiers: `find_identifier` finds none in it."""

from __future__ import annotations

from respub.knowledge.profiles import known_bodies, profile, profiles, unknown_body


def test_false_only_where_no_identifier_is_found() -> None:
    texts = ["", "A/RES/80/1", "x A/RES/80/1 y", "GA-2021-89-RES-09", "WHA72.1",
             "S/RES/2334 (2016)", "Resolution 3/2019", "The General Assembly,",
             "A / RES / 80 / 1"]  # fmt: skip
    for body in (*profiles().values(), *known_bodies().values(), unknown_body()):
        for text in texts:
            if not body.may_hold_identifier(text):
                assert body.identifier.search(text) is None, (body.code, text)
                assert body.find_identifier(text) is None, (body.code, text)


def test_a_body_without_stems_may_hold_one_anywhere() -> None:
    assert profile("UN-GA").may_hold_identifier("A/RES/80/1")
    assert not profile("UN-GA").may_hold_identifier("80/1. Acting")
    assert unknown_body().identifier_stems == ()  # no styles: no literal tells
    assert unknown_body().may_hold_identifier("80/1. Acting")
