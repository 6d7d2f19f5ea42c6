"""Issue 3 on the real seed report (dates, anniversaries, sums, sections, signature, wording), plus their options."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections import defaultdict

import pytest

from reportlint.testing import lint_text

FAMILIES = "DT,AN,SM,SC,SG,WD"


@pytest.fixture
def found(cli, seed_path) -> dict[str, set[int]]:
    """Code → lines reported on the seed by my families in one JSON run."""
    result = cli("check", "--format", "json", "--select", FAMILIES, str(seed_path))
    assert result.returncode == 1, result.stderr
    lines: dict[str, set[int]] = defaultdict(set)
    for item in json.loads(result.stdout):
        lines[item["code"]].add(item["line"])
    return lines


def test_anniversaries_contradict_the_2023_title(found):
    assert found["AN001"] == {39, 41}  # 建党90周年 and 第27个教师节 both put the plan in 2011


def test_the_twelfth_five_year_plan_is_not_current_in_2023(found):
    assert found["AN002"] == {28}  # 为实现全县教育“十二五”发展目标开好头


def test_signature_without_date_on_line_82(found):
    assert found["SG001"] == {82}  # 县局, and nothing under it


def test_dotted_date_on_line_83(found):
    assert found["DT003"] == {83}  # 县局4.15全民国家安全教育日


def test_the_correct_sum_on_line_11_passes(found):
    assert 11 not in found["SM001"]  # 318 = 149 + 169


def test_no_section_is_missing_in_the_seed(found):
    # line 25 is a problems paragraph without a heading; 二、2011年工作要点 holds the plans
    assert "SC001" not in found


def test_english_messages(cli, seed_path):
    result = cli("check", "--format", "json", "--select", "SG001", "--lang", "en", str(seed_path))
    message = json.loads(result.stdout)[0]["message"]
    assert "has no date" in message and "县局" in message


def _one(rule: str, text: str, options: dict) -> list[str]:
    _, diags = lint_text(textwrap.dedent(text), [rule], {rule: options})
    return [d.message for d in diags if d.code == rule]


def test_user_wording_list_adds_terms(tmp_path):
    extra = tmp_path / "words.yaml"
    extra.write_text("avoid:\n  - term: 抓手\n    reason: [空话套话, a cliché]\n    source: 本单位文风要求\n",
                     encoding="utf-8")
    text = "以项目建设为抓手，推动全镇经济发展。"
    assert _one("WD001", text, {}) == []
    assert _one("WD001", text, {"lists": [str(extra)]}) == ["公文中不宜使用“抓手”（空话套话）"]


def test_user_anchor_file_adds_facts(tmp_path):
    extra = tmp_path / "anchors.yaml"
    extra.write_text(
        "ordinals:\n  - id: county-founding\n    pattern: '建县(?P<n>N)周年'\n    base: 1952\n"
        "    source: 县志\n", encoding="utf-8")
    text = """\
        县文化馆2023年工作总结
        举办建县60周年文艺汇演。
        """
    assert _one("AN001", text, {}) == []
    assert len(_one("AN001", text, {"anchors": [str(extra)]})) == 1


def test_user_doctype_profile_is_tried_first(tmp_path):
    extra = tmp_path / "doctypes.yaml"
    extra.write_text(
        "doctypes:\n  - id: activity-summary\n    name: [活动总结, activity summary]\n"
        "    title: '活动总结'\n    sections: [problems]\n    min-headings: 0\n    signature: true\n"
        "sections:\n  problems:\n    name: [存在的问题, problems]\n    heading: [问题, 不足]\n"
        "    paragraph: [不足]\n", encoding="utf-8")
    text = """\
        县图书馆读书月活动总结
        一、活动开展情况
        举办阅读分享会12场，开展图书漂流活动，参与群众3000余人次。
        二、活动成效
        全县居民综合阅读率进一步提高。
        """
    assert _one("SC001", text, {}) == []  # the bundled profile judges 活动总结 of three sections or more
    assert len(_one("SC001", text, {"doctypes": str(extra)})) == 1


def test_jieba_is_loaded_only_when_a_candidate_occurs():
    """A text without any keyword never imports jieba (the ~1 s dictionary is never paid)."""
    code = (
        "import sys\n"
        "from reportlint.testing import lint_text\n"
        "lint_text('今天天气晴朗。', ['SC', 'WD'])\n"
        "assert 'jieba' not in sys.modules, 'jieba loaded for nothing'\n"
        "lint_text('建国以来，全县累计建成水库26座。', ['WD'])\n"
        "assert 'jieba' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_segmentation_matches_full_jieba():
    """The sub-dictionary gives exactly the boundaries of jieba with its full dictionary."""
    from reportlint.text import segment

    text = ("重建国家安全体系；自建国以来，建国路小学；创建国家级示范区。存在的问题和不足有待解决，"
            "下一步工作打算是组建篮球、书法及其它兴趣小组。")
    jieba = segment._jieba()
    full = jieba.Tokenizer()  # the full default dictionary (slow: loads it)
    for match in segment._BLOCK.finditer(text):
        block, cuts, pos = match.group(0), {0}, 0
        for token in full.cut(block, HMM=False):
            pos += len(token)
            cuts.add(pos)
        assert segment.boundaries(block) == cuts, block
