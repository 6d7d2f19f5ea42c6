"""Configuration files: discovery, presets, severities, selection and every error path."""

from __future__ import annotations

import json

import pytest

from reportlint.rules.base import Option

DEFECT = "县局2023年工作总结\n近日，xx县局召开专题会议。\n全年投资x.6亿元。\n"


def _codes(result) -> list[tuple[str, str]]:
    return [(i["code"], i["severity"]) for i in json.loads(result.stdout)]


@pytest.fixture
def project(tmp_path):
    docs = tmp_path / "reports" / "2023"
    docs.mkdir(parents=True)
    (docs / "r.txt").write_text(DEFECT, encoding="utf-8")
    return tmp_path


def test_config_found_upward_from_the_file(cli, project):
    (project / ".reportlint.yaml").write_text("select: [PH002]\nrules:\n  PH002: {severity: warning}\n", encoding="utf-8")
    result = cli("check", "--format", "json", "reports/2023/r.txt", cwd=project)
    assert _codes(result) == [("PH002", "warning")]


def test_nearest_config_wins(cli, project):
    (project / ".reportlint.yaml").write_text("select: [PH002]\n", encoding="utf-8")
    (project / "reports" / ".reportlint.yaml").write_text("select: [PH004]\n", encoding="utf-8")
    result = cli("check", "--format", "json", "reports/2023/r.txt", cwd=project)
    assert _codes(result) == [("PH004", "error")]


def test_pyproject_tool_section(cli, project):
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.reportlint]\nselect = ["PH004"]\nlang = "en"\n', encoding="utf-8")
    result = cli("check", "reports/2023/r.txt", cwd=project)
    assert "PH004 number placeholder" in result.stdout
    assert "PH002" not in result.stdout


def test_pyproject_without_section_is_skipped(cli, project):
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    result = cli("check", "--format", "json", "--select", "PH", "reports/2023/r.txt", cwd=project)
    assert {c for c, _ in _codes(result)} == {"PH002", "PH004"}


def test_explicit_config_and_shorthand_severity(cli, project):
    (project / "strict.yaml").write_text("select: [placeholders]\nrules:\n  masked-number: info\n", encoding="utf-8")
    result = cli("check", "--format", "json", "--config", "strict.yaml", "reports/2023/r.txt", cwd=project)
    assert ("PH004", "info") in _codes(result) and ("PH002", "error") in _codes(result)


def test_extends_bundled_preset_and_path(cli, project):
    (project / "base.yaml").write_text("extends: gbt9704\nselect: [PH002, PH004]\n", encoding="utf-8")
    (project / ".reportlint.yaml").write_text("extends: base.yaml\nignore: [PH004]\n", encoding="utf-8")
    result = cli("check", "--format", "json", "reports/2023/r.txt", cwd=project)
    assert _codes(result) == [("PH002", "error")]


def test_command_line_select_overrides_config(cli, project):
    (project / ".reportlint.yaml").write_text("select: [PH002]\n", encoding="utf-8")
    result = cli("check", "--format", "json", "--select", "PH004", "reports/2023/r.txt", cwd=project)
    assert _codes(result) == [("PH004", "error")]


@pytest.mark.parametrize("text, zh, en", [
    ("rules:\n  PH999: {severity: error}\n", "rules 中的规则“PH999”不存在", "unknown rule 'PH999' in rules"),
    ("rules:\n  PH001: {max-length: 3}\n", "rules.PH001：该规则没有选项，“max-length”无效",
     "rules.PH001: unknown option 'max-length'"),
    ("rules:\n  ZH001: {ratio: 3}\n", "rules.ZH001：未知选项“ratio”（可用选项：traditional-ratio）",
     "rules.ZH001: unknown option 'ratio' (options: traditional-ratio)"),
    ("rules:\n  ZH001: {traditional-ratio: high}\n", "rules.ZH001.traditional-ratio：应为 float 类型，而不是 str",
     "rules.ZH001.traditional-ratio: expected float, got str"),
    ("rules:\n  PH001: {severity: fatal}\n", "未知的严重级别“fatal”", "unknown severity 'fatal'"),
    ("selectt: [PH001]\n", "未知设置“selectt”", "unknown setting 'selectt'"),
    ("select: [PH0X1]\n", "未知的规则或选择器“PH0X1”", "unknown rule or selector 'PH0X1'"),
    ("extends: nosuchpreset\n", "extends 中的预设“nosuchpreset”不存在", "unknown preset 'nosuchpreset'"),
    ("extends: missing.yaml\n", "extends 指向的“missing.yaml”不存在", "extends 'missing.yaml': no such file"),
    ("extends: .reportlint.yaml\n", "extends 循环引用了自身", "extends itself"),
    ("select: [PH001\n", "YAML 格式错误", "invalid YAML"),
    ("- just\n- a list\n", "顶层必须是映射", "the top level must be a mapping"),
    ("lang: fr\n", "lang 的取值只能是：zh, en", "lang must be one of zh, en"),
])
def test_config_errors_exit_2_naming_file_and_key(cli, project, text, zh, en):
    """Chinese by default, English with --lang en: the file's own lang is unknown when it is broken."""
    (project / ".reportlint.yaml").write_text(text, encoding="utf-8")
    for args, needle in (([], zh), (["--lang", "en"], en)):
        result = cli("check", *args, "reports/2023/r.txt", cwd=project)
        assert result.returncode == 2
        line = result.stderr.strip()
        assert "\n" not in line and needle in line and ".reportlint.yaml: " in line, result.stderr
        assert line.startswith("reportlint: error: ")


def test_missing_explicit_config(cli, project):
    result = cli("check", "--config", "nope.yaml", "reports/2023/r.txt", cwd=project)
    assert result.returncode == 2 and "nope.yaml: 配置文件不存在" in result.stderr
    result = cli("check", "--lang", "en", "--config", "nope.yaml", "reports/2023/r.txt", cwd=project)
    assert result.returncode == 2 and "nope.yaml: no such config file" in result.stderr


def test_per_file_ignores(cli, project):
    (project / ".reportlint.yaml").write_text(
        "select: [PH]\nper-file-ignores:\n  'reports/2023/*.txt': [PH004]\n", encoding="utf-8")
    result = cli("check", "--format", "json", "reports/2023/r.txt", cwd=project)
    assert {c for c, _ in _codes(result)} == {"PH002"}


def test_option_validation():
    option = Option(3, int)
    assert option.validate(5) == 5
    with pytest.raises(TypeError, match="expected int, got str"):
        option.validate("5")
    with pytest.raises(TypeError, match="expected true or false"):
        Option(True, bool).validate(1)
    with pytest.raises(TypeError):
        option.validate(True)
