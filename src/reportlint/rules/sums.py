"""Sums: a stated total that its parts contradict, and shares that cannot add up.

One pass over the text: it is cut into sentences, the figures of each sentence are read once
(:mod:`reportlint.text.amounts`), and every breakdown form looks only at its own sentence and
the one before it, so no search runs to either end of the text.
"""

from __future__ import annotations

import os
from array import array
from bisect import bisect_left
from collections.abc import Iterator
from itertools import chain

from reportlint.diagnostics import Finding, Severity
from reportlint.rules.base import Rule, RuleContext, SpanIndex
from reportlint.text.amounts import PARTIAL_MEASURES, PERCENT, PLACES, Amount, amounts, cn_number, iter_amounts, render
from reportlint.text.lazyre import lazy

_STOPS = "。！？!?\n"
_LOOKBACK = 90  # how far before its breakdown a total may stand (it may close the sentence before)
_LABEL_MAX, _TAIL_MAX = 14, 8
# after `分别安排：`, `具体为：` a part's own name may be long: `县经济开发区标准厂房及配套基础设施项目`
_NAMED_LABEL_MAX = 22
_LIST_SEPARATORS = ("以及", "、", "和", "及", "与")
_TOTAL_MARKS = ("共", "合计", "总计", "总共", "一共", "共计", "总数", "总量", "总额", "累计", "现有", "总投资",
                "总里程", "总面积", "总人数", "总规模")
_STRONG_MARKS = ("共", "合计", "总计", "总共", "一共", "共计", "现有")
# Connectives that introduce the parts of the figure before them, and whether the parts they
# introduce are the whole ("all"), the whole for counts but possibly a part of amounts
# ("counts"), or just some of the parts ("some": only an excess contradicts).
_CONNECTIVES = (
    ("其中", "counts"), ("包括", "counts"), ("包含", "counts"), ("含", "some"), ("涵盖", "some"),
    ("主要有", "some"), ("主要是", "some"), ("主要包括", "some"),
    ("划分为", "all"), ("分为", "all"), ("分成", "all"),
    ("分别为", "marked"), ("分别是", "marked"), ("分别有", "marked"),
    ("分别安排", "marked"), ("分别用于", "marked"), ("分别下达", "marked"), ("分别拨付", "marked"),
    ("具体为", "marked"), ("具体是", "marked"), ("分布在", "counts"), ("分布于", "counts"),
    ("来源为", "all"), ("来源是", "all"),
)
_OTHERS = ("其他", "其余", "其它")  # a part so labelled makes the list whole
_DIVIDED_INTO = ("划分为", "分为", "分成")
_ALLOCATING = ("分别安排", "分别用于", "分别下达", "分别拨付")
# words that pick members out by a property (a selection, not a breakdown): a list so labelled
# may fall short of its total
_SELECTIVE = ("重点", "主要", "骨干", "以上", "规上", "规模以上")


def _selective(labels: str) -> bool:
    """Whether the labels pick members out by a property; an age bracket (`80周岁以上`) is one
    part of a partition by age, not a selection."""
    return any(w in labels.replace("岁以上", "岁") for w in _SELECTIVE)


_REST_WORDS = ("其余", "剩余", "尚余", "还剩", "余下", "其他", "其它", "未完成", "尚未", "正在", "在建", "未")
_DONE_WORDS = ("已完成", "已建成", "已实施", "已开工", "已拨付", "已发放", "已到位", "已落实", "已签约",
               "已交付", "已改造", "已安置", "已搬迁", "已办结", "已化解", "已整改", "已经完成", "已")


def _label_char(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or char in "“”《》" or char.isascii() and char.isalpha()


def _tail_char(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or char in "”》"


class Mismatch:
    """Figures that contradict each other: ``kind`` is "sum" (SM001), "shares" or "ratio" (SM002)."""

    __slots__ = ("start", "end", "kind", "total", "parts")

    def __init__(self, start: int, end: int, kind: str, total: Amount, parts: tuple[Amount, ...]) -> None:
        self.start, self.end, self.kind, self.total, self.parts = start, end, kind, total, parts


class _Sentence:
    __slots__ = ("start", "end", "figures")

    def __init__(self, start: int, end: int, figures: list[Amount]) -> None:
        self.start, self.end, self.figures = start, end, figures


_SENTENCE = lazy(r"[^。！？!?\n]+")


def _sentences(text: str) -> Iterator[_Sentence]:
    """The sentences of ``text`` with their figures, in one pass over both."""
    figures = iter_amounts(text)  # read along with the sentences, never all held at once
    figure = next(figures, None)
    for m in _SENTENCE.finditer(text):
        start, end = m.span()
        inside = []
        while figure is not None and figure.start < end:
            if figure.start >= start:
                inside.append(figure)
            figure = next(figures, None)
        yield _Sentence(start, end, inside)


_ORDINAL = lazy(r"(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十]|第[一二三四五六七八九十]+[，、,]?"
                r"|[（(][0-9一二三四五六七八九十]+[)）]|[0-9]{1,2}[.．、])")


def _item(text: str, start: int, end: int, figures: list[Amount], label_max: int = _LABEL_MAX) -> Amount | None:
    """The figure of ``text[start:end]`` when it reads `label + figure + short tail`, else None.

    The label may open with an ordinal (`一是`, `（1）`, `第二`) and hold numerals that name
    rather than count (`一期工程`, `二本`): only the last figure of the span is the item's.
    """
    while start < end and text[start] in " \u3000：:":
        start += 1
    while end > start and text[end - 1] in " \u3000":
        end -= 1
    ordinal = _ORDINAL.match(text, start, end)
    if ordinal:
        start = ordinal.end()
        while start < end and text[start] in " \u3000":
            start += 1
    first = bisect_left(figures, start, key=_start)
    inside: list[Amount] = []
    for figure in figures[first:]:
        if figure.start >= end or len(inside) > 3:
            break
        if figure.end <= end:
            inside.append(figure)
    if len(inside) > 1 and all(f.spelled for f in inside[:-1]):
        inside = inside[-1:]  # `一期工程8000万元`: the numeral names the part
    banded = (len(inside) in (2, 3) and text[start:inside[-1].start].endswith("的")
              and all(f.measure != inside[-1].measure for f in inside[:-1]))
    if banded:
        inside = inside[-1:]  # `20万元至50万元的7个`: a band of another measure names the part
    if len(inside) != 1:
        return None
    figure = inside[0]
    label, tail = text[start:figure.start], text[figure.end:end]
    if len(label) > label_max or len(tail) > _TAIL_MAX:
        return None
    if banded:
        return figure if all(_label_char(c) or c.isdigit() or c in ".～~—-" for c in label) else None
    if not all(_label_char(c) or c.isdigit() and (label[i + 1:i + 2].isascii() and label[i + 1:i + 2].isalpha()
                                                   or _ranged_label(label))
               for i, c in enumerate(label)) or not all(map(_tail_char, tail)):  # `5A级`, `5G基站`
        return None
    return figure


_RANGED_LABEL = lazy(r"[0-9]+(?:\.[0-9]+)?(?:[至到～~—-][0-9]+(?:\.[0-9]+)?)?(?:周岁|岁|年级|级|层|米|分)"
                     r"(?:以上|以下|及以上|及以下)?[\u4e00-\u9fff]*")


def _ranged_label(label: str) -> bool:
    """`60至79周岁`, `80周岁以上`, `3年级`: a label that names its part by a number of another kind."""
    return _RANGED_LABEL.fullmatch(label) is not None


def _start(figure: Amount) -> int:
    return figure.start


_THOUSANDS = lazy(r",[0-9]{3}(?![0-9])")


def _split(text: str, start: int, end: int, separators: tuple[str, ...]) -> list[tuple[int, int]]:
    spans, begin, i = [], start, start
    while i < end:
        sep = next((s for s in separators if text.startswith(s, i)), None)
        if sep is None or (sep == "," and text[i - 1:i].isdigit() and _THOUSANDS.match(text, i)):
            i += 1  # `15,000万元`: a thousands separator, not a list's
            continue
        spans.append((begin, i))
        begin = i = i + len(sep)
    spans.append((begin, end))
    return spans


def _list(text: str, start: int, end: int, figures: list[Amount]) -> list[Amount] | None:
    """The parts of a 顿号 list in ``text[start:end]``: two or more `label + figure` items."""
    if text.startswith("等", end - 1) or "等" in text[max(start, end - 3):end]:
        return None
    parts = []
    for begin, stop in _split(text, start, end, _LIST_SEPARATORS):
        part = _item(text, begin, stop, figures)
        if part is None or part.approx:
            return None
        parts.append(part)
    if len(parts) < 2 or len({p.measure for p in parts}) != 1 or parts[0].measure == PERCENT:
        return None
    return parts


_STATED = lazy(r"(?<![第0-9一二三四五六七八九十百])([两二三四五六七八九]|十[一二三四五六七八九]?)"
               r"(?:大|个|类|项|种|家|所)")


def _stated_count(text: str, total: Amount) -> int:
    """How many parts the total's own clause says it has (`三大产业全产业链产值46.2亿元`), else 0."""
    before = text[max(0, total.start - 16):total.start]
    cut = max(before.rfind(c) for c in "，,；;：:。、")
    m = _STATED.search(before, cut + 1)
    return (cn_number(m.group(1)) or 0) if m else 0


def _clause_end(text: str, start: int, end: int) -> int:
    for i in range(start, end):
        if text[i] in "，,：:（(；;":
            return i
    return end


def _total_before(text: str, at: int, measure: str, figures: list[Amount],
                  through_among: bool = False) -> Amount | None:
    """The nearest figure with ``measure`` before ``at`` among ``figures`` (already bounded)."""
    for figure in reversed(figures):
        if figure.end > at or at - figure.end > _LOOKBACK:
            continue
        if figure.measure != measure:
            continue
        after = text[figure.end:figure.end + 2]
        if after[:1].isdigit() or (len(after) == 2 and "\u4e00" <= after[0] <= "\u9fff" and after[1].isdigit()):
            continue
        if _delta(text, figure):
            continue
        if "其中" in text[figure.end:at] and not through_among:
            return None
        if text[max(0, figure.start - 2):figure.start] in _REMAINDERS:
            return None  # `已整改812处，其余48处…。其中，…`: a remainder, not the whole
        if _average(text, figure):
            return None  # `人均可支配收入32000元。其中，城镇居民…`: an average has no parts
        return None if figure.spelled and figure.value < 10 * 10**PLACES else figure
    return None


_AVERAGES = ("人均", "平均", "均价", "户均", "亩均", "每", "单价", "千人口", "万人口")


def _average(text: str, figure: Amount) -> bool:
    """Whether the figure is an average or a rate (`人均…元`, `每平方米…元`), which parts do not add up to."""
    before = text[max(0, figure.start - 14):figure.start]
    cut = max(before.rfind(c) for c in "，,；;：:。")
    return any(w in before[cut + 1:] for w in _AVERAGES)


_REMAINDERS = ("其余", "剩余", "尚余", "还剩", "余下")
_DELTA_WORDS = ("增加", "增长", "减少", "下降", "提高", "降低", "增", "减", "扩大", "缩小", "压减", "节约",
                "多", "少", "上升", "回落", "增收", "减收", "节省")


def _delta(text: str, figure: Amount) -> bool:
    """Whether the figure is a change (`比去年增加4000亿元`), not a level that parts can make up."""
    before = text[max(0, figure.start - 3):figure.start].rstrip("了")
    return before.endswith(_DELTA_WORDS) and not before.endswith("新增")


def _marked(text: str, total: Amount) -> bool:
    """Whether the figure is stated as a total: `共`, `合计`, `现有`, `总投资` in its own clause."""
    before = text[max(0, total.start - 12):total.start]
    cut = max(before.rfind(c) for c in "，,；;：:。、")
    return any(mark in before[cut + 1:] for mark in _TOTAL_MARKS)


def _compare(total: Amount, parts: list[Amount] | tuple[Amount, ...]) -> int:
    """The sign of sum(parts) - total, allowing for the rounding of every figure."""
    difference = sum(p.value for p in parts) - total.value
    slack = total.slack + sum(p.slack for p in parts)
    return 0 if abs(difference) <= slack else (difference > 0) - (difference < 0)


_NEAR_MISS = 80  # percent of the total a not-necessarily-whole list must reach to be called short


def _exceeds(total: Amount, parts: list[Amount] | tuple[Amount, ...]) -> bool:
    """Whether the parts add up to more than the total can be, allowing for its hedge."""
    if total.hedge == "over":
        return False  # `1200余人`: the parts may add up to more
    margin = total.value // 10 if total.hedge == "about" else 0  # `约12次`: a tenth either way
    return sum(p.value for p in parts) - total.value > margin + total.slack + sum(p.slack for p in parts)


def _contradicts(total: Amount, parts: list[Amount] | tuple[Amount, ...], mode: str) -> bool:
    if total.approx:
        return _exceeds(total, parts)
    sign = _compare(total, parts)
    if sign > 0:
        return True
    if sign < 0 and mode == "counts" and (total.measure not in PARTIAL_MEASURES or len(parts) >= 3):
        # a list that need not be whole: short only when it misses by a little (a slip), not
        # when it names a few kinds among many (`教职工860人，其中教授86人、副教授210人`); funds,
        # tonnage and land are often named by one or two sources, so they need three parts
        return sum(p.value for p in parts) * 100 >= total.value * _NEAR_MISS
    return sign < 0 and mode == "all"


def _bracketed(text: str, sentence: _Sentence) -> Iterator[Mismatch]:
    """`318个项目（加固类149个，重建类169个）`: a figure, up to 8 characters, a bracketed breakdown."""
    for total in sentence.figures:
        if total.measure == PERCENT or total.approx:
            continue
        at = total.end
        while at < sentence.end and at - total.end < _TAIL_MAX and (_tail_char(text[at]) or text[at] == "“"):
            at += 1
        if at >= sentence.end or text[at] not in "（(":
            continue
        close = at + 1
        while close < len(text) and text[close] not in "（()）\n":
            close += 1
        if close >= len(text) or text[close] not in ")）":
            continue
        inner = at + 1
        mode = "all"
        for word, word_mode in (("其中", "counts"), ("包括", "counts"), ("含", "some"), ("包含", "some")):
            if text.startswith(word, inner):
                inner, mode = inner + len(word), word_mode
                break
        figures = amounts(text, inner, close)
        parts = _list(text, inner, close, figures) if figures else None
        if parts is None:
            spans = _split(text, inner, close, ("，", ",", "；", ";", *_LIST_SEPARATORS))
            items = [_item(text, b, e, figures) for b, e in spans]
            if any(p is None or p.approx for p in items) or (len(items) < 2 and mode == "all"):
                continue
            parts = [p for p in items if p is not None]
            if len({p.measure for p in parts}) != 1:
                continue
        if len(parts) == 1:
            mode = "some"  # one part named: a selection
        if parts[0].measure == total.measure and _contradicts(total, parts, mode):
            yield Mismatch(total.start, close + 1, "sum", total, tuple(parts))


def _connective_lists(text: str, sentence: _Sentence, before: list[Amount]) -> Iterator[Mismatch]:
    """`共45个，其中新建18个、改建20个`, `分为A类40所、B类50所`, `包括…`, `含…`, `分别为…`."""
    for word, mode in _CONNECTIVES:
        at = text.find(word, sentence.start, sentence.end)
        while at != -1:
            if not (word == "含" and text[at - 1:at] in ("包", "涵")):
                yield from _after_connective(text, sentence, before, at, word, mode)
            at = text.find(word, at + len(word), sentence.end)


def _after_connective(text: str, sentence: _Sentence, before: list[Amount], at: int, word: str,
                      mode: str) -> Iterator[Mismatch]:
    begin = _list_start(text, at + len(word), sentence.end)
    end = _clause_end(text, begin, sentence.end)
    if word in _DIVIDED_INTO and any(f.start == begin for f in sentence.figures) and sum(
            1 for f in sentence.figures if begin <= f.start < _clause_end(text, begin, sentence.end)) == 1:
        return  # `社区划分为12个网格，`: the figure counts the divisions, it is no part of a total
    parts = _list(text, begin, end, sentence.figures)
    candidates = before + [f for f in sentence.figures if f.end <= at]
    if parts is not None:
        total = _total_before(text, at, parts[0].measure, candidates, mode == "marked")
        if total is not None:
            this_mode = mode
            if mode == "marked":
                this_mode = "counts" if _marked(text, total) or "其中" in text[total.end:at] \
                    or _aside(text, total, at, candidates) else ""
                if _adjoins(text, total, at, word):
                    this_mode = "all"  # `补贴资金1268.5万元，分别为…`: the parts of that figure
            if this_mode == "counts" and _selective(text[begin:parts[-1].start]):
                this_mode = "some"  # `其中重点项目…、省级以上…`: members picked by a property
            labels = [text[(parts[i - 1].end if i else begin):p.start] for i, p in enumerate(parts)]
            if this_mode and (any(w in text[begin:parts[-1].start] for w in _OTHERS)
                              or _stated_count(text, total) == len(parts) or _complementary(labels)):
                this_mode = "all"  # `…、其他补贴20万元`, `三大产业产值…，其中…`: the list names everything
            if this_mode and _contradicts(total, parts, this_mode):
                yield Mismatch(total.start, end, "sum", total, tuple(parts))
    else:
        yield from _selection(text, sentence, at, begin, candidates, mode)


def _adjoins(text: str, total: Amount, at: int, word: str) -> bool:
    """Whether the parts after ``word`` at ``at`` are those of ``total``: nothing stands between
    them, or — before `分别安排`/`分别用于` … — one short clause without figures
    (`额度36000万元，全部列入基金预算，分别安排：`)."""
    gap = text[total.end:at].strip("，,：: ")
    if not gap:
        return True
    return word.startswith(_ALLOCATING) and len(gap) <= 12 and not any(
        c.isdigit() or c in "，,；;、" for c in gap)


def _aside(text: str, total: Amount, at: int, figures: list[Amount]) -> bool:
    """`项目28个，总投资4.6亿元，分别为…`: between the total and its parts stand only one or two
    short clauses of figures in another measure, said of the same things."""
    between = [f for f in figures if total.end <= f.start and f.end <= at]
    clauses = [c for c in text[total.end:at].replace(",", "，").split("，") if c.strip()]
    return bool(between) and len(clauses) <= 2 and all(len(c) <= 16 for c in clauses) \
        and all(f.measure != total.measure and f.measure != PERCENT for f in between)


def _list_start(text: str, begin: int, end: int) -> int:
    """Where the parts after a connective begin: past `，`/`：` and a short heading (`三个批次：`)."""
    while begin < end and text[begin] in "，,：: ":
        begin += 1
    colon = next((i for i in range(begin, min(end, begin + 10)) if text[i] in "：:"), -1)
    if colon != -1 and all(_label_char(c) for c in text[begin:colon]):
        begin = colon + 1
    return begin


# Labels that cut across a breakdown (党员, 女性, 高级职称 …): parts so labelled may overlap the
# others. Each group is one way of dividing people or things; parts whose labels name different
# groups (`专任教师108人，党员45人`) are not one breakdown.
_CROSS_CUTTING = (
    ("党员", "团员"), ("女", "男"), ("少数民族", "汉族"),
    ("职称", "高级", "中级", "初级", "正高", "副高"),
    ("学历", "博士", "硕士", "本科", "专科", "研究生", "大专"),
    ("以上", "以下", "岁", "以内"), ("新增", "新建", "累计", "同比", "比上年", "增长", "增加", "减少"),
    ("其中", "占"), ("骨干", "优秀", "先进", "模范", "标兵"),
)


_GRADES = ("良好", "合格", "称职", "较好", "一般", "较差", "不满意", "等奖")


def _cross_cutting(labels: list[str]) -> bool:
    """Whether the labels of some parts name a way of dividing the whole that others do not."""
    def groups(label: str) -> frozenset[int]:
        return frozenset(i for i, words in enumerate(_CROSS_CUTTING) if any(w in label for w in words))
    rest = ("其他", "其余", "其它")  # `其他占10%`: whatever the others leave
    found = {groups(label) for label in labels if not any(w in label for w in rest)}
    if any(grade in label for label in labels for grade in _GRADES):
        merit = _CROSS_CUTTING.index(("骨干", "优秀", "先进", "模范", "标兵"))
        found = {group - {merit} for group in found}  # `优秀…，良好…，合格…`: one scale of grades
    return len(found) > 1


_RUN_SEPARATORS = ("，", ",", "；", ";", "、")
# a part's change beside it: `，增长3.5%`, `，同比下降2.1%`, `，比上年增长6%`
_RATE_ASIDE = lazy(r"(?:同比|比上年|比去年|较上年|较去年|环比)?(?:增长|下降|增加|减少|提高|降低|上升|回落)了?$")
_JOINERS = ("以及", "和", "及", "与", "、")


def _run(text: str, begin: int, end: int, figures: list[Amount],
         label_max: int = _LABEL_MAX) -> tuple[list[Amount], list[str], bool]:
    """The parts that follow ``begin``: `label + figure` clauses with one measure word.

    Returns the parts, their labels and whether they fill the text up to ``end`` (no other
    clause follows them and the list does not end in `等`).
    """
    parts: list[Amount] = []
    labels: list[str] = []
    spans = _split(text, begin, end, _RUN_SEPARATORS)
    pending = -1  # a clause without a figure: a label shared with the next (`医院、卫生院…`)
    filled = True
    tail = begin  # the end of the last part, or of its growth rate beside it
    for start, stop in spans:
        if pending != -1:
            start = pending
        pieces = [(start, stop)]
        count = sum(1 for f in figures if start <= f.start and f.end <= stop and not f.spelled)
        if count > 1:
            pieces = _split(text, start, stop, _JOINERS)
        for b, e in pieces:
            part = _item(text, b, e, figures, label_max)
            if part is None:
                if not any(b <= f.start < e for f in figures) and not parts and text[e:e + 1] == "、":
                    pending = b
                    continue
                # a closing remark without figures (`，均已按期办结`) leaves the list whole
                filled = bool(parts) and not any(f.start >= b for f in figures) and "等" not in text[b:e]
                break
            label = text[b:part.start]
            if parts and part.measure == PERCENT and _RATE_ASIDE.match(label.lstrip("，,；;、 ")):
                tail = part.end
                continue  # `第一产业增加值128.6亿元，增长3.5%；…`: the part's own growth rate
            if (part.approx or (parts and part.measure != parts[0].measure) or part.measure == PERCENT
                    or label.lstrip("，,；;、 ").startswith(_TOTAL_MARKS)
                    # `一是…62场，其中…20场；二是…`: a part's breakdown ends at the next point
                    or parts and not _POINT.match(labels[0].lstrip("，,；;、 "))
                    and _POINT.match(label.lstrip("，,；;、 "))):
                filled = False
                break
            parts.append(part)
            labels.append(label)
            tail = part.end
            pending = -1
        else:
            continue
        break
    if parts:
        rest = text[tail:end]
        filled = filled and "等" not in rest and not any(c.isdigit() for c in rest)
    return parts, labels, filled


def _selection(text: str, sentence: _Sentence, at: int, begin: int, candidates: list[Amount],
               mode: str) -> Iterator[Mismatch]:
    """`其中一本达线630人，二本达线2191人`: parts by commas, perhaps only some of them.

    The first part may not exceed the whole (later clauses may be about something else). The
    parts together may not either when they make up the rest of the sentence, none of them
    alone exceeds the whole, and no label cuts across the others (`其中专任教师108人，党员45人`
    counts some people twice). After `分为` (and `分别为` after a marked total) they must make
    the whole.
    """
    named = _NAMED_LABEL_MAX if text.startswith(_ALLOCATING + ("具体为", "具体是"), at) else _LABEL_MAX
    parts, labels, filled = _run(text, begin, sentence.end, sentence.figures, named)
    if not parts:
        return
    total = _total_before(text, at, parts[0].measure, candidates, mode == "marked")
    if total is None:
        return
    if _exceeds(total, parts[:1]):  # later clauses may already be about something else
        yield Mismatch(total.start, parts[0].end, "sum", total, tuple(parts[:1]))
        return
    if len(parts) < 2 or not filled or _cross_cutting(labels) or any(_exceeds(total, [p]) for p in parts):
        return
    whole = mode == "all" or (mode == "marked" and (_marked(text, total) or "其中" in text[total.end:at]
                                                    or _adjoins(text, total, at, text[at:at + 4])))
    whole = (whole or _complementary(labels) or any(w in label for label in labels for w in _OTHERS)
             or _stated_count(text, total) == len(parts))
    # three or more kinds by commas after 其中/包括 are read as a 顿号 list is (a near miss is a
    # slip); two may be kinds picked out (`其中一本达线630人，二本达线2191人`)
    near = mode == "counts" and len(parts) >= 3 and not any(w in label for label in labels for w in _SELECTIVE)
    if _contradicts(total, parts, "all" if whole else "counts" if near else "some"):
        yield Mismatch(total.start, parts[-1].end, "sum", total, tuple(parts))


_BARE_OPENERS = ("，", ",", "：", ":", "中，")


def _bare_lists(text: str, sentence: _Sentence) -> Iterator[Mismatch]:
    """`全体职工共计452人，男职工268人，女职工194人` and `共开展检查15次：一是…6次，二是…5次`.

    A total marked as one (`共`, `合计`, `现有`) or closed by a colon, then a list of clauses
    with its measure word up to the end of the sentence: the parts may not exceed it. After a
    colon and a marked total, ordinals (`一是`, `（一）`) make the list the whole.
    """
    for total in sentence.figures[:-2]:
        opener = next((o for o in _BARE_OPENERS if text.startswith(o, _noun_end(text, total))), "")
        if not opener or total.measure == PERCENT or _delta(text, total):
            continue
        colon = opener in "：:"
        among = opener == "中，"  # `全体职工452人中，男职工…，女职工…`
        if not (colon or among or _marked(text, total)) or (total.spelled and total.value < 10 * 10**PLACES):
            continue
        begin = _noun_end(text, total) + len(opener)
        if text.startswith(tuple(w for w, _ in _CONNECTIVES), begin) or text.startswith("由", begin):
            continue  # the connective's own form
        parts, labels, filled = _run(text, begin, sentence.end, sentence.figures)
        if len(parts) < 2 or not filled or parts[0].measure != total.measure or _cross_cutting(labels):
            continue
        if not (colon or among) and not _parallel(text, total, labels):
            continue  # `生产总值6.66万亿元，财政总收入7019亿元…`: indicators side by side, not parts
        if any(_exceeds(total, [p]) for p in parts):
            continue
        numbered = all(_ORDINAL.match(text, _clause_start(text, parts, i, begin)) for i in range(len(parts)))
        whole = _complementary(labels) or (colon and _marked(text, total) and numbered)
        if _contradicts(total, parts, "all" if whole else "some"):
            yield Mismatch(total.start, parts[-1].end, "sum", total, tuple(parts))


_AMONG_KEY = 4  # characters of the group's name that must follow the earlier total
_AMONG_REACH = 400  # how far back the total may stand (the paragraph before, as a rule)


def _among_named(text: str, sentence: _Sentence) -> Iterator[Mismatch]:
    """`授予…等15个单位“…先进集体”称号。受表彰的先进集体中，县直部门6个、乡镇5个、企业3个`: a
    sentence opening with `<group>中，` and a 顿号 list, and the group counted in the paragraph
    before (its name within a few characters after the total)."""
    head = text.find("中，", sentence.start, min(sentence.end, sentence.start + 24))
    if head == -1:
        return
    key = text[head - _AMONG_KEY:head]
    if head - _AMONG_KEY < sentence.start or not all("\u4e00" <= c <= "\u9fff" for c in key):
        return
    begin = head + 2
    end = _clause_end(text, begin, sentence.end)
    parts = _list(text, begin, end, sentence.figures)
    mode = "counts"
    if parts is None:
        # `本科新生中，男生2318名，女生1790名，…`: the two halves of a division, the whole between them
        pair, labels, _ = _run(text, begin, sentence.end, sentence.figures)
        if len(pair) < 2 or not _complementary(labels[:2]):
            return
        parts, mode = pair[:2], "all"
    for total in reversed(amounts(text, max(0, sentence.start - _AMONG_REACH), sentence.start)):
        after = text[total.end:total.end + 30]
        stop = min((i for i in (after.find("。"), after.find("\n")) if i != -1), default=len(after))
        # the group is named after its figure (`15个单位获评先进集体`) or right before it (`录取本科新生4126名`)
        named = key in after[:stop] or text[max(0, total.start - _AMONG_KEY):total.start] == key
        if total.measure != parts[0].measure or not named or total.approx or _delta(text, total):
            continue
        if _contradicts(total, parts, mode):
            yield Mismatch(begin, parts[-1].end, "sum", total, tuple(parts))
        return


_VIEWED_BY = lazy(r"(?:从|按)[^，,。；;：:]{1,10}(?:看|来看|分)[，,：:]")


def _viewed_by(text: str, sentence: _Sentence, before: list[Amount]) -> Iterator[Mismatch]:
    """`全县累计返乡创业人员达到5830人。` / `从创业主体看，返乡农民工3960人、…、其他人员380人。`: a
    whole divided one way, the list closed by `其他`, and the one total of the sentence before
    (or the line before) that the parts come near; they must make it."""
    m = _VIEWED_BY.match(text, sentence.start)
    if m is None or not before:
        return
    parts, labels, _ = _run(text, m.end(), sentence.end, sentence.figures)
    if (len(parts) < 3 or not labels[-1].lstrip("，,；;、 ").startswith(_OTHERS)
            or parts[0].measure == PERCENT):
        return
    whole = sum(p.value for p in parts)
    near = [t for t in before if t.measure == parts[0].measure and t.multiplier == parts[0].multiplier
            and not t.approx and not _delta(text, t) and _marked(text, t)]
    if any(_compare(t, parts) == 0 for t in near):
        return
    close = [t for t in near if abs(whole - t.value) * 10 <= t.value]
    if len(close) == 1:
        yield Mismatch(parts[0].start, parts[-1].end, "sum", close[0], tuple(parts))


# Two-way divisions: labels that differ only in these words name the whole between them
_PARTITIONS = (("男", "女"), ("城镇", "农村"), ("城镇", "乡村"), ("城市", "农村"), ("公办", "民办"),
               ("境内", "境外"), ("国内", "国外"), ("省内", "省外"), ("市内", "市外"), ("县内", "县外"),
               ("线上", "线下"), ("校内", "校外"))


def _complementary(labels: list[str]) -> bool:
    """Two labels that are a thing and its negation (`体检合格…，不合格…`) or the two halves of a
    two-way division (`城镇人口…，农村人口…`): together the whole."""
    if len(labels) != 2:
        return False
    first, second = (label.strip("，,；;、 ").rstrip("的有为是") for label in labels)
    for a, b in _PARTITIONS:
        for x, y in ((a, b), (b, a)):
            if x in first and first.replace(x, y, 1) == second:
                return True
    # `税收收入…、非税收入…`, `公有制经济…，非公有制经济…`: a kind and everything outside it
    if second.startswith("非") and second[1:2] == first[:1] and len(os.path.commonprefix(
            [first[::-1], second[::-1]])) >= 2:
        return True
    for negation in ("尚未", "不", "未"):
        if second.startswith(negation) and len(second) > len(negation) and first.endswith(second[len(negation):]):
            return True
    return False


def _parallel(text: str, total: Amount, labels: list[str]) -> bool:
    """Whether comma clauses after a total read as its parts: a count marked `共`/`合计`/`现有`
    whose parts name one kind of thing (`男职工…，女职工…`, `内科…、外科…`)."""
    before = text[max(0, total.start - 12):total.start]
    cut = max(before.rfind(c) for c in "，,；;：:。、")
    if total.measure in PARTIAL_MEASURES or not any(m in before[cut + 1:] for m in _STRONG_MARKS):
        return False
    names = [label.strip("，,；;、 ").rstrip("有为是的") for label in labels]
    # one kind of thing (`男职工…，女职工…`) or one way of naming them (`来自高校的…，来自企业的…`)
    same = len({name[-1] for name in names}) == 1 or (
        all(len(name) > 3 for name in names) and len({name[:2] for name in names}) == 1)
    return all(names) and same and not any("总" in name for name in names)


def _noun_end(text: str, total: Amount) -> int:
    """Past the figure and the noun it counts when that noun closes with `中` (`112个行政村中`)."""
    at = total.end
    while at < total.end + 8 and at < len(text) and _label_char(text[at]) and text[at] != "中":
        at += 1
    return at if text.startswith("中，", at) else total.end


def _clause_start(text: str, parts: list[Amount], i: int, begin: int) -> int:
    """Where the clause of ``parts[i]`` begins (after the separator that precedes it)."""
    at = begin if i == 0 else parts[i - 1].end
    while at < len(text) and text[at] in "，,；;、 ":
        at += 1
    return at


_TOTAL_AFTER = ("合计", "共计", "总计", "累计共", "一共", "总共")


_EXPECTED = ("应到", "应出席", "应参会", "应参加")
_PRESENT = ("实到", "实际出席", "实出席", "实际到会", "出席")
_ABSENT = ("请假", "缺席", "因事请假", "因病请假", "未到")


def _attendance(text: str, sentence: _Sentence) -> Iterator[Mismatch]:
    """`应到会委员35人，实到32人，请假4人`: those present and those absent make those expected."""
    roles: dict[str, Amount] = {}
    for figure in sentence.figures:
        lead = text[max(sentence.start, figure.start - 8):figure.start].split("，")[-1]
        for role, words in (("expected", _EXPECTED), ("present", _PRESENT), ("absent", _ABSENT)):
            # `本次会议应到委员45名`: the word may follow the clause's subject
            if any(w in lead for w in words):
                if role not in roles and not figure.approx:
                    roles[role] = figure
                break
    if len(roles) == 3 and len({f.measure for f in roles.values()}) == 1:
        total, parts = roles["expected"], (roles["present"], roles["absent"])
        if _compare(total, parts) != 0:
            yield Mismatch(total.start, max(p.end for p in parts), "sum", total, parts)


_SUMMING_UP = ("以上", "上述", "以上各项", "上述各项")
_COUNT_HEADS = ("以上各项", "上述各项", "以上", "上述", "两者", "二者", "三者")


def _count_head(text: str, start: int, at: int) -> int:
    """The length of a phrase that names the parts just before a summing word: `三项`, `以上`."""
    size = next((len(h) for h in _COUNT_HEADS if text.startswith(h, at - len(h))), 0)
    if not size and text[at - 1:at] in "项类种批" and text[at - 2:at - 1] in "两二三四五六七八九十":
        size = 2
    # only inside the sentence, after a clause (`…。以上共计26个` is _total_after's own form)
    return size if at - size - 1 >= start and text[at - size - 1] in "，,；;" else 0


def _total_after(text: str, sentence: _Sentence, last: _Sentence | None) -> Iterator[Mismatch]:
    """`新建18个、改建20个，合计45个`: the parts first, then the total they make.

    The parts may fill the sentence before one that sums them up: `…。以上共计45个。`
    """
    for word in _TOTAL_AFTER:
        at = text.find(word, sentence.start, sentence.end)
        while at != -1:
            after = at + len(word)
            after += text.startswith(("达到", "为"), after) and (2 if text.startswith("达到", after) else 1)
            # `合计组织生活会议42次`: a short label may stand between the word and its figure
            total = next((f for f in sentence.figures if after <= f.start <= after + _LABEL_MAX
                          and all(map(_label_char, text[after:f.start]))), None)
            head = at - _count_head(text, sentence.start, at)  # `，三项合计28栋`, `，以上合计…`
            opener = text[head - 1:head]
            lead = text[sentence.start:head].strip()
            figures, span = sentence.figures, (sentence.start, head - 1)
            if lead in _SUMMING_UP and last is not None:
                figures, span, opener = last.figures, (last.start, last.end), "，"
            if total and not total.approx and total.measure != PERCENT and opener in "，,；;":
                spans = _split(text, span[0], span[1], ("，", ",", "：", ":", "；", ";", *_LIST_SEPARATORS))
                parts: list[Amount] = []
                for start, stop in reversed(spans):
                    among = text.startswith("其中", start)
                    part = _item(text, start + 2 if among else start, stop, figures)
                    if (part is None and text.startswith(_JOINERS, stop) and parts
                            and not any(start <= f.start < stop for f in figures)):
                        continue  # `分红和租金收入24.5万元`: 和 joins two names of one part
                    if part is None or part.approx or part.measure != total.measure:
                        break
                    parts.insert(0, part)
                    if among:  # the figure before 其中 is the whole, not a part
                        break
                if len(parts) >= 2 and _compare(total, parts) != 0:
                    yield Mismatch(parts[0].start, total.end, "sum", total, tuple(parts))
            at = text.find(word, at + len(word), sentence.end)


_WEAK_TOTALS = ("累计", "共")
_NOT_TOTAL = "同享建治商赢性识青产鸣振谋事"  # 共同, 共享, 共建 …: words, not a total
_SERIES = lazy(r"(?:第?[一二三四五六七八九十0-9]+(?:季度|期|批|轮|月份|月|阶段|标段)|上半年|下半年)")


_HEAD_COUNT = lazy(r"^[^，,；;0-9两一二三四五六七八九十]{0,4}([两二三四五六七八九]|十[一二]?)"
                   r"(?:类|批|项|种|期|所|家|个|部分|方面|级|季度|年|轮|阶段)")


def _stated_head(words: str) -> int:
    """The count a total's clause gives its parts before its mark (`三类学校`, `两批`), else 0."""
    m = _HEAD_COUNT.match(words)
    return (cn_number(m.group(1)) or 0) if m else 0


def _respective_labels(text: str, begin: int, parts: list[Amount], labels: list[str]) -> list[str]:
    """`一季度、二季度、三季度分别完成投资12亿元、15亿元、18亿元`: the names before `分别` label
    the bare figures after it in turn (each with the verb between); otherwise ``labels`` as read."""
    first = labels[0]
    at = first.find("分别")
    if at == -1 or any(labels[1:]):
        return labels
    opening = parts[0].start - len(first)
    names = text[begin:opening + at]
    names = names[max(names.rfind(c) for c in "，,；;：:") + 1:]
    verb = first[at + 2:]
    split = names.replace("和", "、").replace("及", "、").split("、")
    if len(split) != len(parts) or not all(split):
        return labels
    return [name + verb for name in split]


def _weak_total_after(text: str, sentence: _Sentence) -> Iterator[Mismatch]:
    """`一季度完成12件，二季度完成15件，…，前三季度累计完成38件`, `第一期80人，…，共培训230人`.

    `共` and `累计` close a list as its total only at the end of the sentence, and only over parts
    that are the same activity (each part's label holds the total's verb: `完成`) or successive
    periods or batches (`一季度…`, `第一期…`): `完成改造80户，新建30户，共惠及1200户` is left alone.
    """
    figures = sentence.figures
    if len(figures) < 3:
        return
    total = figures[-1]
    if total.approx or total.measure == PERCENT or text[total.end:sentence.end].strip("。；;，, "):
        return
    clause = max(text.rfind(c, sentence.start, total.start) for c in "，,；;")
    if clause == -1:
        return
    word_at, word = -1, ""
    for candidate in _WEAK_TOTALS:
        found = text.find(candidate, clause + 1, total.start)
        if found != -1 and (word_at == -1 or found < word_at):
            word_at, word = found, candidate
    if word_at == -1 or word_at - clause - 1 > 6 or text[word_at + len(word):word_at + len(word) + 1] in _NOT_TOTAL:
        return
    if text.startswith(("合计", "共计", "总计", "一共", "总共"), word_at - 1) or text.startswith("共计", word_at):
        return  # the strong words' own form (_total_after)
    verb = text[word_at + len(word):total.start].lstrip("计")
    bare = word == "共" and word_at == clause + 1 and word_at + 1 == total.start  # `，共45个`
    if len(verb) > _LABEL_MAX or not all(map(_label_char, text[clause + 1:total.start])):
        return
    parts: list[Amount] = []
    labels: list[str] = []
    for start, stop in reversed(_split(text, sentence.start, clause, ("，", ",", "；", ";", "、"))):
        part = _item(text, start, stop, figures)
        if part is None or part.approx or part.measure != total.measure:
            break
        parts.insert(0, part)
        labels.insert(0, text[start:part.start])
    if len(parts) < 2:
        return
    labels = _respective_labels(text, sentence.start, parts, labels)
    same_verb = bool(verb) and all(verb in label for label in labels)
    head = _stated_head(text[clause + 1:word_at])
    if head and head != len(parts):
        return  # `一季度…，二季度…，前三季度累计…`: a part is not named
    counted = head == len(parts) or text[clause + 1:word_at] in _SUMMING_UP  # `，两批共计…`, `，以上共…`
    if not (bare or same_verb or counted or all(_SERIES.search(label) for label in labels)):
        return
    if _compare(total, parts) != 0:
        yield Mismatch(parts[0].start, total.end, "sum", total, tuple(parts))


def _grouped(text: str, sentence: _Sentence, before: list[Amount]) -> Iterator[Mismatch]:
    """`总产量19.6万吨。其中，水稻播种27.5万亩、产量12.4万吨，玉米播种…、产量…，…`: after `其中`,
    groups (by semicolons, or by commas) that each give the same kinds of figure once; the
    figures of one kind are the parts of the total of that kind before (in the sentence, or
    closing the sentence or line before). The groups need not name everything (`counts`)."""
    at = text.find("其中", sentence.start, sentence.end)
    if at == -1 or at > sentence.start and text[at - 1] not in "，,；;":
        return
    begin = at + 2
    while begin < sentence.end and text[begin] in "，,：: ":
        begin += 1
    separators = ("；", ";") if any(c in text[begin:sentence.end] for c in "；;") else ("，", ",")
    groups: list[list[Amount]] = []
    for start, stop in _split(text, begin, sentence.end, separators):
        inside = [f for f in sentence.figures if start <= f.start < stop and f.measure != PERCENT
                  and not f.spelled]  # `一本达线630人`: the numeral names the group
        groups.append(inside)
    if len(groups) < 2:
        return
    pattern = [f.measure for f in groups[0]]
    wide = separators[0] == "；"
    if (not pattern or len(set(pattern)) != len(pattern) or (len(pattern) < 2 and not wide)
            or any([f.measure for f in g] != pattern for g in groups[1:])):
        return
    candidates = [f for f in sentence.figures if f.end <= at] or before
    for k, measure in enumerate(pattern):
        parts = [g[k] for g in groups]
        if any(p.approx or _delta(text, p) for p in parts):
            continue
        of_kind = [f for f in candidates if f.measure == measure]
        if len(of_kind) != 1:
            continue  # none, or several (`发现1524处，已整改1497处，其余27处`): whose parts?
        total = of_kind[0]
        if total.hedge == "over" or _delta(text, total) or _average(text, total):
            continue
        if _contradicts(total, parts, "counts"):
            yield Mismatch(total.start, parts[-1].end, "sum", total, tuple(parts))
            return


_FIRST_POINT = ("一是", "其一是", "第一是")
_POINT = lazy(r"(?:其|第)?([一二三四五六七八九十]+)是")


def _points(text: str, sentence: _Sentence, previous: list[Amount]) -> Iterator[Mismatch]:
    """`全年共培训1800人次。一是干部培训650人次；二是…；三是…`: one figure per point under a
    heading total (in the clause before `一是` or closing the sentence before). The points need
    not name everything, so only parts that exceed the total contradict it."""
    at = -1
    for word in _FIRST_POINT:
        at = text.find(word, sentence.start, sentence.end)
        if at != -1:
            break
    if at == -1 or at > sentence.start and text[at - 1] not in "，,；;：: \u3000":
        return  # `统一是…`: a word, not the first point
    marks: list[int] = []  # where each point starts: 一是, 二是, 三是 … in order
    i = at
    while i != -1 and len(marks) < 10:
        m = _POINT.match(text, i)
        marks.append(m.start() if m else i)
        nxt = _CN_ORDER[len(marks)] + "是" if len(marks) < len(_CN_ORDER) else ""
        i = text.find(nxt, i + 2, sentence.end) if nxt else -1
    if len(marks) < 2:
        return
    before = [f for f in sentence.figures if f.end <= at]
    heading = before[-1:] if before else previous[-1:]
    if not heading:
        return
    total = heading[0]
    if total.approx and total.hedge == "over" or total.measure == PERCENT or _delta(text, total) \
            or not _marked(text, total):
        return
    bounds = [*marks[1:], sentence.end]
    parts: list[Amount] = []
    for start, stop in zip(marks, bounds):
        inside = [f for f in sentence.figures if start <= f.start < stop and f.measure == total.measure]
        if len(inside) != 1 or inside[0].approx or _delta(text, inside[0]):
            return  # no figure of the total's kind, or a point broken down in turn
        parts.append(inside[0])
    if _exceeds(total, parts):
        yield Mismatch(min(total.start, parts[0].start), parts[-1].end, "sum", total, tuple(parts))


_RISE = ("增加到", "增加至", "增长到", "增长至", "提高到", "提高至", "提升到", "提升至", "上升到", "上升至",
         "增至", "升至", "扩大到", "扩大至")
_FALL = ("减少到", "减少至", "下降到", "下降至", "降低到", "降低至", "降到", "降至", "压减到", "压减至", "缩小到",
         "缩小至", "减至")
_RISE_BY = ("净增", "增加了", "增加", "增长了", "提高了", "提高", "提升了", "提升", "上升了", "上升", "多了", "新增")
_FALL_BY = ("净减", "减少了", "减少", "下降了", "下降", "降低了", "降低", "压减了", "压减", "少了")
_POINTS = "个百分点"


def _changes(text: str, sentence: _Sentence) -> Iterator[Mismatch]:
    """`由上年的86家增加到102家，净增18家`: the change stated against its two levels.

    Only `由`/`从` A `增加到`/`下降到` B followed at once by the change in the same measure
    (percentages change by `个百分点`); a growth rate (`增长18.6%`) is left alone.
    """
    figures = sentence.figures
    for index, level in enumerate(figures[:-2]):
        start = text.rfind("由", max(sentence.start, level.start - 12), level.start)
        start = max(start, text.rfind("从", max(sentence.start, level.start - 12), level.start))
        if start == -1 or any(c in "，,；;。" for c in text[start:level.start]):
            continue
        new, change = figures[index + 1], figures[index + 2]
        verb = text[level.end:new.start]
        rising = verb.endswith(_RISE)
        if not (rising or verb.endswith(_FALL)) or len(verb) > 4:
            continue
        by = text[new.end:change.start].lstrip("，, ")
        if not by.endswith(_RISE_BY if rising else _FALL_BY) or len(by) > 4:
            continue
        points = level.measure == PERCENT and new.measure == PERCENT and change.measure == _POINTS
        if not points and not (level.measure == new.measure == change.measure != PERCENT):
            continue
        if level.approx or new.approx or change.approx:
            continue
        before = Amount(level.start, level.end, level.text, level.value, change.measure, level.slack, False,
                        level.multiplier)
        after = Amount(new.start, new.end, new.text, new.value, change.measure, new.slack, False, new.multiplier)
        whole, parts = (after, (before, change)) if rising else (before, (after, change))
        if _compare(whole, parts) != 0:
            yield Mismatch(level.start, change.end, "change", change, (before, after))


def _composed(text: str, sentence: _Sentence) -> Iterator[Mismatch]:
    """`领导小组共9人，由党员5人、群众3人组成`: the parts between 由 and 组成/构成."""
    for word in ("组成", "构成"):
        at = text.find(word, sentence.start, sentence.end)
        while at != -1:
            by = text.rfind("由", max(sentence.start, at - 60), at)
            if by != -1:
                parts = _list(text, by + 1, at, sentence.figures)
                if parts:
                    earlier = [f for f in sentence.figures if f.end <= by]
                    total = _total_before(text, by, parts[0].measure, earlier)
                    if total and _contradicts(total, parts, "all"):
                        yield Mismatch(total.start, at + len(word), "sum", total, tuple(parts))
            at = text.find(word, at + len(word), sentence.end)


_SUB_BREAKDOWN = "其中"  # a part broken down in turn: its figures are not further parts


_BASE_MARKS = ("上年末", "上年底", "上年", "去年底", "去年末", "去年", "年初", "此前", "原有", "截至上年")
_ADDED_MARKS = ("新增", "新建", "增加", "新发展", "新认定", "新培育", "新创建", "新评定")
_CUMULATED_MARKS = ("累计达到", "累计达", "累计为", "累计", "总数达到", "总数达", "总量达到")


def _accumulated(text: str, sentence: _Sentence) -> Iterator[Mismatch]:
    """`上年末251家，今年新增35家，累计达到290家`: the level before, what was added, the level after."""
    figures = sentence.figures
    for base, added, level in zip(figures, figures[1:], figures[2:]):
        if len({base.measure, added.measure, level.measure}) != 1 or base.measure == PERCENT \
                or base.approx or added.approx or level.approx:
            continue
        clause = text[sentence.start:base.start].replace(",", "，").split("，")[-1]
        if not any(mark in clause for mark in _BASE_MARKS):
            continue
        if not text[max(sentence.start, added.start - 4):added.start].rstrip("了").endswith(_ADDED_MARKS):
            continue
        if not text[max(sentence.start, level.start - 6):level.start].endswith(_CUMULATED_MARKS):
            continue
        if _compare(level, [base, added]) != 0:
            yield Mismatch(base.start, level.end, "sum", level, (base, added))


_STILL = ("还有", "尚有", "仍有")
_UNDONE_AFTER = ("未完成", "尚未完成", "没有完成", "待完成", "未建成", "未实施", "未开工", "未落实", "未到位",
                 "未办结", "未整改", "未验收", "未拨付")


def _rest(text: str, sentence: _Sentence) -> Iterator[Mismatch]:
    """`计划改造120户，已完成80户，剩余30户` and `共12个，其中A类5个，其余7个`: done + rest = whole."""
    figures = sentence.figures
    if len(figures) < 3 or not any(text.find(w, sentence.start, sentence.end) != -1 for w in (*_REST_WORDS, *_STILL)):
        return
    for index, rest in enumerate(figures):
        word_at = -1
        for word in _REST_WORDS:
            found = text.rfind(word, max(sentence.start, rest.start - 6), rest.start)
            word_at = max(word_at, found)
        if word_at == -1 and text.startswith(_STILL, rest.start - 2) and text.startswith(_UNDONE_AFTER, rest.end):
            word_at = rest.start  # `还有1600亩未完成`: the rest named after its figure
        if word_at == -1 or not all(map(_label_char, text[word_at:rest.start])) or rest.approx:
            continue
        same = [f for f in figures[max(0, index - 6):index] if f.measure == rest.measure and f.end <= word_at]
        if len(same) < 2 or len(same) > 4 or any(f.approx for f in same):
            continue
        total, parts = same[0], same[1:]
        opener = text[total.end:parts[0].start]
        if not ("其中" in opener or any(word in opener for word in _DONE_WORDS)):
            continue
        if any(not all(_label_char(c) or c in "，,、 的" for c in text[a.end:b.start]) for a, b in zip(same, same[1:])):
            continue
        # `已采纳102条，正在研究46条，暂不采纳20条`: more parts may follow the first of the rest
        follow = rest.end + 1 if text[rest.end:rest.end + 1] in ("，", ",", "、", "；", ";") else rest.end
        after, labels, _ = _run(text, follow, sentence.end, figures) if follow > rest.end else ([], [], False)
        if any(_SUB_BREAKDOWN in label for label in labels):
            continue
        after = [f for f in after if f.measure == rest.measure]
        if _compare(total, [*parts, rest, *after]) != 0:
            end = after[-1].end if after else rest.end
            yield Mismatch(total.start, end, "sum", total, (*parts, rest, *after))


_STRUCTURE_WORDS = ("结构", "构成", "分布")


def _shares(text: str, sentence: _Sentence) -> Iterator[Mismatch]:
    """`其中A占30%，B占50%，C占30%` (more than the whole) and `三次产业结构为8.7∶41.2∶50.1`."""
    shares: list[Amount] = []
    wholes: set[str] = set()  # the wholes named (`占播种面积的62%`): shares of two are not added
    for figure in sentence.figures:
        if figure.measure != PERCENT:
            continue
        lead = text[max(sentence.start, figure.start - 4):figure.start]
        named = _OF_WHOLE.search(text, max(sentence.start, figure.start - 12), figure.start)
        if named:
            wholes.add(named.group(1))
        if lead.endswith(("占", "占比", "占比为", "占比达", "分别占", "分别占比")) or named or (
                shares and text[shares[-1].end:figure.start] in ("、", "，")
                and "分别占" in text[max(sentence.start, shares[0].start - 6):shares[0].start]):
            shares.append(figure)
    if len(wholes) > 1:
        shares = []
    if len(shares) < 2:
        shares = _graded(text, sentence) or shares
    if any(f.measure == PERCENT and f not in shares and _share_clause(text, sentence, f) for f in sentence.figures):
        shares = []  # `占农村地区业务量的38.5%`: a share not read as one, so the others are not judged
    opening = text[sentence.start:shares[0].start] if shares else ""
    labels_of = [text[(shares[i - 1].end if i else sentence.start):share.start].split("，")[-1]
                 for i, share in enumerate(shares)]
    # `满意的占86%，基本满意的占10%…`: groups named by what they are, shares of one whole
    of_kind = all(text.startswith("的占", share.start - 2) for share in shares)
    if len(shares) >= 2 and ("其中" in opening or "分别" in opening or "中，" in opening or "中：" in opening
                             or of_kind
                             or any(w in opening for w in _STRUCTURE_WORDS)) and (
            "分别" in opening or not _cross_cutting(labels_of)):
        total = sum(s.value for s in shares)
        slack = sum(s.slack or 5 * 10 ** (PLACES - 1) for s in shares)
        whole = 100 * 10**PLACES
        labels = text[sentence.start:shares[-1].start]
        if total > whole + slack or (total < whole - slack and any(w in labels for w in ("其他", "其余", "其它"))):
            yield Mismatch(shares[0].start, shares[-1].end, "shares", shares[0], tuple(shares))
            shares = []  # reported: the listed form below is not read again
    if len(shares) == 2 and _complementary([label.rstrip("占比为达") for label in labels_of]):
        # `男性占52%，女性占46%`: the two halves of one division make the whole
        slack = sum(s.slack or 5 * 10 ** (PLACES - 1) for s in shares)
        if abs(sum(s.value for s in shares) - 100 * 10**PLACES) > slack:
            yield Mismatch(shares[0].start, shares[-1].end, "shares", shares[0], tuple(shares))
            shares = []
    if "分别" in text[sentence.start:sentence.end] and (len(shares) < 2 or not opening):
        yield from _respective_shares(text, sentence)
    if "产业" in text[sentence.start:sentence.end]:
        yield from _structure(text, sentence)
        yield from _structure_listed(text, sentence)


# `水稻占播种面积的62%`: a share naming its whole, right before the figure
_OF_WHOLE = lazy(r"占([^，,；;、：:。0-9%％的]{1,8})的$")
# `从满意程度分布看，` / `按作物结构分，`: the sentence divides one whole
_DIVIDING = lazy(r"(?:从|按)[^，,。；;]{0,10}(?:分布|结构|构成)(?:看|分|来看)[，,：:]")
_NOT_SHARE = ("增", "减", "降", "升", "提高", "比", "同比", "达", "率", "超", "近", "约", "为", "到")


def _graded(text: str, sentence: _Sentence) -> list[Amount]:
    """`从满意程度分布看，非常满意38.6%、满意41.2%、一般14.5%`: after an opening that divides
    one whole, a list of short labels each right before its percentage — the shares of that whole."""
    opening = _DIVIDING.match(text, sentence.start)
    if opening is None:
        return []
    shares: list[Amount] = []
    at = opening.end()
    for figure in sentence.figures:
        if figure.start < at:
            continue
        label = text[at:figure.start]
        if (figure.measure != PERCENT or not 1 <= len(label.strip("、，, ")) <= 6
                or (shares and label[:1] not in "、，,") or any(w in label for w in _NOT_SHARE)
                or any(c.isdigit() for c in label)):
            break
        shares.append(figure)
        at = figure.end
    rest = text[at:sentence.end]
    return shares if len(shares) >= 3 and not rest.startswith(("等", "左右")) else []


def _share_clause(text: str, sentence: _Sentence, figure: Amount) -> bool:
    """Whether the percentage's own clause says it is a share (`…占…的38.5%`)."""
    lead = text[max(sentence.start, figure.start - 20):figure.start]
    cut = max(lead.rfind(c) for c in "，,；;：:。")
    return "占" in lead[cut + 1:]


_RESPECTIVE_SHARES = ("占比分别为", "比重分别为", "比例分别为", "分别占", "占比分别是", "比例分别是")
_DIVIDED_BY = lazy(r"按[^，,。；;]{1,10}分[，,：:]|从[^，,。；;]{1,10}看[，,：:]")


def _respective_shares(text: str, sentence: _Sentence) -> Iterator[Mismatch]:
    """`按企业规模分，大型、中型、小微型企业的比重分别为12%、31%、62%`: shares listed after their
    labels may not exceed 100% when the sentence says they divide one whole (`按…分，`, `从…看，`,
    a structure) or the labels are grades of one scale (`非常满意、满意、不满意的比例分别为…`).
    Shares of overlapping or separate wholes (`炼铁、炼钢先进产能占比分别达到64.3%、62.3%`) stay quiet.
    """
    for word in _RESPECTIVE_SHARES:
        at = text.find(word, sentence.start, sentence.end)
        if at == -1:
            continue
        shares = [f for f in sentence.figures if f.start >= at + len(word)]
        taken = [shares[0]] if shares and shares[0].start == at + len(word) else []
        for a, b in zip(shares, shares[1:]):
            if not taken or text[a.end:b.start] not in ("、", "和", "，"):
                break
            taken.append(b)
        if len(taken) < 2 or any(f.measure != PERCENT or f.approx for f in taken):
            return
        clause = max(text.rfind(c, sentence.start, at) for c in "，,；;：:")
        labels = text[clause + 1:at].rstrip("的").split("、")
        if len(labels) != len(taken) or not all(0 < len(label) <= 8 for label in labels):
            return
        opening = text[sentence.start:clause + 1]
        divided = (bool(_DIVIDED_BY.search(opening)) or any(w in opening for w in _STRUCTURE_WORDS)
                   or text.startswith("三产业", at - 3))  # `一、二、三产业占比分别为…`: the economy
        graded = any(g in label for label in labels for g in ("满意", "良好", "合格", "称职", "等奖"))
        if not (divided or graded) or _cross_cutting(labels):
            return
        slack = sum(s.slack or 5 * 10 ** (PLACES - 1) for s in taken)
        if sum(s.value for s in taken) > 100 * 10**PLACES + slack:
            yield Mismatch(taken[0].start, taken[-1].end, "shares", taken[0], tuple(taken))
        return


def _structure_listed(text: str, sentence: _Sentence) -> Iterator[Mismatch]:
    """`三次产业占比分别为12.5%、38.6%、50.2%`: the three shares of the economy make 100%."""
    at = text.find("三次产业", sentence.start, sentence.end)
    respectively = text.find("分别为", at, sentence.end) if at != -1 else -1
    if respectively == -1:
        return
    shares = [f for f in sentence.figures if f.start >= respectively]
    if len(shares) < 3 or any(f.measure != PERCENT or f.approx for f in shares[:3]):
        return
    shares = shares[:3]
    if shares[0].start != respectively + 3 or any(text[a.end:b.start] != "、" for a, b in zip(shares, shares[1:])):
        return
    slack = sum(s.slack or 5 * 10 ** (PLACES - 1) for s in shares)
    if abs(sum(s.value for s in shares) - 100 * 10**PLACES) > slack:
        yield Mismatch(shares[0].start, shares[-1].end, "shares", shares[0], tuple(shares))


def _structure(text: str, sentence: _Sentence) -> Iterator[Mismatch]:
    at = text.find("产业", sentence.start, sentence.end)
    while at != -1:
        i = at + 2
        limit = min(sentence.end, at + 20)
        while i < limit and not text[i].isdigit():
            i += 1
        numbers, starts, j = [], i, i
        while j < sentence.end:
            k = j
            while k < sentence.end and (text[k].isdigit() or text[k] == "."):
                k += 1
            if k == j:
                break
            numbers.append(text[j:k])
            if text[k:k + 1] not in ("∶", ":", "："):
                j = k
                break
            j = k + 1
        if len(numbers) == 3 and all(n.count(".") <= 1 and n[0].isdigit() for n in numbers):
            values = [_millionths(n) for n in numbers]
            slack = sum(5 * 10 ** (PLACES - len(n.partition(".")[2]) - 1) for n in numbers)
            if abs(sum(values) - 100 * 10**PLACES) > slack:
                yield Mismatch(starts, j, "structure", _structure_total(), ())
        at = text.find("产业", max(at + 2, j), sentence.end)


def _millionths(number: str) -> int:
    whole, _, fraction = number.partition(".")
    return int(whole + fraction) * 10 ** (PLACES - len(fraction))


def _structure_total() -> Amount:
    return Amount(0, 0, "100%", 100 * 10**PLACES, PERCENT, 0, False, "")


_RATE_VERBS = ("为", "达到", "达", "是", "仅为")


def _rates(text: str, sentence: _Sentence) -> Iterator[Mismatch]:
    """`受理申请268件，办结245件，办结率为93.5%`: a rate its own two figures contradict.

    Only a rate named after the part's own verb (`办结` … `办结率`, `完成` … `完成率`), with the
    whole the figure of that measure just before the part.
    """
    figures = sentence.figures
    for index, pct in enumerate(figures):
        if pct.measure != PERCENT or index < 2 or pct.approx:
            continue
        lead = text[max(sentence.start, pct.start - 6):pct.start]
        for verb in _RATE_VERBS:
            if lead.endswith(verb):
                lead = lead[:-len(verb)]
                break
        if not lead.endswith("率") or len(lead) < 3:
            continue
        stem = lead[-3:-1]
        part, whole = figures[index - 1], figures[index - 2]
        if part.measure != whole.measure or part.measure == PERCENT or part.approx or whole.approx:
            continue
        between = text[whole.end:part.start]
        clause = text[max(sentence.start, whole.start - _LABEL_MAX):whole.start].split("，")[-1]
        if ("、" in between + clause or "；" in between or ";" in between or "，" not in between
                or stem not in between.split("，")[-1]):
            continue  # `上线52人、本科线上线434人`: two parts of one list, not a whole and its part
        if not text[part.end:pct.start].startswith(("，", ",")):
            continue
        label = between.split("，")[-1]
        if stem in clause or label[max(0, label.find(stem) - 1):label.find(stem)] in ("不", "未", "非", "无"):
            continue  # `合格98家，不合格18家，合格率81.7%`: the whole stands before both
        yield from _ratio_check(part, whole, pct)


_SHARE_OF_TOTAL = lazy(r"[，,]?占(?:比|总数的|总量的|全部的|总额的|总人数的)?(?:为|达|达到)?")


def _part_shares(text: str, sentence: _Sentence, before: list[Amount]) -> Iterator[Mismatch]:
    """`共有党员50名，其中女党员35名，占80%`: a part's share of the stated total, contradicted."""
    figures = sentence.figures
    for index, pct in enumerate(figures):
        if pct.measure != PERCENT or index < 1 or pct.approx:
            continue
        part = figures[index - 1]
        if part.measure == PERCENT or part.approx or not _SHARE_OF_TOTAL.fullmatch(text, part.end, pct.start):
            continue
        total = _total_before(text, part.start, part.measure, before + figures[:index - 1], True)
        if total is None or total.approx or "其中" not in text[total.end:part.start] or not _marked(text, total):
            continue
        yield from _ratio_check(part, total, pct)


def _ratio_check(part: Amount, whole: Amount, pct: Amount) -> Iterator[Mismatch]:
    pct_slack = pct.slack or 5 * 10 ** (PLACES - 1)
    hundred = 100 * 10**PLACES
    # too small: even the largest ratio stays below the smallest share the text allows
    low = (part.value + part.slack) * hundred < (pct.value - pct_slack) * (whole.value - whole.slack)
    high = (part.value - part.slack) * hundred > (pct.value + pct_slack) * (whole.value + whole.slack)
    if whole.value > whole.slack and (low or high):
        yield Mismatch(part.start if part.start > whole.start else whole.start, pct.end, "ratio", whole, (part, pct))


def _ratio(text: str, sentence: _Sentence) -> Iterator[Mismatch]:
    """`完成16924人，占计划20000人的95%`: the share stated does not follow from the two figures."""
    figures = sentence.figures
    for index, pct in enumerate(figures):
        if pct.measure != PERCENT or index < 2 or text[pct.start - 1:pct.start] != "的":
            continue
        whole, part = figures[index - 1], figures[index - 2]
        if whole.end != pct.start - 1 or part.measure != whole.measure or part.measure == PERCENT:
            continue
        between = text[part.end:whole.start]
        if not between.lstrip("，, ").startswith("占") or len(between) > 12 or part.approx or whole.approx:
            continue
        pct_slack = pct.slack or 5 * 10 ** (PLACES - 1)
        hundred = 100 * 10**PLACES
        # too small: even the largest ratio stays below the smallest share the text allows
        low = (part.value + part.slack) * hundred < (pct.value - pct_slack) * (whole.value - whole.slack)
        high = (part.value - part.slack) * hundred > (pct.value + pct_slack) * (whole.value + whole.slack)
        if whole.value > whole.slack and (low or high):
            yield Mismatch(part.start, pct.end, "ratio", whole, (part, pct))


_COUNTED = lazy(
    r"(?<![第0-9一二三四五六七八九十百“”])(?P<n>[两三四五六七八九]|十[一二三四五六七八九]?|[2-9]|1[0-9])"
    r"(?P<m>个方面|个|项|类|大|条|种|批|件|方面|家|所|名|位|支|座)(?P<what>[\u4e00-\u9fff]{0,10}?)"
    r"(?:[：:]|[，,](?:分别是|分别为|即)[：:]?)")
_ORDINAL_WORDS = ("是", "要", "则", "来")
_CN_ORDER = "一二三四五六七八九十"


def _counted_lists(text: str) -> Iterator[Mismatch]:
    """`重点抓好三项工作：一是…二是…` or `设置五类用户：A、B、C、D`: the count against the items.

    Only a count whose list follows its colon in the same paragraph: ordinals (`一是`, `一要`)
    counted to the end of the paragraph, or a 顿号 list of short names up to the end of the
    clause. Left alone: names in quotation marks (`“四个一批”：`), lists ending in `等`, and
    a count whose items are the paragraphs that follow.
    """
    for m in _COUNTED.finditer(text):
        count = cn_number(m["n"]) if not m["n"].isdigit() else int(m["n"])
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end == -1 else line_end
        if count is None or "“" in text[max(0, m.start() - 2):m.start()]:
            continue
        listed = _ordinals(text, m.end(), line_end) or _names(text, m.end(), line_end)
        if listed and listed != count:
            figure = Amount(m.start(), m.end("m"), m["n"] + m["m"], count * 10**PLACES, "", 0, False, "",
                            spelled=not m["n"].isdigit())
            shown = Amount(m.end(), m.end(), f"{listed}{m['m']}", listed * 10**PLACES, "", 0, False, "")
            yield Mismatch(m.start(), m.end(), "count", figure, (shown,))


# a count after the list it counts: `张明、李华、王强（共3人）`, `城关镇、河口镇共2个乡镇`, `A、B、C等2个`
_COUNT_AFTER = lazy(
    r"(?P<lead>（共|\(共|[，,]共|等共|共|等)(?P<n>[0-9]{1,3}|(?<=[共等])(?:[两二三四五六七八九]|十[一二三四五六七八九]?))"
    r"(?P<m>人|名|位|个(?!月|百分点)|家|所|项|支|条|类|种|户|村|镇|乡|县|区)", gate=(("共", "等"),))
_LIST_BOUNDARY = "：:，,。；;（(\n"


def _listed_then_counted(text: str) -> Iterator[Mismatch]:
    """A 顿号 list of names and then its count (`出席：A、B、C（共4人）`): the names against the count.

    With `等` the list may name only some (`A、B等5个单位`): it contradicts only a smaller count.
    Left alone: a last item joined by 和/及/与 (`A、B和C`, or a name that holds 和), items with
    digits or quotation marks, and a count without 共 or 等 before it (`新建、改扩建机场33个`
    counts airports, not the two verbs).
    """
    for m in _COUNT_AFTER.finditer(text):
        at = m.start()
        if not at or not "\u4e00" <= text[at - 1] <= "\u9fff":
            continue
        begin = at
        while begin > 0 and text[begin - 1] not in _LIST_BOUNDARY and at - begin < 200:
            begin -= 1
        items = text[begin:at].split("、")
        if len(items) < 2 or any(c.isdigit() or c in "“”《》 \u3000等" for c in text[begin:at]):
            continue
        if any(j in items[-1] for j in ("和", "及", "与")) or not all(1 < len(i) <= 15 for i in items[1:]) \
                or not 1 < len(items[0]) <= 20:
            continue
        count = int(m["n"]) if m["n"].isdigit() else cn_number(m["n"])
        listed = len(items)
        if count is None or count == listed or (m["lead"] in ("等", "等共") and listed < count):
            continue
        figure = Amount(m.start("n"), m.end("m"), m["n"] + m["m"], count * 10**PLACES, "", 0, False, "",
                        spelled=not m["n"].isdigit())
        shown = Amount(m.start(), m.start(), f"{listed}{m['m']}", listed * 10**PLACES, "", 0, False, "")
        yield Mismatch(m.start("n"), m.end("m"), "count", figure, (shown,))


def _ordinals(text: str, at: int, end: int) -> int:
    """How many ordinals (`一是…二是…三是…`) run on from ``at`` to ``end``; 0 when none opens."""
    word = next((w for w in _ORDINAL_WORDS if text.startswith("一" + w, at)), None)
    if word is None:
        return 0
    seen, position = 1, at + 2
    while seen < len(_CN_ORDER):
        found = text.find(_CN_ORDER[seen] + word, position, end)
        if found == -1:
            break
        seen, position = seen + 1, found + 2
    if text.find(_CN_ORDER[0] + word, at + 2, end) != -1:
        return 0  # a second enumeration in the paragraph: not one list
    return seen


def _names(text: str, at: int, end: int) -> int:
    """How many names a plain 顿号 list (`A、B和C。`) holds; 0 when it is not one."""
    stop = at
    while stop < end and text[stop] not in "。；;！？，,（(：:":
        stop += 1
    if stop < end and text[stop] in "，,（(：:":
        return 0
    body = text[at:stop]
    if "等" in body[-3:] or "“" in body or any(c.isdigit() for c in body):
        return 0
    items = body.split("、")
    last = items[-1]
    for joiner in ("以及", "和", "及", "与"):
        if joiner in last[1:]:
            items[-1:] = last.split(joiner, 1)
            break
    if len(items) < 2 or any(not 1 < len(item) <= 12 for item in items):
        return 0
    return len(items)


class _Lines:
    """The (start, end) span of every line of ``text``, read by index: the line starts in an
    array, not a list of tuples (nor a list of the lines' text), ~4 MB less per MB of text."""

    __slots__ = ("starts", "length")

    def __init__(self, text: str) -> None:
        starts, find = array("q", [0]), text.find
        at = find("\n")
        while at != -1:
            starts.append(at + 1)
            at = find("\n", at + 1)
        self.starts, self.length = starts, len(text)

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, index: int) -> tuple[int, int]:
        starts = self.starts
        start = starts[index]
        return start, starts[index + 1] - 1 if index + 1 < len(starts) else self.length

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return map(self.__getitem__, range(len(self.starts)))


def _lines(text: str) -> _Lines:
    return _Lines(text)


_ITEM_END = "；;。，,、 \u3000"


def _line_item(text: str, start: int, end: int) -> Amount | None:
    """The figure of a list line (`1. 新建项目18个；`), or None."""
    while end > start and text[end - 1] in _ITEM_END:
        end -= 1
    figures = amounts(text, start, end)
    part = _item(text, start, end, figures) if figures else None
    return None if part is None or part.approx or part.measure == PERCENT else part


def _line_lists(text: str) -> Iterator[Mismatch]:
    """A total closing its line with a colon and its parts on the lines below, one a line.

    `全年共招录新员工56人，具体如下：` then `1. 技术岗位28人；` …: the parts may not exceed the
    total, and make it exactly when it is marked (`共`) and the lines are numbered; a last line
    `合计45个` after the parts must be their sum.
    A numbered line holding other figures too (`（一）校舍维修。对15所学校…，需资金980万元。`)
    gives its one figure in the total's measure.
    """
    lines = _lines(text)
    index = 0
    while index < len(lines):
        start, end = lines[index]
        body_end = end
        while body_end > start and text[body_end - 1] in " \u3000":
            body_end -= 1
        head = amounts(text, start, body_end) if body_end > start and text[body_end - 1] in "：:" else []
        parts: list[Amount] = []
        numbered = True
        following = index + 1
        wanted = next((f for f in reversed(head) if not f.approx and f.measure != PERCENT), None)
        while following < len(lines):
            line_start, line_end = lines[following]
            part = _line_item(text, line_start, line_end)
            if part is None and wanted is not None and _ORDINAL.match(text, line_start, line_end):
                # `（一）校舍维修。对15所学校…，需资金980万元。`: a numbered item holding other
                # figures too; its one figure in the total's measure is its part
                own = [f for f in amounts(text, line_start, line_end) if f.measure == wanted.measure
                       and f.multiplier == wanted.multiplier and f.measure != PERCENT]
                part = own[0] if len(own) == 1 and not own[0].approx and not _delta(text, own[0]) else None
            if part is None or (parts and part.measure != parts[0].measure):
                break
            label = text[line_start:part.start].strip()
            if label.startswith(_TOTAL_MARKS):
                if len(parts) >= 2 and _compare(part, parts) != 0:
                    yield Mismatch(parts[0].start, part.end, "sum", part, tuple(parts))
                parts = []
                following += 1
                break
            numbered = numbered and bool(_ORDINAL.match(text, line_start, line_end))
            parts.append(part)
            following += 1
        total = next((f for f in reversed(head) if not f.approx and f.measure != PERCENT), None)
        if total is not None and len(parts) >= 2 and parts[0].measure == total.measure:
            whole = numbered and _marked(text, total)
            if _contradicts(total, parts, "all" if whole else "some"):
                yield Mismatch(total.start, parts[-1].end, "sum", total, tuple(parts))
        index = max(index + 1, following if parts else index + 1)


_TABLE_TOTALS = ("合计", "总计", "共计", "小计", "总数", "合 计", "总 计")
_TABLE_SKIP = ("率", "比", "%", "％", "增长", "增减", "排名", "序号", "编号", "年", "占", "平均", "均")
_CELL_NUMBER = lazy(r"\s*\**\s*(?P<n>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)\s*\**\s*")


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The cells of a pipe-table row as spans of ``text``."""
    line = text[start:end]
    first = line.find("|")
    last = line.rfind("|")
    spans, at = [], start + first + 1
    for piece in line[first + 1:last].split("|"):
        spans.append((at, at + len(piece)))
        at += len(piece) + 1
    return spans


def _cell_amount(text: str, span: tuple[int, int]) -> Amount | None:
    m = _CELL_NUMBER.fullmatch(text, span[0], span[1])
    if m is None:
        return None
    number = m["n"].replace(",", "")
    whole, _, fraction = number.partition(".")
    value = int(whole + fraction) * 10 ** (PLACES - len(fraction))
    slack = 5 * 10 ** (PLACES - len(fraction) - 1) if fraction else 0
    return Amount(m.start("n"), m.end("n"), m["n"], value, "", slack, False, "")


def _tables(text: str) -> Iterator[Mismatch]:
    """A Markdown table whose `合计` row is not the sum of the rows above it, column by column."""
    rows: list[tuple[int, int]] = []
    for start, end in chain(_lines(text), [(len(text) + 1, len(text) + 1)]):
        if text[start:end].lstrip().startswith("|"):
            rows.append((start, end))
            continue
        if len(rows) >= 4:
            yield from _table(text, rows)
        rows = []


def _table(text: str, rows: list[tuple[int, int]]) -> Iterator[Mismatch]:
    cells = [_cells(text, s, e) for s, e in rows]
    if not set(text[cells[1][0][0]:cells[1][-1][1]]) <= set("-:| "):
        return  # no header separator: not a Markdown table
    header, body = cells[0], cells[2:]
    begin = 0
    for number, row in enumerate(body):
        first = text[row[0][0]:row[0][1]].strip(" *")
        if first not in _TABLE_TOTALS:
            continue
        above = body[begin:number]
        begin = number + 1
        if len(above) < 2 or first == "小计":
            continue
        for column in range(1, len(row)):
            title = text[header[column][0]:header[column][1]] if column < len(header) else ""
            if any(w in title for w in _TABLE_SKIP) or any(len(r) != len(row) for r in above):
                continue
            total = _cell_amount(text, row[column])
            parts = [_cell_amount(text, r[column]) for r in above]
            if total is None or any(p is None for p in parts):
                continue
            found = [p for p in parts if p is not None]
            if _compare(total, found) != 0:
                yield Mismatch(total.start, total.end, "sum", total, tuple(found))


def _mismatches(ctx: RuleContext) -> list[Mismatch]:
    """The document's mismatches; a Markdown table is read from the source (its pipes are blanked)."""
    source = ctx.source
    tables = source.original if source.format == "markdown" and len(source.original) == len(ctx.text) else ""
    return list(find_mismatches(ctx.text, tables))


def find_mismatches(text: str, tables: str = "") -> Iterator[Mismatch]:
    yield from _counted_lists(text)
    if "、" in text:
        yield from _listed_then_counted(text)
    yield from _line_lists(text)
    if "|" in (tables or text):
        yield from _tables(tables or text)
    previous: list[Amount] = []
    seen: set[tuple[int, int]] = set()
    reached = SpanIndex()
    previous_end = -1
    last: _Sentence | None = None
    last_line: list[Amount] = []
    for sentence in _sentences(text):
        if previous_end < 0 or "\n" in text[previous_end:sentence.start]:
            last_line = list(previous)  # the sentence just before, when it closed the line before
            previous = []  # the total may close the sentence before, never the line before
            last = None
        previous_end = sentence.end
        if not sentence.figures:
            found = list(_structure(text, sentence)) if "∶" in text[sentence.start:sentence.end] else []
        else:
            found = [*_bracketed(text, sentence), *_connective_lists(text, sentence, previous),
                     *_bare_lists(text, sentence),
                     *_composed(text, sentence), *_rest(text, sentence), *_total_after(text, sentence, last),
                     *_weak_total_after(text, sentence), *_changes(text, sentence),
                     *_attendance(text, sentence), *_points(text, sentence, previous),
                     *_grouped(text, sentence, previous or last_line),
                     *_part_shares(text, sentence, previous), *_accumulated(text, sentence),
                     *_among_named(text, sentence), *_viewed_by(text, sentence, previous or last_line),
                     *_shares(text, sentence), *_ratio(text, sentence), *_rates(text, sentence)]
        for hit in found:
            if (hit.start, hit.end) not in seen and not reached.covers(hit.start):
                seen.add((hit.start, hit.end))
                reached.add(hit.start, hit.end)
                yield hit
        previous, last = sentence.figures, sentence


def _show(total: Amount, parts: tuple[Amount, ...]) -> tuple[str, str, str]:
    """The total, the sum and the parts as the message shows them, in the total's own unit."""
    figures = (total, *parts)
    if len({f.multiplier for f in figures}) == 1:
        multiplier = total.multiplier
        return (render(total.value, multiplier), render(sum(p.value for p in parts), multiplier),
                "+".join(render(p.value, multiplier) for p in parts))
    unit = total.multiplier + total.measure
    return (total.text, render(sum(p.value for p in parts), total.multiplier) + unit,
            "+".join(p.text for p in parts))


class TotalMismatch(Rule):
    """A total that its own breakdown contradicts: `共45个项目，其中新建18个、改建20个`.

    ## What it does
    Reads every figure once (`18个`, `1.2亿元`, `8000万元`, `1,250人次`, `1.8万人`, Chinese
    numerals `一百二十条`) and checks a total against its parts in the forms Chinese reports use.

    Parts that make the whole, where any difference is reported:

    - `分为` / `分成` / `划分为`, also after a short heading (`分为三个批次：第一批280人次、…`);
      `由…组成` / `由…构成`; `分别为` / `分别是` right after the total, after `其中`, after a
      marked total, or after one or two short clauses of another measure (`项目28个，总投资4.6亿元，
      分别为…`), by 顿号 or by commas (`共发展新党员23名，分别是：机关支部5名，…`);
    - `具体为` / `具体是` after a total, `资金来源为` (`总投资3600万元，资金来源为：…`);
    - done and the rest: `计划改造120户，已完成80户，剩余30户`, `已完成38个，未完成16个`,
      `已办结1426件，正在办理中152件`, `已完成31公里，还有15公里未完成`,
      `112个行政村中，已实现…98个，尚未实现的有16个`, with any
      parts after the rest (`已采纳102条，正在研究46条，暂不采纳20条`), a thing and its negation
      after a total (`共386人，体检合格352人，不合格24人`) and the two halves of a two-way division
      (`城镇人口…，农村人口…`, `男职工…，女职工…`), also after `其中` and as a 顿号 pair: a kind and
      everything outside it (`其中税费收入…、非税费收入…`, `公有制单位…，非公有制单位…`);
    - a list with a part labelled `其他` / `其余` (`…、其他补贴20万元`), and a total whose own
      clause counts its parts when the list has that many (`三大产业产值46.2亿元，其中…`);
    - a sentence that opens with `<group>中，` and a 顿号 list, the group counted in the paragraph
      before (`授予…等15个单位“…先进集体”称号。` / `受表彰的先进集体中，县直部门6个、乡镇5个、企业3个`),
      read as after `其中`; the group may also stand right before its figure (`录取本科新生4126名`),
      and the list may be the two halves of a division that make the whole (`本科新生中，男生…，女生…`);
    - a whole divided one way in the sentence after it, or on the next line, the list closed by
      `其他` (`累计发放贷款2860笔。` / `从贷款对象看，个体工商户…、小微企业…、其他对象…`), compared with
      the one total (marked `累计`, `共`…) the parts come within a tenth of;
    - the level before, what was added and the level after: `上年末251家，今年新增35家，累计达到286家`;
    - meeting attendance: `应到会委员35人，实到32人，请假4人`, also after the clause's subject (`本次会议应到…`);
    - names and then their count: `出席：张明、李华、王强（共4人）`, `城东、城西两个片区共3个`; after
      `等` (`东山镇、西湖乡等6个乡镇`) only when more names are listed than counted; a count with
      neither `共` nor `等` (`新建、改扩建机场33个`) is left alone;
    - the parts first and their total after: `新建18个、改建20个，合计45个`, `…，三项合计28栋`,
      `…，共45个`, `…，合计组织生活会议42次`, a list closed by a sentence `以上共计26个`, list
      lines closed by a line `合计26人`; `共` / `累计` with a verb closes a list only over parts of
      that same activity or successive periods (`一季度完成12件，…，前三季度累计完成38件`,
      `第一期80人，…，共培训230人`), never another quantity (`…，共惠及居民8600户`); names before
      `分别` label the figures after it in turn (`城区、乡镇、村小分别有学生…、…、…，`), and a total whose
      clause counts its parts closes as many (`，三类学校共有学生…`, `，两批共计…`) but no other number
      of them (`一季度…，二季度…，前三季度累计…` is left alone), and `以上`/`上述` before `共` sums up the list;
    - a colon and numbered parts after a total marked `共`/`合计`
      (`共开展检查15次：一是…6次，二是…5次，三是…3次`);
    - a `合计` / `总计` row of a Markdown table, column by column (columns of rates, shares,
      ranks and years are skipped).

    Parts that need not be whole (`其中`, `包括`, `包含`, `含`, `涵盖`, `主要有`, `分布在`, a bracket
    after the figure, a list under a total ending in a colon, `…人中，`, a marked total followed by
    clauses naming one kind of thing — `全体职工共计452人，男职工268人，女职工194人` — or named the
    same way — `来自乡镇的41人，来自部门的32人`): reported when they add up to more than the total.
    A list after `其中` / `包括` is also reported when it falls short by a little (it reaches 80% of
    the total: a slip, not a selection) when it is one closed enumeration: a 顿号 list of counts,
    or three or more parts by commas or of amounts (元, 吨, 亩: one or two sources of a fund are
    often named alone); not when its labels pick members by a property (`重点`, `规模以上`). A
    closing remark without figures (`，均已按期办结`) does not cut a list short. A label may name its
    part by a number of another kind (`60至79岁`, `80周岁以上`: one bracket of a division by age,
    not a selection), or by a band of another measure ending in `的` (`20万元至50万元的7个`,
    `超过50万元的4个`). Two more lists that need not be whole: points `一是…二是…` with one figure each
    under a total marked `共`/`合计` in the clause or sentence before (reported only when they exceed
    it); and groups after `其中` (by semicolons, or by commas) that each give the same kinds of figure
    once (`其中，小麦播种20.1万亩、产量8.6万吨，玉米播种…、产量…，…`; `A地块面积…，起始价…；B地块…`),
    each kind against the one figure of that kind before (in the sentence, else the sentence or line
    before; several of that kind leave it alone), as a list after `其中` is read. A part's name may
    run to 22 characters after `分别安排：` or `具体为：` (`县经济开发区标准厂房及配套基础设施项目15,000万元`).

    Also: a stated count against the items listed after its colon or `分别是` in the same paragraph
    (`设置五类用户：管理员、审核员、录入员和查询员`, `三项工作：一是…四是…`,
    `抽查4家企业：…`, `下设3个工作组，分别是…`).

    And a change against its two levels: `由上年的86家增加到102家，净增18家`,
    `从5.6%下降到5.1%，下降了0.3个百分点` (a growth rate, `增长17.5%`, is left alone).

    The parts may follow `分别安排`, `分别用于`, `分别下达`, `分别拨付` as they follow `分别为`, and a
    figure may be written with thousands separators (`12,600万元`).

    A part may carry its own growth rate beside it (`其中，第一产业增加值128.6亿元，增长3.5%；…`).
    Under a total that closes its line with a colon, a numbered line holding other figures too
    (`（一）校舍维修。对15所学校…，需资金980万元。`) gives its one figure in the total's measure.

    Figures must share the total's measure word (`名` and `位` count as `人`); 元/万元/亿元 and
    万/亿 are converted; decimals are allowed their rounding. A total hedged with `约`/`近`/
    `左右` is reported only when its parts exceed it by more than a tenth, one with `余`/`多`/
    `超过`/`以上` never. Left alone: parts hedged themselves, lists ending in `等`, parts whose
    labels divide the whole in different ways (`其中专任教师108人，党员45人`), a part that alone
    exceeds the total after the first (the sentence has moved on), indicators side by side
    (`生产总值6.66万亿元，财政总收入7019亿元…`), counts in quotation marks (`“四个一批”：`), a
    count whose items are the following paragraphs, averages and rates (`人均可支配收入…元。其中，城镇
    居民…`, `每平方米…元`), a remainder before `其中` (`其余48处。其中，…`), and tables in .docx files.

    ## Why is this bad?
    When the parts do not add up to the total, one of the figures is wrong, and readers stop
    trusting the others.

    ## Example
    ```
    全年共实施45个项目，其中新建18个、改建20个。
    项目总投资1.2亿元，分为一期工程8000万元、二期工程3000万元。
    共发展新党员23名，分别是：机关支部5名，一车间支部8名，二车间支部6名，三车间支部6名。
    今年全县计划实施项目56个，已完成38个，未完成16个。
    全体职工共计452人，男职工268人，女职工194人。
    共收到意见建议一百二十条，其中采纳八十五条、部分采纳二十条、未采纳十条。
    系统设置五类用户：管理员、审核员、录入员和查询员。
    ```

    ## Use instead
    ```
    全年共实施45个项目，其中新建18个、改建20个、扩建7个。
    项目总投资1.2亿元，分为一期工程8000万元、二期工程4000万元。
    共发展新党员25名，分别是：机关支部5名，一车间支部8名，二车间支部6名，三车间支部6名。
    今年全县计划实施项目56个，已完成38个，未完成18个。
    全体职工共计452人，男职工258人，女职工194人。
    共收到意见建议一百二十条，其中采纳八十五条、部分采纳二十五条、未采纳十条。
    系统设置四类用户：管理员、审核员、录入员和查询员。
    ```
    """

    code = "SM001"
    name = "total-mismatch"
    groups = ("sums",)
    severity = Severity.WARNING
    messages = {"default": ("合计{total}与分项之和{sum}不符（{parts}）",
                            "the total {total} does not match the sum of its parts {sum} ({parts})"),
                "exceeds": ("分项{parts}超过了合计{total}", "the part {parts} exceeds the total {total}"),
                "count": ("称有{total}，实际列出{listed}", "says {total} but lists {listed}"),
                "change": ("从{before}到{after}，变化应为{actual}，文中写作{change}",
                           "from {before} to {after} is a change of {actual}, not {change}")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for hit in ctx.shared("sums", lambda: _mismatches(ctx)):
            if hit.kind == "sum":
                total, summed, parts = _show(hit.total, hit.parts)
                key = "exceeds" if len(hit.parts) == 1 else "default"
                yield ctx.report(hit.start, hit.end, key, total=total, sum=summed, parts=parts)
            elif hit.kind == "change":
                before, after = hit.parts
                actual = render(abs(after.value - before.value), hit.total.multiplier)
                yield ctx.report(hit.start, hit.end, "change", before=before.text, after=after.text,
                                 actual=actual + hit.total.multiplier + hit.total.measure, change=hit.total.text)
            elif hit.kind == "count":
                yield ctx.report(hit.start, hit.end, "count", total=hit.total.text, listed=hit.parts[0].text)


class ShareMismatch(Rule):
    """Percentages that cannot be right: shares over 100%, or a share its own figures contradict.

    ## What it does
    Checks four forms of percentage:

    - shares of one whole after `其中`, `分别占`, a whole named with `中，`, a structure
      (`从年龄结构看，`, `构成`, `分布`) or groups named by what they are (`满意的占86%，…的占…`)
      (`参与调查的企业中，国有企业占35%，民营企业占52%，外资企业占18%`): together they may not
      exceed 100%; they must make 100% when one of them is `其他` / `其余`, and so must the two
      halves of one division (`男性占51.6%，女性占48.4%`); the first share may name the whole
      (`生态公益林占林地面积的58%，用材林占29%`), but a sentence with shares of two named
      wholes, or a share of another named whole (`占农村地区业务量的38.5%`), is not judged; after
      an opening that divides one whole (`从评议等次分布看，`, `按用地结构分，`) a list of short labels
      each right before its percentage (`优秀27.5%、良好46.3%、合格22.8%`, not growth rates
      `增长36.2%`, not a list ending in `等`) are its shares; shares listed after their
      labels (`大型、中型、小微型企业的比重分别为12%、31%、62%`) only when the sentence divides one whole
      (`按企业规模分，`, `从…看，`, a structure, `一、二、三产业`) or the labels are grades
      (`满意、基本满意、不满意的比例分别为…`);
    - an industry structure written as a ratio (`三次产业结构为8.7∶41.2∶50.1`) or listed
      (`三次产业占比分别为12.5%、38.6%、50.2%`): the three parts make 100;
    - a figure, its whole and the share between them (`完成16924人，占计划20000人的95%`):
      the share must follow from the two figures, allowing for their rounding (`1.8万人`
      may be anything from 17,500 to 18,499); so must the share right after a part named with
      `其中` after a stated total (`共有专任教师240人，其中硕士以上学历96人，占40%`);
    - a rate named after its part's own verb (`受理申请268件，办结245件，办结率为93.5%`,
      `计划新建120户，实际完成132户，完成率为105%`): the rate must follow from the two figures
      (the whole is never one of two parts written before it: `合格138批次，不合格12批次，合格率92%`).

    Left alone: growth rates and other percentages that are not shares, shares of different
    wholes (`占全省的30%`, `占全国的5%`, `…比重分别为99.3%、93.8%`), shares whose labels divide the
    whole in different ways, shares below 100% without an `其他` part, and a rate that names no
    figure before it (`群众满意率为98.5%`).

    ## Why is this bad?
    Shares that add up to more than the whole, or a ratio that does not follow from its own
    figures, tell the reader that one of the figures is wrong.

    ## Example
    ```
    其中第一产业占12%，第二产业占45%，第三产业占48%。
    完成培训16924人，占计划20000人的95%。
    截至目前，共受理申请268件，办结245件，办结率为93.5%。
    ```

    ## Use instead
    ```
    其中第一产业占12%，第二产业占40%，第三产业占48%。
    完成培训16924人，占计划20000人的84.6%。
    截至目前，共受理申请268件，办结245件，办结率为91.4%。
    ```
    """

    code = "SM002"
    name = "share-mismatch"
    groups = ("sums",)
    severity = Severity.WARNING
    messages = {
        "default": ("各项占比之和为{sum}%，应为100%（{parts}）",
                    "the shares add up to {sum}%, not 100% ({parts})"),
        "ratio": ("{part}占{whole}的比例约为{actual}%，与文中的{pct}不符",
                  "{part} of {whole} is about {actual}%, not {pct}"),
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for hit in ctx.shared("sums", lambda: _mismatches(ctx)):
            if hit.kind == "shares":
                yield ctx.report(hit.start, hit.end, sum=render(sum(p.value for p in hit.parts)),
                                 parts="+".join(p.text for p in hit.parts))
            elif hit.kind == "structure":
                numbers = [n for n in _numbers(ctx.text[hit.start:hit.end])]
                yield ctx.report(hit.start, hit.end, sum=render(sum(map(_millionths, numbers))),
                                 parts="+".join(numbers))
            elif hit.kind == "ratio":
                part, pct = hit.parts
                actual = part.value * 1000 // hit.total.value  # tenths of a percent
                yield ctx.report(hit.start, hit.end, "ratio", part=part.text, whole=hit.total.text,
                                 actual=f"{actual // 10}.{actual % 10}", pct=pct.text)


def _numbers(text: str) -> list[str]:
    out, current = [], ""
    for char in text:
        if char.isdigit() or char == ".":
            current += char
        elif current:
            out.append(current)
            current = ""
    return out + [current] if current else out


RULES = [TotalMismatch, ShareMismatch]
