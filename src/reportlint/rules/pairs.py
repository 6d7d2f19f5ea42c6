"""Paired marks per paragraph: unclosed or unopened quotes and brackets, stray < >, nesting."""

from __future__ import annotations

import re
from collections.abc import Container, Iterator

from reportlint.diagnostics import Applicability, Edit, Finding, Fix, Severity
from reportlint.rules.base import Rule, RuleContext, SpanSet
from reportlint.text.chars import is_latin
from reportlint.text.lazyre import lazy

OPENERS = {"“": "”", "‘": "’", "《": "》", "〈": "〉", "（": "）", "(": ")", "【": "】", "〔": "〕"}
CLOSERS = {close: open_ for open_, close in OPENERS.items()}
# half-width parentheses pair with full-width ones here; their width is PU002's business
SAME = {"（": "（", "(": "（", "）": "）", ")": "）"}
ANGLE_OPEN, ANGLE_CLOSE = "<＜", ">＞"
_ALL_MARKS = "".join(OPENERS) + "".join(CLOSERS) + ANGLE_OPEN + ANGLE_CLOSE
# one str object per mark: a match's group is a fresh 76-byte str, kept by every Mark
_CANONICAL = {ch: ch for ch in _ALL_MARKS}
_MARKS = lazy(
    "[" + re.escape(_ALL_MARKS) + "]"
)
_LIST_CLOSER = lazy(r"\s*(?:[0-9]{1,2}|[a-zA-Z]|[一二三四五六七八九十]{1,3})[)）]")


class Mark:
    """A paired mark and its offset into the document; left open, it is its own problem (an
    unclosed mark): no second object for each of the marks a hostile text leaves open."""

    __slots__ = ("char", "pos")
    kind = "unclosed"
    partner: Mark | None = None
    args: tuple[tuple[str, str], ...] = ()

    @property
    def mark(self) -> Mark:
        return self

    def __init__(self, char: str, pos: int) -> None:
        self.char, self.pos = char, pos


class Problem:
    """What is wrong with a mark: ``kind`` is unclosed, unopened, angle or nesting."""

    __slots__ = ("kind", "mark", "partner", "args")

    def __init__(self, kind: str, mark: Mark, partner: Mark | None = None,
                 args: tuple[tuple[str, str], ...] = ()) -> None:
        self.kind, self.mark, self.partner, self.args = kind, mark, partner, args


def _key(ch: str) -> str:
    return SAME.get(ch, ch)


def _matches(opener: str, closer: str) -> bool:
    if opener in ANGLE_OPEN + "〈" and closer in ANGLE_CLOSE + "〉":
        return True
    return _key(OPENERS.get(opener, "")) == _key(closer)


def _family(char: str) -> str:
    """The marks that can close each other share a family: ``_matches`` in one dict look-up."""
    if char in ANGLE_OPEN + ANGLE_CLOSE + "〈〉":
        return "angle"
    return _key(OPENERS.get(char, char))


def scan_paragraph(text: str, base: int, skip: Container[int]) -> tuple[list[Problem | Mark], list[Mark]]:
    """Balance the marks of one paragraph; returns the problems and the openers left open.

    Linear in the number of marks: counts per family say whether a closer has an opener on the
    stack before the stack is searched, and every mark the search passes is popped.
    """
    problems: list[Problem | Mark] = []
    stack: list[Mark] = []
    open_count: dict[str, int] = {}
    titles = 0  # how many 《 are on the stack
    for m in _MARKS.finditer(text):
        i, ch = m.start(), _CANONICAL[m.group(0)]
        pos = base + i
        if pos in skip:
            continue
        in_title = titles > 0
        if ch in OPENERS or (ch in ANGLE_OPEN and in_title):
            mark = Mark(ch, pos)
            if stack:
                problems.extend(_nesting(stack, mark))
            stack.append(mark)
            family = _family(ch)
            open_count[family] = open_count.get(family, 0) + 1
            titles += ch == "《"
        elif ch in CLOSERS or (ch in ANGLE_CLOSE and in_title):
            if (
                ch == "’"
                and 0 < i < len(text) - 1
                and is_latin(text[i - 1])
                and is_latin(text[i + 1])
            ):
                continue  # an apostrophe: China’s
            if not open_count.get(_family(ch)):
                problems.append(
                    Problem("angle" if ch in ANGLE_CLOSE else "unopened", Mark(ch, pos))
                )
                continue
            depth = next(d for d in range(len(stack) - 1, -1, -1) if _matches(stack[d].char, ch))
            for left in stack[depth + 1 :]:
                problems.append(Problem("angle", left) if left.char in ANGLE_OPEN else left)
            opener = stack[depth]
            for gone in stack[depth:]:
                open_count[_family(gone.char)] -= 1
                titles -= gone.char == "《"
            del stack[depth:]
            if opener.char in ANGLE_OPEN or ch in ANGLE_CLOSE:
                problems.append(
                    Problem("angle", Mark(ch, pos), opener if opener.char in ANGLE_OPEN else None)
                )
    return problems, stack


def _nesting(stack: list[Mark], new: Mark) -> Iterator[Problem]:
    """《…〈…〉…》 and “…‘…’…” are right; a 《 inside 《 or a “ inside “ is not."""
    if not stack:
        return
    top = stack[-1].char
    if new.char == "《" and top == "《":
        yield Problem("nesting", new, stack[-1], (("inner", "〈〉"), ("outer", "《》")))
    elif new.char == "“" and top == "“":
        yield Problem("nesting", new, stack[-1], (("inner", "‘’"), ("outer", "“”")))


def _skipped(ctx: RuleContext) -> SpanSet:
    """Heading ordinals (`(一)`) and list ordinals such as `1）` that close nothing (merged
    spans: a set of every offset took ~3 MB per MB of a heading-dense document)."""
    skip = list(ctx.heading_marker_spans())
    for line in ctx.document.lines:
        m = _LIST_CLOSER.match(line.text) if _may_close_list(line.text) else None
        if m:
            at = line.span.start + m.end() - 1
            skip.append((at, at + 1))
    return SpanSet(skip)


def _may_close_list(line: str) -> bool:
    """A closing parenthesis one to three characters into the line (after spaces): the few
    lines _LIST_CLOSER can match."""
    body = line.lstrip()
    return ")" in body[1:4] or "）" in body[1:4]


def _paragraphs(ctx: RuleContext) -> list[tuple[int, int]]:
    """Paragraph spans: each line of a plain-text report; in Markdown, lines wrapped together."""
    spans: list[tuple[int, int]] = []
    previous = None
    for line in ctx.document.lines:
        if (
            ctx.source.format == "markdown"
            and previous is not None
            and line.number == previous + 1
            and line.number not in ctx.source.heading_hints
            and previous not in ctx.source.heading_hints
        ):
            spans[-1] = (spans[-1][0], line.span.end)
        else:
            spans.append((line.span.start, line.span.end))
        previous = line.number
    return spans


def find_problems(ctx: RuleContext) -> list[Problem | Mark]:
    """Every paired-mark problem of the document, paragraph by paragraph.

    A quotation may run over several paragraphs when each following paragraph opens with “
    (GB/T 15834-2011 4.8); only then is an unclosed “ at a paragraph end accepted.
    """
    skip = _skipped(ctx)
    lines = _paragraphs(ctx)
    found: list[Problem | Mark] = []
    for n, (start, end) in enumerate(lines):
        problems, left = scan_paragraph(ctx.text[start:end], start, skip)
        found.extend(problems)
        continues = n + 1 < len(lines) and _opens_with_quote(ctx.text, lines[n + 1][0])
        for mark in left:
            if mark.char in ANGLE_OPEN:
                found.append(Problem("angle", mark))
            elif not (mark.char == "“" and continues):
                found.append(mark)
    if not any(p.kind == "nesting" for p in found):
        return found
    unclosed = {p.mark.pos for p in found if p.kind == "unclosed"}
    # a “ opened inside a “ that never closes: the outer one lacks its ”, nothing is nested
    return [p for p in found if not (p.kind == "nesting" and (
        p.mark.pos in unclosed or (p.partner is not None and p.partner.pos in unclosed)))]


def _opens_with_quote(text: str, at: int) -> bool:
    """Whether the paragraph at ``at`` opens with “ after spaces (walked, not sliced)."""
    while at < len(text) and text[at] in " \u3000":
        at += 1
    return text.startswith("“", at)


def _problems(ctx: RuleContext) -> list[Problem | Mark]:
    return ctx.shared("paired-marks", lambda: find_problems(ctx))


class _PairRule(Rule):
    kind = ""
    groups = ("pairs",)
    severity = Severity.WARNING
    standard = "GB/T 15834-2011 4.8, 4.9, 4.15"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for problem in _problems(ctx):
            if problem.kind == self.kind:
                yield self.finding(ctx, problem)

    def finding(self, ctx: RuleContext, problem: Problem | Mark) -> Finding:
        mark = problem.mark
        return ctx.report(
            mark.pos,
            mark.pos + 1,
            mark=mark.char,
            partner=OPENERS.get(mark.char) or CLOSERS.get(mark.char, ""),
        )


class UnclosedMark(_PairRule):
    """An opening quote or bracket with no closing partner in its paragraph.

    ## What it does
    Balances “ ” ‘ ’ 《 》 〈 〉 （ ） 【 】 〔 〕 within each paragraph and flags an opening mark
    that is never closed. A quotation that runs over several paragraphs is accepted when each
    following paragraph opens with “, as GB/T 15834-2011 4.8 prescribes.

    ## Why is this bad?
    The reader cannot tell where the quotation or the title ends; often a word or the closing
    mark was lost when the text was pasted or edited.

    ## Example
    ```
    按照“一三三三六开展总体思路，扎实推进各项工作。
    ```

    ## Use instead
    ```
    按照“一三三三六”总体思路，扎实推进各项工作。
    ```
    """

    code = "PA001"
    name = "unclosed-mark"
    kind = "unclosed"
    messages = {
        "default": (
            "“{mark}”在本段中没有对应的“{partner}”",
            "{mark!r} is never closed by {partner!r} in this paragraph",
        )
    }


class UnopenedMark(_PairRule):
    """A closing quote or bracket with no opening partner in its paragraph.

    ## What it does
    Flags a closing mark (” ’ 》 〉 ） 】 〕) that closes nothing: its opener was deleted or typed
    as something else. List ordinals such as `1）` at the start of a line are not flagged.

    ## Why is this bad?
    A title or quotation has lost its beginning, so the reader cannot tell what is quoted.

    ## Example
    ```
    关于六一活动总结范文】在全校师生的共同努力下，活动圆满结束。
    ```

    ## Use instead
    ```
    在全校师生的共同努力下，活动圆满结束。
    ```
    """

    code = "PA002"
    name = "unopened-mark"
    kind = "unopened"
    messages = {
        "default": (
            "“{mark}”前面缺少对应的“{partner}”",
            "{mark!r} closes nothing: its {partner!r} is missing",
        )
    }


class StrayAngleBracket(_PairRule):
    """An ASCII `<` or `>` inside 《…》 where a single title mark 〈 〉 belongs.

    ## What it does
    Flags `<`, `>`, `＜`, `＞` inside a book title. When both halves are there they are
    reported together and the fix turns them into 〈〉; a lone `>` is reported with its missing
    opener.

    ## Why is this bad?
    A title inside a title takes single title marks 〈〉 (GB/T 15834-2011 4.15). A `>` in
    `《…实施方案>的通知》` shows that the inner title was typed with ASCII keys and that its
    opening mark is missing.

    ## Example
    ```
    会议传达了《县委关于印发<实施方案>的通知》精神。
    ```

    ## Use instead
    ```
    会议传达了《县委关于印发〈实施方案〉的通知》精神。
    ```

    ## Fix safety
    Safe when both `<` and `>` are present; display-only for a lone `>`, because where its
    opener belongs is a human decision.
    """

    code = "PA003"
    name = "stray-angle-bracket"
    kind = "angle"
    fixable = Applicability.SAFE
    standard = "GB/T 15834-2011 4.15"
    messages = {
        "default": (
            "书名号内的“{mark}”应为单书名号“{right}”",
            "{mark!r} inside 《》 should be the single title mark {right!r}",
        ),
        "lone": (
            "书名号内的“{mark}”应为“{right}”，且缺少对应的“{partner}”",
            "{mark!r} inside 《》 should be {right!r}, and its {partner!r} is missing",
        ),
    }

    def finding(self, ctx: RuleContext, problem: Problem | Mark) -> Finding:
        mark, opener = problem.mark, problem.partner
        right = "〈" if mark.char in ANGLE_OPEN else "〉"
        if opener is not None:
            both = (Edit(opener.pos, opener.pos + 1, "〈"), Edit(mark.pos, mark.pos + 1, "〉"))
            edits = tuple(e for e in both if ctx.text[e.start] not in "〈〉")
            return ctx.report(
                opener.pos,
                mark.pos + 1,
                fix=Fix("改为单书名号〈〉", edits),
                mark=ctx.text[opener.pos] + ctx.text[mark.pos],
                right="〈〉",
            )
        partner = "〈" if right == "〉" else "〉"
        fix = Fix.replace(
            f"改为“{right}”并补上“{partner}”", mark.pos, mark.pos + 1, right, Applicability.DISPLAY
        )
        return ctx.report(
            mark.pos, mark.pos + 1, "lone", fix=fix, mark=mark.char, right=right, partner=partner
        )


class WrongNesting(_PairRule):
    """Double marks nested in double marks: 《…《…》…》 or “…“…”…”.

    ## What it does
    Flags a 《 opened inside another 《…》 and a “ opened inside another “…”. An outer mark that
    never closes (`坚持“产业兴镇，…“十五五”…`) is reported as unclosed (PA001), not as nesting.

    ## Why is this bad?
    GB/T 15834-2011 nests marks by alternating them: 《…〈…〉…》 and “…‘…’…”. Doubling the
    outer mark makes it impossible to see where the inner title or quotation ends.

    ## Example
    ```
    印发了《关于贯彻《条例》的实施意见》。
    ```

    ## Use instead
    ```
    印发了《关于贯彻〈条例〉的实施意见》。
    ```
    """

    code = "PA004"
    name = "wrong-nesting"
    kind = "nesting"
    messages = {
        "default": (
            "“{outer}”内层应使用“{inner}”，而不是再用“{mark}”",
            "inside {outer!r} use {inner!r}, not another {mark!r}",
        )
    }

    def finding(self, ctx: RuleContext, problem: Problem | Mark) -> Finding:
        args = dict(problem.args)
        return ctx.report(
            problem.mark.pos,
            problem.mark.pos + 1,
            mark=problem.mark.char,
            inner=args["inner"],
            outer=args["outer"],
        )


RULES = [UnclosedMark, UnopenedMark, StrayAngleBracket, WrongNesting]
