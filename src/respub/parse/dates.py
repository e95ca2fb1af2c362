"""Dates and date ranges as printed in four languages.

>>> from respub.knowledge.lexicon import lexicon
>>> parse_date_range("del 23 al 25 de noviembre de 2021", lexicon("es"))
(datetime.date(2021, 11, 23), datetime.date(2021, 11, 25))
>>> parse_date("19 September 2025", lexicon("en"))
datetime.date(2025, 9, 19)
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from respub.knowledge.lexicon import Lexicon, fold

_TOKEN = re.compile(r"\d{1,4}|[^\W\d_]+(?:-[^\W\d_]+)?", re.UNICODE)
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


def _tokens(text: str, lexicon: Lexicon) -> list[tuple[str, int]]:
    """('day'|'month'|'year', value) tokens in the order printed."""
    found: list[tuple[str, int]] = []
    months = _month_numbers(lexicon)
    if not text.isascii():  # (an ASCII text holds no Arabic digit)
        text = text.translate(_ARABIC_DIGITS)
    for token in _TOKEN.findall(text.replace("/", " ")):
        if token.isdecimal():  # not "²", which is a digit but no number
            value = int(token)
            if len(token) == 4:
                found.append(("year", value))
            elif 1 <= value <= 31:
                found.append(("day", value))
            continue
        month = months.get(fold(token))  # lexicon.month(token), one look-up
        if month is not None and not (found and found[-1] == ("month", month)):
            found.append(("month", month))
    return found


@cache
def _month_numbers(lexicon: Lexicon) -> dict[str, int]:
    """Each folded month name of `lexicon` -> the number of the first month it names."""
    numbers: dict[str, int] = {}
    for number, names in enumerate(lexicon.months, start=1):
        for name in names:
            numbers.setdefault(name, number)
    return numbers


def parse_date_range(text: str, lexicon: Lexicon) -> tuple[date, date] | None:
    """(start, end) of a printed range such as "from 23 to 25 November 2021"; None if none."""
    tokens = _tokens(text, lexicon)
    last = dict(tokens)  # the last day, month and year printed: the end
    if len(last) < 3:
        return None
    opening = [kind for kind, _ in tokens].index("day")
    first = dict(reversed(tokens[opening:]))  # the first day, and month and year after it
    try:
        start = date(
            first.get("year") or last["year"], first.get("month") or last["month"], first["day"]
        )
        end = date(last["year"], last["month"], last["day"])
    except ValueError:
        return None
    return (start, end) if start <= end else None


def is_date_line(text: str, lexicon: Lexicon) -> bool:
    """Whether `text` prints a date (a month and a year at least) and nothing else but words
    of three letters or fewer ("de", "le").

    >>> from respub.knowledge.lexicon import lexicon
    >>> [is_date_line(t, lexicon("es")) for t in ["8 de abril de 2024", "Ginebra, abril de 2024"]]
    [True, False]
    """
    if len(text) > 40:
        return False
    tokens = _TOKEN.findall(text)  # (Arabic-Indic digits are decimal digits too)
    months = _month_numbers(lexicon)
    words = [fold(t) for t in tokens if not t.isdecimal()]
    return (
        any(len(t) == 4 and t.isdecimal() for t in tokens)
        and any(w in months for w in words)
        and all(w in months or len(w) <= 3 for w in words)
    )


_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


def first_date(text: str, lexicon: Lexicon) -> date | None:
    """The first date printed in `text`, whatever numbers follow it.

    >>> from respub.knowledge.lexicon import lexicon
    >>> first_date(" 6 février 2023 EB152/SR/10", lexicon("fr"))
    datetime.date(2023, 2, 6)
    """
    year = _YEAR.search(text)  # (\d is any decimal digit: Arabic-Indic ones too)
    return parse_date(text[: year.end()], lexicon) if year else None


_DAY_MONTH_YEAR = re.compile(r"\s*(\d{1,2})\s+([^\W\d_]+)\s+(\d{4})\s*")


def parse_date(text: str, lexicon: Lexicon) -> date | None:
    """The single date printed in `text` ("19 September 2025", "23 de noviembre de 2021")."""
    plain = _DAY_MONTH_YEAR.fullmatch(text)
    if plain is None:
        found = parse_date_range(text, lexicon)
        return found[1] if found else None
    # a day, a word and a year alone, the form most dates take: the tokens `parse_date_range`
    # reads, read directly (a day beyond 31 or a word no month is no date there either)
    day, month = int(plain[1]), _month_numbers(lexicon).get(fold(plain[2]))
    if month is None or not 1 <= day <= 31:
        return None
    try:
        return date(int(plain[3]), month, day)
    except ValueError:
        return None
