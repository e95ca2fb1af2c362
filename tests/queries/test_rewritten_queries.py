"""Queries rewritten for speed give exactly the rows of the text they replace.

The text before each rewrite is kept in tests/queries/before/; both are run on the sample
release's store, opened read-only and queried as `respub query` does (union of the named
graphs, `--bind` values as substitutions), unbound and with every value a consumer could bind.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from pyoxigraph import Literal, QuerySolutions, Store, Variable

HERE = Path(__file__).resolve().parent
QUERIES = HERE.parents[1] / "queries"

pytestmark = pytest.mark.slow  # the sample release is built once (about 20 s)


def _rows(store: Store, text: str, **bindings: str) -> Counter[tuple[tuple[str, str], ...]]:
    """The rows as a multiset of (variable, value) tuples."""
    substitutions = {Variable(k): Literal(v) for k, v in bindings.items()}
    answer = store.query(text, use_default_graph_as_union=True, substitutions=substitutions)
    assert isinstance(answer, QuerySolutions)
    names = [v.value for v in answer.variables]
    return Counter(
        tuple((n, t.value) for n, t in zip(names, row, strict=True) if t is not None)
        for row in answer
    )


def test_who_cites_gives_the_rows_it_gave_before(sample_release: object) -> None:
    store = Store.read_only(str(sample_release.store))  # type: ignore[attr-defined]
    before = (HERE / "before" / "who-cites.rq").read_text(encoding="utf-8")
    after = (QUERIES / "who-cites.rq").read_text(encoding="utf-8")
    assert before != after
    everything = _rows(store, before)
    assert sum(everything.values()) > 100, "the sample cites many resolutions"
    assert _rows(store, after) == everything
    cited = sorted({dict(row)["cited"] for row in everything})
    for identifier in [*cited, "A/RES/0/0"]:
        old = _rows(store, before, cited=identifier)
        assert _rows(store, after, cited=identifier) == old, identifier
        assert sum(old.values()) == sum(
            n for r, n in everything.items() if ("cited", identifier) in r
        )
