"""The package's import graph: no cycle between modules, and the release writer (publish)
never imports the store (the store reads releases, one way only)."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import respub

PACKAGE = Path(respub.__file__).resolve().parent


def module_name(path: Path) -> str:
    parts = ("respub", *path.relative_to(PACKAGE).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> Iterator[str]:
    """Every respub module `path` imports, at the top or inside a function."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        yield from (n for n in names if n == "respub" or n.startswith("respub."))


def import_graph() -> dict[str, set[str]]:
    return {module_name(p): set(imported(p)) for p in sorted(PACKAGE.rglob("*.py"))}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(graph.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_module_imports_itself_through_others() -> None:
    assert cycles(import_graph()) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]


def test_publish_never_imports_the_store() -> None:
    graph = import_graph()
    offenders = {
        (module, target)
        for module, targets in graph.items()
        if module.startswith("respub.publish")
        for target in targets
        if target.startswith("respub.store")
    }
    assert offenders == set()
    assert any(t.startswith("respub.publish") for t in graph["respub.store.load"])  # one way


def test_the_release_writer_loads_without_the_store_or_the_parser() -> None:
    code = (
        "import sys, respub.publish.release, respub.publish.verify\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('respub.store', 'respub.parse',"
        " 'respub.process', 'respub.orchestrate')))\n"
        "print(bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
