"""Typography slips real published reports contain: range hyphens, mixed ％/%, stray spaces, look-alike glyphs."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from reportlint.diagnostics import Applicability, Edit, Finding, Fix, Severity
from reportlint.rules.base import Rule, RuleContext
from reportlint.text.chars import is_cjk
from reportlint.text.lazyre import lazy

_SPACES = " \t\u3000"
# 2-3家, 4.5-5%, 2011-2020年: a number range joined by a hyphen and followed by a unit or Chinese
# a number range written with a hyphen, before a percent sign or a Chinese word
_RANGE = lazy(r"(?<![A-Za-z0-9./\-])(?<![A-Za-z] )(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)(?=[%％](?![0-9])|[\u4e00-\u9fff])",
              gate=("-",))


# 3~5个: a range joined by the half-width tilde, which belongs to Latin text
_TILDE_RANGE = lazy(r"(?<![A-Za-z0-9./~])(\d+(?:\.\d+)?)~(\d+(?:\.\d+)?)(?=[%％](?![0-9])|[\u4e00-\u9fff])",
                    gate=("~",))
# 9月1日-9月30日, 3月-6月, 2024年-2026年: the start and end of a period joined by a hyphen
_DATE_RANGE = lazy(r"(?<![0-9])(?:(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?|\d{4}年)-"
                   r"(?:\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|(?:\d{1,2}月)?\d{1,2}[月日])",
                   gate=(("月-", "日-", "年-"),))
# a number with a leading zero is an area code or a serial (0871-6358127), not a quantity
_PHONE_AREA = lazy(r"0\d{2,3}")

# a label before the numbers makes them an identifier (图2-1, 表1-2, 附件3-1), not a range
_ID_LABELS = ("图", "表", "式", "附件", "附表", "附图", "条", "款", "编号", "代码", "型号", "号码")


def _is_range(text: str, match: re.Match[str]) -> bool:
    """A range runs upwards (2-3家, 2011-2020年); 5-2号楼, 高一3-2班 and 图2-1 are identifiers."""
    if float(match.group(1)) >= float(match.group(2)) or _PHONE_AREA.fullmatch(match.group(1)):
        return False
    return not text[max(0, match.start() - 3):match.start()].endswith(_ID_LABELS)


# ○ (U+25CB WHITE CIRCLE) among Chinese numerals stands in for 〇 (U+3007); a run of ○ with no
# numeral beside it (由○○科负责) is a mask, PH's business
_NUMERAL_CIRCLE = lazy(r"(?<=[〇零一二三四五六七八九])○+|○+(?=[〇零一二三四五六七八九])")
# 二O二五年, 二0二四年: a Latin letter O or a digit 0 in a year written in Chinese numerals
_LATIN_ZEROS = "OoΟＯ0０"
_YEAR_WITH_LATIN_ZERO = lazy(r"(?<![A-Za-z0-9])[〇零一二三四五六七八九○OoΟＯ0０]{4}(?=年)", gate=("年",))
_LOOKALIKE_QUOTES = {"〝": "“", "〞": "”", "‚": "“", "‛": "”"}
_LOOKALIKE_QUOTE_RE = lazy("[〝〞‚‛]")
_SENTENCE_END = tuple("。！？；…”’）)》：:!?;】」』.")  # a half-width `.` is PU004's


class RangeHyphen(Rule):
    """A number range joined by a hyphen: `2-3家`, `4.5-5%`, `2011-2020年`.

    ## What it does
    Flags a hyphen between two numbers that is followed by a unit or Chinese text, the half-width
    tilde in the same place (`3~5个`), and a hyphen between the start and end of a period
    (`9月1日-9月30日`, `3月-6月`, `2024年-2026年`).

    ## Why is this bad?
    GB/T 15834-2011 4.13 has three 连接号 forms; a range of numbers takes the wave `～`
    (`67%～89%`) or the one-character dash `—`, not the short hyphen, which reads as a minus
    sign or a code (`GB/T 9704-2012`). A warning: in a 公文 the hyphen range is a defect the
    proof-reader marks, although published reports do let it through.

    Left alone: standard numbers (`GB/T 9704-2012`), ISO dates (`2024-03-05`), phone numbers
    (`0871-6358127`), times (`8:30-9:00`) and ranges already written with `～` or `—`.

    ## Example
    ```
    每个县培育2-3家龙头企业。
    ```

    ## Use instead
    ```
    每个县培育2～3家龙头企业。
    ```

    ## Fix safety
    Safe: the wave dash means the same range.
    """

    code = "TY001"
    name = "range-hyphen"
    groups = ("typography",)
    severity = Severity.WARNING
    fixable = Applicability.SAFE
    standard = "GB/T 15834-2011 4.13"
    messages = {"default": ("数值范围“{text}”用了短横线，应使用浪纹线“～”",
                            "number range {text!r} uses a hyphen; use the wave dash ～"),
                "tilde": ("数值范围“{text}”用了半角“~”，应使用浪纹线“～”",
                          "number range {text!r} uses the half-width ~; use the wave dash ～"),
                "period": ("时间起止“{text}”用了短横线，应使用一字线“—”",
                           "period {text!r} is joined by a hyphen; use the dash —")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.text
        hits = [(m.start(), m.end(), m.start(2) - 1, "default", "～")
                for m in _RANGE.finditer(text) if _is_range(text, m)]
        hits += [(m.start(), m.end(), m.start(2) - 1, "tilde", "～")
                 for m in _TILDE_RANGE.finditer(text) if float(m.group(1)) < float(m.group(2))]
        hits += [(m.start(), m.end(), text.index("-", m.start()), "period", "—") for m in _DATE_RANGE.finditer(text)]
        for start, end, hyphen, key, right in sorted(hits):
            fix = Fix.replace(f"改为“{right}”", hyphen, hyphen + 1, right)
            yield ctx.report(start, end, key, fix=fix, text=text[start:end])


class MixedPercentSigns(Rule):
    """Both `%` and the full-width `％` in one document.

    ## What it does
    Counts the two percent signs and reports the first use of the rarer one, with a fix that
    rewrites every rarer sign to the usual one.

    ## Why is this bad?
    GB/T 15835-2011 4.3 asks for one form of the same kind of number throughout a text; a
    mixture shows paragraphs pasted from different sources.

    ## Example
    ```
    增长5.1%。……比上年提高0.6％。
    ```

    ## Use instead
    ```
    增长5.1%。……比上年提高0.6%。
    ```

    ## Fix safety
    Safe: both signs mean the same.
    """

    code = "TY002"
    name = "mixed-percent-signs"
    groups = ("typography",)
    severity = Severity.WARNING
    fixable = Applicability.SAFE
    standard = "GB/T 15835-2011 4.3"
    messages = {"default": ("百分号混用：“%”{half} 处、“％”{full} 处，应统一",
                            "percent signs mixed: {half} '%' and {full} '％'; use one form")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        counts = Counter({sign: ctx.text.count(sign) for sign in "%％"})
        if not (counts["%"] and counts["％"]):
            return
        rare = "％" if counts["％"] <= counts["%"] else "%"
        usual = "%" if rare == "％" else "％"
        positions = [m.start() for m in re.finditer(rare, ctx.text)]
        fix = Fix(f"统一为“{usual}”", tuple(Edit(i, i + 1, usual) for i in positions))
        yield ctx.report(positions[0], positions[0] + 1, fix=fix, half=counts["%"], full=counts["％"])


class SpaceAfterOrdinal(Rule):
    """A space between a heading ordinal and its text: `一、 过去五年工作回顾`.

    ## What it does
    Flags spaces (half- or full-width) typed after `一、`, `（一）`, `1.` or `（1）`.

    ## Why is this bad?
    GB/T 9704-2012 7.3.3 runs the heading text straight on from its ordinal; a space leaves a
    visible gap in the printed outline and misaligns it with the other headings.

    ## Example
    ```
    一、 过去五年工作回顾
    ```

    ## Use instead
    ```
    一、过去五年工作回顾
    ```

    ## Fix safety
    Safe: only the spaces are removed.
    """

    code = "TY003"
    name = "space-after-ordinal"
    groups = ("typography",)
    severity = Severity.WARNING
    fixable = Applicability.SAFE
    standard = "GB/T 9704-2012 7.3.3"
    messages = {"default": ("序号“{marker}”后有多余空格", "stray space after the ordinal {marker!r}")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for heading in ctx.document.headings():
            start = end = heading.marker_span.end
            while end < heading.line.span.end and ctx.text[end] in _SPACES:
                end += 1
            if end > start and end < heading.line.span.end:
                yield ctx.report(start, end, fix=Fix.replace("删除空格", start, end, ""),
                                 marker=heading.marker.strip())


class LookalikeGlyph(Rule):
    """A look-alike character standing in for the right one: `二○三五年` (○ for 〇), `〞` for `”`.

    ## What it does
    Flags the geometric circle ○ (U+25CB) among Chinese numerals, where the numeral zero 〇
    (U+3007) belongs, a Latin `O` or a digit `0` in a year written in Chinese numerals
    (`二O二五年`, `二0二四年`), and the look-alike quotes 〝 〞 ‚ ‛ used for “ ”. A run of ○
    with no numeral beside it (`由○○科负责`) is a mask, left to PH.

    ## Why is this bad?
    The characters look alike on screen but are different: search, sorting, screen readers and
    fonts treat them differently, and in print ○ is often drawn larger than the numerals beside it.

    ## Example
    ```
    到二○三五年基本实现现代化。
    ```

    ## Use instead
    ```
    到二〇三五年基本实现现代化。
    ```

    ## Fix safety
    Safe: the replacement is the character the text means.
    """

    code = "TY004"
    name = "lookalike-glyph"
    groups = ("typography",)
    severity = Severity.WARNING
    fixable = Applicability.SAFE
    standard = "GB/T 15835-2011 4.2"
    messages = {"default": ("“{text}”是形近字符，应为“{right}”",
                            "{text!r} is a look-alike character; use {right!r}")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.text
        hits = [(at, "〇") for m in _NUMERAL_CIRCLE.finditer(text) for at in range(m.start(), m.end())] \
            if "○" in text else []
        if any(zero + "年" in text or zero + "二" in text for zero in _LATIN_ZEROS):
            for m in _YEAR_WITH_LATIN_ZERO.finditer(text):
                run = m.group()
                if any(c in "一二三四五六七八九" for c in run):
                    hits += [(m.start() + i, "〇") for i, c in enumerate(run) if c in _LATIN_ZEROS]
        if any(quote in text for quote in _LOOKALIKE_QUOTES):
            hits += [(m.start(), _LOOKALIKE_QUOTES[m.group()])
                     for m in _LOOKALIKE_QUOTE_RE.finditer(text) if _next_to_cjk(text, m.start())]
        for pos, right in sorted(hits):
            yield ctx.report(pos, pos + 1, fix=Fix.replace(f"改为“{right}”", pos, pos + 1, right),
                             text=ctx.text[pos], right=right)


def _next_to_cjk(text: str, i: int) -> bool:
    return (i > 0 and is_cjk(text[i - 1])) or (i + 1 < len(text) and is_cjk(text[i + 1]))


# a field of a 纪要 or a notice (出席：…，…同志; 联系人：…，电话…): a list, not a sentence
_FIELD_LINE = lazy(r"(?:出席|列席|缺席|请假|参加|参会|与会|主持|记录|时间|地点|联系人|联系电话|联系方式|报送方式)"
                   r"(?:人员|人|单位|同志|领导)?[：:]")


class MissingFinalPunctuation(Rule):
    """A body paragraph that stops without its closing punctuation.

    ## What it does
    Flags a paragraph of running text (it contains a comma) that does not end in `。`, `！`,
    `？`, `；`, `：`, `……` or a closing quote or bracket (a half-width `.` is PU004's). Titles,
    headings and the signature block are not paragraphs and are never flagged, nor are the
    fields of a 纪要 or a notice
    (`列席：县委办公室、…，县政府办公室…负责同志`, `联系人：…，电话：…`).

    ## Why is this bad?
    The sentence reads as cut off: often the end of the paragraph was lost when the text was
    copied from a web page, or the full stop was deleted by accident.

    ## Example
    ```
    现在，我代表市政府，向大会报告工作，请予审议
    ```

    ## Use instead
    ```
    现在，我代表市政府，向大会报告工作，请予审议。
    ```

    ## Fix safety
    Unsafe: the paragraph may have lost more than its full stop; a reader should look.
    """

    code = "TY005"
    name = "missing-final-punctuation"
    groups = ("typography",)
    severity = Severity.WARNING
    fixable = Applicability.UNSAFE
    messages = {"default": ("段落末尾缺少标点（“…{tail}”）", "paragraph ends without punctuation ('…{tail}')")}
    MIN_LENGTH = 20

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for paragraph in ctx.document.paragraphs():
            text = paragraph.text
            if len(text) < self.MIN_LENGTH or not ("，" in text or "," in text) or text.endswith(_SENTENCE_END):
                continue
            if _FIELD_LINE.match(text):
                continue
            end = paragraph.span.end
            fix = Fix.replace("补上句号", end, end, "。", Applicability.UNSAFE)
            yield ctx.report(end - 1, end, fix=fix, tail=text[-8:])


_FULL_WIDTH_ALNUM = lazy("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+(?:[\uff0e.][\uff10-\uff19]+)*")
_FULL_WIDTH_GATE = tuple(chr(c) for c in range(0xFF10, 0xFF1A))


def _to_half(run: str) -> str:
    return "".join(chr(ord(c) - 0xFEE0) if "\uff01" <= c <= "\uff5e" else c for c in run)


class FullWidthAlphanumeric(Rule):
    """Full-width digits or Latin letters: `２０２３年`, `增长５．２%`, `ＧＤＰ`.

    ## What it does
    Flags runs of full-width digits `０`–`９` and Latin letters `Ａ`–`Ｚ`, `ａ`–`ｚ`. Left alone:
    `Ｘ`/`ｘ` runs, which are template masks (the placeholders family reports them), and the
    full-width `％` (TY002 checks that one sign is used throughout).

    ## Why is this bad?
    Arabic numerals and Latin letters in Chinese text are half-width (GB/T 15835-2011); the
    full-width forms come from an input method left in full-width mode, look spaced out, and
    defeat search and sums.

    ## Example
    ```
    ２０２３年全县ＧＤＰ增长５.２%。
    ```

    ## Use instead
    ```
    2023年全县GDP增长5.2%。
    ```

    ## Fix safety
    Safe: each character becomes its half-width form.
    """

    code = "TY006"
    name = "full-width-alphanumeric"
    groups = ("typography",)
    severity = Severity.WARNING
    fixable = Applicability.SAFE
    standard = "GB/T 15835-2011 4.1"
    messages = {"default": ("“{text}”使用了全角数字或字母，应为“{right}”",
                            "full-width digits or letters {text!r}; write {right!r}")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.text
        if not any(c in text for c in _FULL_WIDTH_GATE) and not _FULL_WIDTH_LETTER.search(text):
            return
        for m in _FULL_WIDTH_ALNUM.finditer(text):
            run = m.group()
            if set(run) <= {"Ｘ", "ｘ"}:
                continue
            start, end = m.span()
            # a full-width point between full-width digits goes with them (５．２)
            right = _to_half(run)
            yield ctx.report(start, end, fix=Fix.replace("改为半角", start, end, right),
                             text=run, right=right)


_FULL_WIDTH_LETTER = lazy("[\uff21-\uff5a]")  # a regex scan: a Python loop over every character cost ~0.5 ms a report
_STRAY_SPACE = lazy("(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff，。、；：？！])"
                    "|(?<=、)[ \u3000]+(?=[\u4e00-\u9fff])")
# a number parted from the unit or word after it (`新增泊位 1200 个`, `检查8 次`, `70% 以上`); the
# space before it, if any, goes with it
_SPACED_NUMBER = lazy("(?<=[\u4e00-\u9fff，、；：（])[ \u3000]*[0-9]+(?:\\.[0-9]+)?[%％]?[ \u3000]+(?=[\u4e00-\u9fff])")
_NUMBER = lazy("[0-9]+(?:\\.[0-9]+)?[%％]?")
# the last character of a unit or a post that a person's name follows (`农业农村股　吴丽`, `省长 李强`)
_NAME_AFTER = "股科室处局委办部厅院所站队组会长任记员人师理书官总"


class StraySpace(Rule):
    """A stray space inside running Chinese text: `以工作计 划为依据`, `最为常见 。`, `安全、 卫生`.

    ## What it does
    Flags spaces (half- or full-width) between two Chinese characters, before a Chinese mark
    (`，。、；：？！`), or after a 顿号, on a line of running text (one that holds a comma or a
    full stop); and a space between a number and the Chinese word or unit after it
    (`新增泊位 1200 个`, `检查8 次`, `70% 以上`), with the space before the number if any.
    Left alone: title, name and signature lines (`上海市市长 龚 正`,
    `政 府 工 作 报 告`), slogans in quotes (`“好客山东 好品山东”`) and titles in 《》, a space
    between Chinese and Latin or before a number (that is a style choice), the space after a heading
    ordinal (TY003) and the full-width space after the article label that opens a rule of a
    regulation (`第三条　本办法所称…`, `第二章　职责`), as laws and rules are set.

    ## Why is this bad?
    Chinese text has no spaces between words; a space in the middle of a word is residue of a
    PDF line wrap or a deleted character and splits the word for search and for the reader.

    ## Example
    ```
    以工作计 划为依据，认真抓好落实 。
    ```

    ## Use instead
    ```
    以工作计划为依据，认真抓好落实。
    ```

    ## Fix safety
    Safe: the spaces are deleted.
    """

    code = "TY007"
    name = "stray-space"
    groups = ("typography",)
    severity = Severity.WARNING
    fixable = Applicability.SAFE
    messages = {"default": ("中文之间有多余空格（“{context}”）", "stray space in Chinese text ('{context}')"),
                "number": ("数字与前后汉字之间有多余空格（“{context}”）",
                           "stray space around a number in Chinese text ('{context}')")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for line in ctx.document.lines:
            body = line.text
            if not (" " in body or "\u3000" in body) or not ("，" in body or "。" in body):
                continue
            stripped = body.strip(_SPACES)
            if not stripped:
                continue
            lead = len(body) - len(body.lstrip(_SPACES))
            depth = _quote_depth_map(body)
            for m in _STRAY_SPACE.finditer(body, lead):
                s, e = m.span()
                if depth[s] or _after_marker(body, s) or _name_after_unit(body, s, e):
                    continue
                pos, end = line.span.start + s, line.span.start + e
                context = body[max(0, s - 4):e + 4]
                yield ctx.report(pos, end, fix=Fix.replace("删除多余空格", pos, end, ""), context=context)
            if any(c.isdigit() for c in body):
                yield from self._spaced_numbers(ctx, line.span.start, body, lead, depth)

    def _spaced_numbers(self, ctx: RuleContext, offset: int, body: str, lead: int,
                        depth: list[int]) -> Iterator[Finding]:
        for m in _SPACED_NUMBER.finditer(body, lead):
            s, e = m.span()
            if depth[s] or _after_marker(body, s):
                continue
            number = _NUMBER.search(m.group())
            assert number is not None
            pos, end = offset + s, offset + e
            context = body[max(0, s - 4):e + 4]
            yield ctx.report(pos, end, "number", fix=Fix.replace("删除多余空格", pos, end, number.group()),
                             context=context)


def _name_after_unit(body: str, space: int, at: int) -> bool:
    """A short name after a unit (`农业农村股　吴丽，`, `省长 李强`): a contact or signature, not
    a word parted from the verb before it (`加装 电梯，`)."""
    if body[space - 1:space] not in _NAME_AFTER:
        return False
    end = at
    while end < len(body) and "\u4e00" <= body[end] <= "\u9fff":
        end += 1
    return 0 < end - at <= 3 and (end == len(body) or not ("\u4e00" <= body[end] <= "\u9fff"))


def _after_marker(body: str, at: int) -> bool:
    """The space follows a heading ordinal (`一、 过去五年`: TY003's business) or opens an article
    of rules (`第三条　本办法所称…`, `第二章　职责`: regulations set one full-width space there)."""
    head = body[:at].strip(_SPACES)
    return (len(head) <= 5 and head.endswith(("、", "）", ")", "."))) or bool(_ARTICLE_LABEL.fullmatch(head))


_ARTICLE_LABEL = lazy(r"第[〇零一二两三四五六七八九十百千0-9]{1,7}[编章节条款]")


def _quote_depth_map(body: str) -> list[int]:
    """How many “ or 《 are open at each offset of the line (slogans and titles keep spaces)."""
    depths: list[int] = []
    depth = 0
    for ch in body:
        if ch in "”》" and depth:
            depth -= 1
        depths.append(depth)
        if ch in "“《":
            depth += 1
    return depths


_DOUBLED = lazy("[，。、；：]{2,}")


class DoubledPunctuation(Rule):
    """Two punctuation marks where one belongs: `。。`, `，，`, `、、`, `，。`.

    ## What it does
    Flags runs of two or more of `，。、；：`. Left alone: `……` and `——`, which are one mark
    written with two characters, and a mark next to a quote or bracket (`。”`, `）。`).

    ## Why is this bad?
    A sentence takes one mark at each pause (GB/T 15834-2011 4); a doubled mark is a typing slip
    or the trace of an edit that deleted the words between two marks.

    ## Example
    ```
    全年完成投资12亿元。。同比增长8%，，超额完成任务。
    ```

    ## Use instead
    ```
    全年完成投资12亿元。同比增长8%，超额完成任务。
    ```

    ## Fix safety
    Safe when the marks are the same (one is kept); otherwise unsafe (the last is kept, but the
    words between them may be what was lost).
    """

    code = "TY008"
    name = "doubled-punctuation"
    groups = ("typography",)
    severity = Severity.WARNING
    fixable = Applicability.SAFE
    standard = "GB/T 15834-2011 4"
    messages = {"default": ("标点重复：“{text}”", "doubled punctuation {text!r}")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.text
        if not any(a + b in text for a in "，。、；：" for b in "，。、；："):
            return
        for m in _DOUBLED.finditer(text):
            run = m.group()
            s, e = m.span()
            # `,，，`, `;，，` and `，，,`: a half-width mark next to the run (PU001 widens it)
            # belongs to the run, or the run's fix would leave `；，` behind
            while s and text[s - 1] in _HALF_OF:
                s, run = s - 1, _HALF_OF[text[s - 1]] + run
            while e < len(text) and text[e] in _HALF_OF:
                e, run = e + 1, run + _HALF_OF[text[e]]
            if len(run) >= 3 and set(run) == {"。"}:
                continue  # an ellipsis typed as 。。。: TY009
            same = len(set(run)) == 1
            fix = Fix.replace("删除重复的标点", s, e, run[-1],
                              Applicability.SAFE if same else Applicability.UNSAFE)
            yield ctx.report(s, e, fix=fix, text=text[s:e])


_HALF_OF = {",": "，", ";": "；", ":": "："}  # half-width marks PU001 turns into these
_ELLIPSIS = lazy("。{3,}|(?<=[\u4e00-\u9fff，。”])(?:\\.{3,}|···+|⋯+)|(?<!…)…(?!…)")


class EllipsisForm(Rule):
    """An ellipsis in the wrong form: `。。。`, `...`, `···`, a single `…`.

    ## What it does
    Flags an ellipsis written as three or more `。`, as ASCII dots or middle dots after Chinese
    text, as `⋯`, or as a single `…`. Left alone: `……` (the right form), dots in numbers,
    URLs and English text, and `——`.

    ## Why is this bad?
    The Chinese ellipsis is `……`, two `…` filling two character cells (GB/T 15834-2011 4.11).

    ## Example
    ```
    开展了植树、清扫、慰问。。。等一系列活动。
    ```

    ## Use instead
    ```
    开展了植树、清扫、慰问……等一系列活动。
    ```

    ## Fix safety
    Safe: the marks become `……`.
    """

    code = "TY009"
    name = "ellipsis-form"
    groups = ("typography",)
    severity = Severity.WARNING
    fixable = Applicability.SAFE
    standard = "GB/T 15834-2011 4.11"
    messages = {"default": ("省略号写法不规范：“{text}”，应为“……”", "ellipsis written as {text!r}; use '……'")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.text
        if not ("。。。" in text or "..." in text or "··" in text or "⋯" in text or "…" in text):
            return
        for m in _ELLIPSIS.finditer(text):
            s, e = m.span()
            yield ctx.report(s, e, fix=Fix.replace("改为“……”", s, e, "……"), text=m.group())


RULES = [RangeHyphen, MixedPercentSigns, SpaceAfterOrdinal, LookalikeGlyph, MissingFinalPunctuation,
         FullWidthAlphanumeric, StraySpace, DoubledPunctuation, EllipsisForm]
