"""House rule (issue 10): the profile-reading rule families import only text, model, diagnostics and
rules.base — never another rule module or the parser."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

RULES = Path(__file__).resolve().parents[2] / "src" / "reportlint" / "rules"
ALLOWED = ("reportlint.text", "reportlint.model", "reportlint.diagnostics", "reportlint.rules.base")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append(node.module)
        elif isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
    return [name for name in found if name.startswith("reportlint")]


@pytest.mark.parametrize("module", ["sections", "structure", "addressee", "signature"])
def test_profile_families_import_only_the_rule_api(module):
    bad = [name for name in _imports(RULES / f"{module}.py")
           if not any(name == ok or name.startswith(ok + ".") for ok in ALLOWED)]
    assert bad == []


def test_the_profile_machinery_is_not_a_rule_module():
    assert not (RULES / "profiles.py").exists()
    for path in RULES.glob("*.py"):
        assert not {"reportlint.rules.profiles", "reportlint.rules.sections"} & set(_imports(path)), path.name
