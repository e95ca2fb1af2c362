"""The VoID statistics of dataset.ttl equal what a scan of the release's data finds."""

from __future__ import annotations

import gzip
from collections import Counter
from typing import IO, cast

from pyoxigraph import Literal, NamedNode, RdfFormat, parse

from respub.publish.release import ReleaseSummary
from respub.publish.statistics import RDF_TYPE, StatisticsCounter

VOID = "http://rdfs.org/ns/void#"
DCAT_DATASET = NamedNode("http://www.w3.org/ns/dcat#Dataset")
TYPE = NamedNode(RDF_TYPE[1:-1])


def description(release: ReleaseSummary) -> dict[tuple[str, str], list[str]]:
    """(subject, predicate) → object values of dataset.ttl."""
    found: dict[tuple[str, str], list[str]] = {}
    for t in parse(path=release.release_dir / "dataset.ttl", format=RdfFormat.TURTLE):
        found.setdefault((t.subject.value, t.predicate.value), []).append(t.object.value)
    return found


def test_void_statistics_equal_a_scan_of_the_dump(release: ReleaseSummary) -> None:
    with gzip.open(release.release_dir / "resolutions.nt.gz", "rb") as gzipped:
        handle = cast(IO[bytes], gzipped)  # GzipFile: no IO[bytes] in typeshed, read by pyoxigraph
        # the dump is each version's triples in turn: a Work's repeat in each of its versions
        triples = list(dict.fromkeys(q.triple for q in parse(handle, format=RdfFormat.N_TRIPLES)))
    classes = Counter(t.object.value for t in triples if t.predicate == TYPE)
    properties = Counter(t.predicate.value for t in triples)
    described = description(release)
    versions = [s for (s, p), o in described.items() if p == VOID + "classPartition"]
    [version] = versions
    figure = {
        p.removeprefix(VOID): int(v[0])
        for (s, p), v in described.items()
        if s == version
        and p.startswith(VOID)
        and p.endswith(
            ("triples", "entities", "distinctSubjects", "distinctObjects", "classes", "properties")
        )
    }
    subjects = {t.subject for t in triples}
    assert figure == {
        "triples": len(triples) == release.triples and len(triples),
        "entities": sum(isinstance(s, NamedNode) for s in subjects),
        "distinctSubjects": len(subjects),
        "distinctObjects": len({t.object for t in triples}),
        "classes": len(classes),
        "properties": len(properties),
    }
    by_class = {
        described[(p, VOID + "class")][0]: int(described[(p, VOID + "entities")][0])
        for p in described[(version, VOID + "classPartition")]
    }
    by_property = {
        described[(p, VOID + "property")][0]: int(described[(p, VOID + "triples")][0])
        for p in described[(version, VOID + "propertyPartition")]
    }
    assert by_class == dict(classes) and by_property == dict(properties)
    assert by_class["https://respub.org/ontology#Resolution"] >= 10


def test_a_work_repeated_in_each_language_is_counted_once() -> None:
    work = "<https://x.org/work>"
    lines = [  # what the dump writer merges: sorted and distinct across documents
        f'{work} <https://x.org/title> "t" .\n',
        f"{work} {RDF_TYPE} <https://x.org/Work> .\n",
        f"<https://x.org/work/en> {RDF_TYPE} <https://x.org/Expression> .\n",
        f"<https://x.org/work/fr> {RDF_TYPE} <https://x.org/Expression> .\n",
    ]
    counter = StatisticsCounter()
    counter.add(sorted(lines[:2]))
    counter.add(sorted(lines[2:]))
    found = counter.result()
    assert (found.triples, found.subjects, found.entities, found.objects) == (4, 3, 3, 3)
    assert dict(found.classes) == {"https://x.org/Work": 1, "https://x.org/Expression": 2}
    assert Literal("t").value == "t"
