"""A JSON Schema for ``.reportlint.yaml`` and ``[tool.reportlint]``, generated from the rules'
options, so editors (yaml-language-server, VS Code, taplo) can complete and check a config.

The shipped ``schema.json`` beside this module is generated from the built-in rules::

    python -m reportlint.config.schema            # rewrite src/reportlint/config/schema.json
    python -m reportlint.config.schema --stdout   # print it, installed plugins' rules included
    python -m reportlint.config.schema --path     # where the shipped file is installed

``tests/config/test_schema.py`` fails when the shipped file is stale, and checks the schema
against the loader both ways.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

SCHEMA_FILE = Path(__file__).with_name("schema.json")
_TYPES = {bool: "boolean", int: "integer", float: "number", str: "string", list: "array", dict: "object"}


def _strings(description: str, examples: list[str] | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "description": description,
        "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}],
    }
    if examples:
        schema["examples"] = examples
    return schema


def _option(option: Any) -> dict[str, Any]:
    kinds = option.type if isinstance(option.type, tuple) else (option.type,)
    types = sorted({_TYPES[k] for k in kinds if k in _TYPES})
    schema: dict[str, Any] = {"description": option.help} if option.help else {}
    if types:
        schema["type"] = types[0] if len(types) == 1 else types
    if option.default is not None:
        schema["default"] = option.default
    return schema


def _rule(rule: Any) -> dict[str, Any]:
    settings: dict[str, Any] = {"severity": {"$ref": "#/$defs/severity"}}
    for key, option in rule.options.items():
        settings[key] = _option(option)
    return {
        "description": f"{rule.code} {rule.name}: {rule.summary()}",
        "anyOf": [
            {"$ref": "#/$defs/severity"},
            {"type": "object", "properties": settings, "additionalProperties": False},
        ],
    }


def build(rules: list[Any], presets: list[str]) -> dict[str, Any]:
    """The schema for these rule classes and bundled preset names."""
    selectors = ["ALL", *sorted({r.code[:2] for r in rules}), *sorted({g for r in rules for g in r.groups}),
                 *(r.code for r in rules), *(r.name for r in rules)]
    rule_props: dict[str, Any] = {}
    for rule in rules:
        rule_props[rule.code] = _rule(rule)
        rule_props[rule.name] = {"$ref": f"#/properties/rules/properties/{rule.code}"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "reportlint configuration (.reportlint.yaml, [tool.reportlint] in pyproject.toml)",
        "type": "object",
        "additionalProperties": False,
        "$defs": {"severity": {"enum": ["error", "warning", "info"]}},
        "properties": {
            "extends": {
                "description": "a bundled rule set or a path to another YAML file (default: default)",
                "type": ["string", "null"], "examples": presets,
            },
            "select": _strings("rules to run: codes, prefixes, names, groups or ALL", selectors),
            "extend-select": _strings("rules to add to the selection", selectors),
            "ignore": _strings("rules to skip", selectors),
            "exclude": _strings("globs (.gitignore syntax) of files to skip when walking directories"),
            "lang": {"description": "language of findings, summary, errors and notes", "enum": ["zh", "en"]},
            "encoding": {"description": "decode input with this encoding instead of detecting it", "type": "string"},
            "per-file-ignores": {
                "description": "glob → rules to skip in the files it matches",
                "type": "object", "additionalProperties": _strings("rules to skip", selectors),
            },
            "rules": {
                "description": "per rule (code or name): a severity, or {severity, options}",
                "type": "object", "properties": rule_props, "additionalProperties": False,
            },
        },
    }


def generate(load_entry_points: bool = False) -> dict[str, Any]:
    from reportlint.config.settings import bundled_presets
    from reportlint.plugins import manager

    return build(manager.build(load_entry_points=load_entry_points).rules(), bundled_presets())


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if "--path" in args:  # where the shipped schema is installed, for editor settings
        print(SCHEMA_FILE)
    elif "--stdout" in args:
        sys.stdout.write(render(generate(load_entry_points=True)))
    else:
        SCHEMA_FILE.write_text(render(generate()), encoding="utf-8")
        print(f"wrote {SCHEMA_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
