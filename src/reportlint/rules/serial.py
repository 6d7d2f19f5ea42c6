"""Serial punctuation (GB/T 15834-2011 B.1, B.3, B.4, 4.5.3.5): ordinals, 顿号, title endings."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from reportlint.diagnostics import Applicability, Edit, Finding, Fix, Severity
from reportlint.model import Article, Line
from reportlint.rules.base import Option, Rule, RuleContext
from reportlint.text.lazyre import AtStarts, LazyPattern, find_all, lazy

CN_ORDINAL = "一二三四五六七八九十"
# where a clause starts: the line start or a mark that ends the previous clause
CLAUSE_START = r"(?:(?<=^)|(?<=[。；;：:，,！？!?“（(\s]))"


_CLAUSE_MARKS = "。；;：:，,！？!?“（("


def _clause_start(text: str, at: int) -> bool:
    """CLAUSE_START, tested in Python: the text's start, a space or line break, or a mark."""
    return at == 0 or text[at - 1] in _CLAUSE_MARKS or text[at - 1].isspace()


def _narrative_starts(text: str) -> list[int]:
    """Where 一是： can start: up to three numerals before a 是 that a mark follows."""
    ends = (at for mark in "：:，,、" for at in find_all(text, "是" + mark)
            if at and text[at - 1] in CN_ORDINAL)
    return sorted({start for at in ends for start in range(max(0, at - 3), at)
                   if _clause_start(text, start)})


def _first_dun_starts(text: str) -> list[int]:
    """Where 第一、 or 首先、 can start: two to four characters before a 顿号 after 一…十, 先 or 次."""
    ends = (at for at in find_all(text, "、") if at and text[at - 1] in CN_ORDINAL + "先次")
    return sorted({start for at in ends for start in range(max(0, at - 4), at - 1)
                   if _clause_start(text, start)})


NARRATIVE = AtStarts(rf"(?m){CLAUSE_START}([{CN_ORDINAL}]{{1,3}}是)([：:，,、])", _narrative_starts)
FIRST_DUN = AtStarts(
    rf"(?m){CLAUSE_START}(第[{CN_ORDINAL}]{{1,3}}|首先|其次|再次|其一|其二|其三)、(?![{CN_ORDINAL}0-9第])",
    _first_dun_starts,
)
BETWEEN_TITLES = lazy(r"《[^《》\n]*》(?:、《[^《》\n]*》)+", gate=("》、《",))
BETWEEN_QUOTES = lazy(r"“[^“”\n]*”(?:、“[^“”\n]*”)+", gate=("”、“",))
# 等 starting a word of its own (等级, 等次, 等候 …) is not the 等 that closes a list
DUN_BEFORE_DENG = AtStarts(r"、(?=等(?![级次候待同量额效于价高腰距比差号值身第闲]))",
                           lambda text: find_all(text, "、等"))
TITLE_END = lazy(r"[。，、；：,;:.]+$")
_TITLE_END_MARKS = "。，、；：,;:."
# the genres a title ends with: tested with str.endswith
GENRE_END = ("总结", "报告", "汇报", "要点", "计划", "规划", "方案", "通知", "通报", "请示", "意见", "决定", "办法",
             "规定", "细则", "纪要", "讲话", "函", "安排", "情况")
_TITLE_MAX = 50


class _PatternRule(Rule):
    """A rule that deletes or replaces the matched mark; group 0 is what is reported."""

    pattern: LazyPattern | AtStarts  # anything with finditer(text)
    groups = ("serial",)
    severity = Severity.WARNING
    fixable = Applicability.SAFE
    replacement = ""
    fix_title = "删除多余的标点"
    group = 0

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for m in self.pattern.finditer(ctx.text):
            start, end = m.span(self.group)
            fix = Fix.replace(self.fix_title, start, end, self.replacement)
            yield ctx.report(start, end, fix=fix, mark=m.group(self.group), text=m.group(0))


class NarrativeOrdinalPunctuation(_PatternRule):
    """Punctuation after a narrative ordinal: `一是：`, `二是，`.

    ## What it does
    Flags a colon, comma or 顿号 right after `一是`, `二是` … at the start of a clause.

    ## Why is this bad?
    GB/T 15834-2011 B.3.7: narrative ordinals such as 一是、二是 are part of the sentence and
    take no punctuation of their own.

    ## Example
    ```
    一是：强化组织领导。二是：完善工作机制。
    ```

    ## Use instead
    ```
    一是强化组织领导。二是完善工作机制。
    ```

    ## Fix safety
    Safe: the mark is deleted.
    """

    code = "SP001"
    name = "narrative-ordinal-punctuation"
    standard = "GB/T 15834-2011 B.3.7"
    pattern = NARRATIVE
    group = 2
    messages = {
        "default": (
            "“{text}”：“一是”类序次语后不加标点",
            "{text!r}: an ordinal such as 一是 takes no punctuation",
        )
    }


class OrdinalWithDunhao(_PatternRule):
    """A 顿号 after `第一`, `首先`, `其次`: `第一、要加强学习`.

    ## What it does
    Flags `第一、`, `首先、`, `其次、`, `其一、` … at the start of a clause. Abbreviated
    enumerations such as `第一、二批` or `第一、第三产业` are left alone.

    ## Why is this bad?
    GB/T 15834-2011 4.4.3.3 and B.3.1: `第一`, `其次` and the like are followed by a comma;
    the 顿号 belongs to bare numerals (`一、`).

    ## Example
    ```
    第一、要提高思想认识。第二、要完善工作机制。
    ```

    ## Use instead
    ```
    第一，要提高思想认识。第二，要完善工作机制。
    ```

    ## Fix safety
    Safe: the 顿号 becomes a comma.
    """

    code = "SP002"
    name = "ordinal-with-dunhao"
    standard = "GB/T 15834-2011 4.4.3.3, B.3.1"
    pattern = FIRST_DUN
    replacement = "，"
    fix_title = "顿号改为逗号"
    messages = {
        "default": (
            "“{text}”：此类序次语后应使用逗号",
            "{text!r}: this ordinal takes a comma, not a 顿号",
        )
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for m in self.pattern.finditer(ctx.text):
            start, end = m.end() - 1, m.end()
            yield ctx.report(
                m.start(), end, fix=Fix.replace(self.fix_title, start, end, "，"), text=m.group(0)
            )


class DunhaoBetweenTitles(_PatternRule):
    """A 顿号 between adjacent book titles: `《条例》、《规定》`.

    ## What it does
    Flags `、` directly between `》` and `《`. When a note in brackets follows a title
    (`《条例》（试行）、《规定》`) the 顿号 is right and nothing is flagged.

    ## Why is this bad?
    GB/T 15834-2011 4.5.3.5: coordinated titles in book-title marks are not separated by 顿号;
    the marks themselves separate them.

    ## Example
    ```
    先后印发了《安全工作方案》、《应急预案》等文件。
    ```

    ## Use instead
    ```
    先后印发了《安全工作方案》《应急预案》等文件。
    ```

    ## Fix safety
    Safe: the 顿号 is deleted.
    """

    code = "SP003"
    name = "dunhao-between-titles"
    standard = "GB/T 15834-2011 4.5.3.5"
    pattern: LazyPattern | AtStarts = BETWEEN_TITLES
    messages = {
        "default": (
            "并列的书名号之间不用顿号（{count} 处）",
            "no 顿号 between coordinated titles in 《》 ({count})",
        )
    }

    closer = "》"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        """One finding per run of titles, whose fix deletes every 顿号 of the run."""
        for m in self.pattern.finditer(ctx.text):
            spots = [
                m.start() + i
                for i, ch in enumerate(m.group(0))
                if ch == "、" and m.group(0)[i - 1] == self.closer
            ]
            fix = Fix(self.fix_title, tuple(Edit(p, p + 1, "") for p in spots))
            yield ctx.report(spots[0], spots[-1] + 1, fix=fix, count=len(spots))


class DunhaoBetweenQuotes(DunhaoBetweenTitles):
    """A 顿号 between adjacent quotations, `“米袋子”、“菜篮子”`, in a text that elsewhere omits it.

    ## What it does
    Flags `、` directly between `”` and `“` when the same document also writes coordinated
    quotations without it (`“米袋子”“菜篮子”`): the two styles are mixed. With the option
    `always: true` (set by the `gbt9704` ruleset) every such 顿号 is flagged. Severity info by
    default: GB/T 15834-2011 says these 顿号 are *usually* omitted, and many published
    government reports keep them throughout.

    ## Why is this bad?
    GB/T 15834-2011 4.5.3.5: coordinated quoted items are usually not separated by 顿号, and
    one document should not do it both ways.

    ## Example
    ```
    落实“米袋子”、“菜篮子”负责制，推进“放管服”“一网通办”改革。
    ```

    ## Use instead
    ```
    落实“米袋子”“菜篮子”负责制，推进“放管服”“一网通办”改革。
    ```

    ## Fix safety
    Safe: the 顿号 is deleted.
    """

    code = "SP004"
    name = "dunhao-between-quotes"
    severity = Severity.INFO
    pattern = BETWEEN_QUOTES
    closer = "”"
    options = {
        "always": Option(
            False, bool, "flag every 、 between quotations, not only in mixed documents"
        )
    }
    messages = {
        "default": (
            "并列的引号之间通常不用顿号（{count} 处），本文其他地方也未用",
            "coordinated quotations are usually not separated by 顿号 ({count}); "
            "elsewhere this text does without",
        ),
        "always": (
            "并列的引号之间通常不用顿号（{count} 处）",
            "coordinated quotations are usually not separated by 顿号 ({count})",
        ),
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        if self.settings["always"]:
            for finding in super().check(ctx):
                yield replace(finding, message_key="always")
        elif "”“" in ctx.text:
            yield from super().check(ctx)


class DunhaoBeforeDeng(DunhaoBetweenTitles):
    """A 顿号 right before 等: `安全、卫生、等工作`.

    ## What it does
    Flags `、等`. Words that begin with 等 (等级, 等次, 等候 …) are not flagged.

    ## Why is this bad?
    GB/T 15834-2011 B.1.2: 等 closes the list itself; no 顿号 goes before it.

    ## Example
    ```
    做好防火、防汛、防盗、等安全工作。
    ```

    ## Use instead
    ```
    做好防火、防汛、防盗等安全工作。
    ```

    ## Fix safety
    Safe: the 顿号 is deleted.
    """

    code = "SP005"
    name = "dunhao-before-deng"
    severity = Severity.WARNING
    standard = "GB/T 15834-2011 B.1.2"
    pattern = DUN_BEFORE_DENG
    messages = {"default": ("“等”前不用顿号", "no 顿号 before 等")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for m in self.pattern.finditer(ctx.text):
            yield ctx.report(
                m.start(), m.end(), fix=Fix.replace(self.fix_title, m.start(), m.end(), "")
            )


class TitleEndsWithPunctuation(Rule):
    """A document title that ends with punctuation: `…工作总结。`.

    ## What it does
    Flags a full stop, comma, 顿号, semicolon or colon (full- or half-width) at the end of an
    article's title line.

    ## Why is this bad?
    GB/T 15834-2011 B.4 (and GB/T 9704-2012 practice): a title takes no punctuation at its end.

    ## Example
    ```
    县农业农村局2023年工作总结。
    ```

    ## Use instead
    ```
    县农业农村局2023年工作总结
    ```

    ## Fix safety
    Safe: the trailing marks are deleted.
    """

    code = "SP006"
    name = "title-ends-with-punctuation"
    groups = ("serial",)
    severity = Severity.WARNING
    fixable = Applicability.SAFE
    standard = "GB/T 15834-2011 B.4"
    messages = {
        "default": (
            "标题末尾不加标点“{mark}”",
            "a title takes no punctuation at its end ({mark!r})",
        )
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article in ctx.document.articles:
            title = article.title or _title_with_stop(ctx, article)
            if title is None:
                continue
            text = title.text.rstrip(" \u3000")
            m = TITLE_END.search(text) if _may_end_with_mark(text) else None
            if m:
                start, end = title.span.start + m.start(), title.span.start + m.end()
                yield ctx.report(
                    start,
                    end,
                    fix=Fix.replace("删除标题末尾的标点", start, end, ""),
                    mark=m.group(0),
                )


def _may_end_with_mark(text: str) -> bool:
    """Whether TITLE_END can match: a mark at the end (or before a final newline, as ``$``)."""
    last = text[-2:-1] if text.endswith("\n") else text[-1:]
    return last != "" and last in _TITLE_END_MARKS


def _ends_with_genre(text: str) -> bool:
    """``(?:总结|报告|…|情况)$``: the genre ends the text, or precedes a final newline."""
    return text.endswith(GENRE_END) or (text.endswith("\n") and text[:-1].endswith(GENRE_END))


def _title_with_stop(ctx: RuleContext, article: Article) -> Line | None:
    """A short first line naming a 文种 is a title even when it ends in 。 (the parser skips it)."""
    first = next(
        (
            line
            for line in ctx.document.lines
            if article.span.start <= line.span.start < article.span.end
            and (article.marker is None or line.span.start >= article.marker.span.end)
        ),
        None,
    )
    if first is None or len(first.text) > _TITLE_MAX:
        return None
    text = first.text.rstrip(" \u3000")
    stripped = TITLE_END.sub("", text) if _may_end_with_mark(text) else text
    if (
        stripped == first.text
        or re.search(r"[。；;！!？?]", stripped)
        or not _ends_with_genre(stripped)
    ):
        return None
    return first


# 月, 期, 批, 层 are left out: 一、二月份, 一、二期工程 and 三、四层 list months, phases and floors
_APPROX_UNITS = "个人名次天岁十百千万家位件户所项条辆台套成年周倍遍斤亩里"
# 三、四个 / 十一、二个 / 二、三十人 / 两、三年: two neighbouring numerals joined by a 顿号, then a unit
APPROXIMATE = lazy(
    rf"(?<![第、\s\u3000])(?:[一两二三四五六七八九](?=、[二三四五六七八九十][{_APPROX_UNITS}小公])"
    rf"|(?<=十)[一二三四五六七八](?=、[二三四五六七八九][{_APPROX_UNITS}小公]))(、)(?![^、\n]{{0,3}}、)",
    gate=("、",))
_NEXT = {a: b for a, b in zip("一两二三四五六七八九", "二三三四五六七八九十", strict=True)}
# 3、4个 / 3、5个工作日: the same estimate in Arabic digits (one digit each: 10、11个 lists)
APPROXIMATE_DIGITS = lazy(
    rf"(?<![第、0-9.．%％\s\u3000])[1-9](、)(?=[2-9][{_APPROX_UNITS}小工][^、\n]{{0,3}}(?![、0-9]))",
    gate=("、",))
# 三五个, 三五年: the one estimate of numbers that are not neighbours
_IDIOM = {("三", "五"), ("3", "5")}
_RESPECTIVELY = ("分别", "依次", "各为", "各有")


class DunhaoInApproximation(_PatternRule):
    """A 顿号 between two neighbouring numbers that give an estimate: `三、四个`, `二、三十人`.

    ## What it does
    Flags a 顿号 between two consecutive Chinese numerals followed by a measure word or a
    multiple (`个 人 名 次 天 岁 十 百 千 万 家 成 年 倍 …`): `三、四个小时`, `十一、二个`,
    `二、三十人`, `七、八成`, `两、三年`. Left alone: lists of ordinals or categories (`第一、二季度`,
    `一、二年级`, `一、二类`, `一、二、三级医院`, `一、二月份`, `一、二期工程`), a heading ordinal at a
    line start (`三、四年来的成效`), numbers listed one by one (`分别为3、4个`) and numbers that
    are not neighbours (`二、五个`), except the idiom `三、五个` (三五个). Arabic digits are read the
    same way (`3、4个`, `3、5个工作日`; one digit each).

    ## Why is this bad?
    GB/T 15834-2011 B.1.5: neighbouring numbers that together give an approximate number
    (概数) take no 顿号 between them.

    ## Example
    ```
    每天工作十一、二个小时，来了二、三十人。
    ```

    ## Use instead
    ```
    每天工作十一二个小时，来了二三十人。
    ```

    ## Fix safety
    Safe: the 顿号 is deleted (`三四个`). Between Arabic digits it becomes a range mark
    (`3～5个`), unsafe: the writer may prefer `三五个`.
    """

    code = "SP007"
    name = "dunhao-in-approximation"
    standard = "GB/T 15834-2011 B.1.5"
    pattern = APPROXIMATE
    group = 1
    fix_title = "删除顿号"
    messages = {"default": ("表示概数的相邻数字之间不用顿号：“{text}”",
                            "no 顿号 inside an approximate number: {text!r}")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.text
        found = [*self.pattern.finditer(text), *APPROXIMATE_DIGITS.finditer(text)]
        for m in sorted(found, key=lambda m: m.start(1)):
            first, second = text[m.start(1) - 1], text[m.end(1)]
            neighbours = _NEXT.get(first) == second or (first.isdigit() and int(second) == int(first) + 1)
            if (not (neighbours or (first, second) in _IDIOM) or text.startswith("年级", m.end(1) + 1)
                    or m.start(1) == 1 or self._listing(text, m.start(1) - 1)):
                continue
            if first.isdigit():  # 3、5个 → 3～5个: deleting the 顿号 would make 35
                fix = Fix.replace("改为浪纹线", m.start(1), m.end(1), "～", Applicability.UNSAFE)
            else:
                fix = Fix.replace(self.fix_title, m.start(1), m.end(1), "")
            yield ctx.report(m.start(1) - 1, m.end(1) + 1, fix=fix, text=text[m.start(1) - 1:m.end(1) + 2])

    @staticmethod
    def _listing(text: str, at: int) -> bool:
        """`分别为3、4个`: the two numbers are items of a list, each its own figure."""
        clause = text[max(0, at - 12):at]
        cut = max(clause.rfind(c) for c in "，,。；;：:\n")
        return any(word in clause[cut + 1:] for word in _RESPECTIVELY)


# 安全、卫生、和环保: a 顿号 before the conjunction that joins the last item
# 与 is left alone: it opens parallel prepositional phrases (与经济发展相协调的、与常住人口相匹配的);
# 和 and 或 count unless they open a word (和谐, 和衷共济, 和平区, 或许)
_HE_WORDS = ("和谐", "和衷", "和若", "和苑", "和美", "和平", "和安", "和睦", "和解", "和顺", "和气", "和煦", "和田",
             "和林", "和龙", "和静", "和硕", "和政", "和县", "和而", "和合", "和乐", "和畅", "和风", "和蔼", "和善",
             "和弦", "和声", "和亲", "和约", "和议", "和局", "和棋", "和尚", "和面", "和泥", "和盘", "和易")
BEFORE_CONJUNCTION = lazy(r"、(?=以及|或者|及(?![时早格至第])|和|或(?![许多将是然]))", gate=("、",))


class DunhaoBeforeConjunction(_PatternRule):
    """A 顿号 right before the conjunction that joins the last item: `思想、政治、及业务素质`.

    ## What it does
    Flags `、及`, `、以及`, `、或者`, `、和` and `、或`. Left alone: words that begin with 及, 和
    or 或 (`及时`, `和谐`, `和衷共济`, `和平区`, `或许`), and `、与`, since 与 also opens parallel
    prepositional phrases (`与经济发展相协调的、与常住人口相匹配的`).

    ## Why is this bad?
    GB/T 15834-2011 B.1.4: where a conjunction joins the last of a list, it takes the place of
    the 顿号; both together are one mark too many.

    ## Example
    ```
    提高思想、政治、及业务素质。
    ```

    ## Use instead
    ```
    提高思想、政治及业务素质。
    ```

    ## Fix safety
    Safe: the 顿号 is deleted.
    """

    code = "SP008"
    name = "dunhao-before-conjunction"
    standard = "GB/T 15834-2011 B.1.4"
    pattern = BEFORE_CONJUNCTION
    fix_title = "删除顿号"
    messages = {"default": ("连词前不用顿号", "no 顿号 before a conjunction")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for finding in super().check(ctx):
            if not ctx.text.startswith(_HE_WORDS, finding.end):
                yield finding


RULES = [
    NarrativeOrdinalPunctuation,
    OrdinalWithDunhao,
    DunhaoBetweenTitles,
    DunhaoBetweenQuotes,
    DunhaoBeforeDeng,
    TitleEndsWithPunctuation,
    DunhaoInApproximation,
    DunhaoBeforeConjunction,
]
