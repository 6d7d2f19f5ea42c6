"""Figures in running text: a number, an optional 万/亿 multiplier and a measure word.

``18个``, ``1.2亿元``, ``8000万元``, ``1.8万人``, ``45.5%``: each becomes an :class:`Amount`
whose value is an exact integer in millionths of the base measure (元, 人, 个 …), so figures
written with different multipliers compare exactly and nothing needs ``decimal``.
"""

from __future__ import annotations

import re

from reportlint.text.lazyre import lazy

# Longer measure words first: the alternation takes the first that fits (人次 before 人).
MEASURES = (
    "个百分点", "平方公里", "平方米", "立方米", "人次", "户次", "车次", "架次", "课时", "学时", "公里",
    "公顷", "千瓦", "个", "项", "名", "人", "所", "户", "家", "件", "次", "处", "座", "条", "台", "篇",
    "场", "期", "批", "支", "套", "辆", "间", "栋", "起", "宗", "元", "亩", "吨", "位", "只", "头",
    "株", "棵", "张", "份", "本", "册", "门", "部", "艘", "笔", "床", "村", "校",
)
# Amounts (funds, land, length) are often listed in part: only parts that exceed their total
# contradict it.
PARTIAL_MEASURES = frozenset({"元", "公里", "平方公里", "平方米", "立方米", "公顷", "亩", "吨", "千瓦"})
_MULTIPLIERS = {"": 1, "万": 10**4, "亿": 10**8, "万亿": 10**12}
PLACES = 6  # values are held in millionths
PERCENT = "%"

AMOUNT = lazy(
    r"(?<![0-9.第])(?P<n>[0-9]+(?:\.[0-9]+)?)(?P<h>余|多)?(?:(?P<mult>万亿|亿|万)?(?P<m>"
    + "|".join(MEASURES) + r")|(?P<pct>[%％]))")
_APPROX_BEFORE = ("约", "近", "超", "逾", "达近", "超过", "不足", "不到", "将近", "大约", "接近", "突破")
_APPROX_AFTER = ("余", "多", "以上", "以下", "左右", "上下", "之多", "有余")


class Amount:
    """One figure: where it stands, its value in millionths, its measure and its rounding.

    ``slack`` is half a unit of the last written digit (``1.8万人`` may be 17,500–18,499
    people); whole numbers are exact. ``approx`` marks a figure hedged by 余, 多, 约, 近 …
    """

    __slots__ = ("start", "end", "text", "value", "measure", "slack", "approx", "multiplier")

    def __init__(self, start: int, end: int, text: str, value: int, measure: str, slack: int,
                 approx: bool, multiplier: str) -> None:
        self.start, self.end, self.text, self.value = start, end, text, value
        self.measure, self.slack, self.approx, self.multiplier = measure, slack, approx, multiplier

    @property
    def number(self) -> str:
        """The figure as written, without its measure word (``1.2亿`` for ``1.2亿元``)."""
        return self.text[:-1] if self.measure == PERCENT else self.text[: len(self.text) - len(self.measure)]


def _value(number: str, multiplier: int) -> tuple[int, int] | None:
    whole, _, fraction = number.partition(".")
    if len(fraction) > PLACES:
        return None
    scaled = int(whole + fraction) * multiplier * 10 ** (PLACES - len(fraction))
    slack = 5 * multiplier * 10 ** (PLACES - len(fraction) - 1) if fraction else 0
    return scaled, slack


def amount_at(text: str, m: re.Match[str]) -> Amount | None:
    """An :class:`Amount` from a match of :data:`AMOUNT` (None for an impossible figure)."""
    number = m["n"]
    multiplier = m["mult"] or ""
    measure = PERCENT if m["pct"] else m["m"]
    parsed = _value(number, _MULTIPLIERS[multiplier])
    if parsed is None:
        return None
    start, end = m.start(), m.end()
    before = text[max(0, start - 2):start]  # the longest hedge before a figure has two characters
    approx = before.endswith(_APPROX_BEFORE) or text.startswith(_APPROX_AFTER, end) or bool(m["h"])
    return Amount(start, end, text[start:end], parsed[0], measure, parsed[1], approx, multiplier)


def amounts(text: str, start: int = 0, end: int | None = None) -> list[Amount]:
    """Every figure in ``text[start:end]``, in order."""
    found = []
    for m in AMOUNT.finditer(text, start, len(text) if end is None else end):
        amount = amount_at(text, m)
        if amount is not None:
            found.append(amount)
    return found


def render(value: int, multiplier: str = "") -> str:
    """``value`` (millionths) written in units of ``multiplier``: 12000000000000 → ``1.2`` (亿)."""
    unit = _MULTIPLIERS[multiplier] * 10**PLACES
    whole, rest = divmod(value, unit)
    if not rest:
        return str(whole)
    digits = f"{rest:0{len(str(unit)) - 1}d}".rstrip("0")
    return f"{whole}.{digits}"
