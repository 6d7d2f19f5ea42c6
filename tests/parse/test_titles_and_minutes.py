"""The model joins a title wrapped over lines and reads 纪要 header fields in their usual forms."""

from __future__ import annotations

import pytest

from reportlint.load.source import Source
from reportlint.model import Document
from reportlint.parse import parse_document

BODY = "各乡镇人民政府，县直各单位：\n近期我县进入主汛期，降雨频繁。请各单位于6月20日前完成隐患排查。\n"


def doc(text: str) -> Document:
    return parse_document(Source.from_text(text))


@pytest.mark.parametrize("head, title, doctype", [
    ("青山县人民政府办公室关于进一步加强汛期\n安全生产工作的通知\n",
     "青山县人民政府办公室关于进一步加强汛期安全生产工作的通知", "notice"),
    ("青山县人民政府办公室\n关于印发青山县2024年\n安全生产工作要点的通知\n",
     "青山县人民政府办公室关于印发青山县2024年安全生产工作要点的通知", "notice"),
    ("青山县人民政府办公室关于印发2024年工作要点\n的通知\n",
     "青山县人民政府办公室关于印发2024年工作要点的通知", "notice"),
])
def test_a_wrapped_title_is_joined(head, title, doctype):
    article = doc(head + BODY).articles[0]
    assert article.title_text == title and article.doctype.id == doctype
    assert [line.number for line in article.title_lines] == list(range(1, head.count("\n") + 1))
    assert article.element("title").field("value") == title
    assert article.element("addressee") is not None  # the line after the title is still the 主送
    assert all(line.text != "安全生产工作的通知" for line in article.body_lines())


@pytest.mark.parametrize("head", [
    "青山县水务局2024年工作总结\n青山县水务局\n",  # a byline under a whole title
    "中共青山县委组织部\n青山县人力资源和社会保障局\n关于做好年度考核工作的通知\n",  # joint issuers
    "青山县审计局\n2024年工作总结\n",  # a byline over the title
    "关于进一步加强汛期安全生产工作\n——在全县防汛工作会议上的讲话\n",  # a subtitle
    "关于进一步加强汛期安全生产工作\n近期降雨频繁，各单位要提高警惕。\n",  # a sentence
])
def test_lines_that_are_not_a_wrap_stay_apart(head):
    article = doc(head + BODY).articles[0]
    assert article.title_rest == () and article.title_text == head.split("\n")[0]


def test_a_title_naming_its_doctype_at_the_end_wins_over_one_inside():
    assert doc("关于印发2024年工作要点的通知\n" + BODY).articles[0].doctype.id == "notice"
    assert doc("关于2023年工作总结的报告\n" + BODY).articles[0].doctype.id == "report"
    assert doc("青山县2024年工作要点\n" + BODY).articles[0].doctype.id == "work-points"


MINUTES = """\
青山县人民政府第15次常务会议纪要
会议时间：2024年5月8日上午
主 持 人：县长王某某
参会人员：县政府领导班子成员
列席单位：县发改委、县财政局
记 录 员：张某
会议研究了重点项目建设有关事项。纪要如下：
一、关于重点项目建设
会议要求县发改委牵头建立项目调度机制。
"""


def test_minutes_fields_in_their_usual_forms():
    article = doc(MINUTES).articles[0]
    labels = [e.field("label") for e in article.elements_of("minutes_field")]
    assert labels == ["时间", "主持人", "参会人员", "列席单位", "记录员"]


def test_minutes_fields_tell_a_minutes_without_its_title():
    text = MINUTES.replace("青山县人民政府第15次常务会议纪要", "青山县人民政府第15次常务会议")
    article = doc(text).articles[0]
    assert article.doctype is not None and article.doctype.id == "minutes"


def test_a_meeting_notices_details_are_not_minutes_fields():
    text = ("关于召开全县防汛工作会议的通知\n各乡镇人民政府，县直各单位：\n经县政府同意，定于6月5日召开全县防汛工作会议。\n"
            "一、会议安排\n会议时间：6月5日上午9时\n参会人员：各乡镇分管负责同志\n")
    article = doc(text).articles[0]
    assert article.elements_of("minutes_field") == [] and article.doctype.id == "meeting-notice"
