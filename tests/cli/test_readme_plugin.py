"""The README's plugin example, extracted from README.md, installed through an entry point, run."""

from __future__ import annotations

import json
import os
import re
import textwrap
from pathlib import Path

from tests.conftest import ROOT

README = ROOT / "README.md"


def _readme_block(first_line: str) -> str:
    """The fenced block of README.md that starts with ``first_line``."""
    for block in re.findall(r"```[a-z]*\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL):
        if block.startswith(first_line):
            return block
    raise AssertionError(f"README.md has no code block starting with {first_line!r}")


def _install(site: Path) -> None:
    """A distribution on PYTHONPATH whose entry point is the README's `[project.entry-points.reportlint]`."""
    toml = _readme_block("[project.entry-points.reportlint]")
    name, module = re.search(r'^([\w-]+)\s*=\s*"([\w.]+)"', toml, re.MULTILINE).groups()
    (site / f"{module}.py").write_text(_readme_block(f"# {module}.py"), encoding="utf-8")
    info = site / "reportlint_house-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: reportlint-house\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[reportlint]\n{name} = {module}\n", encoding="utf-8")


def test_readme_plugin_example_runs_as_an_installed_plugin(cli, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    _install(site)
    env = {"PYTHONPATH": os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")]))}
    report = tmp_path / "r.txt"
    report.write_text("以项目建设为抓手，推动发展。\n各单位要找准抓手。\n", encoding="utf-8")
    result = cli("check", "--select", "house-style", "--format", "json", "r.txt", env=env)
    assert result.returncode == 1, result.stderr
    assert "warning" not in result.stderr and "警告" not in result.stderr, result.stderr
    found = json.loads(result.stdout)
    assert [(i["code"], i["name"], i["severity"], i["line"], i["column"], i["end_column"]) for i in found] == [
        ("XJ001", "no-jargon", "info", 1, 7, 9), ("XJ001", "no-jargon", "info", 2, 7, 9)]
    assert found[0]["message"] == "避免使用“抓手”"
    fixed = cli("check", "--select", "XJ001", "--fix", "r.txt", env=env)
    assert fixed.returncode == 0, fixed.stderr
    assert report.read_text(encoding="utf-8") == "以项目建设为重点，推动发展。\n各单位要找准重点。\n"
    assert "## Use instead" in cli("rule", "no-jargon", env=env).stdout


def test_readme_plugin_cases_run_without_installing(tmp_path, monkeypatch):
    """`reportlint.testing.run_cases` with the rule class passed in: the README's second snippet."""
    (tmp_path / "reportlint_house.py").write_text(_readme_block("# reportlint_house.py"), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    from reportlint_house import NoJargon  # type: ignore[import-not-found]

    from reportlint.testing import run_cases

    cases = tmp_path / "XJ001.yml"
    cases.write_text(textwrap.dedent("""\
        rule: XJ001
        cases:
          jargon:
            fail_str: "以项目建设为抓手。"
            violations: [{line: 1, column: 7, end_column: 9}]
            fix_str: "以项目建设为重点。"
          plain:
            pass_str: "以项目建设为重点。"
        """), encoding="utf-8")
    assert run_cases(cases, rules=[NoJargon]) == 2
    cases.write_text(cases.read_text(encoding="utf-8").replace("column: 7", "column: 6"), encoding="utf-8")
    try:
        run_cases(cases, rules=[NoJargon])
    except AssertionError as exc:
        assert "XJ001_jargon: positions differ" in str(exc)
    else:
        raise AssertionError("a wrong expected column must fail")
