"""Sums: a stated total that the parts listed right after it contradict."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from reportlint.diagnostics import Finding, Severity
from reportlint.rules.base import Rule, RuleContext
from reportlint.text.lazyre import lazy, offsets

if TYPE_CHECKING:
    from decimal import Decimal  # imported when a mismatch is reported: ~2 ms

_UNIT = (r"人次|户次|万元|亿元|万人|公里|平方米|个|项|名|人|所|户|家|件|次|处|座|条|台|篇|场|期|批|"
         r"支|套|辆|间|栋|起|宗|元|亩|吨")
_UNITS = tuple(_UNIT.split("|"))  # in the pattern's order: the first that fits wins
_NUMBER = r"[0-9]+(?:\.[0-9]+)?"
# Compiling a CJK range costs ~1 ms, so the bracketed breakdown and its items are matched in
# Python (each function below names the pattern it stands for), and _among is compiled only
# when some 其中 can start a list.


class _Bracketed:
    """A figure followed by a bracketed breakdown: 318个项目（加固类项目149个，重建类项目169个）."""

    __slots__ = ("start", "end", "total", "unit", "inner")

    def __init__(self, start: int, end: int, total: str, unit: str, inner: str) -> None:
        self.start, self.end, self.total, self.unit, self.inner = start, end, total, unit, inner


def _bracketed(text: str) -> Iterator[_Bracketed]:
    r"""What ``(?<![0-9.第])(?P<total>NUMBER)(?P<unit>UNIT)[\u4e00-\u9fff“”]{0,8}?[（(]
    (?P<inner>[^（()）\n]+)[)）]`` finds, from each opening bracket backwards.

    Units and the gap before the bracket are all Han characters or “”, so the figure ends
    where that run does; no two matches can share a bracket or overlap.
    """
    for at in offsets(text, "（("):
        close = at + 1
        while close < len(text) and text[close] not in "（()）\n":
            close += 1
        if close == at + 1 or close == len(text) or text[close] not in ")）":
            continue
        end = at
        while end > 0 and _gap_char(text[end - 1]):
            end -= 1
        start = _number_start(text, end)
        if start is None:
            continue
        for unit in _UNITS:
            if text.startswith(unit, end) and at - end - len(unit) <= 8:
                yield _Bracketed(start, close + 1, text[start:end], unit, text[at + 1:close])
                break


def _gap_char(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or char in "“”"


def _number_start(text: str, end: int) -> int | None:
    r"""Where ``(?<![0-9.第])[0-9]+(?:\.[0-9]+)?`` ending right before ``end`` starts, if it can."""
    start = end
    while start > 0 and "0" <= text[start - 1] <= "9":
        start -= 1
    if start == end:
        return None
    if start >= 2 and text[start - 1] == "." and "0" <= text[start - 2] <= "9":
        start -= 1
        while start > 0 and "0" <= text[start - 1] <= "9":
            start -= 1
    return None if start and text[start - 1] in "0123456789.第" else start


_ITEM = rf"[\u4e00-\u9fff“”A-Za-z]{{0,14}}?{_NUMBER}(?:{_UNIT})[\u4e00-\u9fff”]{{0,8}}?"
_LIST_END = "，,。；;！\n"  # no item contains these, so a 其中 list ends before the first of them


@cache
def _among() -> re.Pattern[str]:
    """“其中” and parts joined by 、 (the last may be joined by 和/及): 其中新建18个、改建20个."""
    return re.compile(rf"其中[：:]?(?P<list>{_ITEM}(?:(?:、|和|及|以及){_ITEM})+)(?=[{_LIST_END}]|$)")


def _part(item: str) -> tuple[str, str] | None:
    r"""(number, unit) where ``^[\u4e00-\u9fff“”A-Za-z]{0,14}?(?P<n>NUMBER)(?P<unit>UNIT)
    [\u4e00-\u9fff”]{0,8}$`` matches the stripped ``item``, else None.

    The label cannot hold a digit, so it runs to the first digit; the number takes all its
    digits (no unit starts with a digit or a point); the first unit whose tail fits wins.
    """
    first = next((i for i, char in enumerate(item) if "0" <= char <= "9"), None)
    if first is None or first > 14 or not all(_label_char(char) for char in item[:first]):
        return None
    end = first
    while end < len(item) and "0" <= item[end] <= "9":
        end += 1
    fraction = item[end + 1:end + 2]
    if item[end:end + 1] == "." and fraction.isascii() and fraction.isdigit():
        end += 1
        while end < len(item) and "0" <= item[end] <= "9":
            end += 1
    for unit in _UNITS:
        tail = item[end + len(unit):]
        if item.startswith(unit, end) and len(tail) <= 8 and all(_tail_char(char) for char in tail):
            return item[first:end], unit
    return None


def _label_char(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or char in "“”" or char.isascii() and char.isalpha()


def _tail_char(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or char == "”"


def _may_list(text: str) -> bool:
    """Whether some 其中 is followed by 、, 和 or 及 before the list must end (cheap: no regex)."""
    at = text.find("其中")
    while at != -1:
        end = min((i for i in (text.find(c, at) for c in _LIST_END) if i != -1), default=len(text))
        if any(sep in text[at:end] for sep in "、和及"):
            return True
        at = text.find("其中", at + 2)
    return False

# approximate figures never add up exactly
_APPROX = lazy(r"余|多|约|近|超|以上|以下|左右|上下|不足|不到|等")
# amounts (funds by source, land by use) are often listed in part; only an excess contradicts
_MEASURES = {"万元", "亿元", "元", "公里", "平方米", "亩", "吨"}
_LOOKBACK = 90  # how far before 其中 the total may stand (it may close the previous sentence)


class Mismatch:
    __slots__ = ("start", "end", "total", "parts")

    def __init__(self, start: int, end: int, total: Decimal, parts: tuple[Decimal, ...]) -> None:
        self.start, self.end, self.total, self.parts = start, end, total, parts


def _split_items(text: str) -> list[str]:
    """``re.split(r"[、，,；;]|以及|和|及", text)``."""
    items, start, i = [], 0, 0
    while i < len(text):
        if text[i] in "、，,；;和及":
            items.append(text[start:i])
            start = i = i + 1
        elif text.startswith("以及", i):
            items.append(text[start:i])
            start = i = i + 2
        else:
            i += 1
    items.append(text[start:])
    return items


def _parts(text: str) -> tuple[str, tuple[str, ...]] | None:
    """The unit and figures of a breakdown, or None unless every item is `label + number + unit`."""
    numbers, units = [], set()
    for item in _split_items(text):
        match = _part(item.strip())
        if not match:
            return None
        numbers.append(match[0])
        units.add(match[1])
    if len(numbers) < 2 or len(units) != 1:
        return None
    return units.pop(), tuple(numbers)


def _total_before(text: str, at: int, unit: str) -> re.Match[str] | None:
    """The nearest figure with the same unit before 其中, in this sentence or the one before."""
    lo = max(0, at - _LOOKBACK)
    stops = [text.rfind(p, lo, at - 1) for p in "。；;\n"]
    first_stop = max(stops)
    if first_stop != -1:
        second = max(text.rfind(p, lo, first_stop) for p in "。；;\n")
        lo = max(lo, second + 1)
    pattern = re.compile(rf"(?<![0-9.第])(?P<total>{_NUMBER})(?P<unit>{re.escape(unit)})(?![\u4e00-\u9fff]?[0-9])")
    found = [m for m in pattern.finditer(text, lo, at) if "其中" not in text[m.end():at]]
    return found[-1] if found else None


def _approximate(text: str, start: int, end: int) -> bool:
    return bool(_APPROX.search(text, start, end) or _APPROX.match(text, end)
                or _APPROX.search(text, max(0, start - 2), start))


def _compare(parts: tuple[str, ...], total: str) -> int:
    """The sign of sum(parts) - total, exactly, in integers scaled to the longest fraction.

    Decimal would do, but importing it costs ~2 ms; it is needed only to report a mismatch.
    """
    numbers = (*parts, total)
    scale = max(len(n) - n.index(".") - 1 if "." in n else 0 for n in numbers)

    def scaled(number: str) -> int:
        fraction = len(number) - number.index(".") - 1 if "." in number else 0
        return int(number.replace(".", "")) * 10 ** (scale - fraction)

    difference = sum(map(scaled, parts)) - scaled(total)
    return (difference > 0) - (difference < 0)


def _mismatch(start: int, end: int, total: str, parts: tuple[str, ...]) -> Mismatch:
    from decimal import Decimal  # on first use: most documents have no mismatch

    return Mismatch(start, end, Decimal(total), tuple(Decimal(p) for p in parts))


def find_mismatches(text: str) -> Iterator[Mismatch]:
    for m in _bracketed(text):
        parsed = _parts(m.inner)
        if (parsed and parsed[0] == m.unit and not _approximate(text, m.start, m.end)
                and _compare(parsed[1], m.total) != 0):
            yield _mismatch(m.start, m.end, m.total, parsed[1])
    for listed in _among().finditer(text) if _may_list(text) else ():
        parsed = _parts(listed["list"])
        if not parsed or _APPROX.search(listed["list"]):
            continue
        total = _total_before(text, listed.start(), parsed[0])
        if total is None or _approximate(text, total.start(), total.end()):
            continue
        sign = _compare(parsed[1], total["total"])
        if sign > 0 or (sign < 0 and parsed[0] not in _MEASURES):
            yield _mismatch(total.start(), listed.end(), total["total"], parsed[1])


class TotalMismatch(Rule):
    """A total that its own breakdown contradicts: `共45个项目，其中新建18个、改建20个`.

    ## What it does
    Finds a breakdown introduced by `其中` whose items are joined by 顿号 (`其中新建18个、
    改建20个`) and the nearest figure with the same measure word before it (in the same or
    the previous sentence), or a figure followed by a bracketed breakdown (`318个项目（加固类
    149个，重建类169个）`), and checks that the parts add up. Only lists that read as the
    whole breakdown count: every item is a label, a number and the same measure word;
    approximate figures (`余`, `多`, `约`, `等`) are left alone, and items separated by
    commas (`其中一本达线630人，二本达线2191人`) are a selection, not a breakdown. For
    amounts (元, 万元, 亩, 公里 …), often listed in part (`其中中央资金3亿元`), only parts
    that exceed the total are reported.
    Percentages are not checked.

    ## Why is this bad?
    When the parts do not add up to the total, one of the figures is wrong, and readers stop
    trusting the others.

    ## Example
    ```
    全年共实施45个项目，其中新建18个、改建20个。
    ```

    ## Use instead
    ```
    全年共实施45个项目，其中新建18个、改建20个、扩建7个。
    ```
    """

    code = "SM001"
    name = "total-mismatch"
    groups = ("sums",)
    severity = Severity.WARNING
    messages = {"default": ("合计{total}与分项之和{sum}不符（{parts}）",
                            "the total {total} does not match the sum of its parts {sum} ({parts})")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for hit in find_mismatches(ctx.text):
            yield ctx.report(hit.start, hit.end, total=hit.total, sum=sum(hit.parts),
                             parts="+".join(str(p) for p in hit.parts))


RULES = [TotalMismatch]
