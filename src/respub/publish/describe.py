"""The description of a release: VoID + DCAT (`dataset.ttl`) and PROV-O (`provenance.ttl`).

Every node is an IRI below the base (no blank nodes), every value comes from the settings,
the entries and the files, so the same release gives the same bytes.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode, Triple

from respub.publish.checksums import FileInfo
from respub.publish.manifest import Entry
from respub.publish.statistics import Statistics
from respub.publish.terms import DCAT, DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SPDX, VOID, XSD
from respub.publish.terms import PREFIXES as METADATA_PREFIXES
from respub.rdf.mapping import source_extension
from respub.rdf.serialize import PREFIXES as DATA_PREFIXES
from respub.settings import Settings

__all__ = [
    "ReleaseIris",
    "dataset_description",
    "media_type",
    "provenance",
    "resolution_subsets",
]

ONTOLOGY_NAMESPACE = "https://respub.org/ontology#"
# The vocabularies the documents use (void:vocabulary), besides respub's own.
VOCABULARIES = (
    ONTOLOGY_NAMESPACE,
    "http://data.europa.eu/eli/ontology#",
    "http://purl.org/dc/terms/",
    "http://www.w3.org/ns/prov#",
)
_IANA = "https://www.iana.org/assignments/media-types/"
_MEDIA_TYPES = {
    ".ttl": "text/turtle",
    ".jsonld": "application/ld+json",
    ".json": "application/json",
    ".nt": "application/n-triples",
    ".nq": "application/n-quads",
    ".md": "text/markdown",
    ".akn": "application/akn+xml",
    ".zip": "application/zip",
}


@dataclass(frozen=True)
class ReleaseIris:
    """The IRIs minted for a release's metadata, below the base IRI."""

    base: str
    release: str

    @property
    def catalog(self) -> str:
        """The catalogue holding the dataset (what a DCAT-AP portal harvests)."""
        return f"{self.base}catalog"

    @property
    def dataset(self) -> str:
        """The dataset across its versions."""
        return f"{self.base}dataset"

    @property
    def version(self) -> str:
        """This release: a version of the dataset."""
        return f"{self.base}dataset/{self.release}"

    @property
    def activity(self) -> str:
        """The activity that made this release."""
        return f"{self.version}/activity"

    @property
    def validation(self) -> str:
        """The release's validation report."""
        return f"{self.version}/validation"

    def activity_of(self, release: str) -> str:
        """The activity of another release (where a carried-forward version was made)."""
        return f"{self.base}dataset/{release}/activity"

    def partition(self, kind: str, iri: str) -> str:
        """The VoID partition of this release for a class or property (`kind`), named by
        the term's prefixed name (`…/void/class/respub-OperativeClause`)."""
        return f"{self.version}/void/{kind}/{_slug(iri)}"

    def resolutions(self, body: str, year: str) -> str:
        """The VoID subset of this release's resolutions of a body in a year ("" for
        none known): `…/void/resolutions/un-ga/2025`, `…/void/resolutions/un-ga/undated`."""
        name = body.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", name):
            name = _slug(body)
        return f"{self.version}/void/resolutions/{name}/{year or 'undated'}"

    def distribution(self, path: str) -> str:
        """The distribution of a release file."""
        return f"{self.version}/distribution/{path}"

    def download(self, path: str) -> str:
        """Where a release file is downloaded from: `{base}releases/{id}/{path}`."""
        return f"{self.base}releases/{self.release}/{path}"

    def source(self, sha256: str) -> str:
        """A source document, named by the SHA-256 of its bytes."""
        return f"{self.base}source/{sha256}"

    def software(self, version: str) -> str:
        """The software agent, by version."""
        return f"{self.base}software/respub/{version}"


def media_type(path: str) -> tuple[str, str | None]:
    """The media type of a release file and its compression, from its name.

    >>> media_type("resolutions.nq.gz")
    ('application/n-quads', 'application/gzip')
    """
    name = path.rsplit("/", 1)[-1]
    compress = None
    if name.endswith(".gz"):
        name, compress = name[:-3], "application/gzip"
    suffix = "." + name.rsplit(".", 1)[-1] if "." in name else ""
    return _MEDIA_TYPES.get(suffix, "text/plain"), compress


def dataset_description(
    iris: ReleaseIris,
    settings: Settings,
    files: Sequence[FileInfo],
    triples: int,
    dumps: Sequence[str],
    examples: Sequence[str],
    archives: Sequence[str] = (),
    statistics: Statistics | None = None,
) -> list[Triple]:
    """VoID + DCAT (DCAT-AP 3.0.1): a catalogue holding the dataset and this release, a
    version of it, whose distributions are the whole-dataset `dumps` and the `archives`
    (of every document's files), each with its size and SHA-256 from `files`. The other
    files of the release are listed, with their checksums, in `SHA256SUMS`.

    With `statistics` (counted while the dump was written), the version also states its
    distinct subjects and objects, its entities, and a class and a property partition per
    term (`void:entities` of each class, `void:triples` of each property), and a subset
    per body and year of adoption holding its resolutions (`respub:partitionBody`,
    `respub:partitionYear`, `void:entities`), so a consumer counts resolutions or clauses
    without scanning the data (`queries/void-classes.rq`,
    `queries/resolutions-per-body-and-year.rq`)."""
    version = NamedNode(iris.version)
    dataset = NamedNode(iris.dataset)
    publisher = NamedNode(settings.publisher_node)
    licence = NamedNode(settings.licence)
    title = Literal(settings.title, language="en")
    description = Literal(settings.description, language="en")
    catalog = NamedNode(iris.catalog)
    out = [
        Triple(catalog, RDF.type, DCAT.Catalog),
        Triple(catalog, DCTERMS.title, title),
        Triple(catalog, DCTERMS.description, description),
        Triple(catalog, DCTERMS.publisher, publisher),
        Triple(catalog, DCTERMS.license, licence),
        Triple(catalog, DCTERMS.modified, _time(settings)),
        Triple(catalog, DCAT.dataset, dataset),
        Triple(catalog, DCAT.dataset, version),
        Triple(licence, RDF.type, DCTERMS.LicenseDocument),
        Triple(version, RDF.type, DCAT.Dataset),
        Triple(version, RDF.type, VOID.Dataset),
        Triple(version, DCTERMS.title, title),
        Triple(version, DCTERMS.description, description),
        Triple(version, DCTERMS.license, licence),
        Triple(version, DCTERMS.publisher, publisher),
        Triple(version, DCTERMS.modified, _time(settings)),
        Triple(version, DCTERMS.issued, _time(settings)),
        Triple(version, DCTERMS.isVersionOf, NamedNode(iris.dataset)),
        Triple(version, DCAT.version, Literal(iris.release)),
        Triple(version, PROV.wasGeneratedBy, NamedNode(iris.activity)),
        Triple(version, VOID.triples, Literal(str(triples), datatype=XSD.integer)),
        Triple(version, VOID.uriSpace, Literal(settings.base_iri)),
        *(Triple(version, VOID.vocabulary, NamedNode(v)) for v in VOCABULARIES),
        Triple(dataset, RDF.type, DCAT.Dataset),
        Triple(dataset, DCTERMS.title, title),
        Triple(dataset, DCTERMS.description, description),
        Triple(dataset, DCTERMS.publisher, publisher),
        Triple(dataset, DCAT.hasVersion, version),
        Triple(publisher, RDF.type, FOAF.Agent),
        Triple(publisher, FOAF.name, Literal(settings.publisher)),
    ]
    if statistics is not None:
        out += _statistics(iris, version, statistics)
    if settings.sparql_endpoint:
        out.append(Triple(version, VOID.sparqlEndpoint, NamedNode(settings.sparql_endpoint)))
    out += [Triple(version, VOID.exampleResource, NamedNode(e)) for e in examples]
    out += [Triple(version, VOID.dataDump, NamedNode(iris.download(d))) for d in dumps]
    distributed = {*dumps, *archives}
    for info in files:
        if info.path in distributed:
            out += _distribution(iris, version, licence, info)
    return out


def provenance(
    iris: ReleaseIris,
    settings: Settings,
    entries: Iterable[Entry],
    used: Iterable[tuple[str, str, str]],
    previous: str | None,
    software_version: str,
) -> list[Triple]:
    """PROV-O: the release activity, the software, and per expression its source and maker.

    `used` holds every source the run read: `(path or URL, sha256, media type)`. A source
    has one IRI: for a published version, the IRI its data gives its source file
    (`{expression}.pdf`); for a source published in no version, `{base}source/{sha256}`.
    """
    entries = list(entries)
    published = {e.source_sha256: _source_file(e) for e in entries}
    activity = NamedNode(iris.activity)
    version = NamedNode(iris.version)
    software = NamedNode(iris.software(software_version))
    out = [
        Triple(activity, RDF.type, PROV.Activity),
        Triple(activity, RDFS.label, Literal(f"respub release {iris.release}")),
        Triple(activity, PROV.startedAtTime, _time(settings)),
        Triple(activity, PROV.endedAtTime, _time(settings)),
        Triple(activity, PROV.wasAssociatedWith, software),
        Triple(activity, PROV.generated, version),
        Triple(version, PROV.wasGeneratedBy, activity),
        Triple(software, RDF.type, PROV.SoftwareAgent),
        Triple(software, RDFS.label, Literal(f"respub {software_version}")),
        Triple(software, OWL.versionInfo, Literal(software_version)),
    ]
    if previous is not None:
        prior = NamedNode(f"{iris.dataset}/{previous}")
        out += [Triple(version, PROV.wasRevisionOf, prior), Triple(activity, PROV.used, prior)]
    for path, sha256, media in used:
        source = NamedNode(published.get(sha256) or iris.source(sha256))
        out += [Triple(activity, PROV.used, source), *_source(source, path, sha256, media)]
    for entry in entries:
        expression = NamedNode(entry.expression_iri)
        source = NamedNode(_source_file(entry))
        out += [
            Triple(expression, PROV.wasDerivedFrom, source),
            Triple(
                expression, PROV.wasGeneratedBy, NamedNode(iris.activity_of(entry.generated_in))
            ),
            *_source(source, entry.source_path, entry.source_sha256, entry.media_type),
        ]
    return out


def resolution_subsets(
    iris: ReleaseIris, resolutions: Iterable[tuple[str, str, int]]
) -> list[Triple]:
    """A VoID subset of the release per (body IRI, year or "", resolutions): its class
    (respub:Resolution), `respub:partitionBody`, `respub:partitionYear` and the count as
    `void:entities`. Untyped, as the class and property partitions are (`void:subset`
    implies `void:Dataset`): the release stays the one `void:Dataset` it types."""
    version = NamedNode(iris.version)
    out = []
    for body, year, works in resolutions:
        node = NamedNode(iris.resolutions(body, year))
        out += [
            Triple(version, VOID.subset, node),
            Triple(node, VOID["class"], _RESOLUTION),
            Triple(node, _PARTITION_BODY, NamedNode(body)),
            Triple(node, VOID.entities, _integer(works)),
        ]
        if year:
            out.append(Triple(node, _PARTITION_YEAR, Literal(year, datatype=XSD.gYear)))
    return out


def _statistics(iris: ReleaseIris, version: NamedNode, statistics: Statistics) -> list[Triple]:
    """The dataset's VoID figures and its class and property partitions."""
    out = [
        Triple(version, VOID.entities, _integer(statistics.entities)),
        Triple(version, VOID.distinctSubjects, _integer(statistics.subjects)),
        Triple(version, VOID.distinctObjects, _integer(statistics.objects)),
        Triple(version, VOID.classes, _integer(len(statistics.classes))),
        Triple(version, VOID.properties, _integer(len(statistics.properties))),
    ]
    for term, entities in statistics.classes:
        node = NamedNode(iris.partition("class", term))
        out += [
            Triple(version, VOID.classPartition, node),
            Triple(node, VOID["class"], NamedNode(term)),
            Triple(node, VOID.entities, _integer(entities)),
        ]
    out += resolution_subsets(iris, statistics.resolutions)
    for term, triples in statistics.properties:
        node = NamedNode(iris.partition("property", term))
        out += [
            Triple(version, VOID.propertyPartition, node),
            Triple(node, VOID.property, NamedNode(term)),
            Triple(node, VOID.triples, _integer(triples)),
        ]
    return out


_RESOLUTION = NamedNode(f"{ONTOLOGY_NAMESPACE}Resolution")
_PARTITION_BODY = NamedNode(f"{ONTOLOGY_NAMESPACE}partitionBody")
_PARTITION_YEAR = NamedNode(f"{ONTOLOGY_NAMESPACE}partitionYear")
_NAMESPACES = sorted({**METADATA_PREFIXES, **DATA_PREFIXES}.items(), key=lambda item: -len(item[1]))


def _slug(iri: str) -> str:
    """A term's prefixed name as a path segment, or a hash of an IRI of no known prefix.

    >>> _slug("https://respub.org/ontology#OperativeClause")
    'respub-OperativeClause'
    >>> _slug("https://example.org/other#Thing")
    'term-b5177f7ab524'
    """
    for prefix, namespace in _NAMESPACES:
        local = iri.removeprefix(namespace)
        if local != iri and re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", local):
            return f"{prefix}-{local}"
    return "term-" + hashlib.sha256(iri.encode()).hexdigest()[:12]


def _integer(value: int) -> Literal:
    return Literal(str(value), datatype=XSD.integer)


def _distribution(
    iris: ReleaseIris, version: NamedNode, licence: NamedNode, info: FileInfo
) -> list[Triple]:
    node = NamedNode(iris.distribution(info.path))
    checksum = NamedNode(f"{iris.distribution(info.path)}#sha256")
    media, compress = media_type(info.path)
    download = NamedNode(iris.download(info.path))
    media_node = NamedNode(_IANA + media)
    out = [
        Triple(version, DCAT.distribution, node),
        Triple(node, RDF.type, DCAT.Distribution),
        Triple(node, DCTERMS.title, Literal(info.path)),
        Triple(node, DCAT.accessURL, download),  # DCAT-AP: a download's access URL is itself
        Triple(node, DCAT.downloadURL, download),
        Triple(node, DCAT.mediaType, media_node),
        Triple(media_node, RDF.type, DCTERMS.MediaType),
        Triple(node, DCAT.byteSize, Literal(str(info.size), datatype=XSD.nonNegativeInteger)),
        Triple(node, DCTERMS.license, licence),
        Triple(node, SPDX.checksum, checksum),
        Triple(checksum, RDF.type, SPDX.Checksum),
        Triple(checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256),
        Triple(checksum, SPDX.checksumValue, Literal(info.sha256, datatype=XSD.hexBinary)),
    ]
    if compress is not None:
        packaged = NamedNode(_IANA + compress)
        out += [
            Triple(node, DCAT.compressFormat, packaged),
            Triple(packaged, RDF.type, DCTERMS.MediaType),
        ]
    return out


def _source(source: NamedNode, path: str, sha256: str, media: str) -> list[Triple]:
    checksum = NamedNode(f"{source.value}#sha256")
    where: NamedNode | Literal = (
        NamedNode(path) if path.startswith(("http://", "https://")) else Literal(path)
    )
    return [
        Triple(source, RDF.type, PROV.Entity),
        Triple(source, DCTERMS.source, where),
        Triple(source, DCAT.mediaType, NamedNode(_IANA + media)),
        Triple(source, SPDX.checksum, checksum),
        Triple(checksum, RDF.type, SPDX.Checksum),
        Triple(checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256),
        Triple(checksum, SPDX.checksumValue, Literal(sha256, datatype=XSD.hexBinary)),
    ]


def _source_file(entry: Entry) -> str:
    """The IRI the data gives an entry's source file (`respub.rdf.mapping`)."""
    extension = source_extension(entry.media_type, entry.source_path)
    return f"{entry.expression_iri}.{extension}"


def _time(settings: Settings) -> Literal:
    if settings.release_time is None:
        raise ValueError("the release time is not pinned")
    return Literal(settings.release_time.strftime("%Y-%m-%dT%H:%M:%SZ"), datatype=XSD.dateTime)
