"""Narrative enumerations 一是……二是……: gaps, repeats and wrong starts within a section."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Paragraph, Section
from reportlint.rules.base import Rule, RuleContext
from reportlint.text.chars import cn_to_int, int_to_cn
from reportlint.text.lazyre import AtStarts, find_all

_NUMERALS = "一二三四五六七八九十"


def _ordinal_starts(text: str) -> list[int]:
    """Up to three numerals before a 是."""
    ends = (at for at in find_all(text, "是") if at and text[at - 1] in _NUMERALS)
    return sorted({start for at in ends for start in range(max(0, at - 3), at)})


# 一是 at the start of a clause; 一是一、二是二 (an idiom) is not an enumeration
ORDINAL = AtStarts(
    r"(?:(?<=^)|(?<=[。；;：:，,！？!?“（(\s、]))([一二三四五六七八九十]{1,3})是", _ordinal_starts
)


class Ordinal:
    """A narrative ordinal (三是) with its value and span."""

    __slots__ = ("value", "numeral", "start", "end")

    def __init__(self, value: int, numeral: str, start: int, end: int) -> None:
        self.value, self.numeral, self.start, self.end = value, numeral, start, end


class Problem:
    """``kind`` is gap, repeat or start; ``expected`` the value that should have come."""

    __slots__ = ("kind", "ordinal", "expected")

    def __init__(self, kind: str, ordinal: Ordinal, expected: int) -> None:
        self.kind, self.ordinal, self.expected = kind, ordinal, expected


def _ordinals(text: str, base: int) -> Iterator[Ordinal]:
    for m in ORDINAL.finditer(text):
        numeral = m.group(1)
        if text.startswith(numeral, m.end()):  # 一是一，二是二
            continue
        value = cn_to_int(numeral)
        if value:
            yield Ordinal(value, numeral, base + m.start(), base + m.end())


def _scopes(
    children: tuple[Section | Paragraph, ...], texts: list[tuple[str, int]]
) -> Iterator[list[tuple[str, int]]]:
    """A section's own text (its heading's run-in body, its direct paragraphs) is one scope."""
    for child in children:
        if isinstance(child, Paragraph):
            texts.append((child.text, child.span.start))
    yield texts
    for child in children:
        if isinstance(child, Section):
            heading = child.heading
            own = [(heading.body, heading.body_span.start)] if heading.body_span else []
            yield from _scopes(child.children, own)


def check_sequence(ordinals: list[Ordinal]) -> Iterator[Problem]:
    """A run starts at 一是 and counts up by one; a new 一是 starts a new run."""
    previous = 0
    for ordinal in ordinals:
        if ordinal.value == 1:
            previous = 1
            continue
        if previous == 0:
            yield Problem("start", ordinal, 1)
        elif ordinal.value <= previous:
            yield Problem("repeat", ordinal, previous + 1)
        elif ordinal.value > previous + 1:
            yield Problem("gap", ordinal, previous + 1)
        previous = ordinal.value


def find_problems(ctx: RuleContext) -> list[Problem]:
    found: list[Problem] = []
    for article in ctx.document.articles:
        for scope in _scopes(article.children, []):
            ordinals = [o for text, base in scope for o in _ordinals(text, base)]
            found.extend(check_sequence(ordinals))
    return found


def _problems(ctx: RuleContext) -> list[Problem]:
    return ctx.shared("narrative-ordinals", lambda: find_problems(ctx))


class _EnumerationRule(Rule):
    kinds: tuple[str, ...] = ()
    groups = ("enumerations",)
    severity = Severity.WARNING
    standard = "GB/T 15834-2011 B.3.7"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for problem in _problems(ctx):
            if problem.kind in self.kinds:
                o = problem.ordinal
                yield ctx.report(
                    o.start,
                    o.end,
                    problem.kind,
                    found=f"{o.numeral}是",
                    expected=f"{int_to_cn(problem.expected)}是",
                    previous=f"{int_to_cn(problem.expected - 1)}是" if problem.expected > 1 else "",
                )


class EnumerationGap(_EnumerationRule):
    """A narrative enumeration that skips a number or starts past 一是: `一是……二是……四是`.

    ## What it does
    Follows the 一是、二是 … run of each section (a heading's run-in text and its paragraphs,
    across paragraph breaks) and flags an ordinal that skips one, and a run that starts at
    二是 or later.

    ## Why is this bad?
    An item was deleted or the run was renumbered by hand and one number was missed; the
    reader wonders what the missing 三是 was.

    ## Example
    ```
    一是强化组织领导。二是完善工作机制。四是加强督促检查。
    ```

    ## Use instead
    ```
    一是强化组织领导。二是完善工作机制。三是加强督促检查。
    ```
    """

    code = "EN001"
    name = "enumeration-gap"
    kinds = ("gap", "start")
    messages = {
        "default": (
            "序次语不连续：“{previous}”之后应为“{expected}”，却是“{found}”",
            "enumeration skips a number: {found!r} follows {previous!r}, expected {expected!r}",
        ),
        "gap": (
            "序次语不连续：“{previous}”之后应为“{expected}”，却是“{found}”",
            "enumeration skips a number: {found!r} follows {previous!r}, expected {expected!r}",
        ),
        "start": (
            "序次语从“{found}”开始，缺少“一是”",
            "enumeration starts at {found!r}: 一是 is missing",
        ),
    }


class EnumerationRepeat(_EnumerationRule):
    """A narrative ordinal used twice or going backwards: `一是……二是……二是`.

    ## What it does
    Flags an ordinal that is not larger than the one before it in the same run (a new run
    starting with 一是 is fine).

    ## Why is this bad?
    Two items carry the same number, usually because a paragraph was copied or an item was
    inserted without renumbering the rest.

    ## Example
    ```
    一是强化组织领导。二是完善工作机制。二是加强督促检查。
    ```

    ## Use instead
    ```
    一是强化组织领导。二是完善工作机制。三是加强督促检查。
    ```
    """

    code = "EN002"
    name = "enumeration-repeat"
    kinds = ("repeat",)
    messages = {
        "default": (
            "序次语重复或倒序：“{found}”出现在“{previous}”之后，应为“{expected}”",
            "enumeration repeats or goes back: {found!r} after {previous!r}, expected {expected!r}",
        ),
        "repeat": (
            "序次语重复或倒序：“{found}”出现在“{previous}”之后，应为“{expected}”",
            "enumeration repeats or goes back: {found!r} after {previous!r}, expected {expected!r}",
        ),
    }


RULES = [EnumerationGap, EnumerationRepeat]
