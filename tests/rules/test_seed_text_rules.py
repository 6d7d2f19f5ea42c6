"""Text families (PU PA SP EN DU ZH) on the seed, the corpus and original reports with slips."""

from __future__ import annotations

import json
import re

import pytest

from reportlint.diagnostics import Severity
from reportlint.fix.apply import apply_fixes, fixes_of
from reportlint.testing import lint_text

FAMILIES = "PU,PA,SP,EN,DU,ZH"
CJK = r"[\u4e00-\u9fff]"


_CACHE: dict[str, list[dict]] = {}


@pytest.fixture
def seed_findings(cli, seed_path):
    """The seed checked once through the real console script, JSON output."""
    if "seed" not in _CACHE:
        proc = cli("check", "--format", "json", "--select", FAMILIES, str(seed_path))
        assert proc.returncode == 1, proc.stderr
        _CACHE["seed"] = json.loads(proc.stdout)
    return _CACHE["seed"]


@pytest.fixture(scope="module")
def seed_lines(seed_path):
    return seed_path.read_text(encoding="utf-8").split("\n")


def _lines(findings, code):
    return [f["line"] for f in findings if f["code"] == code]


def test_half_width_punctuation_is_one_finding_per_line(seed_findings, seed_lines):
    expected = {
        n for n, text in enumerate(seed_lines, 1) if re.search(rf"{CJK}[,;:!?]|[,;:!?]{CJK}", text)
    }
    got = _lines(seed_findings, "PU001")
    assert len(got) == len(set(got)), "several PU001 findings on one line"
    assert set(got) == expected
    for f in seed_findings:
        if f["code"] == "PU001":
            text = seed_lines[f["line"] - 1]
            between = len(re.findall(rf"(?<={CJK})[,;](?={CJK})", text))
            assert f["fix"]["applicability"] == "safe"  # Latin on the seed is embedded: `,xx县局`
            assert len(f["fix"]["edits"]) >= between


def test_half_width_parentheses_outside_heading_ordinals(seed_findings, seed_lines):
    expected = {n for n, text in enumerate(seed_lines, 1) if "(" in text[1:]}
    assert set(_lines(seed_findings, "PU002")) == expected
    assert {4, 6, 56} & set(_lines(seed_findings, "PU002")) == set()  # (一) markers are HD's


def test_stray_angle_bracket_on_line_57(seed_findings, seed_lines):
    column = seed_lines[56].index(">") + 1
    found = [(f["line"], f["column"]) for f in seed_findings if f["code"] == "PA003"]
    assert found == [(57, column)]
    assert "〈" in next(f["message"] for f in seed_findings if f["code"] == "PA003")


def test_dunhao_between_titles_on_lines_5_and_85(seed_findings):
    runs = {f["line"]: len(f["fix"]["edits"]) for f in seed_findings if f["code"] == "SP003"}
    assert runs == {5: 4, 85: 2}


def test_nothing_else_from_these_families(seed_findings):
    assert {f["code"] for f in seed_findings} == {"PU001", "PU002", "PA003", "SP003"}


def test_safe_fixes_clear_the_width_findings_and_are_idempotent(seed_path):
    """Per-line fixes of different rules overlap, so they take a few passes, as in the fix loop."""
    text = seed_path.read_text(encoding="utf-8")
    fixed = text
    for _ in range(6):
        _, diags = lint_text(fixed, FAMILIES.split(","))
        fixed, applied = apply_fixes(fixed, fixes_of(diags, unsafe=False))
        if not applied:
            break
    assert not applied, "safe fixes did not converge"
    assert not [d for d in diags if d.code in ("PU001", "PU002", "SP003")]
    assert fixed.count("\n") == text.count("\n")
    assert "》《" in fixed and "（综合高中）" in fixed


# Original reports written for these tests: one with a planted slip of every text family on a
# known line, one clean. Nothing here is copied from the seed or the corpus.
PLANTED = """\
县农业农村局2024年上半年工作总结。
今年以来，我局在县委、县政府的正确领导下，紧紧围绕乡村振兴目标,扎实推进各项工作。现总结如下：
一、主要工作完成情况
（一）粮食生产稳中有进。全县完成粮食播种面积18.6万亩，同比增长1.2%。
（二）产业发展提质增效。一是做强特色产业。二是培育经营主体。四是拓展销售渠道。
（三）农村改革持续深化。先后印发了《农村集体资产管理办法》、《宅基地审批细则》等文件。
（四）人居环境整治扎实开展。组织开展村庄清洁行动36次，清理生活垃圾1.2万吨。
（五）防汛抗旱准备充分。按照《县应急局关于印发防汛应急预案>的通知》要求，落实防汛物资储备。
二、存在的问题
一是：农业基础设施仍然薄弱。二是农民增收渠道不宽。
组织开展村庄清洁行动36次，清理生活垃圾1.2万吨，村容村貌明显改善。
三、下半年工作打算
第一、抓好秋粮生产。第二，推进高标准农田建设，让农民参与社区社区建设。
全面完成年度目标任务，确保农业增效、农民增收。全面完成年度目标任务，确保农业增效、农民增收。
组织开展村庄清洁行动36次，清理生活垃圾1.2万吨，村容村貌明显改善。
认真做好"三农"宣传，及时总结推广典型經驗。
"""

# (line, code) pairs the planted report must produce
EXPECTED = {
    (1, "SP006"),
    (2, "PU001"),
    (5, "EN001"),
    (6, "SP003"),
    (8, "PA003"),
    (10, "SP001"),
    (13, "SP002"),
    (13, "DU003"),
    (14, "DU002"),
    (15, "DU001"),
    (16, "PU003"),
    (16, "ZH001"),
}

CLEAN = """\
县教育体育局2024年工作总结
2024年，县教育体育局坚持以人民为中心的发展思想，扎实推进教育强县建设，各项工作取得新成效。
一、主要成效
（一）办学条件持续改善。新建、改扩建中小学校5所，新增学位3200个，完成投资1.8亿元。
（二）教育质量稳步提升。一是深化课堂教学改革。二是加强教研队伍建设。三是完善质量监测体系。
（三）师资队伍不断壮大。招聘新教师126名，培训教师4500人次，师生比达到1:13.5。
（四）学生资助应助尽助。落实“两免一补”政策，资助家庭经济困难学生8600人次，发放资助金1260万元。
二、存在的问题
城乡教育资源配置仍不均衡，学前教育普惠程度有待提高，部分学校大班额问题尚未完全解决。
三、2025年工作打算
认真贯彻《中华人民共和国教育法》《义务教育学校管理标准》，按照《关于实施〈县域义务教育优质均衡发展督导评估办法〉的意见》要求，每天8:30前完成晨检，实实在在为群众办好事。
县教育体育局
2025年1月10日
"""


def _found(text: str) -> set[tuple[int, str]]:
    source, diags = lint_text(text, FAMILIES.split(","))
    return {
        (source.lines.position(d.start)[0], d.code) for d in diags if d.severity >= Severity.WARNING
    }


def test_planted_slips_are_found_on_their_lines():
    found = _found(PLANTED)
    missing = EXPECTED - found
    assert not missing, f"missed {sorted(missing)}; found {sorted(found)}"
    assert not found - EXPECTED, f"unexpected {sorted(found - EXPECTED)}"


def test_clean_report_raises_nothing():
    assert _found(CLEAN) == set()


# The slips ../shared/corpus/real/README.md lists in these families: (file, code, text on the line)
CORPUS_QUIRKS = [
    ("cn-gwr-2026-jiangxi.txt", "PU001", "时序节奏,推动"),
    ("cn-gwr-2026-jiangxi.txt", "PU001", "研发机构,增强"),
    ("cn-gwr-2026-beijing.txt", "PU001", "新增长点;推动"),
    ("cn-gwr-2010-national.txt", "PU003", '"三河三湖"'),
]
# these families may use a quarter of the shared budget (1 error/warning per 20,000 characters)
SHARE_OF_BUDGET = 0.25


@pytest.fixture(scope="module")
def corpus_findings(corpus_dir):
    found = {}
    for path in sorted(corpus_dir.glob("*.txt")):
        source, diags = lint_text(path.read_text(encoding="utf-8"), FAMILIES.split(","))
        found[path.name] = (source, [d for d in diags if d.severity >= Severity.WARNING])
    return found


def _line_of(source, diag) -> str:
    start, end = source.lines.line_span(source.lines.position(diag.start)[0])
    return source.text[start:end]


@pytest.mark.parametrize(
    "name,code,text", CORPUS_QUIRKS, ids=[f"{q[0]}:{q[2]}" for q in CORPUS_QUIRKS]
)
def test_documented_corpus_slips_are_found(corpus_findings, name, code, text):
    source, diags = corpus_findings[name]
    assert [d for d in diags if d.code == code and text in _line_of(source, d)]


def test_real_reports_stay_well_within_the_budget(corpus_findings):
    chars = sum(len(source.text) for source, _ in corpus_findings.values())
    noisy = [
        (name, source.lines.position(d.start)[0], d.code)
        for name, (source, diags) in corpus_findings.items()
        for d in diags
        if not any(
            q[0] == name and q[1] == d.code and q[2] in _line_of(source, d) for q in CORPUS_QUIRKS
        )
    ]
    assert len(noisy) <= SHARE_OF_BUDGET * chars / 20_000, noisy


def test_markdown_paragraph_wrapped_over_lines_keeps_its_quotes_paired(cli, tmp_path):
    wrapped = tmp_path / "wrapped.md"
    wrapped.write_text(
        "# 工作总结\n\n全局认真组织开展“不忘初心、\n牢记使命”主题教育，成效明显。\n",
        encoding="utf-8",
    )
    split = tmp_path / "split.md"
    split.write_text(
        "# 工作总结\n\n全局认真组织开展“不忘初心、\n\n牢记使命”主题教育，成效明显。\n",
        encoding="utf-8",
    )
    assert cli("check", "--select", "PA", "--format", "json", str(wrapped)).stdout.strip() == "[]"
    found = json.loads(cli("check", "--select", "PA", "--format", "json", str(split)).stdout)
    assert [(f["line"], f["code"]) for f in found] == [(3, "PA001"), (5, "PA002")]


def test_script_data_is_consistent():
    """Every pair maps a traditional-only character to a different simplified one; characters
    that 《通用规范汉字表》 keeps as standard (乾 著 瞭 …) must never be listed."""
    from reportlint.rules.script import load_data

    data = load_data()
    assert len(data.to_simplified) > 500
    assert not set(data.to_simplified) & data.simplified
    assert not set("乾著瞭藉覆夥於沈徵麽氾鍾") & set(data.to_simplified)
    assert all(term not in right and right for term, right in data.residue.items())
