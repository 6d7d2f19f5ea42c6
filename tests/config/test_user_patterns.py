"""Patterns from a user's data files (SC001 ``doctypes``, AN001 ``anchors``) never backtrack
exponentially: nested quantifiers are refused with one line and exit 2, before any text is matched."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reportlint.text.userre import UnsafePattern, check

EXPONENTIAL = ["(a+)+$", "(.*)*x", "(a|aa)+$", "(a*b*)+c", "(?:x|x?)+y", "((?:a+))*$"]
LINEAR = ["年+", "(?:年|月)+", "a{2,5}", "(ab)*c", "工作(?:总结|报告)", "[一二三四五六七八九十]+、", "(?>a+)+b"]


@pytest.mark.parametrize("pattern", EXPONENTIAL)
def test_nested_quantifiers_are_refused(pattern: str) -> None:
    with pytest.raises(UnsafePattern, match="exponential"):
        check(pattern)


@pytest.mark.parametrize("pattern", LINEAR)
def test_ordinary_patterns_pass(pattern: str) -> None:
    check(pattern)


def test_an_invalid_pattern_is_still_re_error() -> None:
    with pytest.raises(re.error):
        check("(a+")


# 28 letters then one that breaks the match: ``(a+)+$`` needs ~2**28 steps in ``re`` (minutes)
TITLE = "a" * 28 + "b\n\n一、总体情况\n正文。\n二、问题\n正文。\n"


def _project(tmp_path: Path, rule: str, option: str, data_name: str, data: str) -> Path:
    (tmp_path / data_name).write_text(data, encoding="utf-8")
    value = f"[{data_name}]" if option == "anchors" else data_name
    (tmp_path / ".reportlint.yaml").write_text(f"rules:\n  {rule}:\n    {option}: {value}\n", encoding="utf-8")
    doc = tmp_path / "doc.txt"
    doc.write_text(TITLE, encoding="utf-8")
    return doc


def test_a_doctypes_title_with_nested_quantifiers_is_exit_2_not_a_hang(cli, tmp_path: Path) -> None:
    data = 'doctypes:\n  - id: x\n    name: [甲, x]\n    title: "(a+)+$"\n    sections: []\n'
    doc = _project(tmp_path, "SC001", "doctypes", "types.yaml", data)
    run = cli("check", str(doc), "--lang", "en")  # the fixture's timeout is 120 s; this hung for minutes
    assert run.returncode == 2
    (line,) = [x for x in run.stderr.splitlines() if "SC001" in x]
    assert "doctypes: title" in line and "(a+)+$" in line and "exponential" in line


def test_an_anchor_with_nested_quantifiers_is_exit_2(cli, tmp_path: Path) -> None:
    data = ("ordinals:\n  - id: x\n    pattern: '(?:建(?:设)*)+(?P<n>N)周年'\n    base: 1921\n"
            "    source: 测试\n")
    doc = _project(tmp_path, "AN001", "anchors", "anchors.yaml", data)
    run = cli("check", str(doc), "--lang", "en")
    assert run.returncode == 2
    (line,) = [x for x in run.stderr.splitlines() if "AN001" in x]
    assert "nested quantifiers" in line


def test_the_bundled_profiles_patterns_pass_the_check() -> None:
    """The bundled doctypes.yaml is trusted at run time (its patterns compile on first use):
    checked here instead."""
    from reportlint.config.datafiles import read_mapping
    from reportlint.config.resources import data_dir

    data = read_mapping(data_dir("rulesets") / "data" / "doctypes.yaml")
    patterns = [entry[key] for entry in data["doctypes"] for key in ("title", "addressee-when") if entry.get(key)]
    patterns += [value[key] for value in data["sections"].values()
                 for key in ("pattern", "unless-next", "many", "required-when") if value.get(key)]
    assert len(patterns) > 20
    for pattern in patterns:
        check(pattern)
        re.compile(pattern)
