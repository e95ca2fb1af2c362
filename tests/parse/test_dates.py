"""`parse_date_range` reads a range as the plain definition does: the range ends at the
last day, month and year printed; it starts at the first day, with the first month and
year printed from it on (else the end's)."""

from __future__ import annotations

import random
from datetime import date

from respub.knowledge.lexicon import LANGUAGES, lexicon
from respub.parse.dates import _tokens, parse_date, parse_date_range


def _plain(tokens: list[tuple[str, int]]) -> tuple[date, date] | None:
    def first(kind: str, start: int = 0) -> int | None:
        return next((v for k, v in tokens[start:] if k == kind), None)

    def last(kind: str) -> int | None:
        return next((v for k, v in reversed(tokens) if k == kind), None)

    days = [i for i, (k, _) in enumerate(tokens) if k == "day"]
    end_month, end_year = last("month"), last("year")
    if not days or end_month is None or end_year is None:
        return None
    try:
        start = date(
            first("year", days[0]) or end_year,
            first("month", days[0]) or end_month,
            tokens[days[0]][1],
        )
        end = date(end_year, end_month, tokens[days[-1]][1])
    except ValueError:
        return None
    return (start, end) if start <= end else None


def test_same_as_the_plain_definition() -> None:
    draw = random.Random(3)
    for language in LANGUAGES:
        lex = lexicon(language)
        words = [*(names[0] for names in lex.months), "1", "5", "23", "31", "32", "0", "2021"]
        words += ["1999", "0000", "de", "to", "٢٣", "er", "1er", "/", "-", "and"]
        for _ in range(500):
            text = " ".join(draw.choice(words) for _ in range(draw.randint(0, 9)))
            found = parse_date_range(text, lex)
            assert found == _plain(_tokens(text, lex)), text
            assert parse_date(text, lex) == (found[1] if found else None)


def test_a_day_month_and_year_alone_is_read_as_a_range_is() -> None:
    # `parse_date` reads "19 September 2025" directly: as `parse_date_range` would
    draw = random.Random(5)
    for language in LANGUAGES:
        lex = lexicon(language)
        months = [names[0] for names in lex.months] + ["Sept", "de", "ABRIL", "x-y"]
        days = ["0", "1", "05", "29", "30", "31", "32", "99", "٢٣", "١"]
        years = ["2021", "2024", "2100", "0000", "١٩٩٩"]
        spaces = [" ", "  ", "\n", "\t "]
        for _ in range(400):
            text = (
                draw.choice(["", " "])
                + draw.choice(days)
                + draw.choice(spaces)
                + draw.choice(months)
                + draw.choice(spaces)
                + draw.choice(years)
                + draw.choice(["", " ", "\n"])
            )
            found = parse_date_range(text, lex)
            assert parse_date(text, lex) == (found[1] if found else None), text


def test_reads_printed_dates() -> None:
    assert parse_date_range("from 23 to 25 November 2021", lexicon("en")) == (
        date(2021, 11, 23),
        date(2021, 11, 25),
    )
    assert parse_date_range("du 30 novembre au 2 décembre 2021", lexicon("fr")) == (
        date(2021, 11, 30),
        date(2021, 12, 2),
    )
    assert parse_date("31 February 2021", lexicon("en")) is None
