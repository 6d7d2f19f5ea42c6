"""The built-in plugin: registers every built-in rule family through the public hooks."""

from __future__ import annotations

import importlib

from reportlint.config.resources import data_dir
from reportlint.plugins.hookspecs import hookimpl

FAMILIES = (
    "structure",
    "placeholders",
    "years",
    "headings",
    "docnumbers",
    "residue",
    "punctuation",
    "pairs",
    "suppression_comments",
    "serial",
    "enumerations",
    "duplicates",
    "script",
    "dates",
    "anniversaries",
    "sums",
    "sections",
    "signature",
    "addressee",
    "attachments",
    "imprint",
    "wording",
    "typography",
    "layout",
)


@hookimpl
def reportlint_rulesets() -> dict[str, str]:
    """The bundled presets in rulesets/ (default, gbt9704, legacy …)."""
    folder = data_dir("rulesets")
    return {path.stem: str(path) for path in sorted(folder.glob("*.yaml"))}


@hookimpl
def reportlint_rules() -> list[type]:
    rules: list[type] = []
    for family in FAMILIES:
        module = importlib.import_module(f"reportlint.rules.{family}")
        rules.extend(module.RULES)
    return rules
