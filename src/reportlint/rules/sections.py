"""Required parts per 文种 profile (rulesets/data/doctypes.yaml; the 文种 is the document model's)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Article, PartSpec, Profile, body_lines, is_complete
from reportlint.rules.base import DOCTYPES_OPTION, Rule, RuleContext, doctype_of, title_span, title_text
from reportlint.text.lazyre import lazy

_FIRST_SENTENCE = re.compile(r"[^。！？；]*")
_FIELD_LABEL = lazy(r"[ \t\u3000]*((?:[\u4e00-\u9fff][ \t\u3000]?){2,4})[：:]")
# a further field on a 纪要 header line (`时间：6月3日下午　地点：县政府四楼会议室`)
_MORE_FIELDS = lazy(r"[ \t\u3000，,；;]((?:[\u4e00-\u9fff][ \t\u3000]?){2,4})[：:]")
_YEAR = lazy(r"((?:19|20)\d{2})(?:年|—|-)")
_SPACE = lazy(r"[ \t\u3000]+|^会议")


@dataclass(frozen=True)
class _Texts:
    """Where a part may be named: heading titles, first sentences, whole paragraphs."""

    titles: list[str]
    firsts: list[str]
    wholes: list[str]


def _texts(article: Article) -> _Texts:
    # paragraphs, and the run-in body text after a heading's title
    bodies = [p.text for p in article.paragraphs()] + [h.body for h in article.headings() if h.body]
    firsts = [_FIRST_SENTENCE.match(body).group(0) for body in bodies]  # type: ignore[union-attr]
    return _Texts([h.title for h in article.headings()], firsts, bodies)


def _terms_found(texts: list[list[str]], terms: set[str],
                 unless_next: dict[str, re.Pattern[str]] | None = None) -> list[set[str]]:
    """Per group of texts, the terms that occur in it as whole words (one jieba pass); a term
    whose following text matches its ``unless_next`` pattern does not count (`差距进一步缩小`)."""
    from reportlint.text.segment import find_words_many

    after = unless_next or {}
    flat = [t for group in texts for t in group]
    hits = iter(zip(flat, find_words_many(flat, terms)))
    found: list[set[str]] = []
    for group in texts:
        got: set[str] = set()
        for _ in group:
            text, matches = next(hits)
            got.update(term for _, end, term in matches
                       if term not in after or not after[term].match(text, end))
        found.append(got)
    return found


def _field_labels(article: Article) -> set[str]:
    """The labels of a 纪要's header fields (时间, 地点, 主持 …), from the model or from the lines."""
    labels = {label for element in article.elements_of("minutes_field")
              for key, label in element.fields if key == "label"}
    for element in article.elements_of("minutes_field"):
        for line in element.lines:
            labels.update(_SPACE.sub("", m.group(1)) for m in _MORE_FIELDS.finditer(line.text))
    for line in body_lines(article):
        head = _FIELD_LABEL.match(line.text)
        if head:
            labels.add(_SPACE.sub("", head.group(1)))
            labels.update(_SPACE.sub("", m.group(1)) for m in _MORE_FIELDS.finditer(line.text))
    return labels


def _minutes_lines(article: Article) -> list[str]:
    """The 纪要 header lines (fields the model took out of the body)."""
    return [line.text for element in article.elements_of("minutes_field") for line in element.lines]


def _by_pattern_or_field(article: Article, specs: list[PartSpec]) -> set[str]:
    """The ids of the parts found by their pattern (on any body line) or their 纪要 field."""
    found: set[str] = set()
    if any(spec.fields for spec in specs):
        labels = _field_labels(article)
        found.update(spec.id for spec in specs if labels & set(spec.fields))
    patterned = [spec for spec in specs if (spec.pattern is not None or spec.many is not None) and spec.id not in found]
    if patterned:
        body = [line.text for line in body_lines(article)]
        head = _minutes_lines(article)
        found.update(spec.id for spec in patterned if spec.pattern is not None
                     and any(spec.pattern.search(text) for text in _where(spec, body, head)))
        found.update(spec.id for spec in patterned if spec.many is not None
                     and sum(1 for text in body + head if spec.many.search(text)) >= spec.many_lines)
    return found


def _where(spec: PartSpec, body: list[str], head: list[str]) -> list[str]:
    """The lines a part's pattern is looked for in: the opening lines and the 纪要 header (`opening`;
    head lines with no sentence in them — `第5期`, the issuing office and date, a subtitle — are not
    counted), the closing lines (`closing`), else every body line and the header."""
    if spec.opening > 0:
        lead = next((i for i, text in enumerate(body) if any(mark in text for mark in "。，；：,;:")), 0)
        return body[:lead + spec.opening] + head
    if spec.opening < 0:
        return body[spec.opening:]
    return body + head


def _advisory(spec: PartSpec, title: str) -> bool | None:
    """Whether a part is only noted in this document (True), required (False) or not judged (None):
    a part with `required-when` is required in the documents whose title matches it (a 实施方案's
    schedule), and elsewhere noted if it is advisory, else not judged (a 通知 that deploys an
    activity says when; one that issues a document need not)."""
    if spec.required_when is not None and not spec.required_when.search(title.strip()):
        return True if spec.advisory else None
    return spec.advisory and spec.required_when is None


def _heading_names(spec: PartSpec, title: str, year: int | None) -> bool:
    """Whether a heading's title names the part: one of its words anywhere in it (headings are
    short; `工作思路` names next steps as `思路` does), unless a word before it makes the heading
    about another part (`着力解决群众急难愁盼问题` reports work done), or, for a part read by
    the year, a year after the title's (`2025年重点任务` in a 2024 summary)."""
    for term in spec.heading:
        at = title.find(term)
        if (at >= 0 and not any(word in title[:at] for word in spec.unless)
                and (spec.unless_next is None or not spec.unless_next.match(title, at + len(term)))):
            return True
    return spec.later_year and year is not None and _later_year(title, year)


def _base_year(title: str, headings: list[str]) -> int | None:
    """The year a document looks back on: the title's (`2024年工作总结`) or the first heading's
    (`一、2025年工作回顾` under a title naming the year it is delivered in), the earlier."""
    years = [int(m.group(1)) for text in (title, *headings[:1]) for m in [_YEAR.search(text)] if m]
    return min(years) if years else None


def _later_year(text: str, year: int) -> bool:
    """Whether the text opens on, or its heading names, a year after ``year`` (`2025年，我们将…`)."""
    return any(int(m.group(1)) > year for m in _YEAR.finditer(text[:30]))


def present_sections(items: list[tuple[Article, tuple[PartSpec, ...]]]) -> list[set[str]]:
    """For each (article, specs), the ids of the parts it names.

    A part's pattern or 纪要 field settles it first; then headings are checked for every
    article at once; paragraphs only for the parts still missing, so jieba sees few and short texts.
    """
    present = [_by_pattern_or_field(article, list(specs)) for article, specs in items]
    items = [(article, tuple(s for s in specs if s.id not in got)) for (article, specs), got in zip(items, present)]
    texts = [_texts(article) for article, _ in items]
    for got, (article, specs), text in zip(present, items, texts):
        year = _base_year(article.title_text, text.titles)
        got.update(spec.id for spec in specs if any(_heading_names(spec, title, year) for title in text.titles))
        got.update(spec.id for spec in specs if spec.later_year and year is not None
                   and any(_later_year(first, year) for first in text.firsts))
    missing = [[spec for spec in specs if spec.id not in got and spec.paragraph]
               for (_, specs), got in zip(items, present)]
    groups = [t.wholes if any(s.anywhere for s in miss) else t.firsts if miss else []
              for t, miss in zip(texts, missing)]
    unless_next = {t: spec.unless_next for miss in missing for spec in miss if spec.unless_next is not None
                   for t in spec.paragraph}
    in_paragraphs = _terms_found(groups, {t for miss in missing for spec in miss for t in spec.paragraph},
                                 unless_next)
    for got, miss, found in zip(present, missing, in_paragraphs):
        got.update(spec.id for spec in miss if found & set(spec.paragraph))
    return present


def _profiled(ctx: RuleContext, extra: str) -> Iterator[tuple[Article, Profile]]:
    """Whole articles (not fragments) with a title and a 文种 profile, attachments included."""
    for article in _articles(ctx):
        doctype = doctype_of(article, extra, past_masthead=True)
        if (doctype is not None and article.title is not None and is_complete(article)
                and (not doctype.min_headings
                     or sum(1 for h in article.headings() if h.level == 1) >= doctype.min_headings)):
            yield article, doctype


def _articles(ctx: RuleContext) -> Iterator[Article]:
    # `document.articles` lists each attached part (附件1 …) after its article: each is read once
    yield from ctx.document.articles


def _source(doctype: Profile) -> str:
    return doctype.source or "rulesets/data/doctypes.yaml"


class MissingSection(Rule):
    """A document without a part its 文种 needs: a 工作总结 that never names its problems, a 请示
    without its request, a 批复 that does not say which 请示 it answers.

    ## What it does
    Takes the 文种 from the document model (title, 发文字号 and structure) and checks the parts
    its profile in `rulesets/data/doctypes.yaml` requires:

    - 工作总结, 半年总结, 情况汇报, 述职报告: achievements and methods, problems and shortcomings,
      next steps; a 述职述廉报告 also its 述廉 part (廉洁自律, 党风廉政建设责任);
      a 活动总结 of three sections or more: its shortcomings;
    - 调研报告: problems and suggestions;
    - 工作计划, 工作要点, 计划: goals (a 目标 or 总体要求 section, or a sentence setting a target:
      `力争到2026年底……`, `主要预期目标：`) and tasks;
    - a working 方案 (实施方案, 工作方案, 活动方案, 行动方案, 推进方案 …): goals, measures, steps
      and schedule (a 步骤/进度/时间安排 section, phases with their months, month-by-month lines, or
      deadlines on three lines or more) and responsibilities (a 分工/组织领导/保障 section, or a lead
      unit named: `由县教育局牵头`, `领导小组`);
    - 实施意见, 指导意见: how it is carried out (组织领导, 责任分工, 督促落实);
    - a 通知 that launches an activity (`关于开展……专项整治行动的通知`): when it runs or is due;
    - an 印发 or 转发 通知: the issuing statement (`现印发给你们，请认真贯彻执行`);
    - a 工作计划: when its work is done (a schedule, or timing carried by the tasks on two lines:
      `每季度`, `6月底前`);
    - a 命令（令） that publishes rules: when they take effect (`自2026年7月1日起施行`);
    - 通告: when it takes effect (`本通告自2025年2月1日起施行`, `管制时间：`);
    - 请示: its closing request (妥否，请批示 / 当否，请批复 / 请予审批);
    - 批复: the request it answers (你单位《关于……的请示》收悉) and the answer (同意, 不予, 请你局……);
    - 函: its closing formula (特此函告, 请函复, 盼复);
    - 会议通知 (`关于召开……会议的通知`): the time, the place and who attends;
    - 通报: a finding (causes, lessons or significance) and a decision or requirements; an accident
      or criticism 通报 also what the units are to do (引以为戒, 举一反三, 各单位要……), and a
      通报 on named units' failings (`……工作不力问题的通报`) the decision on them (予以通报批评, 约谈);
    - 议案: its closing request to deliberate it (现提请县人大常委会审议), in the closing lines;
    - a 拍卖, 挂牌 or 招标 公告: when the sale or the bid opening takes place (a registration deadline
      is not that time);
    - 纪要: the time, the place, the chair and the attendees (header fields or the opening paragraph,
      counted after a head of 第N期, office and date; those sitting in, 列席, are not the attendees).

    A part is a concept with a set of synonyms: it is present when a heading contains one of its
    words (`存在的不足`, `短板弱项`, `差距和问题`; `下一步工作思路`, `2025年工作安排`), unless a
    word before it makes the heading about work done (`着力解决……问题`), when a heading or the
    opening of a paragraph names a year after the title's (next steps in a summary), when the first
    sentence of a paragraph holds one of its phrases (a problems paragraph without a heading,
    `但是我们也清醒地认识到……`, counts; these match whole words on jieba word boundaries), or when
    a body line or a 纪要 header field matches its pattern.
    The message names the 文种 and the clause the profile rests on; it stands on the title line (past
    a 版头 line the model joined to it). 政府工作报告 and the 文种 without a profile are not judged, nor
    are fragments (fewer than two headings and under 200 characters, unless the text has a 主送机关
    and a 落款). A 方案 of another kind (资金筹措方案, 人才培养方案) and a 工作安排's schedule are
    only noted (SC004). A part missing from an attached 方案 is flagged on the attachment's title,
    or on the covering 通知's when the 通知 relies on it (`按照方案明确的职责分工`).

    ## Why is this bad?
    A summary that lists only achievements reads as propaganda and is usually sent back; a
    请示 without its request does not say what the office is asked to approve; a 批复 that does
    not cite the 请示 cannot be filed against it.

    ## Example
    ```
    县水利局2023年工作总结
    一、主要工作
    ……
    二、2024年工作打算
    ……
    ```

    ## Use instead
    ```
    县水利局2023年工作总结
    一、主要工作
    ……
    二、存在的问题
    ……
    三、2024年工作打算
    ……
    ```

    Add 文种 or change a profile with the `doctypes` option: a YAML file laid out like the
    bundled one. An entry with a new `id` (and its `title` pattern) adds a 文种, tried first; an
    entry repeating a bundled `id` replaces the keys it gives (`sections: [...]`); new parts go
    under `sections:`.
    """

    code = "SC001"
    name = "missing-section"
    groups = ("sections",)
    severity = Severity.WARNING
    options = {"doctypes": DOCTYPES_OPTION}
    messages = {"default": ("{doctype}缺少“{section}”部分（{source}；未见：{keywords}）",
                            ("this {doctype_en} has no {section_en} part ({source}; nothing mentions "
                             "{keywords})")),
                "cited": ("所印发的{doctype}缺少“{section}”部分，通知却要求“{cited}”（第{line}行；{source}）",
                          ("the {doctype_en} this document issues has no {section_en} part, yet line {line} "
                           "relies on it ({cited!r}; {source})"))}

    advisory = False  # SC004 reports the advisory parts

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        items = [(article, doctype,
                  tuple(s for s in doctype.sections if _advisory(s, title_text(article)) == self.advisory))
                 for article, doctype in _profiled(ctx, self.settings["doctypes"])]
        items = [item for item in items if item[2]]
        present = present_sections([(article, specs) for article, _, specs in items])
        hosts = _hosts(ctx)
        for (article, doctype, specs), found in zip(items, present):
            for spec in specs:
                if spec.id in found:
                    continue
                host = hosts.get(id(article))
                cited = _cites_part(host, spec) if host is not None and not self.advisory else None
                if host is not None and cited is not None:
                    # the covering 通知 relies on the part its attachment lacks: the two disagree there
                    title = title_span(host)
                    yield ctx.report(title.start, title.end, "cited", doctype=doctype.name[0],
                                     doctype_en=doctype.name[1], section=spec.name[0], section_en=spec.name[1],
                                     cited=cited[1], line=cited[0], source=_source(doctype))
                    continue
                words = "、".join((spec.fields or spec.heading or spec.paragraph)[:4]) or spec.name[0]
                title = title_span(article)
                yield ctx.report(title.start, title.end, doctype=doctype.name[0], doctype_en=doctype.name[1],
                                 section=spec.name[0], section_en=spec.name[1], keywords=words,
                                 source=_source(doctype))


def _hosts(ctx: RuleContext) -> dict[int, Article]:
    """Each attached part (附件1 …) keyed by id, with the article it is attached to."""
    hosts: dict[int, Article] = {}
    host: Article | None = None
    for article in ctx.document.articles:
        if article.is_attachment:
            if host is not None:
                hosts[id(article)] = host
        else:
            host = article
    return hosts


# a covering 通知 pointing at a part of what it issues: `按照方案明确的职责分工`
_POINTS_AT = lazy(r"(?:方案|计划|要点|办法|细则)(?:中)?(?:所)?(?:明确|规定|确定|提出|部署|安排)的([^。，；]{1,10})")


def _cites_part(host: Article, spec: PartSpec) -> tuple[int, str] | None:
    """The line and words where the covering document relies on the part (`按照方案明确的职责分工`)."""
    for line in body_lines(host):
        for match in _POINTS_AT.finditer(line.text):
            if any(word in match.group(1) for word in spec.heading):
                return line.number, match.group(0)
    return None


class MissingAdvisoryPart(MissingSection):
    """A 计划 or 方案 that does not name a part its profile advises: goals, measures, steps, responsibilities.

    ## What it does
    Like SC001, for the parts a profile marks `advisory: true` in `rulesets/data/doctypes.yaml`
    where the title does not make them required (`required-when`): a 方案 of another kind than a
    working plan (资金筹措方案, 人才培养方案) without its goals, tasks, schedule or responsibilities;
    a 工作安排 or 规划 without its steps and schedule. Informational: writers often leave a schedule
    or the division of work implicit in texts that are otherwise fine. A working 方案 (实施方案,
    工作方案, 活动方案 …) missing one of them, and a 工作计划 whose tasks carry no timing, are SC001's.

    ## Why is this bad?
    A plan that says what to do but not by when or by whom cannot be followed up: the three
    elements of a 计划 (目标、措施、步骤) and the responsibilities of a 方案 are what a reviewer
    checks first.

    ## Example
    ```
    县农村供水保障工程资金筹措方案
    一、筹资目标
    ……
    二、资金来源
    ……
    ```

    ## Use instead
    ```
    县农村供水保障工程资金筹措方案
    一、筹资目标
    ……
    二、资金来源
    ……
    三、到位时间（2024年6月底前落实县级配套，年底前全部到位）
    ……
    四、责任分工（县财政局牵头，县水利局配合）
    ……
    ```
    """

    code = "SC004"
    name = "missing-advisory-part"
    groups = ("sections",)
    severity = Severity.INFO
    advisory = True


class RequestInReport(Rule):
    """A 报告 that carries a request: `妥否，请批示` or `请审批` inside a report.

    ## What it does
    For the 文种 whose profile forbids a part (`forbid:` in `rulesets/data/doctypes.yaml`; the
    bundled profiles of 报告 and of the other non-request 文种 — 通知, 通报, 意见, 决定, 批复,
    公告, 通告 — forbid a request; a 函 may ask, a 请示 must), flags the request where it stands (the
    part is present, in the wrong document), at the first one: `请批示`, `请审批`,
    `请批复`, `妥否，请…` (`妥当与否，请…`), `请予批准`, `请县政府予以批准`, `请予审定`, `恳请……追加/拨付/解决`,
    `请……研究同意`, `希望县政府帮助解决……资金`. `报请审批`/`提请批准` (a procedure
    reported) and quoted phrases are not requests. A 调研报告 is a report too: its suggestions may
    not turn into a request (`恳请县政府批准设立……`); 政府工作报告 (`请予审议`) is another 文种.

    ## Why is this bad?
    《党政机关公文处理工作条例》第十五条（四）: a request may not travel inside a 报告 or any
    other non-request document — a 报告 is read for information and needs no answer, so the
    request is never acted on. Send the request as a 请示 of its own.

    ## Example
    ```
    县应急管理局关于2024年安全生产工作情况的报告
    ……
    以上报告妥否，请批示。
    ```

    ## Use instead
    ```
    县应急管理局关于2024年安全生产工作情况的报告
    ……
    特此报告。
    ```
    """

    code = "SC002"
    name = "request-in-report"
    groups = ("sections",)
    severity = Severity.WARNING
    standard = "《党政机关公文处理工作条例》第十五条（四）"
    options = {"doctypes": DOCTYPES_OPTION}
    messages = {"default": ("{doctype}中夹带请示事项（第{line}行“{text}”；条例第十五条（四）{source}）："
                            "请示事项应另行请示",
                            ("a {doctype_en} must not carry a request ({text!r} on line {line}; 条例第十五条（四）"
                             "{source}): send a 请示"))}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article in _articles(ctx):
            doctype = doctype_of(article, self.settings["doctypes"], past_masthead=True)
            if doctype is None or not doctype.forbid:
                continue
            found = next(((line, match) for line in body_lines(article) for spec in doctype.forbid
                          for match in [spec.pattern.search(line.text) if spec.pattern else None]
                          if match and not _quoted(line.text, match.start())), None)  # quoted: about one
            if found is not None:
                line, match = found
                source = doctype.source if "第十五条（四）" not in doctype.source else ""
                source = f"，{source}" if source else ""
                start = line.span.start + match.start()
                yield ctx.report(start, line.span.start + match.end(), doctype=doctype.name[0], line=line.number,
                                 doctype_en=doctype.name[1], text=match.group(0), source=source)


def _quoted(text: str, at: int) -> bool:
    """Whether ``at`` stands inside “…”, 《…》 or 「…」 on its line."""
    before = text[:at]
    return any(before.count(open_) > before.count(close) for open_, close in ("“”", "《》", "「」"))


_SUBMIT = lazy(r"(?:报送|上报|报至|报给|报名|提交|反馈|推荐|报送至|发送至|报县|报市|报区|报镇|报省|"
               r"(?<=[并后])报(?=[^，。；]{1,12}(?:办公室|局|部|科|股|处|室|中心|委)))")
# who is told to send it in: `请各镇……报送`, `各部门要……并报总经理办公室`
_TOLD = lazy(r"请|各[^，。；]{1,10}?(?:要|务必|须|应)")
# a deadline for what is to be sent in, stated anywhere (`报送时间：`, `5月20日前报送`)
_SUBMIT_BY = lazy(r"(?:报送|提交|反馈|上报|报名)(?:时间|截止|期限)|截[止至](?:时间|日期)|"
                  r"前(?:报送|报|提交|反馈|上报|发送)")
_DEADLINE = lazy(r"\d{1,2}月\d{1,2}日|\d{1,2}月(?:底|中旬|上旬|下旬|份)|截止|截至|以前|之前|前(?:报|提交|反馈)|"
                       r"[一二三四五六七八九十]+月[一二三四五六七八九十]+日|\d+个?工作日|即日|随时|每(?:月|季|周|年|半年)|"
                       r"[季年]度?(?:末|底)|月底|年底|届时|定期|每日|每天|\d{1,2}[:：]\d{2}")


# a time limit: a date or period followed by 前 (`5月20日前`, `月底之前`), 截止, N个工作日内, 每月
_DUE = lazy(r"(?:日|月|底|旬|末|度)(?:之|以)?前|截[止至]|工作日内|天内|日内|即日|随时|"
            r"每(?:月|季|周|年|半年|日|天)|定期|届时")


class NoticeWithoutDeadline(Rule):
    """A 通知 that asks for something to be sent in but never says by when.

    ## What it does
    For a 通知 (by the document model's 文种), flags the request itself when a body line asks
    the recipients (`请……`, `各部门要……`) to submit something (`报送`, `上报`, `提交`, `反馈`,
    `报名`, `并报办公室`) and neither the request's sentence, a time limit elsewhere on its line,
    the lines around it, nor a line stating when
    things are due (`报送时间：`, `5月20日前报送`) gives a time limit (`5月20日前`, `月底前`,
    `截止`, `3个工作日内`, `每月`); a neighbouring line counts only with a time limit or a request
    of its own (a meeting's date on the line above is no deadline). A notice that asks for
    nothing to be sent, such as an 印发通知 (`请认真贯彻执行`), is not judged.

    ## Why is this bad?
    A 通知 tells its recipients what to do and by when (《党政机关公文处理工作条例》第八条（八）);
    a request for material without a deadline is answered late or never, and the issuing office
    has no date to chase.

    ## Example
    ```
    请各学校将自查报告报送县教育局安全股。
    ```

    ## Use instead
    ```
    请各学校于5月20日前将自查报告报送县教育局安全股。
    ```
    """

    code = "SC003"
    name = "notice-without-deadline"
    groups = ("sections",)
    severity = Severity.WARNING
    standard = "《党政机关公文处理工作条例》第八条（八）"
    options = {"doctypes": DOCTYPES_OPTION}
    messages = {"default": ("{doctype}第{line}行要求“{verb}”却未写明时限（何时前完成；{source}）",
                            ("the {doctype_en} asks recipients to {verb!r} on line {line} but gives no deadline "
                             "({source})"))}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article in _articles(ctx):
            doctype = doctype_of(article, self.settings["doctypes"], past_masthead=True)
            if doctype is None or doctype.id not in ("notice", "meeting-notice"):
                continue
            lines = list(body_lines(article))
            elements = [line.text for element in article.elements for line in element.lines
                        if element.kind not in ("copies_to", "printed_by", "date", "issuer")]
            if (article.title is None or _DEADLINE.search(article.title_text)
                    or any(_SUBMIT_BY.search(text) for text in [line.text for line in lines] + elements)):
                continue
            for k, line in enumerate(lines):
                match = _SUBMIT.search(line.text)
                if not match:
                    continue
                before = line.text[:match.start()]
                if not _TOLD.search(before[before.rfind("。") + 1:]):  # told in the same sentence
                    continue
                # the request's own sentence, and the rest of its line and its neighbours (a list's
                # items) when they set a time limit or ask for something to be sent too: a meeting's
                # date (`定于5月20日召开`) is no deadline
                sentence = line.text[before.rfind("。") + 1:]
                sentence = sentence[:sentence.find("。")] if "。" in sentence else sentence
                near = [other.text for other in lines[max(0, k - 1):k + 2]
                        if other is not line and (_DUE.search(other.text) or _SUBMIT.search(other.text))]
                if _DEADLINE.search(sentence) or _DUE.search(line.text) or any(map(_DEADLINE.search, near)):
                    continue
                start = line.span.start + match.start()
                yield ctx.report(start, start + len(match.group(0)), verb=match.group(0), line=line.number,
                                 doctype=doctype.name[0], doctype_en=doctype.name[1], source=_source(doctype))
                break


# the verbs a request's matter opens with (申请购置…, 增加编制…)
_ASKS = ("申请", "请求", "拨付", "购置", "增加", "增设", "调整", "解决", "设立", "变更", "划拨", "追加", "减免",
         "核增", "新建", "改建", "扩建", "启用", "撤销", "更名", "举办", "招聘", "延长", "维修", "修缮", "购买", "配备")
_TWO_IN_TITLE = lazy(r"(" + "|".join(_ASKS) + r")[^和及与并、，]{2,30}?(?:和|及|以及|、|并)("
                     + "|".join(_ASKS) + r")")
_SEVERAL_IN_TITLE = lazy(r"(?:几个|若干|两个|两项|三个|三项|多个|多项)(?:问题|事项|事宜)|"
                         r"等(?:问题|事项|事宜)(?:的请示)?$")
_SEVERAL_IN_BODY = lazy(r"一并(?:请示|请求|申请|报批|提出|报请|恳请)|"
                        r"(?:[也还再]|另)请[^。；，]{0,12}一并(?:安排|解决|拨付|批准)|"
                        r"(?:以下|下列|如下)(?:几|两|二|三|四|[2-9])(?:个|项|件)(?:问题|事项|事宜|请示事项)|"
                        r"(?:另外|此外|另|同时)(?:还)?(?:有|就)(?:一|两|二)?(?:件事|个问题|个事项|事)(?:请示|报请|恳请)|"
                        r"(?:另外|此外)(?:还)?(?:需|要)?请示|另请示")


# a second request counted off after a first (`一是恳请……；二是恳请……`, `其二，申请……`) or added (`另外，恳请……`)
_SECOND_REQUEST = lazy(r"(?:二是|其二|第二)[，,、]?(?:恳请|请求|申请|拟请|请)|"
                      r"(?:另外|此外)[，,]?(?:我[局院校镇乡县委办司]|我们)?(?:还)?(?:恳请|申请|请求|拟请)")
# a request joined on (`同时，恳请……同意新建……`, `同时，为……，提请……批准调整……`): a second matter
# when it asks for a new act (_ASKS) and the document asks for something else on another line
_JOINED_REQUEST = lazy(r"(?:^|[。；])[ \t\u3000]*(?:同时|另外|此外|另|再者)[，,]?(?:[^。；，,]{2,20}[，,])?"
                       r"(?:我[局院校镇乡县委办司市区]|我们|本[局院校])?(?:还|再|也)?(?:恳请|申请|请求|拟请|提请|"
                       r"(?<=[也还再并])请)[^。；]{0,40}?(?:" + "|".join(_ASKS) + r"|安排)")
_A_REQUEST = lazy(r"恳请|请求|拟请|提请|请予|请批示|请审批|妥否|当否")


def _several_matters(article: Article) -> tuple[str, int, int] | None:
    """What shows a 请示 asks for more than one thing, and where it stands: the title's two requests
    (`申请购置救护车和增加编制`, `申请拨付……并调整……`) or `几个问题` (the title's span), a body line
    asking `一并` or announcing `以下两个事项`, a second request counted off (`二是恳请`, `其二，申请`)
    (that line's words), or two headings that each open a matter (`一、关于……` `二、关于……`: the
    second heading)."""
    title = article.title_text.strip()
    pair = _TWO_IN_TITLE.search(title)
    span = title_span(article)
    if pair and pair.group(1) != pair.group(2):
        return pair.group(0), span.start, span.end
    several = _SEVERAL_IN_TITLE.search(title)
    if several:
        return several.group(0), span.start, span.end
    lines = list(body_lines(article))
    for line in lines:
        match = _SEVERAL_IN_BODY.search(line.text) or _SECOND_REQUEST.search(line.text)
        if match and not _quoted(line.text, match.start()):
            return match.group(0), line.span.start + match.start(), line.span.start + match.end()
    for line in lines:
        match = _JOINED_REQUEST.search(line.text)
        if (match and not _quoted(line.text, match.start())
                and any(_A_REQUEST.search(other.text) for other in lines if other is not line)):
            start = match.start() + len(match.group(0)) - len(match.group(0).lstrip("。； \t\u3000"))
            return match.group(0)[start - match.start():], line.span.start + start, line.span.start + match.end()
    matters = [h for h in article.headings() if h.level == 1 and h.title.startswith("关于")]
    if len(matters) >= 2:
        second = matters[1].line.span
        return "、".join(h.title for h in matters[:2]), second.start, second.end
    return None


class RequestSeveralMatters(Rule):
    """A 请示 that asks for more than one thing (一文一事).

    ## What it does
    For the 文种 whose profile says `single-matter: true` (the bundled 请示, and the 议案: 一案一事),
    flags where the
    document shows more than one matter: the title, when it joins two requests
    (`关于申请购置救护车和增加人员编制的请示`, `申请拨付……并调整……`) or is on `几个问题` or
    `等事项`; else the body words that add a matter (`一并请示`, `另外还有一事请示`,
    `现就以下两个问题请示如下`, a second request counted off or added: `二是恳请`, `其二，申请`,
    `此外，我局还申请`, or joined on to ask for a new act while the document asks elsewhere too:
    `同时，恳请县政府同意新建……`, `同时，为……，提请……批准调整……`); else the
    second of two top-level headings that each open a matter (`一、关于……` / `二、关于……`). The
    message quotes the evidence.

    ## Why is this bad?
    《党政机关公文处理工作条例》第十五条（四）: a 请示 handles one matter. Matters bundled
    together go to different offices and are answered at different speeds; a 批复 cannot answer
    one and leave the other, and the request is filed under one subject only.

    ## Example
    ```
    县卫生健康局关于申请购置救护车和增加人员编制的请示
    ```

    ## Use instead
    ```
    县卫生健康局关于申请购置救护车的请示
    县卫生健康局关于申请增加县急救中心人员编制的请示
    ```
    """

    code = "SC005"
    name = "request-several-matters"
    groups = ("sections",)
    severity = Severity.WARNING
    standard = "《党政机关公文处理工作条例》第十五条（四）"
    options = {"doctypes": DOCTYPES_OPTION}
    messages = {"default": ("{doctype}应一文一事（条例第十五条（四）；{source}），此件涉及不止一个事项：“{evidence}”",
                            ("a {doctype_en} handles one matter (条例第十五条（四）; {source}); this one carries "
                             "more: {evidence!r}")),
                "motion": ("{doctype}应一案一事（{source}），此件提请了不止一个事项：“{evidence}”",
                           ("a {doctype_en} puts one matter to the congress ({source}); this one puts more: "
                            "{evidence!r}"))}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article in _articles(ctx):
            doctype = doctype_of(article, self.settings["doctypes"], past_masthead=True)
            if doctype is None or not doctype.single_matter or article.title is None:
                continue
            found = _several_matters(article)
            if found is not None:
                evidence, start, end = found
                yield ctx.report(start, end, "motion" if doctype.id == "motion" else "default",
                                 doctype=doctype.name[0], doctype_en=doctype.name[1],
                                 evidence=evidence, source=_source(doctype))


_MIXED_TITLE = lazy(r"(请示报告|报告请示)(?:[（(][^（）()]{1,10}[）)])?$")


class MixedDoctypeTitle(Rule):
    """A title that names two 文种 at once: `关于……的请示报告`.

    ## What it does
    Flags a title ending with `请示报告` or `报告请示`: two statutory 文种 run together.

    ## Why is this bad?
    《党政机关公文处理工作条例》第八条 lists 请示 and 报告 as two 文种 with different uses: a
    请示 asks and waits for a 批复, a 报告 informs and needs no answer (第十五条（四）: no request
    inside a 报告). A `请示报告` leaves the receiving office unsure whether to answer.

    ## Example
    ```
    县水务局关于申请水毁工程修复资金的请示报告
    ```

    ## Use instead
    ```
    县水务局关于申请水毁工程修复资金的请示
    ```
    """

    code = "SC006"
    name = "mixed-doctype-title"
    groups = ("sections",)
    severity = Severity.WARNING
    standard = "《党政机关公文处理工作条例》第八条"
    messages = {"default": ("标题文种“{word}”混用：请示和报告是两个文种，应按行文目的选用其一"
                            "（条例第八条、第十五条（四））",
                            "the title runs two 文种 together ({word!r}): 请示 and 报告 are different documents")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article in _articles(ctx):
            if article.title is None:
                continue
            match = _MIXED_TITLE.search(article.title_text.strip())
            if match:
                title = title_span(article)
                yield ctx.report(title.start, title.end, word=match.group(1))


# the 文种 a closing formula belongs to: 特此通知 closes a 通知
_CLOSING = lazy(r"^[ \t\u3000]*(?:以上|上述)?[^。！？]{0,8}?(特此(通知|报告|请示|通报|批复|函告|函复|公告|通告))"
                r"[。！]?[ \t\u3000]*$")
_CLOSES = {"通知": ("notice", "meeting-notice"),
           "报告": ("report", "research-report", "work-summary", "half-year-summary", "debrief"),
           "请示": ("request",), "通报": ("circular",), "批复": ("reply",), "函告": ("letter",), "函复": ("letter",),
           "公告": ("announcement",), "通告": ("public-notice",)}
# the 文种 whose closing formula is fixed enough to judge; a 公报, 决议 or 讲话稿 has none of them
_JUDGED = ("notice", "meeting-notice", "report", "circular", "reply", "letter", "announcement", "public-notice",
           "communique", "resolution", "speech")


class ClosingOfAnotherDoctype(Rule):
    """A closing formula of another 文种: a 通知 that ends `特此报告。`, a 报告 that ends `特此通知。`.

    ## What it does
    For a 通知, 报告, 通报, 批复, 函, 公告 or 通告 (by the document model's 文种), flags a closing
    line `特此……` whose 文种 word is another one's (`特此报告` in a 通知, `特此通知` in a 函); a
    公报, 决议 or 讲话稿 closes with none of them, so any `特此……` line in one is flagged.
    A 请示 closed like a 报告 is SC001's (its request is missing).

    ## Why is this bad?
    The closing formula repeats the 文种 (《党政机关公文处理工作条例》第八条): one that names
    another 文种 shows the text was copied from another document, and leaves the reader unsure
    what is asked of them.

    ## Example
    ```
    县教育局关于开展校园安全隐患排查的通知
    ……
    特此报告。
    ```

    ## Use instead
    ```
    县教育局关于开展校园安全隐患排查的通知
    ……
    特此通知。
    ```
    """

    code = "SC007"
    name = "closing-of-another-doctype"
    groups = ("sections",)
    severity = Severity.WARNING
    standard = "《党政机关公文处理工作条例》第八条"
    options = {"doctypes": DOCTYPES_OPTION}
    messages = {"default": ("{doctype}的结语写成了“{closing}”（{source}）",
                            "this {doctype_en} closes with {closing!r}, the closing of another 文种 ({source})")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article in _articles(ctx):
            doctype = doctype_of(article, self.settings["doctypes"], past_masthead=True)
            if doctype is None or doctype.id not in _JUDGED:
                continue
            for line in body_lines(article):
                if "特此" not in line.text:
                    continue
                match = _CLOSING.match(line.text)
                if match and doctype.id not in _CLOSES[match.group(2)]:
                    start = line.span.start + match.start(1)
                    yield ctx.report(start, start + len(match.group(1)), doctype=doctype.name[0],
                                     doctype_en=doctype.name[1], closing=match.group(1), source=_source(doctype))


# a 批复 citing the 请示 it answers: `你局《关于……的请示》` (then its number, then 收悉)
_CITED = lazy(r"《[^》]{2,80}(?:请示|报告|申请)》", gate=("《",))
_CITED_NUMBER = lazy(r"[〔\[［【﹝(（]\s*(?:19|20)\d{2}\s*[〕\]］】﹞)）]\s*第?\d+\s*号|\d+号")


class ReplyCitationWithoutNumber(Rule):
    """A 批复 that cites the 请示 it answers by its title but not by its 发文字号.

    ## What it does
    For a 批复 (by the document model's 文种), flags the line that cites the request
    (`你局《关于……的请示》收悉`) when it gives the request's title but no 发文字号 (`〔2025〕12号`).

    ## Why is this bad?
    《党政机关公文处理工作条例》第八条（十二） and common practice: a 批复 opens by citing the
    request it answers, by title and number (`你局《关于……的请示》（河水〔2025〕12号）收悉`), so the
    answer can be filed against the request; titles repeat from year to year, numbers do not.

    ## Example
    ```
    你局《关于调整城区公交线路的请示》收悉。经研究，现批复如下：
    ```

    ## Use instead
    ```
    你局《关于调整城区公交线路的请示》（河交〔2025〕12号）收悉。经研究，现批复如下：
    ```
    """

    code = "SC008"
    name = "reply-citation-without-number"
    groups = ("sections",)
    severity = Severity.WARNING
    standard = "《党政机关公文处理工作条例》第八条（十二）"
    options = {"doctypes": DOCTYPES_OPTION}
    messages = {"default": ("{doctype}引叙来文“{cited}”未写发文字号：应写明请示的标题和发文字号（{source}）",
                            "this {doctype_en} cites {cited!r} without its document number ({source})")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article in _articles(ctx):
            doctype = doctype_of(article, self.settings["doctypes"], past_masthead=True)
            if doctype is None or doctype.id != "reply":
                continue
            for line, _ in zip(body_lines(article), range(3)):  # the citation opens the body
                cited = _CITED.search(line.text)
                if cited is None:
                    continue
                after = line.text[cited.end():cited.end() + 30]
                if not _CITED_NUMBER.search(after.split("收悉")[0] if "收悉" in after else after):
                    start = line.span.start + cited.start()
                    yield ctx.report(start, start + len(cited.group(0)), doctype=doctype.name[0],
                                     doctype_en=doctype.name[1], cited=cited.group(0), source=_source(doctype))
                break


# the closing of a document sent up as a report or a request, whatever its 文种
_REPORTED_UP = lazy(r"特此报告")
# the 文种 that are sent down or across: a 特此报告 there is SC007's wrong closing, not a report sent up
_NOT_UPWARD = ("notice", "meeting-notice", "circular", "decision", "opinion", "reply", "resolution", "order",
               "announcement", "public-notice", "communique", "minutes", "letter", "motion", "speech")


class UpwardWithoutSigner(Rule):
    """A 请示 or 报告 sent up with a 发文字号 but no 签发人.

    ## What it does
    For a 请示, or a 报告 sent up to an organ (`××关于……的报告`, by the document model's 文种),
    whose 版头 carries the 发文机关标志 and a 发文字号 but no 签发人 (`签发人：王××` beside or under
    it), flags the 发文字号 line; so too for a document of another 文种 sent up as a report (a
    工作总结 closing with `特此报告`). A text without a whole 版头 (a draft, a copy that keeps only the
    发文字号, a 报告 read to a meeting) is not judged.

    ## Why is this bad?
    GB/T 9704-2012 7.2.6 and 《党政机关公文处理工作条例》第九条（四）: a 上行文 names the leader
    who signed it off (签发人), set to the right of the 发文字号. The organ above reads from it who
    answers for the request or the report; a 上行文 without it is sent back by the 文秘 office.

    ## Example
    ```
    河湾县人民政府文件
    河政报〔2025〕15号
    河湾县人民政府关于2025年防汛救灾工作情况的报告
    ```

    ## Use instead
    ```
    河湾县人民政府文件
    河政报〔2025〕15号　　　　　　　　签发人：周明远
    河湾县人民政府关于2025年防汛救灾工作情况的报告
    ```
    """

    code = "SC009"
    name = "upward-without-signer"
    groups = ("sections",)
    severity = Severity.WARNING
    standard = "GB/T 9704-2012 7.2.6"
    options = {"doctypes": DOCTYPES_OPTION}
    messages = {"default": ("{doctype}是上行文，发文字号旁应标注签发人（GB/T 9704-2012 7.2.6；条例第九条（四））",
                            "a {doctype_en} is sent up: name the 签发人 beside the document number "
                            "(GB/T 9704-2012 7.2.6)"),
                "closing": ("此件以“{closing}”报送上级，是上行文，发文字号旁应标注签发人"
                            "（GB/T 9704-2012 7.2.6；条例第九条（四））",
                            ("this document is sent up ({closing!r}): name the 签发人 beside the document number "
                             "(GB/T 9704-2012 7.2.6)"))}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article in _articles(ctx):
            number = article.element("doc_number")
            if (number is None or article.element("issuer_mark") is None or article.element("signer") is not None
                    or article.title is None):
                continue  # judged under a whole 版头: 发文机关标志 and 发文字号
            doctype = doctype_of(article, self.settings["doctypes"], past_masthead=True)
            upward = doctype is not None and doctype.id in ("request", "report") and (
                doctype.addressee_when is None or bool(doctype.addressee_when.search(title_text(article).strip())))
            # another 文种 (a 总结, a 情况) sent up as a report: it closes with 特此报告
            closing = None if upward or (doctype is not None and doctype.id in _NOT_UPWARD) else next(
                (m.group(0) for line in list(body_lines(article))[-3:] for m in [_REPORTED_UP.search(line.text)] if m),
                None)
            if not upward and closing is None:
                continue
            if any("签发人" in line.text for line in (*article.title_lines, *number.lines)):
                continue  # a 签发人 the model joined to the title, or left on the number's line
            line = number.lines[0]
            end = line.span.start + len(line.text.rstrip())
            start = line.span.start + len(line.text) - len(line.text.lstrip())
            if closing is not None:
                yield ctx.report(start, end, "closing", closing=closing)
            elif doctype is not None:
                yield ctx.report(start, end, doctype=doctype.name[0], doctype_en=doctype.name[1])


RULES = [MissingSection, MissingAdvisoryPart, RequestInReport, NoticeWithoutDeadline, RequestSeveralMatters,
         MixedDoctypeTitle, ClosingOfAnotherDoctype, ReplyCitationWithoutNumber, UpwardWithoutSigner]
