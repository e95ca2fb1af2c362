"""A `Resolution` as an Akoma Ntoso 3.0 document, following AKN4UN for resolutions.

``<statement name="resolution">`` with ``meta/identification`` (FRBR work, expression and
manifestation, named by the /akn/ convention, with the respub IRIs as aliases), a
``preface`` (``docNumber``, ``docTitle``, ``docProponent``), a ``preamble`` (``formula
name="enactingFormula"``, one ``container`` per preambular clause named by its concept, a
numbered one a ``recital`` with its concept as ``class``), a ``mainBody`` of
``paragraph``/``subparagraph`` (the heading printed above a clause as its ``heading``),
``conclusions`` (``docDate``: the adoption date, else the session's last or first day
referring to a ``TLCEvent`` that says so; footnotes as ``authorialNote``) and
``attachments`` for annexes. Every clause's ``eId`` is its RDF fragment name
(``preamble-3``, ``operative-2-a``); every citation is a ``<ref href>`` to the cited work's
IRI, with the citation's fragment name as ``eId``. The addressees of an operative clause or
sub-paragraph (`respub.knowledge.addressees`) are a ``TLCConcept`` each in
``meta/references`` (``eId`` ``addressee-<id>``, ``href`` the concept's IRI in the addressee
scheme, ``showAs`` its label in the version's language) and the ``refersTo`` of its
``paragraph`` or ``subparagraph``, as ``respub:addressee`` in the RDF.

A footnote whose mark stands in a clause (`FootnoteMark`) is an ``authorialNote`` with its
printed ``marker`` at that place in the clause's ``<p>`` (inside a ``<ref>`` when the mark
stands inside a citation's text); a footnote whose mark stands elsewhere (the title, the
formula, an annex) or was not found is rendered apart, in a ``container name="footnotes"``
of the conclusions, as before.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from lxml import etree

from respub.akn.inline import Note, write_inline
from respub.akn.names import AknNames, body_naming
from respub.akn.slots import Slot, Span, place_citations, slots, subparagraph_parts
from respub.knowledge.addressees import addressee_concepts
from respub.knowledge.profiles import profiles
from respub.model import OperativeClause, Resolution, SubParagraph
from respub.rdf.iri import Iris, body_segment

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
MEDIA_TYPE = "application/akn+xml"
EXTENSION = "akn"  # the Akoma Ntoso naming convention's extension of its XML format
_SOURCE = "#respub"


def _tag(name: str) -> str:
    return f"{{{AKN}}}{name}"


def _add(parent: etree._Element, tag: str, /, **attributes: str) -> etree._Element:
    return etree.SubElement(parent, _tag(tag), attributes)


def to_akn(resolution: Resolution, iris: Iris | None = None) -> bytes:
    """The Akoma Ntoso XML of one language version (UTF-8, indented, deterministic)."""
    return etree.tostring(
        to_element(resolution, iris), xml_declaration=True, encoding="UTF-8", pretty_print=True
    )


def to_element(resolution: Resolution, iris: Iris | None = None) -> etree._Element:
    """The ``akomaNtoso`` element of a resolution (see `to_akn`)."""
    iris = iris or Iris()
    names = AknNames.of(resolution)
    texts = slots(resolution)
    spans, _ = place_citations(resolution, texts)
    writer = _Writer(resolution, iris, names, texts, spans)
    return writer.document()


class _Writer:
    """Renders the slots of one resolution, consuming them in reading order."""

    def __init__(
        self,
        resolution: Resolution,
        iris: Iris,
        names: AknNames,
        texts: Sequence[Slot],
        spans: dict[int, list[Span]],
    ) -> None:
        self.r = resolution
        self.iris = iris
        self.names = names
        self.texts = texts
        self.spans = spans
        self.next = 0
        self.work_iri = iris.work(resolution.identifier)
        self.expression_iri = iris.expression(self.work_iri, resolution.language)
        self.body_id = body_segment(resolution.body)

    def document(self) -> etree._Element:
        root = etree.Element(_tag("akomaNtoso"), nsmap={None: AKN})  # type: ignore[dict-item]
        statement = _add(root, "statement", name="resolution", contains="originalVersion")
        self.meta(statement)
        self.preface(statement)
        self.preamble(statement)
        self.main_body(statement)
        self.conclusions(statement)
        self.attachments(statement)
        if self.next != len(self.texts):
            raise AssertionError(f"{len(self.texts) - self.next} printed texts left unrendered")
        return root

    # -- text -------------------------------------------------------------------------------

    def take(self, role: str) -> tuple[str, list[Span]]:
        """The next slot's text and citation spans; it must have the expected role."""
        slot = self.texts[self.next]
        if slot.role != role:
            raise AssertionError(f"expected a {role} slot, found {slot}")
        spans = self.spans.get(self.next, [])
        self.next += 1
        return slot.text, spans

    def fill(self, element: etree._Element, role: str) -> etree._Element:
        """Write the next slot into `element`: its citations, and the footnotes whose
        marks stand in it (their ``note`` slots follow it) at their marks."""
        marks = self.texts[self.next].marks
        text, spans = self.take(role)
        notes = [Note(mark.offset, self.note_renderer()) for mark in marks]
        write_inline(element, text, _sorted(spans), notes, self.ref)
        return element

    def note_renderer(self) -> Callable[[etree._Element], etree._Element]:
        """Renders the next ``note`` slot as an ``authorialNote`` (taken now, in order)."""
        slot = self.texts[self.next]
        text, spans = self.take("note")
        position = int(slot.part.rpartition("-")[2])
        label = self.r.footnotes[position - 1].label

        def render(parent: etree._Element) -> etree._Element:
            note = _add(parent, "authorialNote", marker=label, placement="bottom",
                        eId=slot.part)  # fmt: skip
            write_inline(_add(note, "p"), text, _sorted(spans), (), self.ref)
            return note

        return render

    def ref(self, parent: etree._Element, span: Span) -> etree._Element:
        return _add(parent, "ref", href=self.iris.work(span.citation.identifier),
                    eId=f"citation-{span.position}")  # fmt: skip

    # -- blocks -----------------------------------------------------------------------------

    def meta(self, statement: etree._Element) -> None:
        meta = _add(statement, "meta")
        identification = _add(meta, "identification", source=_SOURCE)
        self.frbr(identification, "", self.expression_iri)
        references = _add(meta, "references", source=_SOURCE)
        _add(references, "TLCOrganization", eId="respub", href="https://respub.org/",
             showAs="respub")  # fmt: skip
        _add(references, "TLCOrganization", eId=self.body_id, href=self.iris.body(self.r.body),
             showAs=body_naming(self.r.body).name)  # fmt: skip
        _add(references, "TLCRole", eId="author", href="/akn/ontology/role/author",
             showAs="author")  # fmt: skip
        dated = _doc_date(self.r)
        if dated is not None:
            _, event, shown = dated
            _add(references, "TLCEvent", eId=event, href=f"/akn/ontology/event/{event}",
                 showAs=shown)  # fmt: skip
        labels = {c.id: c.labels for c in addressee_concepts()}
        for addressee in _addressees(self.r.operative):
            shown = labels[addressee].get(self.r.language) or labels[addressee]["en"]
            _add(references, "TLCConcept", eId=_addressee_id(addressee),
                 href=self.iris.concept("addressee", addressee), showAs=shown)  # fmt: skip

    def frbr(self, identification: etree._Element, component: str, expression: str) -> None:
        names = self.names
        this = names.component(component or "main")
        date = {"date": names.date.isoformat(), "name": names.date_name}
        work = _add(identification, "FRBRWork")
        _add(work, "FRBRthis", value=f"{names.work}/!{component or 'main'}")
        _add(work, "FRBRuri", value=names.work)
        _add(work, "FRBRalias", name="respub", value=self.work_iri)
        _add(work, "FRBRalias", name="identifier", value=self.r.identifier)
        _add(work, "FRBRdate", **date)
        _add(work, "FRBRauthor", href=f"#{self.body_id}", **{"as": "#author"})
        _add(work, "FRBRcountry", value=names.jurisdiction)
        _add(work, "FRBRname", value="resolution")
        made = _add(identification, "FRBRExpression")
        _add(made, "FRBRthis", value=this)
        _add(made, "FRBRuri", value=names.expression)
        _add(made, "FRBRalias", name="respub", value=expression)
        _add(made, "FRBRdate", **date)
        _add(made, "FRBRauthor", href=f"#{self.body_id}", **{"as": "#author"})
        _add(made, "FRBRlanguage", language=names.language)
        file = _add(identification, "FRBRManifestation")
        _add(file, "FRBRthis", value=f"{this}.{EXTENSION}")
        _add(file, "FRBRuri", value=f"{names.expression}.{EXTENSION}")
        _add(file, "FRBRalias", name="respub",
             value=self.iris.manifestation(self.expression_iri, EXTENSION))  # fmt: skip
        _add(file, "FRBRdate", **date)
        _add(file, "FRBRauthor", href=_SOURCE)
        _add(file, "FRBRformat", value=MEDIA_TYPE)

    def preface(self, statement: etree._Element) -> None:
        preface = _add(statement, "preface")
        self.fill(_add(_add(preface, "p"), "docNumber"), "identifier")
        if self.r.title is not None:
            self.fill(_add(_add(preface, "p"), "docTitle"), "title")
        proponent = _add(_add(preface, "p"), "docProponent", refersTo=f"#{self.body_id}")
        proponent.text = _proponent_name(self.r.body, self.r.language)

    def preamble(self, statement: etree._Element) -> None:
        if self.r.formula is None and not self.r.preamble:
            return
        preamble = _add(statement, "preamble", eId="preamble")
        if self.r.formula is not None:
            formula = _add(preamble, "formula", name="enactingFormula")
            self.fill(_add(formula, "p"), "formula")
        recitals = None  # the `recitals` holding a run of numbered recitals
        for position, clause in enumerate(self.r.preamble, start=1):
            name, part = clause.concept or "recital", f"preamble-{position}"
            if clause.number is None:
                recitals = None
                container = _add(preamble, "container", name=name, eId=part)
            else:  # a `container` has no `num`: a numbered one is a `recital`
                if recitals is None:
                    recitals = _add(preamble, "recitals", eId=f"recitals-{position}")
                container = _add(recitals, "recital", eId=part, **{"class": name})
                self.fill(_add(container, "num"), "num")
            self.fill(_add(container, "p"), "text")

    def main_body(self, statement: etree._Element) -> None:
        body = _add(statement, "mainBody")
        for position, clause in enumerate(self.r.operative, start=1):
            part = f"operative-{position}"
            paragraph = _add(body, "paragraph", eId=part, **_refers(clause.addressees))
            if clause.number is not None:
                self.fill(_add(paragraph, "num"), "num")
            if clause.heading is not None:  # the heading of the part this clause opens
                self.fill(_add(paragraph, "heading"), "heading")
            self.hierarchy(paragraph, part, clause.subparagraphs)
        if not self.r.operative:
            raise ValueError(
                f"{self.r.source.path}: no operative clause, so no Akoma Ntoso mainBody"
            )

    def hierarchy(self, element: etree._Element, part: str, subs: Sequence[SubParagraph]) -> None:
        if not subs:
            self.fill(_add(_add(element, "content"), "p"), "text")
            return
        self.fill(_add(_add(element, "intro"), "p"), "text")
        for sub, sub_part in zip(subs, subparagraph_parts(part, subs), strict=True):
            child = _add(element, "subparagraph", eId=sub_part, **_refers(sub.addressees))
            self.fill(_add(child, "num"), "num")
            self.hierarchy(child, sub_part, sub.subparagraphs)

    def conclusions(self, statement: etree._Element) -> None:
        dated = _doc_date(self.r)
        apart = self.unplaced_notes()
        if dated is None and not apart:
            return
        conclusions = _add(statement, "conclusions")
        if dated is not None:
            day, event, _ = dated
            date = _add(_add(conclusions, "p"), "docDate", date=day, refersTo=f"#{event}")
            date.text = day
        if not apart:
            return
        notes = _add(conclusions, "container", name="footnotes", eId="footnotes")
        for position in apart:
            note = _add(_add(notes, "p"), "authorialNote", placement="bottom",
                        marker=self.r.footnotes[position - 1].label,
                        eId=f"footnote-{position}")  # fmt: skip
            self.fill(_add(note, "p"), "text")

    def unplaced_notes(self) -> list[int]:
        """The positions of the footnotes whose mark stands in no clause, in order."""
        placed = {slot.part for slot in self.texts if slot.role == "note"}
        count = len(self.r.footnotes)
        return [n for n in range(1, count + 1) if f"footnote-{n}" not in placed]

    def attachments(self, statement: etree._Element) -> None:
        if not self.r.annexes:
            return
        attachments = _add(statement, "attachments")
        for position, annex in enumerate(self.r.annexes, start=1):
            part = f"annex-{position}"
            attachment = _add(attachments, "attachment", eId=part)
            doc = _add(attachment, "doc", name="annex")
            meta = _add(doc, "meta")
            identification = _add(meta, "identification", source=_SOURCE)
            self.frbr(identification, f"annex_{position}", self.expression_iri)
            self.fill(_add(_add(_add(doc, "preface"), "p"), "docTitle"), "title")
            body = _add(doc, "mainBody")
            for _ in annex.paragraphs:
                self.fill(_add(body, "p"), "text")
            if not annex.paragraphs:
                _add(body, "p")


def _addressee_id(addressee: str) -> str:
    return f"addressee-{addressee}"


def _refers(addressees: Sequence[str]) -> dict[str, str]:
    """The ``refersTo`` of a clause with addressees (none without)."""
    if not addressees:
        return {}
    return {"refersTo": " ".join(f"#{_addressee_id(a)}" for a in addressees)}


def _addressees(clauses: Sequence[OperativeClause]) -> list[str]:
    """Every addressee of the clauses and their sub-paragraphs, once, sorted."""
    found: set[str] = set()
    pending: list[OperativeClause | SubParagraph] = list(clauses)
    while pending:
        clause = pending.pop()
        found.update(clause.addressees)
        pending.extend(clause.subparagraphs)
    return sorted(found)


def _doc_date(resolution: Resolution) -> tuple[str, str, str] | None:
    """The docDate (ISO day, event id, event label): the adoption date, else the session's
    last or first day, named as such (data/akn.yaml); None when no date is known."""
    if resolution.adopted is not None:
        return resolution.adopted.isoformat(), "adoption", "adoption"
    session = resolution.session
    for day, event, which in (
        (session.end if session else None, "sessionEnd", "last"),
        (session.start if session else None, "sessionStart", "first"),
    ):
        if day is not None:
            shown = f"{which} day of the session (no adoption date printed)"
            return day.isoformat(), event, shown
    return None


def _proponent_name(body: str, language: str) -> str:
    profile = profiles().get(body)
    if profile is not None and language in profile.names:
        return profile.names[language]
    return body_naming(body).name


def _sorted(spans: list[Span]) -> list[Span]:
    return sorted(spans, key=lambda s: (s.start, -s.end))
