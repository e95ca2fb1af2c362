"""Field-level accuracy of parsed resolutions against annotations written by reading.

The scoring rules were fixed before any parser output on the annotated texts was seen:
- identifier, adopted (date) and the counts of preambular and operative paragraphs: equal;
- formula: the parsed formula, without its final comma, equals the annotated one (case
  ignored);
- keywords (preamble, operative): the whole list matches, clause by clause, where a parsed
  keyword matches an annotated one when either is the other's leading or trailing words
  ("Calls upon" ~ "Urgently calls upon", "Noting" ~ "Noting with grave concern"), case
  ignored;
- citations: the set of resolution and decision identifiers cited in the preamble and the
  operative part (not the footnotes nor the annexes) equals the annotated set.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from respub.model import Resolution

FIELDS = ("identifier", "adopted", "formula", "pre", "op", "pre_keywords", "op_keywords",
          "citations")  # fmt: skip


def load(path: Path) -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = yaml.safe_load(path.read_text("utf-8"))
    return data


def _words(text: str) -> list[str]:
    return text.casefold().replace(",", " ").split()


def keyword_matches(parsed: str, annotated: str) -> bool:
    a, b = _words(parsed), _words(annotated)
    if not a or not b:
        return a == b
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return long[: len(short)] == short or long[-len(short) :] == short


def _keywords(parsed: Iterable[str], annotated: list[str]) -> bool:
    got = list(parsed)
    return len(got) == len(annotated) and all(map(keyword_matches, got, annotated))


def score(resolution: Resolution, identifier: str, note: dict[str, Any]) -> dict[str, bool]:
    """Which fields of `resolution` agree with the annotation `note` of `identifier`."""
    formula = (resolution.formula or "").strip().rstrip(",").strip().casefold()
    cited = {
        c.identifier
        for c in resolution.citations
        if c.kind in ("resolution", "decision") and c.clause.startswith(("preamble", "operative"))
    }
    adopted = note.get("adopted")
    return {
        "identifier": resolution.identifier == identifier,
        "adopted": isinstance(adopted, date) and resolution.adopted == adopted,
        "formula": formula == str(note["formula"]).casefold(),
        "pre": len(resolution.preamble) == len(note["pre_keywords"]),
        "op": len(resolution.operative) == len(note["op_keywords"]),
        "pre_keywords": _keywords((c.keyword for c in resolution.preamble), note["pre_keywords"]),
        "op_keywords": _keywords((c.keyword for c in resolution.operative), note["op_keywords"]),
        "citations": cited == set(note["citations"]),
    }


def measure(
    folder: Path, notes: dict[str, dict[str, Any]], parse: Callable[[Path], Resolution]
) -> dict[str, dict[str, bool]]:
    """The score of every annotated document (a document that fails to parse scores 0)."""
    results = {}
    for identifier, note in notes.items():
        try:
            resolution = parse(folder / note["file"])
        except Exception:  # a refusal scores nothing: it is no error here
            results[identifier] = dict.fromkeys(FIELDS, False)
            continue
        results[identifier] = score(resolution, identifier, note)
    return results


def table(title: str, results: dict[str, dict[str, bool]]) -> str:
    """Per-field accuracy as a small text table, and the overall share of fields right."""
    n = len(results)
    lines = [f"{title} ({n} documents)", f"{'field':14} right  share"]
    for name in FIELDS:
        right = sum(r[name] for r in results.values())
        lines.append(f"{name:14} {right:>3}/{n}  {right / n:6.1%}")
    total = sum(sum(r.values()) for r in results.values())
    cells = n * len(FIELDS)
    lines.append(f"{'all fields':14} {total:>3}/{cells}  {total / cells:6.1%}")
    return "\n".join(lines)


def overall(results: dict[str, dict[str, bool]]) -> float:
    total = sum(sum(r.values()) for r in results.values())
    return total / (len(results) * len(FIELDS))
