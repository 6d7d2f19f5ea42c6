"""Rule documentation in Chinese and English: every rule has both, with the same structure."""

from __future__ import annotations

import json
import re

import pytest

from reportlint import ruledocs
from reportlint.plugins import manager

RULES = manager.build().rules()
CJK = re.compile(r"[\u4e00-\u9fff]")


def test_every_rule_is_documented_in_chinese():
    missing = [r.code for r in RULES if not ruledocs.chinese(r)]
    assert not missing, f"rules without rulesets/docs/zh/CODE.md: {missing}"
    assert len(RULES) >= 71


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_chinese_and_english_docs_match_in_structure(rule):
    en, zh = rule.doc(), ruledocs.chinese(rule)
    assert zh is not None, f"{rule.code}: write rulesets/docs/zh/{rule.code}.md"
    assert ruledocs.headings(zh) == [ruledocs.HEADINGS[h] for h in ruledocs.headings(en)]
    assert ruledocs.examples(zh) == ruledocs.examples(en)  # the examples are the same text
    first = zh.splitlines()[0]
    assert CJK.search(first) and not first.startswith("#")
    for heading in ("作用", "原因", "示例", "改为"):
        assert f"## {heading}" in zh
    assert ("## 修复安全性" in zh) == ("## Fix safety" in en)
    # every section says something in Chinese (not an untranslated English paragraph)
    for section in re.split(r"^## .*$", _without_examples(zh), flags=re.M)[1:]:
        if section.strip():
            assert CJK.search(section), (rule.code, section)


def _without_examples(text: str) -> str:
    return re.sub(r"```.*?```", "", text, flags=re.S)


def test_standard_clause_is_its_own_section_before_fix_safety():
    rule = next(r for r in RULES if r.code == "DN004")
    zh, en = ruledocs.full(rule, "zh"), ruledocs.full(rule, "en")
    assert ruledocs.headings(zh) == ["作用", "原因", "示例", "改为", "依据条款", "修复安全性"]
    assert ruledocs.headings(en) == ["What it does", "Why is this bad?", "Example", "Use instead", "Standard", "Fix safety"]
    assert "## 依据条款\nGB/T 9704-2012 7.2.5\n" in zh


def test_rule_and_rules_speak_chinese_by_default_and_english_on_request(cli):
    zh = cli("rule", "PH001").stdout
    assert zh.startswith("PH001 (masked-year)\n分组：")
    assert "## 作用" in zh and "## 修复安全性" in zh and "## What it does" not in zh
    en = cli("rule", "PH001", "--lang", "en").stdout
    assert "## What it does" in en and "## 作用" not in en
    listed = json.loads(cli("rules", "--format", "json").stdout)
    assert all(CJK.search(r["summary"]) for r in listed)
    english = json.loads(cli("rules", "--format", "json", "--lang", "en").stdout)
    by_code = {r.code: r for r in RULES}
    assert all(r["summary"] == by_code[r["code"]].summary() for r in english)


def test_sarif_help_and_html_summaries_follow_the_language(cli, tmp_path):
    (tmp_path / "r.txt").write_text("20XX年工作总结\n", encoding="utf-8")
    zh = json.loads(cli("check", "--format", "sarif", "r.txt").stdout)
    en = json.loads(cli("check", "--format", "sarif", "--lang", "en", "r.txt").stdout)
    help_zh = {r["id"]: r["help"]["markdown"] for r in zh["runs"][0]["tool"]["driver"]["rules"]}
    help_en = {r["id"]: r["help"]["markdown"] for r in en["runs"][0]["tool"]["driver"]["rules"]}
    assert "## 作用" in help_zh["PH001"] and "## What it does" in help_en["PH001"]
    assert "## 依据条款" in help_zh["DN004"] and "## Standard" in help_en["DN004"]
    html = cli("check", "--format", "html", "r.txt").stdout
    assert "年份留着模板占位符" in html
