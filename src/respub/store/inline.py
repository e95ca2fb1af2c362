"""Bound variables written into the query as a `VALUES` block, for the store's planner.

pyoxigraph applies `substitutions` to a query it has already planned, so a bound
identifier does not steer the join order: `clause-counts.rq --bind identifier=…` read every
work of the store (5.6 s at 10,000 documents) to keep one. The same values written as
`VALUES (?identifier) { ("A/RES/80/1") }` at the start of the query's `WHERE` group are
part of the plan, and the store starts there (an index lookup).

Only variables the `SELECT` projects as they are (not one it computes with `AS ?name`), or
any variable of a `SELECT *`, `ASK`, `CONSTRUCT` or `DESCRIBE`, go into the block: there
the block and the substitution mean the same (the rows whose variable has that value). A
query that computes a bound variable anywhere (`BIND`, a subquery) gets no block at all.
The caller still passes the substitutions too, so the store's checks of a binding stay.

>>> with_values('SELECT ?i ?t WHERE { ?w <p> ?i ; <q> ?t }', {"i": '"A/RES/80/1"'})
'SELECT ?i ?t WHERE { VALUES (?i) { ("A/RES/80/1") }\\n ?w <p> ?i ; <q> ?t }'
>>> with_values('SELECT (COUNT(*) AS ?n) { ?s ?p ?o }', {"n": '"1"'})  # computed: left out
'SELECT (COUNT(*) AS ?n) { ?s ?p ?o }'
>>> with_values('# WHERE { in a comment\\nASK { ?s ?p "}" }', {"s": "<http://x.org/a>"})
'# WHERE { in a comment\\nASK { VALUES (?s) { (<http://x.org/a>) }\\n ?s ?p "}" }'
"""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = ["with_values"]

# What is skipped when looking for the query's own braces and keywords: comments, strings
# (long and short, either quote), IRIs; anything else one character at a time.
_TOKEN = re.compile(
    r"""
      (?P<skip> \#[^\n]*
              | '''(?:[^'\\]|\\.|'(?!''))*'''
              | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              | '(?:[^'\\\n]|\\.)*'
              | "(?:[^"\\\n]|\\.)*"
              | <[^<>"{}|^`\\\s]*> )
    | (?P<word> [A-Za-z_][A-Za-z0-9_.-]*(?::[A-Za-z0-9_.-]*)? )
    | (?P<variable> [?$][A-Za-z0-9_]+ )
    | (?P<other> . )
    """,
    re.VERBOSE | re.DOTALL,
)
_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}


def with_values(sparql: str, terms: Mapping[str, str]) -> str:
    """`sparql` with a `VALUES` block binding `terms` (name → term in SPARQL syntax, e.g.
    `"A/RES/80/1"` or `<https://…>`) at the start of its `WHERE` group; unchanged when no
    bound variable may go there or the group is not found."""
    form, projected, computed, group = _shape(sparql)
    if group is None or _assigned(sparql) & set(terms):
        return sparql
    names = [
        n
        for n in terms
        if n not in computed and (form != "SELECT" or projected is None or n in projected)
    ]
    if not names:
        return sparql
    variables = " ".join(f"?{n}" for n in names)
    row = " ".join(terms[n] for n in names)
    block = f" VALUES ({variables}) {{ ({row}) }}\n"
    return sparql[:group] + block + sparql[group:]


def _assigned(sparql: str) -> set[str]:
    """The variables the query computes anywhere (`BIND (… AS ?v)`, a subquery's
    `(… AS ?v)`): a value made there cannot be joined before it is made, and a block for
    the others then steers the plan away from where the value is made (operative-clauses.rq,
    whose year comes from a subquery: 38 ms bound by substitutions alone at 10,000
    documents, 741 ms with its concept in a block)."""
    found: set[str] = set()
    after_as = False
    for match in _TOKEN.finditer(sparql):
        kind, text = match.lastgroup, match.group()
        if kind == "variable" and after_as:
            found.add(text[1:])
        if kind != "skip" and not text.isspace():
            after_as = kind == "word" and text.upper() == "AS"
    return found


def _shape(sparql: str) -> tuple[str | None, set[str] | None, set[str], int | None]:
    """The query form, the variables a SELECT projects as they are (None for `*`), those
    it computes (`AS ?v`), and the offset just after the `{` opening its WHERE group."""
    form: str | None = None
    projected: set[str] | None = set()
    computed: set[str] = set()
    depth = 0  # parentheses, within the SELECT clause
    after_as = False
    braces = 0  # the CONSTRUCT template's own braces come before WHERE
    for match in _TOKEN.finditer(sparql):
        kind, text = match.lastgroup, match.group()
        if kind == "word" and text.upper() in _FORMS and form is None:
            form = text.upper()
        elif form is None or kind == "skip":
            continue
        elif kind == "word" and text.upper() == "WHERE" and braces == 0:
            where = re.compile(r"(?:\s|#[^\n]*)*\{").match(sparql, match.end())
            return form, projected, computed, where.end() if where else None
        elif text == "{":
            if form != "CONSTRUCT":
                return form, projected, computed, match.end()
            braces += 1
        elif text == "}":
            braces -= 1
        elif form == "SELECT" and braces == 0:
            if text == "(":
                depth += 1
            elif text == ")":
                depth -= 1
            elif text == "*" and depth == 0:
                projected = None
            elif kind == "word" and text.upper() == "AS":
                after_as = True
            elif kind == "variable":
                if after_as:
                    computed.add(text[1:])
                elif depth == 0 and projected is not None:
                    projected.add(text[1:])
                after_as = False
    return form, projected, computed, None
