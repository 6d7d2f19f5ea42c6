"""Python stand-ins for regular expressions in the rule modules give what the regexes give.

Compiling a pattern with a CJK class costs about a millisecond; a rule tests characters in Python
instead where that was measured worth keeping (README, Performance). Each test
here keeps the replaced pattern as the specification and compares on random texts built from
the characters that matter.
"""

from __future__ import annotations

import calendar
import datetime
import random
import re

from reportlint.rules import duplicates, placeholders
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


def test_doubled_function_characters():
    doubled = re.compile(r"(?<![目别不实求])([的了是在和与及对于把被从向将并而或之其以为们各])\1(?![确非之美在])")
    for text in _texts(list("0123456789-.%％家a １的了是目确求 "), count=6000):
        assert duplicates._doubled_chars(text) == [m.start() for m in doubled.finditer(text)], text
