"""House rule (issue 10): rule families import only text, model, diagnostics and
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


def test_the_import_contracts_list_every_rule_family():
    """A new family joins the independence and forbidden contracts in pyproject.toml (import-linter
    runs them in tests/test_style.py): a module left out would be free to import its neighbours."""
    import tomllib

    pyproject = tomllib.loads((RULES.parents[2] / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = {c["type"]: c for c in pyproject["tool"]["importlinter"]["contracts"]}
    families = {f"reportlint.rules.{p.stem}" for p in RULES.glob("*.py") if p.stem not in ("__init__", "base", "builtin")}
    assert set(contracts["independence"]["modules"]) == families
    assert set(contracts["forbidden"]["source_modules"]) == families
