"""The built-in plugin: registers every built-in rule family through the public hooks."""

from __future__ import annotations

import importlib

from reportlint.plugins.hookspecs import hookimpl

FAMILIES = (
    "skeleton",
    "placeholders",
)


@hookimpl
def reportlint_rules() -> list[type]:
    rules: list[type] = []
    for family in FAMILIES:
        module = importlib.import_module(f"reportlint.rules.{family}")
        rules.extend(module.RULES)
    return rules
