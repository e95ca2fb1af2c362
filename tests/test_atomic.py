"""Kept JSON files read back (`read_kept`): what is there and of this version is decoded;
anything else is a miss, said in one log line naming the file, never an exception. Kept
pickles (`read_kept_pickle`): read back, or a miss."""

from __future__ import annotations

import logging
import pickle
from pathlib import Path
from typing import Any

import pytest

from respub.atomic import KeptDict, keep, read_kept, read_kept_pickle


def _numbers(data: dict[str, Any]) -> list[int]:
    return [int(n) for n in data["numbers"]]


def test_a_kept_file_of_this_version_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "kept" / "numbers.json"
    assert keep(path, b'{"format": 2, "numbers": ["1", 2]}', "numbers")
    assert read_kept(path, "numbers", _numbers, format=2) == [1, 2]
    assert read_kept(path, "numbers", _numbers) == [1, 2]  # no stamp asked: none checked


def test_a_missing_file_is_a_silent_miss(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="respub"):
        assert read_kept(tmp_path / "absent.json", "numbers", _numbers, format=2) is None
    assert caplog.records == []


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"", "Expecting value"),
        (b'{"format": 2, "numbers": [1', "Expecting"),  # torn by a crash
        (b'{"a": "\xc3\x28"}', "can't decode"),  # not UTF-8
        (b"[1, 2]", "a JSON list, not an object"),
        (b'{"format": 2}', "'numbers'"),  # decode: KeyError
        (b'{"format": 2, "numbers": 3}', "not iterable"),  # decode: TypeError
        (b'{"format": 2, "numbers": ["x"]}', "invalid literal"),  # decode: ValueError
    ],
)
def test_a_damaged_file_is_a_miss_with_one_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, content: bytes, said: str
) -> None:
    path = tmp_path / "numbers.json"
    path.write_bytes(content)
    with caplog.at_level(logging.INFO, logger="respub"):
        assert read_kept(path, "kept numbers", _numbers, format=2) is None
    [record] = caplog.records
    assert record.levelno == logging.WARNING
    message = record.getMessage()
    assert message.startswith(f"{path}: unreadable kept numbers, ignored: ")
    assert said in message and "\n" not in message


def test_a_directory_in_place_of_the_file_is_a_miss(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "numbers.json").mkdir()
    assert read_kept(tmp_path / "numbers.json", "numbers", _numbers) is None
    assert [r.levelno for r in caplog.records] == [logging.WARNING]


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b'{"format": 1, "numbers": [1]}', "format 1"),
        (b'{"numbers": [1]}', "format None"),
        (b'{"format": 2, "key": "other", "numbers": [1]}', "key 'other'"),
    ],
)
def test_a_file_of_another_version_is_a_miss_said_at_info(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, content: bytes, said: str
) -> None:
    """Another format or key is what an upgrade leaves: no warning, one info line, and the
    file is not decoded (its fields may mean something else)."""
    path = tmp_path / "numbers.json"
    path.write_bytes(content)
    decoded: list[object] = []

    def decode(data: dict[str, Any]) -> object:
        decoded.append(data)
        return data

    with caplog.at_level(logging.INFO, logger="respub"):
        assert read_kept(path, "numbers", decode, format=2, key="mine") is None
    assert decoded == []
    [record] = caplog.records
    assert record.levelno == logging.INFO
    assert record.getMessage().startswith(f"{path}: numbers of another version (")
    assert said in record.getMessage()


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"damaged: not a pickle",
        pickle.dumps({"rows": list(range(100))})[:40],  # torn
        pickle.dumps(Path("x")).replace(b"PosixPath", b"NoSuchPath"),  # a class since gone
    ],
)
def test_a_kept_pickle_that_cannot_be_read_is_a_miss(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "rows.pickle"
    path.write_bytes(content)
    assert read_kept_pickle(path) is None


def test_a_kept_pickle_is_read_back(tmp_path: Path) -> None:
    path = tmp_path / "kept" / "rows.pickle"
    assert keep(path, pickle.dumps({"a": ("b", 1)}), "rows")
    assert read_kept_pickle(path) == {"a": ("b", 1)}
    assert read_kept_pickle(tmp_path / "absent.pickle") is None
    assert read_kept_pickle(None) is None


def test_a_kept_dict_keeps_what_a_run_used(tmp_path: Path) -> None:
    path = tmp_path / "state" / "rows.pickle"
    first: KeptDict[str] = KeptDict(path, "rows")
    assert first.kept == {}
    first.used.update(a="1", b="2")
    first.save()
    second: KeptDict[str] = KeptDict(path, "rows")
    assert second.kept == {"a": "1", "b": "2"}
    second.used["a"] = second.kept["a"]  # b is no longer used: not kept
    second.save()
    assert KeptDict[str](path, "rows").kept == {"a": "1"}
    inode = path.stat().st_ino
    third: KeptDict[str] = KeptDict(path, "rows")
    third.used.update(third.kept)
    third.save()  # the same: the file is not written again
    assert path.stat().st_ino == inode  # (a write replaces the file: a new inode)
    path.write_bytes(b"damaged")
    assert KeptDict[str](path, "rows").kept == {}
    nothing: KeptDict[str] = KeptDict(None, "rows")
    nothing.used["a"] = "1"
    nothing.save()  # nowhere to keep it: nothing written, no error
