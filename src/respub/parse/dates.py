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

from respub.knowledge.lexicon import Lexicon

_TOKEN = re.compile(r"\d{1,4}|[^\W\d_]+(?:-[^\W\d_]+)?", re.UNICODE)
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


def _tokens(text: str, lexicon: Lexicon) -> list[tuple[str, int]]:
    """('day'|'month'|'year', value) tokens in the order printed."""
    found: list[tuple[str, int]] = []
    for token in _TOKEN.findall(text.translate(_ARABIC_DIGITS).replace("/", " ")):
        if token.isdecimal():  # not "²", which is a digit but no number
            value = int(token)
            if len(token) == 4:
                found.append(("year", value))
            elif 1 <= value <= 31:
                found.append(("day", value))
            continue
        month = lexicon.month(token)
        if month is not None and not (found and found[-1] == ("month", month)):
            found.append(("month", month))
        elif token.casefold() in ("er", "1er"):
            continue
    return found


def _first(tokens: list[tuple[str, int]], kind: str, start: int = 0) -> int | None:
    return next((v for k, v in tokens[start:] if k == kind), None)


def parse_date_range(text: str, lexicon: Lexicon) -> tuple[date, date] | None:
    """(start, end) of a printed range such as "from 23 to 25 November 2021"; None if none."""
    tokens = _tokens(text, lexicon)
    days = [i for i, (k, _) in enumerate(tokens) if k == "day"]
    if not days:
        return None
    end_month = _last(tokens, "month")
    end_year = _last(tokens, "year")
    if end_month is None or end_year is None:
        return None
    first = days[0]
    start_month = _first(tokens, "month", first) or end_month
    start_year = _first(tokens, "year", first) or end_year
    try:
        start = date(start_year, start_month, tokens[first][1])
        end = date(end_year, end_month, tokens[days[-1]][1])
    except ValueError:
        return None
    return (start, end) if start <= end else None


def parse_date(text: str, lexicon: Lexicon) -> date | None:
    """The single date printed in `text` ("19 September 2025", "23 de noviembre de 2021")."""
    found = parse_date_range(text, lexicon)
    return found[1] if found else None


def _last(tokens: list[tuple[str, int]], kind: str) -> int | None:
    return next((v for k, v in reversed(tokens) if k == kind), None)
