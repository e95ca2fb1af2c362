"""Manifests in YAML and CSV, and the errors a bad one raises."""

from __future__ import annotations

from pathlib import Path

import pytest

from respub.sources.manifest import ManifestEntry, read_manifest


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_yaml_list(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "sources.yaml",
        "- url: https://www.interpol.int/res/AG-2023-RES-01.pdf\n"
        "  language: EN\n"
        "  body: INTERPOL\n"
        "  identifier: AG-2023-RES-01\n"
        "- url: data/who/wha77.1.html\n",
    )
    assert read_manifest(path) == (
        ManifestEntry(
            "https://www.interpol.int/res/AG-2023-RES-01.pdf",
            "en",
            "INTERPOL",
            "AG-2023-RES-01",
        ),
        ManifestEntry("data/who/wha77.1.html"),
    )
    assert [entry.is_remote for entry in read_manifest(path)] == [True, False]


def test_yaml_mapping_with_sources(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "sources.yml",
        "sources:\n  - url: http://undocs.org/A/RES/78/1\n    language: fr\n    identifier: 781\n",
    )
    assert read_manifest(path) == (
        ManifestEntry("http://undocs.org/A/RES/78/1", "fr", None, "781"),
    )


def test_csv_with_header(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "sources.csv",
        "URL,language,body,identifier\nhttps://example.org/a.pdf,es,WHO,WHA77.1\n\nlocal/b.md,,,\n",
    )
    assert read_manifest(path) == (
        ManifestEntry("https://example.org/a.pdf", "es", "WHO", "WHA77.1"),
        ManifestEntry("local/b.md"),
    )


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("m.yaml", "- language: en\n", r"m\.yaml: entry 1: missing 'url'"),
        (
            "m.yaml",
            "- url: a.pdf\n- url: b.pdf\n  language: eng\n",
            r"m\.yaml: entry 2: language 'eng' is not a two-letter code",
        ),
        (
            "m.yaml",
            "- url: a.pdf\n  lang: en\n",
            r"m\.yaml: entry 1: unknown field\(s\) \['lang'\]",
        ),
        (
            "m.yaml",
            "- url: a.pdf\n  language: true\n",
            r"m\.yaml: entry 1: language must be text, got True \(quote it in YAML\)",
        ),
        (
            "m.yaml",
            "- url: ftp://example.org/a.pdf\n",
            r"m\.yaml: entry 1: url 'ftp://example.org/a.pdf' is neither",
        ),
        ("m.yaml", "- url: 'https:///a.pdf'\n", r"entry 1: url 'https:///a.pdf' has no host"),
        (
            "m.yaml",
            "- url: a.pdf\n- url: a.pdf\n",
            r"m\.yaml: entry 2: url 'a.pdf' already listed \(entry 1\)",
        ),
        ("m.yaml", "- https://example.org/a.pdf\n", r"m\.yaml: entry 1: expected a mapping"),
        ("m.yaml", "documents: []\n", r"m\.yaml: unknown top-level key\(s\) \['documents'\]"),
        ("m.yaml", "", r"m\.yaml: expected a non-empty list"),
        ("m.yaml", "- url: [unclosed\n", r"m\.yaml: not valid YAML"),
        ("m.csv", "url,language\na.pdf,en,extra\n", r"m\.csv: line 2: expected 2 fields, got 3"),
        ("m.csv", "url,language\na.pdf,en\nb.pdf,english\n", r"m\.csv: line 3: language"),
        ("m.csv", "link,language\na.pdf,en\n", r"m\.csv: line 1: bad header"),
        ("m.csv", "url,language\n", r"m\.csv: no sources listed"),
        ("m.csv", "url\na.pdf\na.pdf\n", r"m\.csv: line 3: url 'a.pdf' already listed \(line 2\)"),
        ("m.json", "[]", r"m\.json: unknown manifest format '\.json'"),
    ],
)
def test_bad_manifest_names_file_place_and_problem(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    path = write(tmp_path, name, text)
    with pytest.raises(ValueError, match=message) as raised:
        read_manifest(path)
    assert str(path) in str(raised.value)


def test_missing_manifest_is_a_value_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="cannot read manifest"):
        read_manifest(tmp_path / "absent.yaml")


def test_yaml_1_1_boolean_words_stay_words(tmp_path: Path) -> None:
    """`language: no` (Norwegian) and `body: ON` are words, not the booleans of YAML 1.1."""
    path = write(tmp_path, "sources.yaml", "- {url: a.txt, language: no, body: ON}\n")
    assert read_manifest(path) == (ManifestEntry("a.txt", "no", "ON"),)
