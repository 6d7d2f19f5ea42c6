"""Half-width punctuation, parentheses and straight quotes inside Chinese text (GB/T 15834-2011)."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Applicability, Edit, Finding, Fix, Severity
from reportlint.model import Line
from reportlint.rules.base import Rule, RuleContext, SpanSet
from reportlint.text.chars import PINYIN_SYLLABLE, TONE_MARKS, is_latin, is_lost_character, is_zh
from reportlint.text.lazyre import lazy

FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_URL = lazy(
    r"(?:https?|ftp)://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+|www\.[A-Za-z0-9\-._~/?#&=%]+"
    r"|[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+|&#?[A-Za-z0-9]+;"
)
_URL_TAIL = ".,;:?!)"
_URL_PARTS = ("://", "www.", "@", "&")  # every match of _URL holds one of these
# a pinyin syllable with a tone mark: `(jié)` after a character is residue (ZH004), not a note
_PINYIN = lazy(PINYIN_SYLLABLE)
_DOC_NUMBER_YEAR = lazy(r"\d+号")
_YEAR_DIGITS = lazy(r"(?:19|20)\d\d")
_HALF_MARKS = lazy("[,;:?!]")
_SPACES = " \t\u3000"
# `1,本年度工作` at a line start: the ordinal wants `1.` (a heading rule's business), not `1，`
_LIST_ORDINAL = lazy(r"[ \t\u3000]*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})")
_ORDINAL_ENDS = frozenset("0123456789一二三四五六七八九十")  # the last character of any such ordinal


def protected_spans(line: str) -> list[tuple[int, int]]:
    """URLs and e-mail addresses, where ASCII punctuation belongs."""
    spans: list[tuple[int, int]] = []
    if not any(part in line for part in _URL_PARTS):
        return spans
    for m in _URL.finditer(line):
        end = m.end()
        while end > m.start() and line[end - 1] in _URL_TAIL:
            end -= 1
        spans.append((m.start(), end))
    return spans


def marker_offsets(ctx: RuleContext) -> SpanSet:
    """Every offset inside a heading ordinal: a binary search per mark, not a scan of all headings."""
    def compute() -> SpanSet:
        return SpanSet(ctx.heading_marker_spans())

    return ctx.shared("heading-marker-offsets", compute)


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _chinese_side(body: str, i: int, step: int) -> bool:
    """No English word on this side of ``body[i]``: a Latin run embedded in Chinese (`OA系统`,
    `xx县局`) does not count, a word set off by spaces (`Safety First, `) does."""
    j = i + step
    while 0 <= j < len(body) and body[j] in _SPACES:
        j += step
    if not (0 <= j < len(body)) or not is_latin(body[j]):
        return True
    while 0 <= j < len(body) and (is_latin(body[j]) or body[j].isdigit()):
        j += step
    return 0 <= j < len(body) and is_zh(body[j])


class Occurrence:
    """One half-width mark to report; ``edit`` rewrites it (and the spaces it swallows).

    ``clear``: Chinese on the Chinese side and no Latin word on the other, so the fix is safe.
    """

    __slots__ = ("start", "end", "edit", "clear")

    def __init__(self, start: int, end: int, edit: Edit, clear: bool) -> None:
        self.start, self.end, self.edit, self.clear = start, end, edit, clear


def _finding(ctx: RuleContext, occ: list[Occurrence], title: str, marks: str) -> Finding:
    applicability = Applicability.SAFE if all(o.clear for o in occ) else Applicability.UNSAFE
    fix = Fix(title, tuple(o.edit for o in occ), applicability)
    return ctx.report(occ[0].start, occ[-1].end, fix=fix, marks=marks, count=len(occ))


class HalfwidthPunctuation(Rule):
    """Half-width `, ; : ? !` inside Chinese text.

    ## What it does
    Flags ASCII commas, semicolons, colons, question and exclamation marks next to Chinese text.
    Numbers (`1,000`, `8:30`, `1:0.6`), URLs, e-mail addresses and English phrases keep their
    ASCII marks. All the marks of one line are reported together as one finding whose fix
    rewrites every one of them.

    ## Why is this bad?
    GB/T 15834-2011 gives Chinese text full-width marks; a half-width comma is narrower, sits
    wrongly on the line and shows that the text was typed with an English input method or
    pasted from a web page.

    ## Example
    ```
    过去的一年,在县委、县政府的正确领导下,我局取得了一定的成效。现总结如下:
    ```

    ## Use instead
    ```
    过去的一年，在县委、县政府的正确领导下，我局取得了一定的成效。现总结如下：
    ```

    ## Fix safety
    Safe when the mark sits in Chinese text (spaces typed after it are removed), also next to
    Latin letters embedded in Chinese (`OA系统`); unsafe next to an English word set off by
    spaces, since the sentence may be English, and after a list ordinal (`1,本年度`), which
    wants `1.` rather than `1，`.
    """

    code = "PU001"
    name = "halfwidth-punctuation"
    groups = ("punctuation",)
    severity = Severity.WARNING
    fixable = Applicability.SAFE
    standard = "GB/T 15834-2011 4"
    messages = {
        "default": (
            "中文语境中使用了半角标点“{marks}”（本行 {count} 处），应使用全角标点",
            "half-width punctuation {marks!r} in Chinese text ({count} on this line); "
            "use full-width marks",
        )
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        markers = marker_offsets(ctx)
        for line in ctx.document.lines:
            occ = list(self._occurrences(ctx.text, line, markers))
            if occ:
                marks = "".join(dict.fromkeys(ctx.text[o.start] for o in occ))
                yield _finding(ctx, occ, "改为全角标点", marks)

    def _occurrences(
        self, text: str, line: Line, markers: SpanSet
    ) -> Iterator[Occurrence]:
        body, base = line.text, line.span.start
        if not _HALF_MARKS.search(body):
            return
        protected = protected_spans(body)
        size = len(body)
        for mark in _HALF_MARKS.finditer(body):
            i, ch = mark.start(), mark.group()
            if (protected and _inside(i, protected)) or base + i in markers:
                continue
            if ch == "?" and is_lost_character(text, base + i):
                continue
            before, after = i - 1, i + 1  # the nearest non-space characters (the walk inlined)
            while before >= 0 and body[before] in _SPACES:
                before -= 1
            while after < size and body[after] in _SPACES:
                after += 1
            prev = body[before] if before >= 0 else None
            nxt = body[after] if after < size else None
            zh_prev, zh_next = is_zh(prev), is_zh(nxt)
            if not (zh_prev or zh_next) or (prev and prev in "<&" and ch in "!;"):
                continue
            if (
                ch in ",:"
                and prev is not None
                and nxt is not None
                and prev.isdigit()
                and nxt.isdigit()
            ):
                continue
            start = before + 1 if zh_prev else i  # the spaces on the Chinese side go too
            end = after if zh_next else i + 1
            # _chinese_side is True at once unless a Latin letter is the neighbour
            clear = (
                (not is_latin(prev) or _chinese_side(body, i, -1))
                and (not is_latin(nxt) or _chinese_side(body, i, 1))
                and not (ch in ",:" and body[i - 1:i] in _ORDINAL_ENDS
                         and _LIST_ORDINAL.fullmatch(body, 0, i))
            )
            yield Occurrence(
                base + i, base + i + 1, Edit(base + start, base + end, FULL_WIDTH[ch]), clear
            )


class HalfwidthParentheses(Rule):
    """Half-width parentheses `( )` inside Chinese text.

    ## What it does
    Flags ASCII parentheses that enclose Chinese text or touch it, e.g. `(综合高中)` or
    `组织(WTO)`. Heading ordinals such as `(一)` are left to the heading rules, pinyin residue
    such as `總結(jié)` to ZH004, and `()` around a 发文字号 year to the document-number rules.
    All the parentheses of one line are one finding.

    ## Why is this bad?
    Chinese text takes full-width parentheses （）. Half-width ones are narrower than the
    characters around them and mark the text as typed with an English input method.

    ## Example
    ```
    对全县7091名普通高中(综合高中)应届毕业生进行综合素质评价。
    ```

    ## Use instead
    ```
    对全县7091名普通高中（综合高中）应届毕业生进行综合素质评价。
    ```

    ## Fix safety
    Safe when the parentheses hold Chinese or touch it and hold no English phrase with spaces;
    unsafe otherwise.
    """

    code = "PU002"
    name = "halfwidth-parentheses"
    groups = ("punctuation",)
    severity = Severity.WARNING
    fixable = Applicability.SAFE
    standard = "GB/T 15834-2011 4.9"
    messages = {
        "default": (
            "中文语境中使用了半角括号（本行 {count} 处），应使用全角括号“（）”",
            "half-width parentheses in Chinese text ({count} on this line); use full-width （）",
        )
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        markers = marker_offsets(ctx)
        for line in ctx.document.lines:
            if "(" not in line.text and ")" not in line.text:
                continue
            occ = sorted(self._occurrences(line, markers), key=lambda o: o.start)
            if occ:
                yield _finding(ctx, occ, "改为全角括号", "()")

    def _occurrences(self, line: Line, markers: SpanSet) -> Iterator[Occurrence]:
        body, base = line.text, line.span.start
        protected = protected_spans(body)

        def mark(pos: int, clear: bool) -> Occurrence:
            return Occurrence(
                base + pos,
                base + pos + 1,
                Edit(base + pos, base + pos + 1, FULL_WIDTH[body[pos]]),
                clear,
            )

        for open_at, close_at in _paren_pairs(body):
            spots = [p for p in (open_at, close_at) if p is not None]
            if any(_inside(p, protected) or base + p in markers for p in spots):
                continue
            if open_at is None or close_at is None:  # a lone mark: judge by what touches it
                (pos,) = spots
                if is_zh(_at(body, pos - 1)) or is_zh(_at(body, pos + 1)):
                    yield mark(pos, True)
                continue
            inner = body[open_at + 1 : close_at]
            if self._left_to_others(body, inner, close_at):
                continue
            has_zh = any(is_zh(c) for c in inner)
            if has_zh or is_zh(_at(body, open_at - 1)) or is_zh(_at(body, close_at + 1)):
                clear = has_zh or " " not in inner.strip()
                yield mark(open_at, clear)
                yield mark(close_at, clear)

    @staticmethod
    def _left_to_others(body: str, inner: str, close_at: int) -> bool:
        """Empty brackets (PH006), pinyin residue (ZH004) and a 发文字号 year (DN) say more."""
        if not inner.strip() or (_has_tone_mark(inner) and _PINYIN.fullmatch(inner)):
            return True
        year = _YEAR_DIGITS.fullmatch(inner)
        return bool(year) and bool(_DOC_NUMBER_YEAR.match(body, close_at + 1))


def _has_tone_mark(text: str) -> bool:
    """Every pinyin syllable holds one: most brackets do not, and the pattern is not needed."""
    return any(mark in text for mark in TONE_MARKS)


def _at(body: str, pos: int) -> str | None:
    return body[pos] if 0 <= pos < len(body) else None


def _paren_pairs(body: str) -> Iterator[tuple[int | None, int | None]]:
    """ASCII parentheses matched on one line; a lone mark comes with None for its partner."""
    stack: list[int] = []
    for i, ch in enumerate(body):
        if ch == "(":
            stack.append(i)
        elif ch == ")":
            yield (stack.pop() if stack else None), i
    for i in stack:
        yield i, None


class StraightQuotes(Rule):
    """Straight ASCII quotes `"…"` around Chinese text.

    ## What it does
    Flags ASCII double quotes on a line when they enclose or touch Chinese text, e.g.
    `加强"三河三湖"等重点流域治理`. All the quotes of one line are one finding; when the line
    has an even number of them, the fix turns each pair into “ ”.

    ## Why is this bad?
    Chinese text takes the curly quotes “ ” (GB/T 15834-2011 4.8). Straight quotes come from an
    English keyboard or a plain-text export and cannot show which quote opens and which closes.

    ## Example
    ```
    加强"三河三湖"等重点流域水污染防治。
    ```

    ## Use instead
    ```
    加强“三河三湖”等重点流域水污染防治。
    ```

    ## Fix safety
    Safe when the quotes on the line pair up; no fix when their number is odd, because then it
    is not certain which one opens.
    """

    code = "PU003"
    name = "straight-quotes"
    groups = ("punctuation",)
    severity = Severity.WARNING
    fixable = Applicability.SAFE
    standard = "GB/T 15834-2011 4.8"
    messages = {
        "default": (
            "中文语境中使用了半角引号（本行 {count} 处），应使用“”",
            "straight quotes in Chinese text ({count} on this line); use “ ”",
        )
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for line in ctx.document.lines:
            if '"' not in line.text:
                continue
            body, base = line.text, line.span.start
            protected = protected_spans(body)
            spots = [
                i
                for i, ch in enumerate(body)
                if ch == '"' and not _inside(i, protected) and not (i and body[i - 1] == "=")
            ]
            if len(spots) % 2 == 0:
                occ = self._pairs(body, base, spots)
                if occ:
                    yield _finding(ctx, occ, "改为中文引号", '"')
                continue
            lone = [
                i
                for i in spots
                if is_zh(body[i - 1] if i else None)
                or is_zh(body[i + 1] if i + 1 < len(body) else None)
            ]
            if lone:
                yield ctx.report(base + lone[0], base + lone[-1] + 1, marks='"', count=len(lone))

    @staticmethod
    def _pairs(body: str, base: int, spots: list[int]) -> list[Occurrence]:
        occ: list[Occurrence] = []
        for a, b in zip(spots[::2], spots[1::2], strict=True):
            before = body[a - 1] if a else None
            after = body[b + 1] if b + 1 < len(body) else None
            if any(is_zh(c) for c in body[a + 1 : b]) or is_zh(before) or is_zh(after):
                occ.append(
                    Occurrence(base + a, base + a + 1, Edit(base + a, base + a + 1, "“"), True)
                )
                occ.append(
                    Occurrence(base + b, base + b + 1, Edit(base + b, base + b + 1, "”"), True)
                )
        return occ


def _is_han(ch: str | None) -> bool:
    return ch is not None and ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf")


def code_spans(line: str) -> list[tuple[int, int]]:
    """Inline code between backticks (`config.yaml`), where ASCII marks belong."""
    spans: list[tuple[int, int]] = []
    at = line.find("`")
    while at != -1:
        close = line.find("`", at + 1)
        if close == -1:
            break
        spans.append((at, close + 1))
        at = line.find("`", close + 1)
    return spans


_CLOSING_ZH = "”’）》】」』"
_ZH_ORDINAL = lazy(r"[ \t\u3000]*[一二三四五六七八九十]{1,3}")


class HalfwidthFullStop(Rule):
    """A half-width `.` ending a Chinese sentence.

    ## What it does
    Flags an ASCII full stop right after a Chinese character (or after a closing mark such as
    ” ） 》 that follows one) when what comes next ends the sentence: the line end, spaces, or
    the next Chinese sentence. Left alone: decimals and version numbers (`3.5`, `V2.1.0`),
    English words and abbreviations (`App.`, `etc.`), URLs and e-mail addresses
    (`www.gov.cn`), inline code (`` `config.yaml` ``), ellipses typed as dots (`...`), and a
    Chinese ordinal before a dot (`一.`), which is the headings family's business.

    ## Why is this bad?
    A Chinese sentence ends with the full-width 句号 “。” (GB/T 15834-2011 4.1); a small dot
    is easy to miss and shows that the text was typed with an English input method.

    ## Example
    ```
    全年完成植树造林1.2万亩.新建公园3个.
    ```

    ## Use instead
    ```
    全年完成植树造林1.2万亩。新建公园3个。
    ```

    ## Fix safety
    Safe: the dot becomes “。” and the spaces typed after it inside the line go.
    """

    code = "PU004"
    name = "halfwidth-full-stop"
    groups = ("punctuation",)
    severity = Severity.WARNING
    fixable = Applicability.SAFE
    standard = "GB/T 15834-2011 4.1"
    messages = {
        "default": ("中文句末使用了半角句点“.”（本行 {count} 处），应使用“。”",
                    "half-width '.' ends a Chinese sentence ({count} on this line); use '。'"),
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        markers = marker_offsets(ctx)
        for line in ctx.document.lines:
            body, base = line.text, line.span.start
            if "." not in body:
                continue
            occ = [o for o in self._occurrences(body, base, markers)]
            if occ:
                yield _finding(ctx, occ, "改为句号", ".")

    @staticmethod
    def _occurrences(body: str, base: int, markers: SpanSet) -> Iterator[Occurrence]:
        protected: list[tuple[int, int]] | None = None
        size = len(body)
        at = body.find(".")
        while at != -1:
            i, at = at, body.find(".", at + 1)
            if base + i in markers or body[i + 1:i + 2] == "." or body[i - 1:i] == ".":
                continue  # ellipsis typed as dots, or a heading ordinal
            prev = body[i - 1] if i else None
            if prev is not None and prev in _CLOSING_ZH and i >= 2:
                prev = body[i - 2]
            if not _is_han(prev):
                continue
            after = i + 1
            while after < size and body[after] in _SPACES:
                after += 1
            nxt = body[after] if after < size else None
            if nxt is not None and not (is_zh(nxt) or nxt in "“‘"):
                continue  # a Latin letter or digit follows: a name or a number (中.美 is rare)
            if body[i - 1:i] in _ORDINAL_ENDS and _ZH_ORDINAL.fullmatch(body, 0, i):
                continue
            if protected is None:
                protected = protected_spans(body) + code_spans(body)
            if protected and _inside(i, protected):
                continue
            end = after if nxt is not None else i + 1
            yield Occurrence(base + i, base + i + 1, Edit(base + i, base + end, "。"), True)


class StraightSingleQuotes(Rule):
    """ASCII single quotes `'…'` around Chinese text.

    ## What it does
    Flags pairs of ASCII apostrophes on a line that enclose or touch Chinese text, e.g.
    `开展'三抓三促'行动`. Left alone: apostrophes in English (`China's`, `'90s`), quotes in
    URLs, inline code (`` `'a'` ``) and HTML attributes (`class='note'`). A line with an odd
    number of them gets a finding but no fix.

    ## Why is this bad?
    Chinese text takes the curly marks: “ ” for a quotation, ‘ ’ only for a quotation inside
    one (GB/T 15834-2011 4.8). Straight apostrophes come from an English keyboard.

    ## Example
    ```
    深入开展'三抓三促'行动，落实“我为群众办实事'微心愿'”活动。
    ```

    ## Use instead
    ```
    深入开展“三抓三促”行动，落实“我为群众办实事‘微心愿’”活动。
    ```

    ## Fix safety
    Safe when they pair up: a pair becomes “ ”, or ‘ ’ when it sits inside a “…” quotation.
    """

    code = "PU005"
    name = "straight-single-quotes"
    groups = ("punctuation",)
    severity = Severity.WARNING
    fixable = Applicability.SAFE
    standard = "GB/T 15834-2011 4.8"
    messages = {
        "default": ("中文语境中使用了半角单引号“'”（本行 {count} 处），应使用“”或‘’",
                    "straight single quotes in Chinese text ({count} on this line); use “ ” or ‘ ’"),
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for line in ctx.document.lines:
            if "'" not in line.text:
                continue
            body, base = line.text, line.span.start
            protected = protected_spans(body) + code_spans(body)
            spots = [i for i, ch in enumerate(body) if ch == "'" and not _inside(i, protected)
                     and not (i and body[i - 1] == "=") and not _apostrophe(body, i)]
            if not spots:
                continue
            if len(spots) % 2 == 0:
                occ = self._pairs(body, base, spots)
                if occ:
                    yield _finding(ctx, occ, "改为中文引号", "'")
                continue
            lone = [i for i in spots if is_zh(body[i - 1] if i else None)
                    or is_zh(body[i + 1] if i + 1 < len(body) else None)]
            if lone:
                yield ctx.report(base + lone[0], base + lone[-1] + 1, count=len(lone))

    @staticmethod
    def _pairs(body: str, base: int, spots: list[int]) -> list[Occurrence]:
        occ: list[Occurrence] = []
        depth_at = _quote_depths(body)
        for a, b in zip(spots[::2], spots[1::2], strict=True):
            before = body[a - 1] if a else None
            after = body[b + 1] if b + 1 < len(body) else None
            if any(_is_han(c) for c in body[a + 1:b]) or is_zh(before) or is_zh(after):
                opener, closer = ("‘", "’") if depth_at[a] else ("“", "”")
                occ.append(Occurrence(base + a, base + a + 1, Edit(base + a, base + a + 1, opener), True))
                occ.append(Occurrence(base + b, base + b + 1, Edit(base + b, base + b + 1, closer), True))
        return occ


def _apostrophe(body: str, i: int) -> bool:
    """China's, don't, '90s: a Latin letter or digit on both sides, or a digit after."""
    prev = body[i - 1] if i else ""
    nxt = body[i + 1] if i + 1 < len(body) else ""
    decade = body[i + 1:i + 4]
    return (prev.isascii() and prev.isalnum() and nxt.isascii() and nxt.isalpha()) or (
        len(decade) == 3 and decade[:2].isascii() and decade[:2].isdigit() and decade[2] == "s")


def _quote_depths(body: str) -> list[int]:
    """How many “ are open before each offset of the line."""
    depths: list[int] = []
    depth = 0
    for ch in body:
        depths.append(depth)
        if ch == "“":
            depth += 1
        elif ch == "”" and depth:
            depth -= 1
    return depths


RULES = [HalfwidthPunctuation, HalfwidthParentheses, StraightQuotes, HalfwidthFullStop, StraightSingleQuotes]
