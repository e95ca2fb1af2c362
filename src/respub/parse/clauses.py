"""Segment the body of a resolution into preambular and operative clauses."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from respub.knowledge.addressees import operative_clause
from respub.knowledge.layout import MARKS
from respub.knowledge.lexicon import Lexicon, Opener
from respub.model import OperativeClause, PreambularClause, SubParagraph
from respub.parse.anchors import Own
from respub.parse.blocks import Block

_ROMAN = re.compile(r"^[ivxlc]+$")
_COMMA = re.compile(r", (?=[^\W\d_])")


@dataclass(slots=True)
class _Draft:
    operative: bool
    opener: Opener
    text: str
    number: int | None = None
    items: list[tuple[str, str]] = field(default_factory=list)
    heading: str | None = None  # printed above it (`OperativeClause.heading`)

    @property
    def last(self) -> str:
        """The text written last: of the last item, or of the clause."""
        return self.items[-1][1] if self.items else self.text

    def append(self, text: str) -> None:
        if self.items:
            label, previous = self.items[-1]
            self.items[-1] = (label, f"{previous} {text}")
        else:
            self.text = f"{self.text} {text}"


_CAPITALS = re.compile(r"^[^\W\d_a-z]{4,}(?:\s|,|$)")  # RECOGNIZING, URGES, HACE


def clause_style(blocks: list[Block]) -> str:
    """The clause style of a body nobody described, from the document itself: numbered
    paragraphs -> "sentence"; unnumbered paragraphs opened by capitals -> "capitals"."""
    if any(MARKS.numbered_text.match(b.text) for b in blocks):
        return "sentence"
    capitals = sum(1 for b in blocks if _CAPITALS.match(b.text) and not b.text.isupper())
    return "capitals" if capitals >= 2 else "sentence"


def segment(
    blocks: list[Block], lexicon: Lexicon, style: str, own: Own | None = None
) -> tuple[tuple[PreambularClause, ...], tuple[OperativeClause, ...]]:
    """Clauses of the body blocks, by the body's clause style ("capitals" or "sentence");
    the operative clauses with their addressees (`operative_clause`); each clause and
    sub-paragraph with the footnote marks `own` gives its text (`anchors.marks_owner`)."""
    drafts: list[_Draft] = []
    numbers = [MARKS.numbered_text.match(b.text) for b in blocks]  # each block's, read once
    numbered = any(numbers)
    seen_operative = False  # whether any draft is operative
    last: int | None = None  # the number of the last numbered draft
    heading: list[str] = []  # the heading lines above the next operative clause
    for index, (block, numeral) in enumerate(zip(blocks, numbers, strict=True)):
        text = block.text
        labelled = MARKS.labelled.match(text)
        if labelled and _lettered_recital(labelled.group("text"), drafts, seen_operative, lexicon):
            text, labelled = labelled.group("text"), None  # "(a) Recalling ...": a recital
            numeral = MARKS.numbered_text.match(text)
        if labelled and drafts:
            label = labelled.group("label") or labelled.group("bare")
            drafts[-1].items.append((label, labelled.group("text")))
            continue
        numbering = _numbering(text, numeral, last, lexicon) if style == "sentence" else None
        if numbering:
            number, body = numbering
            if drafts and _chapeau_open(drafts[-1]) and not lexicon.match_opener(body, "operative"):
                drafts[-1].items.append((str(number), body))  # "RESOLVES:" / "1. To reaffirm"
                last = number
                continue
            recital = None if seen_operative else _numbered_recital(body, lexicon)
            if recital is not None:  # "1. Recalling ...": numbered with the operative part
                drafts.append(_Draft(False, recital, body, number))
                last = number
                continue
            opener = _opener(body, lexicon, "operative", style)
            drafts.append(_Draft(True, opener, body, number, heading=_heading(heading)))
            seen_operative, last = True, number
            continue
        if style == "sentence" and drafts and drafts[-1].number and numeral:
            drafts[-1].append(text)  # a numbered paragraph out of sequence: quoted text
            continue
        if style == "sentence" and drafts and _continues(drafts[-1], text, lexicon):
            drafts[-1].append(text)
            continue
        if style == "sentence" and drafts and _is_heading(drafts[-1], text, lexicon):
            heading.append(text)  # "II. Implementation" between numbered paragraphs
            continue
        if (
            numbered
            and not seen_operative
            and index + 1 < len(numbers)
            and _first_number(numbers[index + 1])
            and _opens_operative_part(drafts, text, lexicon)
        ):
            heading.append(text)  # "Asset freeze" above paragraph 1: a heading, no recital
            continue
        if style == "sentence" and numbered and not seen_operative:
            chapeau = _chapeau(text, lexicon)
            if chapeau is not None:  # "RESOLVES:" over numbered items: the operative part
                drafts.append(_Draft(True, chapeau, text, heading=_heading(heading)))
                seen_operative = True
                continue
        draft = _lost_number(drafts, text, lexicon) if style == "sentence" and numbered else None
        draft = draft or _classify(text, lexicon, style, drafts, numbered, seen_operative)
        if draft is None:
            if drafts:
                drafts[-1].append(text)
            continue
        if draft.operative:
            draft.heading = _heading(heading)
        drafts.append(draft)
        seen_operative = seen_operative or draft.operative
        last = last if draft.number is None else draft.number
    # each clause built with its marks (`anchors.marks_owner`), asked in reading order: the
    # preamble's, then each operative clause's before its sub-paragraphs'
    preamble = []
    for d in drafts:
        if not d.operative:
            text = _with_items(d) if d.items else d.text
            marks = own(text) if own else ()
            opener = d.opener
            preamble.append(PreambularClause(opener.keyword, text, opener.concept, marks, d.number))
    operative = []
    for d in drafts:
        if d.operative:
            marks = own(d.text) if own else ()
            operative.append(
                operative_clause(
                    d.opener.keyword,
                    d.text,
                    lexicon.language,
                    number=d.number,
                    concept=d.opener.concept,
                    subparagraphs=nest(d.items, own) if d.items else (),
                    marks=marks,
                    heading=d.heading,
                )
            )
    return tuple(preamble), tuple(operative)


def _heading(lines: list[str]) -> str | None:
    """The heading lines gathered above a clause, as one text; `lines` is emptied."""
    if not lines:
        return None
    text = " ".join(lines)
    lines.clear()
    return text


def _classify(
    text: str,
    lexicon: Lexicon,
    style: str,
    drafts: list[_Draft],
    numbered: bool,
    seen_operative: bool,
) -> _Draft | None:
    """A new clause opened by `text`, or None when `text` continues the previous one;
    `seen_operative`: whether any of `drafts` is operative."""
    if style == "sentence" and numbered and not seen_operative:
        # before the first numbered paragraph a paragraph is a recital (`_is_operative`):
        # no operative verb is looked for
        pre, op = lexicon.match_opener(text, "preambular"), None
    elif style == "sentence" and numbered:
        op = lexicon.match_opener(text, "operative")
        if not (op and op.keyword.isupper() and len(op.keyword) > 3):
            # numbered operative part: an unnumbered paragraph continues the clause above
            return None
        pre = lexicon.match_opener(text, "preambular")
    else:
        pre, op = lexicon.match_openers(text)
    capitals = _capitals(text) if style == "capitals" else None
    if style == "capitals" and capitals is None and pre is None and op is None:
        return None
    if (
        style == "sentence"
        and not numbered
        and seen_operative
        and not (op and (op.keyword.isupper() or (pre is None and _terminated(drafts[-1].last))))
    ):
        return None
    operative = _is_operative(text, pre, op, capitals, style, seen_operative, numbered)
    opener = op if operative else pre
    if capitals is not None:
        concept = opener.concept if opener and fold_eq(opener.keyword, capitals) else None
        if concept is None and opener is not None and capitals.startswith(opener.keyword):
            concept = opener.concept
        opener = Opener(capitals, concept)
    if opener is None:
        if style == "sentence" and text[:1].isupper():
            opener = Opener(_fallback_keyword(text, lexicon), None)
        else:
            return None
    return _Draft(operative, opener, text)


def fold_eq(a: str, b: str) -> bool:
    """Equal ignoring case."""
    return a.casefold() == b.casefold()


def _is_operative(
    text: str,
    pre: Opener | None,
    op: Opener | None,
    capitals: str | None,
    style: str,
    seen_operative: bool,
    numbered: bool,
) -> bool:
    if style == "sentence":
        if op is None or (numbered and not seen_operative):
            return False
        # an unnumbered operative paragraph: a verb in capitals (WHA), or a sentence-case
        # verb closing with "." or ";" ("The General Assembly / Adopts the ... ."), or with
        # ":" before the text it adopts ("Adopts the following declaration ...:")
        return op.keyword.split()[0].isupper() or (pre is None and _terminated(text, ".;:"))
    if op and pre:
        longer = len(op.keyword) - len(pre.keyword)
        return longer > 0 or (longer == 0 and seen_operative)
    if op:
        return True
    if pre:
        return False
    return seen_operative or text.rstrip().endswith((";", "."))


def _capitals(text: str) -> str | None:
    """The run of words in capitals that opens `text` ("HACE UN LLAMAMIENTO")."""
    words = []
    longest = 0  # the most letters of a word of the run
    rest = text.split(None, 1)  # the next word and the text after it: `str.split` splits
    while rest:  # where `\S+` ends, much faster than a regex call a word
        word = rest[0]
        letters = word if word.isalpha() else "".join(filter(str.isalpha, word))
        if not letters.isupper():  # nor when it has no letter
            break
        words.append(word)
        longest = max(longest, len(letters))
        rest = rest[1].split(None, 1) if len(rest) > 1 else []
    return " ".join(words).rstrip(",:;") if longest >= 2 else None


def _opener(text: str, lexicon: Lexicon, category: str, style: str) -> Opener:
    found = lexicon.match_opener(text, category) or _embedded_opener(text, lexicon, category)
    if found:
        return found
    return Opener(_fallback_keyword(text, lexicon), None)


def _embedded_opener(text: str, lexicon: Lexicon, category: str) -> Opener | None:
    """The verb after an opening phrase: "Pending the ... weapons, urges those States"."""
    for comma in _COMMA.finditer(text, 0, min(len(text), 300)):
        found = lexicon.match_opener(text[comma.end() :], category)
        if found:
            return found
    return None


def _terminated(text: str, marks: str = ".;:,!?") -> bool:
    """Whether `text` ends with one of `marks` (closing quotes and brackets aside)."""
    end = text.rstrip('”’")] ')[-1:]
    return end != "" and end in marks


def _continues(draft: _Draft, text: str, lexicon: Lexicon) -> bool:
    """A paragraph split by a page break: the clause above has no closing punctuation and
    `text` does not open a clause ("... the Olympic and Paralympic Winter" / "Games, as")."""
    if _terminated(draft.last):
        return False
    if text[:1].islower():
        return True
    return not any(lexicon.match_openers(text))


def _is_heading(draft: _Draft, text: str, lexicon: Lexicon) -> bool:
    """A section heading between clauses: after a finished clause, a short line without
    closing punctuation that opens no clause ("II", "B. Follow-up", "Follow-up")."""
    if not draft.operative or not _terminated(draft.last, ".;"):
        return False
    return (text[:1].isupper() or text[:1].isdigit()) and _heading_text(text, lexicon, 150)


def _first_number(numeral: re.Match[str] | None) -> bool:
    return numeral is not None and numeral.group("number") == "1"


def _opens_operative_part(drafts: list[_Draft], text: str, lexicon: Lexicon) -> bool:
    """A heading over the first operative paragraph, after the last recital (closed by
    "," or ";"): a few words in no sentence, opening no clause ("Asset freeze", "Measures")."""
    if not drafts or not _terminated(drafts[-1].last, ",;:"):
        return False
    return text[:1].isupper() and len(text.split()) <= 6 and _heading_text(text, lexicon, 60)


def _heading_text(text: str, lexicon: Lexicon, longest: int) -> bool:
    """Whether `text` may be a heading: up to `longest` characters, no closing punctuation,
    opening no clause."""
    return len(text) <= longest and not _terminated(text) and not any(lexicon.match_openers(text))


def _lost_number(drafts: list[_Draft], text: str, lexicon: Lexicon) -> _Draft | None:
    """An operative paragraph whose number the extraction lost: after a numbered clause
    closed by ";" or ".", a sentence-case operative verb that is no participle opens the
    next number ("1. Endorses ...;" / "Expresses its profound gratitude ... .")."""
    last = drafts[-1] if drafts else None
    if last is None or not last.operative or last.number is None:
        return None
    if not _terminated(last.last, ".;"):
        return None
    op = lexicon.match_opener(text, "operative")
    if op is None or not op.keyword[:1].isupper() or op.keyword.isupper():
        return None
    if lexicon.match_opener(text, "preambular") or not _terminated(text, ".;:"):
        return None
    return _Draft(True, op, text, last.number + 1)


def _chapeau(text: str, lexicon: Lexicon) -> Opener | None:
    """The verb of an unnumbered paragraph that is only an operative verb and a colon
    ("RESOLVES:", "RESUELVE:", "Decides:"), standing over numbered items (OAS, PAHO)."""
    if not text.endswith(":") or len(text) > 40:
        return None
    op = lexicon.match_opener(text, "operative")
    if op is None or text[len(op.keyword) :].strip(" :"):
        return None
    return op


def _chapeau_open(draft: _Draft) -> bool:
    """Whether `draft` is a chapeau (`_chapeau`) taking the numbered items that follow."""
    return draft.operative and draft.number is None and draft.text.endswith(":")


def _numbered_recital(text: str, lexicon: Lexicon) -> Opener | None:
    """The opener of a numbered paragraph that is a recital: opened by a preambular phrase
    longer than any operative one ("Recalling", "Having examined"; not "Requests")."""
    pre = lexicon.match_opener(text, "preambular")
    if pre is None:
        return None
    op = lexicon.match_opener(text, "operative")
    return pre if op is None or len(pre.keyword) > len(op.keyword) else None


def _lettered_recital(
    text: str, drafts: list[_Draft], seen_operative: bool, lexicon: Lexicon
) -> bool:
    """A recital printed with a letter ("(a) Recalling ...", IAEA): before any operative
    clause (`seen_operative`: any of `drafts` is), after a finished recital, opened by a
    preambular phrase."""
    if seen_operative or (drafts and not _terminated(drafts[-1].last)):
        return False
    return lexicon.match_opener(text, "preambular") is not None


def _numbering(
    text: str, found: re.Match[str] | None, last: int | None, lexicon: Lexicon
) -> tuple[int, str] | None:
    """(number, text) when `text` opens the next numbered operative paragraph; `found` is
    `MARKS.numbered_text` matched at its start, `last` the number of the last numbered
    paragraph, if any.

    Numbering is read as a sequence: the next number always opens a paragraph; any other
    number does only when an operative verb follows (a number lost, or a part starting
    again at 1); else it is numbered text quoted inside the clause above. A
    number OCR misread ("i.", "17,") counts only where the sequence expects it.
    """
    expected = 1 if last is None else last + 1
    if found is None:
        misread = MARKS.misread_number.match(text)
        if misread is None:
            return None
        digits = misread.group("number").replace("i", "1").replace("l", "1")
        if int(digits) != expected or not misread.group("text")[:1].isupper():
            return None
        return expected, misread.group("text")
    number, body = int(found.group("number")), found.group("text")
    if last is None or number == expected:
        return number, body
    if number == last:
        return None
    verb = lexicon.match_opener(body, "operative") or _embedded_opener(body, lexicon, "operative")
    return (number, body) if verb else None


def _fallback_keyword(text: str, lexicon: Lexicon) -> str:
    """The first word, with the modifiers that follow it ("Deplores also")."""
    first = text.split(" ", 1)[0].rstrip(",:;")
    extended = lexicon._extend_with_modifiers(text.casefold(), len(first))
    return text[:extended].rstrip(",:;")


def _with_items(draft: _Draft) -> str:
    return " ".join([draft.text, *(f"({label}) {text}" for label, text in draft.items)])


def _kind(label: str, previous: str | None) -> str:
    if label.isdigit():
        return "number"
    if _ROMAN.match(label) and not (
        previous and len(previous) == 1 and len(label) == 1 and ord(label) == ord(previous) + 1
    ):
        return "roman"
    return "letter"


def nest(items: list[tuple[str, str]], own: Own | None = None) -> tuple[SubParagraph, ...]:
    """Nest labelled items by label kind: the first kind met is level 1, then deeper;
    each with the marks `own` gives its text, asked depth first (`anchors.marks_owner`).

    >>> [s.label for s in nest([("a", "x"), ("i", "y"), ("ii", "z"), ("b", "w")])]
    ['a', 'b']
    """
    levels: list[str] = []
    last_letter: str | None = None
    placed: list[tuple[int, str, str]] = []
    for label, text in items:
        kind = _kind(label, last_letter)
        if kind == "letter":
            last_letter = label
        if kind in levels:
            del levels[levels.index(kind) + 1 :]
        else:
            levels.append(kind)
        placed.append((len(levels) - 1, label, text))
    return _tree(placed, 0, own)[0]


def _tree(
    placed: list[tuple[int, str, str]], depth: int, own: Own | None
) -> tuple[tuple[SubParagraph, ...], int]:
    result: list[SubParagraph] = []
    index = 0
    while index < len(placed):
        level, label, text = placed[index]
        if level < depth:
            break
        marks = own(text) if own else ()  # a sub-paragraph's marks before its children's
        children, used = _tree(placed[index + 1 :], depth + 1, own)
        result.append(SubParagraph(label, text, children, marks))
        index += 1 + used
    return tuple(result), index
