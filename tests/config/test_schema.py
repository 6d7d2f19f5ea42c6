"""The shipped JSON Schema of the configuration: current, and in step with the loader both ways."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from reportlint.config import settings as cfg
from reportlint.config.schema import SCHEMA_FILE, generate, render
from reportlint.plugins import manager

RULES = manager.build(load_entry_points=False).rules()
SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def _loader_accepts(tmp_path: Path, data: dict[str, Any], as_toml: bool = False) -> bool:
    if as_toml:
        path = tmp_path / "pyproject.toml"
        path.write_text(_toml(data), encoding="utf-8")
    else:
        path = tmp_path / ".reportlint.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    try:
        cfg.resolve(cfg.load_raw(path), RULES, path=str(tmp_path / "report.txt"))
    except cfg.ConfigError:
        return False
    return True


def _toml(data: dict[str, Any]) -> str:
    def value(v: Any) -> str:
        if isinstance(v, dict):
            return "{" + ", ".join(f"{json.dumps(k)} = {value(x)}" for k, x in v.items()) + "}"
        if isinstance(v, list):
            return "[" + ", ".join(value(x) for x in v) + "]"
        return json.dumps(v, ensure_ascii=False)

    return "[tool.reportlint]\n" + "".join(f"{json.dumps(k)} = {value(v)}\n" for k, v in data.items())


def _schema_accepts(data: dict[str, Any]) -> bool:
    return VALIDATOR.is_valid(data)


def test_shipped_schema_is_current():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == render(generate()), \
        "run: python -m reportlint.config.schema"
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_schema_ships_in_the_wheel_config():
    import tomllib

    project = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"] == ["src/reportlint"]
    assert SCHEMA_FILE.parent.name == "config" and SCHEMA_FILE.parent.parent.name == "reportlint"


def _every_option_at_its_default() -> dict[str, Any]:
    rules: dict[str, Any] = {}
    for i, rule in enumerate(RULES):
        settings = {key: option.default for key, option in rule.options.items()}
        key = rule.code if i % 2 else rule.name
        rules[key] = ({"severity": ("error", "warning", "info")[i % 3], **settings}
                      if settings or i % 3 else ("error", "warning", "info")[i % 3])
    return {"rules": rules}


VALID = [
    {},
    {"extends": "gbt9704", "select": ["ALL"], "ignore": ["WD"], "lang": "en"},
    {"extends": None, "select": "PH", "extend-select": ["HD004", "masked-name", "headings"], "exclude": "archive/**"},
    {"per-file-ignores": {"archive/**/*.txt": ["YR", "RS"], "notes.md": "PH001"}, "encoding": "gb18030"},
    {"rules": {"HD004": "error", "masked-number": {"severity": "warning"}}},
    {"rules": {"ZH001": {"traditional-ratio": 1}}},  # an integer for a float option
]


@pytest.mark.parametrize("data", [*VALID, _every_option_at_its_default()], ids=lambda d: ",".join(d) or "empty")
def test_valid_configs_pass_both(data, tmp_path):
    assert _schema_accepts(data), list(VALIDATOR.iter_errors(data))[:1]
    assert _loader_accepts(tmp_path, data)
    assert _loader_accepts(tmp_path, data, as_toml=True) or "extends" in data and data["extends"] is None


def _wrong_value(option: Any) -> Any:
    kinds = option.type if isinstance(option.type, tuple) else (option.type,)
    if str in kinds:
        return 12
    return "not-a-" + kinds[0].__name__


INVALID = [
    {"colour": True},  # unknown setting
    {"select": [1, 2]},
    {"select": {"PH": True}},
    {"ignore": None},
    {"lang": "fr"},
    {"encoding": 8},
    {"extends": ["a"]},
    {"per-file-ignores": ["a"]},
    {"per-file-ignores": {"a.txt": [3]}},
    {"rules": ["PH001"]},
    {"rules": {"NO999": "error"}},  # unknown rule
    {"rules": {"PH001": "fatal"}},  # unknown severity
    {"rules": {"PH001": 3}},
    {"rules": {"PH001": {"no-such-option": 1}}},  # a rule without options
    {"rules": {"YR001": {"min-mentions": "two"}}},
    {"rules": {"YR001": {"max-age": True}}},  # a bool is not an int
    {"rules": {"YR001": {"nope": 1}}},  # unknown option
    {"rules": {"SP003": {"always": "yes"}}} if any(r.code == "SP003" for r in RULES) else {"lang": 1},
]


def _wrong_type_of_every_option() -> list[dict[str, Any]]:
    return [{"rules": {rule.code: {key: _wrong_value(option)}}}
            for rule in RULES for key, option in rule.options.items()]


@pytest.mark.parametrize("data", [*INVALID, *_wrong_type_of_every_option()], ids=lambda d: json.dumps(d)[:60])
def test_what_the_loader_rejects_the_schema_rejects(data, tmp_path):
    assert not _loader_accepts(tmp_path, data)
    assert not _schema_accepts(data)


def test_every_rule_option_is_described():
    props = SCHEMA["properties"]["rules"]["properties"]
    assert len(RULES) > 50
    for rule in RULES:
        assert rule.code in props and rule.name in props
        settings = props[rule.code]["anyOf"][1]["properties"]
        assert set(settings) == {"severity", *rule.options}
        for key, option in rule.options.items():
            assert settings[key]["description"] == option.help
