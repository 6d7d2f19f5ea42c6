"""Python stand-ins for regular expressions in the rule modules give what the regexes give.

Compiling a pattern with a CJK class costs about a millisecond, so several rules test a few
characters in Python instead. Each test here keeps the replaced pattern as the specification
and compares on random texts built from the characters that matter.
"""

from __future__ import annotations

import calendar
import datetime
import random
import re

from reportlint.rules import anniversaries, dates, docnumbers, duplicates, placeholders, typography, years
from reportlint.text import amounts
from reportlint.text import calendar as calendar_


def _texts(pieces: list[str], count: int = 4000, longest: int = 14, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, longest))) for _ in range(count)]


def test_placeholder_blanks_and_empty_brackets():
    blanks = re.compile(r"_{2,}|＿{2,}|(?<=[\u4e00-\u9fff0-9])[_＿](?=[\u4e00-\u9fff0-9])")
    brackets = re.compile(
        r"【\s*】|〔\s*〕|［\s*］|《\s*》|〈\s*〉"
        r"|(?<=[\u4e00-\u9fff])(?:\[\s*\]|\(\s*\)|（\s*）)(?![0-9]+号)"
        r"|(?:\[\s*\]|\(\s*\)|（\s*）)(?=[\u4e00-\u9fff])(?<![\u4e00-\u9fff]\[\])")
    pieces = list("_＿县9a 【】〔〕［］《》〈〉[]()（）号1\n") + ["[]", "18号"]
    for text in _texts(pieces):
        assert placeholders._blanks(text, "") == [m.span() for m in blanks.finditer(text)], text
        assert placeholders._brackets(text, "") == [m.span() for m in brackets.finditer(text)], text


def test_placeholder_example_intro():
    intro = re.compile(r"(?:如|例如|比如|譬如|格式为|写作|写成)[:：]?\s*$")
    for text in _texts(list("如例比写作成格式为:： \n") + ["例如", "格式为"], longest=10):
        marked = text + "《XX"
        assert placeholders._in_example(marked, len(text) + 1) == bool(intro.search(text[-8:])), text


def test_calendar_arithmetic_matches_datetime():
    for year in [*range(1890, 2111), 1, 9999]:
        for month in range(1, 13):
            assert calendar_.days_in_month(year, month) == calendar.monthrange(year, month)[1]
            for day in range(0, 33):
                try:
                    want = calendar_.WEEKDAYS[datetime.date(year, month, day).weekday()]
                except ValueError:
                    want = None
                assert calendar_.weekday(year, month, day) == want, (year, month, day)


def test_lunar_and_weekday_tests():
    lunar = re.compile(r"(?:农历|阴历|夏历)[^，。；]{0,4}$")
    weekday = re.compile(r"\s*[（(，,]?\s*(?:星期|周|礼拜)(?P<w>[一二三四五六日天])[）)]?")
    rng = random.Random(1)
    for text in _texts(list("农阴夏历，。；\n星期周礼拜一五日天七（(，,）) 　") + ["农历", "星期"]):
        at = rng.randint(0, len(text))
        assert dates._is_lunar(text, at) == bool(lunar.search(text[max(0, at - 8):at])), (text, at)
        m = weekday.match(text, at)
        assert dates._weekday_after(text, at) == ((m["w"], m.end()) if m else None), (text, at)


def test_amounts_read_like_their_pattern():
    pattern = re.compile(
        r"(?<![0-9.第])(?P<n>[0-9]+(?:\.[0-9]+)?)(?P<h>余|多)?(?:(?P<mult>万亿|亿|万)?(?P<m>"
        + "|".join(amounts.MEASURES) + r")|(?P<pct>[%％]))")
    pieces = list("0123456789.个人次万亿元%％余多第约") + ["平方米", "个百分点"]
    for text in _texts(pieces, count=4000, longest=12):
        want = [m.span() for m in pattern.finditer(text)]
        assert [(a.start, a.end) for a in amounts.amounts(text)] == want, text


def test_amount_values_are_exact():
    from decimal import Decimal

    rng = random.Random(2)
    scale = {"": 1, "万": 10**4, "亿": 10**8, "万亿": 10**12}
    for _ in range(3000):
        number = f"{rng.randint(0, 9999)}" + rng.choice(["", ".5", ".05", ".50", ".0", ".123456"])
        mult = rng.choice(list(scale))
        (found,) = amounts.amounts(f"共{number}{mult}元")
        assert found.value == int(Decimal(number) * scale[mult] * 10**amounts.PLACES), number
        assert Decimal(amounts.render(found.value, mult)) == Decimal(number)


def test_bracketed_document_numbers():
    pattern = re.compile(
        r"(?<=[\u4e00-\u9fffA-Za-z])(?P<open>[〔\[［【\(（﹝„])[ \t]*(?P<year>(?:[0-9xX×＊*Ｘｘ]{2,4})?)[ \t]*"
        r"(?P<close>[〕\]］】\)）﹞‟])[ \t]*(?P<di>第)?[ \t]*(?P<serial>[0-9]{1,5}|[xX×＊*Ｘｘ]{1,5})号")
    pieces = list("〔〕[]［］【】()（）﹝﹞„‟0123456789xX*号第 \t县a") + ["2012", "〔2012〕", "18号"]
    for text in _texts(pieces, count=8000):
        got = [(d.start, d.end, d.year_start, d.year_end, d.close_at, d.di_at, d.serial_start)
               for d in docnumbers.find_doc_numbers(text)]
        want = [(m.start(), m.end(), m.start("year"), m.end("year"), m.start("close"),
                 m.start("di") if m["di"] else None, m.start("serial")) for m in pattern.finditer(text)]
        assert got == want, text


def test_anniversary_clause_tests():
    not_now = re.compile(r"(?:比|较|到|至|于|从|自|与|截至|截止)$")
    compared = re.compile(r"(?:较|比|与|同|于|过)“?$")
    history = re.compile(r"[^，。；]{0,6}?(?:大会上|大会的|上的讲话|以来|之际|前夕|时期?[，,的])")
    place = re.compile(r"[^，。；]{0,8}?(?:(?P<first>开局之年|开局年|起步之年|第一年)|(?P<last>收官之年|收官年|最后一年|决胜之年))")
    rng = random.Random(3)
    pieces = list("比较到至截止同过“\n时期，,的。；x") + ["大会上", "以来", "开局之年", "收官年", "第一年"]
    for text in _texts(pieces):
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        assert anniversaries._ends_with(text, lo, hi, anniversaries._NOT_NOW) == bool(not_now.search(text, lo, hi))
        assert anniversaries._ends_with(text, lo, hi, anniversaries._COMPARED, True) == \
            bool(compared.search(text, lo, hi))
        assert anniversaries._is_history(text, lo) == bool(history.match(text, lo))
        m = place.match(text, lo)
        assert anniversaries._place_in_period(text, lo) == (("first" if m["first"] else "last") if m else None)


def test_year_phrase_tests():
    part = re.compile(r"半年|季度|[0-9一二三四五六七八九十]+月|月份|前[0-9一二三四五六七八九十]+个?月")
    done = re.compile(r"[^，,。；;：:]{0,4}?(?:完成|落实|执行|进展|推进)")
    rng = random.Random(4)
    pieces = list("2023年度，。；:0总结回顾上半季月份前三个十x") + ["2022年", "以来", "全年", "是", "完成"]
    for text in _texts(pieces):
        assert years._part_of_year(text) == bool(part.search(text)), text
        at = rng.randint(0, len(text))
        assert years._reports_on_plan(text, at) == bool(done.match(text, at)), (text, at)
        assert years._names_summary(text, 2023) == \
            bool(re.search(r"2023年度?[^，,。；;0-9]{0,12}?(?:总结|回顾|盘点|述职)", text)), text
        assert years._opens_with_year(text, 2022) == bool(re.match(r"2022年度?(?:[，,]|以来|是|全年)", text)), text


def test_number_ranges_and_doubled_function_characters():
    ranges = re.compile(
        r"(?<![A-Za-z0-9./\-])(?<![A-Za-z] )(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)(?=[%％](?![0-9])|[\u4e00-\u9fff])")
    doubled = re.compile(r"(?<![目别不实求])([的了是在和与及对于把被从向将并而或之其以为们各])\1(?![确非之美在])")
    for text in _texts(list("0123456789-.%％家a １的了是目确求 "), count=6000):
        assert [m.span() for m in typography._ranges(text)] == [m.span() for m in ranges.finditer(text)], text
        assert duplicates._doubled_chars(text) == [m.start() for m in doubled.finditer(text)], text
