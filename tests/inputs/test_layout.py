"""The .docx formatting reader and the LY family on fixtures built with python-docx."""

from __future__ import annotations

import io

from reportlint.load.docx import read
from reportlint.load.docx_layout import read_formatting
from reportlint.testing import lint_text
from reportlint.testing_docx import build

DOC = ("关于做好2024年防汛工作的通知\n各乡镇人民政府：\n为切实做好今年防汛工作，现将有关事项通知如下。\n"
       "一、提高思想认识\n（一）压实责任。各地要落实防汛责任制。\n各单位要认真贯彻落实。\n2024年5月6日")


def _styles_and_theme_only() -> bytes:
    """Fonts set nowhere on runs: body from Normal via the theme, headings from a style chain."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = docx.Document(io.BytesIO(build(DOC)))
    for p in document.paragraphs:
        for r in p.runs:
            rpr = r._element.find(qn("w:rPr"))
            if rpr is not None:
                r._element.remove(rpr)
    normal = document.styles["Normal"]
    normal.font.size = Pt(16)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsiaTheme"), "minorEastAsia")
    base = document.styles.add_style("GwHeadBase", 1)
    base.font.size = Pt(22)
    base.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "方正小标宋简体")
    title = document.styles.add_style("GwTitle", 1)
    title.base_style = base  # the font comes from basedOn
    document.paragraphs[0].style = title
    # a theme whose minor East-Asian font is empty: the Hans script entry applies (w:themeFontLang)
    theme_part = next(p for p in document.part.package.iter_parts() if p.partname.endswith("theme1.xml"))
    xml = theme_part.blob.decode("utf-8")
    start = xml.index("<a:minorFont>")
    end = xml.index("</a:minorFont>")
    minor = xml[start:end]
    import re
    minor = re.sub(r'<a:ea typeface="[^"]*"/>', '<a:ea typeface=""/>', minor)
    minor = re.sub(r'<a:font script="Hans" typeface="[^"]*"/>', '<a:font script="Hans" typeface="仿宋_GB2312"/>', minor)
    theme_part._blob = (xml[:start] + minor + xml[end:]).encode("utf-8")
    settings = document.settings.element
    lang = settings.find(qn("w:themeFontLang"))  # python-docx's template says ja-JP
    if lang is None:
        lang = OxmlElement("w:themeFontLang")
        settings.append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")
    del fonts
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_fonts_resolved_through_styles_theme_and_based_on():
    fmt = read_formatting(_styles_and_theme_only())
    assert fmt is not None
    title, body = fmt.paragraphs[0], fmt.paragraphs[2]
    assert [(r.east_asia, r.size) for r in title.runs] == [("方正小标宋简体", 22.0)]
    assert {(r.east_asia, r.size) for r in body.runs} == {("仿宋_GB2312", 16.0)}


def test_styles_and_theme_fixture_has_no_body_or_title_font_finding():
    from reportlint.config.settings import RawConfig, resolve
    from reportlint.testing import _linter

    source = read(_styles_and_theme_only(), "s.docx")
    linter = _linter()
    config = resolve(RawConfig(select=["LY004", "LY005", "LY006"], files=["<t>"]), list(linter.rules.values()))
    _, diags = linter.lint(source, config)
    # headings lost their 黑体/楷体 runs (only the body font is left): LY006 sees that, the rest is clean
    assert sorted(d.code for d in diags) == ["LY006", "LY006"]


def test_conforming_document_has_no_layout_finding():
    _, diags = lint_text(DOC, ["layout"], docx={})
    assert [d.code for d in diags] == []


def test_one_finding_per_kind_per_section_with_count_and_clause():
    _, diags = lint_text(DOC, ["LY004"], docx={"body": {"font": "宋体"}})
    assert len(diags) == 1
    # lines 2, 3, 5 (after the run-in heading), 6 and the date: 5.2.2 covers every element
    assert "宋体" in diags[0].message and "5.2.2" in diags[0].message and "本节共5段" in diags[0].message


def test_english_message():
    _, diags = lint_text(DOC, ["LY004"], lang="en", docx={"body": {"size": 12}})
    assert diags[0].message.startswith("body text is 12 pt (small 4)")
    assert "asks for 16 pt (size 3)" in diags[0].message


def test_text_input_yields_nothing():
    _, diags = lint_text(DOC, ["layout"])
    assert diags == []
