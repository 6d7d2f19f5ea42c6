"""A crashing rule (built-in or plugin) or a rule yielding a bad edit fails the run loudly:
exit 2, rule, file and exception named on stderr, and no file is rewritten."""

from __future__ import annotations

import json

import pytest

from tests.cli.test_plugins import _env, _install


@pytest.fixture
def site(tmp_path):
    folder = tmp_path / "site"
    folder.mkdir()
    return folder

PLUGIN = '''
from reportlint.plugins.hookspecs import hookimpl
from reportlint.rules.base import Rule
from reportlint.diagnostics import Edit, Fix, Severity


class Broken(Rule):
    """Crashes or yields a bad edit.

    ## What it does
    Test.
    ## Why is this bad?
    Test.
    ## Example
    x
    ## Use instead
    y
    """
    code = "XB001"
    name = "broken-rule"
    groups = ("house-style",)
    severity = Severity.ERROR
    messages = {"default": ("坏", "bad")}

    def check(self, ctx):
        MODE


@hookimpl
def reportlint_rules():
    return [Broken]
'''

BAD_EDITS = {
    "crash": 'raise ZeroDivisionError("boom in rule")',
    "negative": 'yield ctx.report(0, 1, fix=Fix("f", (Edit(0, -1, ""),)))',
    "beyond": 'yield ctx.report(0, 1, fix=Fix("f", (Edit(0, 10**6, "x"),)))',
    "reversed": 'yield ctx.report(0, 1, fix=Fix("f", (Edit(5, 2, "x"),)))',
    "overlap": 'fix = Fix("f", (Edit(0, 3, "a"),)); object.__setattr__(fix, "edits", (Edit(0, 3, "a"), Edit(1, 4, "b"))); yield ctx.report(0, 1, fix=fix)',
    "span": 'yield ctx.report(-5, 3)',
}
TEXT = "关于二〇二三年工作情况的报告\n\n" + "今年以来，我们认真落实各项部署，取得明显成效。\n" * 60


@pytest.mark.parametrize("mode", sorted(BAD_EDITS))
def test_broken_plugin_rule_fails_the_run_and_writes_nothing(cli, site, tmp_path, mode):
    _install(site, "reportlint-broken-rule", "reportlint_broken_rule", PLUGIN.replace("MODE", BAD_EDITS[mode]))
    target = tmp_path / "r.txt"
    target.write_text(TEXT, encoding="utf-8")
    before = target.read_bytes()
    for args in (("check", "--select", "XB001", "--format", "json", "r.txt"),
                 ("check", "--select", "XB001", "--fix", "--format", "json", "r.txt")):
        result = cli(*args, "--lang", "en", env=_env(site))
        assert result.returncode == 2, (mode, result.stdout, result.stderr)
        assert "r.txt" in result.stderr and "rule XB001 crashed" in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
        json.loads(result.stdout)  # the report stays valid
        assert target.read_bytes() == before


def test_crash_does_not_hide_other_rules_and_the_fix_is_not_written(cli, site, tmp_path):
    _install(site, "reportlint-broken-rule", "reportlint_broken_rule",
             PLUGIN.replace("MODE", BAD_EDITS["negative"]))
    target = tmp_path / "r.txt"
    target.write_text("关于工作的报告\n\n今年,我们完成了任务。\n", encoding="utf-8")
    before = target.read_bytes()
    result = cli("check", "--fix", "--format", "json", "r.txt", env=_env(site))
    assert result.returncode == 2
    assert "XB001" in result.stderr and "ValueError" not in result.stdout
    assert target.read_bytes() == before


def test_rule_crash_chinese_message(cli, site, tmp_path):
    _install(site, "reportlint-broken-rule", "reportlint_broken_rule", PLUGIN.replace("MODE", BAD_EDITS["crash"]))
    (tmp_path / "r.txt").write_text(TEXT, encoding="utf-8")
    result = cli("check", "--select", "XB001", "r.txt", env=_env(site))
    assert result.returncode == 2
    assert "规则 XB001 运行出错：ZeroDivisionError: boom in rule" in result.stderr
    assert "未发现问题" not in result.stdout


def test_many_headings_of_one_level_do_not_crash_HD001(cli, tmp_path):
    numerals = "一二三四五六七八九"

    def zh(n: int) -> str:  # 1..9999 in Chinese numerals
        out, units = "", "千百十"
        for unit, value in zip(units, (1000, 100, 10)):
            digit, n = divmod(n, value)
            if digit:
                out += numerals[digit - 1] + unit
            elif out and n:
                out += "零" if not out.endswith("零") else ""
        return out + (numerals[n - 1] if n else "")

    text = "关于工作的报告\n\n" + "".join(f"{zh(i)}、事项\n\n内容。\n\n" for i in range(1, 1201))
    (tmp_path / "h.txt").write_text(text, encoding="utf-8")
    result = cli("check", "--select", "HD001", "--lang", "en", "h.txt")
    assert result.returncode in (0, 1) and "crashed" not in result.stderr, result.stderr


@pytest.mark.parametrize(("content", "why"), [(None, "FileNotFoundError"), ("- a\n- b\n", "DataFileError")])
def test_rule_data_file_missing_or_of_the_wrong_type_fails_the_run(cli, tmp_path, content, why):
    lists = tmp_path / "mine.yaml"
    if content is not None:
        lists.write_text(content, encoding="utf-8")
    (tmp_path / ".reportlint.yaml").write_text(
        f"select: [WD001]\nrules:\n  WD001:\n    lists: ['{lists}']\n", encoding="utf-8")
    (tmp_path / "r.txt").write_text(TEXT, encoding="utf-8")
    result = cli("check", "--lang", "en", "r.txt")
    assert result.returncode == 2, result.stderr
    assert "rule WD001 crashed" in result.stderr and why in result.stderr and "r.txt" in result.stderr
