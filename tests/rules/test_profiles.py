"""文种 profiles: the model's 文种 picks the profile; users add 文种 and change bundled ones."""

from __future__ import annotations

import textwrap

from reportlint.testing import lint_text

NOTICE = """\
    河口县教育局关于开展校园安全隐患排查整治的通知
    各乡镇中心学校，县直各学校：
    为切实做好校园安全工作，县教育局决定在全县开展校园安全隐患排查整治。现将有关事项通知如下：
    一、排查范围
    全县各级各类学校、幼儿园的校舍、食堂、宿舍、消防设施和周边环境。
    二、工作要求
    各学校要高度重视，成立排查小组，逐项排查，建立台账，对排查出的隐患立行立改，4月30日前完成全部排查。
    河口县教育局
    2024年4月8日
    """

INSPECTION = """\
    河口县应急管理局2024年第二季度安全检查报告
    一、检查情况
    4月至6月，我局共检查危险化学品、烟花爆竹和建筑施工企业86家，发现各类隐患213处。
    二、发现的问题
    部分企业安全培训流于形式，应急预案未按规定演练，个别企业消防通道被占用。
    河口县应急管理局
    2024年7月2日
    """

PROFILES = """\
doctypes:
  - id: notice
    sections: [notice-contact]
  - id: safety-inspection-report
    name: [安全检查报告, safety inspection report]
    title: '安全检查报告$'
    sections: [problems, rectification]
    signature: true
    source: '本单位公文规范第12条'
sections:
  notice-contact:
    name: [联系人和电话, contact]
    pattern: '联系人|联系电话'
  rectification:
    name: [整改措施, rectification]
    heading: [整改]
    paragraph: [整改, 限期]
"""


def _codes(text: str, select: list[str], options: dict | None = None) -> list[tuple[str, int, str]]:
    source, found = lint_text(textwrap.dedent(text), select, options)
    return [(d.code, source.lines.position(d.start)[0], d.message) for d in found]


def test_a_bundled_profile_is_changed_by_repeating_its_id(tmp_path):
    extra = tmp_path / "profiles.yaml"
    extra.write_text(PROFILES, encoding="utf-8")
    assert _codes(NOTICE, ["SC001"]) == []
    found = _codes(NOTICE, ["SC001"], {"SC001": {"doctypes": str(extra)}})
    assert [(code, line) for code, line, _ in found] == [("SC001", 1)]
    assert "通知缺少“联系人和电话”部分" in found[0][2]


def test_a_new_doctype_is_matched_on_its_title_and_its_source_is_named(tmp_path):
    extra = tmp_path / "profiles.yaml"
    extra.write_text(PROFILES, encoding="utf-8")
    assert _codes(INSPECTION, ["SC001"]) == []
    found = _codes(INSPECTION, ["SC001"], {"SC001": {"doctypes": str(extra)}})
    assert len(found) == 1 and "安全检查报告缺少“整改措施”部分（本单位公文规范第12条" in found[0][2]


def test_addressee_and_signature_rules_read_the_same_profiles(tmp_path):
    extra = tmp_path / "profiles.yaml"
    extra.write_text(PROFILES.replace("    signature: true\n", "    signature: true\n    addressee: required\n"),
                     encoding="utf-8")
    assert _codes(INSPECTION, ["AD001"]) == []
    found = _codes(INSPECTION, ["AD001"], {"AD001": {"doctypes": str(extra)}})
    assert [(code, line) for code, line, _ in found] == [("AD001", 1)]


def test_government_work_reports_are_not_judged_as_reports():
    text = """\
        政府工作报告
        各位代表：
        现在，我代表县人民政府，向大会报告政府工作，请予审议，并请县政协委员提出意见。
        一、2025年工作回顾
        全县地区生产总值增长6.1%，一般公共预算收入增长5.2%，城乡居民收入稳步增长。
        二、2026年主要任务
        坚持稳中求进工作总基调，扎实推进高质量发展。请批示的事项按程序办理。
        """
    assert _codes(text, ["SC", "AD", "SG", "AT", "IM"]) == []


APPLICATION = """\
    河口县水务局关于拨付防汛物资购置经费的申请
    县财政局：
    入汛以来，我县降雨量较常年偏多三成，现有防汛物资已不能满足抢险需要。经测算，需购置编织袋、救生衣、
    冲锋舟等物资，共需经费48.6万元，我局自有资金无法解决。
    河口县水务局
    2024年6月3日
    """


def test_a_users_title_for_a_bundled_doctype_changes_the_decision(tmp_path):
    extra = tmp_path / "profiles.yaml"
    extra.write_text("doctypes:\n  - id: request\n    title: '(?:请示|申请)$'\n", encoding="utf-8")
    assert _codes(APPLICATION, ["SC001"]) == []
    found = _codes(APPLICATION, ["SC001"], {"SC001": {"doctypes": str(extra)}})
    assert [(code, line) for code, line, _ in found] == [("SC001", 1)]
    assert "请示缺少“请示事项和结语" in found[0][2]
