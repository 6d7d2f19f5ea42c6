"""The public Python API: reportlint.check_text / check_paths give what --format json gives."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import reportlint
from reportlint import api
from reportlint.config.settings import ConfigError
from tests.conftest import EXAMPLE

REPORT = "20XX年工作总结\n\n一、主要工作\n近日xx县召开会议,研究部署工作。\n二、存在问题\n4、资金不足\n"


def _json(cli, *args, **kwargs):
    return json.loads(cli("check", "--format", "json", *args, **kwargs).stdout)


def test_check_paths_equals_json_output(cli, tmp_path):
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "b.md").write_text("# 20XX年工作总结\n\n近日xx县召开会议。\n", encoding="utf-8")
    want = _json(cli, "a.txt", "b.md", str(EXAMPLE), cwd=tmp_path)
    got = reportlint.check_paths([tmp_path / "a.txt", tmp_path / "b.md", EXAMPLE])
    assert len(want) > 10
    # the CLI ran in tmp_path with relative names; the API got absolute ones
    for item in want:
        if not item["path"].startswith("/"):
            item["path"] = str(tmp_path / item["path"])
    assert [d.to_dict() for d in got] == want
    assert any(d.fix is not None for d in got)
    first = got[0]
    assert (first.path, first.line, first.column, first.end_line, first.end_column, first.code, first.name,
            first.severity) == (str(tmp_path / "a.txt"), 1, 1, 1, 5, "PH001", "masked-year", "error")


def test_check_text_equals_json_output_for_stdin(cli, tmp_path):
    (tmp_path / ".reportlint.yaml").write_text("lang: en\nignore: [SC]\nrules:\n  PH002: info\n", encoding="utf-8")
    for name in ("report.txt", "report.md"):
        want = _json(cli, "-", "--stdin-filename", name, input=REPORT, cwd=tmp_path)
        got = reportlint.check_text(REPORT, filename=str(tmp_path / name))
        for item in want:
            item["path"] = str(tmp_path / name)
        assert [d.to_dict() for d in got] == want
        assert {d.code for d in got} >= {"PH001", "PH002"} and "SC001" not in {d.code for d in got}
        assert next(d for d in got if d.code == "PH002").severity == "info"
        assert got[0].message.isascii()  # lang: en from the config found for the filename


def test_check_text_options():
    zh = reportlint.check_text(REPORT, config={}, select=["PH"])
    assert {d.code for d in zh} == {"PH001", "PH002"} and zh[0].path == "<string>"
    assert "模板占位符" in zh[0].message
    en = reportlint.check_text(REPORT, config={}, select=["PH"], ignore=["PH001"], lang="en")
    assert [d.code for d in en] == ["PH002"] and en[0].message.isascii()
    mapped = reportlint.check_text(REPORT, config={"select": ["HD"], "rules": {"HD001": "error"}})
    assert mapped and {d.code[:2] for d in mapped} == {"HD"}
    with pytest.raises(ConfigError, match="unknown setting 'colour'"):
        reportlint.check_text(REPORT, config={"colour": True})
    with pytest.raises(ConfigError):
        reportlint.check_text(REPORT, config={}, select=["NOPE999"])


def test_check_paths_unreadable_raises_with_the_rest(tmp_path):
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    with pytest.raises(api.CheckError) as caught:
        reportlint.check_paths([tmp_path / "a.txt", tmp_path / "missing.txt"], lang="en")
    assert caught.value.errors == [(str(tmp_path / "missing.txt"), "no such file or directory")]
    assert {d.code for d in caught.value.diagnostics} >= {"PH001"}


def test_api_reexports_the_plugin_contract():
    from reportlint.diagnostics import Fix
    from reportlint.plugins.hookspecs import hookimpl
    from reportlint.rules.base import Rule
    from reportlint.text.lazyre import find_all

    assert (api.Rule, api.Fix, api.hookimpl, api.find_all) == (Rule, Fix, hookimpl, find_all)
    for name in ("Rule", "RuleContext", "Option", "Fix", "Edit", "Severity", "Applicability", "hookimpl",
                 "lazy", "find_all", "finditer_at", "offsets"):
        assert name in api.__all__ and getattr(api, name) is not None


def test_import_reportlint_is_cheap_and_attributes_lazy():
    code = ("import sys, reportlint\n"
            "before = sorted(m for m in sys.modules if m.startswith(('reportlint.', 'lark', 'yaml', 'pluggy')))\n"
            "f = reportlint.check_text\n"
            "print(before, f.__module__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[] reportlint.api"
    assert "check_text" in dir(reportlint)
    with pytest.raises(AttributeError):
        reportlint.no_such_thing  # noqa: B018
