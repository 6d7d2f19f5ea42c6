"""Year consistency: a title year over a body about another year; summary and plan of one year."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Article, Line, Section
from reportlint.rules.base import Option, Rule, RuleContext, SpanSet
from reportlint.text.chars import cn_to_int
from reportlint.text.lazyre import find_all, lazy

_YEAR = lazy(r"(?<![0-9])((?:19|20)[0-9]{2})(?=[ \t]?年)|([〇○零一二三四五六七八九]{4})(?=年)")
_SUMMARY = r"总结|回顾|盘点|述职"
_PLAN = r"要点|计划|打算|安排|思路|规划|部署|任务"
_SUMMARY_WORDS = tuple(_SUMMARY.split("|"))


class YearMention:
    """A year written in the text (2011年, 二〇一一年) and where."""

    __slots__ = ("year", "start", "end")

    def __init__(self, year: int, start: int, end: int) -> None:
        self.year, self.start, self.end = year, start, end


def year_mentions(text: str, start: int = 0) -> list[YearMention]:
    """Every `2011年` / `二〇一一年` in ``text``, with offsets shifted by ``start``."""
    found = []
    for m in _YEAR.finditer(text):
        value = int(m.group(1)) if m.group(1) else cn_to_int(m.group(2))
        if value and 1900 <= value <= 2099:
            found.append(YearMention(value, start + m.start(), start + m.end()))
    return found


def _title_line(article: Article) -> Line | None:
    return article.dating.title


def _body_lines(article: Article) -> list[Line]:
    title = _title_line(article)
    lines = [section.heading.line for section in article.sections()]
    lines += [paragraph.line for paragraph in article.paragraphs()
              if title is None or paragraph.span.start > title.span.start]
    return lines


def _body_years(ctx: RuleContext, article: Article) -> Counter[int]:
    def compute() -> Counter[int]:
        return Counter(m.year for line in _body_lines(article)
                       for m in year_mentions(line.text, line.span.start))
    return ctx.shared(f"years.body.{article.span.start}", compute)


class TitleYearMismatch(Rule):
    """The title's year is not the year the body talks about (a re-dated old report).

    ## What it does
    Compares the year in an article's title with the years written in its headings and
    paragraphs. It fires only when the body never mentions the title year or the years right
    next to it, and does mention another, earlier year at least `min-mentions` times (default
    2). Years after the title year (2030, 2035 targets) and years more than `max-age` (default
    20) before it (1949, 1978: history) are ignored, so a 2026 report that reviews 2025 and
    looks ahead to 2030 stays quiet. One exception to "the years right next to it": a summary
    titled `2024年工作总结` whose body opens with `2023年，…` and never names 2024 is the
    previous year's summary with a new title.

    ## Why is this bad?
    Template sites re-date old reports by editing only the title. A 2023 title over a report
    about 2011 shows at once that the text is not the office's own work of that year.

    ## Example
    ```
    县教育局2023年工作总结
    一、2011年工作回顾
    2011年，全县新建校舍43栋……
    ```

    ## Use instead
    ```
    县教育局2011年工作总结
    一、2011年工作回顾
    2011年，全县新建校舍43栋……
    ```
    """

    code = "YR001"
    name = "title-year-mismatch"
    groups = ("years",)
    severity = Severity.ERROR
    options = {
        "min-mentions": Option(2, int, "how often the other year must occur in the body"),
        "max-age": Option(20, int, "years further back than this are history, not a re-dated body"),
    }
    messages = {
        "default": (
            "标题年份 {title} 与正文年份不一致：正文写的是{body}年（{count}处），从未提到{title}年前后",
            ("the title says {title} but the body is about {body} ({count} mentions)"
             " and never mentions {title} or the years around it"),
        ),
        "previous": (
            "标题是{title}年的总结，正文却以{body}年开篇且从未提到{title}年",
            ("the title summarises {title} but the body opens with {body}"
             " and never mentions {title}"),
        ),
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article in ctx.document.articles:
            title = _title_line(article)
            if title is None:
                continue
            titled = year_mentions(title.text, title.span.start)
            if not titled:
                continue
            mention = titled[0]
            counts = _body_years(ctx, article)
            if mention.year in counts:
                continue
            if _summary_of_previous_year(article, mention.year):
                yield ctx.report(mention.start, mention.end, "previous",
                                 title=mention.year, body=mention.year - 1)
                continue
            if {mention.year - 1, mention.year + 1} & set(counts):
                continue
            oldest = mention.year - self.settings["max-age"]
            past = [(n, y) for y, n in counts.items() if oldest <= y < mention.year - 1]
            if not past:
                continue
            count, year = max(past)
            if count >= self.settings["min-mentions"]:
                yield ctx.report(mention.start, mention.end,
                                 title=mention.year, body=year, count=count)


_PART_OF_YEAR = lazy(r"半年|季度|[0-9一二三四五六七八九十]+月|月份|前[0-9一二三四五六七八九十]+个?月")
_DONE_SOON = lazy(r"[^，,。；;：:]{0,4}?(?:完成|落实|执行|进展|推进)")


def _part_of_year(text: str) -> bool:
    """The text covers part of a year."""
    return bool(_PART_OF_YEAR.search(text))


def _reports_on_plan(text: str, at: int) -> bool:
    return bool(_DONE_SOON.match(text, at))


def _summary_of_previous_year(article: Article, year: int) -> bool:
    """A `2024年工作总结` whose body opens `2023年，…`: the previous year's summary re-dated.

    A report or plan titled with a year legitimately reviews the year before; a summary of a
    year does not open by naming another one.
    """
    line = _title_line(article)
    title = line.text if line else ""
    if not _names_summary(title, year):
        return False
    lines = sorted(_body_lines(article), key=lambda line: line.span.start)
    return bool(lines) and _opens_with_year(lines[0].text, year - 1)


def _names_summary(title: str, year: int) -> bool:
    return bool(re.search(rf"{year}年度?[^，,。；;0-9]{{0,12}}?(?:总结|回顾|盘点|述职)", title))


def _opens_with_year(text: str, year: int) -> bool:
    return bool(re.match(rf"{year}年度?(?:[，,]|以来|是|全年)", text))


class _Part:
    """A `2011年…总结` or `2011年…要点` phrase: its kind (summary | plan), year and span."""

    __slots__ = ("kind", "year", "start", "end", "text")

    def __init__(self, kind: str, year: int, start: int, end: int, text: str) -> None:
        self.kind, self.year, self.start, self.end, self.text = kind, year, start, end, text


_PHRASE = lazy(
    rf"(?:(?<![0-9])((?:19|20)[0-9]{{2}})|([〇○零一二三四五六七八九]{{4}}))年[^，,。；;：:！!？?0-9]{{0,20}}?"
    rf"({_SUMMARY}|{_PLAN})"
)


def _parts(text: str, start: int) -> list[_Part]:
    parts = []
    for m in _PHRASE.finditer(text):
        year = int(m.group(1)) if m.group(1) else cn_to_int(m.group(2)) or 0
        kind = "summary" if m.group(3) in _SUMMARY_WORDS else "plan"
        if kind == "plan" and _reports_on_plan(text, m.end()):
            continue  # 2023年目标任务完成情况 reports on the plan, it is not one
        parts.append(_Part(kind, year, start + m.start(), start + m.end(), m.group(0)))
    return parts


def _same_year_pairs(parts: list[_Part]) -> Iterator[tuple[_Part, _Part]]:
    """A plan following a summary of the same year, unless either covers only part of the year."""
    for i, summary in enumerate(parts):
        if summary.kind != "summary" or _part_of_year(summary.text):
            continue
        for plan in parts[i + 1:]:
            same = plan.kind == "plan" and plan.year == summary.year
            if same and not _part_of_year(plan.text):
                yield summary, plan
                break


class SummaryAndPlanSameYear(Rule):
    """A summary and a plan for the same year in one document (`2023年工作总结和2023年工作要点`).

    ## What it does
    Looks at the title, and at the headings of each article in order, for a `…年…总结` (or
    回顾, 述职) followed by a `…年…要点` (or 计划, 打算, 安排, 思路) of the same year. A
    summary of the first half-year followed by a plan for the second half (上半年总结 /
    下半年计划) is legitimate and stays quiet.

    ## Why is this bad?
    A year-end report reviews one year and plans the next. The same year on both sides means
    the year was edited by hand in one place and not in the other.

    ## Example
    ```
    县教育局2023年工作总结和2023年工作要点
    ```

    ## Use instead
    ```
    县教育局2023年工作总结和2024年工作要点
    ```
    """

    code = "YR002"
    name = "summary-and-plan-same-year"
    groups = ("years",)
    severity = Severity.ERROR
    messages = {"default": (
        "“{plan}”与前面的“{summary}”是同一年（{year}）：工作要点/计划通常针对下一年",
        ("{plan!r} is for the same year ({year}) as the preceding {summary!r}:"
         " a plan usually covers the next year"),
    )}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article in ctx.document.articles:
            title = _title_line(article)
            if title is not None:
                yield from self._pairs(ctx, _parts(title.text, title.span.start))
            heading_parts = [part for heading in article.headings()
                             for part in _parts(heading.title, heading.title_span.start)]
            yield from self._pairs(ctx, heading_parts)

    @staticmethod
    def _pairs(ctx: RuleContext, parts: list[_Part]) -> Iterator[Finding]:
        for summary, plan in _same_year_pairs(parts):
            yield ctx.report(plan.start, plan.end,
                             summary=summary.text, plan=plan.text, year=plan.year)


_REVIEW_FIRST = ("完成情况", "回顾", "总结", "进展情况", "开展情况", "执行情况")
_REVIEW_WORDS = ("工作情况", "主要成绩", "成绩", "成效", "做法", "亮点")
_EITHER_WORDS = ("主要工作", "重点工作", "工作")  # 2024年主要工作: done in a 总结, to do in a 政府工作报告
_AHEAD_WORDS = ("打算", "计划", "安排", "思路", "要点", "主要任务", "工作任务", "目标", "展望",
                "下一步", "设想", "部署", "重点任务")
_PROBLEM_WORDS = ("问题", "不足", "差距", "短板", "困难", "风险")
_SPAN_MARKS = ("—", "–", "-", "－", "~", "～", "至", "到")
_LOOKING_BACK = ("work-summary", "debrief", "half-year-summary", "activity-summary", "award")
_LOOKING_AHEAD = ("government-work-report", "work-points", "work-plan")


class Frame:
    """The years a document's parts are about: the year it reviews and the year it plans."""

    __slots__ = ("review", "ahead", "kind")

    def __init__(self, review: int, ahead: int, kind: str) -> None:
        self.review, self.ahead, self.kind = review, ahead, kind


def _doctype_id(article: Article) -> str | None:
    """The article's 文种 id (the one place to switch to the document model's 文种)."""
    if article.dating.title is not article.title:  # behind a 版头: judge the real title
        return _kind_from_title(_title_of(article))
    return article.doctype.id if article.doctype else None


def _title_of(article: Article) -> str:
    return article.dating.title_text


_BACK_TITLE = ("总结", "述职", "工作情况", "工作报告", "汇报", "回顾", "执行情况", "完成情况", "统计公报")
_AHEAD_TITLE = ("要点", "计划", "打算", "安排", "思路", "方案")


def _kind_from_title(title: str) -> str | None:
    """A report titled `关于2024年工作情况的报告` looks back; one naming a 要点 or 计划 first looks ahead."""
    if "政府工作报告" in title:
        return "government-work-report"
    back = min((title.find(w) for w in _BACK_TITLE if w in title), default=-1)
    ahead = min((title.find(w) for w in _AHEAD_TITLE if w in title), default=-1)
    if back != -1 and (ahead == -1 or back < ahead):
        return "work-summary"
    return "work-plan" if ahead != -1 else None


_AWARD_WORDS = ("表彰", "考核结果", "考评结果", "评选", "先进集体", "先进个人", "先进单位", "奖励", "评比")
_AWARD_YEAR = lazy(r"(?<![0-9])((?:19|20)[0-9]{2})\s*年度")


def _award_year(title: str) -> int | None:
    """The year a title honours or rates (`关于表彰2024年度安全生产先进单位的决定`)."""
    m = _AWARD_YEAR.search(title)
    return int(m[1]) if m and any(word in title for word in _AWARD_WORDS) else None


def frame_of(ctx: RuleContext, article: Article) -> Frame | None:
    """From the title year (else the 成文日期) and the 文种: the year reviewed and the year planned.

    A 总结 or 述职 titled 2024 reviews 2024 and plans 2025; a 政府工作报告, 要点 or 计划 of
    2024 reviews 2023 and plans 2024. Documents about part of a year, and other 文种, have none.
    """
    title = _title_of(article)
    kind = _doctype_id(article)
    if kind in (None, "report"):
        kind = _kind_from_title(title)
    if kind == "speech" and article.dating.title_year is not None and "工作会议" in title:
        kind = "work-points"  # 在…2026年工作会议上的讲话: reviews 2025, plans 2026
    award = _award_year(title)
    if award is not None and kind not in _LOOKING_BACK and kind not in _LOOKING_AHEAD:
        return Frame(award, award + 1, "award")  # 关于表彰2024年度…的决定 looks back on 2024
    if kind is None or not (kind in _LOOKING_BACK or kind in _LOOKING_AHEAD):
        return None
    year = article.dating.title_year
    if _part_of_year(title):  # 2024年上半年工作总结: its review and its plans are both about 2024
        return Frame(year, year, kind) if year is not None else None
    if year is None:
        date = article.dating.signed
        if date is None:
            return None
        if kind == "government-work-report":
            year = date[0]
        elif date[1] >= 10:  # written at the end of the year it is about
            year = date[0] + (kind in _LOOKING_AHEAD)
        elif date[1] <= 3:  # written early in the next year
            year = date[0] - (kind in _LOOKING_BACK)
        else:
            return None
    if kind in _LOOKING_BACK:
        return Frame(year, year + 1, kind)
    return Frame(year - 1, year, kind)


def _role(text: str) -> str | None:
    if any(word in text for word in _REVIEW_FIRST):
        return "review"
    if any(word in text for word in _AHEAD_WORDS):
        return "ahead"
    if any(word in text for word in _REVIEW_WORDS):
        return "review"
    if any(word in text for word in _PROBLEM_WORDS):
        return "problems"
    if any(word in text for word in _EITHER_WORDS):
        return "either"
    return None


def _single_year(text: str, start: int) -> YearMention | None:
    """The one year a heading names, unless it names a span (2021—2025年, 2023年以来)."""
    found = year_mentions(text, start)
    if len(found) != 1:
        return None
    at = found[0].end - start
    after = text[at + 1:at + 3]
    before = text[max(0, found[0].start - start - 1):found[0].start - start]
    if after.startswith(("以来", "至今", "起")) or before in _SPAN_MARKS or after[:1] in _SPAN_MARKS:
        return None
    return found[0]


def _opening_year(text: str, start: int) -> YearMention | None:
    """``2023年，`` / ``2023年度，`` / ``2023年全年`` / ``2023年是`` opening a paragraph."""
    found = year_mentions(text[:6], start)
    if not found or found[0].start != start:
        return None
    at = found[0].end - start + 1
    at += text.startswith("度", at)
    return found[0] if text.startswith(("，", ",", "全年", "是", "我", "以来", "，我"), at) and not \
        text.startswith("以来", at) else None


class PartYearMismatch(Rule):
    """A part's year against the document's period: a review of the wrong year, a plan for a past one.

    ## What it does
    Works out the period from the title year (or, without one, the 成文日期) and the 文种 — the
    title past a 版头 (`某某县人民政府文件`, the 发文字号) and with a second title line joined: a
    `2024年工作总结`, 述职报告 or `关于2024年度工作情况的报告` reviews 2024 and plans 2025, and so
    does a `关于表彰2024年度…的决定` (or a 考核结果 通报); a 政府工作报告, 工作要点, 工作计划, 方案
    or a speech at a `2024年…工作会议` reviews 2023 and plans 2024; a `2024年上半年工作总结` reviews
    and plans 2024. Then checks

    - each heading that names one year and a role: a review (`回顾`, `完成情况`, `主要成绩`,
      `工作情况`) must name the year reviewed, a plan (`打算`, `计划`, `思路`, `重点任务`, `下一步`)
      a year after it: `二、2023年工作打算` in a 2024 summary;
    - every sentence or clause whose time is a year (`2023年，…`, `2023年全县…`, `我局2023年…`,
      `2023年1—11月`, `2023年的工作中`, `完成2023年各项目标任务`, `现将2023年工作情况总结如下`,
      `截至2023年11月底`): in a review part (by default, the body of a 总结, 述职 or 表彰决定) one
      of the three years before the one reviewed, or a later year told as done (`2025年，全县未发生…`
      in a decision honouring 2024); in a plan part a year before the one planned, with a verb of
      intent (`将`, `力争`) or under a plan heading (also after `确保`/`力争`: `确保2024年全年目标如期实现`);
      a plan opening `2024年是…的关键之年` or announcing `2024年重点抓好以下几方面工作` for 2025,
      and `2024年，公司将…` under a heading such as 重点工作 in a plan for 2025, or anywhere when it
      goes on `坚持以…为指导`, `紧紧围绕…`;
    - a comparison with the same period of the year the sentence speaks of, or of a later one
      (`2024年1至10月……比2024年同期下降`; with `今年`, the title's year);
    - in a school-year summary (`2024—2025学年工作总结`), a school year opening a sentence: another
      one in a review part (`2023—2024学年，学校…`), and not the next one in a plan part with
      `将` (`2024—2025学年，学校将…`);
    - `今年`, `去年`, `明年` next to a year that is not the title year, its previous or its next
      (`今年以来（2023年1—11月）` in a 2024 summary), `上届（2025年）` in a text of 2025, and the year
      `刚刚过去的` (the one before the 成文日期's, in a text of January to June: `总结刚刚过去的2024年`
      in a speech of January 2026) or `即将过去的`;
    - the title's phrase after its year repeated in the body with an earlier year
      (`关于表彰2024年度…的决定` honouring `2023年度` work, `2024年汛期` → `2023年汛期`).

    Left alone: comparisons and baselines (`比2023年增长`, `较2020年`, `与2022年相比`, `2023年同期`),
    histories (`自2019年以来`, `2015年，县档案馆迁入新馆`: more than three years back;
    sentences with `以来`, `连续`, `启动`, `成立`, `获批`, `基础上`), spans (`2021—2025年`,
    `2023年以来`, `截至2023年底`), sentences naming two different years, targets (`到2035年`),
    problem parts (`存在的问题`), the 今年 of a summary's plans (written in January, it is the next
    year), 政府工作报告 sentences (they review five years), 文种 without a period (通知, 请示), and a
    summary whose body never names its title year (YR001 reports that one on the title).

    ## Why is this bad?
    A part about the wrong year is a sign of a text re-dated by hand in some places and not in
    others, or of a plan copied from an earlier year.

    ## Example
    ```
    县统计局2024年工作总结
    一、2024年主要工作
    2023年，全局完成各类统计调查32项。
    二、2023年工作打算
    ```

    ## Use instead
    ```
    县统计局2024年工作总结
    一、2024年主要工作
    2024年，全局完成各类统计调查32项。
    二、2025年工作打算
    ```
    """

    code = "YR003"
    name = "part-year-mismatch"
    groups = ("years",)
    severity = Severity.WARNING
    messages = {
        "default": ("“{part}”写的是{year}年，本文回顾的是{review}年",
                    "{part!r} names {year}, but the document reviews {review}"),
        "ahead": ("“{part}”是计划/打算部分，却写的是{year}年：本文回顾{review}年，计划应针对{ahead}年",
                  "{part!r} plans for {year}, but the document reviews {review}: plans are for {ahead}"),
        "copied": ("正文的“{year}年…{phrase}”与标题的{title}年不符：疑为沿用往年文稿",
                   "the body's {year} ... {phrase!r} contradicts the title's {title}: an old text re-dated"),
        "school": ("“{part}”与标题的{title}不符",
                   "{part!r} is not {title}, the school year the title names"),
        "school-ahead": ("“{part}”是计划/打算部分，本文总结的是{title}，计划应针对{ahead}",
                         "{part!r} plans, but the document sums up {title}: plans are for {ahead}"),
        "today": ("“{word}”与{year}年并提，按本文年份应为{expected}年",
                  "{word!r} stands next to {year}, but by the document's year it is {expected}"),
        "same-period": ("“{text}”：所述的是{base}年，同期比较应对照此前的年份",
                        "{text!r}: the text speaks of {base}, so the same period compared is of an earlier year"),
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article in ctx.document.articles:
            yield from self._relatives(ctx, article)
            yield from self._same_period(ctx, article)
            frame = frame_of(ctx, article)
            if frame is None:
                continue
            reviewed: set[int] = set()
            role_by_section: list[tuple[int, int, str]] = []
            for section in article.sections():
                heading = section.heading
                role = _role(heading.title)
                if role:
                    role_by_section.append((heading.span.start, _section_end(section), role))
                short = len(heading.title) <= 30 and "：" not in heading.title
                mention = _single_year(heading.title, heading.title_span.start) if role and short else None
                if mention is None:
                    continue
                if role == "either":
                    if mention.year < frame.review:
                        yield ctx.report(mention.start, mention.end, part=heading.title,
                                         year=mention.year, review=frame.review)
                elif role == "review":
                    reviewed.add(mention.year)
                    if mention.year != frame.review:
                        yield ctx.report(mention.start, mention.end, part=heading.title,
                                         year=mention.year, review=frame.review)
                elif mention.year < frame.ahead and mention.year not in reviewed:
                    yield ctx.report(mention.start, mention.end, "ahead", part=heading.title,
                                     year=mention.year, review=frame.review, ahead=frame.ahead)
            if frame.kind != "government-work-report":
                yield from self._openings(ctx, article, frame, role_by_section)
            yield from self._school_years(ctx, article, role_by_section)

    @staticmethod
    def _same_period(ctx: RuleContext, article: Article) -> Iterator[Finding]:
        """`2026年1至10月……比2026年同期下降25%`: a period compared with itself, or with a year to come."""
        text = ctx.text
        if "同期" not in text[article.span.start:article.span.end]:
            return
        for m in _SAME_PERIOD.finditer(text, article.span.start, article.span.end):
            year = int(m[1])
            lo = max(article.span.start, m.start() - 200)
            lo = max(max(text.rfind(p, lo, m.start()) for p in "。；！？\n") + 1, lo)
            earlier = [y for y in year_mentions(text[lo:m.start()], lo)
                       if not any(c in text[max(lo, y.start - 2):y.start] for c in "比较与同于")]
            if earlier:
                base = earlier[-1].year  # the period spoken of, not a baseline compared with
            elif "今年" in text[lo:m.start()] and article.dating.title_year is not None:
                base = article.dating.title_year
            else:
                continue
            if year >= base:
                yield ctx.report(m.start(1), m.end(), "same-period", text=m.group(0), base=base)

    @staticmethod
    def _school_years(ctx: RuleContext, article: Article, roles: list[tuple[int, int, str]]) -> Iterator[Finding]:
        """`2023—2024学年，学校…` in a summary of the 2024—2025 school year; `2024—2025学年，学校将…`
        in its plans."""
        period = article.dating.period
        own = _SCHOOL_YEAR.search(period.label) if period is not None and "学期" not in period.label else None
        if own is None or _kind_from_title(_title_of(article)) != "work-summary":
            return
        first = int(own[1])
        title = _title_line(article)
        after = title.span.end if title is not None else article.span.start
        lines = sorted([(p.line.text, p.span.start) for p in article.paragraphs() if p.span.start >= after]
                       + [(h.body, h.body_span.start) for h in article.headings() if h.body and h.body_span],
                       key=lambda item: item[1])
        for (text, start), role in zip(lines, _roles_at([s for _, s in lines], roles)):
            for m in _SCHOOL_YEAR.finditer(text):
                at = m.start()
                if at and text[at - 1] not in "。；！？，,：:" or int(m[2]) != int(m[1]) + 1:
                    continue
                if not text.startswith(("，", ",", "度，", "是", "学校", "我校", "全校"), m.end()):
                    continue
                sentence = _sentence_at(text, at)
                said = int(m[1])
                if any(word in sentence for word in _HISTORY_WORDS) or len(_SCHOOL_YEAR.findall(sentence)) > 1:
                    continue
                if role == "ahead":
                    if said <= first and any(word in sentence for word in _FUTURE_WORDS):
                        yield ctx.report(start + at, start + m.end(), "school-ahead", part=m.group(0),
                                         title=own.group(0), ahead=f"{first + 1}—{first + 2}学年")
                elif role != "problems" and said != first and not any(w in sentence for w in _FUTURE_WORDS):
                    yield ctx.report(start + at, start + m.end(), "school", part=m.group(0), title=own.group(0))

    @staticmethod
    def _relatives(ctx: RuleContext, article: Article) -> Iterator[Finding]:
        """今年/去年/明年 next to a year that is not the title's, its previous or its next."""
        year = article.dating.title_year
        if year is None:
            title = _title_line(article)
            after = title.span.end if title is not None else article.span.start
            yield from _just_past(ctx, article, [(p.line.text, p.span.start) for p in article.paragraphs()
                                                 if p.span.start >= after])
            return
        back = _kind_from_title(_title_of(article)) == "work-summary"
        # sorted, merged spans: a line is looked up by binary search, not against every section
        ahead = SpanSet([(s.heading.span.start, _section_end(s)) for s in article.sections()
                         if _role(s.heading.title) == "ahead"] if back else [])
        title = _title_line(article)
        after = title.span.end if title is not None else article.span.start
        lines = [(p.line.text, p.span.start) for p in article.paragraphs() if p.span.start >= after]
        lines += [(h.line.text, h.line.span.start) for h in article.headings()]
        for text, start in lines:
            planning = start in ahead
            for mention, word, expected in relative_clashes(text, start, year):
                if planning and word != "明年":
                    continue  # 今年 in the plans of a summary written in January is the next year
                yield ctx.report(mention.start, mention.end, "today", year=mention.year, word=word,
                                 expected=expected)
        yield from _title_phrase_reused(ctx, article, year)
        yield from _just_past(ctx, article, lines)

    @staticmethod
    def _openings(ctx: RuleContext, article: Article, frame: Frame,
                  roles: list[tuple[int, int, str]]) -> Iterator[Finding]:
        title = _title_line(article)
        after = title.span.end if title is not None else article.span.start
        lines = [(p.line.text, p.span.start) for p in article.paragraphs() if p.span.start >= after]
        lines += [(h.title, h.title_span.start) for h in article.headings()
                  if len(h.title) > 30 or "，" in h.title]
        lines += [(h.body, h.body_span.start) for h in article.headings() if h.body and h.body_span]
        lines.sort(key=lambda item: item[1])
        back = frame.kind in _LOOKING_BACK
        seen: set[int] = set()
        for (text, start), role in zip(lines, _roles_at([s for _, s in lines], roles)):
            in_part = role == "either"  # under a heading such as 重点工作: a plan's part, in a plan
            if role == "either":
                role = None
            role = role or ("review" if back else "ahead-loose")
            if role == "problems" or (role == "review" and not back):
                continue
            for at in _topic_starts(text):
                mention = _topic_year(text, at, start)
                if mention is None:
                    continue
                sentence = _sentence_at(text, at)
                verdict = _judge(role, mention.year, frame, sentence, in_part)
                if verdict is not None and mention.start not in seen:
                    seen.add(mention.start)
                    yield ctx.report(mention.start, mention.end, verdict, part=sentence[:16],
                                     year=mention.year, review=frame.review, ahead=frame.ahead)


_SCHOOL_YEAR = lazy(r"((?:19|20)[0-9]{2})\s*(?:年\s*)?[—–\-－~～至]\s*((?:19|20)[0-9]{2})\s*(?:年\s*)?学年")
_TOPIC_NEXT = "，,是我全共累新完实各本该"
_TOPIC_WORDS = ("度", "上半年", "下半年", "前三季度", "一季度", "第一季度", "前两季度", "的工作", "的各项", "重点",
                "主要", "工作要", "工作的", "工作总体", "的总体", "总体要求")
_NOT_TOPIC = ("以来", "至今", "起", "开始", "以前", "之前", "前", "后", "底", "末", "初", "年代",
              "同期", "相比", "到", "至", "—", "–", "-", "～", "~", "、", "和", "与", "及", "或", "度以来")
# a sentence that places the year in a history, compares with it, or spans several years
_HISTORY_WORDS = ("以来", "至今", "连续", "相比", "历年", "成立", "始建", "创建", "建于", "启动", "起步", "立项",
                  "获批", "当时", "曾", "此前", "以前", "之前", "即去年", "去年的", "基础上", "延续", "结转", "遗留",
                  "跨年", "首次", "荣获", "被评为", "被授予", "批准", "以前年度", "历史")
_MEETING_REVIEW = ("通报", "表彰", "优秀", "先进", "总结", "情况", "回顾", "考核结果", "述职")
_FUTURE_WORDS = ("将", "计划", "预计", "力争", "争取", "拟", "确保", "目标", "预期", "展望", "明年",
                 "要", "继续", "进一步", "持续")
_PAST_WORDS = ("已", "取得", "基础上", "今年", "本年", "去年", "上年", "了", "以来", "完成了")
_SENTENCE_ENDS = "。；！？;!?"


def _roles_at(starts: list[int], roles: list[tuple[int, int, str]]) -> list[str | None]:
    """The role of the innermost section holding each offset (``starts`` sorted; one sweep)."""
    found: list[str | None] = []
    open_: list[tuple[int, int, str]] = []
    i = 0
    for at in starts:
        while i < len(roles) and roles[i][0] <= at:
            open_.append(roles[i])
            i += 1
        open_ = [r for r in open_ if r[1] > at]
        found.append(open_[-1][2] if open_ else None)
    return found


def _sentence_starts(text: str) -> Iterator[int]:
    """Where a sentence or clause begins: the start, and after 。；！？ and ，：."""
    yield 0
    for i, ch in enumerate(text):
        if ch in _SENTENCE_ENDS or ch in "，,：:":
            yield i + 1


_DONE_VERBS = ("圆满完成了", "圆满完成", "全面完成了", "全面完成", "超额完成了", "超额完成", "完成了", "完成",
               "实现了", "实现", "落实了", "总结了", "回顾")


def _topic_starts(text: str) -> Iterator[int]:
    """Sentence and clause starts, and the year right after a verb of completion (完成2023年…任务)."""
    for at in _sentence_starts(text):
        yield at
        subject = _SUBJECT.match(text, at)  # 我局2023年…, 本人2023年…: a short subject before the year
        if subject is not None:
            yield subject.end()
    for verb in ("完成", "实现", "落实", "总结", "回顾", "截至", "截止到", "截止", "现将", "确保", "力争", "争取"):
        for at in find_all(text, verb):
            end = at + 2
            end += text.startswith("了", end)
            if text[end:end + 2] in ("20", "19"):
                yield end


_SUBJECT = lazy(r"[ \t\u3000]*(?:(?:我|本|全)[\u4e00-\u9fff]{1,3}?|[\u4e00-\u9fff]{1,4}?"
                r"(?:局|委|办|院|校|司|镇|乡|县|市|厅|部|中心|支部|党委|党组))(?=(?:19|20)[0-9]{2}年)")


def _sentence_at(text: str, at: int) -> str:
    """The sentence holding ``at`` (between 。；！？ marks), at most 200 characters either way."""
    lo, floor = at, max(0, at - 200)
    while lo > floor and text[lo - 1] not in _SENTENCE_ENDS:
        lo -= 1
    end, ceiling = at, min(len(text), at + 200)
    while end < ceiling and text[end] not in _SENTENCE_ENDS:
        end += 1
    return text[lo:end]


_CN_YEAR_DIGITS = "〇○零一二三四五六七八九"


def _topic_year(text: str, at: int, start: int) -> YearMention | None:
    """A year that opens a sentence or clause as its time: `2023年，…`, `2023年全县…`, `2023年1—11月`."""
    while at < len(text) and text[at] in " \t\u3000":
        at += 1
    if text.startswith(("在", "于"), at):
        at += 1
    head = text[at:at + 6]
    gap = 1 if head[4:5] in (" ", "\u3000") else 0  # 2023 年 (a space from a word processor)
    if len(head) >= 5 and head[4] == "年" and all(ch in _CN_YEAR_DIGITS for ch in head[:4]):
        value = cn_to_int(head[:4]) or 0  # 二〇二三年，… written in Chinese numerals
        head = f"{value}年" + head[5:] if 1900 <= value <= 2099 else head
    if len(head) < 5 + gap or not (head[:4].isascii() and head[:4].isdigit()) or head[4 + gap] != "年" \
            or head[:2] not in ("19", "20"):
        return None
    after = text[at + 5 + gap:at + 9 + gap]
    if after.startswith(_NOT_TOPIC):
        return None
    months = after[:1].isdigit() and any(mark in after[1:4] for mark in ("—", "-", "－", "至", "～", "~"))
    if text[max(0, at - 2):at] in ("截至", "截止") or text[max(0, at - 3):at] == "截止到":
        # 截至2023年11月底: a point inside an earlier year (its end, 截至2023年底, is a baseline)
        month = after[:2] if after[1:2].isdigit() else after[:1]
        months = month.isdigit() and int(month) < 12 and after[len(month):len(month) + 1] == "月"
    reported = text[max(0, at - 2):at] == "现将"  # 现将2023年工作情况报告如下
    if not (after[:1] in _TOPIC_NEXT or after.startswith(_TOPIC_WORDS) or months or reported):
        return None
    return YearMention(int(head[:4]), start + at, start + at + 4)


def _judge(role: str, year: int, frame: Frame, sentence: str, in_part: bool = False) -> str | None:
    """The message key when ``year`` does not fit the part's role, else None."""
    years = {m.year for m in year_mentions(sentence)}
    if len(years) > 1 or any(word in sentence for word in _HISTORY_WORDS):
        return None
    if role == "ahead-loose" and in_part and year == frame.review < frame.ahead \
            and _WILL_OPENING.match(sentence) and not any(word in sentence for word in _PAST_WORDS):
        return "ahead"  # 2024年，公司将重点围绕… under 重点工作 in a plan for 2025
    if role == "review":
        if frame.review - 3 < year < frame.review:
            return "default"
        if frame.review < year <= frame.review + 30 and not any(word in sentence for word in _FUTURE_WORDS):
            return "default"  # a later year told as done (2025年，… in a 2024 summary; a typo 2042年)
        return None
    if role == "ahead-loose" and year == frame.review and frame.review < frame.ahead \
            and (_names_year_ahead(sentence, year) or any(w in sentence for w in _ANNOUNCES_PLAN)
                 or _WILL_OPENING.match(sentence) and any(w in sentence for w in _GUIDING)
                 and not any(word in sentence for word in _PAST_WORDS)):
        return "ahead"  # 2024年，社区将坚持以…为指导 opening a plan for 2025
    if role in ("ahead", "ahead-loose") and frame.ahead - 3 < year < frame.ahead:
        if any(word in sentence for word in _PAST_WORDS) or year == frame.review and role == "ahead-loose":
            return None
        if role == "ahead" or any(word in sentence for word in _FUTURE_WORDS):
            return "ahead"
    return None


# a sentence that opens with its year and goes on to say what will be done: 2024年，公司将…
_WILL_OPENING = lazy(r"\s*(?:19|20)[0-9]{2}\s*年[，,]\s*[\u4e00-\u9fff]{0,8}?(?:将|要|力争|争取|计划|拟|确保)")
# a sentence that introduces the plan itself: `2024年重点抓好以下几个方面工作`, `…的总体要求是：`
_ANNOUNCES_PLAN = ("重点抓好", "重点做好", "着力抓好", "抓好以下", "做好以下", "总体要求是", "主要目标是",
                   "主要预期目标是", "工作思路是", "总体思路是", "工作安排如下", "工作要点如下")
# the guiding clause a plan opens with: its year is the plan's
_GUIDING = ("为指导", "为统领", "为引领", "紧紧围绕", "坚持以")
_LOOKED_BACK = ("不平凡", "不寻常", "极不", "难忘", "成绩", "丰收", "硕果")


def _names_year_ahead(sentence: str, year: int) -> bool:
    """`2024年是全面推进…的关键之年` opening a 2025 plan: last year's plan text kept."""
    text = sentence.lstrip()
    return text.startswith((f"{year}年是", f"{year}年，是")) and "之年" in text \
        and not any(word in text for word in _LOOKED_BACK)


_RELATIVE = (("今年", 0), ("本年度", 0), ("本年", 0), ("去年", -1), ("上年", -1), ("上一年", -1),
             ("明年", 1), ("下一年", 1), ("上届", -1), ("上一届", -1))
_EARLIER = ("上届", "上一届")  # any year before the document's, not only the one before it
_SAME_PERIOD = lazy(r"(?:比|较|与|同|低于|高于)\s*((?:19|20)[0-9]{2})\s*年\s*同期")
_COMPARE_MARKS = "比较到至于从自与同和、—-及"


def relative_clashes(text: str, start: int, year: int) -> Iterator[tuple[YearMention, str, int]]:
    """`今年（2023年）`, `2022年即去年` in a text about ``year``: (mention, word, expected year)."""
    for word, shift in _RELATIVE:
        for at in find_all(text, word):
            if word in ("本年", "上年") and text.startswith(("本年度", "上年度"), at) and word == "本年":
                continue
            lo, hi = max(0, at - 8), min(len(text), at + len(word) + 8)
            for mark in _SENTENCE_ENDS + "，,":
                cut = text.rfind(mark, lo, at)
                lo = max(lo, cut + 1)
                cut = text.find(mark, at, hi)
                hi = cut if cut != -1 else hi
            for mention in year_mentions(text[lo:hi], start + lo):
                offset = mention.start - start
                before = text[max(0, offset - 2):offset]
                after = text[mention.end - start + 1:mention.end - start + 3]
                if word in _EARLIER and mention.year < year:
                    continue
                if mention.year == year + shift or any(mark in before for mark in _COMPARE_MARKS):
                    continue
                if after.startswith(("以来", "至今", "起", "底", "末", "同期", "相比")):
                    continue
                between = text[min(at, offset):max(at, offset)]
                if any(mark in between for mark in _COMPARE_MARKS):
                    continue
                yield mention, word, year + shift


_JUST_PAST = ("刚刚过去的", "刚过去的", "过去的", "已经过去的")
_ENDING = ("即将过去的", "即将结束的", "就要过去的")


def _just_past(ctx: RuleContext, article: Article, lines: list[tuple[str, int]]) -> Iterator[Finding]:
    """`刚刚过去的2024年` in a speech of January 2026: the year just past is 2025."""
    dating = article.dating
    kind = _doctype_id(article)
    back = kind in _LOOKING_BACK or kind is None and _kind_from_title(dating.title_text) == "work-summary"
    past = ending = None
    if dating.signed is not None:
        year, month = dating.signed[:2]
        past = year - 1 if month <= 6 else None
        ending = year if month >= 9 else None
    elif dating.title_year is not None:
        past = dating.title_year if back else dating.title_year - 1
        ending = dating.title_year if back else None
    for text, start in lines:
        if "过去的" not in text and "结束的" not in text:
            continue
        for mention in year_mentions(text, start):
            at = mention.start - start
            for words, expected in ((_ENDING, ending), (_JUST_PAST, past)):
                word = next((w for w in words if text.endswith(w, 0, at)), None)
                if word is None:
                    continue
                if expected is not None and mention.year != expected:
                    yield ctx.report(mention.start, mention.end, "today", year=mention.year, word=word,
                                     expected=expected)
                break


def _title_phrase_reused(ctx: RuleContext, article: Article, year: int) -> Iterator[Finding]:
    """The title's `2024年度安全生产目标考核` repeated in the body as `2023年度安全生产目标考核`."""
    title = article.dating.title
    if title is None:
        return
    phrases, yearly = set(), False
    for mention in year_mentions(title.text):
        at = mention.end + 1
        yearly = yearly or title.text.startswith("度", at)
        at += title.text.startswith("度", at)
        phrase = ""
        for ch in title.text[at:at + 6]:
            if not ("\u4e00" <= ch <= "\u9fff"):
                break
            phrase += ch
        if len(phrase) >= 3 and not phrase.startswith(("工作", "全年", "上半", "下半", "第")):
            phrases.add(phrase[:3])
    if not phrases and not yearly:
        return
    # a meeting held in the title's year reviews and honours the year before it
    meeting = any(word in title.text for word in ("会议", "大会", "年会"))
    body_start = title.span.end
    text = ctx.text[body_start:article.span.end]
    for mention in year_mentions(text, body_start):
        if not year - 3 <= mention.year < year:
            continue
        at = mention.end - body_start + 1
        annual = text.startswith("度", at)
        at += annual
        if text[at:at + 3] not in phrases and not (yearly and annual):
            continue  # 关于表彰2024年度…的决定 that honours the 2023年度 work
        here = mention.start - body_start
        lo = text.rfind("\n", 0, here) + 1
        hi = text.find("\n", here)
        line = text[lo:hi if hi != -1 else len(text)]
        sentence = _sentence_at(line, here - lo)  # its own line: a heading below is another sentence
        before = text[max(0, mention.start - body_start - 2):mention.start - body_start]
        if any(mark in before for mark in _COMPARE_MARKS) or any(w in sentence for w in _HISTORY_WORDS):
            continue
        if any(m.year != mention.year for m in year_mentions(sentence)):
            continue
        if meeting and mention.year == year - 1 and any(w in sentence for w in _MEETING_REVIEW):
            continue  # 召开2026年…工作会议 whose agenda 通报2025年度…情况
        yield ctx.report(mention.start, mention.end, "copied", year=mention.year, title=year,
                         phrase=text[at:at + 4])


def _section_end(section: Section) -> int:
    end = section.heading.span.end
    for child in section.children:
        end = max(end, _section_end(child) if isinstance(child, Section) else child.span.end)
    return end




# what may stand before a year that a text sets as a target or a date still to come
_TARGET_BEFORE = ("到", "至")  # 到2024年底，…达到95%: a target where the clause plans
_SCHEDULE_BEFORE = ("计划于", "计划在", "拟于", "拟在", "定于", "预计于", "预计在", "预计", "将于", "将在", "要在",
                    "要于", "须于", "需于", "务必于", "务必在", "请于", "请在", "应于", "应在", "力争", "确保",
                    "争取", "力争在", "力争于", "确保在", "确保于", "力争到", "确保到", "争取到", "计划到", "预计到",
                    "计划", "拟", "工期为", "建设期为", "建设周期为", "实施期限为", "实施时间为", "执行期为",
                    "活动时间为", "会议时间为", "时间定为")
_EFFECT_AFTER = ("起施行", "起执行", "起实施", "起生效", "起正式施行", "起正式实施", "起试行")
_DEADLINE_VERBS = ("完成", "完工", "建成", "报送", "上报", "报", "提交", "到位", "落实", "办结", "交付", "竣工",
                   "实现", "开工", "投入", "投用", "全部", "全面", "将", "把", "对", "做好", "组织", "开展", "召开",
                   "印发", "出台", "制定", "编制", "启动", "，", ",", "报至", "反馈", "回复", "函复", "整改")
# a sentence that recounts an old plan or deadline rather than setting one
_RECOUNTED = ("已", "如期", "顺利", "原定", "原计划", "原拟", "此前", "曾", "截至", "截止", "以来", "完成了",
              "建成了", "实现了", "圆满", "当时", "提前", "延期至", "推迟")
_FIELD_LABELS = ("时间：", "时间:", "日期：", "日期:", "截止时间：", "截止日期：", "报名时间：", "报到时间：",
                 "会议时间：", "活动时间：", "开班时间：", "考试时间：")
_BUDGET = lazy(r"(?:度)?(?:县级|市级|省级|本级)?(?:财政)?(?:预算|部门预算|财政预算|投资计划)")
_FUNDS = lazy(r"(?:度)?[\u4e00-\u9fff]{0,8}?(?:资金|经费|补助|补贴|指标|项目资金)")
_WANTS = ("力争", "确保", "争取", "将", "要", "计划", "预计", "目标", "拟", "务必", "须", "应当", "努力")
_GOAL_HEADINGS = ("目标", "任务", "计划", "打算", "安排", "思路", "措施", "要求", "步骤", "举措", "重点", "下一步",
                  "进度", "时间", "阶段")
# the headings of a plan's schedule: every date under them is still to come
_STEP_HEADINGS = ("步骤", "进度安排", "时间安排", "实施阶段", "阶段安排", "日程安排", "时间节点", "进度计划", "时间表")
_DATE_TAIL = lazy(
    r"年(?:度)?(?:\s*[0-9]{1,2}\s*月(?:\s*[0-9]{1,2}\s*日)?(?:[—–－\-~～至到][0-9]{1,2}月(?:[0-9]{1,2}日)?)?)?"
    r"(?:底|末|初|年底|年末|上旬|中旬|下旬|上半年|下半年|前三季度)?")


class PastTargetDate(Rule):
    """A target, deadline or date still to come that had already passed when the text was written.

    ## What it does
    Works out when the document was written — its 成文日期 (also `2026.01.08` or a month alone,
    `2025年9月`), else the 印发日期 or the year in its 发文字号, else the year in its title — and flags
    a year before it (at most three years back) where the text sets a target or a date still to come:

    - a deadline: `于2024年9月底前完成`, `2024年6月底前完成…`, `请于2023年4月10日前报送`;
    - a scheduled date: `计划于2024年11月底前完工`, `活动计划于2024年5月至6月分批开展`, `定于…`,
      `拟于…`, `力争2024年…`, `确保2024年全市PM2.5平均浓度…`;
    - a target: `力争到2024年底…`, and `到2024年底，…达到95%以上` in a part about goals, tasks or
      steps (or with `力争`, `确保`, `将` in the sentence), and anywhere in a text that looks ahead
      `到2024年，全县基本建成…` (not `到2024年，全县已建成…`);
    - a stage of a plan: `动员部署阶段（2024年3月—4月）` in a 方案 of 2025;
    - an effective date: `本方案自2024年3月1日起施行` in a text of 2025 (more than two months
      before a known 成文日期), and a validity that ends before it (`有效期至2024年12月31日`);
    - a programme whose years are over, still to be carried out: `深入实施《…三年行动方案（2021—
      2023年）》` in 要点 of 2025 (a summary may name the year it reviews; `已`, `收官` pass);
    - a step of a schedule (under `实施步骤`, `时间安排`, `进度安排`, …): `（一）摸底排查：2024年3月1日—
      3月20日`, `（二）集中建设（2024年3月21日至9月30日）` in a 方案 of 2025.

    Left alone: sentences that recount an old plan (`已`, `如期`, `原定`, `原计划`, `截至`, `以来`,
    `完成了`), comparisons (`比2023年底`), baselines outside a goal part (`到2023年底，全县共有…`).

    ## Why is this bad?
    A deadline that had passed before the text was signed cannot be met: the date was copied
    from last year's document and never updated.

    ## Example
    ```
    关于申请拨付堤防修复资金的请示
    ……工程计划于2024年11月底前完工。
    清河镇人民政府
    2025年5月20日
    ```

    ## Use instead
    ```
    ……工程计划于2025年11月底前完工。
    ```
    """

    code = "YR004"
    name = "past-target-date"
    groups = ("years",)
    severity = Severity.WARNING
    messages = {
        "default": ("“{text}”是目标或期限，却早于成文时间（{now}）：疑为沿用往年文稿",
                    "{text!r} is a target or deadline, but it had passed when the text was written ({now})"),
        "effect": ("施行日期“{text}”早于成文时间（{now}）",
                   "the effective date {text!r} is before the text was written ({now})"),
        "ended": ("止于{text}的行动或规划期在成文时间（{now}）之前已经结束，却仍要实施：疑为沿用往年文稿",
                  "the programme ending in {text!r} was over when the text was written ({now}), yet it is to be"
                  " carried out"),
        "expiry": ("有效期截止日期“{text}”早于成文时间（{now}）",
                   "the validity ends on {text!r}, before the text was written ({now})"),
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article in ctx.document.articles:
            now = _written(article)
            if now is None:
                continue
            year, shown = now
            goals = SpanSet([(s.heading.span.start, _section_end(s)) for s in article.sections()
                             if any(w in s.heading.title for w in _GOAL_HEADINGS)])  # a binary search per line
            looks_back = _doctype_id(article) in _LOOKING_BACK or _kind_from_title(_title_of(article)) in (
                "work-summary", "government-work-report")
            steps = SpanSet([(s.heading.span.start, _section_end(s)) for s in article.sections()
                             if any(w in s.heading.title for w in _STEP_HEADINGS)])
            title = _title_line(article)
            after = title.span.end if title is not None else article.span.start
            signature = article.signature.date.span.start if article.signature and article.signature.date \
                else article.span.end + 1
            for line in _body_lines(article):
                if line.span.start < after or line.span.start >= signature or "年" not in line.text:
                    continue
                in_goals = line.span.start in goals
                for mention in year_mentions(line.text, line.span.start):
                    if not year - 3 <= mention.year < year:
                        continue
                    found = _target(line.text, mention.start - line.span.start, in_goals)
                    if found is None and line.span.start in steps:
                        found = _step_date(line.text, mention.start - line.span.start)
                    if found is None and (mention.year < year - 1 or not looks_back):
                        found = _ended_program(line.text, mention.start - line.span.start)
                    if found is None and not looks_back:
                        found = _bare_target(line.text, mention.start - line.span.start)
                    if found is None:
                        continue
                    key, end = found
                    written = line.text[mention.start - line.span.start:end]
                    if key == "effect" and not _effect_too_early(article, written, mention.year):
                        continue
                    if key == "expiry" and not _expired(article, written, mention.year):
                        continue
                    yield ctx.report(mention.start, line.span.start + end, key, text=written, now=shown)


def _written(article: Article) -> tuple[int, str] | None:
    """The year the article was written, and how to show it (its 成文日期 when known)."""
    dating = article.dating
    if dating.signed:
        return dating.signed[0], f"{dating.signed[0]}年{dating.signed[1]}月{dating.signed[2]}日"
    if dating.written:
        return dating.written[0], f"{dating.written[0]}年{dating.written[1]}月"
    if dating.number_year:
        return dating.number_year, f"发文字号{dating.number_year}年"
    if dating.title_year:
        return dating.title_year, f"标题{dating.title_year}年"
    return None


def _target(text: str, at: int, in_goals: bool) -> tuple[str, int] | None:
    """(message key, end of the date) when the year at ``at`` is set as a target or a date to come."""
    tail = _DATE_TAIL.match(text, at + 4 + (text[at + 4:at + 5] == " "))
    if tail is None:
        return None
    end = tail.end()
    clause = _clause(text, at)
    sentence = _sentence_at(text, at)
    if any(word in sentence for word in _RECOUNTED) or text[max(0, at - 2):at].endswith(("比", "较", "与", "同")):
        return None
    before = text[max(0, at - 6):at]
    if before.endswith(("自", "从")) and (text.startswith(_EFFECT_AFTER, end) or text.startswith("起至", end)) \
            and not any(w in sentence for w in ("担任", "任职", "任现职", "工作以来")):
        return "effect", end + 1  # 自2024年3月1日起施行, 自2024年6月1日起至9月30日止
    if before.endswith(("有效期至", "有效期到", "有效期截至", "有效期截止")):
        return "expiry", end
    rest = text[end:end + 5]
    if rest.startswith(("前", "之前", "以前")):
        verb = end + (1 if rest.startswith("前") else 2)
        if text.startswith(_DEADLINE_VERBS, verb) and text[end:end + 2] not in ("前后",):
            return "default", verb
    if before.endswith(_SCHEDULE_BEFORE):
        return "default", end
    if before.endswith(_FIELD_LABELS) and sentence.lstrip().startswith(_FIELD_LABELS):
        return "default", end  # 会议时间：2024年3月15日 in a notice of 2025
    if _BUDGET.match(text, end) and any(w in clause for w in ("列入", "纳入", "安排", "追加", "申请")):
        return "default", end  # 恳请列入2024年财政预算 in a request of 2025
    if before.endswith(("申请", "争取", "恳请安排", "请求安排", "拨付")) and _FUNDS.match(text, end) \
            and not any(w in sentence for w in ("结转", "补发", "清算", "拖欠", "欠")):
        return "default", end  # 申请2024年度专项资金 in a request of 2025
    if before.endswith(_TARGET_BEFORE) and (in_goals or any(w in clause for w in _WANTS)):
        if before.endswith(("达到", "提高到", "增加到", "下降到", "降至", "增至", "提升至", "上升至")):
            return None  # 由2023年的…提高到: a figure, not a date
        return "default", end
    if "阶段" in text[max(0, at - 12):at] and before.endswith(("（", "(")):
        return "default", end  # 动员部署阶段（2024年3月—4月）
    return None


# a programme named by its years, still to be carried out: 深入实施《…三年行动方案（2021—2023年）》
_RANGE_START = lazy(r"(?:19|20)[0-9]{2}\s*年?\s*(?:[—–\-－~～]|至)\s*$")
_PROGRAMME = ("行动", "规划", "计划", "方案", "纲要", "工程", "攻坚", "三年", "五年")
_REVIEWED = ("收官", "结束", "期满", "总结", "评估", "回顾", "验收", "成效", "完成情况", "实施情况", "终期")
_CARRY_OUT = ("深入实施", "全面实施", "继续实施", "组织实施", "实施", "深入推进", "扎实推进", "推进", "贯彻落实",
              "落实", "执行", "启动", "开展")


def _ended_program(text: str, at: int) -> tuple[str, int] | None:
    """`深入实施…三年行动（2021—2023年）` in a text of 2025: a programme whose years are over."""
    if not _RANGE_START.search(text, max(0, at - 8), at):
        return None
    end = at + 5 + (text[at + 4:at + 5] == " ")
    sentence = _sentence_at(text, at)
    clause = _clause(text, at)
    named = text[end:end + 16]
    named = named[:min([named.find(p) for p in "。；！？，,：:、" if p in named] or [16])]
    if not (any(w in named for w in _PROGRAMME) or text[max(0, at - 14):at].count("（") > 0
            and any(w in text[max(0, at - 40):at] for w in _PROGRAMME)):
        return None
    lead = text[max(0, at - 60):at]
    cut = max(lead.rfind(p) for p in "。；！？，,：:")
    if cut != -1 and "《" not in lead[cut:]:
        lead = lead[cut + 1:]
    if "《" in lead:
        lead = lead[:lead.rfind("《")]  # the verb before the title, not a word inside it (实施方案)
    if not any(w in lead for w in _CARRY_OUT) or any(w in sentence for w in _RECOUNTED + _REVIEWED):
        return None
    if any(w in clause for w in ("比", "较", "同期", "相比")):
        return None
    return "ended", end


# 到2024年，基本建立…: a goal year, where what follows says what will then be achieved
_GOAL_VERBS = ("基本建立", "基本建成", "基本形成", "基本实现", "全面建成", "全面建立", "全面完成", "全面实现",
               "建成", "形成", "实现", "达到", "力争", "确保", "基本消除", "全部完成")
_STATE_WORDS = ("已", "共有", "累计", "全县共", "全市共", "全区共", "了")


def _bare_target(text: str, at: int) -> tuple[str, int] | None:
    """`到2024年，全市基本建立…` in an 意见 or 方案 of 2025: a goal year already past."""
    if text[max(0, at - 1):at] not in ("到", "至") or text[max(0, at - 2):at] in ("截至", "截止"):
        return None
    end = at + 5 + (text[at + 4:at + 5] == " ")
    if text[at + 4:end].strip() != "年" or not text.startswith(("，", ","), end):
        return None  # 到2024年底 / 到2024年6月 are YR004's other forms
    rest = text[end + 1:end + 40]
    rest = rest[:min([rest.find(p) for p in "。；！？" if p in rest] or [40])]
    if not rest.lstrip().startswith(tuple(_GOAL_VERBS)) and not any(
            rest.find(w) != -1 and rest.find(w) <= 12 for w in _GOAL_VERBS):
        return None
    if any(w in rest for w in _STATE_WORDS) or any(w in _sentence_at(text, at) for w in _RECOUNTED):
        return None
    return "default", end


def _step_date(text: str, at: int) -> tuple[str, int] | None:
    """A date that times a step of a plan's schedule: `（一）宣传发动：2024年3月1日—3月15日`,
    `（二）集中整治（2024年3月16日至6月30日）`, `2024年7月上旬，县局组织验收`."""
    tail = _DATE_TAIL.match(text, at + 4 + (text[at + 4:at + 5] == " "))
    if tail is None or text[tail.end() - 1] == "年" or text[tail.end() - 1] == "度":
        return None  # a month or a day, not a year alone
    before = text[max(0, at - 1):at]
    if at and before not in ("：", ":", "（", "(", "，", "。", "；", " ", "\u3000"):
        return None
    sentence = _sentence_at(text, at)
    if any(word in sentence for word in _RECOUNTED):
        return None
    return "default", tail.end()


def _clause(text: str, at: int) -> str:
    lo = max(max(text.rfind(p, 0, at) for p in "。；！？，,：") + 1, 0)
    ends = [i for i in (text.find(p, at) for p in "。；！？，,") if i != -1]
    return text[lo:min(ends) if ends else len(text)]


def _effect_too_early(article: Article, written: str, year: int) -> bool:
    """An effective date more than two months before a known 成文日期 (or in an earlier year)."""
    signed = article.dating.signed
    if signed is None:
        return True
    m = _FULL_DAY.match(written)
    if m is None:
        return year < signed[0]
    day = (int(m[1]), int(m[2]), int(m[3]))
    return (signed[0] - day[0]) * 365 + (signed[1] - day[1]) * 30 + (signed[2] - day[2]) > 62


def _expired(article: Article, written: str, year: int) -> bool:
    """A validity that ends before the 成文日期 (or in an earlier year than the text's)."""
    signed = article.dating.signed
    m = _FULL_DAY.match(written)
    if signed is None or m is None:
        return signed is None or year < signed[0]
    return (int(m[1]), int(m[2]), int(m[3])) < signed


_FULL_DAY = lazy(r"((?:19|20)[0-9]{2})年([0-9]{1,2})月([0-9]{1,2})日")




_CITED_NUMBER = lazy(r"[〔\[［【﹝(（]((?:19|20)[0-9]{2})[〕\]］】﹞)）]\s*(?:第\s*)?[0-9]{1,4}\s*号")


class DocumentYearMismatch(Rule):
    """The years a 公文 gives itself disagree: a `〔2024〕` 发文字号 over a 2025 成文日期.

    ## What it does
    Compares the year in the 发文字号 with the year of the 成文日期 (a 发文字号 of the year before
    is accepted in January) and, where they differ, reports the one the 印发日期 does not back:
    the 发文字号 when the 印发日期 (or nothing) agrees with the 成文日期, the 成文日期 when the
    印发日期 agrees with the 发文字号. Also flags a document cited in the body by a 发文字号 of a
    year after the text was written (`你局《关于…的请示》（某发〔2025〕12号）收悉` in a 批复 signed
    in 2024), and reports and plans the body names by their period against the writing date: a
    report on a period not yet begun (`听取了关于2025年一季度…分析情况的汇报` in minutes of May 2024),
    a plan adopted or issued more than two months after its period ended (`审议并原则通过《…2023年
    下半年重点项目推进计划》` in July 2024), an annual plan of a later year said to exist in a text
    of January to August (`已列入《…2025年立法工作计划》` in April 2024). Multi-year plans
    (`（2025—2027年）`) and the execution of a plan (`《…方案》执行情况`) are left alone. Also flags
    figures counted up to a month after the 成文日期's (`截至2026年6月底，全县…` in a report signed in
    August 2025), unless the sentence aims (`将`, `力争`, `预计`, `目标`).

    ## Why is this bad?
    A 发文字号 is assigned in the year the document is signed: a year that differs means the number
    or the date was copied from last year's file and not updated. A text cannot cite a document
    numbered in a year that has not begun.

    ## Example
    ```
    云政办发〔2024〕9号
    关于印发2025年城乡生活垃圾分类工作实施方案的通知
    ……
    云岭市人民政府办公室
    2025年3月14日
    ```

    ## Use instead
    ```
    云政办发〔2025〕9号
    ```
    """

    code = "YR005"
    name = "document-year-mismatch"
    groups = ("years",)
    severity = Severity.WARNING
    messages = {
        "number": ("发文字号年份{number}与成文日期{signed}不符",
                   "the 发文字号 year {number} does not match the 成文日期 {signed}"),
        "default": ("成文日期{signed}与发文字号年份{number}及印发日期不符",
                    "the 成文日期 {signed} does not match the 发文字号 year {number} and the 印发日期"),
        "cited": ("引用的文件字号{text}晚于本文成文时间（{now}）",
                  "the document cited as {text!r} is numbered in a year after this text was written ({now})"),
        "report-ahead": ("“{text}”所述期间在本文成文时间（{now}）之后，尚不可能有这份情况或总结",
                         "{text!r} reports on a period that had not begun when this text was written ({now})"),
        "plan-over": ("“{text}”的期间在本文成文时间（{now}）之前已经结束，不应再审议或印发",
                      "{text!r} plans a period that had ended when this text was written ({now})"),
        "plan-ahead": ("“{text}”是以后年度的计划，本文成文时（{now}）尚不可能列入或通过",
                       "{text!r} is a plan for a later year that could not exist yet ({now})"),
        "counted-ahead": ("“{text}”晚于本文成文时间（{now}），尚不可能有截至那时的数据",
                          "{text!r} is after this text was written ({now}): no figures can be counted up to it"),
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article in ctx.document.articles:
            yield from self._own(ctx, article)
            yield from self._cited(ctx, article)

    @staticmethod
    def _own(ctx: RuleContext, article: Article) -> Iterator[Finding]:
        dating = article.dating
        number, signed = dating.number_year, dating.signed
        element = article.element("doc_number")
        if number is None or signed is None or element is None or number == signed[0]:
            return
        if signed[1] == 1 and number == signed[0] - 1:
            return  # numbered in late December, signed in January
        printed = article.element("printed_by")
        printed_year = None
        if printed is not None:
            found = _PRINTED_YEAR.search(printed.field("date") or "")
            printed_year = int(found[1]) if found else None
        shown = f"{signed[0]}年{signed[1]}月{signed[2]}日"
        line = dating.signed_line
        if printed_year == number and printed_year != signed[0] and line is not None:
            yield ctx.report(line.span.start, line.span.end, number=number, signed=shown)
            return
        text = element.lines[0].text
        at = text.find(str(number))
        start = element.lines[0].span.start + max(at, 0)
        yield ctx.report(start, start + (4 if at >= 0 else len(text)), "number", number=number, signed=shown)

    @staticmethod
    def _titles(ctx: RuleContext, article: Article) -> Iterator[Finding]:
        """Reports and plans named in the body whose period does not fit the writing date."""
        written = article.dating.written
        if written is None:
            return
        shown = f"{written[0]}年{written[1]}月"
        for line in _body_lines(article):
            if "年" not in line.text or not ("《" in line.text or "关于" in line.text):
                continue
            for m in _CITED_PERIOD.finditer(line.text):
                key = _cited_period(line.text, m, written)
                if key is not None:
                    start = line.span.start + m.start("y")
                    yield ctx.report(start, start + 5, key, text=_shown_title(m.group(0)), now=shown)

    @staticmethod
    def _counted_ahead(ctx: RuleContext, article: Article) -> Iterator[Finding]:
        """`截至2026年6月底，全县…` in a report signed in August 2025: figures counted up to a later month."""
        signed = article.dating.signed
        if signed is None:
            return
        now = signed[0] * 12 + signed[1]
        shown = f"{signed[0]}年{signed[1]}月{signed[2]}日"
        for line in _body_lines(article):
            if "截" not in line.text:
                continue
            for m in _COUNTED_TO.finditer(line.text):
                month = int(m["m"]) if m["m"] else 12
                if not 1 <= month <= 12 or int(m["y"]) * 12 + month <= now:
                    continue
                sentence = _sentence_at(line.text, m.start())
                if any(word in sentence for word in _FUTURE_WORDS + ("预测", "期间", "有效期")):
                    continue
                start = line.span.start + m.start("y")
                yield ctx.report(start, line.span.start + m.end(), "counted-ahead", text=m.group(0)[2:].lstrip("到"),
                                 now=shown)

    @staticmethod
    def _cited(ctx: RuleContext, article: Article) -> Iterator[Finding]:
        yield from DocumentYearMismatch._counted_ahead(ctx, article)
        yield from DocumentYearMismatch._titles(ctx, article)
        now = article.dating.year
        if now is None:
            return
        element = article.element("doc_number")
        own = element.lines[0].span if element is not None else None
        for line in _body_lines(article):
            if "号" not in line.text:
                continue
            for m in _CITED_NUMBER.finditer(line.text):
                start = line.span.start + m.start()
                if int(m[1]) > now and not (own and own.start <= start < own.end):
                    yield ctx.report(start, line.span.start + m.end(), "cited", text=m.group(0), now=f"{now}年")


# figures counted up to a point: 截至2026年6月底, 截止到2026年9月30日, 截至2026年底
_COUNTED_TO = lazy(r"截(?:至|止到|止)\s*(?P<y>(?:19|20)[0-9]{2})\s*年\s*(?:(?P<m>[0-9]{1,2})\s*月"
                   r"(?:\s*[0-9]{1,2}\s*日|底|末)?|底|末)(?![0-9])")
_PRINTED_YEAR = lazy(r"((?:19|20)[0-9]{2})\s*年")

# a report or plan named in the body by its period: 《…2023年下半年重点项目推进计划》, 关于2025年一季度…的汇报
_CITED_PERIOD = lazy(
    r"(?:《[^《》]{0,30}?|关于)(?<![0-9—–\-－~～至到])(?P<y>(?:19|20)[0-9]{2})\s*年(?P<part>度|上半年|下半年|"
    r"前三季度|(?:第)?[一二三四1-4]季度|[0-9]{1,2}月份?|1[—–\-－~～至][0-9]{1,2}月)?"
    r"(?![前底末初以起])(?P<rest>[^《》，。；：！？、0-9]{0,30}?)(?P<kind>》|的汇报|的报告|的通报)")
_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_LOOKED_BACK_ON = ("执行情况", "完成情况", "总结", "分析", "述职", "回顾", "情况")
_PLANNED = ("计划", "要点", "方案", "安排", "打算", "规划", "预算", "草案", "目标", "任务")
_ANNUAL_PLANS = ("工作计划", "工作要点", "年度计划", "立法计划", "工作安排", "立法工作计划")
_ADOPTED = ("审议通过", "原则通过", "讨论通过", "研究通过", "审议并原则通过", "原则同意", "同意", "批准", "印发")
_LISTED = ("列入", "纳入", "写入")


def _shown_title(text: str) -> str:
    return text.removeprefix("关于").removeprefix("《").removesuffix("》")


def _months(year: int, part: str | None) -> tuple[int, int]:
    """The first and last month of the period ``year`` + ``part`` as month numbers (year * 12 + m)."""
    lo, hi = 1, 12
    if part in ("上半年",):
        hi = 6
    elif part == "下半年":
        lo = 7
    elif part == "前三季度":
        hi = 9
    elif part and part.endswith("季度"):
        quarter = _QUARTERS[part[-3]]
        lo, hi = quarter * 3 - 2, quarter * 3
    elif part and part[0] == "1" and not part[1].isdigit() and part[1] != "月":
        hi = int(part[2:].rstrip("月"))
    elif part and part[0].isdigit():
        lo = hi = int(part.rstrip("月份"))
    return year * 12 + lo, year * 12 + hi


def _cited_period(text: str, m: re.Match[str], written: tuple[int, int]) -> str | None:
    """The message key when the report or plan ``m`` names cannot exist at ``written``."""
    try:
        first, last = _months(int(m["y"]), m["part"])
    except (KeyError, ValueError, IndexError):
        return None
    now = written[0] * 12 + written[1]
    rest = m["rest"]
    after = text[m.end():m.end() + 6]
    before = text[max(0, m.start() - 8):m.start()]
    planned = any(word in rest for word in _PLANNED)
    if any(word in rest for word in ("执行情况", "完成情况")) or not planned and any(
            word in rest for word in _LOOKED_BACK_ON):
        # 听取关于2025年一季度…分析情况的汇报 at a meeting of May 2024
        return "report-ahead" if first > now else None
    if not planned or m["kind"] != "》" or after.startswith(("执行", "落实", "完成", "实施情况", "的执行", "的落实")):
        return None
    if before.endswith(_ADOPTED) and last < now - 2:
        return "plan-over"  # 审议通过《2023年下半年…计划》 at a meeting of July 2024
    if before.endswith(_LISTED + _ADOPTED) and any(word in rest for word in _ANNUAL_PLANS) \
            and first > now and written[1] <= 8:
        return "plan-ahead"  # 已列入《2025年立法工作计划》 in April 2024
    return None



_ODD_YEAR = lazy(r"(?<![0-9.])(?:(2[1-9][0-9]{2}|20[0-9]{3})\s*年\s*(?=[0-9]{1,2}\s*月|[，,]|度|上半年|下半年|底|末)"
                 r"|(20[0-9])\s*年\s*(?=[0-9]{1,2}\s*月))")


class ImpossibleYear(Rule):
    """A year no report of ours can mean: `2204年3月`, `20224年，…`, `202年度`.

    ## What it does
    Flags a number before 年 that is not a year of this era where only a year can stand — before
    a month (`2204年3月`), 度, 上半年/下半年, 底/末, or opening a clause (`2204年，…`): 2100–2999 and
    five digits starting `20`; three digits `20N` only before a month (`202年3月`). Numbers of years
    (`用了200年`), history (`1840年`), amounts and decimals are left alone.

    ## Why is this bad?
    A mistyped year misdates everything said in the sentence; a reviewer spots it at once.

    ## Example
    ```
    2204年3月，县档案馆新馆开工建设。
    ```

    ## Use instead
    ```
    2024年3月，县档案馆新馆开工建设。
    ```
    """

    code = "YR006"
    name = "impossible-year"
    groups = ("years",)
    severity = Severity.WARNING
    messages = {"default": ("年份“{text}”不可能：疑为笔误", "{text!r} cannot be a year here: a typo")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.text
        if "年" not in text:
            return
        for at in find_all(text, "年"):
            start = at
            while start > 0 and text[start - 1].isascii() and text[start - 1].isdigit() and at - start < 6:
                start -= 1
            if not 3 <= at - start <= 5:
                continue
            m = _ODD_YEAR.match(text, start)
            if m is not None:
                digits = m[1] or m[2]
                yield ctx.report(m.start(), m.start() + len(digits) + 1, text=digits + "年")


RULES = [TitleYearMismatch, SummaryAndPlanSameYear, PartYearMismatch, PastTargetDate, DocumentYearMismatch,
         ImpossibleYear]
