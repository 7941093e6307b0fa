"""A module-level name bound twice shadows the first binding for every line after it, and nothing fails:
entailment once defined ``_AUXILIARIES`` twice and standalone ``_OBJECTS`` (the pronouns "him", "her",
"them") twice, each silently changing rules far from the second definition."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "functions" / "takeaways"
MODULES = sorted(PACKAGE.rglob("*.py"))


def bound_twice(source: str) -> list[str]:
    """Names a module's top level assigns, or defines, more than once."""
    counts: Counter[str] = Counter()
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign):
            counts.update(target.id for target in node.targets if isinstance(target, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            counts[node.target.id] += 1
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            counts[node.name] += 1
    return sorted(name for name, count in counts.items() if count > 1)


def test_the_check_finds_a_name_bound_twice() -> None:
    assert bound_twice("_OBJECTS = {'him'}\ndef f(): pass\n_OBJECTS = ['film']\n") == ["_OBJECTS"]
    assert bound_twice("A = 1\nB: int = 2\n") == []


@pytest.mark.parametrize("module", MODULES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_no_module_binds_a_name_twice(module: Path) -> None:
    assert bound_twice(module.read_text(encoding="utf-8")) == []
