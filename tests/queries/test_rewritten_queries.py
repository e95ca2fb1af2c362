"""Queries rewritten for speed give exactly the rows of the text they replace.

The text before each rewrite is kept in tests/queries/before/; both are run on the sample
release's store, opened read-only and queried as `respub query` does (union of the named
graphs, `--bind` values as `respub.store.execute.ask` applies them: a VALUES block and
substitutions), unbound and with every value a consumer could
bind. Rows are compared as sets: the texts before read a work's triples across the graphs
of all its language versions, so a work in four languages gave some rows four times; the
rewrites give each row once, which is checked too.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from pyoxigraph import QuerySolutions, Store

from respub.store.execute import ask

HERE = Path(__file__).resolve().parent
QUERIES = HERE.parents[1] / "queries"
BEFORE = sorted(p.name for p in (HERE / "before").glob("*.rq"))
# The variable a consumer binds in each query, if any.
BOUND = {"who-cites.rq": "cited"}

pytestmark = pytest.mark.slow  # the sample release is built once (about 20 s)

Row = tuple[tuple[str, str], ...]


def _rows(store: Store, text: str, **bindings: str) -> Counter[Row]:
    """The rows as a multiset of (variable, value) tuples."""
    answer = ask(store, text, bindings)
    assert isinstance(answer, QuerySolutions)
    names = [v.value for v in answer.variables]
    return Counter(
        tuple((n, t.value) for n, t in zip(names, row, strict=True) if t is not None)
        for row in answer
    )


def _same(before: Counter[Row], after: Counter[Row]) -> None:
    assert set(after) == set(before)
    assert all(n == 1 for n in after.values()), "a row given more than once"


def test_every_rewrite_has_its_text_before() -> None:
    assert BEFORE, "tests/queries/before/ holds the texts before the rewrites"
    for name in BEFORE:
        assert (QUERIES / name).read_text("utf-8") != (HERE / "before" / name).read_text("utf-8")


@pytest.mark.parametrize("name", BEFORE)
def test_rewrite_gives_the_rows_it_gave_before(sample_release: object, name: str) -> None:
    store = Store.read_only(str(sample_release.store))  # type: ignore[attr-defined]
    before = (HERE / "before" / name).read_text(encoding="utf-8")
    after = (QUERIES / name).read_text(encoding="utf-8")
    everything = _rows(store, before)
    assert everything, f"{name} answers nothing on the sample"
    _same(everything, _rows(store, after))
    variable = BOUND.get(name, "identifier")
    if f"?{variable} " not in after:
        return
    values = sorted({dict(row)[variable] for row in everything if variable in dict(row)})
    for value in [*values, "A/RES/0/0"]:
        old = _rows(store, before, **{variable: value})
        _same(old, _rows(store, after, **{variable: value}))
        assert set(old) == {r for r in everything if (variable, value) in r}, value


def test_who_cites_is_bound_by_index(sample_release: object) -> None:
    """Bound, who-cites answers the citations of one resolution only (the sample cites
    many)."""
    store = Store.read_only(str(sample_release.store))  # type: ignore[attr-defined]
    text = (QUERIES / "who-cites.rq").read_text(encoding="utf-8")
    everything = _rows(store, text)
    assert len(everything) > 100
    one = _rows(store, text, cited="A/RES/70/1")
    assert 0 < len(one) < len(everything)
