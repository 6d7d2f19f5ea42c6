"""Anniversaries and eras: dated anchors (建党90周年, “十二五”, 十七届六中全会) that contradict the report's year."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path

from reportlint.config.datafiles import read_mapping
from reportlint.config.resources import data_dir
from reportlint.diagnostics import Finding, Severity
from reportlint.model import Article
from reportlint.rules.base import Option, Rule, RuleContext
from reportlint.text import userre
from reportlint.text.chars import cn_to_int, numeral_value
from reportlint.text.lazyre import Gate, LazyPattern, is_literal, lazy

_N = r"(?P<n>[0-9]{1,3}|[一二三四五六七八九十百零〇两]{1,6})"
_SESSIONS = "一二三四五六七"
_STATED_YEAR = lazy(r"((?:19|20)[0-9]{2})\s*年(?!代|以来|来|前|后|以前|之前|底前|远景|目标)")
_OPENING_YEAR = lazy(r"\s*((?:19|20)[0-9]{2})\s*年(?:是|为)")
_NOT_NOW = lazy(r"(?:比|较|到|至|于|从|自|与|截至|截止)$")  # 比2010年: not the year spoken of
_REVIEW = ("过去五年", "五年来", "这五年", "过去一年", "一年来", "回顾", "以来")
_COMPARED = lazy(r"(?:较|比|与|同|于|过)“?$")  # 较/高于“十三五”: a baseline, not a claim
# a mention of the event itself (a speech given at it, what happened since) is history, not a claim
_HISTORY = lazy(r"[^，。；]{0,6}?(?:大会上|大会的|上的讲话|以来|之际|前夕|时期?[，,的])")
_PLACE = lazy(r"[^，。；]{0,8}?(?:(?P<first>开局之年|开局年|起步之年|第一年)"
              r"|(?P<last>收官之年|收官年|最后一年|决胜之年)|第(?P<nth>[二三四五2-5])(?:个)?年(?!度|级|[0-9]))")
_NTH = {"二": 2, "三": 3, "四": 4, "五": 5, "2": 2, "3": 3, "4": 4, "5": 5}
_SHIFTS = (("明年", 1), ("来年", 1), ("去年", -1), ("上年", -1), ("前年", -2))
_PREPARES = ("迎", "筹备", "将", "明年", "即将", "计划", "准备", "谋划")


class Anchor:
    """One dated fact: a pattern and the years in which the phrase can be current.

    ``base``: for ordinals, year = base + N. ``years``: for periods, the first and last year.
    ``ahead`` / ``behind``: years a report may look ahead (a 2020 plan prepares 建党100周年) or
    back (a 2026 report reviews 2021–2025). ``phases``: a plan period, whose 开局之年 is its
    first year and 收官之年 its last. The pattern is compiled, and the text scanned, only
    when the text holds the strings every match needs (``gate``, the entry's ``gate`` in the
    anchors file; without one, every text is scanned).
    """

    __slots__ = ("id", "pattern", "base", "years", "ahead", "behind", "source", "phases")

    def __init__(self, id: str, pattern: str, base: int | None, years: tuple[int, int] | None,
                 ahead: int, behind: int, source: str, phases: bool = False,
                 gate: Gate = ()) -> None:
        self.id, self.pattern, self.base, self.years = id, LazyPattern(pattern, gate=gate), base, years
        self.ahead, self.behind, self.source, self.phases = ahead, behind, source, phases


def _gate(entry: dict) -> Gate:
    """An entry's declared ``gate``: strings, or lists of strings one of which occurs."""
    return tuple(item if isinstance(item, str) else tuple(item) for item in entry.get("gate") or ())


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
    return Anchor(entry["id"], pattern, int(entry["base"]), None, *_slack(entry, default), entry["source"],
                  gate=_gate(entry))


def _period(entry: dict, default: dict, check: bool) -> Anchor:
    text = entry["pattern"] + (f"(?={entry['after']})" if entry.get("after") else "")
    first, last = entry["years"]
    return Anchor(entry["id"], _checked(text, check), None, (int(first), int(last)),
                  *_slack(entry, default), entry["source"], bool(entry.get("phases")), _gate(entry))


def _plenums(table: dict, default: dict, check: bool) -> Iterator[Anchor]:
    """十七届六中全会精神 is current from its session until the next congress."""
    after, source = table.get("after", ""), table["source"]
    ahead, behind = _slack(table, default)
    names = list(table["congresses"])
    tail = (after,) if after and is_literal(after) else ()  # what must follow, when it is a plain string
    for i, name in enumerate(names):
        info = table["congresses"][name]
        met = month_of(info["congress"])[0]
        following = month_of(table["congresses"][names[i + 1]]["congress"])[0] if i + 1 < len(names) else met + 5
        # 党的二十大 or, in full, 党的第二十次全国代表大会
        congress = _checked(rf"(?:(?:党的)?{name}大|党的第{name}次全国代表大会)(?=(?:会议)?{after})", check)
        literal = is_literal(name)
        named = (f"{name}大", f"第{name}次全国代表大会")
        # its 精神 is studied once it has met, not the year before (迎接…胜利召开 is not matched)
        yield Anchor(f"congress-{name}", congress, None, (met, following),
                     0, behind, source, gate=(named, *tail) if literal else ())
        # named as past (党的二十大以来, 二十大报告) before it met: impossible whatever the year
        past = "以来|报告|提出|强调|指出|作出|部署|明确|胜利召开以来"
        held = _checked(rf"(?<!迎接)(?<!喜迎)(?:党的{name}大|党的第{name}次全国代表大会)(?={past})", check)
        yield Anchor(f"congress-held-{name}", held, None, (met, 2100), 0, 0, source,
                     gate=((f"党的{name}大", f"党的第{name}次全国代表大会"),) if literal else ())
        for n, when in enumerate(info["sessions"]):
            year = month_of(when)[0]
            pattern = _checked(rf"{name}届{_SESSIONS[n]}中全会(?={after})", check)
            session = f"{name}届{_SESSIONS[n]}中全会"
            yield Anchor(f"plenum-{name}-{n + 1}", pattern, None, (year, following),
                         0, behind, source, gate=(session, *tail) if literal else ())
            bare = _checked(rf"(?<!即将召开的)(?<!迎接){name}届{_SESSIONS[n]}中全会(?!精神)", check)
            yield Anchor(f"plenum-held-{name}-{n + 1}", bare, None, (year, 2100), 0, 0, source,
                         gate=(session,) if literal else ())
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
            pattern = "|".join(phrases)
            current = _checked(rf"(?:{pattern})(?=精神)", check)
            yield Anchor(f"npc-{term}-{session}", current, None, (year, year + 1), 0, 5, source, gate=(phrases,))
            held = _checked(rf"(?<!即将召开的)(?:{pattern})(?!精神)", check)
            yield Anchor(f"npc-held-{term}-{session}", held, None, (year, 2100), 0, 0, source, gate=(phrases,))


_TERMS = {10: "十", 11: "十一", 12: "十二", 13: "十三", 14: "十四", 15: "十五"}


def month_of(value: int | str) -> tuple[int, int | None]:
    """A table's date: 2024 → (2024, None), '2024-07' → (2024, 7)."""
    text = str(value)
    year, _, month = text.partition("-")
    return int(year), int(month) if month else None


class Session:
    """A congress or plenary session as a text names it, and the year and month it met."""

    __slots__ = ("name", "year", "month")

    def __init__(self, name: str, year: int, month: int | None) -> None:
        self.name, self.year, self.month = name, year, month


def load_sessions(path: str | Path) -> list[Session]:
    """The congresses and plenary sessions of an anchors file (its ``plenums`` table)."""
    table = read_mapping(path).get("plenums") or {}
    found = []
    for name, info in (table.get("congresses") or {}).items():
        year, month = month_of(info["congress"])
        found.append(Session(f"党的{name}大", year, month))
        for n, when in enumerate(info.get("sessions") or ()):
            found.append(Session(f"{name}届{_SESSIONS[n]}中全会", *month_of(when)))
    return found


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
              if not _NOT_NOW.search(text, max(0, m.start() - 2), m.start())]
    opening = _OPENING_YEAR.match(text, sentence)
    article = ctx.document.article_at(start)
    title, late = _document_year(article) if article is not None else (None, False)
    if stated:
        return Reference(int(stated[-1][1]), True)
    if opening:
        return Reference(int(opening[1]), True)
    if title is not None:
        # 明年是“十五五”规划开局之年 in a text of 2025 speaks of 2026
        said = text[clause:start]
        shift = next((n for word, n in _SHIFTS if word in said), None)
        if shift is not None:
            return Reference(title + shift, True, late and shift == 0)
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
    if article is None or doctype is None or doctype.id != "government-work-report":
        return 0
    # a report at the end of a government's term reviews its five years, in any paragraph
    term = ctx.shared(f"anniversaries.term.{article.span.start}", lambda: any(
        w in ctx.text[article.span.start:article.span.end] for w in ("过去五年", "五年来")))
    return anchor.behind if term else 1


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
        for m in anchor.pattern.finditer(text):  # gated: most anchors' patterns are never compiled
            compared = bool(_COMPARED.search(text, max(0, m.start() - 3), m.start()))
            held = anchor.years is not None and anchor.years[1] == 2100  # named as past: the point is history
            history = None if held else _HISTORY.match(text, m.end())
            if history is not None and history.group(0).endswith(("到来之际", "来临之际")) and anchor.base is not None:
                history = None  # 在第41个教师节到来之际: the day of the year spoken of, not history
            if compared or history is not None:
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
                phase = _PLACE.match(text, m.end()) if anchor.phases else None
                place = ("first" if phase["first"] else "last" if phase["last"] else "nth") if phase else None
                if phase is not None and place and (ref.stated or _about_its_year(ctx, m.start())):
                    # “十四五”开局之年 is its first year, 收官之年 its last, 实施的第三年 its third
                    lo = hi = lo if place == "first" else hi if place == "last" else lo + _NTH[phase["nth"]] - 1
                    if ref.year != lo:
                        shown = m.group(0)[1:-1] if m.group(0)[:1] + m.group(0)[-1:] == "“”" else m.group(0)
                        yield Clash(m.start(), m.end(), shown, str(lo), ref.year)
                    continue
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


_HELD_AFTER = lazy(
    r"(?:于|在)\s*(?:(?P<y>(?:19|20)[0-9]{2})\s*年)?\s*(?:(?P<m>[0-9]{1,2})\s*月)?\s*(?:[0-9]{1,2}\s*日)?"
    r"(?:\s*[至—–\-]\s*[0-9]{1,2}\s*日)?(?:在[^，。；]{0,6}?)?(?:胜利|隆重)?(?:召开|举行)")
_HELD_BEFORE = lazy(
    r"(?:(?P<y>(?:19|20)[0-9]{2})\s*年|(?P<rel>今年|去年|前年|上年))?\s*(?:(?P<m>[0-9]{1,2})\s*月)?"
    r"\s*(?:[0-9]{1,2}\s*日)?(?:\s*[至—–\-]\s*[0-9]{1,2}\s*日)?(?:胜利|隆重)?(?:召开|举行)的(?:党的)?$")
_RELATIVE_YEARS = {"今年": 0, "去年": -1, "上年": -1, "前年": -2}
_AWAITED = ("即将召开", "迎接", "喜迎", "筹备", "将于", "将要", "拟于", "定于", "召开前", "前夕")


@cache
def _sessions(extra: tuple[str, ...]) -> tuple[Session, ...]:
    found = load_sessions(data_dir("rulesets") / "data" / "anchors.yaml")
    for path in extra:
        found += load_sessions(path)
    return tuple(found)


def session_dates(ctx: RuleContext, sessions: tuple[Session, ...]) -> Iterator[tuple[int, int, str, str, str]]:
    """A congress or plenum dated wrongly (`2023年召开的二十届三中全会`, `…于2023年7月召开`,
    `去年10月召开的…`), or named as past in a text written before it met:
    (start, end, name, when it met, what the text says — `@` and the month it was written)."""
    text = ctx.text
    for session in sessions:
        short = session.name[2:] if session.name.startswith("党的") else session.name
        if short not in text:
            continue
        at = text.find(short)
        while at != -1:
            end = at + len(short)
            found = _said_date(ctx, at, end, session)
            if found is not None:
                start = at - 2 if short != session.name and text.startswith("党的", at - 2) else at
                held = f"{session.year}年" + (f"{session.month}月" if session.month else "")
                yield start, end, text[start:end], held, found
            at = text.find(short, end)


def _said_date(ctx: RuleContext, at: int, end: int, session: Session) -> str | None:
    text = ctx.text
    article = ctx.document.article_at(at)
    dating = article.dating if article is not None else None
    now = (dating.year or dating.title_year) if dating is not None else None
    said_year = said_month = None
    m = _HELD_AFTER.match(text, end)
    if m is not None and (m["y"] or m["m"]):
        said_year, said_month = m["y"], m["m"]
    else:
        b = _HELD_BEFORE.search(text, max(0, at - 24), at)
        if b is not None and (b["y"] or b["rel"] or b["m"]):
            said_month = b["m"]
            if b["y"]:
                said_year = b["y"]
            elif b["rel"] and now is not None:
                said_year = str(now + _RELATIVE_YEARS[b["rel"]])
    if said_year is not None and int(said_year) != session.year:
        return f"{said_year}年" + (f"{said_month}月" if said_month else "")
    if said_month is not None and session.month and int(said_month) != session.month \
            and (said_year is None or int(said_year) == session.year):
        return (f"{said_year}年" if said_year else "") + f"{said_month}月"
    if said_year is None and said_month is None and dating is not None and dating.written and session.month:
        awaited = any(w in text[max(0, at - 8):at] for w in _AWAITED) or text.startswith(("将", "即将", "拟"), end)
        if not awaited and dating.written < (session.year, session.month):
            return f"@{dating.written[0]}年{dating.written[1]}月"
    return None


class AnniversaryYearMismatch(_AnchorRule):
    """An anniversary whose year contradicts the report's year: `建党90周年` in a 2023 report.

    ## What it does
    Computes the year an anniversary or a numbered day falls in — 建党N周年 (1921+N, also
    `党的N岁生日`), 新中国成立N周年 (1949+N, also `新中国N华诞`, `祖国N周年华诞`),
    改革开放N周年 (1978+N), 第N个教师节 (1984+N), 毛泽东同志诞辰N周年 (1893+N), 红军长征胜利,
    抗战胜利, 五四运动, 建军, 香港/澳门回归, 辛亥革命, 九一八事变,
    七七事变, 国家公祭日, 各自治区成立, 和平共处五项原则, the numbered publicity days (第N个世界读书日,
    国际禁毒日, 全国消防日, 全国税收宣传月, 第N届世界水日 …) and the other entries of
    `rulesets/data/anchors.yaml`, each with its source — and compares it with the year the text
    speaks of: a year stated in the same clause or opening the sentence (`2024年是…`, `今年…`;
    `明年`, `去年` in the clause move the title's year by one),
    else the year in the title, else the year the text was written (its 成文日期, 印发日期 or
    发文字号; a 总结 written in the first quarter is about the year before). It must match: a
    mention may look one year ahead only when the text prepares it (`迎接新中国成立75周年`,
    `筹备`, `明年`) or was written in its year's last quarter; a 政府工作报告 reviews the previous
    year, and one that reviews a government's term (`过去五年`, `五年来` anywhere in it), or a
    paragraph reviewing several years, may look five years back. Mentions of the event itself
    (`在庆祝建党95周年大会上的讲话`) are history and pass. Where the text names an anniversary in
    full (`抗日战争胜利80周年` in the title), its short form in the body (`纪念胜利70周年`) is checked
    the same way: only for tails such as 胜利, 运动, 革命, 事变, 回归 that one anniversary of the text
    ends with, and not after another subject (`淮海战役胜利75周年`).

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

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        yield from super().check(ctx)
        if "周年" in ctx.text:
            anchors = tuple(a for a in _anchors(tuple(self.settings["anchors"])) if self._mine(a))
            for clash in _elided_clashes(ctx, anchors):
                yield ctx.report(clash.start, clash.end, text=clash.text, implied=clash.implied, year=clash.year)


# the event an anniversary names, cut to its last word when the text has named it in full
# elsewhere: 纪念胜利70周年 in a notice about the 抗日战争…胜利80周年 (a generic word such as 成立
# is never read this way: 集团成立25周年 is the issuer's own)
_ELIDABLE = ("胜利", "运动", "革命", "事变", "回归", "起义", "会师")
_ELIDED_BEFORE = "纪念庆祝迎接喜迎是暨的和为在"


def _elided_clashes(ctx: RuleContext, anchors: tuple[Anchor, ...]) -> Iterator[Clash]:
    """`胜利70周年` standing for the one anniversary with that tail the document names in full."""
    text = ctx.text
    spans: list[tuple[int, int]] = []
    bases: dict[str, set[int]] = {}
    for anchor in anchors:
        for m in anchor.pattern.finditer(text):
            spans.append((m.start(), m.end()))
            tail = text[max(0, m.start("n") - 2):m.start("n")]
            if tail in _ELIDABLE and anchor.base is not None:
                bases.setdefault(tail, set()).add(anchor.base)
    for tail, found in bases.items():
        if len(found) != 1:
            continue  # 红军长征胜利 and 抗战胜利 both named: a bare 胜利 is ambiguous
        base = next(iter(found))
        for m in _elided(tail).finditer(text):
            if any(lo < m.end() and m.start() < hi for lo, hi in spans):
                continue
            if m.start() > 0 and "\u4e00" <= text[m.start() - 1] <= "\u9fff" \
                    and text[m.start() - 1] not in _ELIDED_BEFORE:
                continue  # 淮海战役胜利75周年: another event named
            n = numeral_value(m["n"].replace("两", "二"))
            ref = reference_year(ctx, m.start())
            if not n or ref is None:
                continue
            prepares = any(w in text[max(0, m.start() - 10):m.start()] for w in _PREPARES)
            if ref.year == base + n or (prepares or ref.late) and ref.year + 1 == base + n:
                continue
            yield Clash(m.start(), m.end(), m.group(0), str(base + n), ref.year)


@cache
def _elided(tail: str) -> LazyPattern:
    return lazy(rf"{tail}{_N}周年")


class EraYearMismatch(_AnchorRule):
    """A plan period, campaign or plenum that was not current in the report's year.

    ## What it does
    Compares the year the text speaks of (as for AN001) with the years in which a phrase is
    current: the five-year plans (“十二五” 2011—2015 … “十五五” 2026—2030; `开局之年` is a
    plan's first year, `收官之年` its last and `实施的第三年` its third, checked exactly against a stated year or, in a
    sentence about the document's own year, the document's: `作为“十四五”规划的开局之年` in a 2025
    summary), party-wide campaigns (创先争优活动, 群众路线教育实践活动, 党史学习教育 …, catalog
    D37), 贯彻…全会精神 for each plenary session (current from its year until the next congress)
    and the 精神 of each 全国人大 / 全国政协 session (十四届全国人大二次会议 2024: term N's M-th
    session meets in 1978 + 5(N−5) + M−1). A period may be one year ahead and five years behind;
    a plenum's or session's 精神 cannot be carried out before it met (one year's grace in a 总结
    written early the next year). A congress or plenum is checked against the year and month it
    met (the table gives both): dated wrongly in the text (`2023年召开的党的二十届三中全会`,
    `二十届三中全会于2023年7月召开`, `去年10月召开的…` in a text of 2026), or named as past in a
    text written before it met — `党的二十大以来` in 2021, `二十届三中全会` in a 2023 summary,
    `二十届四中全会精神` in a text of June 2025, `党的二十一大精神` (due in 2027, five years after the
    二十大; also in full, `党的第二十一次全国代表大会`) in a text of 2026 (`迎接党的二十大`,
    `即将召开的…`, `将于…召开` are left alone).
    Comparisons with a period (`较“十三五”末增长`, `高于“十三五”时期`) are baselines and pass.

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
                            "{text!r} belongs to {implied}, not to {year}, the year the text speaks of"),
                "held": ("{text}于{held}召开，文中写作{said}",
                         "{text} met in {held}, but the text says {said!r}"),
                "early": ("{text}于{held}才召开，本文写于{said}，不应已提及",
                          "{text} met in {held}, after this text was written ({said})")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        reported: list[tuple[int, int]] = []
        for start, end, text, held, said in session_dates(ctx, _sessions(tuple(self.settings["anchors"]))):
            reported.append((start, end))
            if said.startswith("@"):  # named as past in a text written before it met
                yield ctx.report(start, end, "early", text=text, held=held, said=said[1:])
            else:
                yield ctx.report(start, end, "held", text=text, held=held, said=said)
        for finding in super().check(ctx):
            if not any(lo <= finding.start < hi for lo, hi in reported):
                yield finding




# what a text's own founding or event year is written as: 始建于1958年, 1956年开港, “98·7”特大洪灾
_FOUNDED_BEFORE = ("始建于", "创建于", "建于", "成立于", "创办于", "组建于", "创立于", "诞生于", "建立于", "设立于",
                   "开港于", "通车于", "落成于", "创刊于", "建校于", "始创于", "兴建于", "建县于", "设县于", "建市于",
                   "设市于", "建镇于", "设镇于", "建区于", "设区于", "建院于", "建厂于", "建馆于")
_FOUNDED_AFTER = ("建校", "建院", "建馆", "建厂", "建站", "建所", "建港", "开港", "建园", "建区",
                  "建县", "设县", "设区", "建市", "设市", "建镇", "创刊", "创办", "创建", "建村",
                  "通车", "建成", "成立", "组建", "设立", "落成", "始建", "建立", "撤县设市", "撤地设市",
                  "撤县设区", "发生", "开通", "开业", "开馆", "开园", "投产", "投运")
_LOCAL = lazy(r"(建校|建院|建馆|建厂|建站|建所|建港|开港|建园|建区|设区|建县|设县|建市|设市|建镇|"
              r"创刊|创办|建村|通车|建成|成立|组建|设立|落成|建立|发生|开通|开业|开馆|开园|投产|投运)"
              r"(?P<n>[0-9]{1,3}|[一二三四五六七八九十百零〇两]{1,6})(?:周年|华诞)")
_FOUNDED = lazy(r"(?<![0-9])((?:19|20)[0-9]{2})\s*年"
                r"|(?<![〇○零一二三四五六七八九])([一二][〇○零一二三四五六七八九]{3})年")
_FOUNDING_VERBS = ("建校|建院|建厂|创刊|创办|创建|通车|建成|成立|组建|设立|落成|始建|建立|建县|设县|建市|设市|"
                   "撤县设市|撤地设市|撤县设区|开通|开业|开馆|开园|投产|投运")
# 于2003年由原市自来水公司改制组建）: the founding verb ends the clause the year opens
_FOUNDED_LATE = lazy(rf"[^，,。；;：:！？（(）)\n]{{0,16}}?(?:{_FOUNDING_VERBS})(?=以来|[，,。；;）)\n]|$)")
# 1986年指挥部组建以来, 自1958年在江畔建厂以来: the founding verb, then 以来
_FOUNDED_SINCE = lazy(rf"[^，,。；;：:！？（(）)\n]{{0,12}}?(?:{_FOUNDING_VERBS})以来")
# the first of a series of events and when it was held: 自2018年举办首届读书节以来, 首届读书节于2018年举办
_FIRST_HELD = lazy(r"(?<![0-9])(?P<y1>(?:19|20)[0-9]{2})\s*年[^，,。；;\n]{0,8}?首届(?P<e1>[\u4e00-\u9fff]{3,10})"
                   r"|首届(?P<e2>[\u4e00-\u9fff]{3,10}?)(?:于|在)(?P<y2>(?:19|20)[0-9]{2})\s*年")
_EDITION = lazy(r"第(?P<n>[0-9]{1,3}|[一二三四五六七八九十百]{1,4})届(?P<e>[\u4e00-\u9fff]{3,10})")
_EVENT_CODE = lazy(r"[“\"]([0-9]{2})[·・.．]([0-9]{1,2})[”\"]")


def _founding_years(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(offset, year) of each founding or event year stated between ``start`` and ``end``."""
    found = []
    for m in _FOUNDED.finditer(text, start, end):
        year = int(m[1]) if m[1] else cn_to_int(m[2]) or 0  # 始建于一九五八年
        if not 1800 <= year <= 2099:
            continue
        before, after = text[max(start, m.start() - 4):m.start()], text[m.end():m.end() + 5]
        if before.endswith(_FOUNDED_BEFORE) or after.startswith(_FOUNDED_AFTER) or \
                before.endswith("自") and after.startswith(tuple(w + "以来" for w in _FOUNDED_AFTER)) or \
                before.endswith(("于", "自", "从")) and _FOUNDED_LATE.match(text, m.end(), end) or \
                _FOUNDED_SINCE.match(text, m.end(), end):
            found.append((m.start(), year))
    for m in _EVENT_CODE.finditer(text, start, end):
        year = int(m[1])
        found.append((m.start(), (1900 if year > 30 else 2000) + year))  # “98·7”洪灾: 1998
    return found


class LocalAnniversaryMismatch(Rule):
    """An anniversary of the issuer's own history that the founding year the text states contradicts.

    ## What it does
    Finds a founding or event year the text states (`始建于1958年`, `始建于一九五六年`, `1956年开港`,
    `自1956年开港以来`, `“98·7”特大洪灾`, a clause closed by the founding verb:
    `于2003年由原市自来水公司改制组建`, `1986年指挥部组建以来`, `自1958年在江畔建厂以来`) and an
    anniversary of the same paragraph or document (`建校60周年`, `开港70周年`, `发生25周年`,
    `建校50华诞`, `开通10周年`, `开馆15周年`), and checks the arithmetic against
    the year the text speaks of — a year stated in the sentence, `今年`, the title's year, else
    the year it was written. It fires only when the paragraph, or else the whole document, states
    one such year, and leaves the national anniversaries to AN001. Where a paragraph says when the
    first of a series was held (`自2018年举办首届读书节以来`, `首届读书节于2018年举办`), it also checks
    the edition of the same event (`第十届读书节`): at most one a year, and exactly one a year when
    the paragraph says `每年` or `一年一届` (an event held every other year has fewer).

    ## Why is this bad?
    An anniversary copied from an earlier year's text, or miscounted, is wrong in front of
    everyone who knows the founding date — often the readers of the speech or report.

    ## Example
    ```
    学院2025年工作总结
    学校始建于1958年，今年是建校60周年。
    ```

    ## Use instead
    ```
    学校始建于1958年，今年是建校67周年。
    ```
    """

    code = "AN003"
    name = "local-anniversary-mismatch"
    groups = ("anniversaries",)
    severity = Severity.WARNING
    messages = {"default": ("“{text}”与文中所述的起始年份{founded}年不符：{year}年应为{expected}周年",
                            "{text!r} does not fit the year stated ({founded}): in {year} it is the {expected}th"),
                "edition": ("“{text}”与文中所述的首届年份{founded}年不符：每年一届，{year}年最多为第{expected}届",
                            ("{text!r} does not fit the first one held in {founded}: one a year, {year} has"
                             " at most the {expected}th"))}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        yield from self._editions(ctx)
        text = ctx.text
        if "周年" not in text and "华诞" not in text:
            return
        national: list[tuple[int, int]] | None = None  # the national anniversaries, AN001's
        for article in ctx.document.articles:
            everywhere = None
            for m in _LOCAL.finditer(text, article.span.start, article.span.end):
                if national is None:
                    national = [(n.start(), n.end()) for a in _anchors(()) if a.base is not None
                                for n in a.pattern.finditer(text)]
                if any(lo < m.end() and m.start() < hi for lo, hi in national):
                    continue
                n = numeral_value(m["n"].replace("两", "二"))
                line = _paragraph_span(text, m.start())
                years = {y for _, y in _founding_years(text, line[0], line[1])}
                if not years:
                    if everywhere is None:
                        everywhere = {y for _, y in _founding_years(text, article.span.start, article.span.end)}
                    years = everywhere
                if len(years) != 1 or not n:
                    continue
                founded = next(iter(years))
                ref = reference_year(ctx, m.start())
                if ref is None or ref.year <= founded:
                    continue
                expected = ref.year - founded
                prepares = any(w in text[max(0, m.start() - 12):m.start()] for w in _PREPARES)
                if n == expected or prepares and n == expected + 1 or not ref.stated and n == expected + 1 and ref.late:
                    continue
                yield ctx.report(m.start(), m.end(), text=m.group(0), founded=founded, year=ref.year,
                                 expected=expected)

    @staticmethod
    def _editions(ctx: RuleContext) -> Iterator[Finding]:
        """`第十届读书节` where the paragraph says `自2018年举办首届读书节以来`: in 2026 at most the 9th."""
        text = ctx.text
        if "首届" not in text or "届" not in text.replace("首届", ""):
            return
        for first in _FIRST_HELD.finditer(text):
            year = int(first["y1"] or first["y2"])
            event = first["e1"] or first["e2"]
            lo, hi = _paragraph_span(text, first.start())
            for m in _EDITION.finditer(text, lo, hi):
                if not m["e"].startswith(event[:3]):
                    continue
                n = numeral_value(m["n"])
                ref = reference_year(ctx, m.start())
                if not n or ref is None or ref.year < year:
                    continue
                most = ref.year - year + 1  # one a year at most, unless the text says otherwise
                yearly = any(w in text[lo:hi] for w in ("每年", "一年一届", "年度"))
                if n > most or yearly and n != most:
                    yield ctx.report(m.start(), m.end(), "edition", text=m.group(0), founded=year,
                                     year=ref.year, expected=most)


def _paragraph_span(text: str, at: int) -> tuple[int, int]:
    lo = text.rfind("\n", max(0, at - 800), at) + 1 or max(0, at - 800)
    hi = text.find("\n", at, at + 800)
    return lo, hi if hi != -1 else min(len(text), at + 800)


RULES = [AnniversaryYearMismatch, EraYearMismatch, LocalAnniversaryMismatch]
