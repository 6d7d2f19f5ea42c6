"""Heading numbering: sequence per parent, level order, mixed styles, ordinal punctuation."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator
from typing import Any

from reportlint.diagnostics import Applicability, Edit, Finding, Fix, Severity
from reportlint.model import LEVEL_NAMES, Article, Heading, Paragraph, Section
from reportlint.rules.base import Rule, RuleContext
from reportlint.text.chars import cn_to_int, int_to_cn
from reportlint.text.lazyre import lazy
from reportlint.text.web import TRUNCATION, TRUNCATION_GATE

# A line opening an appendix or a glossary, or a cut in the text: numbering starts afresh after it.
_APPENDIX = lazy(
    r"^(?:附件[0-9一二三四五六七八九十]*|附录|附表|附|名词解释|名词注释|注释|注解|说明"
    r"|[^。，]{0,30}名词(?:解释|注释))[:：]?$"
    r"|^附件[:：]"  # 附件说明 (GB/T 9704-2012 7.3.4): 附件：1.… then 2.… on the next lines
)
# the first item of a list written on the line that introduces it: 附件：1.《…》
_INLINE_FIRST = lazy(r"[:：][ \t]*1[.．、](?![0-9])")
_CUT = lazy(TRUNCATION, gate=(TRUNCATION_GATE,))
# what a paragraph opening an appendix must start with (or hold within its first 32 characters)
_APPENDIX_STARTS = ("附", "名词", "注释", "注解", "说明")
# glossary items such as 1.“两重”：… are definitions, not part of the outline
_GLOSSARY_ITEM = lazy(r"^[“\"《][^”\"》]{1,30}[”\"》][：:]")
# an article of a regulation at a line start, set off by a space: `第十二条　…`
_ARTICLE = lazy(r"^[ \t\u3000]*第([一二三四五六七八九十百零〇]{1,6})条[ \t\u3000]")
_WRONG_POINT = {1: "、", 3: "."}  # the point each unbracketed level takes (GB/T 15834 B.3.2, B.3.3)


class _Node:
    """A heading placed in its outline: the numbering scope, its parent and its siblings.

    ``index`` is its position in the article's flat item list; ``siblings`` the whole sibling
    run (shared); ``previous`` the parent's child just before this one, of any level.
    """

    __slots__ = ("heading", "index", "scope", "parent", "siblings", "previous")

    def __init__(self, heading: Heading, index: int, scope: int, parent: _Node | None,
                 siblings: list[_Node], previous: _Node | None) -> None:
        self.heading, self.index, self.scope, self.parent = heading, index, scope, parent
        self.siblings, self.previous = siblings, previous


class _Outline:
    """An article's items and headings; ``cut_scopes`` are scopes opened by a paywall cut,
    whose numbering may start anywhere."""

    __slots__ = ("items", "nodes", "runs", "cut_scopes")

    def __init__(self, items: list[Heading | Paragraph], nodes: list[_Node],
                 runs: list[list[_Node]], cut_scopes: set[int]) -> None:
        self.items, self.nodes, self.runs, self.cut_scopes = items, nodes, runs, cut_scopes


def _flat(children: tuple[Section | Paragraph, ...]) -> Iterator[Heading | Paragraph]:
    for child in children:
        if isinstance(child, Section):
            yield child.heading
            yield from _flat(child.children)
        else:
            yield child


def _boundary(paragraph: Paragraph) -> str | None:
    text = paragraph.text
    if _CUT.admits(text) and _CUT.search(text):
        return "cut"
    maybe = text.startswith(_APPENDIX_STARTS) or "名词" in text[:32]  # cheap before the pattern
    return "appendix" if maybe and _APPENDIX.match(text) else None


def _outline(article: Article) -> _Outline:
    """Parents and sibling runs, restarted at every appendix or glossary boundary."""
    items = list(_flat(article.children))
    nodes: list[_Node] = []
    runs: dict[tuple[int, int, int], list[_Node]] = {}
    stack: list[_Node] = []
    last_child: dict[tuple[int, int], _Node] = {}
    scope = 0
    cut_scopes: set[int] = set()
    for index, item in enumerate(items):
        if isinstance(item, Paragraph):
            kind = _boundary(item)
            if kind:
                scope += 1
                stack = []
                if kind == "cut":
                    cut_scopes.add(scope)
            continue
        while stack and stack[-1].heading.level >= item.level:
            stack.pop()
        parent = stack[-1] if stack else None
        run = runs.setdefault((scope, id(parent), item.level), [])
        node = _Node(item, index, scope, parent, run, last_child.get((scope, id(parent))))
        last_child[(scope, id(parent))] = node
        run.append(node)
        nodes.append(node)
        stack.append(node)
    return _Outline(items, nodes, list(runs.values()), cut_scopes)


def _outlines(ctx: RuleContext) -> list[_Outline]:
    return ctx.shared("headings.outline", lambda: [_outline(a) for a in ctx.document.articles])


def _numeral(value: int, like: str) -> str:
    return str(value) if like.isdigit() else int_to_cn(value)


def _with_ordinal(heading: Heading, value: int) -> str:
    """The heading's marker renumbered: （三） → （一）."""
    return heading.marker.replace(heading.numeral, _numeral(value, heading.numeral), 1)


def _numeral_span(heading: Heading) -> tuple[int, int]:
    start = heading.marker_span.start + heading.marker.index(heading.numeral)
    return start, start + len(heading.numeral)


def _is_glossary(heading: Heading) -> bool:
    return heading.title[:1] in ("“", '"', "《") and bool(_GLOSSARY_ITEM.match(heading.title))


class HeadingSequence(Rule):
    """Heading ordinals out of sequence under one parent: a gap, a repeat or a wrong order.

    ## What it does
    Follows each heading level separately under each parent heading (`一、二、四、`, `（一）（二）
    （二）`, `1. 3. 2.`) and flags the first heading that breaks the run, and a run that does
    not start at 一 or 1. Numbering restarts after an appendix or glossary line (附件,
    名词解释, 注释) and after a paywall cut (`此处隐藏3607个字`, from where the text resumes
    at any number); a number missing only because its line was not read as a heading
    (`20.2026年…`) is not a gap. When single numbers are wrong and the run goes on as counted
    (`一、二、二、四、五、`), only the wrong headings are reported (the second `二、`, which
    should be `三、`), not every break they cause.
    Two neighbours in each other's place (`（四）（三）`) are reported once. A number held by a
    heading written in another style (`（二）`, `3.`, `（四）`) is no gap (that heading is
    reported on its own), and items counted on from the part before (`1. 2. 3.` under `一、`,
    `4. 5.` under `二、`) are the writer's choice. The articles of a regulation (`第五条　…`,
    `第七条　…`, at line starts) are counted the same way through its chapters; a `第一条`
    starts a new regulation.

    ## Why is this bad?
    A gap or a repeat shows that a part was deleted or pasted in without renumbering; readers
    wonder what is missing, and cross-references such as “第三部分” point to the wrong place.

    ## Example
    ```
    一、工作开展情况
    二、存在的问题
    四、下一步打算
    ```

    ## Use instead
    ```
    一、工作开展情况
    二、存在的问题
    三、下一步打算
    ```

    ## Fix safety
    Unsafe: renumbering this heading and the siblings after it assumes nothing was lost, and
    references to the old numbers in the text are not updated.
    """

    code = "HD001"
    name = "heading-sequence"
    groups = ("headings",)
    severity = Severity.WARNING
    fixable = Applicability.UNSAFE
    standard = "GB/T 15834-2011 B.3.8"
    messages = {
        "default": ("标题序号“{got}”跳号：前一个是“{prev}”，缺少“{missing}”",
                    "heading number {got!r} skips {missing!r} after {prev!r}"),
        "repeat": ("标题序号“{got}”重复：与前一个同级标题相同",
                   "heading number {got!r} repeats the previous sibling"),
        "order": ("标题序号“{got}”顺序颠倒：前一个是“{prev}”",
                  "heading number {got!r} comes after {prev!r}: wrong order"),
        "start": ("同级标题从“{got}”开始，应从“{first}”开始",
                  "the sibling run starts at {got!r} instead of {first!r}"),
        "article": ("条文序号“{got}”跳号：前一条是“{prev}”，缺少“{missing}”",
                    "article {got!r} skips {missing!r} after {prev!r}"),
        "article_order": ("条文序号“{got}”重复或倒序：前一条是“{prev}”",
                          "article {got!r} repeats or goes back after {prev!r}"),
        "wrong": ("标题序号“{got}”有误：按前后同级标题应为“{want}”",
                  "heading number {got!r} is wrong: its siblings make it {want!r}"),
        "swap": ("标题序号“{got}”与下一个同级标题“{next}”顺序颠倒",
                 "heading numbers {got!r} and {next!r} are in each other's place"),
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for outline in _outlines(ctx):
            for run in outline.runs:
                yield from self._run(ctx, outline, run)
        if "条" in ctx.text:
            yield from self._articles(ctx)

    def _articles(self, ctx: RuleContext) -> Iterator[Finding]:
        """The articles of a regulation (`第五条　…`, then `第七条　…`), counted through its
        chapters; a `第一条` starts a new regulation (an attachment after the notice)."""
        previous: tuple[int, str] | None = None
        for line in ctx.document.lines:
            m = _ARTICLE.match(line.text)
            if m is None:
                continue
            value = cn_to_int(m.group(1))
            if not value:
                continue
            if previous is not None and value != 1 and value != previous[0] + 1:
                key = "article" if value > previous[0] + 1 else "article_order"
                missing = "、".join(f"第{int_to_cn(n)}条" for n in range(previous[0] + 1, min(value, previous[0] + 4)))
                start = line.span.start + m.start(1) - 1
                yield ctx.report(start, line.span.start + m.end(1) + 1, key, got=f"第{m.group(1)}条",
                                 prev=previous[1], missing=missing)
            previous = (value, f"第{m.group(1)}条")

    def _run(self, ctx: RuleContext, outline: _Outline, run: list[_Node]) -> Iterator[Finding]:
        """The breaks of one run of siblings, each fixed by renumbering up to the next break.

        Together the fixes renumber the run from its first break on, as one fix would; split
        this way a run of thousands of headings with a break at every one costs linear time.
        """
        found = list(self._breaks(outline, run))
        wrong = self._misnumbered(run, found)
        if wrong is not None:
            yield from wrong_findings(ctx, run, wrong)
            return
        base = found[0][2]["expected"] - found[0][0] if found else 0
        for index, (position, key, args) in enumerate(found):
            stop = found[index + 1][0] if index + 1 < len(found) else len(run)
            heading = run[position].heading
            fix = self._renumber(run, position, stop, base)
            del args["expected"]
            yield ctx.report(heading.marker_span.start, heading.marker_span.end, key, fix=fix, **args)

    def _breaks(self, outline: _Outline, run: list[_Node]) -> Iterator[tuple[int, str, dict[str, Any]]]:
        prev: _Node | None = None
        for position, node in enumerate(run):
            heading = node.heading
            if heading.ordinal <= 0:
                return
            expected = prev.heading.ordinal + 1 if prev else 1
            anywhere = node.scope in outline.cut_scopes or self._first_inline(outline, node)
            if prev is None and anywhere:
                expected = heading.ordinal
            if (heading.ordinal != expected and not self._unread(outline, prev, node, expected)
                    and not self._stray(outline, prev, node, expected)
                    and not self._continued(outline, node)):
                key = self._kind(prev, heading.ordinal, expected)
                args = {"got": heading.marker, "prev": prev.heading.marker if prev else "",
                        "first": _with_ordinal(heading, 1),
                        "missing": "、".join(_with_ordinal(heading, n).rstrip("、.．，,。")
                                            for n in range(expected, heading.ordinal)),
                        "expected": expected}
                yield position, key, args
            prev = node

    @staticmethod
    def _misnumbered(run: list[_Node], found: list[tuple[int, str, dict[str, Any]]]) -> list[int] | None:
        """The headings to blame when single numbers are wrong and the run goes on as counted:
        in 一、二、二、四、五 only the second 二、 is wrong (it should be 三、), though the
        sequence breaks twice (二→二, 二→四). Counted by position from the run's first number,
        the wrong headings are fewer than the breaks; then only they are reported."""
        if len(found) < 2 or found[0][0] == 0:
            return None
        base = run[0].heading.ordinal
        wrong = []
        for position, node in enumerate(run):
            if node.heading.ordinal <= 0:
                return None
            if node.heading.ordinal != base + position:
                wrong.append(position)
        if 0 < len(wrong) < len(found):
            return wrong
        # neighbours in each other's place (一、三、二、) break the run as often as they are
        # wrong, yet name one defect each pair
        pairs = wrong[::2], wrong[1::2]
        swaps = (len(wrong) % 2 == 0 and len(wrong) > 0
                 and all(b == a + 1 and run[a].heading.ordinal == base + b
                         and run[b].heading.ordinal == base + a for a, b in zip(*pairs, strict=True)))
        return wrong if swaps else None

    @staticmethod
    def _kind(prev: _Node | None, got: int, expected: int) -> str:
        if prev is None:
            return "start"
        if got == prev.heading.ordinal:
            return "repeat"
        return "order" if got < expected else "default"

    @staticmethod
    def _first_inline(outline: _Outline, node: _Node) -> bool:
        """Item 1 sits on the line before, after a colon (附件：1.…), so the run starts at 2."""
        before = outline.items[node.index - 1] if node.index else None
        return (node.heading.ordinal == 2 and isinstance(before, Paragraph)
                and "1" in before.text and bool(_INLINE_FIRST.search(before.text)))

    @staticmethod
    def _unread(outline: _Outline, prev: _Node | None, node: _Node, expected: int) -> bool:
        """The missing numbers open paragraphs the grammar did not take for headings."""
        if prev is None or node.heading.ordinal <= expected:
            return False
        between = [item.text for item in outline.items[prev.index + 1:node.index]
                   if isinstance(item, Paragraph)]
        wanted = [_numeral(n, node.heading.numeral) for n in range(expected, node.heading.ordinal)]
        return all(any(text.startswith(w) and text[len(w):len(w) + 1] in ".．、" for text in between)
                   for w in wanted)

    @staticmethod
    def _stray(outline: _Outline, prev: _Node | None, node: _Node, expected: int) -> bool:
        """The missing numbers are borne by headings written in another style between the two
        (（二）, 3., （四）): each opens a run of its own at that number, which is reported
        there (a run not starting at 1, a level skipped); the sibling run itself has no gap."""
        if prev is None or node.heading.ordinal <= expected:
            return False
        nodes = outline.nodes  # in document order: only those between the two are read
        lo = bisect_right(nodes, prev.index, key=lambda n: n.index)
        hi = bisect_left(nodes, node.index, key=lambda n: n.index)
        if hi - lo > node.heading.ordinal - expected + 8:
            return False  # many headings between: not a stray one or two
        borne = {other.heading.ordinal for other in nodes[lo:hi]
                 if other.heading.level != node.heading.level
                 and other.siblings[0] is other and other.heading.ordinal != 1}
        return all(n in borne for n in range(expected, node.heading.ordinal))

    @staticmethod
    def _continued(outline: _Outline, node: _Node) -> bool:
        """A run opening where the same level stopped under the previous parent: items counted
        on across parts (1. 2. 3. under 一、, then 4. 5. under 二、), a numbering some writers
        choose on purpose."""
        if node.siblings[0] is not node or node.heading.ordinal <= 1 or node.parent is None:
            return False
        uncle = node.parent.previous
        while uncle is not None and uncle.heading.level != node.parent.heading.level:
            uncle = uncle.previous
        if uncle is None:
            return False
        # the uncle's last child at this level: the node before this one's parent, if of that level
        lo = bisect_right(outline.nodes, uncle.index, key=lambda n: n.index)
        hi = bisect_left(outline.nodes, node.parent.index, key=lambda n: n.index)
        # (each uncle's subtree is walked for one parent only: linear over the document)
        last = next((outline.nodes[i] for i in range(hi - 1, lo - 1, -1)
                     if outline.nodes[i].parent is uncle
                     and outline.nodes[i].heading.level == node.heading.level), None)
        return last is not None and last.heading.ordinal + 1 == node.heading.ordinal

    @staticmethod
    def _renumber(run: list[_Node], start: int, stop: int, base: int) -> Fix | None:
        """Renumber ``run[start:stop]`` to ``base + position`` (the run's numbers once fixed)."""
        edits = []
        for position in range(start, stop):
            node, value = run[position], base + position
            if node.heading.ordinal != value:
                start, end = _numeral_span(node.heading)
                edits.append(Edit(start, end, _numeral(value, node.heading.numeral)))
        if not edits:
            return None
        return Fix("重新编号同级标题", tuple(edits), Applicability.UNSAFE)


def wrong_findings(ctx: RuleContext, run: list[_Node], wrong: list[int]) -> Iterator[Finding]:
    """One finding per misnumbered heading, each fixed by its own number."""
    base = run[0].heading.ordinal
    swapped = set()
    for position in wrong:
        if position in swapped:
            continue
        heading = run[position].heading
        value = base + position
        after = run[position + 1].heading if position + 1 < len(run) else None
        if (position + 1 in wrong and after is not None and heading.ordinal == value + 1
                and after.ordinal == value):
            # two neighbours in each other's place (（四） then （三）): one defect, one finding
            swapped.add(position + 1)
            edits = (Edit(*_numeral_span(heading), _numeral(value, heading.numeral)),
                     Edit(*_numeral_span(after), _numeral(value + 1, after.numeral)))
            yield ctx.report(heading.marker_span.start, heading.marker_span.end, "swap",
                             fix=Fix("交换两个标题的序号", edits, Applicability.UNSAFE),
                             got=heading.marker, next=after.marker)
            continue
        start, end = _numeral_span(heading)
        fix = Fix("改正标题序号", (Edit(start, end, _numeral(value, heading.numeral)),), Applicability.UNSAFE)
        yield ctx.report(heading.marker_span.start, heading.marker_span.end, "wrong", fix=fix,
                         got=heading.marker, want=_with_ordinal(heading, value))


class HeadingLevelSkipped(Rule):
    """A heading one level too deep for its parent: `1.` directly under `一、`.

    ## What it does
    Flags a heading whose level is more than one below its parent's in the order
    一、 → （一） → 1. → （1） (GB/T 9704-2012 7.3.3). A document may start at any level; only a
    jump below a parent counts. Glossary items (`1.“两重”：…`) and anything after an
    appendix or glossary line are left alone.

    ## Why is this bad?
    The reader expects `（一）` under `一、`; a `1.` there can mean a level was deleted. The
    standards allow skipping (GB/T 15834-2011 B.3.8 only forbids going back up, see HD007) and
    the 48 government reports used as a clean corpus skip only in appendices, so this is an
    info-level style note by default.

    ## Example
    ```
    二、社区党建工作情况
    1.加强组织建设
    ```

    ## Use instead
    ```
    二、社区党建工作情况
    （一）加强组织建设
    ```
    """

    code = "HD002"
    name = "heading-level-skipped"
    groups = ("headings",)
    severity = Severity.INFO
    standard = "GB/T 9704-2012 7.3.3"
    messages = {"default": (
        "标题“{marker}”直接位于“{parent}”之下，跳过了“{skipped}”一级",
        "heading {marker!r} sits directly under {parent!r}, skipping the {skipped!r} level",
    )}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for outline in _outlines(ctx):
            for node in outline.nodes:
                parent = node.parent
                heading = node.heading
                if parent is None or heading.level <= parent.heading.level + 1:
                    continue
                if _is_glossary(heading):
                    continue
                if node.siblings[0] is not node:
                    continue  # one finding per run
                levels = range(parent.heading.level + 1, heading.level)
                yield ctx.report(heading.marker_span.start, heading.marker_span.end,
                                 marker=heading.marker, parent=parent.heading.marker,
                                 skipped="".join(LEVEL_NAMES[level] for level in levels))


class HeadingLevelReversed(Rule):
    """A higher heading level after a lower one under the same parent: `1.` then `（一）`.

    ## What it does
    Flags a heading whose level is above the level of the sibling just before it under the
    same parent, e.g. a `（一）` that follows a `1.` inside one `一、` section.

    ## Why is this bad?
    GB/T 15834-2011 B.3.8: a document may start at any level, but the levels run downwards
    一、 → （一） → 1. → （1） and must not go back up within one branch. A reversed order
    usually means two outlines were pasted together.

    ## Example
    ```
    一、主要工作
    1.完善制度
    （一）加强队伍建设
    ```

    ## Use instead
    ```
    一、主要工作
    （一）完善制度
    （二）加强队伍建设
    ```
    """

    code = "HD007"
    name = "heading-level-reversed"
    groups = ("headings",)
    severity = Severity.WARNING
    standard = "GB/T 15834-2011 B.3.8"
    messages = {"default": (
        "标题层级倒置：“{marker}”出现在同一上级下的低一级标题“{before}”之后",
        "heading {marker!r} comes after the lower-level {before!r} under the same parent",
    )}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for outline in _outlines(ctx):
            for node in outline.nodes:
                before = node.previous
                if before is None or before.heading.level <= node.heading.level:
                    continue
                if _is_glossary(before.heading):
                    continue
                heading = node.heading
                yield ctx.report(heading.marker_span.start, heading.marker_span.end,
                                 marker=heading.marker, before=before.heading.marker)


class MixedHeadingStyles(Rule):
    """Headings of one level written in different styles: `1.` next to `2、`, `(一)` next to `（一）`.

    ## What it does
    Counts the marker styles of each heading level in an article (after an appendix line the
    count starts afresh) and flags the headings that differ from the most common style.

    ## Why is this bad?
    Mixed markers show text pasted together from several sources, and make readers wonder
    whether the two styles are two different levels.

    ## Example
    ```
    1.完善制度建设
    2、加强队伍建设
    ```

    ## Use instead
    ```
    1.完善制度建设
    2.加强队伍建设
    ```
    """

    code = "HD003"
    name = "mixed-heading-styles"
    groups = ("headings",)
    severity = Severity.WARNING
    messages = {"default": (
        "同级标题样式不一致：“{marker}”，本文此级多用“{usual}”",
        "heading marker {marker!r} differs from the usual {usual!r} at this level",
    )}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for outline in _outlines(ctx):
            groups: dict[tuple[int, int], list[_Node]] = {}
            for node in outline.nodes:
                groups.setdefault((node.scope, node.heading.level), []).append(node)
            for nodes in groups.values():
                styles = Counter(node.heading.style for node in nodes)
                if len(styles) < 2:
                    continue
                canonical = _canonical(nodes[0].heading.level)
                usual = max(styles, key=lambda s: (styles[s], s == canonical, -_first(nodes, s)))
                for node in nodes:
                    if node.heading.style != usual:
                        heading = node.heading
                        yield ctx.report(heading.marker_span.start, heading.marker_span.end,
                                         marker=heading.marker,
                                         usual=usual.replace("N", _numeral(1, heading.numeral)))


def _canonical(level: int) -> str:
    """The GB/T 9704-2012 7.3.3 style of a level, e.g. ``（N）``."""
    return LEVEL_NAMES[level].replace("一", "N").replace("1", "N")


def _first(nodes: list[_Node], style: str) -> int:
    return next(i for i, node in enumerate(nodes) if node.heading.style == style)


class ArabicOrdinalWithDunhao(Rule):
    """An Arabic heading ordinal followed by 顿号: `1、` where the standards want `1.`.

    ## What it does
    Flags third-level headings written `1、`, `2、` …

    ## Why is this bad?
    GB/T 15834-2011 B.3.3 gives Arabic-numeral ordinals a 下脚点 (`1.`), and GB/T 9704-2012
    7.3.3 prints the third level as `1.`; 顿号 belongs after Chinese numerals (`一、`).

    ## Example
    ```
    1、实施学前教育普及工程
    ```

    ## Use instead
    ```
    1.实施学前教育普及工程
    ```

    ## Fix safety
    Safe: only the point after the number changes.
    """

    code = "HD004"
    name = "arabic-ordinal-with-dunhao"
    groups = ("headings",)
    severity = Severity.WARNING
    fixable = Applicability.SAFE
    standard = "GB/T 15834-2011 B.3.3; GB/T 9704-2012 7.3.3"
    messages = {"default": ("阿拉伯数字序号“{marker}”应使用下脚点“{want}”",
                            "Arabic ordinal {marker!r} should use a full stop: {want!r}")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for heading in ctx.document.headings():
            if heading.level == 3 and heading.style == "N、":
                end = heading.marker_span.end
                want = heading.numeral + "."
                yield ctx.report(heading.marker_span.start, end, marker=heading.marker, want=want,
                                 fix=Fix.replace("改为下脚点", end - 1, end, "."))


class OrdinalPunctuation(Rule):
    """Wrong punctuation after a heading ordinal: `（一）、`, `一.`, `一，`, `1。`, `(1).`.

    ## What it does
    Checks the mark after each heading ordinal: a Chinese numeral takes 顿号 (`一、`), an
    Arabic numeral a 下脚点 (`1.`), and a bracketed ordinal nothing at all (`（一）`, `（1）`).
    `1、` is left to HD004.

    ## Why is this bad?
    GB/T 15834-2011 B.3.2–B.3.4 fixes these forms; a redundant or wrong mark looks careless
    in an official document.

    ## Example
    ```
    （一）、构建社区服务体系
    ```

    ## Use instead
    ```
    （一）构建社区服务体系
    ```

    ## Fix safety
    Safe: only the mark after the ordinal changes.
    """

    code = "HD005"
    name = "ordinal-punctuation"
    groups = ("headings",)
    severity = Severity.WARNING
    fixable = Applicability.SAFE
    standard = "GB/T 15834-2011 B.3.2–B.3.4"
    messages = {"default": ("序号“{marker}”后的标点有误，应为“{want}”",
                            "wrong punctuation after the ordinal {marker!r}; use {want!r}")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for heading in ctx.document.headings():
            start, end = heading.marker_span.start, heading.marker_span.end
            mark = heading.marker[-1]
            if heading.style[0] in "（(":
                if heading.style[-1] in "）)":
                    continue
                fix = Fix.replace("删去多余的标点", end - 1, end, "")
                want = heading.marker[:-1]
            else:
                point = _WRONG_POINT[1] if heading.level == 1 else _WRONG_POINT[3]
                if mark == point or (heading.level == 3 and mark in "、．"):
                    continue
                fix = Fix.replace("改正序号后的标点", end - 1, end, point)
                want = heading.numeral + point
            yield ctx.report(start, end, marker=heading.marker, want=want, fix=fix)


class HalfWidthHeadingBrackets(Rule):
    """Half-width brackets in a heading ordinal: `(一)` or `(1)` instead of `（一）`, `（1）`.

    ## What it does
    Flags ASCII parentheses around a heading ordinal.

    ## Why is this bad?
    GB/T 9704-2012 7.3.3 prints the second and fourth levels as `（一）` and `（1）` with
    full-width brackets; ASCII brackets are narrower and misalign the outline.

    ## Example
    ```
    (一)强化学校安全管理
    ```

    ## Use instead
    ```
    （一）强化学校安全管理
    ```

    ## Fix safety
    Safe: only the bracket characters change.
    """

    code = "HD006"
    name = "half-width-heading-brackets"
    groups = ("headings",)
    severity = Severity.WARNING
    fixable = Applicability.SAFE
    standard = "GB/T 9704-2012 7.3.3"
    messages = {"default": ("标题序号“{marker}”使用了半角括号，应为“{want}”",
                            "heading ordinal {marker!r} uses half-width brackets; use {want!r}")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for heading in ctx.document.headings():
            if "(" not in heading.marker and ")" not in heading.marker:
                continue
            start = heading.marker_span.start
            edits = tuple(Edit(start + i, start + i + 1, "（" if ch == "(" else "）")
                          for i, ch in enumerate(heading.marker) if ch in "()")
            want = heading.marker.replace("(", "（").replace(")", "）")
            yield ctx.report(start, heading.marker_span.end, marker=heading.marker, want=want,
                             fix=Fix("改为全角括号", edits))


_OUTLINE = lazy(r"[ \t\u3000]*([0-9]{1,2}(?:\.[0-9]{1,2}){1,3})(?![0-9])\.?(?=([ \t\u3000]+)?[\u4e00-\u9fff])")
_MEASURE_START = "万亿元倍%％‰"


def _outline_numbers(article: Article) -> Iterator[tuple[tuple[int, ...], Paragraph, int, int]]:
    """Paragraphs opening with a decimal outline number (`1.2 项目概况`, `2.1.3建设内容`).

    A number followed directly by text counts only on a short line without a full stop that
    does not go on with a measure word (`1.5万元` is an amount, not item 1.5).
    """
    for paragraph in article.paragraphs():
        text = paragraph.text
        if not text[:1].isdigit() and text[:1] not in " \t\u3000" or "." not in text[:12]:
            continue
        m = _OUTLINE.match(text)
        if m is None:
            continue
        spaced = m[2] is not None
        if not spaced and (len(text) > 40 or "。" in text or text[m.end():m.end() + 1] in _MEASURE_START):
            continue
        parts = tuple(int(n) for n in m[1].split("."))
        yield parts, paragraph, paragraph.span.start + m.start(1), paragraph.span.start + m.end(1)


class DecimalOutlineSequence(Rule):
    """Decimal outline numbers out of sequence: `1.1` `1.2` `1.4`, or `2.3` repeated.

    ## What it does
    Follows the numbers of a decimal outline (`1.1 项目概况`, `1.2 建设内容`, `2.1.1 …`, as
    technical reports, 方案 and university documents number their parts) and flags a number
    that does not follow the one before it under the same parent: a gap (`1.2` then `1.4`), a
    repeat (`2.3` twice) or a step back (`1.3` after `1.4`). The first child under a parent may
    be any number; a new parent starts a new run. Left alone: numbers in running text,
    amounts (`1.5万元`, `5.5%左右`), dates and versions (`2.3.1版本` in a sentence).

    ## Why is this bad?
    A skipped or repeated outline number means a part was deleted, moved or copied without
    renumbering, and cross-references to the parts go wrong.

    ## Example
    ```
    1.1 项目概况
    1.2 建设内容
    1.4 投资估算
    ```

    ## Use instead
    ```
    1.1 项目概况
    1.2 建设内容
    1.3 投资估算
    ```
    """

    code = "HD008"
    name = "decimal-outline-sequence"
    groups = ("headings",)
    severity = Severity.WARNING
    messages = {
        "default": ("多级序号“{got}”跳号：前一个是“{prev}”，应为“{want}”",
                    "outline number {got!r} skips: {prev!r} is followed by {want!r}"),
        "repeat": ("多级序号“{got}”重复或倒序：前一个是“{prev}”，应为“{want}”",
                   "outline number {got!r} repeats or goes back after {prev!r}: expected {want!r}"),
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article in ctx.document.articles:
            last: dict[tuple[int, ...], tuple[int, ...]] = {}
            for parts, _, start, end in _outline_numbers(article):
                parent = parts[:-1]
                prev = last.get(parent)
                # a deeper item resets the runs under it; a sibling run restarts when its parent changes
                for deeper in [k for k in last if len(k) > len(parent) and k[:len(parent)] == parent]:
                    del last[deeper]
                last[parent] = parts
                if prev is None:
                    continue
                want = (*parent, prev[-1] + 1)
                if parts[-1] == want[-1]:
                    continue
                key = "default" if parts[-1] > want[-1] else "repeat"
                yield ctx.report(start, end, key, got=_dotted(parts), prev=_dotted(prev), want=_dotted(want))


def _dotted(parts: tuple[int, ...]) -> str:
    return ".".join(map(str, parts))


RULES = [HeadingSequence, HeadingLevelSkipped, HeadingLevelReversed, MixedHeadingStyles,
         ArabicOrdinalWithDunhao,
         OrdinalPunctuation, HalfWidthHeadingBrackets, DecimalOutlineSequence]
