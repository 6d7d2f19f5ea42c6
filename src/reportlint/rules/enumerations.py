"""Narrative enumerations 一是……二是……: gaps, repeats and wrong starts within a section."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Paragraph, Section
from reportlint.rules.base import Rule, RuleContext
from reportlint.text.chars import cn_to_int, int_to_cn
from reportlint.text.lazyre import AtStarts, find_all, lazy

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
    """A narrative ordinal (三是, 第三，, 其三，, 其次，) with its value, family and span."""

    __slots__ = ("value", "numeral", "start", "end", "family")

    def __init__(self, value: int, numeral: str, start: int, end: int, family: str = "shi") -> None:
        self.value, self.numeral, self.start, self.end = value, numeral, start, end
        self.family = family

    def label(self, value: int | None = None) -> str:
        """The ordinal as written, or the one of ``value`` in the same family."""
        return _label(self.family, self.value if value is None else value)


_SEQUENCE_WORDS = ("首先", "其次", "再次")  # 最后 closes a run: any value after the last item


def _label(family: str, value: int) -> str:
    if family == "di":
        return f"第{int_to_cn(value)}"
    if family == "qi":
        return f"其{int_to_cn(value)}"
    if family == "xian":
        return _SEQUENCE_WORDS[value - 1] if 1 <= value <= 3 else "最后"
    if family == "step":
        return f"第{int_to_cn(value)}步"
    if family == "yao":
        return f"{int_to_cn(value)}要"
    if family == "circled":
        return chr(0x2460 + value - 1) if 1 <= value <= 20 else str(value)
    if family == "paren":
        return f"（{value}）"
    if family == "dotted":
        return f"{value}."
    return f"{int_to_cn(value)}是"


_CLAUSE_OPENERS = "。；;：:，,！？!?“（(\n 　\t"
_AFTER_ORDINAL = "，,：:、"
_LAST = 99  # 最后


def _word_ordinals(text: str, base: int) -> Iterator[Ordinal]:
    """第一， 第二、 其一， 首先， 其次， 再次， 最后，: at the start of a clause, with a mark after.

    `第一书记`, `第二批`, `第二、三产业`, `再次强调` and `最后一公里` are not ordinals.
    """
    for word, family in (("第", "di"), ("其", "qi")):
        for at in find_all(text, word):
            if at and text[at - 1] not in _CLAUSE_OPENERS:
                continue
            end = at + 1
            while end < len(text) and end - at <= 3 and text[end] in _NUMERALS:
                end += 1
            numeral = text[at + 1:end]
            if not numeral or text[end:end + 1] not in _AFTER_ORDINAL:
                continue
            if text[end:end + 1] == "、" and text[end + 1:end + 2] in _NUMERALS + "0123456789第":
                continue  # 第二、三产业
            value = cn_to_int(numeral)
            if value and (family == "di" or value <= 10):
                yield Ordinal(value, numeral, base + at, base + end, family)
    for value, word in enumerate((*_SEQUENCE_WORDS, "最后"), 1):
        for at in find_all(text, word):
            if at and text[at - 1] not in _CLAUSE_OPENERS:
                continue
            after = text[at + 2:at + 3]
            if word != "首先" and after not in _AFTER_ORDINAL:
                continue
            yield Ordinal(_LAST if word == "最后" else value, word, base + at, base + at + 2, "xian")


class Problem:
    """``kind`` is gap, repeat, start or mixed; ``expected`` the value that should have come;
    ``before`` the ordinal a mixed run continues."""

    __slots__ = ("kind", "ordinal", "expected", "before")

    def __init__(self, kind: str, ordinal: Ordinal, expected: int, before: Ordinal | None = None) -> None:
        self.kind, self.ordinal, self.expected, self.before = kind, ordinal, expected, before


# the written-out ordinal styles a run may wrongly switch between (首先/其次 and 第二 mix in speech)
_SWITCHABLE = frozenset({"shi", "di", "qi"})


def _yao_and_step_ordinals(text: str, base: int) -> Iterator[Ordinal]:
    """一要……二要……三要 and 第一步，第二步，: at the start of a clause. `统一要求`, `第一要务`
    and `进一步` are not ordinals (a 要 run needs a clause opener before the numeral)."""
    for at in find_all(text, "要"):
        start = at
        while start > 0 and at - start < 2 and text[start - 1] in _NUMERALS:
            start -= 1
        if start == at or (start and text[start - 1] not in _CLAUSE_OPENERS):
            continue
        value = cn_to_int(text[start:at])
        if value:
            yield Ordinal(value, text[start:at], base + start, base + at + 1, "yao")
    for at in find_all(text, "第"):
        if at and text[at - 1] not in _CLAUSE_OPENERS:
            continue
        end = at + 1
        while end < len(text) and end - at <= 2 and text[end] in _NUMERALS:
            end += 1
        if end > at + 1 and text.startswith("步", end) and text[end + 1:end + 2] in _AFTER_ORDINAL:
            value = cn_to_int(text[at + 1:end])
            if value:
                yield Ordinal(value, text[at + 1:end], base + at, base + end + 1, "step")


_CIRCLED = "".join(chr(c) for c in range(0x2460, 0x2474))  # ①…⑳


def _mark_ordinals(text: str, base: int) -> Iterator[Ordinal]:
    """①②③ and （1）（2） inside running text, at the start of a clause (a heading's own
    marker is the heading rules' business)."""
    if any(c in text for c in _CIRCLED):
        for at, char in enumerate(text):
            if char in _CIRCLED and (at == 0 or text[at - 1] in _CLAUSE_OPENERS):
                yield Ordinal(ord(char) - 0x2460 + 1, char, base + at, base + at + 1, "circled")
    for opener, closer in (("（", "）"), ("(", ")")):
        for at in find_all(text, opener):
            if at and text[at - 1] not in _CLAUSE_OPENERS:
                continue
            end = at + 1
            while end < len(text) and end - at <= 2 and text[end].isascii() and text[end].isdigit():
                end += 1
            if end > at + 1 and text.startswith(closer, end):
                value = int(text[at + 1:end])
                if 1 <= value <= 30:
                    yield Ordinal(value, text[at:end + 1], base + at, base + end + 1, "paren")


_DOTTED = lazy(r"(?<=[：:；;。])([1-9][0-9]?)[.．、](?=[\u4e00-\u9fff])", gate=((".", "．", "、"),))


def _dotted_ordinals(text: str, base: int) -> Iterator[Ordinal]:
    """`主要措施：1.加强…；2.完善…；4.强化…`: Arabic item numbers inside a paragraph, after a colon,
    a semicolon or a full stop (a number at the paragraph start is a heading's)."""
    if any(mark + digit in text for mark in "：:；;。" for digit in "123456789"):
        for m in _DOTTED.finditer(text):
            yield Ordinal(int(m.group(1)), m.group(0), base + m.start(), base + m.end(), "dotted")


def _ordinals(text: str, base: int) -> Iterator[Ordinal]:
    yield from _yao_and_step_ordinals(text, base)
    yield from _mark_ordinals(text, base)
    yield from _dotted_ordinals(text, base)
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
            # a heading line with no full stop before its list (`四、抓好以下工作：①…；②…；④…`)
            colon = heading.title.find("：")
            if colon != -1 and not heading.body_span:
                own.append((heading.title[colon:], heading.title_span.start + colon))
            yield from _scopes(child.children, own)


def check_sequence(ordinals: list[Ordinal]) -> Iterator[Problem]:
    """A run starts at 一是 and counts up by one; a new 一是 starts a new run.

    Each family (一是, 第一, 其一, 首先) runs on its own. Only 一是 runs report a late start:
    `第二，` and `其次，` may follow a first item written another way (`首先要…`).
    """
    families: dict[str, list[Ordinal]] = {}
    for i, ordinal in enumerate(ordinals):
        before = ordinals[i - 1] if i else None
        if (ordinal.family in _SWITCHABLE and ordinal.family not in families and before is not None
                and before.family in _SWITCHABLE and before.family != ordinal.family
                and before.value == ordinal.value - 1 and ordinal.value >= 2):
            # 一是……二是……第三，: the run goes on in another style
            yield Problem("mixed", ordinal, ordinal.value, before)
        families.setdefault(ordinal.family, []).append(ordinal)
    for family, run in families.items():
        yield from _check_run(run, report_start=family == "shi")


def _check_run(ordinals: list[Ordinal], report_start: bool) -> Iterator[Problem]:
    previous = 0
    for ordinal in ordinals:
        if ordinal.value == _LAST:  # 最后，: the run's last item, whatever its number
            previous = _LAST if previous else 0
            continue
        if ordinal.value == 1:
            previous = 1
            continue
        if previous == 0:
            if report_start:
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
            ordinals = [o for text, base in scope
                        for o in sorted([*_ordinals(text, base), *_word_ordinals(text, base)],
                                        key=lambda o: o.start)]
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
                if problem.before is not None:
                    yield ctx.report(o.start, o.end, problem.kind, found=o.label(),
                                     previous=problem.before.label(), expected=problem.before.label(o.value))
                    continue
                yield ctx.report(
                    o.start,
                    o.end,
                    problem.kind,
                    found=o.numeral if o.family == "xian" else o.label(),
                    expected=o.label(problem.expected),
                    previous=o.label(problem.expected - 1) if problem.expected > 1 else "",
                )


class EnumerationGap(_EnumerationRule):
    """A narrative enumeration that skips a number or starts past 一是: `一是……二是……四是`.

    ## What it does
    Follows the narrative ordinals of each section (a heading's run-in text and its
    paragraphs, across paragraph breaks), each family on its own: `一是、二是`, `第一，第二，`,
    `其一，其二，`, `首先，其次，再次，最后，`, `一要……二要……`, `第一步，第二步，`, and `①②③`,
    `（1）（2）（3）` and `1.` `2.` `3.` after a colon, semicolon or full stop in running text
    (a heading line's text after its colon too: `四、抓好以下工作：①…；②…`).
    Flags an ordinal that skips one (`第二，…第四，`, `首先，…再次，`, `①②④`), a 一是 run that
    starts at 二是 or later, and a run that goes on in another style (`一是……二是……第三，`).
    Left alone: words that only look like ordinals (`第一书记`, `第二批`,
    `第二、三产业`, `再次强调`, `最后一公里`, `第一要务`, `统一要求`, `进一步`), an
    ordinal without a following mark, and a `第二，`/`其次，` whose first item was written
    another way (`首先要…。其次，…`).

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
    kinds = ("gap", "start", "mixed")
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
        "mixed": (
            "序次语前后写法不一：“{previous}”之后写成了“{found}”，应为“{expected}”",
            "the enumeration changes style: {found!r} follows {previous!r}, expected {expected!r}",
        ),
    }


class EnumerationRepeat(_EnumerationRule):
    """A narrative ordinal used twice or going backwards: `一是……二是……二是`.

    ## What it does
    Flags an ordinal that is not larger than the one before it in the same run of its family
    (`一是…二是…二是`, `第二，…第二，`, `其二；…其二；`, `其次，…其次，`, and anything but a new
    `首先` after `最后，`). A new run starting with 一是, 第一 or 其一 is fine.

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
