"""Dates: impossible days, wrong weekdays, dotted and two-digit forms, 虚位, 成文日期 numerals,
dates past the period."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from reportlint.diagnostics import Applicability, Edit, Finding, Fix, Severity
from reportlint.model import Article, Day, Line, Period, Section
from reportlint.rules.base import Rule, RuleContext, SpanSet
from reportlint.text.calendar import (
    CN_DATE,
    CN_DIGIT,
    DATE,
    TITLE_YEAR,
    has_date_words,
    valid,
    weekday,
    year_value,
)
from reportlint.text.chars import cn_to_int
from reportlint.text.lazyre import AtStarts, find_all, finditer_at, lazy

_DATELINE = lazy(r"[—―\-（(\s]*" + CN_DATE.pattern)  # ——二〇二六年一月二十七日在…会议上


def _dates(ctx: RuleContext) -> list[re.Match[str]]:
    """Every Arabic-numeral date of the document, found once for the rules that check them."""
    text = ctx.text
    return ctx.shared("dates.matches", lambda: list(finditer_at(DATE, text, _date_starts(text))))


def _date_starts(text: str) -> list[int]:
    """Where a DATE can start: the month's digits before a 月, or the year's before them.

    DATE opens with a lookbehind, which makes the regex engine try every offset; every date
    holds a 月, and there are few.
    """
    if "日" not in text:
        return []
    starts = set()
    for at in find_all(text, "月"):
        end = _skip_back_spaces(text, at)
        for month in (end - 1, end - 2):
            if month < 0 or not text[month:end].isascii() or not text[month:end].isdigit():
                break
            starts.add(month)
            year_mark = _skip_back_spaces(text, month) - 1
            if year_mark >= 4 and text[year_mark] == "年":
                starts.add(_skip_back_spaces(text, year_mark) - 4)
    return sorted(at for at in starts if at >= 0)


def _skip_back_spaces(text: str, at: int) -> int:
    """The offset just after the last non-space character before ``at``."""
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at


_LUNAR_BEFORE = lazy(r"(?:农历|阴历|夏历)[^，。；]{0,4}$")
_WEEKDAY_AFTER = lazy(r"\s*(?:[（(]\s*(?:下|本|这)个?|[（(，,])?\s*(?:星期|周|礼拜)(?P<w>[一二三四五六日天])[）)]?")


def _is_lunar(text: str, start: int) -> bool:
    """A 农历 date: the word in the eight characters before ``start``, in the same clause."""
    return bool(_LUNAR_BEFORE.search(text[max(0, start - 8):start]))


def _weekday_after(text: str, at: int) -> tuple[str, int] | None:
    """(weekday, end) of the 星期N written at ``at``, else None."""
    m = _WEEKDAY_AFTER.match(text, at)
    return (m["w"], m.end()) if m else None


def _in_signature(ctx: RuleContext, offset: int) -> bool:
    """Whether ``offset`` is on the 落款, the 印发 line of the 版记 or a date line of the head:
    the document's own dates, not events its body reports."""
    article = ctx.document.article_at(offset)
    sig = article.signature if article else None
    lines = [*(sig.units if sig else ()), *([sig.date] if sig and sig.date else [])]
    if article is not None:
        lines += [line for element in article.elements if element.kind in ("printed_by", "date")
                  for line in element.lines]
    return any(line.span.start <= offset < line.span.end for line in lines)


_SPOKEN_DAY = lazy(r"(?<![0-9])(?:(?P<y>(?:19|20)[0-9]{2})年)?(?P<m>[0-9]{1,2})月(?P<d>[0-9]{1,2})号$")


class ImpossibleDate(Rule):
    """A calendar date that does not exist: `2月30日`, `4月31日`, `2月29日` in a non-leap year.

    ## What it does
    Checks every `M月D日` (with or without a year), the second day of a range within one month
    (`2月27日至30日`, `4月28日—31日`), dates with Chinese numerals in running text in any mix
    (`二〇二三年二月二十九日`, `2024年十一月三十一日`, `十一月三十一日`), a month that does not exist
    (`2023年13月`), dotted or slashed dates (`2024.6.31`, `2024/2/30`) and the spoken `6月31号`.
    Without a year in the date, the year comes from a date earlier on the same line, else the
    report's title, else its 成文日期 (`二月二十九日` in a text of 2025). Lunar dates
    (`农历二月三十`) are left alone.

    ## Why is this bad?
    A date that never existed is a typo or a template date copied into the wrong year; the
    reader cannot tell when the event happened.

    ## Example
    ```
    2023年2月29日，召开全县安全生产工作会议。
    ```

    ## Use instead
    ```
    2023年2月28日，召开全县安全生产工作会议。
    ```
    """

    code = "DT001"
    name = "impossible-date"
    groups = ("dates",)
    severity = Severity.ERROR
    messages = {"default": ("日期不存在：{text}", "no such date: {text!r}")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.text
        for m, year, _ in _dated(ctx):
            if _is_lunar(text, m.start()):
                continue
            month = int(m["m"])
            if not valid(year, month, int(m["d"])):
                yield ctx.report(m.start(), m.end(), text=m.group(0))
                continue
            second = _range_end(text, m.end())
            if second and not valid(year, month, second[0]):
                yield ctx.report(second[1], second[2], text=f"{month}月{text[second[1]:second[2]]}")
        for date in _cn_dates(ctx):
            if _is_lunar(text, date.start):
                continue
            if date.year is None and date.month == 2 and date.day == 29:
                years = _likely_years(ctx, date.start, 2)
                impossible = bool(years) and not any(valid(y, 2, 29) for y in years)
            else:
                impossible = not date.exists
            if impossible:
                yield ctx.report(date.start, date.end, text=date.text)
        dated = {m.start() for m, _, _ in _dated(ctx)}
        for at in find_all(text, "月"):  # 2023年13月: a month that does not exist, with no day
            digits = text[max(0, at - 2):at]
            digits = digits[-1:] if not digits[:1].isdigit() else digits
            start = at - len(digits)
            if not (digits.isascii() and digits.isdigit()) or text[start - 1:start] != "年":
                continue
            written = text[max(0, start - 5):start - 1]
            if len(written) == 4 and written.isdigit() and written[:2] in ("19", "20") and not 1 <= int(digits) <= 12:
                if start - 5 not in dated and not _is_lunar(text, start - 5):
                    yield ctx.report(start - 5, at + 1, text=text[start - 5:at + 1])
        for at in find_all(text, "号"):  # 6月31号: the spoken form of a day
            m = _SPOKEN_DAY.search(text, max(0, at - 12), at + 1)
            if m is None or _is_lunar(text, m.start()):
                continue
            year = int(m["y"]) if m["y"] else _document_year(ctx, m.start())
            if not valid(year, int(m["m"]), int(m["d"])):
                yield ctx.report(m.start(), m.end(), text=m.group(0))
        for pattern, groups in ((_FULL_DOTTED, (1, 3, 4)), (_FULL_SLASHED, (1, 3, 4))):
            for m in pattern.finditer(text):  # 2024.6.31, 2024/2/30
                year, month, day = (int(m[g]) for g in groups)
                if not valid(year, month, day):
                    yield ctx.report(m.start(), m.end(), text=m.group(0))


class WeekdayMismatch(Rule):
    """A weekday that does not fall on the date it is written with: `2023年5月6日（星期五）`.

    ## What it does
    Checks `年月日（星期X）`, `月日，星期X`, `月日（周X）`, the weekday first (`星期五（10月10日）`,
    `星期五，即10月10日`), a weekday named relative to the week (`4月15日（下周二）`),
    the second day of a range (`10月12日（星期六）至13日（星期一）`; `9月3日至5日（星期三至星期五）`, each
    end with its weekday; `7月8日（星期二）、9日（星期三）`, a list; `6月30日至7月2日（周一至周三）`
    across months is left alone) and dates with Chinese numerals
    (`二〇二三年九月八日（星期四）`, `二〇二六年2月10日`, `十月十二日`). A date without a year takes
    that of a date earlier on the same line (`2023年9月5日…9月8日（星期四）`); failing that the
    year of the 成文日期 (the year before for a late month in a text of January to June, the year
    after for an early month in one of July to December; an attached part without a date of its
    own takes that of the document it is attached to); failing that, the year a summary or plan
    names in its title (or the next year for January and February in a summary, the year before
    for November and December in a plan); failing that the title's year, and then the date is
    only flagged if the weekday fits neither that year nor the years before and after it. Lunar
    dates are left alone.

    ## Why is this bad?
    One of the two is wrong, and readers who plan by the weekday go on the wrong day.

    ## Example
    ```
    定于2023年9月8日（星期四）召开总结大会。
    ```

    ## Use instead
    ```
    定于2023年9月8日（星期五）召开总结大会。
    ```
    """

    code = "DT002"
    name = "weekday-mismatch"
    groups = ("dates",)
    severity = Severity.ERROR
    messages = {"default": ("{text}不是星期{said}（应为星期{real}）",
                            "{text!r} is not a 星期{said} (it is a 星期{real})")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for date in _cn_dates(ctx):
            week = _weekday_after(ctx.text, date.end)
            if week is None or not date.exists or _is_lunar(ctx.text, date.start) \
                    or _WEEKDAY_RANGE.match(ctx.text, date.end):
                continue
            said = "日" if week[0] == "天" else week[0]
            years = [date.year] if date.year else _likely_years(ctx, date.start, date.month)
            actual = [weekday(y, date.month, date.day) for y in years]
            if years and None not in actual and said not in actual:
                yield ctx.report(date.start, week[1], text=date.text, said=said, real=actual[0])
        text = ctx.text
        for m, year, exact in _dated(ctx):
            if _is_lunar(text, m.start()):
                continue
            month, day = int(m["m"]), int(m["d"])
            years = [year] if exact and year else _likely_years(ctx, m.start(), month)
            if _WEEKDAY_RANGE.match(text, m.end()):
                continue  # 7月2日（周一至周三）: the first weekday is another day's (6月30日至7月2日)
            week = _weekday_after(text, m.end())
            if week:
                yield from self._judge(ctx, m.start(), week[1], m.group(0), week[0], years, month, day)
            # 6月12日（星期三）、13日（星期四）: a list of days in one month counts as a range here
            marks = _RANGE_MARKS + _LIST_MARKS if week else _RANGE_MARKS
            second = _range_end(text, week[1] if week else m.end(), marks)
            both = _WEEKDAY_RANGE.match(text, second[2]) if second and not week else None
            if second and both:  # 6月12日至14日（星期三至星期五）: each day its weekday
                yield from self._judge(ctx, m.start(), both.end(), m.group(0), both["a"], years, month, day)
                yield from self._judge(ctx, second[1], both.end(), f"{month}月{text[second[1]:second[2]]}",
                                       both["b"], years, month, second[0])
                continue
            week = _weekday_after(text, second[2]) if second else None
            if second and week:  # 10月12日（星期六）至13日（星期日）: the second day too
                yield from self._judge(ctx, second[1], week[1], f"{month}月{text[second[1]:second[2]]}", week[0],
                                       years, month, second[0])
        if "星期" in text or "周" in text:
            for m in _WEEKDAY_FIRST.finditer(text):  # 星期五（10月12日）
                month, day = int(m["m"]), int(m["d"])
                years = [int(m["y"])] if m["y"] else _likely_years(ctx, m.start(), month)
                shown = (f"{m['y']}年" if m["y"] else "") + f"{month}月{day}日"
                yield from self._judge(ctx, m.start(), m.end(), shown, m["w"], years, month, day)

    @staticmethod
    def _judge(ctx: RuleContext, start: int, end: int, shown: str, said: str, years: Sequence[int | None],
               month: int, day: int) -> Iterator[Finding]:
        said = "日" if said == "天" else said
        real = [weekday(y, month, day) if y else None for y in years]
        if years and None not in real and said not in real:
            yield ctx.report(start, end, text=shown, said=said, real=real[len(real) // 2])


# a range of weekdays after a date or a range of days: （周三至周五）, （星期日—星期一）
_WEEKDAY_RANGE = lazy(r"\s*[（(]\s*(?:星期|周|礼拜)(?P<a>[一二三四五六日天])\s*(?:至|到|—|－|-|~|～|–)\s*"
                      r"(?:星期|周|礼拜)?(?P<b>[一二三四五六日天])\s*[）)]")
_WEEKDAY_FIRST = lazy(
    r"(?:星期|周|礼拜)(?P<w>[一二三四五六日天])\s*(?:[（(]|[，,]\s*(?:即|也就是))\s*(?:(?P<y>(?:19|20)[0-9]{2})\s*年\s*)?"
    r"(?P<m>[0-9]{1,2})\s*月\s*(?P<d>[0-9]{1,2})\s*日(?:\s*[）)])?")


def _dated(ctx: RuleContext) -> Iterator[tuple[re.Match[str], int | None, bool]]:
    """Each date with its year: written, else that of a date before it on the same line (exact),
    else the title's or the 成文日期's (approximate). One pass over the dates in text order.
    The month and day of a date whose year is in Chinese numerals (二〇二六年2月10日) are left to
    :func:`_cn_dates`."""
    text = ctx.text
    last_year, last_at = None, -1
    covered = {date.end for date in _cn_dates(ctx)}
    for m in _dates(ctx):
        if m.end() in covered:
            continue
        if m["y"]:
            last_year, last_at = int(m["y"]), m.end()
            yield m, last_year, True
        elif last_year is not None and "\n" not in text[last_at:m.start()]:
            last_at = m.end()
            yield m, last_year, True
        else:
            last_year = None
            yield m, _document_year(ctx, m.start()), False


def _document_year(ctx: RuleContext, offset: int) -> int | None:
    """The title's year, else the year of the 成文日期 of the article holding ``offset``."""
    article = ctx.document.article_at(offset)
    if article is None:
        return None
    if article.dating.title_year is not None:
        return article.dating.title_year
    date = article.dating.signed
    return date[0] if date else None


_RANGE_MARKS = ("至", "到", "—", "－", "-", "~", "～", "–")
_LIST_MARKS = ("、", "和", "及", "，", ",")


def _range_end(text: str, at: int, marks: tuple[str, ...] = _RANGE_MARKS) -> tuple[int, int, int] | None:
    """`5月6日至8日`: the second day (value, start, end) of a range within one month."""
    for mark in marks:
        if text.startswith(mark, at):
            start = at + len(mark)
            end = start
            while end < len(text) and end - start < 3 and text[end].isascii() and text[end].isdigit():
                end += 1
            if 0 < end - start <= 2 and text.startswith("日", end):
                return int(text[start:end]), start, end + 1
            return None
    return None


class _CnDate:
    """A date written otherwise than all in Arabic numerals (二〇二三年二月三十日, 2024年十一月三十日,
    二〇二六年2月10日, 十一月三十一日). ``year`` is None when the text gives none; ``exists`` is
    False for a date no year has (or, with its year, that year has not)."""

    __slots__ = ("start", "end", "text", "year", "month", "day")

    def __init__(self, start: int, end: int, text: str, year: int | None, month: int, day: int) -> None:
        self.start, self.end, self.text = start, end, text
        self.year, self.month, self.day = year, month, day

    @property
    def exists(self) -> bool:
        return valid(self.year, self.month, self.day)


_CN_NUMBER = "一二三四五六七八九十"
_OTHER_DATE = lazy(
    rf"(?:(?P<y>(?<![0-9])(?:19|20)[0-9]{{2}}|[{CN_DIGIT}]{{4}})\s*年\s*)?"
    rf"(?P<m>(?<![0-9{_CN_NUMBER}〇○零第])[0-9]{{1,2}}|(?<![0-9{_CN_NUMBER}〇○零第])[{_CN_NUMBER}]{{1,2}})\s*月\s*"
    rf"(?P<d>[0-9]{{1,2}}|[{_CN_NUMBER}]{{1,3}})\s*[日号]")


def _cn_dates(ctx: RuleContext) -> list[_CnDate]:
    """Every date with a Chinese numeral in it, found once for the rules that check them."""
    def compute() -> list[_CnDate]:
        text = ctx.text
        months = list(find_all(text, "月"))
        starts = sorted({at - k for at in months for k in (1, 2) if at >= k and text[at - k] in _CN_NUMBER}
                        # an Arabic month before a day in Chinese numerals: 9月二十日
                        | {at - k for at in months for k in (1, 2) if at >= k and text[at + 1:at + 2] in _CN_NUMBER
                           and text[at - k:at].isascii() and text[at - k:at].isdigit()})
        found = []
        for m in finditer_at(_OTHER_DATE, text, _cn_starts(text, starts)):
            if not (m["m"] + m["d"] + (m["y"] or "")).isascii():
                year = year_value(m["y"]) if m["y"] else None
                month, day = _numeral(m["m"]), _numeral(m["d"])
                if month and day and (year or not m["y"]):
                    found.append(_CnDate(m.start(), m.end(), m.group(0), year, month, day))
        return found
    found: list[_CnDate] = ctx.shared("dates.cn_dates", compute)
    return found


def _cn_starts(text: str, months: list[int]) -> list[int]:
    """Where a date with a Chinese-numeral month may start: the month, or the year before it
    (and a Chinese-numeral year before an Arabic month: 二〇二六年2月10日)."""
    starts = set()
    for at in months:
        starts.add(at)
        year_mark = _skip_back_spaces(text, at) - 1
        if year_mark >= 4 and text[year_mark] == "年":
            starts.add(_skip_back_spaces(text, year_mark) - 4)
    for at in find_all(text, "年"):
        if at >= 4 and all(c in CN_DIGIT for c in text[at - 4:at]) and text[at + 1:at + 2].isdigit():
            starts.add(at - 4)
    return sorted(at for at in starts if at >= 0)


def _numeral(text: str) -> int | None:
    return int(text) if text.isdigit() else cn_to_int(text)


def _around(year: int | None) -> list[int]:
    return [year - 1, year, year + 1] if year else []


def _likely_years(ctx: RuleContext, offset: int, month: int) -> list[int]:
    """The years a date without one may be in: the 成文日期's (the year before for a late month in a
    text of early in the year, the year after for an early month in a text of its last months);
    without a 成文日期, the title's year and those around it."""
    article = ctx.document.article_at(offset)
    if article is None:
        return []
    dating = article.dating
    written = dating.written or _host_written(ctx, article)
    if written is None:
        titled = _titled_years(dating.title_text, dating.title_year, month)
        return titled or _around(dating.title_year or dating.number_year)
    year, now = written
    return [year] + [year - 1] * (month - now > 6) + [year + 1] * (now - month > 6)


def _host_written(ctx: RuleContext, article: Article) -> tuple[int, int] | None:
    """An attached part's writing date: that of the document it is attached to, unless the part's
    own title names a year far from it."""
    if not article.is_attachment:
        return None
    articles = ctx.document.articles
    at = next((i for i, a in enumerate(articles) if a is article), 0)
    host = next((a for a in reversed(articles[:at]) if not a.is_attachment), None)
    written = host.dating.written if host is not None else None
    titled = article.dating.title_year
    if written is None or titled is not None and abs(titled - written[0]) > 1:
        return None
    return written


def _titled_years(title: str, year: int | None, month: int) -> list[int]:
    """The years a date without one may be in, from a title naming the year it sums up or plans:
    a summary's dates are in its year (its closing meeting early in the next), a plan's too (a
    date late in the year before it, when it was drafted)."""
    if year is None:
        return []
    if _has_any(title, _SUMMARY_TITLE) and not _has_any(title, _PLAN_WORDS):
        return [year] + [year + 1] * (month <= 2)
    if _has_any(title, _PLAN_WORDS) and not _has_any(title, _SUMMARY_TITLE):
        return [year] + [year - 1] * (month >= 11)
    return []


def _free(text: str, at: int, marks: str) -> bool:
    """The lookbehind these patterns open with: no ASCII letter or digit, nor one of ``marks``,
    right before ``at``; checked first, it spares compiling a pattern no offset can satisfy."""
    before = text[at - 1:at]
    return not (before.isascii() and before.isalnum()) and (before == "" or before not in marks)


_FULL_DOTTED = AtStarts(
    r"(?<![0-9A-Za-z./_\-．])((?:19|20)[0-9]{2})([.．])([0-9]{1,2})\2([0-9]{1,2})(日)?(?![0-9A-Za-z.%％‰．])",
    lambda text: sorted({at - 4 for dot in ".．" for at in find_all(text, dot)
                         if at >= 4 and _free(text, at - 4, "./_-．")}))
# 2024.9—2025.1: a span of months written with dots
_DOTTED_MONTHS = AtStarts(
    r"(?<![0-9A-Za-z./_\-．])((?:19|20)[0-9]{2})[.．]([0-9]{1,2})\s*(?:[—–－\-~～]|至|到)\s*"
    r"((?:19|20)[0-9]{2})[.．]([0-9]{1,2})(?![0-9A-Za-z.%％‰．])",
    lambda text: sorted({at - 4 for dot in ".．" for at in find_all(text, dot)
                         if at >= 4 and _free(text, at - 4, "./_-．")}))
# 2023/5/6, 2023-05-06: slashed and hyphenated dates in running text (not in paths or URLs)
_FULL_SLASHED = AtStarts(
    r"(?<![0-9A-Za-z./_\-:／－])((?:19|20)[0-9]{2})([/\-／－])([0-9]{1,2})\2([0-9]{1,2})(日)?"
    r"(?![0-9A-Za-z./_%％‰\-／－])",
    lambda text: sorted({at - 4 for sep in "/-／－" for at in find_all(text, sep)
                         if at >= 4 and _free(text, at - 4, "./_-:／－")}))
# a bare M.D is a date only where an event or a time of day follows it: 4.15全民国家安全教育日
_EVENTS = ("全民", "国际", "世界", "全国", "中国", "纪念日", "宣传日", "教育日", "活动", "主题", "当天", "当日",
           "晚会", "上午", "下午", "晚上", "早上", "期间")


def _event_after_day(text: str, at: int, digits: int) -> bool:
    """``digits`` digits at ``at``, then an optional quote and an event word."""
    day = text[at:at + digits]
    if len(day) != digits or not (day.isascii() and day.isdigit()):
        return False
    after = at + digits
    return text.startswith(_EVENTS, after + (text[after:after + 1] in ("“", '"')))


def _bare_dotted_starts(text: str) -> list[int]:
    """Before a point that one or two digits and an event word (after an optional quote) follow."""
    starts: set[int] = set()
    for at in find_all(text, "."):
        if any(_event_after_day(text, at + 1, n) for n in (1, 2)):
            starts.update(s for s in (at - 2, at - 1) if s >= 0 and _free(text, s, "./_-·"))
    return sorted(starts)


_BARE_DOTTED = AtStarts(
    r"(?<![0-9A-Za-z./_\-·])([1-9]|1[0-2])\.([0-3]?[0-9])(?![0-9A-Za-z.%％‰])"
    rf"(?=[“\"]?(?:{'|'.join(_EVENTS)}))",
    _bare_dotted_starts)


# 3月5号, 2025年3月5号: a day said, not written (not 5号楼, 〔2025〕5号, 3月5号文件)
_SPOKEN_DATE = lazy(r"(?<![0-9])(?:(?P<y>(?:19|20)[0-9]{2})\s*年\s*)?(?P<m>[0-9]{1,2})\s*月\s*(?P<d>[0-9]{1,2})号"
                    r"(?![0-9楼院线门室栋单窗机令文件公告])")


class DottedDate(Rule):
    """A date written with dots in running text: `2019.3.5`, `4.15全民国家安全教育日`.

    ## What it does
    Flags `YYYY.M.D` anywhere (also with full-width dots, `2025．4．8`), a span of months written
    with dots (`2024.9—2025.1`), the spoken `3月5号` (not `5号楼`, `〔2025〕5号`), `YYYY/M/D`
    and `YYYY-MM-DD` (also with full-width ／ or －)
    outside paths and URLs, and a bare `M.D` where an event name or a time of day follows it.
    Decimals (`4.5%`, `3.5万元`), version and section numbers, spans of years (`2021-2025`),
    paths and URLs (`/2023/05/06/`) are not dates and are left alone.

    ## Why is this bad?
    Official running text writes dates as `2019年3月5日` (GB/T 15835-2011, and GB/T 9704-2012
    7.3.5.4 for the 成文日期); a dotted date reads like a decimal or a version number.

    ## Example
    ```
    2019.3.5，县局召开专题会议。县局4.15全民国家安全教育日活动总结
    ```

    ## Use instead
    ```
    2019年3月5日，县局召开专题会议。县局“4·15”全民国家安全教育日活动总结
    ```

    ## Fix safety
    `YYYY.M.D` → `YYYY年M月D日` is safe. For a bare `M.D` the suggestion `M月D日` is display
    only: a named day may rather keep its name form `4·15` (GB/T 15835-2011 4.1.3).
    """

    code = "DT003"
    name = "dotted-date"
    groups = ("dates",)
    severity = Severity.WARNING
    fixable = Applicability.SAFE
    standard = "GB/T 15835-2011"
    messages = {"default": ("日期“{text}”用点号分隔，正文应写作“{good}”",
                            "dotted date {text!r}: write {good!r} in running text"),
                "spoken": ("日期“{text}”是口语写法，正文应写作“{good}”",
                           "{text!r} is the spoken form of a date: write {good!r}"),
                "separator": ("日期“{text}”用“{sep}”分隔，正文应写作“{good}”",
                              "date {text!r} separated by {sep!r}: write {good!r} in running text")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for m in _FULL_DOTTED.finditer(ctx.text):
            year, month, day = int(m[1]), int(m[3]), int(m[4])
            if valid(year, month, day):
                good = f"{year}年{month}月{day}日"
                yield ctx.report(m.start(), m.end(), text=m.group(0), good=good,
                                 fix=Fix.replace("改为年月日", m.start(), m.end(), good))
        for m in _DOTTED_MONTHS.finditer(ctx.text):
            first, second = (int(m[1]), int(m[2])), (int(m[3]), int(m[4]))
            if 1 <= first[1] <= 12 and 1 <= second[1] <= 12 and first < second:
                good = f"{first[0]}年{first[1]}月—{second[0]}年{second[1]}月"
                yield ctx.report(m.start(), m.end(), text=m.group(0), good=good,
                                 fix=Fix.replace("改为年月", m.start(), m.end(), good))
        for m in _FULL_SLASHED.finditer(ctx.text):
            year, month, day = int(m[1]), int(m[3]), int(m[4])
            if valid(year, month, day):
                good = f"{year}年{month}月{day}日"
                yield ctx.report(m.start(), m.end(), "separator", text=m.group(0), good=good, sep=m[2],
                                 fix=Fix.replace("改为年月日", m.start(), m.end(), good))
        if "号" in ctx.text:
            for m in _SPOKEN_DATE.finditer(ctx.text):  # 3月5号召开: the spoken form of a day
                if not _is_lunar(ctx.text, m.start()) and valid(int(m["y"]) if m["y"] else None,
                                                               int(m["m"]), int(m["d"])):
                    good = m.group(0)[:-1] + "日"
                    yield ctx.report(m.start(), m.end(), "spoken", text=m.group(0), good=good,
                                     fix=Fix.replace("改为日", m.end() - 1, m.end(), "日"))
        for m in _BARE_DOTTED.finditer(ctx.text):
            month, day = int(m[1]), int(m[2])
            if valid(None, month, day):
                good = f"{month}月{day}日"
                yield ctx.report(m.start(), m.end(), text=m.group(0), good=good,
                                 fix=Fix.replace("改为月日", m.start(), m.end(), good, Applicability.DISPLAY))


_TWO_DIGIT_YEAR = AtStarts(
    r"(?<![0-9A-Za-z〇○零一二三四五六七八九十.／/\-])(?:(0[0-9])|([1-9][0-9]))年"
    r"(?!代|级|制|期|限|来|内|间|左右|以上|以下|多|余)"
    r"(?(1)|(?=[0-9]{1,2}月|[初底末度]|上半年|下半年|春季|秋季|夏季|冬季|遗留))",
    lambda text: [at - 2 for at in find_all(text, "年")
                  if at >= 2 and _free(text, at - 2, "〇○零一二三四五六七八九十.／/-")])


class TwoDigitYear(Rule):
    """A year cut to two digits: `08年`, `19年底`, `21年3月`.

    ## What it does
    Flags `0N年` and a two-digit year followed by a month, 初/底/末/度, 上半年/下半年 or 遗留 —
    the forms that can only be a year, not a number of years (`用了19年` is left alone).

    ## Why is this bad?
    GB/T 15835-2011 writes the year in full (its 1995 predecessor said so explicitly:
    not `08年` or `九〇年`); a two-digit year is ambiguous and informal.

    ## Example
    ```
    认真总结08年工作，科学部署09年任务。
    ```

    ## Use instead
    ```
    认真总结2008年工作，科学部署2009年任务。
    ```

    ## Fix safety
    Unsafe: the century is guessed (00–50 → 20xx, otherwise 19xx).
    """

    code = "DT004"
    name = "two-digit-year"
    groups = ("dates",)
    severity = Severity.WARNING
    fixable = Applicability.UNSAFE
    standard = "GB/T 15835-2011"
    messages = {"default": ("年份“{text}”应写全（如“{good}”）", "two-digit year {text!r}: write it in full ({good!r})")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for m in _TWO_DIGIT_YEAR.finditer(ctx.text):
            digits = m[1] or m[2]
            full = (2000 if int(digits) <= 50 else 1900) + int(digits)
            end = m.start() + len(digits)
            yield ctx.report(m.start(), end + 1, text=m.group(0), good=f"{full}年",
                             fix=Fix.replace("写全年份", m.start(), end, str(full), Applicability.UNSAFE))


class ZeroPaddedDate(Rule):
    """A month or day padded with a zero (虚位): `2023年07月05日`, `07月`.

    ## What it does
    Flags dates whose month or day is written with a leading `0`, also a month of a year written
    without its day (`2024年01月`) and month ranges (`2024年01—03月`, `2024年1月至03月`).

    ## Why is this bad?
    GB/T 9704-2012 7.3.5.4 writes the 成文日期 without 虚位 (`2023年7月5日`), and the same form
    is expected in the body of a report.

    ## Example
    ```
    2023年07月05日，组织开展防汛应急演练。
    ```

    ## Use instead
    ```
    2023年7月5日，组织开展防汛应急演练。
    ```

    ## Fix safety
    Safe: removing the padding zero does not change the date.
    """

    code = "DT005"
    name = "zero-padded-date"
    groups = ("dates",)
    severity = Severity.WARNING
    fixable = Applicability.SAFE
    standard = "GB/T 9704-2012 7.3.5.4"
    messages = {"default": ("日期“{text}”有虚位，应写作“{good}”", "zero-padded date {text!r}: write {good!r}")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        found = []
        for m in _dates(ctx):
            zeros = [m.start(g) for g in ("m", "d") if m[g].startswith("0") and len(m[g]) == 2]
            if zeros:
                found.append((m.start(), m.end(), zeros))
        taken = {start for start, _, _ in found}
        for m in _padded_months(ctx.text):
            if m.start() not in taken:
                zeros = [m.start(g) for g in ("m", "m2") if m[g] and m[g].startswith("0")]
                if zeros:
                    found.append((m.start(), m.end(), zeros))
        for start, end, zeros in sorted(found):
            edits = tuple(Edit(at, at + 1, "") for at in zeros)
            good = "".join(ch for i, ch in enumerate(ctx.text[start:end], start) if i not in zeros)
            yield ctx.report(start, end, text=ctx.text[start:end], good=good,
                             fix=Fix("去掉虚位", edits, Applicability.SAFE))


# a month of a year without its day: 2024年01月, 2024年01—03月, 2024年01月至03月 (the day, when
# written, makes it a DATE, checked above)
_YEAR_MONTH_PADDED = lazy(
    r"(?<![0-9])(?:19|20)[0-9]{2}\s*年\s*(?P<m>[0-9]{1,2})\s*月?"
    r"(?:\s*(?:[—–－\-~～至到])\s*(?P<m2>[0-9]{1,2})\s*月)?(?!\s*[0-9])")


def _padded_months(text: str) -> Iterator[re.Match[str]]:
    """`2024年01月`-style months (a year, then a month padded with 0), without a day."""
    if "年0" not in text and "年 0" not in text:
        return
    for at in find_all(text, "年"):
        lo = _skip_back_spaces(text, at) - 4
        if lo < 0:
            continue
        m = _YEAR_MONTH_PADDED.match(text, lo)
        if m is None or not (text.startswith("月", m.end("m")) or m["m2"]):
            continue
        if text.startswith("日", _skip_spaces(text, m.end())):
            continue
        if m["m2"] is None and text[_skip_spaces(text, m.end("m") + 1):][:1].isdigit():
            continue  # 2024年05月06日: a DATE, checked above
        if 1 <= int(m["m"]) <= 12 and (m["m2"] is None or 1 <= int(m["m2"]) <= 12):
            yield m


def _skip_spaces(text: str, at: int) -> int:
    while at < len(text) and text[at].isspace():
        at += 1
    return at


def _date_lines(articles: tuple[Article, ...]) -> Iterator[Line]:
    """The lines that carry a 成文日期: the signature date and the dateline under the title."""
    for article in articles:
        if article.signature and article.signature.date:
            yield article.signature.date
        yield from (line for line in article.dating.head if len(line.text) <= 80 and has_date_words(line.text)
                    and _DATELINE.match(line.text))


class ChineseNumeralDate(Rule):
    """A 成文日期 in Chinese numerals: `二〇二三年五月六日`.

    ## What it does
    Flags a date in Chinese numerals on the signature date line or the date line under the
    title. Chinese numerals in the body (`二〇三五年远景目标`) are not checked.

    ## Why is this bad?
    GB/T 9704-2012 7.3.5.4 requires Arabic numerals for the 成文日期 (`2023年5月6日`). The
    superseded 2000 rules wrote it in Chinese numerals, so the `legacy` rule set accepts it;
    the `gbt9704` rule set makes it an error.

    ## Example
    ```
    县人民政府办公室
    二〇二三年五月六日
    ```

    ## Use instead
    ```
    县人民政府办公室
    2023年5月6日
    ```

    ## Fix safety
    Safe: the same date in Arabic numerals.
    """

    code = "DT006"
    name = "chinese-numeral-date"
    groups = ("dates",)
    severity = Severity.WARNING
    fixable = Applicability.SAFE
    standard = "GB/T 9704-2012 7.3.5.4"
    messages = {"default": ("成文日期“{text}”应使用阿拉伯数字：“{good}”",
                            "date {text!r} in Chinese numerals: GB/T 9704 wants {good!r}")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        seen: set[int] = set()
        for line in _date_lines(ctx.document.articles):
            for m in CN_DATE.finditer(line.text) if has_date_words(line.text) else ():
                start = line.span.start + m.start()
                if start in seen:
                    continue
                seen.add(start)
                year, month, day = year_value(m["y"]), cn_to_int(m["m"]), cn_to_int(m["d"])
                if not (year and month and day):
                    continue
                good = f"{year}年{month}月{day}日"
                end = line.span.start + m.end()
                yield ctx.report(start, end, text=m.group(0), good=good,
                                 fix=Fix.replace("改为阿拉伯数字", start, end, good))


class MixedNumeralDate(Rule):
    """A date written half in Arabic and half in Chinese numerals: `2026年十月12日`.

    ## What it does
    Flags a date whose year, month and day are not all written the same way: an Arabic year
    before a month in Chinese numerals (`2026年十月12日`, `2025年十一月三十日`), a year in Chinese
    numerals before an Arabic month (`二〇二六年2月10日`), an Arabic month before a Chinese day
    (`3月十五日`). Dates all in Chinese numerals (`二〇二三年五月六日`, checked on the 成文日期 by
    DT006) and lunar dates (`农历八月十五`) are left alone.

    ## Why is this bad?
    GB/T 15835-2011 4.3 asks for one form of numerals for one kind of number; a date typed
    half in each is a slip of the keyboard or of an edit, and GB/T 9704 wants Arabic numerals
    for the dates of a 公文.

    ## Example
    ```
    2026年十月12日，支部与区税务局第二党支部签订共建协议。
    ```

    ## Use instead
    ```
    2026年10月12日，支部与区税务局第二党支部签订共建协议。
    ```

    ## Fix safety
    Safe: the same date in Arabic numerals.
    """

    code = "DT008"
    name = "mixed-numeral-date"
    groups = ("dates",)
    severity = Severity.WARNING
    fixable = Applicability.SAFE
    standard = "GB/T 15835-2011 4.3"
    messages = {"default": ("日期“{text}”混用阿拉伯数字和汉字数字：应为“{good}”",
                            "date {text!r} mixes Arabic and Chinese numerals: write {good!r}")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.text
        for date in _cn_dates(ctx):
            m = _OTHER_DATE.match(text, date.start)
            if m is None or m.end() != date.end or _is_lunar(text, date.start):
                continue
            parts = [part for part in (m["y"], m["m"], m["d"]) if part]
            if len({part.isascii() for part in parts}) < 2 or not date.exists:
                continue
            year = f"{date.year}年" if date.year else ""
            good = f"{year}{date.month}月{date.day}{date.text[-1]}"
            yield ctx.report(date.start, date.end, text=date.text, good=good,
                             fix=Fix.replace("改为阿拉伯数字", date.start, date.end, good))


# word lists only ever searched for: `in` tests, no alternation to compile
_PLAN_WORDS = ("计划", "要点", "打算", "安排", "方案", "思路", "规划", "展望", "下一步", "目标", "任务")
_FUTURE = ("计划", "预计", "力争", "争取", "将于", "将在", "拟", "前完成", "以前", "之前", "截至", "截止",
           "定于", "将", "预定", "安排在", "须于", "应于", "请于", "务必于",
           "目前", "现已", "下一步", "明年", "今后", "届时")
_SUMMARY_TITLE = ("总结", "述职", "汇报", "工作情况的报告", "工作情况报告")


def _has_any(text: str, words: tuple[str, ...]) -> bool:
    return any(word in text for word in words)


def _plan_spans(article: Article) -> SpanSet:
    """Sections about next steps may name later dates."""
    return SpanSet([(section.heading.span.start, _section_end(section)) for section in article.sections()
                   if _has_any(section.heading.title, _PLAN_WORDS)])


def _section_end(section: Section) -> int:
    end = section.heading.span.end
    for child in section.children:
        end = max(end, _section_end(child) if isinstance(child, Section) else child.span.end)
    return end


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around ``text[start:end]``, looking at most 200 characters either way."""
    floor, ceiling = max(0, start - 200), min(len(text), end + 200)
    lo = max(max(text.rfind(p, floor, start) for p in "。；！？\n") + 1, floor)
    his = [i for i in (text.find(p, end, ceiling) for p in "。；！？\n") if i != -1]
    return text[lo:min(his) if his else ceiling]


class DateAfterPeriod(Rule):
    """A date in a summary's body outside the period its title reports on, or after its 成文日期.

    ## What it does
    For a summary or 述职 titled with a period (`2023年工作总结`, `2023年上半年工作总结`,
    `2024年第三季度`, `2023—2024学年第二学期` (February to August), `2024年秋季学期`,
    `2021—2024年任期述职报告`, `2024年工作总结和2025年工作计划`, `关于2024年度工作情况的报告`; also
    a 情况报告, 情况通报 or 调研报告: `关于2025年第一季度…情况的通报`) — or, without a year in the
    title, signed in October to December of a year — flags (the 落款 and the 版记's 印发日期 are
    not body dates)

    - days and months in the body after the end of that period (a day without a year, `10月18日`,
      is taken to be in the period's year; a month alone, `2025年9月，医院已顺利通过…`, only when
      the sentence tells it as done);
    - days after the document's own 成文日期 told as done (a summary signed `2023年12月20日` that
      reports `12月28日召开了总结表彰大会`); when several are, the 成文日期 is what is wrong, and
      it is reported once, on its line;
    - a day or month of the year before the period opening a sentence as the period's own work
      (`2023年5月16日，召开…`, `2023年6月下旬的强降雨过程造成…`,
      `于2023年4月8日至4月22日集中开展…` in a 2024 report, `2020年6月，牵头…` in a 2021—2024 任期
      述职), and a date the period's own event is the subject of
      (`本届读书节于2024年4月23日启动` in a summary of 2025; not with `上届`, `首届`, `去年`, `比`);
    - a 成文日期 outside the title's year: a 2024 summary signed in 2023 or in the first half of
      2024, a 2024 plan signed in 2025, a 通知 about 2024 signed in 2022;
    - in a 通报, 纪要 or 批复, a day after its 成文日期 told as having happened (`发生`, `了`, a
      request dated so `收悉`), a day without a year taken in the 成文日期's year unless it lies
      more than half a year ahead: reported on the 成文日期's line (signed before what it
      reports), or on the day itself when its year is after the 成文日期's (a slip of the year);
      a month alone told as done (`2025年3月，组织开展了…`) too, and in a summary without a year
      in its title (signed in January) on the date itself;
    - a 纪要's `时间：` field in another year than its title's (`时间：2024年3月12日` under
      `2025年第3次…会议纪要`), after its 成文日期 or more than three months before it.

    Sections about next steps, the signature, and sentences that plan or count up to a date
    (`计划`, `定于`, `将`, `力争`, `截至`, a deadline `须于`), and 通告 and 公告, are skipped. Left
    alone: history in the sentence (`2023年5月16日，县审计局启动…`, `以来`, `此前`), the month right
    before the period (`12月`), half-year and quarterly summaries signed early, dates in a plan's
    own year. Deadlines and meeting dates of an earlier year are YR004's.

    ## Why is this bad?
    A 2023 summary that reports events of 2024 was re-dated from another year's text, or the
    date is a typo.

    ## Example
    ```
    2023年工作总结
    ……2024年3月12日，召开全县教育工作会议。
    ```

    ## Use instead
    ```
    2023年工作总结
    ……2023年3月12日，召开全县教育工作会议。
    ```
    """

    code = "DT007"
    name = "date-after-period"
    groups = ("dates",)
    severity = Severity.WARNING
    messages = {"default": ("日期{text}晚于标题所述期间（{period}）",
                            "date {text!r} is after the period the title reports on ({period})"),
                "signed": ("日期{text}晚于成文日期（{signed}），却写成已经发生的事",
                           "date {text!r} is after the document's own date ({signed}) but told as done"),
                "before": ("日期{text}早于标题所述期间（{period}），却写成本期的工作",
                           "date {text!r} is before the period the title reports on ({period}) but told as its work"),
                "outside": ("成文日期{text}与标题年份{year}年不符",
                            "the document's date {text!r} does not fit the title year {year}"),
                "minutes": ("纪要的会议时间{text}与{against}不符",
                    "the meeting time {text!r} of the minutes does not fit {against}"),
        "early": ("成文日期{text}早于正文写成已经发生的{count}件事（最早为{first}）",
                          "the document's date {text!r} is before {count} events it tells as done (first {first!r})")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article in ctx.document.articles:
            signed = article.dating.signed
            yield from _signed_outside(ctx, article, signed)
            period = article.dating.period or _period_from_date(article, signed)
            if period is None:
                yield from _done_after_signing(ctx, article, signed)
                continue
            cutoff, key = period.end, "default"
            if signed and period.start <= signed < period.end:
                cutoff, key = signed, "signed"  # a summary signed on 20 December cannot report the 28th
            skip = _plan_spans(article)
            early: list[tuple[int, int, str]] = []
            for when in _body_dates(ctx, article, period, yearless=key == "signed"):
                if when.start in skip or when.key() <= cutoff[:len(when.key())]:
                    continue
                sentence = _sentence(ctx.text, when.start, when.end)
                if _in_signature(ctx, when.start) or _has_any(sentence, _FUTURE):
                    continue
                if when.day is None and not _has_any(sentence, _DONE_MONTH):
                    continue  # 2024年7月 alone is told as done only with 已, 了, 顺利…
                if when.key() > period.end[:len(when.key())]:
                    yield ctx.report(when.start, when.end, text=when.text, period=period.label, signed="")
                else:
                    early.append((when.start, when.end, when.text))
            # a 总结 that tells one later day has that day wrong; a 通报 or 情况报告, its 成文日期
            least = 2 if _has_any(article.dating.title_text, ("总结", "述职", "汇报")) else 1
            yield from _early_signature(ctx, article, early, cutoff, least)
            yield from _before_period(ctx, article, period, skip)
        for article in ctx.document.articles:
            yield from _minutes_time(ctx, article)


class _When:
    """A date in the body: a day (`2024年3月5日`, `3月5日`) or a month (`2024年7月`); the year
    filled in from the period when the text leaves it out."""

    __slots__ = ("start", "end", "text", "year", "month", "day", "stated")

    def __init__(self, start: int, end: int, text: str, year: int, month: int, day: int | None,
                 stated: bool) -> None:
        self.start, self.end, self.text, self.stated = start, end, text, stated
        self.year, self.month, self.day = year, month, day

    def key(self) -> tuple[int, ...]:
        return (self.year, self.month) if self.day is None else (self.year, self.month, self.day)


_YEAR_MONTH = lazy(
    r"(?<![0-9])((?:19|20)[0-9]{2})\s*年\s*([0-9]{1,2})\s*月(?:上旬|中旬|下旬|初)?(?![0-9]{0,2}\s*[0-9]\s*[日号])")


def _body_dates(ctx: RuleContext, article: Article, period: Period, yearless: bool = False) -> list[_When]:
    """Every day and month written in the article's body, in text order; days without a year
    only when the period does not run to the end of its year (or ``yearless``)."""
    text, body_start = ctx.text, _body_start(article)
    found = []
    for m in DATE.finditer(text, body_start, article.span.end):
        month, day = int(m["m"]), int(m["d"])
        if m["y"]:
            year = int(m["y"])
        elif period.start[0] != period.end[0] or period.end[1:] == (12, 31) and not yearless:
            continue  # 10月18日 in a summary of a whole year (or of a school year) is inside it
        else:
            year = period.end[0]
        if valid(year, month, day):
            found.append(_When(m.start(), m.end(), m.group(0), year, month, day, bool(m["y"])))
    if "年" in text[body_start:article.span.end]:
        for m in _YEAR_MONTH.finditer(text, body_start, article.span.end):
            if 1 <= int(m[2]) <= 12:
                found.append(_When(m.start(), m.end(), m.group(0), int(m[1]), int(m[2]), None, True))
    found.sort(key=lambda when: when.start)
    return found


# a month told as done: `2024年7月，医院顺利通过…`, `2024年9月，学校组织开展了…`
_DONE_MONTH = ("已", "了", "顺利", "圆满", "成功", "正式", "获得", "荣获", "通过", "举办", "召开", "开展", "组织",
               "完成", "建成", "投入使用", "落成", "揭牌") + ("造成", "导致", "致使", "受灾", "发生")


def _early_signature(ctx: RuleContext, article: Article, early: list[tuple[int, int, str]],
                     signed: Day, least: int = 2) -> Iterator[Finding]:
    """Events after the 成文日期 told as done: one is a wrong date; several (``least``), a wrong
    成文日期."""
    shown = f"{signed[0]}年{signed[1]}月{signed[2]}日"
    line = article.dating.signed_line
    if early and len(early) >= least and line is not None:
        yield ctx.report(line.span.start, line.span.end, "early", text=line.text, count=len(early),
                         first=early[0][2], period="", signed=shown)
        return
    for start, end, text in early:
        yield ctx.report(start, end, "signed", text=text, period="", signed=shown)


def _before_period(ctx: RuleContext, article: Article, period: Period,
                   skip: SpanSet) -> Iterator[Finding]:
    """A summary of 2024 telling `2023年5月6日，召开…` (or `2023年5月，…`) as its own work; a
    任期 述职 of 2021—2024 telling `2020年6月，牵头…`."""
    text = ctx.text
    start_month = (period.start[0], period.start[1])
    for when in _body_dates(ctx, article, period):
        if not when.stated or when.start in skip:
            continue
        month = (when.year, when.month)
        before = (month[0] * 12 + month[1]) - (start_month[0] * 12 + start_month[1])
        if not -12 <= before <= -2:
            continue  # the month right before the period is its run-up; older ones are history
        at = when.start
        opens = at == 0 or text[at - 1] in "。；！？\n，" or text[at - 1:at] in ("于", "在")
        after = text[when.end:when.end + 1]
        sentence = _sentence(text, when.start, when.end)
        told = after in ("，", ",") or bool(_HELD_AFTER.match(text, when.end))
        # 2024年6月下旬的强降雨过程造成…: the month's event as the subject of the sentence
        told = told or after == "的" and _has_any(sentence, ("造成", "导致", "致使", "受灾"))
        this = _this_event(text, at)
        if not this and (not opens or not told):
            continue
        if not this and _has_any(sentence, _PAST_CONTEXT) or len(TITLE_YEAR.findall(sentence)) > 1:
            continue
        if when.day is None and not _has_any(sentence, _DONE_MONTH):
            continue
        if _in_signature(ctx, when.start):
            continue
        yield ctx.report(when.start, when.end, "before", text=when.text, period=period.label)


# what follows a date (or the range it opens) to tell it as the time of an event: 召开…,
# 至4月22日集中开展…
_HELD_AFTER = lazy(r"(?:\s*(?:至|到|—|－|-|~|～)\s*(?:[0-9]{1,2}\s*月\s*)?[0-9]{1,2}\s*日)?"
                   r"[\u4e00-\u9fff]{0,2}?(?:召开|举办|举行|组织|开展)")
# the period's own event named as the subject: 本届读书节于2024年4月23日启动 in a summary of 2025
_THIS_EVENT = ("本届", "本次", "此次", "这次", "今年的")
_OTHER_EVENT = ("上届", "上一届", "首届", "往届", "历届", "去年", "上年", "继", "比", "较", "同期", "以来")


def _this_event(text: str, at: int) -> bool:
    """The clause before ``at`` makes the period's own event the subject of the date."""
    lo = max(0, at - 16)
    lo = max([lo] + [text.rfind(p, lo, at) + 1 for p in "。；！？\n，,"])
    head = text[lo:at]
    if not any(word in head for word in _THIS_EVENT):
        return False
    sentence = _sentence(text, at, at + 1)
    return not _has_any(sentence, _OTHER_EVENT)


# a sentence that tells an earlier year's event as history or a baseline
_PAST_CONTEXT = ("以来", "至今", "起", "开始", "启动", "成立", "去年", "上年", "此前", "以前", "之前", "同期",
                 "相比", "较", "自", "从", "先后", "连续", "分别", "首次", "曾", "当时", "印发", "出台", "颁布",
                 "批复", "立项", "获批", "签订", "签约", "开工")
_DEADLINE = ("前报送", "前报", "前上报", "前提交", "前完成", "之前", "截止", "定于", "拟于", "届时", "前将")


def _body_start(article: Article) -> int:
    title = article.dating.title
    return title.span.end if title is not None else article.span.start


_DONE = ("了", "已", "发生", "造成", "收悉", "收到", "报来")  # 你镇3月18日《…请示》收悉 in a reply of 10 March
_WHOLE_YEAR = ("年工作总结", "年度工作总结", "年度总结", "年总结", "年度述职")


_FORWARD_TITLE = ("通知", "要点", "计划", "方案", "安排", "意见", "函", "请示", "通告", "公告")


def _done_after_signing(ctx: RuleContext, article: Article, signed: Day | None) -> Iterator[Finding]:
    """A 通报 or 纪要 signed on 5 November 2024 that tells `11月12日…发生了` as done.

    A date without a year is in the 成文日期's year, unless it lies more than half a year ahead
    (`12月28日` in a text of early January is last December).
    """
    title = article.dating.title_text
    if signed is None or _has_any(title, _PLAN_WORDS) or _has_any(title, _FORWARD_TITLE):
        return
    early = []
    for m in DATE.finditer(ctx.text, _body_start(article), article.span.end):
        month, day = int(m["m"]), int(m["d"])
        if m["y"]:
            year = int(m["y"])
        elif month - signed[1] > 6:
            continue
        else:
            year = signed[0]
        if not valid(year, month, day) or (year, month, day) <= signed or _in_signature(ctx, m.start()):
            continue
        sentence = _sentence(ctx.text, m.start(), m.end())
        if _has_any(sentence, _DONE) and not _has_any(sentence, _FUTURE):
            if year > signed[0]:  # 2025年10月12日发生 in a 通报 of 2024: the event's year is the slip
                yield from _early_signature(ctx, article, [(m.start(), m.end(), m.group(0))], signed)
                continue
            early.append((m.start(), m.end(), m.group(0)))
    if "年" in ctx.text[_body_start(article):article.span.end]:
        for m in _YEAR_MONTH.finditer(ctx.text, _body_start(article), article.span.end):
            year, month = int(m[1]), int(m[2])  # 2025年3月，组织开展了… in a text signed in January
            if not 1 <= month <= 12 or (year, month) <= signed[:2] or _in_signature(ctx, m.start()):
                continue
            sentence = _sentence(ctx.text, m.start(), m.end())
            if _has_any(sentence, _DONE_MONTH) and _has_any(sentence, _DONE) and not _has_any(sentence, _FUTURE):
                early.append((m.start(), m.end(), m.group(0)))
        early.sort()
    # a 公文 cannot be signed days before what it reports (a meeting that passed the draft it
    # submits, the request it answers): the 成文日期 is what is reported, on its line; a summary
    # dated in January that tells of `2025年3月` has the year of that event wrong
    yield from _early_signature(ctx, article, early, signed, least=2 if _has_any(title, _SUMMARY_TITLE) else 1)


def _minutes_time(ctx: RuleContext, article: Article) -> Iterator[Finding]:
    """A 纪要's `时间：` field a year off its title (`2024年第8次常务会议纪要`), after its 成文日期
    or more than three months before it."""
    dating = article.dating
    for element in article.elements_of("minutes_field"):
        if element.field("label") not in ("时间", "会议时间"):
            continue
        line = element.lines[0]
        m = DATE.search(line.text)
        if m is None or not m["y"]:
            continue
        day = (int(m["y"]), int(m["m"]), int(m["d"]))
        if not valid(*day):
            continue
        start, end = line.span.start + m.start(), line.span.start + m.end()
        title_year = dating.title_year if dating.title is not None and "纪要" in dating.title_text else None
        signed = dating.signed
        if title_year is not None and day[0] != title_year:
            yield ctx.report(start, end, "minutes", text=m.group(0), against=f"标题的{title_year}年")
        elif signed is not None and (day > signed or _days(day, signed) > 92):
            shown = f"{signed[0]}年{signed[1]}月{signed[2]}日"
            yield ctx.report(start, end, "minutes", text=m.group(0), against=f"成文日期{shown}")


def _days(first: Day, last: Day) -> int:
    """Roughly how many days ``first`` lies before ``last``."""
    return (last[0] - first[0]) * 365 + (last[1] - first[1]) * 30 + (last[2] - first[2])


_TITLE_RANGE = lazy(r"((?:19|20)[0-9]{2})\s*年?\s*[—–\-~～至到]+\s*((?:19|20)[0-9]{2})")


def _signed_outside(ctx: RuleContext, article: Article, signed: Day | None) -> Iterator[Finding]:
    """A summary of 2024 signed in 2023 (or in 2026), a plan for 2024 signed after 2024."""
    line = article.signature.date if article.signature and article.signature.date else None
    year = article.dating.title_year
    if signed is None or line is None or year is None:
        return
    title = article.dating.title_text
    span = _TITLE_RANGE.search(title)
    if span is not None and int(span[1]) - 1 <= signed[0] <= int(span[2]):
        return  # 关于…总体规划（2026—2035年）的批复 signed in 2026: the range's last year is no title year
    back = _has_any(title, _SUMMARY_TITLE)
    ahead = _has_any(title, ("要点", "计划", "打算")) and not back
    if back and not ("半年" in title or "季度" in title or "月份" in title):
        # a whole year cannot be summed up in its first half
        whole = any(f"{year}{tail}" in title for tail in _WHOLE_YEAR)
        wrong = signed[0] < year or signed[0] > year + 1 or (whole and signed[0] == year and signed[1] <= 6)
    elif ahead:
        wrong = signed[0] > year or signed[0] < year - 1
    else:  # 关于做好2024年…的通知 signed in 2022 or in 2026: a year not edited
        wrong = signed[0] < year - 1 or signed[0] > year + 1
    if wrong:
        m = DATE.search(line.text) or CN_DATE.search(line.text)
        if m is not None:
            yield ctx.report(line.span.start + m.start(), line.span.start + m.end(), "outside",
                             text=m.group(0), year=year)


def _period_from_date(article: Article, signed: Day | None) -> Period | None:
    """A summary titled without a year, signed late in the year (10–12月), covers that year."""
    title = article.dating.title_text
    if signed is None or signed[1] < 10 or not _has_any(title, _SUMMARY_TITLE) or _has_any(title, _PLAN_WORDS):
        return None
    if "半年" in title or "季度" in title or "月份" in title:
        return None
    return Period((signed[0], 1, 1), (signed[0], 12, 31), f"{signed[0]}年")


RULES = [ImpossibleDate, WeekdayMismatch, DottedDate, TwoDigitYear, ZeroPaddedDate,
         ChineseNumeralDate, DateAfterPeriod, MixedNumeralDate]
