"""Anniversaries and eras: dated anchors (建党90周年, “十二五”, 十七届六中全会) that contradict the report's year."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

from reportlint.config.datafiles import read_mapping
from reportlint.config.resources import data_dir
from reportlint.diagnostics import Finding, Severity
from reportlint.model import Article
from reportlint.rules.base import Option, Rule, RuleContext
from reportlint.text import userre
from reportlint.text.chars import numeral_value
from reportlint.text.lazyre import (
    Gates,
    LazyPattern,
    is_literal,
    lazy,
    literal_gates,
    passes_gates,
)

_N = r"(?P<n>[0-9]{1,3}|[一二三四五六七八九十百零〇两]{1,6})"
_SESSIONS = "一二三四五六七"
_STATED_YEAR = lazy(r"((?:19|20)[0-9]{2})\s*年(?!代|以来|来|前|后|以前|之前|底前|远景|目标)")
_OPENING_YEAR = lazy(r"\s*((?:19|20)[0-9]{2})\s*年(?:是|为)")
# The word tests below are plain Python (each names the pattern it stands for): compiling their
# CJK alternations cost more than running them.
_NOT_NOW = ("比", "较", "到", "至", "于", "从", "自", "与", "截至", "截止")  # 比2010年: not the year spoken of
_REVIEW = ("过去五年", "五年来", "这五年", "过去一年", "一年来", "回顾", "以来")
_FIRST_YEAR = ("开局之年", "开局年", "起步之年", "第一年")
_LAST_YEAR = ("收官之年", "收官年", "最后一年", "决胜之年")
_COMPARED = ("较", "比", "与", "同", "于", "过")  # 较/高于“十三五”: a baseline, not a claim
# a mention of the event itself (a speech given at it, what happened since) is history, not a claim
_HISTORY = ("大会上", "大会的", "上的讲话", "以来", "之际", "前夕")
_CLAUSE_ENDS = "，。；"
_PREPARES = ("迎", "筹备", "将", "明年", "即将", "计划", "准备", "谋划")


def _ends_with(text: str, start: int, end: int, words: tuple[str, ...],
               quote: bool = False) -> bool:
    """Whether ``(?:words)$`` (``(?:words)“?$`` with ``quote``) is found in text[start:end].

    ``$`` also matches before a final newline.
    """
    window = text[start:end]
    for tail in (window, window[:-1] if window.endswith("\n") else ""):
        if tail.endswith(words) or (quote and tail.endswith("“") and tail[:-1].endswith(words)):
            return True
    return False


def _within_clause(text: str, at: int, limit: int,
                   found: Callable[[int], str | None]) -> str | None:
    """``[^，。；]{0,limit}?(?:…)`` matched at ``at``: ``found(offset)`` tells what starts there."""
    for offset in range(at, at + limit + 1):
        what = found(offset)
        if what is not None:
            return what
        if offset >= len(text) or text[offset] in _CLAUSE_ENDS:
            return None
    return None


def _is_history(text: str, at: int) -> bool:
    """``[^，。；]{0,6}?(?:大会上|大会的|上的讲话|以来|之际|前夕|时期?[，,的])`` matches at ``at``."""

    def history(offset: int) -> str | None:
        if text.startswith(_HISTORY, offset):
            return "history"
        if text.startswith("时", offset):
            after = offset + 2 if text.startswith("期", offset + 1) else offset + 1
            if text[after:after + 1] in ("，", ",", "的"):
                return "history"
        return None

    return _within_clause(text, at, 6, history) is not None


def _place_in_period(text: str, at: int) -> str | None:
    """first or last: which group of ``[^，。；]{0,8}?(?:(?P<first>开局之年|…)|(?P<last>收官之年|…))``
    matches at ``at``, None if it does not."""

    def place(offset: int) -> str | None:
        if text.startswith(_FIRST_YEAR, offset):
            return "first"
        return "last" if text.startswith(_LAST_YEAR, offset) else None

    return _within_clause(text, at, 8, place)


class Anchor:
    """One dated fact: a pattern and the years in which the phrase can be current.

    ``base``: for ordinals, year = base + N. ``years``: for periods, the first and last year.
    ``ahead`` / ``behind``: years a report may look ahead (a 2020 plan prepares 建党100周年) or
    back (a 2026 report reviews 2021–2025). ``phases``: a plan period, whose 开局之年 is its
    first year and 收官之年 its last. The pattern is compiled, and the text scanned, only
    when the text holds the literal strings every match needs (``gates``).
    """

    __slots__ = ("id", "pattern", "base", "years", "ahead", "behind", "source", "phases", "gates")

    def __init__(self, id: str, pattern: str, base: int | None, years: tuple[int, int] | None,
                 ahead: int, behind: int, source: str, phases: bool = False,
                 gates: Gates | None = None) -> None:
        self.id, self.pattern, self.base, self.years = id, LazyPattern(pattern), base, years
        self.ahead, self.behind, self.source, self.phases = ahead, behind, source, phases
        self.gates = literal_gates(pattern) if gates is None else gates


def _slack(entry: dict, default: dict) -> tuple[int, int]:
    slack = {**default, **(entry.get("slack") or {})}
    return int(slack.get("ahead", 1)), int(slack.get("behind", 5))


def _checked(pattern: str, check: bool) -> str:
    """Compile a user's pattern now, so that a broken one fails as soon as its file is read."""
    if check:
        userre.check(pattern)  # invalid (re.error) or exponential (UnsafePattern): refused
    return pattern


def _ordinal(entry: dict, default: dict, check: bool) -> Anchor:
    pattern = _checked(entry["pattern"].replace("(?P<n>N)", _N), check)
    return Anchor(entry["id"], pattern, int(entry["base"]), None, *_slack(entry, default), entry["source"])


def _period(entry: dict, default: dict, check: bool) -> Anchor:
    text = entry["pattern"] + (f"(?={entry['after']})" if entry.get("after") else "")
    first, last = entry["years"]
    return Anchor(entry["id"], _checked(text, check), None, (int(first), int(last)),
                  *_slack(entry, default), entry["source"], bool(entry.get("phases")))


def _plenums(table: dict, default: dict, check: bool) -> Iterator[Anchor]:
    """十七届六中全会精神 is current from its session until the next congress."""
    after, source = table.get("after", ""), table["source"]
    ahead, behind = _slack(table, default)
    names = list(table["congresses"])
    after_gates = literal_gates(after) or ((),)  # no gates: any text may follow
    for i, name in enumerate(names):
        info = table["congresses"][name]
        following = table["congresses"][names[i + 1]]["congress"] if i + 1 < len(names) else info["congress"] + 5
        congress = _checked(rf"(?:党的)?{name}大(?=(?:会议)?{after})", check)
        # the literal parts are known: no need to read them off the pattern
        gates = tuple(((f"{name}大",), *c) for c in after_gates) if is_literal(name) else None
        yield Anchor(f"congress-{name}", congress, None, (info["congress"], following),
                     ahead, behind, source, gates=gates)
        # named as past (党的二十大以来, 二十大报告) before it met: impossible whatever the year
        past = "以来|报告|提出|强调|指出|作出|部署|明确|胜利召开以来"
        held = _checked(rf"(?<!迎接)(?<!喜迎)(?:党的){name}大(?={past})", check)
        gates = (((f"党的{name}大",),),) if is_literal(name) else None
        yield Anchor(f"congress-held-{name}", held, None, (info["congress"], 2100), 0, 0, source, gates=gates)
        for n, year in enumerate(info["sessions"]):
            pattern = _checked(rf"{name}届{_SESSIONS[n]}中全会(?={after})", check)
            session = f"{name}届{_SESSIONS[n]}中全会"
            gates = tuple(((session,), *c) for c in after_gates) if is_literal(name) else None
            yield Anchor(f"plenum-{name}-{n + 1}", pattern, None, (year, following),
                         0, behind, source, gates=gates)
            bare = _checked(rf"(?<!即将召开的)(?<!迎接){name}届{_SESSIONS[n]}中全会(?!精神)", check)
            gates = (((session,),),) if is_literal(name) else None
            yield Anchor(f"plenum-held-{name}-{n + 1}", bare, None, (year, 2100), 0, 0, source, gates=gates)
    yield from _npc_sessions(table, check)


def _npc_sessions(table: dict, check: bool) -> Iterator[Anchor]:
    """十四届全国人大二次会议 (2024): from the 5th NPC (1978) each term's sessions fall one a year.

    The same years hold for the 全国政协 sessions that meet with them (十四届全国政协二次会议).
    """
    source = table.get("npc_source", "")
    for term in range(10, 16):
        for session in range(1, 6):
            year = 1978 + 5 * (term - 5) + (session - 1)
            name, number = _TERMS[term], _SESSIONS[session - 1]
            phrases = (f"{name}届全国人大{number}次会议", f"{name}届全国人民代表大会第{number}次会议",
                       f"{name}届全国政协{number}次会议")
            gates: Gates = tuple(((phrase,),) for phrase in phrases)
            pattern = "|".join(phrases)
            current = _checked(rf"(?:{pattern})(?=精神)", check)
            yield Anchor(f"npc-{term}-{session}", current, None, (year, year + 1), 0, 5, source, gates=gates)
            held = _checked(rf"(?<!即将召开的)(?:{pattern})(?!精神)", check)
            yield Anchor(f"npc-held-{term}-{session}", held, None, (year, 2100), 0, 0, source, gates=gates)


_TERMS = {10: "十", 11: "十一", 12: "十二", 13: "十三", 14: "十四", 15: "十五"}


def load_anchors(path: str | Path, check: bool = True) -> list[Anchor]:
    """Parse one anchors file (see rulesets/data/anchors.yaml for the layout).

    ``check`` compiles every pattern at once (as a user's file needs); the bundled file's
    patterns are left to compile when a text may hold them.
    """
    data = read_mapping(path)
    default = data.get("slack") or {}
    anchors = [_ordinal(e, default, check) for e in data.get("ordinals") or ()]
    anchors += [_period(e, default, check) for e in data.get("periods") or ()]
    if data.get("plenums"):
        anchors += list(_plenums(data["plenums"], default, check))
    return anchors


@cache
def _anchors(extra: tuple[str, ...]) -> tuple[Anchor, ...]:
    found = load_anchors(data_dir("rulesets") / "data" / "anchors.yaml", check=False)
    for path in extra:
        found += load_anchors(path)
    return tuple(found)


class Clash:
    """A mention whose implied year contradicts the reference year."""

    __slots__ = ("start", "end", "text", "implied", "year")

    def __init__(self, start: int, end: int, text: str, implied: str, year: int) -> None:
        self.start, self.end, self.text, self.implied, self.year = start, end, text, implied, year


class Reference:
    """The year a mention is about, whether the sentence states it (2024年是…, 今年…), and whether
    it was read off a 成文日期 late in a year (a text of December may look to the next)."""

    __slots__ = ("year", "stated", "late")

    def __init__(self, year: int, stated: bool, late: bool = False) -> None:
        self.year, self.stated, self.late = year, stated, late


def reference_year(ctx: RuleContext, start: int) -> Reference | None:
    """The year stated in the mention's clause (or opening its sentence: 2025年是…), else the title's."""
    text = ctx.text
    lo = max(0, start - 150)
    sentence = max(max(text.rfind(p, lo, start) for p in "。；！？\n") + 1, lo)
    clause = max(max(text.rfind(p, sentence, start) for p in "，,：:") + 1, sentence)
    stated = [m for m in _STATED_YEAR.finditer(text, clause, start)
              if not _ends_with(text, max(0, m.start() - 2), m.start(), _NOT_NOW)]
    opening = _OPENING_YEAR.match(text, sentence)
    article = ctx.document.article_at(start)
    title, late = _document_year(article) if article is not None else (None, False)
    if stated:
        return Reference(int(stated[-1][1]), True)
    if opening:
        return Reference(int(opening[1]), True)
    if title is not None and "今年" in text[sentence:start]:
        return Reference(title, True, late)
    return Reference(title, False, late) if title is not None else None


def _document_year(article: Article) -> tuple[int | None, bool]:
    """The title's year, else the year the text was written (its 成文日期, 印发日期 or 发文字号): a
    summary written in the first quarter is about the year before. The flag: written in its
    last quarter (a text of December may already speak of the next year)."""
    dating = article.dating
    if dating.title_year is not None:
        return dating.title_year, False
    if dating.written is None:
        return dating.number_year, False
    year, month = dating.written
    if month <= 3 and any(word in dating.title_text for word in ("总结", "述职", "汇报")):
        return year - 1, False
    return year, month >= 10


def _behind(ctx: RuleContext, anchor: Anchor, start: int, ref: Reference) -> int:
    """How many years back a mention may look (see the anchors file's `slack`)."""
    if ref.stated:
        return 0
    if anchor.base is None or any(word in _paragraph(ctx.text, start) for word in _REVIEW):
        return anchor.behind
    article = ctx.document.article_at(start)
    doctype = article.doctype if article else None
    return 1 if doctype is not None and doctype.id == "government-work-report" else 0


def _about_its_year(ctx: RuleContext, start: int) -> bool:
    """A sentence that speaks of the document's own year: one year in it at most (the document's),
    no review of several years, not a 政府工作报告 (which reviews five)."""
    article = ctx.document.article_at(start)
    if article is None or article.doctype is not None and article.doctype.id == "government-work-report":
        return False
    text = ctx.text
    lo = max(0, start - 150)
    sentence = max(max(text.rfind(p, lo, start) for p in "。；！？\n") + 1, lo)
    end = min((i for i in (text.find(p, start, start + 150) for p in "。；！？\n") if i != -1), default=start + 150)
    if _STATED_YEAR.search(text, sentence, end) or any(w in _paragraph(text, start) for w in _REVIEW):
        return False
    return True


def _looks_back(ctx: RuleContext, start: int) -> bool:
    """A 总结 or 述职, written up to a few months after the year it covers."""
    article = ctx.document.article_at(start)
    if article is None or not any(word in article.dating.title_text for word in ("总结", "述职", "汇报")):
        return False
    signed = article.dating.signed
    return signed is None or signed[0] != article.dating.title_year


def _paragraph(text: str, at: int) -> str:
    """The line holding ``at``, at most 400 characters either side (no search to the text's ends)."""
    lo = max(0, at - 400)
    lo = text.rfind("\n", lo, at) + 1 or lo
    hi = text.find("\n", at, at + 400)
    return text[lo:hi if hi != -1 else min(len(text), at + 400)]


def find_clashes(ctx: RuleContext, anchors: tuple[Anchor, ...]) -> Iterator[Clash]:
    text = ctx.text
    for anchor in anchors:
        if not passes_gates(text, anchor.gates):
            continue
        for m in anchor.pattern.finditer(text):
            compared = _ends_with(text, max(0, m.start() - 3), m.start(), _COMPARED, quote=True)
            held = anchor.years is not None and anchor.years[1] == 2100  # named as past: the point is history
            if compared or (not held and _is_history(text, m.end())):
                continue
            ref = reference_year(ctx, m.start())
            if ref is None:
                continue
            if anchor.base is not None:
                n = numeral_value(m["n"].replace("两", "二"))
                if not n:
                    continue
                implied, lo, hi = str(anchor.base + n), anchor.base + n, anchor.base + n
            else:
                lo, hi = anchor.years  # type: ignore[misc]
                implied = f"{lo}—{hi}" if lo != hi and hi < 2100 else str(lo)
                place = _place_in_period(text, m.end()) if anchor.phases else None
                if place and (ref.stated or _about_its_year(ctx, m.start())):
                    lo = hi = lo if place == "first" else hi  # “十四五”开局之年 is its first year, 收官之年 its last
            if anchor.base is not None:
                # an anniversary falls in the year spoken of, unless the text prepares it
                # (迎接新中国成立75周年) or was written in December about the next year
                prepares = any(w in text[max(0, m.start() - 10):m.start()] for w in _PREPARES)
                ahead = anchor.ahead if prepares or ref.late else 0
            else:
                ahead = anchor.ahead or (not ref.stated and _looks_back(ctx, m.start()))
            if lo - ahead <= ref.year <= hi + _behind(ctx, anchor, m.start(), ref):
                continue
            shown = m.group(0)[1:-1] if m.group(0)[:1] + m.group(0)[-1:] == "“”" else m.group(0)
            yield Clash(m.start(), m.end(), shown, implied, ref.year)


class _AnchorRule(Rule):
    groups = ("anniversaries",)
    severity = Severity.WARNING
    options = {"anchors": Option([], list, "extra anchor files (YAML, same layout as rulesets/data/anchors.yaml)")}
    kind = ""

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        anchors = tuple(a for a in _anchors(tuple(self.settings["anchors"])) if self._mine(a))
        for clash in find_clashes(ctx, anchors):
            yield ctx.report(clash.start, clash.end, text=clash.text, implied=clash.implied, year=clash.year)

    def _mine(self, anchor: Anchor) -> bool:
        return (anchor.base is not None) == (self.kind == "ordinal")


class AnniversaryYearMismatch(_AnchorRule):
    """An anniversary whose year contradicts the report's year: `建党90周年` in a 2023 report.

    ## What it does
    Computes the year an anniversary or a numbered day falls in — 建党N周年 (1921+N),
    新中国成立N周年 (1949+N), 改革开放N周年 (1978+N), 第N个教师节 (1984+N), 毛泽东同志诞辰N周年
    (1893+N), 红军长征胜利, 抗战胜利, 五四运动, 建军, 香港/澳门回归, 辛亥革命 and the other
    entries of `rulesets/data/anchors.yaml`, each with its source — and compares it with the year the text speaks
    of: a year stated in the same clause or opening the sentence (`2024年是…`, `今年…`),
    else the year in the title. It must match (a mention may look one year ahead; a
    政府工作报告 reviews the previous year; a paragraph reviewing several years, `过去五年`,
    may look five years back; in a 总结 or 述职 an anniversary told as celebrated may not look
    ahead, unless the text prepares it: `迎接新中国成立75周年`). Mentions of the event itself
    (`在庆祝建党95周年大会上的讲话`) are history and pass.

    ## Why is this bad?
    The text was copied from an older report and re-dated by editing only the title: a 2023
    plan that celebrates 建党90周年 was written in 2011.

    ## Example
    ```
    县教育局2023年工作要点
    ……以纪念建党90周年为主题，深入开展民族精神教育活动。
    ```

    ## Use instead
    ```
    县教育局2023年工作要点
    ……以学习宣传贯彻党的二十大精神为主线，深入开展民族精神教育活动。
    ```

    Add facts with the `anchors` option: a list of YAML files laid out like the bundled one.
    """

    code = "AN001"
    name = "anniversary-year-mismatch"
    kind = "ordinal"
    messages = {"default": ("“{text}”对应{implied}年，与文中所指的{year}年不符",
                            "{text!r} falls in {implied}, not in {year}, the year the text speaks of")}


class EraYearMismatch(_AnchorRule):
    """A plan period, campaign or plenum that was not current in the report's year.

    ## What it does
    Compares the year the text speaks of (as for AN001) with the years in which a phrase is
    current: the five-year plans (“十二五” 2011—2015 … “十五五” 2026—2030; `开局之年` is a
    plan's first year and `收官之年` its last), party-wide campaigns (创先争优活动,
    群众路线教育实践活动, 党史学习教育 …, catalog D37), 贯彻…全会精神 for each plenary session
    (current from its year until the next congress) and the 精神 of each 全国人大 / 全国政协
    session (十四届全国人大二次会议 2024: term N's M-th session meets in 1978 + 5(N−5) + M−1).
    A period may be one year ahead and five years behind; a plenum's or session's 精神 cannot be
    carried out before it met (one year's grace in a 总结 written early the next year). A
    congress, plenum or session named as past before it met is impossible in any wording:
    `党的二十大以来` in 2021, `二十届三中全会` in a 2023 summary (`迎接党的二十大` and
    `即将召开的…` are left alone). Comparisons with a period (`较“十三五”末增长`, `高于“十三五”时期`) are baselines
    and pass.

    ## Why is this bad?
    A 2023 report that aims to “为实现‘十二五’发展目标开好头” or carries out the
    十七届六中全会精神 was copied from a report of 2011.

    ## Example
    ```
    2023年工作要点
    ……为实现全县教育“十二五”发展目标开好头、起好步。
    ```

    ## Use instead
    ```
    2023年工作要点
    ……为实现全县教育“十四五”发展目标打下坚实基础。
    ```
    """

    code = "AN002"
    name = "era-year-mismatch"
    kind = "period"
    messages = {"default": ("“{text}”属于{implied}年，与文中所指的{year}年不符",
                            "{text!r} belongs to {implied}, not to {year}, the year the text speaks of")}


RULES = [AnniversaryYearMismatch, EraYearMismatch]
