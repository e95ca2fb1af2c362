"""`--bind NAME=VALUE` options of `respub query`, checked before the query runs.

>>> parse_bindings(["identifier=A/RES/80/1"], "SELECT ?identifier ?title WHERE { }")
{'identifier': 'A/RES/80/1'}
>>> parse_bindings(["idonly"], "SELECT ?idonly WHERE { }")
Traceback (most recent call last):
...
respub.store.guard.QueryError: --bind 'idonly': expected NAME=VALUE, e.g. identifier=A/RES/80/1
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from respub.store.guard import QueryError

__all__ = ["parse_bindings"]

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def parse_bindings(items: Iterable[str], sparql: str) -> dict[str, str]:
    """NAME → VALUE for each `NAME=VALUE` (a leading ? or $ is allowed); `QueryError` for
    a malformed item or a variable the query does not mention."""
    found: dict[str, str] = {}
    for item in items:
        name, equals, value = item.partition("=")
        name = name.strip().removeprefix("?").removeprefix("$")
        if not equals or not _NAME.fullmatch(name):
            raise QueryError(f"--bind {item!r}: expected NAME=VALUE, e.g. identifier=A/RES/80/1")
        if not re.search(rf"[?$]{name}\b", sparql):
            raise QueryError(f"--bind {item!r}: the query has no variable ?{name}")
        found[name] = value
    return found
