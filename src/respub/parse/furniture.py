"""Page furniture: the running headers and footers a PDF extraction leaves in the text.

A page of a UN document is headed by its symbol and (a line of) its title, and carries
the job number and the page number ("A/RES/80/1", "Participation by ...", "25-15106",
"2/2"). Depending on the extraction these come as separate lines, one line
("A/RES/80/1 Participation by ...") or a paragraph holding only the title. Each
header taken out leaves a `PAGE_BREAK` line, so a paragraph split by the page can be
joined again.

>>> lines = ["to the", "", "A/RES/80/1", "Participation by the State", "", "25-15106", "2/2",
...          "", "Assembly at its session;"]
>>> remove_furniture(lines, "A/RES/80/1", "Participation by the State of Palestine")
['to the', '', '\\x0c', '', 'Assembly at its session;']
"""

from __future__ import annotations

import re

from respub.knowledge.headings import annex_heading
from respub.knowledge.layout import layout
from respub.parse.footnotes import PAGE_BREAK

# a job number ("25-15106", "25-15106 (E)") or a bar code and recycling line (an alternative
# added here is added to `_MAY_BE_STAMP_OR_PAGE`, and a line of it to the test's pool)
_STAMP = re.compile(
    r"^\d{2}-\d{5}(?:\s*\([A-Z]\))?$"
    r"|^\*\d{6,9}\*$|^(?:Please recycle|Merci de recycler|Se ruega reciclar)\W*$"
)
_PAGE = re.compile(r"^\d{1,3}/\d{1,3}$")
# after a line end: what a line _STAMP matches opens with, or a line _PAGE matches (each
# alternative opens with one character, not a repeat: sre passes over an alternative whose
# first character is not the text's without trying it, at each line end)
_MAY_BE_STAMP_OR_PAGE = re.compile(
    r"\n(?:\d\d-\d{5}|\*\d|Please recycle|Merci de recycler|Se ruega reciclar|\d\d{0,2}/\d{1,3}\n)"
)


def remove_furniture(
    lines: list[str],
    symbol: str | None,
    title: str | None,
    start: int = 0,
    language: str = "en",
    joined: str | None = None,
) -> list[str]:
    """Lines without running headers and footers; `start` is where the body begins;
    `joined`: the lines joined by line ends, when the caller has them.

    Job numbers and bar codes go everywhere; symbol, page number and title lines only
    from `start` on, so that the masthead keeps its facts.
    """
    # each line after a line end, and one more at the end
    text = "\n".join(["", *lines, ""]) if joined is None else f"\n{joined}\n"
    head, body = lines[:start], lines[start:]
    at = sum(map(len, head)) + len(head)  # the line end before the body in `text`
    kept = body
    # the lines are looked at one by one only when a line may be a stamp or a page number
    # (a pattern's call for each line costs more than a search of the whole text)
    if _MAY_BE_STAMP_OR_PAGE.search(text):
        stamp = _STAMP.match
        head = [line for line in head if not (line and stamp(line))]
        body = [line for line in body if not (line and stamp(line))]
        body = _remove_line_headers(body, symbol, title)
    elif symbol is not None and text.find(f"\n{symbol}\n", at) >= 0:
        body = _remove_line_headers(body, symbol, title)
    if title:  # the body's lines each after a line end: from `text` when none went
        body_text = text[at:-1] if body is kept else "\n".join(["", *body])
        body = _remove_paragraph_headers(body, symbol, title, language, body_text)
    return head + body


def _remove_line_headers(lines: list[str], symbol: str | None, title: str | None) -> list[str]:
    """Page numbers and symbol lines with the title lines printed next to them."""
    page = _PAGE.match
    marked = {
        i
        for i, line in enumerate(lines)
        if (symbol is not None and line == symbol) or (line and page(line))
    }
    if not marked:
        return lines
    for index in sorted(marked):
        if lines[index] != symbol:
            continue
        for step in (-1, 1):
            near = index + step
            while 0 <= near < len(lines) and _is_title_line(lines[near], title):
                marked.add(near)
                near += step
    result: list[str] = []
    index = 0
    while index < len(lines):
        if index not in marked:
            result.append(lines[index])
            index += 1
            continue
        while index < len(lines) and (index in marked or not lines[index].strip()):
            index += 1
        while result and not result[-1].strip():
            result.pop()
        result.extend(["", PAGE_BREAK, ""])
    return result


def line_starts(text: str, prefixes: set[str]) -> list[int]:
    """Indexes of the lines opening with one of `prefixes` (none holding a line end), in
    order; `text` holds each line after a line end. Each prefix is looked for in the text
    (fast), not each line for it.

    >>> line_starts("\\nab\\ncd\\nabc\\nxab", {"ab", "c"})
    [0, 1, 2]
    """
    found: list[int] = []
    for prefix in prefixes:
        needle = f"\n{prefix}"
        at = text.find(needle)
        while at >= 0:
            found.append(at)
            at = text.find(needle, at + 1)
    starts: list[int] = []
    index = previous = 0
    for at in sorted(set(found)):
        index += text.count("\n", previous, at)
        starts.append(index)
        previous = at
    return starts


def _is_title_line(line: str, title: str | None) -> bool:
    """A line holding a piece of the running title (two words at least, or the whole)."""
    if not title or not line.strip():
        return False
    return line == title or (len(line.split()) >= 2 and line in title)


def _remove_paragraph_headers(
    lines: list[str],
    symbol: str | None,
    title: str | None,
    language: str,
    text: str | None = None,
) -> list[str]:
    """Paragraphs holding only the title, with or without the symbol (not an annex's title);
    `text`: the lines, each after a line end, when the caller has them so.

    Only the paragraphs opening with the title's first words or the symbol are looked at
    (found in `text`, not line by line); the paragraph above one decides whether it is an
    annex's title.
    """
    if not title:
        return lines
    if text is None:
        text = "\n".join(["", *lines])
    result: list[str] = []
    previous = ""  # the text of the last paragraph kept, up to `done`
    done = 0  # lines[:done] are dealt with
    for start in line_starts(text, {title[:12], symbol or title[:12]}):
        if start > 0 and lines[start - 1].strip():
            continue  # not the first line of its paragraph
        end = start
        while end < len(lines) and lines[end].strip():  # a PAGE_BREAK strips to ""
            end += 1
        if end == start or end - start >= 4:
            continue  # a blank line, or a paragraph too long for a header
        text = " ".join(lines[start:end])
        previous = _last_paragraph(lines, done, start) or previous
        if _is_running_title(text, symbol, title, language) and not annex_heading().match(previous):
            result.extend(lines[done:start])
            result.append(PAGE_BREAK)
        else:
            result.extend(lines[done:end])
            previous = text
        done = end
    return result + lines[done:] if done else lines


def _last_paragraph(lines: list[str], begin: int, end: int) -> str | None:
    """The first line of the last paragraph in lines[begin:end], or None when they hold
    none; lines[begin] opens a paragraph or is blank.

    >>> _last_paragraph(["x", "", "Recalling", "it,", "", ""], 0, 6)
    'Recalling'
    >>> _last_paragraph(["x", "", ""], 1, 3) is None
    True
    """
    while end > begin and not lines[end - 1].strip():
        end -= 1
    if end == begin:
        return None
    first = end - 1
    while first > begin and lines[first - 1].strip():
        first -= 1
    return lines[first]


def _is_running_title(text: str, symbol: str | None, title: str, language: str) -> bool:
    if len(text) > len(title) + 2 * len(symbol or "") + 200:
        return False
    if symbol:
        if text.startswith(symbol + " "):
            text = text[len(symbol) + 1 :]
        elif text.endswith(" " + symbol):
            text = text[: -len(symbol) - 1]
    text = " ".join(text.split())
    if text == title:
        return True
    if len(text.split()) < 3:
        return False
    # a title cut at the end of its first line ends with a word such as "of" or "the"
    cut = title.rsplit(" ", 1)[-1].casefold() in layout(language).dangling
    return title.startswith(text) or (cut and text.startswith(title))
