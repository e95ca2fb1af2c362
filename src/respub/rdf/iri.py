"""Every IRI respub publishes, built by one value object from canonical identifiers.

A work's IRI is derived from its canonical identifier alone, so a citation and the
cited resolution meet at the same IRI. Recognised identifier styles map to
``resolution/{body}/{key}/{number}`` (the table of `data/identifiers.yaml` says which
key, session or year, each body uses); anything else (treaties, articles,
documents) to ``document/{slug}``.

>>> iris = Iris()
>>> iris.work("GA-2021-89-RES-09")
'https://data.respub.org/resolution/interpol-ga/2021/9'
>>> iris.work("GA-2021-89-RES-09") == iris.work("AG-2021-RES-09") == iris.work("AGN/89/RES/9")
True
>>> iris.work("AGN/65/RES/9")
'https://data.respub.org/resolution/interpol-ga/1996/9'
>>> iris.work("A/RES/2625(XXV)")
'https://data.respub.org/resolution/un-ga/25/2625'
>>> expression = iris.expression(iris.work("WHA62.1"), "es")
>>> expression
'https://data.respub.org/resolution/who-wha/62/1/es'
>>> iris.part(expression, "operative", 2, "(a)")
'https://data.respub.org/resolution/who-wha/62/1/es#operative-2-a'
>>> iris.manifestation(expression, "ttl")
'https://data.respub.org/resolution/who-wha/62/1/es.ttl'
>>> iris.work("Charter of the United Nations")
'https://data.respub.org/document/charter-of-the-united-nations'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote

from respub.knowledge.identifiers import identify
from respub.knowledge.profiles import profiles

DEFAULT_BASE = "https://data.respub.org/"

# The EU languages authority table, the range of eli:language.
EU_LANGUAGES = "http://publications.europa.eu/resource/authority/language/"
_EU_LANGUAGE_CODES = {"ar": "ARA", "en": "ENG", "es": "SPA", "fr": "FRA"}

_SEGMENT = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_LANGUAGE = re.compile(r"[a-z]{2,3}")
_EXTENSION = re.compile(r"[a-z0-9]{1,8}")
_CLAUSE_REF = re.compile(r"(preamble|operative|footnote|annex)-(\d+)((?:-[a-z0-9]+)*)")
_BASE = re.compile(r"https?://[^\s/?#]+/(?:[^\s?#]*/)?")


@dataclass(frozen=True)
class WorkIri:
    """The path of a work below the base IRI, derived from its identifier alone.

    >>> WorkIri.parse("A/RES/ES-11/1").path
    'resolution/un-ga/es-11/1'
    >>> WorkIri.parse("S/RES/2623(2022)").path
    'resolution/un-sc/2022/2623'
    >>> WorkIri.parse("Convention on the Rights of the Child")
    Traceback (most recent call last):
    ...
    ValueError: not a resolution or decision identifier: 'Convention on the Rights of the Child'
    """

    kind: str
    body: str | None
    period: str | None
    number: str

    @classmethod
    def parse(cls, identifier: str) -> WorkIri:
        """The path of a resolution or decision identifier; `ValueError` for any other."""
        found = identify(identifier)
        if found is None:
            raise ValueError(f"not a resolution or decision identifier: {identifier!r}")
        number = f"{found.number}{found.suffix.lower()}"
        return cls(kind=found.kind, body=found.body, period=found.key or None, number=number)

    @classmethod
    def of(cls, identifier: str) -> WorkIri:
        """The path of any identifier: a recognised style, else ``document/{slug}``."""
        try:
            return cls.parse(identifier)
        except ValueError:
            return cls(kind="document", body=None, period=None, number=slug(identifier))

    @property
    def path(self) -> str:
        """``resolution/un-ga/80/4``, ``decision/un-ga/77/512`` or ``document/{slug}``."""
        parts = [self.kind, self.body, self.period, self.number]
        return "/".join(p for p in parts if p is not None)


def slug(text: str) -> str:
    """A safe, readable path segment for any non-empty string.

    Accents are dropped, case folded, other runs of punctuation become ``-``;
    letters outside ASCII are kept and percent-encoded.

    >>> slug("Pacte international relatif aux droits civils et politiques, art. 19")
    'pacte-international-relatif-aux-droits-civils-et-politiques-art-19'
    >>> slug("ميثاق الأمم المتحدة")[:24]
    '%D9%85%D9%8A%D8%AB%D8%A7'
    """
    if not text.strip():
        raise ValueError("cannot make an IRI segment of an empty string")
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    words = re.sub(r"[\W_]+", "-", kept).strip("-")
    if not words:
        return "h-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return quote(unicodedata.normalize("NFC", words), safe="-")


def label_segment(label: str) -> str:
    """A sub-paragraph or footnote mark as an IRI segment: ``(a)`` -> ``a``, ``iv.`` -> ``iv``."""
    return slug(label.strip().strip("().[]").strip() or label)


def language_authority(language: str) -> str:
    """The EU authority-table concept of a language code (the range of ``eli:language``).

    >>> language_authority("es")
    'http://publications.europa.eu/resource/authority/language/SPA'
    """
    try:
        return EU_LANGUAGES + _EU_LANGUAGE_CODES[language]
    except KeyError:
        known = ", ".join(sorted(_EU_LANGUAGE_CODES))
        raise ValueError(
            f"no EU authority code for language {language!r} (known: {known})"
        ) from None


@dataclass(frozen=True)
class Iris:
    """Builds every IRI below a configurable base; same input, same IRI.

    >>> Iris("https://example.org/data/").body("UN-GA")
    'https://example.org/data/body/un-ga'
    >>> Iris("example.org")
    Traceback (most recent call last):
    ...
    ValueError: base IRI must be an absolute http(s) IRI ending in '/': 'example.org'
    """

    base: str = DEFAULT_BASE

    def __post_init__(self) -> None:
        if not _BASE.fullmatch(self.base):
            raise ValueError(
                f"base IRI must be an absolute http(s) IRI ending in '/': {self.base!r}"
            )

    def work(self, identifier: str) -> str:
        """The IRI of the work a canonical identifier names (a resolution, or any cited work)."""
        return self.base + WorkIri.of(identifier).path

    def expression(self, work: str, language: str) -> str:
        """The IRI of a work's version in a language: ``{work}/{lang}``."""
        self._check_work(work)
        if not _LANGUAGE.fullmatch(language):
            raise ValueError(f"not a two- or three-letter language code: {language!r}")
        return f"{work}/{language}"

    def manifestation(self, expression: str, extension: str) -> str:
        """The IRI of a file of an expression: ``{expression}.{extension}`` (ttl, jsonld, pdf)."""
        if "#" in expression or not _EXTENSION.fullmatch(extension):
            raise ValueError(f"bad manifestation {expression!r}.{extension!r}")
        return f"{expression}.{extension}"

    def part(self, expression: str, *steps: str | int) -> str:
        """The IRI of a component: ``{expression}#operative-2-a``; labels are slugged.

        >>> Iris().part("https://data.respub.org/resolution/un-ga/80/4/en", "citation", 5)
        'https://data.respub.org/resolution/un-ga/80/4/en#citation-5'
        """
        if not steps or "#" in expression:
            raise ValueError(f"bad component of {expression!r}: {steps!r}")
        segments = [str(s) if isinstance(s, int) else label_segment(s) for s in steps]
        if any(isinstance(s, int) and s < 1 for s in steps):
            raise ValueError(f"component positions count from 1: {steps!r}")
        return f"{expression}#{'-'.join(segments)}"

    def clause_ref(self, expression: str, clause: str) -> str:
        """The IRI named by a citation's `clause` ("preamble-3", "footnote-1", "title").

        >>> Iris().clause_ref("https://data.respub.org/resolution/un-ga/80/4/en", "operative-2")
        'https://data.respub.org/resolution/un-ga/80/4/en#operative-2'
        """
        if clause == "title":
            return expression
        found = _CLAUSE_REF.fullmatch(clause)
        if not found or int(found.group(2)) < 1:
            raise ValueError(f"not a clause reference: {clause!r}")
        return f"{expression}#{clause}"

    def body(self, code: str) -> str:
        """The IRI of a deliberative body from its code: ``body/interpol-ga``."""
        return f"{self.base}body/{body_segment(code)}"

    def session(self, code: str, key: str) -> str:
        """The IRI of a session of a body: ``session/interpol-ga/89``."""
        if not _SEGMENT.fullmatch(key):
            raise ValueError(f"not a session key: {key!r}")
        return f"{self.base}session/{body_segment(code)}/{key}"

    def scheme(self, name: str) -> str:
        """The IRI of a concept scheme: ``concept/operative``, ``concept/status``."""
        if not _SEGMENT.fullmatch(name):
            raise ValueError(f"not a concept scheme name: {name!r}")
        return f"{self.base}concept/{name}"

    def concept(self, scheme: str, concept: str) -> str:
        """The IRI of a concept: ``concept/operative/urges``, ``concept/status/adopted``."""
        if not _SEGMENT.fullmatch(concept):
            raise ValueError(f"not a concept id: {concept!r}")
        return f"{self.scheme(scheme)}/{concept}"

    def _check_work(self, work: str) -> None:
        if not work.startswith(self.base) or "#" in work:
            raise ValueError(f"not a work IRI below {self.base}: {work!r}")


def body_segment(code: str) -> str:
    """The IRI segment of a body: its profile's, else its code in lower case.

    >>> body_segment("WHO-WHA"), body_segment("UN-SC")
    ('who-wha', 'un-sc')
    """
    profile = profiles().get(code)
    if profile is not None:
        return profile.iri_segment
    segment = code.strip().lower()
    if not _SEGMENT.fullmatch(segment):
        raise ValueError(f"not a body code: {code!r}")
    return segment
