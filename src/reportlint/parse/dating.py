"""An article's dating, read once when the model is built: its real title (past a 版头), the
title's year and period, and its 成文日期 (``model.Dating``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from reportlint.model import Article, Dating, Day, Line, Period, Section, joined_title
from reportlint.text.calendar import (
    CN_DATE,
    DATE,
    TITLE_YEAR,
    days_in_month,
    has_date_words,
    read_date,
    valid,
    year_value,
)
from reportlint.text.chars import cn_to_int
from reportlint.text.lazyre import lazy
from reportlint.text.web import CHROME

_MASTHEAD_STARTS = ("签发人", "密级", "份号", "特急", "加急", "紧急", "绝密", "机密", "秘密", "★")
_ISSUER_ENDS = ("局", "委", "政府", "办公室", "大学", "学院", "公司", "委员会", "支部", "总支", "党委", "厅", "部",
                "中心", "学校", "医院", "集团", "办")
_TITLE_ENDS = ("报告", "总结", "通知", "要点", "计划", "请示", "函", "纪要", "方案", "意见", "决定", "通报",
               "批复", "讲话", "述职报告", "安排", "规划", "公告", "通告")
_PERIOD = lazy(
    r"((?:19|20)[0-9]{2})\s*年(?:度)?\s*(上半年|下半年|第?([一二三四1-4])季度|([0-9]{1,2})月份?)?")
# a title that reports on a period, and one that plans (the period is the one before the plan words)
_SUMMARY_TITLE = ("总结", "述职", "汇报", "情况的报告", "情况报告", "情况的通报", "情况通报", "调研报告")
_PLAN_TITLE = ("计划", "要点", "打算", "安排", "方案", "思路", "规划", "展望", "下一步", "目标", "任务")
_HEAD_LINES = 4
_DASH = r"(?:[—–－~～\-]|至|到)"
# 2023—2024学年(度)(第一学期): a school year runs from September to August; a 学期 from September to
# February, or from February to August (generous ends: schools close in January and July)
_SCHOOL = lazy(rf"((?:19|20)[0-9]{{2}})\s*(?:年\s*)?{_DASH}\s*((?:19|20)[0-9]{{2}})\s*(?:年\s*)?学年(?:度)?"
               r"\s*(第一学期|第二学期|上学期|下学期|第1学期|第2学期)?")
_TERM = lazy(r"((?:19|20)[0-9]{2})\s*年\s*(春季|秋季)学期")
# 2021—2024年 (任期), 2021年至2024年: several whole years
_YEARS = lazy(rf"((?:19|20)[0-9]{{2}})\s*(?:年\s*)?{_DASH}\s*((?:19|20)[0-9]{{2}})\s*年(?!\s*[0-9])")


def date_article(article: Article, lines: Sequence[Line]) -> Article:
    """``article`` with its :class:`Dating`; ``lines`` are its own lines in text order."""
    head = tuple(line for line in lines[:_HEAD_LINES] if line.span.start <= article.span.end)
    title = title_line(article)
    text = title_text(article, title)
    match = TITLE_YEAR.search(text)
    year = year_value(match.group(1) or match.group(2)) if match else None
    signed, signed_line = _signed(article, head)
    written = signed[:2] if signed else _written(article)
    number = article.element("doc_number")
    number_year = year_value(number.field("year") or "") if number is not None else None
    period = report_period(text)
    if period is not None and period.end[0] > period.start[0] and "季学期" not in period.label:
        year = period.end[0]  # 2021—2024年任期述职, 2023—2024学年总结: the report's year is the last
    dating = Dating(title, text, year, signed, period, head, written, number_year, signed_line)
    return replace(article, dating=dating)


def _closing_line(article: Article) -> Line | None:
    """The 落款's date line, else one of the last three lines that is only a date (`2026.01.08`,
    `2025年9月`): the grammar takes neither for a 成文日期."""
    if article.signature and article.signature.date:
        return article.signature.date
    for paragraph in list(article.paragraphs())[-3:][::-1]:
        if len(paragraph.text) <= 24 and read_date(paragraph.text):
            return paragraph.line
    return None


def _written(article: Article) -> tuple[int, int] | None:
    """(year, month) from a 落款 that gives only a month (`2025年9月`), else the 印发日期."""
    closing = _closing_line(article)
    found = read_date(closing.text) if closing is not None else None
    if found:
        return found[0], found[1]
    printed = article.element("printed_by")
    found = read_date(printed.field("date") or "") if printed is not None else None
    return (found[0], found[1]) if found else None


def _is_masthead(text: str) -> bool:
    """A 版头 line: `某某县人民政府文件`, a 发文字号 `某政发〔2024〕3号`, 签发人, 密级, a bare issuer."""
    text = text.strip()
    if not text or len(text) > 40:
        return False
    if text.endswith("文件") or text.startswith(_MASTHEAD_STARTS):
        return True
    if text.endswith("号") and any(mark in text for mark in "〔[［【﹝"):
        return True
    return len(text) <= 20 and text.endswith(_ISSUER_ENDS) and not TITLE_YEAR.search(text)


_CHROME = lazy("|".join(f"(?:{pattern})" for _, pattern in CHROME))


def _is_chrome(text: str) -> bool:
    """A web page's chrome printed above the article (`【字体：大 中 小】 本文已被浏览2316次`)."""
    return len(text) <= 60 and _CHROME.search(text) is not None


def title_line(article: Article) -> Line | None:
    """The article's title: past a 版头 (`某某县人民政府文件`, the 发文字号), the first short line after it.

    The parser takes a document's first line for its title when it does not recognise the 版头.
    """
    title = article.title
    if title is None or not (_is_masthead(title.text) or _is_chrome(title.text)):
        return title
    for line in article.title_rest:  # the model joined the 版头 and the title into one
        if not _is_masthead(line.text):
            return line
    for child in article.children[:6]:
        if isinstance(child, Section):
            break
        text = child.text.strip()
        if not text or _is_masthead(text):
            continue
        if len(text) <= 60 and "。" not in text and not text.endswith(("：", ":")):
            return child.line
        break
    return title


def title_text(article: Article, line: Line | None) -> str:
    """The text of the title ``line``, with a second title line joined (`关于2024年度安全生产工作` /
    `情况的报告`)."""
    if line is None:
        return ""
    if line is article.title and article.title_rest:  # the model joined a wrapped title
        return article.title_text.strip()
    if line in article.title_rest:  # the title under a 版头 the model took for its first line
        return joined_title(article.title_rest[article.title_rest.index(line):]).strip()
    text = line.text.strip()
    if text.endswith(_TITLE_ENDS):
        return text
    following = _wrapped_onto(article, line)
    return joined_title((line, following)) if following is not None else text


def _wrapped_onto(article: Article, line: Line) -> Line | None:
    """The short line right after ``line`` that ends a title (`情况的报告`), if there is one."""
    for child in article.children[:8]:
        if isinstance(child, Section):
            break
        if child.span.start > line.span.start:
            following = child.text.strip()
            if len(following) <= 20 and "。" not in following and following.endswith(_TITLE_ENDS):
                return child.line
            break
    return None


def _signed(article: Article, head: Sequence[Line]) -> tuple[Day | None, Line | None]:
    """The 成文日期: the 落款's date, a last line that is only a date (`2026.01.08`), or a date
    line under the title (`（2026年1月16日）`, `——2026年1月27日在…会议上`)."""
    closing = _closing_line(article)
    day = _day_in(closing.text) if closing is not None else None
    if day is not None:
        return day, closing
    for line in head:
        if len(line.text) <= 80 and has_date_words(line.text) and _DATELINE_START.match(line.text):
            day = _day_in(line.text)
            if day:
                return day, line
    return None, None


_DATELINE_START = lazy(r"[—―\-－（(\s]*(?:[0-9]{4}|[〇○零一二三四五六七八九]{4})\s*年")


def _day_in(text: str) -> Day | None:
    """The first whole date in ``text`` (Arabic, else Chinese numerals), if it exists."""
    m = DATE.search(text)
    if m and m["y"] and valid(int(m["y"]), int(m["m"]), int(m["d"])):
        return int(m["y"]), int(m["m"]), int(m["d"])
    c = CN_DATE.search(text)
    year = year_value(c["y"]) if c else None
    month, day = (cn_to_int(c["m"]), cn_to_int(c["d"])) if c else (None, None)
    if year and month and day and valid(year, month, day):
        return year, month, day
    found = read_date(text)
    return (found[0], found[1], found[2]) if found and found[2] is not None else None


def _span_period(title: str, back: int) -> Period | None:
    """A school year or term (`2023—2024学年第一学期`, `2024年秋季学期`), or several years
    (`2021—2024年任期`)."""
    m = _SCHOOL.search(title, 0, back)
    if m and int(m[2]) == int(m[1]) + 1:
        first, second = int(m[1]), int(m[2])
        if m[3] in ("第一学期", "上学期", "第1学期"):
            return Period((first, 9, 1), (second, 2, days_in_month(second, 2)), m.group(0))
        if m[3]:
            return Period((second, 2, 1), (second, 8, 31), m.group(0))
        return Period((first, 9, 1), (second, 8, 31), m.group(0))
    m = _TERM.search(title, 0, back)
    if m:
        year = int(m[1])
        if m[2] == "春季":
            return Period((year, 2, 1), (year, 8, 31), m.group(0))
        return Period((year, 9, 1), (year + 1, 2, days_in_month(year + 1, 2)), m.group(0))
    m = _YEARS.search(title, 0, back)
    if m and int(m[1]) < int(m[2]) <= int(m[1]) + 10:
        return Period((int(m[1]), 1, 1), (int(m[2]), 12, 31), m.group(0))
    return None


def report_period(title: str) -> Period | None:
    """The period a summary's title covers (2023年 → the year, 上半年 → to 30 June …).

    `2024年工作总结和2025年工作计划` covers 2024: the period is the one before the plan words.
    """
    back = min((title.find(w) for w in _SUMMARY_TITLE if w in title), default=-1)
    ahead = min((title.find(w) for w in _PLAN_TITLE if w in title), default=-1)
    if back == -1 or -1 < ahead < back:
        return None
    spans = _span_period(title, back)
    if spans is not None:
        return spans
    m = _PERIOD.search(title, 0, back)
    if not m:
        return None
    year = int(m[1])
    start = (year, 1, 1)
    if m[2] == "上半年":
        end = (year, 6, 30)
    elif m[2] == "下半年":
        start, end = (year, 7, 1), (year, 12, 31)
    elif m[3]:
        quarter = int(m[3]) if m[3].isdigit() else cn_to_int(m[3]) or 4
        month = quarter * 3
        start, end = (year, month - 2, 1), (year, month, days_in_month(year, month))
    elif m[4] and 1 <= int(m[4]) <= 12:
        month = int(m[4])
        start, end = (year, month, 1), (year, month, days_in_month(year, month))
    else:
        end = (year, 12, 31)
    return Period(start, end, m.group(0))
