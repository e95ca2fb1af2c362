"""Read an HTML page into paragraphs, following its structure (stdlib `html.parser`).

Headings, paragraphs, list items and table rows become paragraphs; scripts, styles,
navigation, forms and the site's banner and footer (by their roles) are dropped. Items of
an ordered list are numbered as printed ("1.", "(a)"), unless the list hides its markers or
the item prints its own label; an element floated or boxed by its style is a word apart
from the text beside it ("ASSEMBLY<span style='float:right'>WHA76.6"); footnote references
(`<sup>`, `<a href="#fn1">`) become `[^n]` marks and footnote definitions (`id="fn1"`, a
"footnotes" section) `[^n]: text` lines at the end.

>>> print(html_text("<h1>T</h1><p>Whereas it is<sup>1</sup> so,</p><ol><li>Decides</li></ol>"
...                 "<section class='footnotes'><ol><li id='fn1'>A note.</li></ol></section>", "x"))
T
<BLANKLINE>
Whereas it is[^1] so,
<BLANKLINE>
1. Decides
<BLANKLINE>
[^1]: A note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from respub.errors import ParseError

_SKIP = frozenset(
    (
        "script",
        "style",
        "nav",
        "noscript",
        "template",
        "svg",
        "math",
        "button",
        "form",
        "select",
        "textarea",
        "iframe",
        "head",
    )
)
_BLOCKS = frozenset(
    (
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "caption",
        "tr",
        "figcaption",
        "address",
    )
)
_CONTAINERS = frozenset(
    (
        "div",
        "section",
        "article",
        "header",
        "footer",
        "main",
        "aside",
        "body",
        "html",
        "ol",
        "ul",
        "dl",
        "table",
    )
)
_VOID = frozenset(
    (
        "br",
        "hr",
        "img",
        "input",
        "meta",
        "link",
        "area",
        "base",
        "col",
        "embed",
        "source",
        "track",
        "wbr",
    )
)
_NOTE_ID = re.compile(r"^(?:fn|footnote|note|ftn|endnote)[-_:]?(?P<label>[\w*]{1,4})$", re.I)
_NOTE_REF = re.compile(r"^#(?:fn|footnote|note|ftn|endnote)[-_:]?(?P<label>[\w*]{1,4})$", re.I)
_NOTES_CLASS = re.compile(r"footnote|endnote|notes", re.I)
_LABEL = re.compile(r"^\[?\(?(?P<label>\d{1,3}|[a-z*])\)?\]?$")
# the site's own parts, as their roles name them (a <header> or <footer> may hold the text:
# the UDHR pages print the preamble in a <header>)
_SKIP_ROLES = frozenset(("navigation", "banner", "contentinfo", "search"))
# styles that set an element apart from the text beside it, where no space is printed
_SET_APART = re.compile(
    r"\b(?:float|position)\s*:\s*(?:left|right|absolute|fixed)"
    r"|display\s*:\s*(?:block|inline-block|flex|table-cell)",
    re.I,
)
_NO_MARKER = re.compile(r"list-style(?:-type)?\s*:\s*none", re.I)
# an item's own label, which the list's number would repeat: "(1) to act", "a) to act", "2. Decides"
_PRINTED_LABEL = re.compile(r"^(?:\(?(?:\d{1,3}|[a-z]{1,2}|[ivxlc]{1,6})\)|\d{1,3}\.)\s", re.I)


@dataclass(frozen=True)
class HtmlDocument:
    """The paragraphs of an HTML page and what its markup says of it (heading, language)."""

    text: str
    metadata: dict[str, str] = field(default_factory=dict)


def html_text(text: str, label: str) -> str:
    """The page's text: paragraphs separated by blank lines, then `[^n]: text` footnotes."""
    return html_document(text, label).text


def html_document(text: str, label: str) -> HtmlDocument:
    """The page's text and metadata: `heading` (its first `<h1>`, else `<title>`), `language`.

    Raises `ParseError` when the page has no body text.
    """
    reader = _Reader()
    try:
        reader.feed(text)
        reader.close()
    except AssertionError as error:  # how Python's HTMLParser refuses a bad "<![" section
        raise ParseError(label, f"malformed HTML: {' '.join(str(error).split())[:120]}") from None
    paragraphs = [p for p in reader.paragraphs if p]
    if not paragraphs:
        raise ParseError(label, "no body text in the HTML page")
    notes = [f"[^{n}]: {t}" for n, t in reader.notes if t]
    body = "\n\n".join(paragraphs)
    metadata = {
        key: value
        for key, value in (
            ("heading", reader.h1 or reader.title),
            ("language", reader.language.split("-")[0].lower()),
        )
        if value
    }
    return HtmlDocument(body + ("\n\n" + "\n".join(notes) if notes else ""), metadata)


@dataclass
class _List:
    ordered: bool
    kind: str
    next: int


class _Reader(HTMLParser):
    """Collects paragraphs, footnotes, the title and the language while walking the tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.notes: list[tuple[str, str]] = []
        self.title = ""
        self.h1 = ""
        self.language = ""
        self._skip = 0
        self._stack: list[str] = []
        self._buffer: list[str] = []
        self._lists: list[_List] = []
        self._in_title = False
        self._in_h1 = False
        self._note_depth: int | None = None  # depth of the element holding footnotes
        self._note: str | None = None  # label of the footnote being read
        self._mark_depth: int | None = None  # depth of a <sup>/<a> footnote reference
        self._mark_text: list[str] = []
        self._mark_label: str | None = None
        self._new_row = False  # the next cell opens a table row
        self._label = ""  # the number of the list item being read, unless it prints its own
        self._apart: list[int] = []  # depths of the open elements set apart by their style

    # -- tags ------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        if tag in _VOID:
            if tag == "br":
                self._buffer.append(" ")
            return
        self._stack.append(tag)
        if tag == "html" and attributes.get("lang"):
            self.language = attributes["lang"]
        if tag == "title":
            self._in_title = True  # read even inside the skipped <head>
        hidden = "hidden" in attributes or attributes.get("aria-hidden") == "true"
        if self._skip or tag in _SKIP or hidden or attributes.get("role") in _SKIP_ROLES:
            self._skip += 1
            return
        style = attributes.get("style", "")
        if style and _SET_APART.search(style):  # a floated or boxed element: a word apart
            self._buffer.append(" ")
            self._apart.append(len(self._stack))
        if self._is_notes(attributes) and self._note_depth is None:
            self._flush()
            self._note_depth = len(self._stack)
        found = _NOTE_ID.match(attributes.get("id", ""))
        if found and tag in ("li", "p", "div", "aside", "dd"):
            self._flush()
            self._note = found.group("label")
        if tag in ("sup", "a") and self._mark_depth is None and self._note is None:
            ref = _NOTE_REF.match(attributes.get("href", ""))
            if tag == "sup" or ref:
                self._mark_depth = len(self._stack)
                self._mark_text = []
                self._mark_label = ref.group("label") if ref else None
        if tag in ("ol", "ul"):
            self._flush()
            start = attributes.get("start", "1")
            first = int(start) if start.isdigit() else 1
            numbered = tag == "ol" and not _NO_MARKER.search(style)
            self._lists.append(_List(numbered, attributes.get("type", "1"), first))
        elif tag == "li":
            self._flush()
            self._label = "" if _NO_MARKER.search(style) else self._item_label()
        elif tag == "tr":
            self._flush()
            self._new_row = True
        elif tag in ("td", "th"):
            self._buffer.append("" if self._new_row else " | ")
            self._new_row = False
        elif tag in _BLOCKS or tag in _CONTAINERS:
            self._flush()
        if tag == "h1" and not self.h1:
            self._in_h1 = True

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or tag not in self._stack:
            return
        while self._stack:
            open_tag = self._stack.pop()
            self._close(open_tag)
            if open_tag == tag:
                break

    def _close(self, tag: str) -> None:
        depth = len(self._stack) + 1
        if tag == "title":
            self._in_title = False
        if self._skip:
            self._skip -= 1
            return
        if self._mark_depth == depth:
            self._close_mark()
        if self._apart and self._apart[-1] == depth:
            self._apart.pop()
            self._buffer.append(" ")
        if tag in ("ol", "ul") and self._lists:
            self._flush()
            self._lists.pop()
        elif tag in _BLOCKS or tag in _CONTAINERS:
            self._flush()
        if tag == "h1":
            self._in_h1 = False
        if self._note_depth is not None and depth <= self._note_depth:
            self._flush()
            self._note_depth = None

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        if self._skip:
            return
        if self._in_h1:
            self.h1 = _clean(self.h1 + " " + data)
        if self._mark_depth is not None:
            self._mark_text.append(data)
            return
        self._buffer.append(data)

    def close(self) -> None:
        super().close()
        while self._stack:
            self._close(self._stack.pop())
        self._flush()
        self.title = _clean(self.title)

    # -- helpers ---------------------------------------------------------------------

    def _is_notes(self, attributes: dict[str, str]) -> bool:
        role = attributes.get("role", "")
        return bool(
            _NOTES_CLASS.search(attributes.get("class", ""))
            or _NOTES_CLASS.search(attributes.get("id", ""))
            or role in ("doc-endnotes", "doc-footnotes")
        )

    def _close_mark(self) -> None:
        text = _clean("".join(self._mark_text))
        found = _LABEL.match(text)
        label = self._mark_label or (found.group("label") if found else None)
        if label and (found or not text):
            self._buffer.append(f"[^{label}]")
        else:
            self._buffer.append(text)
        self._mark_depth = None
        self._mark_label = None

    def _item_label(self) -> str:
        if not self._lists or not self._lists[-1].ordered:
            return ""
        current = self._lists[-1]
        number = current.next
        current.next += 1
        if current.kind == "a":
            return f"({chr(ord('a') + number - 1)}) " if number <= 26 else f"({number}) "
        if current.kind == "i":
            return f"({_roman(number)}) "
        return f"{number}. "

    def _flush(self) -> None:
        text = _clean("".join(self._buffer))
        self._buffer = []
        if self._label and text:  # an item's number, unless its text opens with its own label
            if not _PRINTED_LABEL.match(text):
                text = self._label + text
            self._label = ""
        if self._note is not None:
            label = self._note
            text = re.sub(r"^\d{1,3}\.\s*", "", text)  # the list's own numbering
            # the note's label printed again at its start ("<sup>1</sup> Document ...")
            text = re.sub(rf"^[\[(]?{re.escape(label)}[\])]?[.:]?\s+", "", text)
            if text:
                self.notes.append((label, text))
                self._note = None
            return
        if not text or re.fullmatch(r"(?:\d{1,3}\.|\([a-z0-9]+\))", text):
            if text:
                self._buffer = [text + " "]
            return
        if self._note_depth is not None:
            found = re.match(r"^(?:\[\^(\w+)\]|(\d{1,3})\.?)\s+(.+)$", text)
            if found:
                self.notes.append((found.group(1) or found.group(2), found.group(3)))
            elif self.notes:
                label, previous = self.notes[-1]
                self.notes[-1] = (label, f"{previous} {text}")
            return
        self.paragraphs.append(text)


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub("[\u00ad\u21a9\ufe0e]", "", text)).strip()


def _roman(number: int) -> str:
    values = ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
    result = ""
    for value, letters in values:
        while number >= value:
            result += letters
            number -= value
    return result
