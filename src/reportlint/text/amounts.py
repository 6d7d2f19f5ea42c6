"""Figures in running text: a number, an optional 万/亿 multiplier and a measure word.

``18个``, ``1.2亿元``, ``8000万元``, ``1.8万人``, ``45.5%``: each becomes an :class:`Amount`
whose value is an exact integer in millionths of the base measure (元, 人, 个 …), so figures
written with different multipliers compare exactly and nothing needs ``decimal``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.text.lazyre import lazy

# Longer measure words first: the alternation takes the first that fits (人次 before 人).
MEASURES = (
    "个百分点", "平方公里", "平方米", "立方米", "人次", "户次", "车次", "架次", "课时", "学时", "公里",
    "公顷", "千瓦", "个", "项", "名", "人", "所", "户", "家", "件", "次", "处", "座", "条", "台", "篇",
    "场", "期", "批", "支", "套", "辆", "间", "栋", "起", "宗", "元", "亩", "吨", "位", "只", "头",
    "株", "棵", "张", "份", "本", "册", "门", "部", "艘", "笔", "床", "村", "校", "例", "种", "组", "枚",
    "盏", "届", "轮", "堂", "幅",
)
# Measure words that count the same things: `党员45名，其中男党员30人`.
SAME_MEASURE = {"名": "人", "位": "人"}
# Amounts (funds, land, length) are often listed in part: only parts that exceed their total
# contradict it.
PARTIAL_MEASURES = frozenset({"元", "公里", "平方公里", "平方米", "立方米", "公顷", "亩", "吨", "千瓦"})
_MULTIPLIERS = {"": 1, "万": 10**4, "亿": 10**8, "万亿": 10**12}
PLACES = 6  # values are held in millionths
PERCENT = "%"

AMOUNT = lazy(
    r"(?<![0-9.,第])(?:(?P<n>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)|(?<![零〇一二两三四五六七八九十百千几])"
    r"(?P<cn>[一二两三四五六七八九十][零〇一二两三四五六七八九十百千]*))"
    r"(?P<h>余|多)?(?:(?P<mult>万亿|亿|万)?(?P<m>" + "|".join(MEASURES) + r")|(?P<pct>[%％]))")
# every match of AMOUNT opens with one of these (tests/rules/test_pattern_openers.py); AMOUNT opens
# with a lookbehind, which denies the regex engine its scan for a first character
AMOUNT_OPENERS = lazy(r"[0-9一二两三四五六七八九十]")
# Hedges and what they allow: "over" (the true figure may be larger: 余, 多, 超过), "about"
# (约, 近, 左右: a little either way), "under" (不足, 不到: smaller).
_HEDGES_BEFORE = (("达近", "about"), ("超过", "over"), ("不足", "under"), ("不到", "under"),
                  ("将近", "about"), ("大约", "about"), ("接近", "about"), ("突破", "over"),
                  ("约", "about"), ("近", "about"), ("超", "over"), ("逾", "over"))
_HEDGES_AFTER = (("以上", "over"), ("以下", "under"), ("左右", "about"), ("上下", "about"),
                 ("之多", "over"), ("有余", "over"), ("余", "over"), ("多", "over"))

def _first_listed(pairs: tuple[tuple[str, str], ...]) -> dict[str, tuple[int, str]]:
    """word → (its place in ``pairs``, its hedge): two dict lookups find the first listed word that
    ends (or starts) a place, as a scan of ``pairs`` would."""
    return {word: (place, hedge) for place, (word, hedge) in reversed(list(enumerate(pairs)))}


_BEFORE, _AFTER = _first_listed(_HEDGES_BEFORE), _first_listed(_HEDGES_AFTER)
_NONE = (len(_HEDGES_BEFORE) + len(_HEDGES_AFTER), "")


def _hedge(lookup: dict[str, tuple[int, str]], short: str, long: str) -> str:
    """The hedge of the first listed word among ``short`` and ``long`` (every word has one or two
    characters), or ""."""
    return min(lookup.get(short, _NONE), lookup.get(long, _NONE))[1]


_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def cn_number(numeral: str) -> int | None:
    """一百二十 → 120, 两千零五 → 2005, 十二 → 12, 三 → 3 (None when it is not one number)."""
    total, digit, last_unit = 0, None, 10**4
    for char in numeral:
        if char in _CN_DIGITS:
            if digit is not None and digit != 0:
                return None  # 二三: two digits in a row
            digit = _CN_DIGITS[char]
        else:
            unit = _CN_UNITS[char]
            if unit >= last_unit:
                return None
            total += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
    return total + (digit or 0)


class Amount:
    """One figure: where it stands, its value in millionths, its measure and its rounding.

    ``slack`` is half a unit of the last written digit (``1.8万人`` may be 17,500–18,499
    people); whole numbers are exact. ``approx`` marks a figure hedged by 余, 多, 约, 近 …
    """

    __slots__ = ("start", "end", "text", "value", "measure", "slack", "approx", "multiplier", "hedge",
                 "spelled")

    def __init__(self, start: int, end: int, text: str, value: int, measure: str, slack: int,
                 approx: bool, multiplier: str, hedge: str = "", spelled: bool = False) -> None:
        self.start, self.end, self.text, self.value = start, end, text, value
        self.measure, self.slack, self.approx, self.multiplier = measure, slack, approx, multiplier
        self.hedge = hedge  # "", "over", "about" or "under" (see _HEDGES_BEFORE)
        self.spelled = spelled  # written in Chinese numerals (一百二十条)

    @property
    def number(self) -> str:
        """The figure as written, without its measure word (``1.2亿`` for ``1.2亿元``)."""
        return self.text[:-1] if self.measure == PERCENT else self.text[: len(self.text) - len(self.unit)]

    @property
    def unit(self) -> str:
        """The measure word as written (``名`` where :attr:`measure` reads ``人``)."""
        written = self.text[-len(self.measure):] if self.measure != PERCENT else self.text[-1:]
        if written == self.measure or self.measure == PERCENT:
            return written
        return self.text[-1:]


def _value(number: str, multiplier: int) -> tuple[int, int] | None:
    whole, _, fraction = number.partition(".")
    if len(fraction) > PLACES:
        return None
    scaled = int(whole + fraction) * multiplier * 10 ** (PLACES - len(fraction))
    slack = 5 * multiplier * 10 ** (PLACES - len(fraction) - 1) if fraction else 0
    return scaled, slack


def amount_at(text: str, m: re.Match[str]) -> Amount | None:
    """An :class:`Amount` from a match of :data:`AMOUNT` (None for an impossible figure)."""
    multiplier = m["mult"] or ""
    measure = PERCENT if m["pct"] else m["m"]
    if m["cn"]:
        spelled = cn_number(m["cn"])
        if spelled is None:
            return None
        number = str(spelled)
    else:
        number = m["n"].replace(",", "")
    parsed = _value(number, _MULTIPLIERS[multiplier])
    if parsed is None:
        return None
    start, end = m.start(), m.end()
    before = text[max(0, start - 2):start]  # the longest hedge before a figure has two characters
    hedge = "over" if m["h"] else _hedge(_BEFORE, before[-1:], before)
    hedge = hedge or _hedge(_AFTER, text[end:end + 1], text[end:end + 2])
    return Amount(start, end, text[start:end], parsed[0], SAME_MEASURE.get(measure, measure), parsed[1],
                  bool(hedge), multiplier, hedge, bool(m["cn"]))


def amounts(text: str, start: int = 0, end: int | None = None) -> list[Amount]:
    """Every figure in ``text[start:end]``, in order."""
    return list(iter_amounts(text, start, end))


def iter_amounts(text: str, start: int = 0, end: int | None = None) -> Iterator[Amount]:
    """The figures of :func:`amounts` one at a time: a whole document's figures held at once
    take ~5 MB per MB of a figure-dense report."""
    stop = len(text) if end is None else end
    after = -1  # AMOUNT.finditer(text, start, stop), tried only where a figure can open
    for opener in AMOUNT_OPENERS.finditer(text, start, stop):
        at = opener.start()
        if at < after:
            continue
        m = AMOUNT.match(text, at, stop)
        if m is None:
            continue
        after = m.end()
        amount = amount_at(text, m)
        if amount is not None:
            yield amount


def render(value: int, multiplier: str = "") -> str:
    """``value`` (millionths) written in units of ``multiplier``: 12000000000000 → ``1.2`` (亿)."""
    unit = _MULTIPLIERS[multiplier] * 10**PLACES
    whole, rest = divmod(value, unit)
    if not rest:
        return str(whole)
    digits = f"{rest:0{len(str(unit)) - 1}d}".rstrip("0")
    return f"{whole}.{digits}"
