"""Markdown: prose and headings are linted at their original positions; markup is not."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from reportlint.load.markdown import read
from reportlint.model import Section
from reportlint.parse import parse_document
from reportlint.run.check import CheckOptions, run

INPUTS = Path(__file__).resolve().parents[1] / "fixtures" / "inputs"


def _lint(path: Path, **options):
    _, results = run([str(path)], CheckOptions(**options))
    assert [r.error for r in results] == [None]
    return results[0]


def _positions(result) -> list[tuple[str, int, int]]:
    return [(d.code, *result.source.lines.position(d.start)) for d in result.diagnostics]


def test_seed_in_a_fenced_block_gives_nothing_for_that_block(seed_path, tmp_path):
    seed = seed_path.read_text(encoding="utf-8").rstrip("\n")
    txt = tmp_path / "seed.txt"
    txt.write_text(seed + "\n", encoding="utf-8")
    want = _positions(_lint(txt))
    assert want
    fence_top = len(seed.split("\n")) + 2  # line of the opening fence
    md = tmp_path / "seed.md"
    md.write_text(seed + "\n\n```text\n" + seed + "\n```\n", encoding="utf-8")
    got = _positions(_lint(md))
    assert [f for f in got if f[1] >= fence_top] == []
    # the prose part is the .txt, line for line and column for column
    assert got == want


def test_markup_is_blanked_with_same_length_and_lines():
    data = (INPUTS / "farm-report.md").read_bytes()
    source = read(data, "farm-report.md")
    assert len(source.text) == len(source.original)
    assert [len(line) for line in source.text.split("\n")] == [len(line) for line in source.original.split("\n")]
    assert source.lossless and source.encode() == data
    for hidden in ("https://example.org", "img/xx.png", "缩进代码块", "网页片段", "author:", "```",
                   "保留作对照", "xx乡`"):
        assert hidden in source.original and hidden not in source.text, hidden
    for shown in ("乡村振兴", "某县农业农村局2023年工作总结", "一、主要工作", "组织xx乡开展"):
        assert shown in source.text, shown


def test_only_the_prose_defect_is_reported_at_its_original_position(tmp_path):
    md = tmp_path / "farm-report.md"
    shutil.copy(INPUTS / "farm-report.md", md)
    result = _lint(md, select=["PH"])
    line = md.read_text(encoding="utf-8").split("\n").index(
        "（二）推进人居环境整治。组织xx乡开展村庄清洁行动，整治沟渠180公里，群众满意度明显提高。") + 1
    assert _positions(result) == [("PH002", line, 15)]


def test_hash_headings_and_ordinals_feed_the_skeleton():
    source = read((INPUTS / "farm-report.md").read_bytes(), "farm-report.md")
    document = parse_document(source)
    article = document.articles[0]
    assert article.title is not None and article.title.text == "某县农业农村局2023年工作总结"
    top = [child.heading for child in article.children if isinstance(child, Section)]
    assert [(h.marker, h.title, h.level, h.markup_level) for h in top] == [
        ("一、", "主要工作", 1, 1), ("二、", "存在的问题", 1, 1), ("三、", "下一步工作打算", 1, 1)]
    subsections = [h.marker for h in top[0:1] for h in document.headings() if h.level == 2]
    assert subsections == ["（一）", "（二）"]
    assert article.signature is not None and article.signature.date is not None


def test_unnumbered_markup_heading_is_a_paragraph_that_ends_the_section():
    text = "# 某局工作总结\n\n## 一、工作情况\n\n（一）安全管理。开展检查。\n\n## 体会\n\n坚持问题导向。\n"
    document = parse_document(read(text.encode(), "x.md"))
    article = document.articles[0]
    assert [h.marker for h in document.headings()] == ["一、", "（一）"]
    heading_like = [p for p in article.paragraphs() if p.markup_level is not None]
    assert [(p.text, p.markup_level) for p in heading_like] == [("体会", 1)]
    assert not isinstance(article.children[-1], Section)  # 体会 is not inside 一、


def test_setext_headings_blockquotes_lists_and_tables():
    text = ("某局工作总结\n======\n\n> 一、引文中的标题\n\n- 第一项内容\n* 第二项内容\n\n"
            "| 项目 | 数量 |\n| --- | ---: |\n| 学校 | 12 |\n\n1. 实施学前教育普及工程\n")
    source = read(text.encode(), "x.md")
    assert source.heading_hints[1] == 0
    lines = source.text.split("\n")
    assert lines[1].strip() == "" and lines[3].strip() == "一、引文中的标题"
    assert lines[5].strip() == "第一项内容" and lines[6].strip() == "第二项内容"
    assert lines[8].split() == ["项目", "数量"] and lines[9].strip() == "" and lines[10].split() == ["学校", "12"]
    assert lines[12] == "1. 实施学前教育普及工程"  # an ordered list number is a Chinese report's 1.


def test_unclosed_fence_runs_to_the_end():
    text = "正文。\n\n```\nxx县20XX年\n"
    source = read(text.encode(), "x.md")
    assert source.text.strip() == "正文。"


def test_findings_inside_markup_are_dropped(tmp_path):
    # the half-width parenthesis rule would fire on a link target's "(" if it were linted
    md = tmp_path / "links.md"
    md.write_text("详见[通知原文](https://example.org/a(1).html)，请各单位遵照执行。\n", encoding="utf-8")
    assert _lint(md).diagnostics == []


_PIECES = st.sampled_from(["#", "## ", "```", "~~~", "    ", "\t", "<!--", "-->", "<div>", "</div>", "[", "]",
                           "(", ")", "![", "`", "*", "**", "_", "|", "---", "> ", "- ", "1. ", "\\", "http://a.b/c",
                           "一、", "（一）", "工作总结", "xx县", "。", " ", "\n", "\n\n", "+++", "<https://x.y>"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
@example("#<!--`#`-->")  # a code span inside a comment: the comment is kept as written
def test_any_markdown_keeps_every_offset(text):
    source = read(text.encode(), "x.md")
    assert len(source.text) == len(source.original) == len(text)
    for got, was in zip(source.text, source.original):
        assert got == was or (got == " " and was != "\n")
    for start, end in source.masks:
        assert 0 <= start < end <= len(text)
        assert source.text[start:end].strip() == ""
    for start, end, body in source.comments:
        assert text[start:end] == body and body.startswith("<!--")
    parse_document(source)  # any input parses


def test_a_bare_url_in_brackets_is_no_empty_bracket_and_an_underscore_run_is_a_blank(tmp_path):
    md = tmp_path / "plan.md"
    md.write_text("居民可通过报名系统（https://yg.example.cn/signup）报名，这是__重点__工作。\n\n"
                  "联系人：李芳，联系电话：______。\n", encoding="utf-8")
    assert _positions(_lint(md, select=["PH"])) == [("PH005", 3, 13)]
