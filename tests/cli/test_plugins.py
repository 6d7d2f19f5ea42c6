"""Third-party plugins load from the `reportlint` entry-point group; broken ones are skipped."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reportlint.plugins import hookspecs, manager

GOOD_PLUGIN = '''
"""A third-party rule plugin used by the tests."""
from reportlint.plugins.hookspecs import hookimpl
from reportlint.rules.base import Rule
from reportlint.diagnostics import Severity


class NoJargon(Rule):
    """Flags 抓手.

    ## What it does
    Flags the word 抓手.
    ## Why is this bad?
    Jargon.
    ## Example
    以项目为抓手。
    ## Use instead
    以项目为重点。
    """
    code = "XJ001"
    name = "no-jargon"
    groups = ("house-style",)
    severity = Severity.INFO
    messages = {"default": ("避免使用“抓手”", "avoid the jargon word 抓手")}

    def check(self, ctx):
        start = ctx.text.find("抓手")
        while start != -1:
            yield ctx.report(start, start + 2)
            start = ctx.text.find("抓手", start + 2)


@hookimpl
def reportlint_rules():
    return [NoJargon]
'''

BROKEN_ON_IMPORT = 'raise RuntimeError("this plugin is broken")\n'
BROKEN_IN_HOOK = '''
from reportlint.plugins.hookspecs import hookimpl

@hookimpl
def reportlint_rules():
    raise ValueError("cannot list rules")
'''


def _install(site: Path, dist: str, module: str, code: str) -> None:
    """A minimal installed distribution: module + dist-info with an entry point."""
    (site / f"{module}.py").write_text(code, encoding="utf-8")
    info = site / f"{dist.replace('-', '_')}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[reportlint]\n{dist} = {module}\n", encoding="utf-8")


@pytest.fixture
def site(tmp_path):
    folder = tmp_path / "site"
    folder.mkdir()
    return folder


def _env(site: Path) -> dict[str, str]:
    return {"PYTHONPATH": os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")]))}


def test_entry_point_plugin_rule_runs(cli, site, tmp_path):
    _install(site, "reportlint-house", "reportlint_house", GOOD_PLUGIN)
    (tmp_path / "r.txt").write_text("以项目建设为抓手，推动发展。\n", encoding="utf-8")
    result = cli("check", "--select", "house-style", "--format", "json", "r.txt", env=_env(site))
    assert [(i["code"], i["severity"], i["column"]) for i in json.loads(result.stdout)] == [("XJ001", "info", 7)]
    listed = cli("rules", env=_env(site)).stdout
    assert "XJ001" in listed and "no-jargon" in listed
    assert "## Use instead" in cli("rule", "XJ001", env=_env(site)).stdout


def test_broken_plugins_are_reported_and_skipped(cli, site, tmp_path):
    _install(site, "reportlint-broken", "reportlint_broken", BROKEN_ON_IMPORT)
    _install(site, "reportlint-badhook", "reportlint_badhook", BROKEN_IN_HOOK)
    _install(site, "reportlint-house", "reportlint_house", GOOD_PLUGIN)
    (tmp_path / "r.txt").write_text("以项目建设为抓手，近日xx县局召开会议。\n", encoding="utf-8")
    result = cli("check", "--select", "XJ001,PH002", "--format", "json", "r.txt", env=_env(site))
    assert result.returncode == 1
    assert {i["code"] for i in json.loads(result.stdout)} == {"XJ001", "PH002"}
    assert "插件“reportlint-broken”" in result.stderr and "this plugin is broken" in result.stderr
    assert "在 reportlint_rules 中出错" in result.stderr and "cannot list rules" in result.stderr
    assert "Traceback" not in result.stderr
    result = cli("check", "--lang", "en", "--select", "XJ001,PH002", "--format", "json", "r.txt", env=_env(site))
    assert "reportlint: warning: plugin 'reportlint-broken'" in result.stderr
    assert "failed in reportlint_rules" in result.stderr and "cannot list rules" in result.stderr


def test_builtins_register_through_the_same_hooks():
    plugins = manager.build(load_entry_points=False)
    names = {plugins.manager.get_name(p) for p in plugins.manager.get_plugins()}
    assert set(manager.BUILTIN_PLUGINS) <= names
    assert any(rule.code == "PH001" for rule in plugins.rules())
    assert "concise" in plugins.collect("reportlint_formatters")


def test_every_hookspec_is_documented_and_implemented_by_a_builtin():
    plugins = manager.build(load_entry_points=False)
    specs = [name for name in dir(hookspecs) if name.startswith("reportlint_")]
    assert specs, "no hookspecs found"
    for name in specs:
        assert (getattr(hookspecs, name).__doc__ or "").strip(), f"{name} has no docstring"
        impls = getattr(plugins.manager.hook, name).get_hookimpls()
        assert impls, f"no built-in implements {name}: it would be untested"
    plugins.manager.check_pending()
