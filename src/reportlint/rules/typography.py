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
_RANGE_GATE = lazy(r"\d-\d")
# What follows the range is checked in Python (see _ranges): a CJK class costs ~1 ms to compile.
_RANGE = lazy(r"(?<![A-Za-z0-9./\-])(?<![A-Za-z] )(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)")


def _ranges(text: str) -> Iterator[re.Match[str]]:
    r"""The matches of ``_RANGE`` + ``(?=[%％](?![0-9])|[\u4e00-\u9fff])``.

    The numbers cannot give back digits to satisfy that lookahead (a shorter number is followed
    by a digit or a point), so a match it rejects is no match at that start: look on from the
    next character.
    """
    if not _RANGE_GATE.search(text):
        return
    at = 0
    while match := _RANGE.search(text, at):
        end = match.end()
        after, then = text[end:end + 1], text[end + 1:end + 2]
        han = after != "" and "\u4e00" <= after <= "\u9fff"
        if han or (after in ("%", "％") and not "0" <= then <= "9"):
            yield match
            at = end
        else:
            at = match.start() + 1


# ○ (U+25CB WHITE CIRCLE) among Chinese numerals stands in for 〇 (U+3007)
_NUMERAL_CIRCLE = lazy(r"(?<=[〇零一二三四五六七八九○])○|○(?=[〇零一二三四五六七八九○])")
_LOOKALIKE_QUOTES = {"〝": "“", "〞": "”", "‚": "“", "‛": "”"}
_LOOKALIKE_QUOTE_RE = lazy("[〝〞‚‛]")
_SENTENCE_END = tuple("。！？；…”’）)》：:!?;】」』")


class RangeHyphen(Rule):
    """A number range joined by a hyphen: `2-3家`, `4.5-5%`, `2011-2020年`.

    ## What it does
    Flags a hyphen between two numbers that is followed by a unit or Chinese text.

    ## Why is this bad?
    GB/T 15834-2011 4.13 has three 连接号 forms; a range of numbers takes the wave `～`
    (`67%～89%`) or the one-character dash `—`, not the short hyphen, which reads as a minus
    sign or a code (`GB/T 9704-2012`). Published reports do write the hyphen, so this is
    reported as information only.

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
    severity = Severity.INFO
    fixable = Applicability.SAFE
    standard = "GB/T 15834-2011 4.13"
    messages = {"default": ("数值范围“{text}”用了短横线，应使用浪纹线“～”",
                            "number range {text!r} uses a hyphen; use the wave dash ～")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for m in _ranges(ctx.text):
            hyphen = m.start(2) - 1
            fix = Fix.replace("改为浪纹线“～”", hyphen, hyphen + 1, "～")
            yield ctx.report(m.start(), m.end(), fix=fix, text=m.group(0))


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
    severity = Severity.INFO
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
    severity = Severity.INFO
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
    (U+3007) belongs, and the look-alike quotes 〝 〞 ‚ ‛ used for “ ”.

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
        hits = [(m.start(), "〇") for m in _NUMERAL_CIRCLE.finditer(text)] if "○" in text else []
        if any(quote in text for quote in _LOOKALIKE_QUOTES):
            hits += [(m.start(), _LOOKALIKE_QUOTES[m.group()])
                     for m in _LOOKALIKE_QUOTE_RE.finditer(text) if _next_to_cjk(text, m.start())]
        for pos, right in sorted(hits):
            yield ctx.report(pos, pos + 1, fix=Fix.replace(f"改为“{right}”", pos, pos + 1, right),
                             text=ctx.text[pos], right=right)


def _next_to_cjk(text: str, i: int) -> bool:
    return (i > 0 and is_cjk(text[i - 1])) or (i + 1 < len(text) and is_cjk(text[i + 1]))


class MissingFinalPunctuation(Rule):
    """A body paragraph that stops without its closing punctuation.

    ## What it does
    Flags a paragraph of running text (it contains a comma) that does not end in `。`, `！`,
    `？`, `；`, `：`, `……` or a closing quote or bracket. Titles, headings and the signature
    block are not paragraphs and are never flagged.

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
            end = paragraph.span.end
            fix = Fix.replace("补上句号", end, end, "。", Applicability.UNSAFE)
            yield ctx.report(end - 1, end, fix=fix, tail=text[-8:])


RULES = [RangeHyphen, MixedPercentSigns, SpaceAfterOrdinal, LookalikeGlyph, MissingFinalPunctuation]
