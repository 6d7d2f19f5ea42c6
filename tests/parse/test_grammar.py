"""The skeleton grammar: line kinds, heading variants, run-in bodies, and that any input parses."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportlint.load.source import Source
from reportlint.model import Section
from reportlint.parse import parse_document
from reportlint.parse.parser import classify_lines, parser


def kinds(text: str) -> list[tuple[str, str | None]]:
    lines, problem = classify_lines(text)
    assert problem is None
    return [(line.kind, line.marker_type) for line in lines]


def test_grammar_builds_in_strict_mode():
    strict = parser(strict=True)  # raises on regex collisions and LALR conflicts
    assert strict.options.parser == "lalr" and strict.options.lexer == "contextual"


def test_parser_is_built_once():
    assert parser() is parser()


@pytest.mark.parametrize("line, marker", [
    ("一、总体情况", "H1"), ("十二、其他", "H1"), ("一.总体情况", "H1"), ("二，存在问题", "H1"),
    ("（一）指导思想", "H2"), ("(一)指导思想", "H2"), ("（二)混合括号", "H2"), ("（一）、多了顿号", "H2"),
    ("1.实施学前教育普及工程", "H3"), ("1、实施工程", "H3"), ("1．全角点", "H3"), ("12。句号", "H3"),
    ("（1）具体措施", "H4"), ("(2)半角括号", "H4"), ("　　三、全角空格缩进", "H1"),
])
def test_heading_variants(line, marker):
    assert kinds(line) == [("heading", marker)]


@pytest.mark.parametrize("line", [
    "1.5万元用于校舍维修。", "2011年全县完成投资。", "一是加强领导。", "二〇二三年是关键之年，任务繁重。",
    "十分重要的是统一思想。", "(注：数据截至年底)", "第一篇章已经完成。", "123.全县合计",
])
def test_text_that_only_looks_like_a_heading(line):
    assert kinds(line) == [("text_line", None)]


@pytest.mark.parametrize("line", ["第1篇 县教育局工作总结", "第二篇：活动总结", "第3篇"])
def test_compilation_markers(line):
    assert kinds(line) == [("compilation", "COMPILATION")]


@pytest.mark.parametrize("line", ["2023年12月28日", "  二〇二三年十二月二十八日", "（2024年1月5日）", "2023 年 5 月 6 日"])
def test_date_lines(line):
    assert kinds(line) == [("date_line", None)]


@pytest.mark.parametrize("line", ["77位用户关注", "热度:97", "推荐度：", "下载此文档", "上一篇：乡镇工作总结"])
def test_residue_lines(line):
    assert kinds(line) == [("residue", None)]


def test_run_in_heading_body_is_split_at_the_first_full_stop():
    source = Source.from_text("（一）精心研究,制定方案。在县工作启动后，及时召开会议。\n")
    heading = next(parse_document(source).headings())
    assert (heading.level, heading.ordinal, heading.style) == (2, 1, "（N）")
    assert heading.title == "精心研究,制定方案"
    assert heading.body == "在县工作启动后，及时召开会议。"
    assert source.text[heading.body_span.start:heading.body_span.end] == heading.body


def test_sections_nest_by_level_and_articles_split_at_markers():
    text = ("第1篇 甲局工作总结\n一、成绩\n（一）产业\n1.招商\n正文。\n二、问题\n正文。\n"
            "第2篇 乙局工作要点\n一、目标\n正文。\n乙局\n2024年1月2日\n")
    doc = parse_document(Source.from_text(text))
    first, second = doc.articles
    assert (first.marker_label, first.title_text) == ("第1篇", "甲局工作总结")
    top = [c for c in first.children if isinstance(c, Section)]
    assert [s.heading.title for s in top] == ["成绩", "问题"]
    assert top[0].children[0].heading.title == "产业"
    assert top[0].children[0].children[0].heading.title == "招商"
    assert second.signature.units[0].text == "乙局" and second.signature.date.text == "2024年1月2日"


def test_title_without_marker():
    doc = parse_document(Source.from_text("2026年某市政府工作报告\n各位代表：\n现在报告工作。\n"))
    assert doc.articles[0].title_text == "2026年某市政府工作报告"
    # the salutation after the title is the 主送机关 element, not body text
    assert [p.text for p in doc.articles[0].paragraphs()] == ["现在报告工作。"]
    assert doc.articles[0].element("addressee").text == "各位代表："


_alphabet = st.sampled_from(list("一二三十（）()、.．。，,：:1290年月日第篇 \t　\n总结xX*【】〔〕《》“”位用户关注热度") + ["\r\n"]
                            + ["附件", "抄送：", "印发", "文件", "号", "机密", "★", "特急", "签发人：", "联系人：",
                               "（此件", "时间：", "出席：", "市人民政府", "000001", "请示", "各单位："])


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_alphabet, max_size=200).map("".join))
def test_any_input_parses_and_keeps_every_line(text):
    source = Source.from_text(text)
    doc = parse_document(source)
    assert doc.problems == ()
    nonblank = [ln.strip(" \t\u3000") for ln in source.text.split("\n") if ln.strip(" \t\u3000")]
    assert [line.text for line in doc.lines] == nonblank
    for line in doc.lines:
        assert source.text[line.span.start:line.span.end] == line.text


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_alphabet, max_size=200).map("".join))
def test_every_line_lands_in_exactly_one_place(text):
    """Each line belongs to one article, where it is an element, body text (a heading or a
    paragraph), the signature, residue or the marker: nothing is lost, nothing is read twice."""
    doc = parse_document(Source.from_text(text))
    owners: dict[int, int] = {}
    for index, article in enumerate(doc.articles):
        elements = {ln.number for e in article.elements for ln in e.lines}
        body = [h.line.number for h in article.headings()] + [p.line.number for p in article.paragraphs()]
        assert len(body) == len(set(body)) and not elements & set(body)
        residue = {ln.number for ln in article.residue}
        assert not residue & (elements | set(body))
        if article.signature:
            signed = {u.number for u in article.signature.units}
            signed |= {article.signature.date.number} if article.signature.date else set()
            assert signed <= elements  # the 落款 is also the issuer and date elements
        mine = elements | set(body) | residue | ({article.marker.number} if article.marker else set())
        for number in mine:
            assert owners.setdefault(number, index) == index
    assert sorted(owners) == sorted(line.number for line in doc.lines)
