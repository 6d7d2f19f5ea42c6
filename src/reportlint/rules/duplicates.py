"""Copy-paste slips: a paragraph twice, sentences pasted twice in a row, doubled words (的的)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import groupby

from reportlint.diagnostics import Applicability, Finding, Fix, Severity
from reportlint.model import Line
from reportlint.rules.base import Option, Rule, RuleContext
from reportlint.text.chars import is_cjk
from reportlint.text.lazyre import finditer_at, lazy

_SPACES = lazy(r"[\s\u3000]+")
_SENTENCE = lazy(r"[^。！？；!?;]+[。！？；!?;]*")
_CLAUSE_SEP = "，,、"
_CLAUSE = lazy(rf"[^{_CLAUSE_SEP}。！？；!?;]+")
_CJK = r"\u4e00-\u9fff"
# a word written twice: 社区社区, 用友用友, a whole title pasted onto itself
DOUBLED = lazy(rf"([{_CJK}]{{2,20}})\1")
# the same word on both sides of a line break or a stray space: 社区⏎社区, 提高 提高
_GAP = lazy(r"\n|[ \u3000]+")
# function characters that never double inside a word, unless a neighbour makes a word (目的的确)
_FUNCTION_CHARS = "的了是在和与及对于把被从向将并而或之其以为们各要都也就还又再已"
_DOUBLED = lazy(rf"(?<![目别不实求])([{_FUNCTION_CHARS}])\1(?![确非之美在])")
_NEVER_DOUBLED = "们各"  # a suffix and a determiner no word doubles: 我们们, 各各单位
# legitimate reduplication (ABAB verbs and adjectives; AABB words are single characters doubled)
REDUPLICATION = frozenset(
    """
研究 讨论 学习 交流 商量 考虑 检查 整理 休息 锻炼 活动 了解 调查 准备 介绍 分析 比较 清理
收拾 熟悉 体验 放松 高兴 热闹 暖和 凉快 打扫 总结 琢磨 溜达 表示 慰问 看望 走访 宣传 指导
雪白 通红 笔直 冰凉 滚烫 碧绿 金黄 火红 蔚蓝 漆黑
""".split()
)


# verbs whose object is a noun: what follows them is a thing, not an ABAB verb (开展检查检查)
_NOMINAL_VERBS = ("开展", "进行", "组织", "加强", "强化", "安全", "专项", "日常", "监督", "全面")

_HALF_TO_FULL = str.maketrans({",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"})
_HALF = ",;:!?()"
_PARAGRAPH_END = tuple("。！？；…”’）)》：:!?;")


def _line_text(line: Line) -> str:
    return _SPACES.sub("", line.text)


def _paragraph_key(text: str) -> str:
    """A paragraph as compared: no spaces, half-width punctuation as full-width (`,` = `，`)."""
    text = _SPACES.sub("", text)
    # translate() looks each character up in a dict: ~20 µs a sentence, so only when there is one to map
    return text.translate(_HALF_TO_FULL) if any(half in text for half in _HALF) else text


def _logical_paragraphs(ctx: RuleContext, skip: set[int]) -> list[list[Line]]:
    """Lines joined where a hard wrap broke a paragraph: a line that stops without closing
    punctuation runs on into the next line (`……研究部署，⏎推动各项措施落地见效。`)."""
    groups: list[list[Line]] = []
    open_group = False
    for line in ctx.document.lines:
        if line.number in skip:
            open_group = False
            continue
        text = line.text.rstrip()
        run_on = open_group and groups and line.number == groups[-1][-1].number + 1
        if run_on:
            groups[-1].append(line)
        else:
            groups.append([line])
        open_group = bool(text) and text[-1] in "，、," and len(text) >= 10
    return groups


def _skipped_lines(ctx: RuleContext) -> set[int]:
    """Titles and 第N篇 markers (a repeated title is the residue rules' business), and the lines of
    GB/T 9704 elements: a 纪要's 版头 and 版记 both name the issuing office and the date."""
    skip: set[int] = set()
    for article in ctx.document.articles:
        for line in (article.title, article.marker):
            if line is not None:
                skip.add(line.number)
        for element in article.elements:
            skip.update(line.number for line in element.lines)
    return skip


def _delete_line(ctx: RuleContext, start: int, end: int) -> tuple[int, int]:
    """Widen a whole-line deletion to take one newline with it."""
    if end < len(ctx.text) and ctx.text[end] == "\n":
        return start, end + 1
    if start > 0 and ctx.text[start - 1] == "\n":
        return start - 1, end
    return start, end


class DuplicateParagraph(Rule):
    """The same paragraph twice in one document, adjacent or not.

    ## What it does
    Compares every paragraph of at least `min-length` characters with the paragraphs before it
    and flags a repeat. Copies that differ only in spaces, in half- or full-width punctuation
    (`,` for `，`) or in where a hard wrap broke the line (a line ending in `，` runs on into the
    next) count as the same paragraph. Titles are left to the residue rules; a paragraph that
    differs in any word is left to DU004; the lines of GB/T 9704 elements are left alone (a
    纪要's 版头 and its 印发 line both read `县人民政府办公室　2025年3月16日`).

    ## Why is this bad?
    A paragraph pasted twice shows that the report was assembled from pieces and never read
    through; it also inflates what the office claims to have done.

    ## Example
    ```
    全年共组织培训12期，培训干部职工600余人次。
    ……
    全年共组织培训12期，培训干部职工600余人次。
    ```

    ## Use instead
    ```
    全年共组织培训12期，培训干部职工600余人次。
    ……
    ```

    ## Fix safety
    Unsafe: deleting the later copy is offered, but which copy belongs where is a human
    decision.
    """

    code = "DU001"
    name = "duplicate-paragraph"
    groups = ("duplicates",)
    severity = Severity.WARNING
    fixable = Applicability.UNSAFE
    options = {"min-length": Option(20, int, "shortest paragraph (in characters) compared")}
    messages = {
        "default": ("本段与第 {first} 行的段落完全相同", "this paragraph repeats line {first}")
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        seen: dict[str, int] = {}
        for group in _logical_paragraphs(ctx, _skipped_lines(ctx)):
            key = "".join(_paragraph_key(line.text) for line in group)
            if len(key) < self.settings["min-length"]:
                continue
            if key in seen:
                first, last = group[0].span.start, group[-1].span.end
                start, end = _delete_line(ctx, first, last)
                fix = Fix.replace("删除重复的段落", start, end, "", Applicability.UNSAFE)
                yield ctx.report(first, last, fix=fix, first=seen[key])
            else:
                seen[key] = group[0].number


class Piece:
    """A sentence or clause: its text without spaces and terminator, and its span.

    DU002 and DU004 hold every sentence of the document at once, so a piece keeps its span as
    offsets into its line (``at``, ``to``: small numbers Python shares) and the model's line
    itself, not two more integers each (~25% of the pieces' memory)."""

    __slots__ = ("key", "at", "to", "of")

    def __init__(self, key: str, at: int, to: int, of: Line) -> None:
        self.key, self.at, self.to, self.of = key, at, to, of

    @property
    def start(self) -> int:
        return self.of.span.start + self.at

    @property
    def end(self) -> int:
        return self.of.span.start + self.to

    @property
    def line(self) -> int:
        """The line number."""
        return self.of.number


def _line_number(piece: Piece) -> int:
    return piece.of.number


def _sentences(ctx: RuleContext) -> list[Piece]:
    """Every sentence of the document in order; paragraph breaks do not separate them here
    (computed once per document for DU002 and DU004; neither changes the list)."""
    return ctx.shared("duplicates:sentences", lambda: _split_sentences(ctx))


def _split_sentences(ctx: RuleContext) -> list[Piece]:
    pieces: list[Piece] = []
    for line in ctx.document.lines:
        for m in _SENTENCE.finditer(line.text):
            key = _paragraph_key(m.group(0)).rstrip("。！？；!?;")
            if m.start() == 0:  # `2．深入学习…。深入学习…。`: the item's number is not its text
                key = key[len(_key_marker(key)):]
            if key:
                pieces.append(Piece(key, m.start(), m.end(), line))
    return pieces


_ITEM_MARKER = lazy(r"(?:[0-9]{1,2}[.．、]|[（(][0-9一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)")


def _key_marker(key: str) -> str:
    m = _ITEM_MARKER.match(key)
    return m.group(0) if m and len(key) > m.end() else ""


def repeated_blocks(
    pieces: list[Piece], min_chars: int, max_block: int = 4
) -> Iterator[tuple[int, int]]:
    """(i, k): pieces[i+k:i+2k] repeats pieces[i:i+k] right after it."""
    keys = [p.key for p in pieces]
    i = 0
    while i < len(keys):
        for k in range(1, max_block + 1):
            if i + 2 * k > len(keys) or keys[i] != keys[i + k]:
                continue
            if (
                keys[i : i + k] == keys[i + k : i + 2 * k]
                and sum(map(len, keys[i : i + k])) >= min_chars
            ):
                yield i, k
                i += 2 * k - 1
                break
        i += 1


class RepeatedSentence(Rule):
    """The same sentence (or clause) pasted twice in a row.

    ## What it does
    Flags a sentence, or a run of up to four sentences, that is immediately repeated — also
    across a paragraph break —, a sentence of at least ten Chinese characters written again
    later in the same paragraph (`A。B。A。`), a clause of at least four Chinese characters
    that repeats the end of the clause before it (`各项工作组织到位，组织到位`), and two or three
    clauses written again right after themselves (`每周5天、每天不少于2小时，每周5天、每天不少于2小时`),
    and a clause of at least six Chinese characters written again further on in its sentence
    (`完善工作制度，强化督查考核，完善工作制度，…`), and the last clause of a sentence written again
    as the first clause of the next in one paragraph (eight or more Chinese characters:
    `…，督促整改燃气管道老化问题37处。督促整改燃气管道老化问题37处，…`), and more widely the
    opening clauses of a sentence, or all of it, written already as whole clauses of the
    sentence before (`…，A，B。A，B。`; a shared opening, `A，C。A，D。`, of twelve or more,
    lest parallel rhetoric be taken for a paste).
    A list item's number is not compared (`2．深入学习…。深入学习…。`). Left alone: short
    formulas repeated on purpose (`会议强调：要抓落实。`); a sentence repeated in a paragraph
    further away is DU004's.

    ## Why is this bad?
    A double paste: the reader meets the same words twice and stops trusting the text.

    ## Example
    ```
    加强风险管理，提高监管有效性。加强风险管理，提高监管有效性。
    ```

    ## Use instead
    ```
    加强风险管理，提高监管有效性。
    ```

    ## Fix safety
    Unsafe: deleting the second copy is offered; a human should confirm.
    """

    code = "DU002"
    name = "repeated-sentence"
    groups = ("duplicates",)
    severity = Severity.WARNING
    fixable = Applicability.UNSAFE
    options = {"min-length": Option(6, int, "shortest repeated sentence text (in characters)")}
    messages = {
        "default": (
            "句子重复：紧接着又写了一遍“{text}”",
            "sentence pasted twice in a row: {text!r}",
        ),
        "clause": ("分句重复：“{text}”紧接着又写了一遍", "clause pasted twice in a row: {text!r}"),
        "head": ("分句重复：上一句已经写过“{text}”", "clause already written in the sentence before: {text!r}"),
        "clause_again": ("分句重复：本句前面已经写过“{text}”", "clause repeated within its sentence: {text!r}"),
        "again": ("句子重复：本段前面已经写过“{text}”", "sentence repeated within its paragraph: {text!r}"),
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        pieces = _sentences(ctx)
        adjacent: set[int] = set()
        for i, k in repeated_blocks(pieces, self.settings["min-length"]):
            adjacent.update(range(i, i + 2 * k))
            start, end = pieces[i + k].start, pieces[i + 2 * k - 1].end
            lo, hi = start, end
            if ctx.source.lines.position(start)[1] == 1 and (
                end == len(ctx.text) or ctx.text[end] == "\n"
            ):
                lo, hi = _delete_line(ctx, start, end)
            fix = Fix.replace("删除重复的句子", lo, hi, "", Applicability.UNSAFE)
            yield ctx.report(start, end, fix=fix, text=_excerpt(pieces[i + k].key))
        yield from self._again(ctx, pieces, adjacent)
        yield from self._across(ctx, pieces, adjacent)
        for piece in pieces:
            yield from self._clauses(ctx, piece)

    def _again(self, ctx: RuleContext, pieces: list[Piece], adjacent: set[int]) -> Iterator[Finding]:
        """A sentence of at least ten Chinese characters written again later in its paragraph."""
        seen: dict[str, int] = {}
        line = -1
        for index, piece in enumerate(pieces):
            if piece.line != line:
                seen, line = {}, piece.line
            # the Chinese characters are counted last: only for a sentence already seen
            if (index not in adjacent and piece.key in seen and seen[piece.key] not in adjacent
                    and sum(map(is_cjk, piece.key)) >= max(10, self.settings["min-length"])):
                fix = Fix.replace("删除重复的句子", piece.start, piece.end, "", Applicability.UNSAFE)
                yield ctx.report(piece.start, piece.end, "again", fix=fix, text=_excerpt(piece.key))
            else:
                seen.setdefault(piece.key, index)

    def _across(self, ctx: RuleContext, pieces: list[Piece], adjacent: set[int]) -> Iterator[Finding]:
        """`…，组织企业负责人培训4期。组织企业负责人培训4期，参训286人次。`: the opening clauses of a
        sentence (one or more, or the whole sentence) written already as whole clauses of the
        sentence before, in one paragraph (eight or more Chinese characters; a whole sentence
        repeated is the check above)."""
        for index in range(1, len(pieces)):
            before, piece = pieces[index - 1], pieces[index]
            if before.line != piece.line or index in adjacent or index - 1 in adjacent:
                continue
            head = _repeated_head(before.key, piece.key)
            if head is None:
                continue
            text = ctx.text[piece.start:piece.end]
            at = text.find(head[:4])
            if at == -1:
                continue
            sep = _CLAUSE_CUT.search(text, at + len(head) - 1)
            end = piece.start + (sep.end() if sep else len(text))
            fix = Fix.replace("删除重复的分句", piece.start + at, end, "", Applicability.UNSAFE)
            key = "clause" if before.key.endswith(head) else "head"
            yield ctx.report(piece.start + at, end, key, fix=fix, text=_excerpt(head))

    def _clauses(self, ctx: RuleContext, sentence: Piece) -> Iterator[Finding]:
        text = ctx.text[sentence.start : sentence.end]
        parts = list(_CLAUSE.finditer(text))
        if len(parts) < 2:
            return  # one clause repeats nothing
        # a run of two clauses written again needs four clauses at least
        runs = list(self._clause_runs(ctx, sentence, text, parts)) if len(parts) >= 4 else []
        yield from runs
        if not runs:
            yield from self._clause_again(ctx, sentence, parts)
        for a, b in zip(parts, parts[1:], strict=False):
            key = b.group(0).strip()
            if (
                a.group(0).strip().endswith(key)
                and text[a.end() : b.start()].strip() in _CLAUSE_SEP
                and sum(map(is_cjk, key)) >= 4
            ):
                start, end = sentence.start + a.end(), sentence.start + b.end()
                fix = Fix.replace("删除重复的分句", start, end, "", Applicability.UNSAFE)
                yield ctx.report(sentence.start + b.start(), end, "clause", fix=fix, text=key)

    def _clause_again(self, ctx: RuleContext, sentence: Piece, parts: list[re.Match[str]]) -> Iterator[Finding]:
        """`加强组织领导，压实工作责任，加强组织领导，…`: a clause of six or more Chinese characters
        written again further on in its sentence (the clause right after is the check below)."""
        keys = [m.group(0).strip() for m in parts]
        for i in range(2, len(keys)):
            if keys[i] != keys[i - 1] and keys[i] in keys[:i - 1] and sum(map(is_cjk, keys[i])) >= 6:
                start, end = sentence.start + parts[i - 1].end(), sentence.start + parts[i].end()
                fix = Fix.replace("删除重复的分句", start, end, "", Applicability.UNSAFE)
                yield ctx.report(sentence.start + parts[i].start(), end, "clause_again", fix=fix, text=keys[i])

    def _clause_runs(self, ctx: RuleContext, sentence: Piece, text: str,
                     parts: list[re.Match[str]]) -> Iterator[Finding]:
        """`每周5天、每天不少于2小时，每周5天、每天不少于2小时`: two or three clauses written again."""
        i = 2
        while i < len(parts):
            for k in (3, 2):
                if _clause_run_repeat(text, parts, i, k) and sum(
                        sum(map(is_cjk, m.group(0))) for m in parts[i:i + k]) >= 4:
                    start = sentence.start + parts[i - 1].end()
                    end = sentence.start + parts[i + k - 1].end()
                    key = text[parts[i].start():parts[i + k - 1].end()]
                    fix = Fix.replace("删除重复的分句", start, end, "", Applicability.UNSAFE)
                    yield ctx.report(sentence.start + parts[i].start(), end, "clause", fix=fix, text=key)
                    i += k - 1
                    break
            i += 1


_CLAUSE_CUT = lazy(r"[，,；;：:]")


_PASTED_OPENING = 12  # Chinese characters of a clause opening two sentences that make it a paste


def _repeated_head(before: str, key: str) -> str | None:
    """The longest run of ``key``'s opening clauses (eight Chinese characters or more) that
    ``before`` holds as whole clauses: its end (`…，A，B。A，B。`), its middle, or its start
    (`A，C。A，D。`, twelve Chinese characters or more). Heads are tried from the shortest and
    the search stops at the first that ``before`` does not hold (no longer one can be there)."""
    best = None
    count, counted = 0, 0
    for m in (*_CLAUSE_CUT.finditer(key), None):
        cut = m.start() if m else len(key)
        count += sum(map(is_cjk, key[counted:cut]))
        counted = cut
        if count < 8:
            continue
        head = key[:cut]
        at = before.find(head)
        if at == -1:
            break
        while at != -1:
            after = at + len(head)
            # a shared opening of two sentences may be rhetoric (`我们要坚持稳中求进，…。我们要坚持
            # 稳中求进，…`): only a long one is taken for a paste
            if ((before[at - 1] in "，,；;：:" if at else count >= _PASTED_OPENING)
                    and (after == len(before) or before[after] in "，,；;：:")
                    and not (at == 0 and after == len(before))):
                best = head
                break
            at = before.find(head, at + 1)
    return best


def _clause_run_repeat(text: str, parts: list[re.Match[str]], i: int, k: int) -> bool:
    """Whether the ``k`` clauses from ``parts[i]`` repeat the ``k`` before them, separators too."""
    if i < k or i + k > len(parts) or parts[i - 1].group(0).strip() != parts[i + k - 1].group(0).strip():
        return False  # the last clauses of the two runs differ (checked first: it rules out most)
    first, second = parts[i - k:i], parts[i:i + k]
    old, new = [m.group(0).strip() for m in first], [m.group(0).strip() for m in second]
    # the first clause may carry words before the run (`即每周5天、…，每周5天、…`)
    if old[1:] != new[1:] or not old[0].endswith(new[0]):
        return False
    between = [text[a.end():b.start()].strip() for a, b in zip(second, second[1:], strict=False)]
    before = [text[a.end():b.start()].strip() for a, b in zip(first, first[1:], strict=False)]
    return between == before and text[first[-1].end():second[0].start()].strip() in _CLAUSE_SEP


def _excerpt(text: str, width: int = 20) -> str:
    return text if len(text) <= width else text[:width] + "…"


class DoubledWord(Rule):
    """A word or function character written twice: `的的`, `社区社区`.

    ## What it does
    Flags a doubled function character (的的, 了了, 是是, 在在 …) and a doubled word of two or
    more characters, also across a line break in a hard-wrapped paragraph (`社区⏎社区`,
    `的⏎的`) or a stray space (`提高 提高`), and where jieba glues the second copy to the word
    after it (`认真认真落实`: 认真 + 认真落实). Doubled adverbs and modals count as function
    characters (要要, 都都, 也也, 就就, 还还, 又又, 再再, 已已). Legitimate reduplication is not
    flagged: AABB forms (实实在在, 的的确确), ABAB verbs and adjectives (研究研究, 雪白雪白) unless
    counted or the object of 开展/进行 (`开展安全检查检查36次`), 一X一X (一步一步), 不了了之, and a
    character that belongs to the word beside it (主要要抓, 就就业, 北京大学大学生). A word is also
    doubled when jieba glues each copy to a neighbour (`深入开展开展调查`: 深入开展/开展调查).

    ## Why is this bad?
    A doubled word is a typing or pasting slip that any careful reader notices at once.

    ## Example
    ```
    让党员参与社区社区建设，营造良好的的氛围。
    ```

    ## Use instead
    ```
    让党员参与社区建设，营造良好的氛围。
    ```

    ## Fix safety
    Unsafe: the second copy is deleted; a human should confirm it was not meant.
    """

    code = "DU003"
    name = "doubled-word"
    groups = ("duplicates",)
    severity = Severity.WARNING
    fixable = Applicability.UNSAFE
    messages = {"default": ("“{word}”重复：写成了“{text}”", "{word!r} is written twice: {text!r}")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        hits: list[tuple[int, int, str]] = []
        for m in DOUBLED.finditer(ctx.text):
            unit = m.group(1)
            if self._legitimate(ctx.text, m.start(), unit) or not _whole_words(
                ctx.text, m.start(), unit
            ):
                continue
            hits.append((m.start(), m.end(), unit))
        # both lists come in text order: how far the hits starting at or before ``at`` reach
        # is kept as the scan goes (a test of every hit per character was quadratic)
        words, j, reach = len(hits), 0, -1
        for at in _doubled_chars(ctx.text):
            while j < words and hits[j][0] <= at:
                reach = max(reach, hits[j][1])
                j += 1
            if at < reach or _aabb(ctx.text, at):
                continue
            if ctx.text[at] in _NEVER_DOUBLED or _whole_words(ctx.text, at, ctx.text[at]):
                hits.append((at, at + 2, ctx.text[at]))
                reach = max(reach, at + 2)
        hits.extend(_across_wraps(ctx.text))
        for start, end, unit in sorted(hits):
            mid = end - len(unit)  # the second copy (after the line break, for a wrapped one)
            if "\n" not in ctx.text[start:end]:
                mid = start + len(unit)  # a stray space goes with the copy
            fix = Fix.replace("删除重复的字词", mid, end, "", Applicability.UNSAFE)
            yield ctx.report(start, end, fix=fix, word=unit, text=ctx.text[start:end].replace("\n", "⏎"))

    @staticmethod
    def _legitimate(text: str, start: int, unit: str) -> bool:
        if unit in REDUPLICATION:
            # an ABAB verb is never the object of 开展/进行 nor counted (安全检查检查36次)
            after = text[start + 2 * len(unit):start + 2 * len(unit) + 1]
            return not (after.isdigit() or after in "一二三四五六七八九十两"
                        or text[max(0, start - 4):start].endswith(_NOMINAL_VERBS))
        if len(set(unit)) == 1:
            return True
        if len(unit) == 2 and unit[0] == "一":  # 一步一步, 一点一点
            return True
        return len(unit) == 2 and (_aabb(text, start) or _aabb(text, start + 2))


def _whole_words(text: str, start: int, unit: str) -> bool:
    """Short units often straddle words (产业创业创新, 深化文化文艺): ask jieba where words break.

    Only these rare candidates are segmented, so a clean text never loads jieba.
    """
    if len(unit) > 3:
        return True
    from reportlint.text.segment import _window, boundaries

    end = start + 2 * len(unit)
    lo, hi = _window(text, start, end)
    cuts = boundaries(text[lo:hi])
    if {start - lo, start - lo + len(unit), end - lo} <= cuts:
        return True
    if len(unit) < 2:
        return False
    # jieba may glue a copy to its neighbour (切实加强加强 → 切实加强/加强 or 强加): the text
    # reads right with one copy deleted when a word then ends where the unit ends (切实加强|组织)
    # and the second copy is a word of its own; where the pair straddles two words it does not
    # (构建共建共治: 共建|共治, the second 建共 is no word)
    single = text[lo:start + len(unit)] + text[end:hi]
    if {start - lo + len(unit), end - lo} <= cuts and start - lo + len(unit) in boundaries(single):
        return True
    # or glue a copy to its neighbour (认真认真落实 → 认真/认真落实, 深入开展开展调查 → 深入开展/开展调查):
    # the copies meet at a word boundary, and each word holding a copy is the unit alone or the
    # unit and another whole word (认真+落实, 深入+开展) — not a longer word built on the unit
    # (北京大学大学生: 大学生 is 大学+生)
    mid = start - lo + len(unit)
    if mid not in cuts or boundaries(unit) != {0, len(unit)}:
        return False
    left = max(c for c in cuts if c <= start - lo)
    right = min((c for c in cuts if c >= end - lo), default=end - lo)
    before, after = text[lo + left:start], text[end:lo + right]
    return all(not piece or len(piece) >= 2 and boundaries(piece) == {0, len(piece)}
               for piece in (before, after))


def _doubled_chars(text: str) -> list[int]:
    """Where a function character is written twice, unless a neighbour makes it a word (目的的确)."""
    return [m.start() for m in _DOUBLED.finditer(text)]


def _across_wraps(text: str) -> list[tuple[int, int, str]]:
    """`社区⏎社区`, `提高 提高`: a line break or a stray space with the same word on both sides.

    The second copy is what follows the gap (so the finding spans it); a single character
    counts only for the function characters (`的⏎的`).
    """
    found: list[tuple[int, int, str]] = []
    if "\n" not in text and " " not in text and "\u3000" not in text:
        return found
    for gap in _GAP.finditer(text):
        at, after = gap.start(), gap.end()
        if not (at and is_cjk(text[at - 1]) and is_cjk(text[after:after + 1] or "a")):
            continue
        for n in (4, 3, 2, 1):
            unit = text[at - n:at]
            if len(unit) < n or text[after:after + n] != unit or not all(map(is_cjk, unit)):
                continue
            if n == 1 and unit not in _FUNCTION_CHARS:
                break
            joined = text[max(0, at - 12):at] + text[after:after + 12]
            start = min(at, 12) - n
            # a space already marks the word boundary jieba would be asked for (进一步提高 提高)
            wrap = gap.group(0) == "\n"
            if n > 1 and (DoubledWord._legitimate(joined, start, unit)
                          or (wrap and not _whole_words(joined, start, unit))):
                break
            found.append((at - n, after + n, unit))
            break
    return found


def _aabb(text: str, start: int) -> bool:
    """实实在在, 的的确确: a doubled character next to another doubled character."""

    def doubled(i: int) -> bool:
        return i >= 0 and i + 1 < len(text) and text[i] == text[i + 1]

    return doubled(start - 2) or doubled(start + 2)


_ORDINAL_CHARS = set("一二三四五六七八九十百第首次再其后最")


def near_repeat(a: str, b: str, min_chars: int = 15) -> tuple[int, int, str] | None:
    """Where ``b`` repeats ``a`` with a few words changed: the first change as (start, end) in
    ``b`` and the text it replaced in ``a``; None when the two are equal or too short, or differ
    in more than a few characters (at most four, or 15% of the longer, in up to three places),
    or in a number, an ordinal or Latin text (parallel statements: `增长6.9%` / `增长12.9%`,
    `（一）…` / `（二）…`).
    """
    if a == b or min(len(a), len(b)) < min_chars or abs(len(a) - len(b)) > 0.25 * max(len(a), len(b)):
        return None
    # quick_ratio() below counts the characters a and b have in common (as multisets): a kind of
    # character only one of them holds matches nothing, so this bound, from two sets, rules out
    # most pairs before the matcher is built (the same test on the same figures, never a new one)
    common = min(len(a) - len(set(a).difference(b)), len(b) - len(set(b).difference(a)))
    if 2.0 * common / (len(a) + len(b)) < 0.8:
        return None
    from difflib import SequenceMatcher

    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < 0.8 or matcher.quick_ratio() < 0.8 or matcher.ratio() < 0.8:
        return None
    changes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    old = sum(i2 - i1 for _, i1, i2, _, _ in changes)
    new = sum(j2 - j1 for _, _, _, j1, j2 in changes)
    if len(changes) > 3 or max(old, new) > max(4, 0.15 * max(len(a), len(b))):
        return None
    changed = "".join(a[i1:i2] + b[j1:j2] for _, i1, i2, j1, j2 in changes)
    if any(c.isdigit() or c in _ORDINAL_CHARS or c.isascii() for c in changed):
        return None
    _, i1, i2, j1, j2 = changes[0]
    return j1, j2, a[i1:i2]


_CLAUSE_MARKS = lazy(r"[，,：:]")


def _cjk_count(text: str) -> int:
    return sum(map(is_cjk, text))


def partial_repeat(a: str, b: str, min_cjk: int = 16) -> str | None:
    """The clauses ``b`` takes over from ``a`` when ``b`` is mostly a copy of part of ``a``: its
    clauses are a run of ``a``'s (`A，B，C。` … `B。`), or the two share their first or last
    clauses with only the other end rewritten (`3月20日，会议研究，拟将…` / `经会议研究，拟将…`).
    None unless the shared clauses hold ``min_cjk`` Chinese characters and most of ``b``'s."""
    if a == b:
        return None
    first, second = [c for c in _CLAUSE_MARKS.split(a) if c], [c for c in _CLAUSE_MARKS.split(b) if c]
    if len(first) < 2:
        return None
    shared: list[str] = []
    n = len(second)
    if n < len(first) and any(first[i:i + n] == second for i in range(len(first) - n + 1)):
        shared = second
    else:
        k = 0
        while k < min(len(first), n) - 1 and first[-1 - k] == second[-1 - k]:
            k += 1
        j = 0
        while j < min(len(first), n) - 1 and first[j] == second[j]:
            j += 1
        shared = second[n - k:] if k >= j else second[:j]
    count = _cjk_count("".join(shared))
    if count < min_cjk or count < 0.7 * _cjk_count(b):
        return None
    return "，".join(shared)


class NearRepeatedSentence(Rule):
    """A sentence pasted again with one word changed, in the same or the next paragraph.

    ## What it does
    Compares each sentence of at least `min-length` characters with the sentences of its own
    paragraph and of the paragraph before it, and flags one that repeats an earlier sentence
    except for a few changed Chinese characters (at most four, or 15% of the sentence, in up
    to three places: `组织党员` → `带领党员`, `落脚点` → `归宿点`): the trace of a paste that was
    edited and never removed; a sentence of at least ten Chinese characters written again
    word for word in the next paragraph, away from where DU002 sees it; and a sentence of at
    least sixteen Chinese characters written again word for word in any later paragraph (fields
    of a task list, `配合单位：…`, are left alone; a paragraph pasted again is reported once, at
    its start; the body of a run-in heading, `（四）做好纠纷处置。坚持…`, is compared too); and a
    sentence that is mostly (at least
    sixteen Chinese characters) clauses of a sentence in its own or the paragraph before, with
    only its opening or its end rewritten (`3月20日，局务会研究，拟…` / `经局务会研究，拟…`) or one
    clause of it written again on its own. Left alone: parallel
    statements that differ in a number (`利润增长6.9%` / `利润增长12.9%`), an ordinal
    (`（一）……` / `（二）……`), Latin text or in more words than that, and near repeats in
    paragraphs further apart. Identical paragraphs are DU001's, adjacent sentences DU002's.

    ## Why is this bad?
    Two almost identical sentences side by side say the same thing twice; the reader stops to
    look for a difference that is not there.

    ## Example
    ```
    支部坚持每月开展一次主题党日活动，组织党员深入学习党的创新理论。
    支部坚持每月开展一次主题党日活动，带领党员深入学习党的创新理论。
    ```

    ## Use instead
    ```
    支部坚持每月开展一次主题党日活动，组织党员深入学习党的创新理论。
    ```
    """

    code = "DU004"
    name = "near-repeated-sentence"
    groups = ("duplicates",)
    severity = Severity.WARNING
    options = {"min-length": Option(15, int, "shortest sentence (in characters) compared")}
    messages = {
        "default": (
            "句子近似重复：与第 {first} 行的句子只差“{old}”/“{new}”，疑为粘贴后未删除",
            "near-repeat of the sentence on line {first}, differing only in {old!r}/{new!r}",
        ),
        "exact": ("句子重复：上一段（第 {first} 行）已经写过“{text}”",
                  "sentence repeated from the paragraph before (line {first}): {text!r}"),
        "far": ("句子重复：第 {first} 行已经写过“{text}”",
                "sentence repeated from line {first}: {text!r}"),
        "part": ("句子重复：第 {first} 行的句子里已经写过“{text}”，疑为粘贴后未删除",
                 "the sentence on line {first} already says {text!r}: a paste never removed"),
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        skip = _skipped_lines(ctx)
        pieces = [p for p in _sentences(ctx) if p.line not in skip]
        pasted = {id(pieces[i + k + j]) for i, k in repeated_blocks(pieces, 6) for j in range(k)}
        headings = {h.line.number for h in ctx.document.headings()}
        previous: list[Piece] = []
        earlier_lines: dict[str, int] = {}  # sentences of the paragraphs before the previous one
        whole_lines: set[str] = set()
        # the pieces of each line in turn (they come in line order): no dict of every line's list
        for number, group in groupby(pieces, key=_line_number):
            current = list(group)
            line_key = "".join(p.key for p in current)  # the whole line, a run-in heading's title too
            if number in headings:
                earlier_lines.update((e.key, e.line) for e in previous if e.key not in earlier_lines)
                previous = []
                # a run-in heading (`（四）做好纠纷处置。坚持…。`): its title is no sentence, its body is
                current = current[1:]
                if not current:
                    continue
            seen = {e.key for e in previous}
            repeated_line = line_key in whole_lines  # DU001's: the whole paragraph again
            whole_lines.add(line_key)
            far_from = -1
            for index, piece in enumerate(current):
                if id(piece) in pasted:
                    continue  # DU002's: pasted twice in a row
                first = earlier_lines.get(piece.key)
                if (first is not None and piece.key not in seen and not repeated_line
                        and sum(map(is_cjk, piece.key)) >= FAR_MIN_CJK and not _FIELD.match(piece.key)):
                    if first != far_from:  # a paragraph pasted again: one finding, at its start
                        yield ctx.report(piece.start, piece.end, "far", first=first, text=_excerpt(piece.key))
                    far_from = first
                    continue
                far_from = -1
                if (piece.key in seen and sum(map(is_cjk, piece.key)) >= 10
                        and len(piece.key) >= self.settings["min-length"]):
                    yield ctx.report(piece.start, piece.end, "exact", first=previous[0].line,
                                     text=_excerpt(piece.key))
                    continue
                if len(piece.key) < self.settings["min-length"]:
                    continue  # near_repeat refuses every pair with a sentence this short
                # the nearest sentences only: a paragraph of thousands of pieces stays linear
                for earlier in (*previous[-NEAR_WINDOW:], *current[max(0, index - NEAR_WINDOW):index]):
                    changed = near_repeat(earlier.key, piece.key, self.settings["min-length"])
                    if changed is None:
                        part = partial_repeat(earlier.key, piece.key)
                        if part is not None:
                            yield ctx.report(piece.start, piece.end, "part", first=earlier.line,
                                             text=_excerpt(part))
                            break
                        continue
                    lo, hi, old = changed
                    yield ctx.report(piece.start, piece.end, first=earlier.line, old=old or "∅",
                                     new=piece.key[lo:hi] or "∅")
                    break
            earlier_lines.update((e.key, e.line) for e in previous if e.key not in earlier_lines)
            previous = current


# a sentence this long written again word for word in a paragraph further away is a paste (real
# reports restate a heading-length phrase, not a sentence of this length)
FAR_MIN_CJK = 16
# `配合单位：县财政局、县自然资源局…`: a field of a task list repeats on purpose
_FIELD = lazy(r"[^，。：:]{1,8}[：:]")

NEAR_WINDOW = 40  # sentences compared back for a near repeat (a real paragraph has far fewer)

_NUM = r"[0-9０-９.．一二三四五六七八九十百千万亿两]+"
_NOT_PUNCT = r"[^，。；：！？、,.;:!?\n]"
# (pattern, the redundant part's group) — two words for one meaning inside one clause.
# Sources: 《咬文嚼字》编辑部《咬文嚼字》合订本“语病门诊”（约……左右、超过……以上、截至……为止、
# 各位……们 are its standing examples of 语义重复）; 吕叔湘、朱德熙《语法修辞讲话》第五讲“重复”
_REDUNDANT = lazy(
    rf"(?:大约|约|近|将近|大概|估计)(?P<n1>{_NUM}{_NOT_PUNCT}{{0,6}}?)(?P<r1>左右|上下)"
    rf"|(?:超过|超出|逾|高于|多于)(?P<n2>{_NUM}{_NOT_PUNCT}{{0,6}}?)(?P<r2>以上|之上)"
    rf"|(?:超过|逾)(?P<n22>[0-9０-９]+)(?P<r22>多)(?=[^0-9０-９])"
    rf"|(?:约|大约|近|将近)(?P<n3>[0-9０-９]+)(?P<r3>余|多)(?=[^0-9０-９])"
    rf"|(?P<n4>[0-9０-９]+)余(?P<r4>多)"
    rf"|(?:截至|截止)(?P<n5>{_NOT_PUNCT}{{0,11}}?[日月年底末时前今])(?P<r5>为止|止)(?![步])"
    rf"|(?:各位|诸位|众多|广大)(?P<n6>(?:(?![和及与])[\u4e00-\u9fff]){{0,5}}[^我你他她它咱人和及与\W])(?P<r6>们)"
    rf"|(?:从|自)(?P<n7>{_NOT_PUNCT}{{1,10}}?)开始(?P<r7>起)"
    rf"|(?P<r8>百分之)(?P<n8>[0-9０-９.]+)[%％]"
    rf"|(?P<r9>首先)第一|第一(?P<r10>首先)"
    rf"|(?:凯旋)(?P<r11>而归|归来)|(?P<r12>亲眼)目睹|(?P<r13>再次)重申|(?P<r14>互相)之间互相"
    rf"|(?P<r15>忍不住)不禁|(?P<r16>免费)赠送|(?P<r17>过分)溺爱|悬殊(?P<r18>很大|较大|巨大)"
    rf"|(?P<r19>目前)现在|(?P<r20>当前)目前|涉及(?P<r21>到)")


# every alternative of _REDUNDANT opens with one of these characters (tests/rules/test_pattern_openers.py):
# the regex engine finds no first-character set in a pattern of groups and would try each offset
_REDUNDANT_OPENERS = lazy(r"[大约近将估超逾高多0-9０-９截各诸众广从自百首第凯亲再互忍免过悬目当涉]")


class RedundantExpression(Rule):
    """Two words for one meaning in one phrase: `约3万人左右`, `超过50%以上`, `截至6月底为止`.

    ## What it does
    Flags the 语义重复 an editor strikes out: an estimate marked twice (`约……左右`,
    `大约……上下`, `约200余人`, `100余多人`), a lower bound marked twice (`超过……以上`,
    `逾……以上`), an end date marked twice (`截至……为止`), a plural marked twice
    (`各位代表们`, `广大群众们`), `从……开始起`, `百分之30%`, and fixed redundant phrases
    (`凯旋而归`, `亲眼目睹`, `再次重申`, `免费赠送`, `悬殊很大`, `涉及到`). Left alone: each
    word alone (`约3万人`, `3万人左右`, `50%以上`), `我们`/`人们` after 各位 (`各位代表！我们`), a plural on a
    second noun joined by 和/及/与 (`各位专家和老师们`) and `截止` that closes a sentence (`报名于5月1日截止`).

    ## Why is this bad?
    The second word repeats what the first already says; editors of official texts mark it as
    a 语病 (《咬文嚼字》 lists these forms among its standing examples of 语义重复).

    ## Example
    ```
    全县约3万人左右参加了培训，覆盖率超过90%以上。
    ```

    ## Use instead
    ```
    全县约3万人参加了培训，覆盖率超过90%。
    ```

    ## Fix safety
    Unsafe: the redundant word is deleted; which of the two to keep is the writer's choice.
    """

    code = "DU005"
    name = "redundant-expression"
    groups = ("duplicates",)
    severity = Severity.WARNING
    fixable = Applicability.UNSAFE
    messages = {"default": ("语义重复：“{text}”中的“{extra}”多余",
                            "redundant wording: {extra!r} repeats the meaning in {text!r}")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.text
        for m in finditer_at(_REDUNDANT, text, (m.start() for m in _REDUNDANT_OPENERS.finditer(text))):
            group = next(name for name, value in m.groupdict().items() if value and name.startswith("r"))
            start, end = m.span(group)
            fix = Fix.replace(f"删除“{m.group(group)}”", start, end, "", Applicability.UNSAFE)
            yield ctx.report(m.start(), m.end(), fix=fix, text=m.group(0), extra=m.group(group))


RULES = [DuplicateParagraph, RepeatedSentence, DoubledWord, NearRepeatedSentence, RedundantExpression]
