"""YAML read as YAML 1.2 reads it: the files of `respub/data`, manifests, front matter.

PyYAML follows YAML 1.1, where the bare words yes, no, on, off, y and n are booleans: a word
list such as ``[the, of, on, by]`` loses "on" to ``True``, and ``language: no`` (Norwegian)
becomes ``False``. Our data files are word lists a linguist edits without quoting, and users
write manifests the same way, so only true and false are booleans here.

>>> read_yaml_text("[by, on, no, off, yes, true]")
['by', 'on', 'no', 'off', 'yes', True]
"""

from __future__ import annotations

import re
from importlib import resources
from typing import Any

import yaml

__all__ = ["read_data", "read_yaml_text"]

_BOOL = "tag:yaml.org,2002:bool"
# libyaml's loader when built in: 10x faster on a manifest of 10,000 entries
_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[valid-type,misc]
    """A safe loader whose booleans are YAML 1.2's: true and false, in any case."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != _BOOL]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    _BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def read_yaml_text(text: str) -> Any:
    """A YAML text parsed, with YAML 1.2's booleans."""
    return yaml.load(text, Loader=_Loader)


def read_data(name: str) -> Any:
    """The YAML file `respub/data/<name>` parsed (see `read_yaml_text`)."""
    return read_yaml_text(resources.files("respub.data").joinpath(name).read_text("utf-8"))
