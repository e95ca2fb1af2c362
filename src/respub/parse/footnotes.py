"""Footnotes in extracted text: definitions set apart as `[^n]: text`, marks as `[^n]`.

Plain-text extractions print a footnote as a paragraph "1 See resolution 169 (II)." at
the foot of the page (often after a rule "_____" or "---"), and its mark as a number
glued to the text ("United Nations1 are", "1979,1", "2014, 3", "Declarations of 20172").
A number is taken for a mark only when a footnote with that number exists, looking for
the marks in the order the notes are numbered.

>>> lines = ["Recalling the Agreement1 and", "the Treaty,", "", "1 See resolution 169 (II)."]
>>> body, notes = collect_notes(lines)
>>> body, notes
(['Recalling the Agreement1 and', 'the Treaty,', '', '\\x0c'], ['[^1]: See resolution 169 (II).'])
>>> mark_notes("Recalling the Agreement1 and paragraph 2 of the Treaty, 2 and", ["1", "2"])
'Recalling the Agreement[^1] and paragraph 2 of the Treaty,[^2] and'
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections.abc import Iterator
from functools import cache

from respub.knowledge.layout import Layout, layout
from respub.knowledge.lexicon import fold

PAGE_BREAK = "\f"
"""A line standing where page furniture or a footnote block was taken out."""

NOTE_DEFINITION = re.compile(r"^\[\^(?P<label>[^\]]+)\]:\s*(?P<text>.*)$")
"""A footnote, set apart as in Markdown: `[^1]: See resolution 169 (II).`"""
NOTE_MARK = re.compile(r"\[\^([^\]]+)\]")
"""A footnote's mark in the text: `[^1]`."""
_RULE = re.compile(r"^(?:_{3,}|-{3,})$")
_NOTE_START = re.compile(r"^(?P<label>\d{1,3})\s+(?P<text>[^\s\d.a-z].*|\d{4}\b.*)$")
# a line opening with a number set off by a space: all that _NOTE_START may match
_NUMBERED_LINE = re.compile(r"\n\d{1,3}\s")
_RUN = re.compile(r"\d+")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[.,;:”’\")\]]*$")
_YEAR_BEFORE = re.compile(r"(?<!\d)(?:19|20)\d\d$")
_TOKEN_BEFORE = re.compile(r"(\S+?)[,;:]$")
_CLOSERS = tuple('.”’")]')
_RULE_ENDS = ("_", "-")  # the last character of a line a rule ends (`_before_rule`)


def definition(line: str) -> re.Match[str] | None:
    """`NOTE_DEFINITION`'s match of `line`; a line not opening with `[^` (most lines) is
    told by a string test, without a match.

    >>> definition("[^1]: A note.").group("label"), definition("Text[^1].")
    ('1', None)
    """
    return NOTE_DEFINITION.match(line) if line.startswith("[^") else None


def collect_notes(
    lines: list[str], start: int = 0, joined: str | None = None
) -> tuple[list[str], list[str]]:
    """(body lines, `[^n]: text` lines): numbered foot-of-page paragraphs taken out.

    A footnote paragraph opens with the next expected number ("1 See ..."), or with any
    number right after a rule; each block taken out leaves a `PAGE_BREAK` line behind.
    Texts that already define `[^n]:` footnotes (Markdown) get those repaired and taken
    out, wherever printed. `joined`: the lines joined by line ends, or a text holding them
    as whole lines and other lines (the lines before some were taken out), when the caller
    has it: what tells that no line may print a note is looked for in it.
    """
    if joined is None:
        joined = "\n".join(lines)
    # a character is looked for (memchr) before the three: most texts print no "^" or "_"
    if "^" in joined and ("\n[^" in joined or joined.startswith("[^")):
        rest, definitions = _split_definitions(lines)
        if definitions:
            return rest, definitions
    ruled = ("_" in joined and "___" in joined) or "---" in joined  # what any rule prints
    if not ruled and not joined[:1].isdecimal() and not _NUMBERED_LINE.search(joined):
        return lines, []  # no rule, and no line a note could open
    body = lines[:start]
    notes: list[tuple[int, list[str]]] = []
    after_rule = False
    index = start
    while index < len(lines):
        line = lines[index]
        index += 1
        # `_before_rule(line)` without a call for each line: most end with no "_" nor "-"
        if ruled and line[-1:] in _RULE_ENDS and (kept := _before_rule(line)) is not None:
            if kept and not _RULE.match(kept):
                body.append(kept)
            body.append(PAGE_BREAK)
            after_rule = True
            continue
        # a note opens a paragraph with its number: most lines are told by their first character
        if (
            line[:1].isdecimal()
            and (not body or not body[-1].strip() or body[-1] == PAGE_BREAK)
            and (found := _NOTE_START.match(line))
        ):
            label = int(found.group("label"))
            if label == (notes[-1][0] + 1 if notes else 1) or (after_rule and not notes):
                text = [found.group("text")]
                while index < len(lines) and lines[index].strip() and lines[index] != PAGE_BREAK:
                    nested = _NOTE_START.match(lines[index])
                    if nested and int(nested.group("label")) == label + 1:
                        break
                    text.append(lines[index])
                    index += 1
                notes.append((label, text))
                after_rule = True
                if body and body[-1] != PAGE_BREAK:
                    body.append(PAGE_BREAK)
                continue
        if after_rule and line.strip():
            after_rule = False
        body.append(line)
    return body, [f"[^{label}]: " + " ".join(text) for label, text in notes]


def _before_rule(line: str) -> str | None:
    """What `line` holds before the rule ending it (three "_" or "-" at least, alone or
    after a space), trimmed; None when no rule ends it.

    >>> _before_rule("the general debate of the ---"), _before_rule("_____")
    ('the general debate of the', '')
    >>> _before_rule("decision- making"), _before_rule("word---"), _before_rule("a ___---")
    (None, None, None)
    """
    rule = line[-1:]
    if rule not in ("_", "-"):
        return None
    before = line.rstrip(rule)
    if len(line) - len(before) < 3 or (before and not before[-1].isspace()):
        return None
    return before.rstrip()


def _split_definitions(lines: list[str]) -> tuple[list[str], list[str]]:
    """(body, `[^n]: text` definitions with their continuation lines), wherever printed.

    A `[^2013]:` line inside a note ("... 31 July\\n[^2013]: (S/INF/68).") is no definition
    but the note going on, its number the year it printed.

    >>> _split_definitions(["Text[^1].", "", "[^1]: A note", "goes on.", "", "End"])
    (['Text[^1].', '', '', 'End'], ['[^1]: A note', 'goes on.'])
    >>> _split_definitions(["[^9]: to 31 July", "[^2013]: (S/INF/68).", "[^10]: Next."])[1]
    ['[^9]: to 31 July', '2013 (S/INF/68).', '[^10]: Next.']
    """
    body: list[str] = []
    definitions: list[str] = []
    inside = False
    previous: int | None = None  # the last number defined
    for line in lines:
        # `definition(line)` without a call for each line: most open with no "[^"
        found = NOTE_DEFINITION.match(line) if line[:2] == "[^" else None
        if found and found.group("label").isdecimal():
            label = int(found.group("label"))
            if previous is not None and label > previous + 1:
                line, found = f"{label} {found.group('text')}".rstrip(), None
            else:
                previous = label
        if found:
            inside = True
            definitions.append(line)
        elif inside and line.strip() and line != PAGE_BREAK:
            definitions.append(line)
        else:
            inside = False
            body.append(line)
    if definitions:
        while body and (not body[-1].strip() or _RULE.match(body[-1])):
            body.pop()
    return body, definitions


def note_labels(lines: list[str]) -> list[str]:
    """The labels of the `[^n]:` definitions among `lines`, in the order defined."""
    return [found.group("label") for line in lines if (found := definition(line))]


def mark_notes(text: str, labels: list[str], start: int = 0, language: str = "en") -> str:
    """Turn the printed marks of the footnotes `labels` into `[^n]`, in numbering order.

    Linear in the text and the labels: every explicit `[^n]` mark and every run of digits
    is looked at a bounded number of times, however many footnotes there are.
    """
    words = layout(language)
    numbered = sorted((label for label in labels if label.isdecimal()), key=int)
    if not numbered:
        return text
    rank = {label: index for index, label in enumerate(numbered)}
    explicit: dict[str, list[int]] = {}
    later: list[tuple[int, int]] = []  # (position, rank) of the explicit marks, a heap
    # (a character looked for fast: most texts print their marks as numbers, no "[^n]")
    for found in NOTE_MARK.finditer(text, start) if "^" in text else ():
        explicit.setdefault(found.group(1), []).append(found.start())
        if found.group(1) in rank:
            later.append((found.start(), rank[found.group(1)]))
    heapq.heapify(later)
    marks: _Candidates | None = None  # made when a label has no explicit mark (Markdown has)
    pieces: list[str] = []
    done = cursor = start
    for position, label in enumerate(numbered):
        # the first explicit mark of a later footnote bounds the search; both the cursor
        # and the position only grow, so a mark dropped here is never needed again
        while later and (later[0][0] < cursor or later[0][1] <= position):
            heapq.heappop(later)
        end = later[0][0] if later else len(text)
        own = explicit.get(label, ())
        first = bisect.bisect_left(own, cursor)
        if first < len(own) and own[first] < end:
            cursor = own[first] + len(label) + 3
            continue
        if marks is None:
            marks = _Candidates(text, start, words, set(numbered))
        span = marks.find(label, cursor, end)
        if span is not None:
            pieces.extend([text[done : span[0]], f"[^{label}]"])
            done = cursor = span[1]
    return text[:start] + "".join(pieces) + text[done:] if pieces else text


class _Candidates:
    """The runs of digits of a text that could print a footnote's mark, by label.

    A run "7" may print mark 7, a run "20172" the year 2017 and mark 2. Whether a run is a
    mark depends only on the text around it, so a run refused once is never looked at
    again for that label.
    """

    def __init__(
        self, text: str, start: int, words: Layout, labels: set[str] | None = None
    ) -> None:
        """`labels`: the only labels `find` will be asked for (the runs of others are not
        kept), or None for any."""
        self.text = text
        self.words = words
        self.runs: dict[str, list[tuple[int, int]]] = {}
        self.next: dict[str, int] = {}
        for run in _runs(text, start, labels):
            digits = run.group()
            if labels is None or digits in labels:
                self.runs.setdefault(digits, []).append(run.span())
            wanted = labels is None or digits[4:] in labels
            if len(digits) > 4 and wanted and _is_year(digits[:4]):
                self.runs.setdefault(digits[4:], []).append(run.span())

    def find(self, label: str, start: int, end: int) -> tuple[int, int] | None:
        """The span of the first printed mark `label` in text[start:end], or None."""
        runs = self.runs.get(label, [])
        index = self.next.get(label, 0)
        while index < len(runs) and runs[index][0] < start:
            index += 1
        found = None
        while index < len(runs) and runs[index][1] <= end:
            found = _mark_in_run(self.text, label, *runs[index], self.words)
            index += 1
            if found is not None:
                break
        self.next[label] = index
        return found


def _runs(text: str, start: int, labels: set[str] | None) -> Iterator[re.Match[str]]:
    """The runs of digits of text[start:] (as _RUN finds them) that may print a mark of
    `labels`: a label, or a year and a label ("20172"). A few labels make a pattern for each
    digit that opens one, which match only those runs; a match costs far more than a passed
    character, and most runs are other numbers (dates, symbols, paragraphs)."""
    if labels is None or len(labels) > _FEW_LABELS:
        yield from _RUN.finditer(text, start)
        return
    if not labels:
        return
    if start > 0 and (cut := _RUN.match(text, start)) and _RUN.match(text, start - 1):
        yield cut  # a run cut at `start`: its part from `start` on, as _RUN finds it
        start = cut.end()
    found = [
        run for pattern in _runs_of(frozenset(labels)) for run in pattern.finditer(text, start)
    ]
    yield from sorted(found, key=re.Match.start)  # in the text's order (one sort, in C)


_FEW_LABELS = 64


@cache
def _runs_of(labels: frozenset[str]) -> tuple[re.Pattern[str], ...]:
    """For each digit that opens one of `labels` or a year ("19.."/"20.."), the whole runs
    of digits it opens that are one of them or a year and one of them. Each pattern opens
    with its digit, a literal that sre looks for fast (a class of characters costs a test
    of each character several times over); `(?<!\\d\\d)` after it makes it a run's first."""
    ordered = sorted(labels, key=len, reverse=True)
    tails = "|".join(re.escape(label) for label in ordered)
    years = {"1": rf"9\d\d(?:{tails})(?!\d)", "2": rf"0\d\d(?:{tails})(?!\d)"}
    patterns = []
    for first in sorted({"1", "2", *(label[0] for label in labels)}):
        branches = [rf"{re.escape(label[1:])}(?!\d)" for label in ordered if label[0] == first]
        branches += [years[first]] if first in years else []
        patterns.append(re.compile(rf"{re.escape(first)}(?<!\d\d)(?:{'|'.join(branches)})"))
    return tuple(patterns)


def _mark_in_run(
    text: str, label: str, begin: int, finish: int, words: Layout
) -> tuple[int, int] | None:
    """The span of mark `label` printed by the digits text[begin:finish], or None."""
    digits = text[begin:finish]
    after = text[finish : finish + 1]
    if after and not (after.isspace() or after in ",;.:)]"):
        return None
    if digits.endswith(label) and len(digits) == 4 + len(label) and _is_year(digits[:4]):
        return finish - len(label), finish  # "20172": the year 2017, mark 2
    before = text[begin - 1] if begin > 0 else ""
    if digits != label or (before and before in "/-–"):
        return None
    if _is_glued(text, begin):
        return begin, finish
    if _is_spaced(text, begin, finish, words):
        spaces = begin
        while spaces > 0 and text[spaces - 1] == " ":
            spaces -= 1
        return spaces, finish
    return None


def _is_year(digits: str) -> bool:
    return len(digits) == 4 and digits[:2] in ("19", "20")


def _is_glued(text: str, index: int) -> bool:
    """A number glued to a word or to punctuation: "Nations1", "1979,1", "Agenda”1";
    not a decimal ("1.5") nor a code such as "CO2" or "G20"."""
    before = text[index - 1] if index > 0 else ""
    if before.isalpha():
        word = _WORD_BEFORE.search(text[max(0, index - 20) : index])
        return not (word and word.group(1).isupper() and len(word.group(1)) <= 4)
    if before == ".":
        return not (index >= 2 and text[index - 2].isdigit())
    return before != "" and before in ',;:)]”’"'


def _is_spaced(text: str, index: int, end: int, words: Layout) -> bool:
    """A number set off by a space: "States 7 that", "2014, 3", "Principles. 13 We";
    not a counted number ("paragraph 3", "the 13 steps", "2 and 3", "1 billion")."""
    head = text[max(0, index - 40) : index]
    if not head.endswith(" "):
        return False
    head = head.rstrip(" ")
    if not head or head.endswith("\n"):
        return False
    tail = [fold(w.strip(",;.")) for w in text[end : end + 30].split()]
    if tail and tail[0] in words.months | words.quantities:
        return False
    if len(tail) > 1 and tail[0] in words.ranges and tail[1][:1].isdigit():
        return False
    punctuated = _TOKEN_BEFORE.search(head)
    if punctuated:
        token = punctuated.group(1)
        return not token.isdigit() or _is_year(token)  # "2014, 3" but not "1, 2 and 3"
    if _YEAR_BEFORE.search(head):
        return True  # "the Lausanne Action Plan 2021–2026 3 to support"
    word = _WORD_BEFORE.search(head)
    if word is None:
        return head.endswith(("”", "’", ")"))
    return word.group().endswith(_CLOSERS) or fold(word.group(1)) not in words.counted
