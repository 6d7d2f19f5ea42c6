"""An article's dating: the real title past a 版头, its year and period, the 成文日期."""

from __future__ import annotations

from reportlint.load.source import Source
from reportlint.parse import parse_document

BODY = ("2025年，我院各项工作取得新进展。现将全年工作情况报告如下。\n一、主要工作成效\n全年完成门急诊服务41.6万人次。\n"
        "\n青禾县中医院\n2025年12月20日\n")


def test_the_title_under_a_masthead_the_model_joined_into_it():
    # an issuer line and a 发文字号 the grammar did not recognise, joined with the title into one
    text = "青禾县中医院\n青中医〔2025〕第12号\n\n青禾县中医院2025年工作总结\n\n县卫生健康局；\n" + BODY
    article = parse_document(Source.from_text(text)).articles[0]
    dating = article.dating
    assert dating.title is not None and dating.title.number == 4
    assert dating.title_text == "青禾县中医院2025年工作总结"
    assert dating.title_year == 2025
    assert dating.period is not None and dating.period.end == (2025, 12, 31)


def test_a_title_the_model_read_alone_keeps_its_own_line():
    text = "青禾县中医院2025年工作总结\n\n" + BODY
    dating = parse_document(Source.from_text(text)).articles[0].dating
    assert dating.title is not None and dating.title.number == 1 and dating.title_year == 2025


def test_the_title_under_a_web_pages_chrome():
    text = ("【字体：大 中 小】　　本文已被浏览815次\n青禾县林业局2025年工作总结\n\n" + BODY)
    dating = parse_document(Source.from_text(text)).articles[0].dating
    assert dating.title is not None and dating.title.number == 2
    assert dating.title_year == 2025
