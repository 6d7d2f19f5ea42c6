"""落款: the issuing unit and the 成文日期 of the 文种 that are signed, the unit against the title or
版头, the date against the events the body reports as done."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Article, Line, body_lines, is_complete
from reportlint.rules.base import DOCTYPES_OPTION, Rule, RuleContext, doctype_of
from reportlint.text.chars import cn_to_int
from reportlint.text.lazyre import lazy
from reportlint.text.ymd import full_date


def _articles(ctx: RuleContext) -> Iterator[Article]:
    for article in ctx.document.articles:
        yield article
        yield from article.attachments


def _with_signature(ctx: RuleContext, extra: str = "") -> Iterator[tuple[Article, str, str]]:
    """Articles that end with a 落款, whatever their 文种 (a 落款 present is judged as written),
    with the 文种's names."""
    for article in _articles(ctx):
        if article.signature is not None:
            doctype = doctype_of(article, extra)
            yield article, (doctype.name[0] if doctype else "公文"), (doctype.name[1] if doctype else "document")


# 文种 whose text may end with a bare date: a speech, minutes, a 述职报告 (the speaker's or
# author's name stands under the title), a 政府工作报告, and the plans and schemes (often issued
# under a cover notice that is signed, or with the unit in the title)
_UNSIGNED = {"speech", "minutes", "debrief", "government-work-report", "work-points", "work-plan", "plan", "scheme"}


def _signed_articles(ctx: RuleContext, extra: str = "") -> Iterator[tuple[Article, str, str]]:
    """Articles whose 文种 is signed (per its profile in rulesets/data/doctypes.yaml), with its names."""
    for article in _articles(ctx):
        doctype = doctype_of(article, extra)
        if doctype is not None and doctype.signature:
            yield article, doctype.name[0], doctype.name[1]


# the labelled name that signs a personal report (述职人：王某某): a 落款 that wants its date
_LABELLED_SIGNER = lazy(r"^(?:(?:述职人|报告人|汇报人|总结人)[ \t\u3000]*[:：]"
                       r"|(?:代理)?[省市县区州旗镇乡]长[ \t\u3000]+[\u4e00-\u9fff·]{2,5}$)")


class SignatureMissingDate(Rule):
    """A closing block that names the issuing unit but gives no date.

    ## What it does
    For the document types that are signed (工作总结, 活动总结, 通知, 请示, 报告 …), flags a
    closing block made of the unit's name with no 成文日期 under it.

    ## Why is this bad?
    《党政机关公文处理工作条例》第九条 makes the 成文日期 part of every document; without it
    nobody can tell which year the report belongs to or when it took effect.

    ## Example
    ```
    ……确保社会和谐稳定。
    县农业农村局
    ```

    ## Use instead
    ```
    ……确保社会和谐稳定。
    县农业农村局
    2023年12月28日
    ```
    """

    code = "SG001"
    name = "signature-missing-date"
    groups = ("signature",)
    severity = Severity.WARNING
    standard = "《党政机关公文处理工作条例》第九条（十二）"
    options = {"doctypes": DOCTYPES_OPTION}
    messages = {
        "default": ("{doctype}落款“{unit}”下缺少成文日期", "the {doctype_en} is signed {unit!r} but has no date"),
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        signed = {id(article) for article, _, _ in _signed_articles(ctx, self.settings["doctypes"])}
        for article, zh, en in _with_signature(ctx, self.settings["doctypes"]):
            sig = article.signature
            if not (id(article) in signed or sig and len(sig.units) == 1 and _LABELLED_SIGNER.match(sig.units[0].text)):
                continue  # a 述职报告 may end with its author's bare name; a 述职人： line is a 落款
            if sig and sig.units and sig.date is None:
                unit = "".join(line.text for line in sig.units)
                start, end = sig.units[0].span.start, sig.units[-1].span.end
                yield ctx.report(start, end, doctype=zh, doctype_en=en, unit=unit)


class SignatureMissingUnit(Rule):
    """A closing date with no issuing unit above it.

    ## What it does
    Flags a 成文日期 at the end of the text with no 发文机关署名 (a unit's name) on the lines
    just above it, in any document but a speech, minutes, a 述职报告, a 政府工作报告 or a plan
    (which may end with a bare date) and an attached part whose 文种 is not signed. A 述职报告
    ending with a bare date is flagged only when it names its author nowhere: no short line with
    the name under the title (`某局副局长　王某某`), no `述职人`/`报告人`, no `某某同志` in the title.
    A post and a name above the date (`某局副局长　王某某`, `党支部书记：李某`) sign it.
    A 公告 or 通告 whose title or 版头 names its organ (`某市人民政府公告`) may close with the date alone.

    ## Why is this bad?
    《党政机关公文处理工作条例》第九条（十一） requires the issuing body's name in the
    signature; a bare date leaves the reader guessing who wrote the report.

    ## Example
    ```
    ……圆满完成全年各项目标任务。
    2023年12月28日
    ```

    ## Use instead
    ```
    ……圆满完成全年各项目标任务。
    县文化和旅游局
    2023年12月28日
    ```
    """

    code = "SG002"
    name = "signature-missing-unit"
    groups = ("signature",)
    severity = Severity.WARNING
    standard = "《党政机关公文处理工作条例》第九条（十一）"
    options = {"doctypes": DOCTYPES_OPTION}
    messages = {
        "default": ("{doctype}的成文日期上方缺少发文机关署名", "the {doctype_en}'s date has no issuing unit above it"),
        "debrief": ("述职报告的成文日期上方缺少述职人署名，标题下也没有署名",
                    "the 述职报告's date has no signer above it, and no name stands under the title"),
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article, zh, en in _with_signature(ctx, self.settings["doctypes"]):
            sig = article.signature
            if sig and sig.date and not sig.units and article.doctype is not None and article.doctype.id == "debrief":
                if not _names_its_author(ctx, article):
                    yield ctx.report(sig.date.span.start, sig.date.span.end, "debrief")
                continue
            if not sig or not sig.date or sig.units or article.doctype is not None and article.doctype.id in _UNSIGNED:
                continue
            profile = doctype_of(article, self.settings["doctypes"])
            if article.is_attachment and (profile is None or not profile.signature):
                continue  # an attached form or list may end with its own date
            if _headed_by_issuer(article):
                continue  # 某市人民政府公告: the organ heads it, the date closes it
            start, end = sig.date.span.start, sig.date.span.end
            yield ctx.report(start, end, doctype=zh, doctype_en=en)


_NAME_MARKS = "，,。：:；;！？"
# a 公告 or 通告 headed by its organ (某市人民政府公告, 某县公安局关于……的通告): the heading signs it
_PROCLAIMED = {"announcement", "public-notice"}
_PROCLAMATION = lazy(r"^(.{3,40}?)(?:关于.*)?(?:公告|通告)$")


def _headed_by_issuer(article: Article) -> bool:
    """A 公告 or 通告 whose title or 版头 names the issuing organ: it may close with the date alone."""
    if article.doctype is None or article.doctype.id not in _PROCLAIMED:
        return False
    match = _PROCLAMATION.match(article.title_text.strip())
    return bool(match and _organs(match.group(1))) or article.element("issuer_mark") is not None


def _names_its_author(ctx: RuleContext, article: Article) -> bool:
    """A 述职报告 that names who reports: a short line under the title (`某局副局长　王某某`), a
    述职人 or 报告人 anywhere, or a title that holds the name (`……王某某同志述职报告`)."""
    title = article.title
    if title is None or "同志" in article.title_text:
        return True
    text = ctx.text[article.span.start:article.span.end]
    if any(word in text for word in ("述职人", "报告人", "汇报人")):
        return True
    lines = ctx.document.lines
    index = next((i for i, line in enumerate(lines) if line.number > title.number and line.text.strip()), None)
    if index is None:
        return True
    under = lines[index].text.strip()
    return len(under) <= 30 and not any(mark in under for mark in _NAME_MARKS)


class SignatureMissing(Rule):
    """A signed document type that ends with no closing block at all.

    ## What it does
    For the signed document types, notes an article whose last lines carry neither a unit's
    name nor a date; the note points at the title. Fragments (fewer
    than two headings and under 200 characters) are not judged. Informational by default: texts
    copied from web pages often lose the block, and the report may be an attachment signed elsewhere.

    ## Why is this bad?
    The reader cannot tell who issued the document or when.

    ## Example
    ```
    县局2023年工作总结
    ……确保各项工作落到实处。
    ```

    ## Use instead
    ```
    县局2023年工作总结
    ……确保各项工作落到实处。
    县市场监督管理局
    2023年12月26日
    ```
    """

    code = "SG003"
    name = "signature-missing"
    groups = ("signature",)
    severity = Severity.INFO
    standard = "《党政机关公文处理工作条例》第九条"
    options = {"doctypes": DOCTYPES_OPTION}
    messages = {"default": ("{doctype}结尾没有落款（发文机关署名和成文日期）",
                            "the {doctype_en} ends without a signature block (unit and date)")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article, zh, en in _signed_articles(ctx, self.settings["doctypes"]):
            if article.signature is None and is_complete(article) and not _official(article):
                if article.title is not None:
                    yield ctx.report(article.title.span.start, article.title.span.end, doctype=zh, doctype_en=en)
                    continue
                paragraphs = list(article.paragraphs())
                end = paragraphs[-1].span.end if paragraphs else article.span.end
                yield ctx.report(end - 1, end, doctype=zh, doctype_en=en)


# the elements of a 公文 printed in full: its 版头 (发文机关标志, 发文字号) or its 版记
_OFFICIAL = ("issuer_mark", "doc_number", "copies_to", "printed_by")


_DATE_ONLY = lazy(r"^[（(]?[0-9０-９〇○零一二三四五六七八九]{2,4}\s*年\s*[0-9０-９一二三四五六七八九十]{1,3}\s*月"
                  r"(?:\s*[0-9０-９一二三四五六七八九十]{1,3}\s*[日号]?)?[)）]?$")
_DATE_LIKE = lazy(r"年.{0,4}月|[0-9０-９]{4}[.．/\-－]")


def _official(article: Article) -> bool:
    return any(element.kind in _OFFICIAL for element in article.elements)


class SignatureMissingOfficial(Rule):
    """A 公文 printed with its 版头 or 版记 that has no 落款 at all.

    ## What it does
    For the signed 文种, flags the title of a document that carries a 发文机关标志, a 发文字号
    or a 版记 (抄送, 印发 line), so is a 公文 given in full, but has neither a 发文机关署名 nor a
    成文日期 under its body. Any other 文种 (an 意见, a 决定) is judged when it carries both its
    发文机关标志 and its 版记 — but a 纪要, a 令, a speech or a 政府工作报告, signed otherwise.
    (Without those marks the text may be an excerpt: SG003 notes it.)

    ## Why is this bad?
    《党政机关公文处理工作条例》第九条（十一）（十二） and GB/T 9704-2012 7.3.5: the 署名 and
    the 成文日期 are parts of every such document; without them nobody can tell who issued it and
    when it took effect.

    ## Example
    ```
    青山县交通运输局文件
    青交发〔2024〕8号
    青山县交通运输局关于做好春运工作的通知
    各乡镇人民政府：
    ……请于1月20日前上报。
    抄送：县人民政府办公室。
    青山县交通运输局办公室  2024年1月10日印发
    ```

    ## Use instead
    ```
    ……请于1月20日前上报。
    青山县交通运输局
    2024年1月10日
    抄送：县人民政府办公室。
    青山县交通运输局办公室  2024年1月10日印发
    ```
    """

    code = "SG009"
    name = "signature-missing-official"
    groups = ("signature",)
    severity = Severity.WARNING
    standard = "《党政机关公文处理工作条例》第九条；GB/T 9704-2012 7.3.5"
    options = {"doctypes": DOCTYPES_OPTION}
    messages = {"default": ("{doctype}有版头或版记，却没有落款（发文机关署名和成文日期）",
                            "the {doctype_en} has its header or imprint but no signature block (unit and date)")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article, zh, en in self._judged(ctx):
            if article.signature is None and article.title is not None and _official(article):
                lines = [line.text.strip() for line in body_lines(article)]
                if any(len(text) <= 30 and (_DATE_LIKE.search(text) or _ORGAN.search(text)) for text in lines[-3:]) \
                        or any(len(text) <= 20 and _DATE_ONLY.match(text) for text in lines):
                    continue  # a closing block in a form or place the model did not read: not judged missing
                yield ctx.report(article.title.span.start, article.title.span.end, doctype=zh, doctype_en=en)

    def _judged(self, ctx: RuleContext) -> Iterator[tuple[Article, str, str]]:
        """The signed 文种, and any other printed with both its 版头 and its 版记 (an 意见, a 决定):
        a 公文 in full, which GB/T 9704-2012 7.3.5 signs — but a 纪要 or a 令, signed otherwise."""
        signed = {id(article) for article, _, _ in _signed_articles(ctx, self.settings["doctypes"])}
        for article in _articles(ctx):
            doctype = doctype_of(article, self.settings["doctypes"])
            names = (doctype.name[0], doctype.name[1]) if doctype is not None else ("公文", "document")
            if id(article) in signed:
                yield article, *names
            elif (article.doctype is None or article.doctype.id not in _SIGNED_OTHERWISE) \
                    and article.element("issuer_mark") is not None \
                    and any(article.element(kind) is not None for kind in ("copies_to", "printed_by")):
                yield article, *names


# 文种 whose full print carries no 落款 of the usual form: a 纪要 (GB/T 9704-2012 10.3), a 令
# (10.2: the signer's title and name), a speech or a 政府工作报告
_SIGNED_OTHERWISE = {"minutes", "order", "speech", "government-work-report"}


_ORGAN = lazy(r"(?:局|委|办|院|府|部|厅|处|科|室|会|校|所|站|队|中心|公司|街道|办事处|镇|乡|村|社区|支部|党委|团委|"
              r"党组|党总支|委员会|小组|集团|医院|中学|小学|大学|学院|幼儿园|馆|台|社|协会|联合会|总工会|妇联|团县委|团市委)$")
# the organ a title opens with: before 关于, or before the year of a 总结/要点 (某局2024年工作总结)
_TITLE_ISSUER = lazy(r"^(.{2,60}?)(?:关于|(?=(?:19|20)[0-9]{2}年|[〇○零一二三四五六七八九]{4}年))")
_SPLIT = lazy(r"[\s\u3000、，,]+|(?<=[局委办院府部厅处室会校所站队司])(?:和|与|及)")
_BRACKETED = lazy(r"[（(][^）)]*[）)]")


# 全县中小学, 各乡镇, 我局, 县直部门: a group or a pronoun, not one organ
_NOT_ONE = ("全", "各", "我", "本", "市直", "县直", "区直", "省直")


def _organs(text: str) -> list[str]:
    """The organ names in a run of text (a title's head, a 版头 line, a 落款 line)."""
    names = [name for name in _SPLIT.split(_BRACKETED.sub("", text)) if name]
    return names if names and all(len(name) >= 3 and _ORGAN.search(name) and not name.startswith(_NOT_ONE)
                                  for name in names) else []


def _norm(name: str) -> str:
    name = (name.replace("人民政府", "政府").replace("委员会", "委").replace("中国共产党", "中共")
            .replace("办公室", "办"))
    # 中共某公司委员会 = 某公司党委: the party committee by either name
    return name[2:-2] + "委" if name.startswith("中共") and name.endswith("党委") else \
        name[2:] if name.startswith("中共") and name.endswith("委") and len(name) > 4 else \
        name[:-2] + "委" if name.endswith("党委") else name


def _same_organ(a: str, b: str) -> bool:
    """The same organ, by its full or a standard short name (县人民政府 = 县政府; 县教育局 ⊂ 某某县教育局)."""
    x, y = _norm(a), _norm(b)
    return x == y or (len(min(x, y, key=len)) >= 3 and (x.endswith(y) or y.endswith(x)))


def _abbreviates(short: str, full: str) -> bool:
    """One organ by its usual short name: characters taken in order from the full name, dropped in
    two places or more, ending with the same organ word (发改委 for 发展和改革委员会, 人社局 for
    人力资源和社会保障局, 市场监管局 for 市场监督管理局). A name that only leaves out one run
    (教育局 and 教育体育局, 农业局 and 农业农村局) is another organ, and so is a company's: it
    signs with its registered name."""
    x, y = _norm(short), _norm(full)
    if len(x) < 3 or len(x) >= len(y) or x[-1] != y[-1] or y.endswith("公司") or short.endswith("公司"):
        return False
    if x[0] != y[0] and x[0] not in "省市县区州旗盟镇乡":
        return False
    gaps, at = 0, 0
    for c in x:
        found = y.find(c, at)
        if found < 0:
            return False
        gaps += found > at and at > 0  # a run left out between two kept characters
        at = found + 1
    return gaps >= 2


_BODY_OF_PLACE = lazy(r"(?:人民政府|政府|党委|党工委|办事处|居民委员会|村民委员会|居委会|村委会|委员会|党支部|党总支)$")


def _loosely_same(signed: str, named: str) -> bool:
    """A title that names a place or a body (柳岸社区, 某县某镇) and a 落款 that is its organ
    (柳岸社区居民委员会, 某镇人民政府)."""
    if _norm(signed).startswith(_norm(named)):
        return True
    place = _BODY_OF_PLACE.sub("", signed)
    return place != signed and len(place) >= 2 and (named.endswith(place) or place.endswith(named))


_PLACE_NAMED = lazy(r"(?:村|社区|镇|乡|街道)$")
_ORGAN_OF_PLACE = lazy(r"^(?:党?总?支部(?:委员会)?|党委|党工委|村民委员会|居民委员会|村委会|居委会|人民政府|政府|"
                       r"办事处|委员会|股份经济合作社|经济合作社)$")


def _organ_of_place(signed: str, named: str) -> bool:
    """A 落款 that is an organ of the village, community or township the title names (石渠村 and
    中共某镇石渠村支部委员会, 某镇石渠村村民委员会)."""
    at = signed.find(named)
    return bool(_PLACE_NAMED.search(named)) and at >= 0 and bool(_ORGAN_OF_PLACE.match(signed[at + len(named):]))


def _issuers(article: Article) -> tuple[list[str], str]:
    """The issuing organs the title (`XX县教育局关于……的通知`) or the 版头 (`XX县教育局文件`) names."""
    match = _TITLE_ISSUER.match(article.title_text.strip())
    if match:
        found = _organs(match.group(1))
        if found:
            # 某局关于… names the issuer; 某社区2024年…总结 names the place or body the summary is of
            return found, "title" if match.group(0).endswith("关于") else "title-loose"
    mark = article.element("issuer_mark")
    if mark is not None:
        text = mark.field("issuer") or "".join(line.text.strip() for line in mark.lines)
        text = text[:-2] if text.endswith("文件") else text
        found = _organs(text)
        if found:
            return found, "issuer_mark"
    head = _TITLE_HEAD.match(article.title_text.strip())
    if head and len(article.title_text.strip()) > len(head.group(1)) + 3:
        return [head.group(1)], "title-head"
    return [], ""


# the team that wrote a 调研报告 under its organ's name (某县人社局调研组, 某局联合课题组)
_TEAM = lazy(r"(?:联合|专题)?(?:调研组|课题组|调查组|考察组|工作组|专班)$")


def _byline_organs(ctx: RuleContext, article: Article) -> list[str]:
    """The organ a 调研报告's byline under the title names (`某县人力资源和社会保障局调研组`)."""
    title = article.title
    if title is None or article.is_attachment:
        return []
    lines = ctx.document.lines
    under = next((line.text.strip() for line in lines
                  if line.number > max(t.number for t in (title, *article.title_rest)) and line.text.strip()), "")
    organ = _TEAM.sub("", under)
    return _organs(organ) if organ != under and len(under) <= 40 else []


# a title that opens with its issuer and no 关于 (某市自然资源和规划局国有建设用地使用权挂牌出让公告):
# the head up to the first organ word; judged only against a 落款 of the same place (_same_place)
_TITLE_HEAD = lazy(r"^([^\s，,、：:“”《》（）()0-9]{4,24}?(?:人民政府|委员会|办公室|办公厅|局|厅))(?!长|[和与及])")


def _same_place(signed: str, named: str) -> bool:
    """A 落款 and a title head that start with the same place (泓州市…局 and 泓州市…局)."""
    common = 0
    for a, b in zip(signed, named):
        if a != b:
            break
        common += 1
    return common >= 3 and any(word in signed[1:common] for word in "省市县区州旗盟镇乡")


# a notice that relays another organ's document (关于转发《县教育局关于……的方案》的通知): the text
# may end with the relayed document and its own 落款
_RELAYED = lazy(r"转发|批转")


def _named_in(name: str, text: str) -> bool:
    """An organ named in ``text`` by its full name or a short one of three characters or more
    (青山县教育局 in 《县教育局关于……》)."""
    return any(_ORGAN.search(name[i:]) and name[i:] in text for i in range(len(name) - 2))


class SignatureUnitMismatch(Rule):
    """A 落款 that names another organ than the title or the 版头.

    ## What it does
    For any document with a 落款, compares the 发文机关署名 with the issuing organ the title names
    (`XX县教育局关于……的通知`), else with the 发文机关标志 of the 版头 (`XX县教育局文件`), and
    flags a 落款 unit that is neither of them, or a joint issuer missing from the 落款. A title
    that opens with its issuer without `关于` (`某市自然资源和规划局国有建设用地使用权挂牌出让公告`)
    names it up to the first organ word; it is judged only against a single 落款 unit of the same
    place (`某市自然资源局`), and a unit within it (`某市公安局交通警察大队`) signs for it. A
    standard short name counts as the same organ (县人民政府 = 县政府; 教育局 for 某某县教育局;
    办 for 办公室; 中共某公司委员会 = 某公司党委; the usual short names, 发改委 for 发展和改革委员会,
    市场监管局 for 市场监督管理局; but a 党组 is not its bureau, 教育局 is not 教育体育局, and a
    company signs with its registered name); a title that does not start with an organ's name is
    not judged. A 总结 titled
    with its organ before the year (`某某社区2024年工作总结`) may be signed by that organ's body
    (某某社区居民委员会, 某某镇人民政府), and so may any document whose title names a village, a
    community or a township (`某村关于……的汇报`: 中共某镇某村支部委员会, 某镇某村村民委员会). A
    调研报告 whose title names no organ is judged against the organ of the team in its byline
    (`某县民政局调研组`): a 落款 of another organ is flagged. A joint 落款 may list three or four
    organs, one per line, the last beside the date; an organ and its 办公室 are two issuers
    (`某县人民政府` in the title, `某县人民政府办公室` signing, is flagged). A notice that relays
    another organ's document (`……关于转发区水利局……方案的通知`) may end with the relayed
    document's own 落款: a unit named after `转发`/`批转` in the title (in full or by a short name
    of three characters or more) is not flagged.

    ## Why is this bad?
    GB/T 9704-2012 7.3.5: the 发文机关署名 is the full name or the standard short name of the
    organ that issues the document. A 落款 copied from another office's document makes the
    document speak for the wrong organ.

    ## Example
    ```
    河口县教育局关于开展校园安全隐患排查的通知
    ……
    河口县文化和旅游局
    2024年4月8日
    ```

    ## Use instead
    ```
    河口县教育局关于开展校园安全隐患排查的通知
    ……
    河口县教育局
    2024年4月8日
    ```
    """

    code = "SG004"
    name = "signature-unit-mismatch"
    groups = ("signature",)
    severity = Severity.WARNING
    standard = "GB/T 9704-2012 7.3.5"
    options = {"doctypes": DOCTYPES_OPTION}
    messages = {
        "default": ("落款“{unit}”与{where}的发文机关“{issuer}”不一致（{doctype}，GB/T 9704-2012 7.3.5）",
                    "the signature {unit!r} is not the issuing organ {issuer!r} named in the {where_en}"),
        "missing": ("{where}列出的联合发文机关“{issuer}”未在落款中署名（{doctype}，GB/T 9704-2012 7.3.5）",
                    "the joint issuer {issuer!r} named in the {where_en} does not sign the document"),
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article, zh, _ in _with_signature(ctx, self.settings["doctypes"]):
            sig = article.signature
            if sig is None or not sig.units:
                continue
            issuers, where = _issuers(article)
            if not issuers and (byline := _byline_organs(ctx, article)):
                issuers, where = byline, "byline"
            units = [(line, name) for line in sig.units for name in _organs(line.text)]
            if not issuers or not units or len(units) != len(sig.units) and len(sig.units) > 1:
                continue
            if where == "title-head" and not (len(units) == 1 and _same_place(units[0][1], issuers[0])):
                continue  # a head without 关于 is read as the issuer only against one unit of its place
            where_zh, where_en = {"issuer_mark": ("版头", "document header"),
                                  "byline": ("标题下署名", "byline")}.get(where, ("标题", "title"))
            loose = where in ("title-loose", "title-head")  # 某市公安局交通管理局 under 某市公安局…
            relayed = _RELAYED.search(article.title_text)

            def signs_for(name: str, issuer: str, loose: bool = loose) -> bool:
                return (_same_organ(name, issuer) or _abbreviates(name, issuer) or _abbreviates(issuer, name)
                        or loose and _loosely_same(name, issuer) or _organ_of_place(name, issuer))

            wrong = [(line, name) for line, name in units
                     if not any(signs_for(name, i) for i in issuers)
                     and not (relayed and _named_in(name, article.title_text[relayed.end():]))]
            for line, name in wrong:
                yield ctx.report(line.span.start, line.span.end, unit=name, issuer="、".join(issuers),
                                 where=where_zh, where_en=where_en, doctype=zh)
            if wrong or where == "byline":  # a joint team's report may be signed by one of its organs
                continue
            if relayed and all(_named_in(name, article.title_text[relayed.end():]) for _, name in units):
                continue  # the relayed document's own 落款 ends the text
            for issuer in issuers:
                if not any(signs_for(name, issuer) for _, name in units):
                    last = sig.units[-1]
                    yield ctx.report(last.span.start, last.span.end, "missing", issuer=issuer,
                                     where=where_zh, where_en=where_en, doctype=zh)


_FULL_DATE = lazy(r"([0-9]{4}|[〇○零一二三四五六七八九]{4})\s*年\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月"
                  r"\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*日")
_BODY_DATE = lazy(r"(?:([0-9]{4})年)?([0-9]{1,2})月(?:([0-9]{1,2})日|(上中旬|上旬|中下旬|中旬|下旬|初))")
# the first day of a part of a month: 10月中下旬 began on the 11th
_PART_START = {"上中旬": 1, "上旬": 1, "初": 1, "中下旬": 11, "中旬": 11, "下旬": 21}
# a meeting the body reports (3月20日，镇党委会议专题研究; 经5月6日局党组会审议): the date, then the
# meeting and what it did, within the same sentence
_MEETING = lazy(r"[，,\s]*(?:[^，,。；]{0,24}?[，,]?)?[^，,。；]{0,24}?"
                r"(?:会议|常务会|党组会|党委会|办公会|专题会|调度会|推进会|座谈会|现场会|联席会)[^，,。；]{0,12}?(?:研究|审议|讨论|听取|通过|决定|部署)")
_TITLE_YEAR = lazy(r"(?:19|20)[0-9]{2}(?=年)")
# a date told as done by the words before it (已于6月18日, 已在6月18日)
_DONE_ON = ("已于", "已在", "已经于", "业已于", "先后于")
# a document that rests on an earlier meeting or document: 根据6月18日……会议精神, 按照6月18日……会议部署
_BASED_ON = ("根据", "按照", "依据", "遵照", "贯彻", "落实")
_BASIS = lazy(r"[^，,。；]{0,30}?(?:会议|常务会|党组会|党委会|办公会|专题会|调度会|推进会|讲话|批示|通知|文件)"
              r"(?:的)?(?:精神|要求|部署|决定|安排|意见)")
_DONE = ("已", "了", "完成", "圆满", "顺利", "成功", "结束", "闭幕")
# 文种 that report on what has happened: every dated event in them is past, unless planned
_REPORTS_ON_PAST = {"work-summary", "half-year-summary", "activity-summary", "debrief", "research-report"}
# 文种 that state facts (a 报告, 通报 or 请示 tells what happened): a dated event verb in a sentence
# with no plan, request or deadline word is past (8月18日，全县现场会在城关镇召开)
_REPORTS_FACTS = {"report", "circular", "request", "reply"}
_EVENT = lazy(r"[，,]?[^，,。；]{0,20}?(?:召开|举行|举办|发生|开展了|启动|印发|出台|成立|开幕|闭幕|揭牌|签约|签署|"
              r"组织开展|抵达|到达|检查|调研|督查|报来|呈报|报送的|上报的|收悉)")
_FUTURE = ("将", "拟", "定于", "计划", "预计", "届时", "力争", "争取", "明年", "下一步", "下阶段", "今后", "打算",
           "截止", "截至", "以后", "之后", "请", "务必", "须", "应于", "要于", "前完成")
_NOT_DONE = ("将", "拟", "定于", "计划", "预计", "届时", "前", "截止", "截至", "起", "至", "以后", "之后", "期间", "要",
             "请", "务必", "应", "须", "力争", "争取", "去年", "上年", "前年", "明年", "开始", "底",
             "—", "－", "-", "~", "～")


def _year_digits(text: str) -> int | None:
    digits = "".join(str("〇一二三四五六七八九".index(c)) if c in "一二三四五六七八九" else "0" if c in "〇○零" else c
                     for c in text)
    return int(digits) if digits.isdigit() else None


def _date_of(line: Line) -> tuple[int, int, int] | None:
    match = _FULL_DATE.search(line.text)
    if not match:
        return None
    year = _year_digits(match.group(1))
    month = int(match.group(2)) if match.group(2).isdigit() else cn_to_int(match.group(2))
    day = int(match.group(3)) if match.group(3).isdigit() else cn_to_int(match.group(3))
    if year is None or month is None or day is None:
        return None
    return year, month, day


def _clause(text: str, start: int, end: int) -> str:
    """The clause around a date: from the previous full stop or semicolon to the next."""
    lo = max(text.rfind(mark, 0, start) for mark in "。；！？") + 1
    ends = [i for i in (text.find(mark, end) for mark in "。；！？") if i >= 0]
    return text[lo:min(ends) if ends else len(text)]


class SignatureDateBeforeEvents(Rule):
    """A 成文日期 earlier than an event the body reports as done.

    ## What it does
    For a document that ends with a 落款 (whatever its 文种 — a 决定 or an 意见 too — except the
    plans and schemes, which describe what is to come), compares the 成文日期 with the dates in
    the body whose clause says the event has happened (`已`, `了`, `圆满完成`, `顺利`), and flags
    the 成文日期 when such an event falls after it, or that a meeting decided
    (`经5月16日县政府常务会议研究`, `5月16日，镇党委会议专题研究`, unless a plan word stands
    before the meeting's verb: `定于`, `将`, `于`). A part of a month counts from its first day
    (`10月中下旬` from the 11th). A date after `已于` (`已于5月16日完成`) is done whatever the clause
    says; so is the meeting or document a text rests on (`根据5月16日县政府常务会议精神`,
    `按照5月16日……会议部署`). In a 报告, 通报, 请示 or 批复,
    which state facts, an event verb after the date (`9月12日，现场会在城关镇召开`, `你镇9月12日
    报来的请示收悉`) counts too when the sentence has no plan, request or deadline word. In a 总结, a 述职报告 or a
    调研报告, which report what has happened, every dated event counts unless its clause plans
    (`将`, `计划`, `下一步`, `截至`). A date without a year is read in the 成文日期's year only
    when it is at most four months later (in a 总结 with a year in its title, in that year);
    in other 文种, clauses about plans, deadlines or spans
    (`将于`, `定于`, `前`, `至`, `起`) are not judged.

    ## Why is this bad?
    《党政机关公文处理工作条例》第九条（十二）: the 成文日期 is the date the document was signed
    or adopted. A document cannot report what had not happened yet; the date is wrong (often
    left over from a template or an earlier draft).

    ## Example
    ```
    5月16日，全县防汛应急演练已在城关镇顺利举行。
    ……
    县应急管理局
    2024年5月10日
    ```

    ## Use instead
    ```
    5月16日，全县防汛应急演练已在城关镇顺利举行。
    ……
    县应急管理局
    2024年5月20日
    ```
    """

    code = "SG005"
    name = "signature-date-before-events"
    groups = ("signature",)
    severity = Severity.WARNING
    standard = "《党政机关公文处理工作条例》第九条（十二）"
    options = {"doctypes": DOCTYPES_OPTION}
    messages = {"default": ("成文日期{date}早于正文第{line}行已发生的事件（{event}）",
                            ("the date {date} is earlier than an event the body reports as done "
                             "on line {line} ({event})"))}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article, _, _ in _with_signature(ctx, self.settings["doctypes"]):
            # a 落款 present is judged whatever the 文种 (a 决定, an 意见), except in the 文种
            # that describe what is to come (plans, schemes) or may end with a bare date
            doctype = doctype_of(article, self.settings["doctypes"])
            if doctype is not None and not doctype.signature and article.doctype is not None \
                    and article.doctype.id in _UNSIGNED:
                continue
            date = article.signature.date if article.signature is not None else None
            signed = _date_of(date) if date is not None else None
            if date is None or signed is None:
                continue
            summary = article.doctype is not None and article.doctype.id in _REPORTS_ON_PAST
            reports = article.doctype is not None and article.doctype.id in _REPORTS_FACTS
            # a 总结's dates without a year are in the year it sums up (2024年工作总结 signed in 2025)
            title_year = _TITLE_YEAR.search(article.title_text) if summary else None
            year = int(title_year.group(0)) if title_year else None
            for line in body_lines(article):
                event = self._event_after(line, signed, summary, year, reports)
                if event is not None:
                    yield ctx.report(date.span.start, date.span.end, date=date.text.strip(),
                                     line=line.number, event=event)
                    break

    @staticmethod
    def _event_after(line: Line, signed: tuple[int, int, int], summary: bool, title_year: int | None,
                     reports: bool = False) -> str | None:
        if "月" not in line.text:
            return None
        text = line.text
        for match in _BODY_DATE.finditer(text):
            month = int(match.group(2))
            day = int(match.group(3)) if match.group(3) else _PART_START[match.group(4)]
            if match.group(1):
                year = int(match.group(1))
            elif title_year is not None:
                year = title_year
            elif signed[1] <= month <= signed[1] + 4:
                year = signed[0]
            else:
                continue
            if (year, month, day) <= signed or not 1 <= month <= 12:
                continue
            after = text[match.end():match.end() + 2]
            before = text[max(0, match.start() - 4):match.start()]
            if before.endswith(_DONE_ON) and not after.startswith(("前", "起", "至")):
                return match.group(0)  # 已于6月18日完成: told as done, whatever else the clause says
            if before.endswith(_BASED_ON) and _BASIS.match(text, match.end()):
                return match.group(0)  # 根据6月18日县政府常务会议精神: the meeting the document rests on
            if text[match.start() - 1:match.start()] == "经":  # 经6月18日县政府常务会议研究，同意……
                phrase = _clause(text.replace("，", "。"), match.start(), match.end())
                if not any(word in phrase for word in _FUTURE):
                    return match.group(0)
                continue
            clause = _clause(text, match.start(), match.end())
            meeting = _MEETING.match(text, match.end())
            if meeting is not None:  # what the meeting did, up to its verb: no plan before it
                lo = max(text.rfind(mark, 0, match.start()) for mark in "。；！？") + 1
                if not any(word in text[lo:meeting.end()] for word in _FUTURE + ("要", "应", "于")):
                    return match.group(0)
            if summary:  # a 总结 reports what happened: a date is past unless the clause plans
                if not any(word in clause for word in _FUTURE) and not after.startswith(("前", "起")):
                    return match.group(0)
                continue
            plain = clause.replace("请示", "")  # the 文种's name, not a request
            if any(word in plain for word in _NOT_DONE) or after.startswith(("前", "起", "至", "—", "-")):
                continue
            if any(word in clause for word in _DONE):
                return match.group(0)
            if reports and _EVENT.match(text, match.end()):  # 8月18日，全县现场会在城关镇召开
                return match.group(0)
        return None


_CN = "〇○零一二三四五六七八九十"
_NUM = rf"(?:[0-9]{{1,4}}|[{_CN}]{{1,4}})"
_NO_DAY = lazy(rf"^[（(]?{_NUM}[ \t]*年[ \t]*{_NUM}[ \t]*月[)）]?$")
_NO_YEAR = lazy(rf"^[（(]?{_NUM}[ \t]*月[ \t]*{_NUM}[ \t]*[日号][)）]?$")
_HAO = lazy(rf"{_NUM}[ \t]*月[ \t]*{_NUM}[ \t]*号[)）]?$")
_SEPARATED = lazy(r"^[（(]?([0-9]{4})[ \t]*([.．/\-－])[ \t]*([0-9]{1,2})[ \t]*\2[ \t]*([0-9]{1,2})日?[)）]?$")


_WEEKDAY = lazy(r"[ \t\u3000]*[（(]?(?:星期|周|礼拜)[一二三四五六日天][)）]?$")
_STOPS = ("。", "．", ".")
_LETTER_O = "OoＯｏ"
_ZERO = str.maketrans({c: "0" for c in _LETTER_O})
_HALF_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_ARABIC = lazy(r"^[（(]?([0-9]{2,4})[ \t]*年[ \t]*([0-9]{1,2})[ \t]*月[ \t]*([0-9]{1,2})[ \t]*(日)?[)）]?$")


def _exists(year: int, month: int, day: int) -> bool:
    import calendar

    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year if year >= 100 else 2000 + year, month)[1]


class SignatureDateForm(Rule):
    """A 成文日期 not in full Arabic numerals: `2024年12月`, `12月5号`, `二〇二四年十二月五日`, `2024.12.5`.

    ## What it does
    For any document with a 落款, flags its date line when it lacks the day or the year, writes
    `号` for `日` or leaves `日` out (`2024年12月5`), uses Chinese numerals (wholly or in part:
    `二〇二四年12月5日`, `二0二四年十二月五日`), separates year, month and day with dots, slashes
    or hyphens, shortens the year (`24年12月5日`), pads the month or day with a zero
    (`2024年03月05日`), names a day that does not exist (`2024年13月5日`, `2024年2月30日`), adds
    the weekday (`2024年12月5日星期四`) or writes full-width digits (`２０２４年１２月５日`).
    A date beside the unit on one line (`某局　　2024.12.5`) is judged the same. Slips are flagged
    with the date they stand for: a full stop after it (`2024年12月5日。`), `曰` for `日`, the
    letter O for a zero (`2O24年12月5日`).

    ## Why is this bad?
    GB/T 9704-2012 7.3.5.4: the 成文日期 is written in Arabic numerals with year, month and day
    in full (`2024年12月5日`); 《党政机关公文处理工作条例》第九条（十二） makes it part of every
    document. A date without its day or year cannot tell when the document took effect; the
    other forms are those of older rules (Chinese numerals) or of forms and spreadsheets.

    ## Example
    ```
    青山县交通运输局
    2024年12月
    ```

    ## Use instead
    ```
    青山县交通运输局
    2024年12月16日
    ```
    """

    code = "SG006"
    name = "signature-date-form"
    groups = ("signature",)
    severity = Severity.WARNING
    standard = "GB/T 9704-2012 7.3.5.4"
    options = {"doctypes": DOCTYPES_OPTION}
    messages = {
        "default": ("成文日期“{date}”缺少日，应写全年月日（GB/T 9704-2012 7.3.5.4）",
                    "the date {date!r} has no day: write year, month and day in full"),
        "no-year": ("成文日期“{date}”缺少年份，应写全年月日（GB/T 9704-2012 7.3.5.4）",
                    "the date {date!r} has no year: write year, month and day in full"),
        "hao": ("成文日期“{date}”应以“日”结尾，不用“号”（GB/T 9704-2012 7.3.5.4）",
                "the date {date!r} ends in '日', not '号'"),
        "numerals": ("成文日期“{date}”应使用阿拉伯数字{want}（GB/T 9704-2012 7.3.5.4）",
                     "the date {date!r} is written in Arabic numerals{want_en} (GB/T 9704-2012 7.3.5.4)"),
        "separated": ("成文日期“{date}”应写作“{want}”，不用“{mark}”分隔（GB/T 9704-2012 7.3.5.4）",
                      "the date {date!r} is written {want!r}, not separated by {mark!r}"),
        "weekday": ("成文日期“{date}”只写年月日，不加星期：应为“{want}”（GB/T 9704-2012 7.3.5.4）",
                    "the date {date!r} takes no weekday: {want!r} (GB/T 9704-2012 7.3.5.4)"),
        "full-width": ("成文日期“{date}”应使用半角阿拉伯数字：“{want}”（GB/T 9704-2012 7.3.5.4）",
                       "the date {date!r} is written with full-width digits: {want!r} (GB/T 9704-2012 7.3.5.4)"),
        "no-ri": ("成文日期“{date}”缺少“日”字（GB/T 9704-2012 7.3.5.4）",
                  "the date {date!r} lacks '日' after the day (GB/T 9704-2012 7.3.5.4)"),
        "zeros": ("成文日期“{date}”的月、日不编虚位，应为“{want}”（GB/T 9704-2012 7.3.5.4）",
                  "the date {date!r} takes no leading zeros: {want!r} (GB/T 9704-2012 7.3.5.4)"),
        "short-year": ("成文日期“{date}”的年份应标全称（GB/T 9704-2012 7.3.5.4）",
                       "the date {date!r} gives the year in full (GB/T 9704-2012 7.3.5.4)"),
        "slip": ("成文日期“{date}”有误写：应为“{want}”（GB/T 9704-2012 7.3.5.4）",
                 "the date {date!r} has a slip: {want!r} (GB/T 9704-2012 7.3.5.4)"),
        "impossible": ("成文日期“{date}”不存在（GB/T 9704-2012 7.3.5.4）",
                       "the date {date!r} does not exist (GB/T 9704-2012 7.3.5.4)"),
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article, _, _ in _with_signature(ctx, self.settings["doctypes"]):
            line = article.signature.date if article.signature is not None else None
            if line is None:
                continue
            text = line.text.strip()
            args: dict[str, Any] = {"date": text}
            plain = _WEEKDAY.sub("", text).translate(_HALF_WIDTH)
            if text.endswith(_STOPS) or "曰" in text or any(c in text for c in _LETTER_O):
                kind = "slip"  # a full stop after it, 曰 for 日, the letter O for a zero
                args["want"] = text.rstrip("".join(_STOPS)).replace("曰", "日").translate(_ZERO)
            elif plain != text and (date := full_date(plain)) is not None:
                kind = "weekday" if _WEEKDAY.search(text) else "full-width"
                args.update(want="{}年{}月{}日".format(*date))
            elif _NO_DAY.match(text):
                kind = "default"
            elif _NO_YEAR.match(text):
                kind = "no-year"
            elif _HAO.search(text):
                kind = "hao"
            elif any(c in _CN for c in text):
                kind = "numerals"
                date = full_date(text)
                args["want"] = "：“{}年{}月{}日”".format(*date) if date else ""
                args["want_en"] = ": '{}年{}月{}日'".format(*date) if date else ""
            elif (separated := _SEPARATED.match(text)) is not None:
                kind = "separated"
                year, month, day = (int(separated.group(k)) for k in (1, 3, 4))
                args.update(want=f"{year}年{month}月{day}日", mark=separated.group(2))
            elif (arabic := _ARABIC.match(text)) is not None:
                year, month, day = (int(arabic.group(k)) for k in (1, 2, 3))
                if not _exists(year, month, day):
                    kind = "impossible"
                elif len(arabic.group(1)) < 4:
                    kind = "short-year"
                elif not arabic.group(4):
                    kind = "no-ri"
                elif arabic.group(2).startswith("0") or arabic.group(3).startswith("0"):
                    kind = "zeros"
                    args["want"] = f"{year}年{month}月{day}日"
                else:
                    continue
            else:
                continue
            yield ctx.report(line.span.start, line.span.end, kind, **args)


# a title that sums up a whole period, not a campaign or a season's work within it:
# 2024年工作总结, 某局2024年度述职报告, 2024年上半年工作总结和下半年工作打算
_PERIOD = lazy(r"((?:19|20)[0-9]{2}|[〇○零一二三四五六七八九]{4})\s*年(?:度)?\s*"
               r"(?:第?([一二三四1-4])季度|(上半年|下半年|前三季度))?(?:个人|本人|全年|主要)?(?:工作)?(?:总结|述职(?:述廉|述德述廉)?报告)(?:$|[和及暨与、])")
# (month, day) a period ends on, and the earliest (month, day) a report on it may be dated
_PERIOD_ENDS = {"": ((12, 31), (10, 1)), "上半年": ((6, 30), (6, 1)), "下半年": ((12, 31), (10, 1)),
                "前三季度": ((9, 30), (9, 1)), "1": ((3, 31), (3, 1)), "2": ((6, 30), (6, 1)),
                "3": ((9, 30), (9, 1)), "4": ((12, 31), (12, 1))}


def _period(title: str) -> tuple[str, int, tuple[int, int]] | None:
    """The period a 总结 or 述职报告 title covers: (as written, year, earliest (month, day) to sign)."""
    match = _PERIOD.search(title)
    if match is None:
        return None
    year = _year_digits(match.group(1))
    if year is None:
        return None
    quarter = match.group(2) or ""
    key = str("一二三四".index(quarter) + 1) if quarter in ("一", "二", "三", "四") else quarter or match.group(3) or ""
    written = match.group(1) + "年" + (f"第{quarter}季度" if quarter else match.group(3) or "")
    return written, year, _PERIOD_ENDS[key][1]


class SignatureDateBeforePeriod(Rule):
    """A 总结 or 述职报告 dated before the period it reports on is over.

    ## What it does
    For a title that sums up a whole period (`2024年工作总结`, `2024年上半年工作总结`,
    `2024年第三季度工作总结`, `2024年度述职报告`; not a campaign's or a season's work within it,
    such as `2024年防汛工作总结`), flags a 成文日期 of that year that falls too
    early in the period: before October for a year or a second half-year, before June for a
    first half-year, before the last month of a quarter. (A date in another year is DT007's.)

    ## Why is this bad?
    《党政机关公文处理工作条例》第九条（十二）: the 成文日期 is the day the document was signed.
    A summary signed months before its period ends reports on what had not happened yet; the
    date is usually a slip of the year or left over from last year's file.

    ## Example
    ```
    青山县农业农村局2024年工作总结
    ……
    青山县农业农村局
    2024年3月12日
    ```

    ## Use instead
    ```
    青山县农业农村局2024年工作总结
    ……
    青山县农业农村局
    2024年12月12日
    ```
    """

    code = "SG007"
    name = "signature-date-before-period"
    groups = ("signature",)
    severity = Severity.WARNING
    standard = "《党政机关公文处理工作条例》第九条（十二）"
    messages = {"default": ("成文日期{date}早于标题所总结的时期“{period}”结束",
                            "the date {date} is before the end of the period {period!r} the title sums up")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article in _articles(ctx):
            sig = article.signature
            if sig is None or sig.date is None or not article.title_text:
                continue
            period = _period(article.title_text)
            signed = _date_of(sig.date)
            if period is None or signed is None:
                continue
            written, year, (month, day) = period
            if signed[0] == year and signed < (year, month, day):  # another year: DT007's
                yield ctx.report(sig.date.span.start, sig.date.span.end, date=sig.date.text.strip(), period=written)


class SignatureDateAboveUnit(Rule):
    """A 落款 with the 成文日期 above the 发文机关署名.

    ## What it does
    Flags a 成文日期 that stands on the line above the unit's name at the end of the text.

    ## Why is this bad?
    GB/T 9704-2012 7.3.5: the 成文日期 goes under the 发文机关署名. A date above the name
    reads as the date of the body's last paragraph, and the block looks unfinished.

    ## Example
    ```
    ……请各学校认真抓好落实。
    2024年5月6日
    青山县教育局
    ```

    ## Use instead
    ```
    ……请各学校认真抓好落实。
    青山县教育局
    2024年5月6日
    ```
    """

    code = "SG008"
    name = "signature-date-above-unit"
    groups = ("signature",)
    severity = Severity.WARNING
    standard = "GB/T 9704-2012 7.3.5"
    messages = {"default": ("成文日期应在发文机关署名“{unit}”之下（GB/T 9704-2012 7.3.5）",
                            "the date goes under the signing unit {unit!r} (GB/T 9704-2012 7.3.5)")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article in _articles(ctx):
            sig = article.signature
            if sig is not None and sig.date is not None and sig.units and sig.date.number < sig.units[0].number:
                unit = "".join(line.text for line in sig.units)
                yield ctx.report(sig.date.span.start, sig.date.span.end, unit=unit)


RULES = [SignatureMissingDate, SignatureMissingUnit, SignatureMissing, SignatureUnitMismatch,
         SignatureDateBeforeEvents, SignatureDateForm, SignatureDateBeforePeriod, SignatureDateAboveUnit,
         SignatureMissingOfficial]
