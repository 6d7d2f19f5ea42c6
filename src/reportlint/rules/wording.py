"""Wording lexicon: terms to avoid and preferred forms, from YAML lists, matched on jieba word boundaries."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from reportlint.config.datafiles import read_mapping
from reportlint.config.resources import data_dir
from reportlint.diagnostics import Applicability, Finding, Fix, Severity
from reportlint.rules.base import Option, Rule, RuleContext
from reportlint.text.lazyre import LazyPattern


class Entry:
    """One lexicon line: a term, what to say instead (preferred) or why not (avoid).

    ``kind`` is avoid, preferred or misspelt; ``followed_by`` (compiled on first use) must match after
    the term, ``preceded_by`` must find a match that ends where the term starts (within the 40
    characters before it; anchor it with ``$``).
    """

    __slots__ = ("kind", "term", "use", "reason", "followed_by", "preceded_by", "source")

    def __init__(self, kind: str, term: str, use: str, reason: tuple[str, str],
                 followed_by: LazyPattern | None, source: str, preceded_by: LazyPattern | None = None) -> None:
        self.kind, self.term, self.use, self.reason = kind, term, use, reason
        self.followed_by, self.preceded_by, self.source = followed_by, preceded_by, source

    def fits(self, text: str, start: int, end: int) -> bool:
        """Whether the context around an occurrence is the one this entry is about."""
        if self.followed_by is not None and not self.followed_by.match(text, end):
            return False
        return self.preceded_by is None or self.preceded_by.search(text, max(0, start - 40), start) is not None


def load_lexicon(path: str | Path, check: bool = True) -> list[Entry]:
    """Parse one wording file (see rulesets/data/wording.yaml for the layout).

    ``check`` compiles each ``followed_by`` at once (as a user's file needs, so a broken one
    fails when the file is read); the bundled file's compile when their term is found.
    """
    data = read_mapping(path)
    entries = []
    for kind in ("avoid", "preferred", "misspelt"):
        for item in data.get(kind) or ():
            reason = item.get("reason") or ["", ""]
            reason = (reason, reason) if isinstance(reason, str) else tuple(reason)
            after, before = item.get("followed_by"), item.get("preceded_by")
            if check:
                for pattern in (after, before):
                    if pattern:
                        re.compile(pattern)
            entries.append(Entry(kind, str(item["term"]), str(item.get("use", "")), reason,
                                 LazyPattern(after) if after else None, str(item.get("source", "")),
                                 LazyPattern(before) if before else None))
    return entries


@cache
def lexicon(extra: tuple[str, ...]) -> tuple[Entry, ...]:
    found = load_lexicon(data_dir("rulesets") / "data" / "wording.yaml", check=False)
    for path in extra:
        found += load_lexicon(path)
    return tuple(found)


def find_terms(text: str, entries: tuple[Entry, ...]) -> list[tuple[int, int, Entry]]:
    """Whole-word occurrences; a longer term wins over a shorter one at the same place.

    ``find_words`` is its own gate: it keeps only the terms whose first two characters stand
    together in the text and loads jieba only when one of them occurs.
    """
    from reportlint.text.segment import find_words

    by_term: dict[str, list[Entry]] = {}
    for entry in entries:
        by_term.setdefault(entry.term, []).append(entry)
    hits = []
    for start, end, term in find_words(text, by_term):
        for entry in by_term[term]:
            if entry.fits(text, start, end):
                hits.append((start, end, entry))
                break
    return hits


class _WordingRule(Rule):
    groups = ("wording",)
    kind = ""
    options = {"lists": Option([], list, "extra wording files (YAML, same layout as rulesets/data/wording.yaml)")}

    def _hits(self, ctx: RuleContext) -> list[tuple[int, int, Entry]]:
        extra = tuple(self.settings["lists"])
        return ctx.shared(f"wording:{extra}", lambda: find_terms(ctx.text, lexicon(extra)))


class AvoidedTerm(_WordingRule):
    """A term that does not belong in an official document (a data-driven word list).

    ## What it does
    Flags the terms listed under `avoid:` in `rulesets/data/wording.yaml` and in your own
    lists (option `lists`). Terms match whole words on jieba word boundaries, so a term
    never matches inside a longer word.

    ## Why is this bad?
    Slang and vulgar internet words damage the credibility of a 公文; Xinhua's list of words
    banned in news reports is the usual reference.

    ## Example
    ```
    活动形式新颖，很有逼格。
    ```

    ## Use instead
    ```
    活动形式新颖，富有感染力。
    ```
    """

    code = "WD001"
    name = "avoided-term"
    kind = "avoid"
    severity = Severity.WARNING
    messages = {
        "default": ("公文中不宜使用“{term}”（{reason}）", "avoid {term!r} in an official document ({reason_en})"),
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for start, end, entry in self._hits(ctx):
            if entry.kind == "avoid":
                yield ctx.report(start, end, term=entry.term, reason=entry.reason[0], reason_en=entry.reason[1])


class PreferredForm(_WordingRule):
    """A term with a preferred form: `建国以来` → `新中国成立以来`, `截止目前` → `截至目前`.

    ## What it does
    Flags the terms listed under `preferred:` in `rulesets/data/wording.yaml` (and your own
    lists, option `lists`) and offers the preferred form. Matching is on jieba word
    boundaries, never raw substrings: `创建国家级示范区` does not contain the word `建国`. An
    entry may pin one sense with `followed_by` (`建国` only before `后`, `前` or `N周年`).

    ## Why is this bad?
    Official usage, the dictionary and the 异形词 standard (GF 1001—2001) settle on one form;
    mixing forms looks careless.

    ## Example
    ```
    建国以来，全县累计建成水库26座。截止目前，已完成年度任务的九成。
    ```

    ## Use instead
    ```
    新中国成立以来，全县累计建成水库26座。截至目前，已完成年度任务的九成。
    ```

    ## Fix safety
    Unsafe: a list entry may have a sense the list does not foresee (a person named 建国).
    """

    code = "WD002"
    name = "preferred-form"
    kind = "preferred"
    severity = Severity.WARNING
    fixable = Applicability.UNSAFE
    messages = {"default": ("“{term}”宜写作“{use}”", "write {use!r} instead of {term!r}")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for start, end, entry in self._hits(ctx):
            if entry.kind == "preferred":
                fix = Fix.replace(f"改为“{entry.use}”", start, end, entry.use, Applicability.UNSAFE)
                yield ctx.report(start, end, term=entry.term, use=entry.use, fix=fix)


class MisspeltWord(_WordingRule):
    """A misspelt or confused word of official writing: `布署`, `惯彻`, `签定`, `一股作气`, `权力和义务`.

    ## What it does
    Flags the words listed under `misspelt:` in `rulesets/data/wording.yaml` (about 980,
    each with its source: the 《现代汉语词典》 entry of the right form, and the 《咬文嚼字》
    list of the 100 most common misspellings where the slip is on it) and in your own lists
    (option `lists`). The forms covered:

    - a wrong character in a word or idiom: `布署` → `部署`, `惯彻` → `贯彻`, `迫不急待` →
      `迫不及待`, `按步就班` → `按部就班`, `再接再励` → `再接再厉`, `自已` → `自己`, `卓厉奋发` →
      `踔厉奋发`, `张驰有度` → `张弛有度`, `询私舞弊` → `徇私舞弊`;
    - look-alike and sound-alike characters: `竟争` → `竞争`, `拔款` → `拨款`, `侯选人` →
      `候选人`, `幅射` → `辐射`, `台帐` → `台账`, `关健` → `关键`, `严竣` → `严峻`, `防犯` →
      `防范`, `招开` → `召开`;
    - words confused in one context, listed with that context: `权力和义务` → `权利和义务`,
      `权利机关` → `权力机关`, `反应问题` → `反映问题`, `急待解决` → `亟待解决`, `必需` before a
      verb (`必需坚持`) → `必须`, `起用新印章` → `启用` (`起用年轻干部` is left alone),
      `法制政府` → `法治政府` (`法制建设` is left alone), `招聘启示` → `招聘启事`, `寄于厚望` →
      `寄予`, `渡过春节` → `度过` (`渡过难关` is left alone), `过渡依赖` →
      `过度` (`过渡期` is left alone); or with the context before them: `权力` after `享有…`
      (`依法享有的知情权、监督权等权力` → `权利`; `享有的审批权力` is left alone), `所必须的` →
      `所必需的`.

    Matching is on jieba word boundaries: `宣布署名` holds no `布署`, and `生活必需品` is left
    alone. Words that are right in one sense and wrong in another without a fixed context
    (`截止`/`截至` is WD002's, `的/地/得`, `做/作`) are left alone.

    ## Why is this bad?
    A misspelt word in a 公文 undermines the issuing office's authority, and readers notice it
    at once.

    ## Example
    ```
    会议对下一步工作作了布署，要求各单位认真惯彻，一股作气完成全年任务。
    ```

    ## Use instead
    ```
    会议对下一步工作作了部署，要求各单位认真贯彻，一鼓作气完成全年任务。
    ```

    ## Fix safety
    Unsafe: the word list cannot see every context (a proper name may use the form).
    """

    code = "WD003"
    name = "misspelt-word"
    kind = "misspelt"
    severity = Severity.WARNING
    fixable = Applicability.UNSAFE
    messages = {"default": ("“{term}”疑为错别字，应为“{use}”", "{term!r} looks misspelt; write {use!r}")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for start, end, entry in self._hits(ctx):
            if entry.kind == "misspelt":
                fix = Fix.replace(f"改为“{entry.use}”", start, end, entry.use, Applicability.UNSAFE)
                yield ctx.report(start, end, term=entry.term, use=entry.use, fix=fix)


RULES = [AvoidedTerm, PreferredForm, MisspeltWord]
