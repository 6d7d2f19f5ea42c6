"""主送机关: present where the 文种 needs one, one organ for a 请示, an organ rather than a person,
and the form GB/T 9704-2012 7.3.2 gives it (the names, then a full-width colon)."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Applicability, Finding, Fix, Severity
from reportlint.model import Article, Element, Line, Profile, body_lines, is_complete
from reportlint.rules.base import DOCTYPES_OPTION, Rule, RuleContext, doctype_of, title_span, title_text
from reportlint.text.lazyre import lazy

_ORGAN_END = lazy(r"(?:局|委|办|院|府|部|厅|处|科|室|会|校|所|站|队|中心|公司|街道|办事处|镇|乡|村|社区|支部|党委|"
                  r"委员会|小组|集团|医院|中学|小学|学院|幼儿园|馆|单位|部门|机关|学校|企业|党组|党组织|机构|"
                  r"(?:[残妇文侨社]|工商)联|[科作]协)$")
_PERSON_END = lazy(r"(?:局长|书记|主任|县长|市长|镇长|乡长|区长|省长|部长|厅长|处长|科长|校长|院长|主席|经理|董事长|"
                   r"同志|领导|先生|女士)$")
_WRONG_CLOSE = ("。", "；", ";", "，", ",")  # a 主送 line closed by one of these, not a colon
_RUN_IN = lazy(r"[ \t\u3000]*([^：:。，；！？“”《》]{2,40})[：:](.*)$")
# where two organs' names meet with no mark between them: 县委县政府, 镇党委政府, a space
_JOINED = lazy(r"(?<=[委办])(?=(?:[省市县区镇乡])?(?:人民)?政府)|[ \t\u3000]+|"
               r"(?<=[局委办院府部厅处室会校所站队心司])(?:和|及|与|并)(?=[\u4e00-\u9fff]{2})")


def _addressed(ctx: RuleContext, extra: str) -> Iterator[tuple[Article, Profile]]:
    """Articles (attachments included) whose 文种 profile says something about the 主送机关."""
    for article in _articles(ctx):
        doctype = doctype_of(article, extra, past_masthead=True)
        if doctype is not None and article.title is not None and _needs(doctype, article):
            yield article, doctype


def _needs(doctype: Profile, article: Article) -> bool:
    """Whether the profile asks for a 主送机关 in this document: `addressee:` one, requester or
    required, and, when the profile names them (`addressee-when`), only for the titles of that form
    (a 报告 `××局关于……的报告` goes to an organ; a 工作报告 read to a meeting has none)."""
    if doctype.addressee not in ("one", "requester", "required"):
        return False
    return doctype.addressee_when is None or bool(doctype.addressee_when.search(title_text(article).strip()))


def _articles(ctx: RuleContext) -> Iterator[Article]:
    # `document.articles` lists each attached part (附件1 …) after its article: each is read once
    yield from ctx.document.articles


def _with_addressee(ctx: RuleContext, doctypes: str) -> Iterator[tuple[Article, Element, Profile]]:
    """Each titled article with a 主送 line, and its 文种 read past the 版头 (when one is known)."""
    for article in _articles(ctx):
        element = article.element("addressee")
        if element is None or article.title is None:
            continue
        doctype = doctype_of(article, doctypes, past_masthead=True)
        if doctype is not None:
            yield article, element, doctype


def _split(text: str) -> list[str]:
    """``text`` split at 、 ，； outside brackets (`各县（市、区）人民政府` is one name)."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(text):
        if char in "（(":
            depth += 1
        elif char in "）)":
            depth = max(0, depth - 1)
        elif depth == 0 and char in "、，,；;":
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def _organ(name: str) -> bool:
    """Whether a name ends like an organ's, a bracketed gloss aside (`各乡镇人民政府（街道办事处）`)."""
    name = name.strip()
    if name.endswith(("）", ")")):
        name = name[:max(name.rfind("（"), name.rfind("("))]
    return bool(_ORGAN_END.search(name.strip()))


def _names(text: str) -> list[str]:
    """The names listed in a 主送机关 line: the text before the colon, split at 、 and ，."""
    head = text.strip().rstrip("：:").strip()
    return [name.strip() for name in _split(head)]


def _first_body_line(article: Article) -> Line | None:
    """The body line right under the title (blank lines aside), or None when an element stands
    between them."""
    first = next(body_lines(article), None)
    if first is None or article.title is None:
        return None
    after = article.title_lines[-1].span.end
    between = any(after <= line.span.start < first.span.start
                  for element in article.elements for line in element.lines)
    return None if between or first.span.start < after else first


def _colonless(article: Article) -> Line | None:
    """The first body line, when it is a 主送机关 written without its colon (`县教育局`), or
    closed by another mark (`县人民政府。`, `县人民政府；`): organs' names, beside which a class of
    units may stand (`各网格、各居民小组，辖区各有关单位。`)."""
    first = _first_body_line(article)
    if first is None:
        return None
    text = first.text.strip()
    if text[-1:] in _WRONG_CLOSE:
        text = text[:-1].rstrip()
    if not 2 < len(text) <= 40 or any(mark in text for mark in "。！？；：:“”《"):
        return None
    names = [name.strip() for name in _split(text) if name.strip()]
    if not names or not any(_organ(name) for name in names):
        return None
    return first if all(_organ(name) or _CLASS.match(name) for name in names) else None


# a class of units named by what they are, beside an organ on a 主送 line: 各网格, 各市（州）, 各村
_CLASS = lazy(r"^各(?!位|项|种|类|个|自|方面|级领导)[\u4e00-\u9fff（）()、]{1,10}$")


def _plainly_addressee(line: Line) -> bool:
    """A colonless 主送 line that reads as one even where the 文种 needs none: closed by a wrong
    mark, and listing several organs or a class of them (`各县（市、区）应急管理局，市直有关单位。`),
    or, with no mark at all, listing three or more (`各市（州）人民政府，省政府各部门、各直属机构`)."""
    text = line.text.strip()
    if text[-1:] not in _WRONG_CLOSE:
        return len([name for name in _split(text) if name.strip()]) >= 3
    names = [name for name in _split(text[:-1]) if name.strip()]
    return len(names) >= 2 or text.startswith("各")


def _formal_wrong_close(article: Article, line: Line) -> bool:
    """A colonless 主送 line under the title of a document with a 版头 (发文机关标志 or 发文字号),
    closed by a wrong mark (`县卫生健康局；`): a byline is never closed by a mark."""
    return (line.text.rstrip()[-1:] in _WRONG_CLOSE
            and any(article.element(kind) is not None for kind in ("issuer_mark", "doc_number")))


def _run_in(article: Article) -> tuple[int, int] | None:
    """The 主送机关 and its colon, when the body runs on after it on the same line
    (`县人民政府：我县现有救护车8辆……`): the offsets of the names and the colon."""
    first = _first_body_line(article)
    if first is None:
        return None
    match = _RUN_IN.match(first.text)
    if match is None or not match.group(2).strip():
        return None
    names = [name for name in _split(match.group(1)) if name]
    if names and all(_organ(name) for name in names):
        return first.span.start, first.span.start + match.end(1) + 1
    return None


def _person_line(article: Article) -> Line | None:
    """The first body line, when it is a 主送 naming a person (`县政府李县长：`), which the model
    does not take for a 主送机关."""
    first = _first_body_line(article)
    if first is None:
        return None
    text = first.text.strip()
    if not 2 < len(text) <= 40 or not text.endswith(("：", ":")) or any(mark in text for mark in "。！？；"):
        return None
    return first if any(_PERSON_END.search(name) for name in _names(text)) else None


_MEETING_LINE = lazy(r"^[ \t\u3000]*(?:[—―－-]{1,2}|[（(])?[^。]{0,40}在[^。]{2,50}(?:会议|大会|会)上")


def _read_to_a_meeting(article: Article) -> bool:
    """Whether a line under the title says the text was delivered at a meeting (`——在县人大常委会
    第十次会议上`): a report read out, with no 主送机关."""
    return any(_MEETING_LINE.search(line.text) for line, _ in zip(body_lines(article), range(3)))


def _salutation(article: Article) -> bool:
    """Whether the first body line addresses its hearers (`各位代表：`, `主任、各位副主任、各位委员：`):
    a 报告 read to a meeting, whose 主送 that line stands for."""
    first = _first_body_line(article)
    text = first.text.strip() if first is not None else ""
    return 2 < len(text) <= 40 and text.endswith(("：", ":")) and not any(m in text for m in "。！？；，")


def _unplaced(article: Article) -> bool:
    """Whether one of the first two body lines reads as a 主送 the model did not place (after a
    发文字号 put under the title, say): organs' names and a colon, no sentence."""
    return _unplaced_line(article) is not None


def _unplaced_line(article: Article) -> Line | None:
    """The line `_unplaced` finds; names parted by `；`, `.` or a space count too (AD003 flags them)."""
    for line, _ in zip(body_lines(article), range(2)):
        text = line.text.strip()
        if len(text) <= 100 and text.endswith(("：", ":")) and not any(mark in text for mark in "。！？"):
            names = [part for name in _names(text) for part in _BAD_SEPARATOR.split(name) if part.strip()]
            if names and all(_organ(name) for name in names):
                return line
    return None


# between two organs' names: a semicolon, a full stop or a space instead of 、 or ，
_BAD_SEPARATOR = lazy(r"(?<=[\u4e00-\u9fff）)])(?:[；;．.]|[ \t\u3000]+)(?=[\u4e00-\u9fff（(])")


def _bad_separators(line: Line, end: int) -> Iterator[tuple[int, int, str]]:
    """The wrong marks between names on a 主送 line, outside brackets, before offset ``end`` of it."""
    depth = 0
    text = line.text[:end]
    for match in _BAD_SEPARATOR.finditer(text):
        before = text[:match.start()]
        depth = before.count("（") + before.count("(") - before.count("）") - before.count(")")
        name = _split(before)[-1]
        if depth == 0 and _organ(name):
            yield line.span.start + match.start(), line.span.start + match.end(), match.group(0)


class AddresseeMissing(Rule):
    """A 请示, 通知, 批复, 函, 通报, 议案 or a 报告 sent up with no 主送机关.

    ## What it does
    For the 文种 whose profile needs a 主送机关 (`addressee:` in `rulesets/data/doctypes.yaml`:
    请示, 通知, 批复, 函, 通报, 议案, and a 报告 whose title names its issuer, `××局关于……的报告`,
    by `addressee-when`), flags the title of a whole document that has none between its title and
    its body. A 报告 read to a meeting (a line under the title `——在……会议上`, or a salutation such
    as `主任、各位副主任、各位委员：`), fragments, attached copies of a 报告 and the 文种 without
    the key (政府工作报告, 总结) are not judged. A title past a 发文字号 the grammar does not read is
    found and flagged.

    ## Why is this bad?
    GB/T 9704-2012 7.3.2 and 《党政机关公文处理工作条例》第九条（八）: the 主送机关 is the
    organ that must handle the document. A 请示 with no 主送 has nobody to answer it; a 通知
    with none does not say who is to carry it out.

    ## Example
    ```
    县林业局关于申请森林防火专项经费的请示
    今年入春以来，我县降水偏少……
    ```

    ## Use instead
    ```
    县林业局关于申请森林防火专项经费的请示
    县人民政府：
    今年入春以来，我县降水偏少……
    ```
    """

    code = "AD001"
    name = "addressee-missing"
    groups = ("addressee",)
    severity = Severity.WARNING
    standard = "GB/T 9704-2012 7.3.2"
    options = {"doctypes": DOCTYPES_OPTION}
    messages = {"default": ("{doctype}缺少主送机关（{source}；GB/T 9704-2012 7.3.2）",
                            "this {doctype_en} has no addressee ({source}; GB/T 9704-2012 7.3.2)")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article, doctype in _addressed(ctx, self.settings["doctypes"]):
            if article.element("addressee") is not None or not is_complete(article):
                continue
            if doctype.addressee_when is not None and article.is_attachment:
                continue  # an attached 报告 is a copy: the 主送 is the covering document's
            if (_colonless(article) is not None or _person_line(article) is not None or _unplaced(article)
                    or _run_in(article) is not None or _salutation(article) or _read_to_a_meeting(article)):
                continue  # there is one: without its colon or its own line (AD003), or a person (AD004)
            title = title_span(article)
            yield ctx.report(title.start, title.end, doctype=doctype.name[0], doctype_en=doctype.name[1],
                             source=doctype.source or "rulesets/data/doctypes.yaml")


class SeveralAddressees(Rule):
    """A 请示 sent to more than one organ.

    ## What it does
    For the 文种 whose profile allows a single 主送机关 (`addressee: one`: the 请示, and the 议案,
    sent to the one congress or standing committee that deliberates it; `addressee:
    requester`: the 批复, sent to the organ whose 请示 it answers), flags a
    主送 line that lists several organs (`县委、县政府：`), also run together (`县委县政府：`,
    `镇党委政府：`) or parted by a space; and a 报告 sent up to three or more offices at once
    (`校党委组织部、校党委宣传部、校工会：`; a 报告 to `县委、县政府` or to a class of organs is not
    judged).

    ## Why is this bad?
    《党政机关公文处理工作条例》第十五条（一）: a document to a higher organ is addressed to one
    organ (原则上主送一个上级机关), the others being copied. A 请示 sent to several organs is
    answered by none, or by each differently.

    ## Example
    ```
    县人民政府、县财政局：
    ```

    ## Use instead
    ```
    县人民政府：
    ……
    抄送：县财政局。
    ```
    """

    code = "AD002"
    name = "several-addressees"
    groups = ("addressee",)
    severity = Severity.WARNING
    standard = "《党政机关公文处理工作条例》第十五条（一）"
    options = {"doctypes": DOCTYPES_OPTION}
    messages = {"default": ("{doctype}应主送一个上级机关，此处主送了{count}个：{names}（条例第十五条（一））",
                            "a {doctype_en} goes to one organ; this one is addressed to {count}: {names}"),
                "reply": ("{doctype}应只主送报送请示的机关，此处主送了{count}个：{names}，其他机关可抄送"
                          "（条例第八条（十二））",
                          ("a {doctype_en} goes to the organ that sent the request; this one is addressed to "
                           "{count}: {names} (copy the others)")),
                "motion": ("{doctype}应只主送审议它的人民代表大会或其常务委员会，此处主送了{count}个：{names}"
                           "（条例第八条（十三））",
                           ("a {doctype_en} goes to the one congress (or standing committee) that deliberates it; "
                            "this one is addressed to {count}: {names}"))}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article, doctype in _addressed(ctx, self.settings["doctypes"]):
            element = article.element("addressee")
            if element is None or (doctype.addressee not in ("one", "requester") and doctype.id != "report"):
                continue
            names = [part.strip() for name in _names("".join(line.text for line in element.lines))
                     for part in _JOINED.split(name) if part.strip()]
            if doctype.id == "report" and not _offices(names):
                continue
            if len(names) > 1:
                span = element.span
                key = "reply" if doctype.addressee == "requester" else "motion" if doctype.id == "motion" else "default"
                yield ctx.report(span.start, span.end, key,
                                 doctype=doctype.name[0], doctype_en=doctype.name[1], count=len(names),
                                 names="、".join(names))


# the leading organs a 报告 may go to together (`县委、县政府：`); not offices of one of them
_LEADING = lazy(r"(?:人民政府|政府|委员会|党委|党组|[省市县区镇乡]委|常委会|政协)$")


def _offices(names: list[str]) -> bool:
    """Whether a 报告's 主送 lists three or more offices, none of them a class of organs or a
    leading organ: a report sent up to each office at once (`校党委组织部、校党委宣传部、校工会：`)."""
    return (len(names) >= 3 and all(_organ(name) for name in names)
            and not any(name.startswith(("各", "有关", "全")) or _LEADING.search(name) for name in names))


class AddresseeForm(Rule):
    """A 主送机关 line without its full-width colon, or ending in a stray 、 or ，.

    ## What it does
    For a 主送机关 in any 文种 (and, where the profile needs one, a line under the title that
    names organs without being taken for one), flags the 主送 line when the colon after the last name is
    missing (`县人民政府` alone on the line under the title), half-width (`县人民政府:`), another
    mark (`县人民政府。`, `县人民政府；`), or preceded by a separator (`各乡镇人民政府、县直各部门、：`),
    names parted by a semicolon, a full stop or a space instead of 、 or ，
    (`各乡镇人民政府；县直各单位：`), and a 主送 the body runs on after on the same line
    (`县人民政府：我县现有……`). Where the 文种 needs no 主送, a line under the title is taken
    for one only when it plainly is: closed by a wrong mark, or listing three or more organs, or,
    under a 版头 (发文机关标志 or 发文字号), one organ closed by a wrong mark (`县卫生健康局；`). A
    class of units (`各网格`, `各市（州）`) may stand among the organs' names.

    ## Why is this bad?
    GB/T 9704-2012 7.3.2: the 主送机关 is placed one line under the title, flush left, with a
    full-width colon after the last name. Without it the line reads as a stray heading.

    ## Example
    ```
    各乡镇人民政府，县直有关部门、：
    ```

    ## Use instead
    ```
    各乡镇人民政府，县直有关部门：
    ```

    ## Fix safety
    Replacing a half-width colon or another closing mark, removing a separator before the colon,
    and adding a missing colon are safe: the line is the 主送机关 and nothing else. A 主送 run into
    the body is not fixed (where the line breaks is the writer's choice), nor a wrong mark between
    names (、 or ， depends on how the writer groups them).
    """

    code = "AD003"
    name = "addressee-form"
    groups = ("addressee",)
    severity = Severity.WARNING
    fixable = Applicability.SAFE
    standard = "GB/T 9704-2012 7.3.2"
    options = {"doctypes": DOCTYPES_OPTION}
    messages = {
        "default": ("主送机关后缺少全角冒号“：”（GB/T 9704-2012 7.3.2）",
                    "the addressee needs a full-width colon after the last name (GB/T 9704-2012 7.3.2)"),
        "halfwidth": ("主送机关后应为全角冒号“：”，不是“:”（GB/T 9704-2012 7.3.2）",
                      "the addressee ends with a half-width ':' instead of '：' (GB/T 9704-2012 7.3.2)"),
        "separator": ("主送机关最后一个名称后多了“{mark}”（GB/T 9704-2012 7.3.2）",
                      "a stray {mark!r} after the last addressee (GB/T 9704-2012 7.3.2)"),
        "mark": ("主送机关后应为全角冒号“：”，不是“{mark}”（GB/T 9704-2012 7.3.2）",
                 "the addressee ends with {mark!r} instead of '：' (GB/T 9704-2012 7.3.2)"),
        "between": ("主送机关名称之间应用顿号或逗号，不是“{mark}”（GB/T 9704-2012 7.3.2）",
                    "addressees are parted by 、 or ，, not {mark!r} (GB/T 9704-2012 7.3.2)"),
        "run_in": ("主送机关应单独成行，正文另起一行（GB/T 9704-2012 7.3.2）",
                   "the addressee takes a line of its own; the body starts on the next (GB/T 9704-2012 7.3.2)"),
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        extra = self.settings["doctypes"]
        for article in _articles(ctx):
            if article.title is None:
                continue
            doctype = doctype_of(article, extra, past_masthead=True)
            element = article.element("addressee")
            if element is None and (doctype is None or not _needs(doctype, article)):
                # a 文种 that may go without one: only a line that is plainly a 主送 closed wrongly
                line = _colonless(article)
                if line is not None and (_plainly_addressee(line) or _formal_wrong_close(article, line)):
                    end = line.span.start + len(line.text.rstrip())
                    mark = line.text.rstrip()[-1]
                    if mark in _WRONG_CLOSE:
                        yield ctx.report(end - 1, end, "mark", mark=mark,
                                         fix=Fix.replace("改为全角冒号", end - 1, end, "："))
                    else:
                        yield ctx.report(line.span.start, end, fix=Fix.replace("补全角冒号", end, end, "："))
                continue
            lines = element.lines if element is not None else ()
            if element is None and (unplaced := _unplaced_line(article)) is not None:
                lines = (unplaced,)
            for line in lines:
                body = len(line.text.rstrip().rstrip("：:"))
                for start, stop, mark in _bad_separators(line, body):
                    shown = "空格" if not mark.strip() else mark
                    yield ctx.report(start, stop, "between", mark=shown)
            if element is None:
                line = _colonless(article)
                run_in = _run_in(article) if line is None else None
                if line is not None:
                    end = line.span.start + len(line.text.rstrip())
                    mark = line.text.rstrip()[-1]
                    if mark in _WRONG_CLOSE:
                        yield ctx.report(end - 1, end, "mark", mark=mark,
                                         fix=Fix.replace("改为全角冒号", end - 1, end, "："))
                    else:
                        yield ctx.report(line.span.start, end, fix=Fix.replace("补全角冒号", end, end, "："))
                elif run_in is not None:
                    yield ctx.report(run_in[0], run_in[1], "run_in")
                continue
            last = element.lines[-1]
            text = last.text.rstrip()
            end = last.span.start + len(text)
            if text.endswith(":"):
                yield ctx.report(end - 1, end, "halfwidth", fix=Fix.replace("改为全角冒号", end - 1, end, "："))
                text, end = text[:-1], end - 1
            elif text.endswith("。"):
                yield ctx.report(end - 1, end, fix=Fix.replace("改为全角冒号", end - 1, end, "："))
                continue
            elif not text.endswith("："):
                yield ctx.report(last.span.start, end, fix=Fix.replace("补全角冒号", end, end, "："))
                continue
            else:
                text, end = text[:-1], end - 1
            if text and text[-1] in "、，,；;":
                yield ctx.report(end - 1, end, "separator", mark=text[-1],
                                 fix=Fix.replace("删去多余的标点", end - 1, end, ""))


class AddresseePerson(Rule):
    """A 主送机关 that names a person (`张局长：`, `县委王书记：`) rather than an organ.

    ## What it does
    For the 文种 with a 主送机关, flags a 主送 name that ends in a post or a form of address
    (局长, 书记, 主任, 县长, 同志, 领导 …).

    ## Why is this bad?
    《党政机关公文处理工作条例》第九条（八） makes the 主送机关 an organ, and 第十五条（五）
    forbids sending a document in an organ's name to a leader of the higher organ (except a
    matter that leader assigned directly). Address the organ; the leader gets it through the
    organ's own handling.

    ## Example
    ```
    县政府李县长：
    ```

    ## Use instead
    ```
    县人民政府：
    ```
    """

    code = "AD004"
    name = "addressee-person"
    groups = ("addressee",)
    severity = Severity.WARNING
    standard = "《党政机关公文处理工作条例》第十五条（五）"
    options = {"doctypes": DOCTYPES_OPTION}
    messages = {"default": ("主送机关“{name}”是个人而非机关（{doctype}；条例第九条（八）、第十五条（五））",
                            "the addressee {name!r} is a person, not an organ (this {doctype_en})")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article, doctype in _addressed(ctx, self.settings["doctypes"]):
            element = article.element("addressee")
            person = _person_line(article) if element is None else None
            lines = element.lines if element is not None else (person,) if person is not None else ()
            for line in lines:
                for name in _names(line.text):
                    if name and _PERSON_END.search(name):
                        start = line.span.start + line.text.find(name)
                        yield ctx.report(start, start + len(name), name=name, doctype=doctype.name[0],
                                         doctype_en=doctype.name[1])


_TITLE_ISSUER = lazy(r"^(.{2,60}?)关于")
# a government department (厅, 局, 委员会 …), not a government, its general office or a party committee
_DEPARTMENT = lazy(r"(?:厅|局|委员会|委)$")
_NOT_DEPARTMENT = lazy(r"(?:人民政府|政府|办公厅|办公室|[省市县区镇乡]委|党委|党工委|党组|[省市县区]委员会)$")
_LOWER_GOVERNMENT = lazy(r"(?:人民政府|[县市区镇乡）)]政府)$")
_GOVERNMENT_AGREED = lazy(r"经[^，。；]{0,12}(?:人民政府|政府)同意")


def _issuing_departments(article: Article) -> list[str]:
    """The organs the title names before 关于, when every one is a department (`省人社厅关于……`)."""
    match = _TITLE_ISSUER.match(article.title_text.strip())
    if match is None:
        return []
    names = [name.strip() for part in _split(match.group(1)) for name in part.split() if name.strip()]
    if names and all(_DEPARTMENT.search(n) and not _NOT_DEPARTMENT.search(n) for n in names):
        return names
    return []


class DepartmentToLowerGovernment(Rule):
    """A government department that addresses a lower government: `省人社厅` to `各市、县人民政府：`.

    ## What it does
    For the directive 文种 意见 and 决定, flags a 主送机关
    naming a people's government (`各市、县（市、区）人民政府`, `各乡镇人民政府`) when the organs the
    title names before `关于` are all departments (厅, 局, 委员会, 委 — not a government, its
    办公厅/办公室 or a party committee), unless the text says the government agreed
    (`经省人民政府同意`).

    ## Why is this bad?
    《党政机关公文处理工作条例》第十六条（二）: only the 办公厅（室） of a government may, on its
    authority, write to lower governments; other departments may not send them directive
    documents. A department writes to its counterpart departments below, or has the government
    agree and says so in the text.

    ## Example
    ```
    省人力资源和社会保障厅关于进一步做好高校毕业生就业工作的实施意见
    各市、县（市、区）人民政府：
    ```

    ## Use instead
    ```
    省人力资源和社会保障厅关于进一步做好高校毕业生就业工作的实施意见
    各市、县（市、区）人力资源社会保障局：
    ```
    """

    code = "AD005"
    name = "department-to-lower-government"
    groups = ("addressee",)
    severity = Severity.WARNING
    standard = "《党政机关公文处理工作条例》第十六条（二）"
    options = {"doctypes": DOCTYPES_OPTION}
    messages = {"default": ("“{issuer}”是政府部门，不应向下级人民政府“{name}”行文（{doctype}；条例第十六条（二）："
                            "应主送下级对口部门，或经本级政府同意并在文中注明）",
                            ("{issuer!r} is a department and may not address the lower government {name!r} "
                             "(this {doctype_en}; 条例第十六条（二）)"))}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article, element, doctype in _with_addressee(ctx, self.settings["doctypes"]):
            if doctype.id not in ("opinion", "decision"):
                continue
            issuers = _issuing_departments(article)
            if not issuers or any(_GOVERNMENT_AGREED.search(line.text) for line in body_lines(article)):
                continue
            text = "".join(line.text for line in element.lines)
            names = [name for name in _names(text) if name and _LOWER_GOVERNMENT.search(name)]
            if names:
                first, last = element.lines[0], element.lines[-1]
                end = last.span.start + len(last.text.rstrip().rstrip("：:"))
                yield ctx.report(first.span.start, end, issuer="、".join(issuers), name=text.strip().rstrip("：:"),
                                 doctype=doctype.name[0], doctype_en=doctype.name[1])


class AddresseeNotExpected(Rule):
    """A 主送机关 in a 公告, 通告 or 命令, which are published to everyone.

    ## What it does
    For the 文种 whose profile says `addressee: none` (the bundled 公告, 通告, 命令（令）, 公报),
    flags a 主送机关 line under the title.

    ## Why is this bad?
    《党政机关公文处理工作条例》第八条: a 公告 announces to the public at home and abroad, a 通告
    to whom it may concern in society, a 命令 is promulgated: they are published, not sent to an
    organ, and carry no 主送机关. A 主送 line shows the text was meant as a 通知.

    ## Example
    ```
    河口县人民政府关于城区部分道路实施交通管制的通告
    各乡镇人民政府，县直各单位：
    为保障城区道路改造工程顺利实施……
    ```

    ## Use instead
    ```
    河口县人民政府关于城区部分道路实施交通管制的通告
    为保障城区道路改造工程顺利实施……
    ```
    """

    code = "AD006"
    name = "addressee-not-expected"
    groups = ("addressee",)
    severity = Severity.WARNING
    standard = "《党政机关公文处理工作条例》第八条"
    options = {"doctypes": DOCTYPES_OPTION}
    messages = {"default": ("{doctype}面向社会公开发布，不应有主送机关“{name}”（条例第八条）",
                            "a {doctype_en} is published to all and has no addressee ({name!r})")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for _article, element, doctype in _with_addressee(ctx, self.settings["doctypes"]):
            if doctype.addressee != "none":
                continue
            first, last = element.lines[0], element.lines[-1]
            end = last.span.start + len(last.text.rstrip())
            yield ctx.report(first.span.start, end, doctype=doctype.name[0], doctype_en=doctype.name[1],
                             name="".join(line.text.strip() for line in element.lines).rstrip("：:"))


# 上行文 and 下行文 among the bundled 文种 (条例第十五条, 第十六条)
_UPWARD = ("request", "report")
_DOWNWARD = ("notice", "meeting-notice", "circular", "reply", "decision", "opinion")
# the level of an administrative area, from the name of its government or of an organ in it
_LEVELS = {"省": 4, "自治区": 4, "市": 3, "州": 3, "盟": 3, "县": 2, "区": 2, "旗": 2, "镇": 1, "乡": 1, "街道": 1}
_PLACE = lazy(r"^(?:中共)?[\u4e00-\u9fff]{0,8}?(自治区|街道|[省市州盟县区旗镇乡])")
_GOVERNMENT = lazy(r"(自治区|街道|[省市州盟县区旗镇乡])(?:人民政府|政府|委员会|党委|委)$")
# one of a government's departments (not its people's congress, its CPPCC, a court or a procuratorate)
_DEPARTMENT_OF = lazy(r"^(?!.*(?:人大|代表大会|常务委员会|政协|政治协商|法院|检察院|纪委|监委|党委|县委$|市委$))"
                      r".*(?:局|厅|委员会|委|办公室|中心)$")
_NOT_ADMINISTRATIVE = lazy(r"(?:公司|集团|大学|学院|学校|中学|小学|医院|银行|协会|学会|研究院|研究所)$")


def _level(name: str) -> int | None:
    """The level of the area an organ belongs to: 县人民政府 → 2, 临江市江北区人民政府 → 2,
    云岭县教育局 → 2, 南江省卫生健康委员会 → 4; None for a name without one."""
    government = _GOVERNMENT.search(name)
    if government:
        return _LEVELS[government.group(1)]
    place = _PLACE.search(name)
    return _LEVELS[place.group(1)] if place else None


def _is_government(name: str) -> bool:
    return bool(_GOVERNMENT.search(name)) or name.endswith(("人民政府", "政府"))


class AddresseeDirection(Rule):
    """A 下行文 addressed to a higher organ, or a 请示/报告 addressed to lower ones.

    ## What it does
    Compares the 主送机关 with the issuer the title names before `关于`:

    - a 通知, 通报, 批复, 决定 or 意见 (documents sent down) whose 主送 is, or lists among the
      organs below, an organ of a higher level than the issuer (`临江市人民政府` or `市教育局` for a
      县 organ), or the government of the issuer's own area when the issuer is one of its
      departments or its office (`县人民政府` for `云岭县教育局`, `省人民政府` for `省人民政府办公厅`);
      listed among others, the superior's name is flagged;
    - a 请示 or 报告 (documents sent up) whose 主送 names a class of lower organs (`各乡镇人民政府`),
      and a bureau's 请示 to another bureau of its area (`县财政局` for `青川县教育局`: a peer is asked
      by 函);
    - a 下行文 of a school or hospital (`某县第二中学`) whose 主送 lists an administrative organ of its
      area or above (`县教育局`, `县人民政府`).

    Companies and names without an area are not judged.

    ## Why is this bad?
    《党政机关公文处理工作条例》第十五条、第十六条: a document sent up goes to the organ above, one
    sent down to the organs below. A department does not instruct its own government by 通知; a
    请示 to `各乡镇` asks nobody who can approve it.

    ## Example
    ```
    云岭县教育局关于开展校园安全隐患排查的通知
    县人民政府：
    ```

    ## Use instead
    ```
    云岭县教育局关于开展校园安全隐患排查的通知
    各乡镇中心学校，县直各学校：
    ```
    """

    code = "AD007"
    name = "addressee-direction"
    groups = ("addressee",)
    severity = Severity.WARNING
    standard = "《党政机关公文处理工作条例》第十五条、第十六条"
    options = {"doctypes": DOCTYPES_OPTION}
    messages = {
        "default": ("{doctype}是下行文，主送机关“{name}”却是发文机关“{issuer}”的上级（条例第十六条）",
               "a {doctype_en} is sent down, but {name!r} is above the issuer {issuer!r}"),
        "down": ("{doctype}是上行文，应主送上级机关，不应主送“{name}”（条例第十五条）",
                 "a {doctype_en} is sent up to the organ above, not to {name!r}"),
        "peer": ("{doctype}应主送上级机关；“{name}”与发文机关“{issuer}”同级，向同级机关商请事项应用函"
                 "（条例第十五条、第八条（十四））",
                 "a {doctype_en} goes to the organ above; {name!r} is a peer of {issuer!r}: ask a peer by 函"),
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article in _articles(ctx):
            element = article.element("addressee")
            if article.title is None:
                continue
            lines = element.lines if element is not None else tuple(filter(None, [_colonless(article)]))
            doctype = doctype_of(article, self.settings["doctypes"], past_masthead=True)
            if not lines or doctype is None or doctype.id not in _UPWARD + _DOWNWARD:
                continue
            text = "".join(line.text.strip() for line in lines).rstrip("：:。；;，,")
            names = [name for name in _names(text) if name]
            first, last = lines[0], lines[-1]
            end = last.span.start + len(last.text.rstrip().rstrip("：:。；;，,"))
            if doctype.id in _UPWARD:
                lower = next((name for name in names if name.startswith("各")), None)
                if lower is not None:
                    yield ctx.report(first.span.start, end, "down", doctype=doctype.name[0],
                                     doctype_en=doctype.name[1], name=lower)
                elif doctype.id == "request" and len(names) == 1:
                    issuer = _single_issuer(title_text(article))
                    if issuer is not None and _peer_bureau(names[0], issuer):
                        yield ctx.report(first.span.start, end, "peer", doctype=doctype.name[0],
                                         doctype_en=doctype.name[1], name=names[0], issuer=issuer)
                continue
            issuer = _single_issuer(title_text(article))
            institution = _institution_issuer(title_text(article)) if issuer is None else None
            if institution is not None:  # a school or hospital: any organ of its area or above is its superior
                issuer, above = institution, _above_institution
            elif issuer is not None:
                above = _above
            else:
                continue
            higher = next((name for name in names if above(name, issuer)), None)
            if higher is None:
                continue
            if len(names) > 1:  # the superior listed among the organs below: flag its name
                line = next((line for line in lines if higher in line.text), first)
                at = line.span.start + line.text.find(higher)
                yield ctx.report(at, at + len(higher), doctype=doctype.name[0], doctype_en=doctype.name[1],
                                 name=higher, issuer=issuer)
            else:
                yield ctx.report(first.span.start, end, doctype=doctype.name[0], doctype_en=doctype.name[1],
                                 name=higher, issuer=issuer)


def _above(name: str, issuer: str) -> bool:
    """Whether the organ ``name`` stands above ``issuer``: a higher level (`市教育局` for a 县 organ),
    or the government of the issuer's own area when the issuer is one of its departments or its
    office (`县人民政府` for `云岭县教育局`, `省人民政府` for `××省人民政府办公厅`). A class of organs
    (`各……`, `有关……`, `直属……`) and companies, schools, hospitals are not judged."""
    if any(w in name for w in ("各", "有关", "直属")) or _NOT_ADMINISTRATIVE.search(name):
        return False
    mine, theirs = _level(issuer), _level(name)
    if mine is None or theirs is None:
        return False
    return theirs > mine or (theirs == mine and _is_government(name) and bool(_DEPARTMENT_OF.search(issuer))
                             and (name.startswith(issuer[:2]) or len(name) <= 6))


# a school or hospital of an area, under its administrative organs (not a 大学, a 学院 or a company)
_INSTITUTION = lazy(r"(?:中学|小学|学校|中心校|幼儿园|医院|卫生院|保健院)$")
_ADMINISTRATIVE = lazy(r"(?:局|厅|委员会|委|人民政府|政府)$")


def _institution_issuer(title: str) -> str | None:
    """The one school or hospital the title names before 关于, when its area is named."""
    match = _TITLE_ISSUER.match(title.strip())
    if match is None:
        return None
    names = [name.strip() for part in _split(match.group(1)) for name in part.split() if name.strip()]
    if len(names) != 1 or not _INSTITUTION.search(names[0]) or _level(names[0]) is None:
        return None
    return names[0]


def _above_institution(name: str, issuer: str) -> bool:
    """Whether ``name`` is an administrative organ of the area of ``issuer`` (a school or hospital)
    or above it (`县教育局` for `某县第二中学`): the institution's 下行文 does not go to it."""
    if any(w in name for w in ("各", "有关", "直属")) or not _ADMINISTRATIVE.search(name):
        return False
    if not (_DEPARTMENT_OF.search(name) or _is_government(name)):
        return False
    mine, theirs = _level(issuer), _level(name)
    return mine is not None and theirs is not None and theirs >= mine


def _peer_bureau(name: str, issuer: str) -> bool:
    """Whether ``name`` is a bureau of the issuer's own area (`县财政局` for `青川县教育局`): a peer,
    not the organ above a bureau's 请示."""
    if not (name.endswith("局") and issuer.endswith("局")) or any(w in name for w in ("各", "有关", "直属")):
        return False
    mine, theirs = _PLACE.search(issuer), _PLACE.search(name)
    if mine is None or theirs is None or mine.group(1) != theirs.group(1) or _level(name) != _level(issuer):
        return False
    # the same area: `县财政局` (the area left implicit) or the issuer's own place name
    area = issuer[:mine.end()]
    return name.startswith(mine.group(1)) or name.startswith(area)


def _single_issuer(title: str) -> str | None:
    """The one issuing organ the title names before 关于, when it is an administrative one."""
    match = _TITLE_ISSUER.match(title.strip())
    if match is None:
        return None
    names = [name.strip() for part in _split(match.group(1)) for name in part.split() if name.strip()]
    if len(names) != 1 or _NOT_ADMINISTRATIVE.search(names[0]):
        return None
    return names[0]


# a body line that tells a whole class of organs what to do (`各乡镇、县直各单位要认真组织学习`)
_CLASS_TOLD = lazy(r"(?:全[省市县区镇乡]各级各部门|各级各部门|各乡镇|各乡（镇）|各街道|各县（市、区）|各县（区）|"
                   r"各县区|各区县|各市|[省市县区]直各(?:部门|单位)|各部门|各单位|各有关部门|各有关单位)"
                   r"[^。；！？，]{0,14}?"
                   r"(?:(?<![重主需纪摘概只])要(?![求点素害件闻事])|务必|必须|应当)")


class AddresseeNarrowerThanBody(Rule):
    """A 下行文 addressed to one department whose body instructs a whole class of organs.

    ## What it does
    For a 通知, 通报, 决定 or 意见 whose 主送 is one organ that is not a government (`县应急管理局：`),
    flags the 主送 when a body line tells a class of organs what to do (`各乡镇、县直各单位要认真组织
    学习`, `全县各级各部门要以先进为榜样`): those organs are the addressees. Where the 主送 lists
    classes of organs (`县直各单位：`), flags it when a body line sets areas it leaves out to work
    (`各乡镇要参照本通报开展自查自纠`).

    ## Why is this bad?
    GB/T 9704-2012 7.3.2 and 《党政机关公文处理工作条例》第九条（八）: the 主送机关 are the organs
    that must handle the document. Organs the body instructs but the 主送 leaves out never receive
    it as theirs to act on.

    ## Example
    ```
    河口县人民政府关于表彰2024年度全县防汛抗旱先进集体的决定
    县水利局：
    ……各乡镇、县直各单位要以先进为榜样……
    ```

    ## Use instead
    ```
    河口县人民政府关于表彰2024年度全县防汛抗旱先进集体的决定
    各乡镇人民政府，县直各单位：
    ```
    """

    code = "AD008"
    name = "addressee-narrower-than-body"
    groups = ("addressee",)
    severity = Severity.WARNING
    standard = "GB/T 9704-2012 7.3.2"
    options = {"doctypes": DOCTYPES_OPTION}
    messages = {"default": ("{doctype}只主送“{name}”，正文却要求“{told}”（第{line}行）：主送机关应为正文布置工作的机关"
                            "（GB/T 9704-2012 7.3.2）",
                            ("this {doctype_en} is addressed to {name!r} only, but line {line} instructs {told!r}: "
                             "address those organs (GB/T 9704-2012 7.3.2)")),
                "areas": ("{doctype}主送“{name}”，正文却要求“{told}”（第{line}行）：主送机关漏列了正文布置工作的机关"
                          "（GB/T 9704-2012 7.3.2）",
                          ("this {doctype_en} is addressed to {name!r}, but line {line} instructs {told!r}, "
                           "which the addressees leave out (GB/T 9704-2012 7.3.2)"))}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article, element, doctype in _with_addressee(ctx, self.settings["doctypes"]):
            if doctype.id not in ("notice", "circular", "decision", "opinion"):
                continue
            text = "".join(line.text.strip() for line in element.lines).rstrip("：:")
            names = [part.strip() for name in _names(text) for part in _JOINED.split(name) if part.strip()]
            if not names:
                continue
            if len(names) > 1 or any(w in names[0] for w in ("各", "全", "有关", "直属", "所属")):
                yield from self._areas_left_out(ctx, article, element, doctype, text)
                continue
            if len(names) != 1 or _is_government(names[0]):
                continue
            for line in body_lines(article):
                match = _CLASS_TOLD.search(line.text)
                if match and not _quoted(line.text, match.start()):
                    first, last = element.lines[0], element.lines[-1]
                    end = last.span.start + len(last.text.rstrip().rstrip("：:"))
                    told = match.group(0)
                    yield ctx.report(first.span.start, end, doctype=doctype.name[0], doctype_en=doctype.name[1],
                                     name=names[0], told=told, line=line.number)
                    break


    def _areas_left_out(self, ctx: RuleContext, article: Article, element: Element, doctype: Profile,
                        text: str) -> Iterator[Finding]:
        """A 主送 of classes of organs that leaves out the areas the body instructs: `县直各单位：`
        while a body line tells `各乡镇要……`."""
        for line in body_lines(article):
            match = _AREA_TOLD.search(line.text)
            if match is None or _quoted(line.text, match.start()):
                continue
            if any(key in text for key in _AREA_KEYS[match.group(1)]):
                continue
            first, last = element.lines[0], element.lines[-1]
            end = last.span.start + len(last.text.rstrip().rstrip("：:"))
            yield ctx.report(first.span.start, end, "areas", doctype=doctype.name[0], doctype_en=doctype.name[1],
                             name=text, told=match.group(0), line=line.number)
            return


# a body line that tells the lower areas what to do (`各乡镇要参照本通报开展自查自纠`)
_AREA_TOLD = lazy(r"(各乡镇|各乡（镇）|各镇|各乡|各街道|各县（市、区）|各县（区）|各县区|各区县|各县（市）|各县市区?|"
                  r"各市（州）|各市州?)"
                  r"(?:（街道）|、各街道|人民政府|政府)?[^。；！？，]{0,14}?"
                  r"(?:(?<![重主需纪摘概只])要(?![求点素害件闻事])|务必|必须|应当)")
# the words a 主送 covering each area holds
_AREA_KEYS = {"各乡镇": ("乡", "镇"), "各乡（镇）": ("乡", "镇"), "各镇": ("镇",), "各乡": ("乡",), "各街道": ("街道",),
              "各县（市、区）": ("县", "区"), "各县（区）": ("县", "区"), "各县区": ("县", "区"),
              "各区县": ("县", "区"),
              "各县（市）": ("县",), "各县市": ("县",), "各县市区": ("县", "区"), "各市（州）": ("市", "州"),
              "各市州": ("市", "州"), "各市": ("市",)}


def _quoted(text: str, at: int) -> bool:
    """Whether ``at`` stands inside “…” or 《…》 on its line."""
    before = text[:at]
    return any(before.count(open_) > before.count(close) for open_, close in ("“”", "《》"))


# how a 批复 or 复函 names the organ it answers: 你局, 你委, 你县, 你单位 (not 你们)
_YOU = lazy(r"你(局|委|厅|办|会|校|院|部|县|市|区|镇|乡|省|州|旗|单位|公司|街道|中心|所|站|队|司)(?!们)")
# the ends of a 主送 name each 你X fits
_FITS = {"局": ("局",), "委": ("委", "委员会"), "厅": ("厅",), "办": ("办", "办公室", "办公厅", "办事处"),
         "会": ("会", "联", "协"), "校": ("校", "学", "学院", "幼儿园"), "院": ("院",), "部": ("部",),
         "单位": ("",), "公司": ("公司",), "街道": ("街道", "办事处", "工委"), "中心": ("中心",), "所": ("所",),
         "站": ("站",), "队": ("队",), "司": ("司", "公司")}


def _fits(name: str, you: str) -> bool:
    """Whether the 主送 name is an organ the body could call 你``you``: `县文化广电旅游局` for 你局,
    `桑坪县人民政府` (or its committee) for 你县."""
    name = name.strip()
    if name.endswith(("）", ")")):
        name = name[:max(name.rfind("（"), name.rfind("("))].strip()
    if you in _FITS:
        return name.endswith(_FITS[you])
    # an area's government or party committee: 你县 for 桑坪县人民政府, 你镇 for 北河镇党委
    return bool(_PLACE.search(name)) and you in name and not _DEPARTMENT.search(name.rstrip("）)"))


class ReplyAddresseeMismatch(Rule):
    """A 批复 or 复函 whose body answers one kind of organ while the 主送 names another.

    ## What it does
    For a 批复 or a 函 (by the document model's 文种) with a 主送机关, reads how the body names the
    organ it answers (`你局`, `你委`, `你县`, `你单位`) and flags the 主送 line when none of the
    organs it lists is of that kind: the body answers `你局《关于……的请示》` while the 主送 is
    `市人民政府办公室：`. `你县`, `你镇` fit that area's government or committee; `你单位` fits any
    organ; a body that names two kinds is judged by each.

    ## Why is this bad?
    《党政机关公文处理工作条例》第八条（十二）: a 批复 answers the organ whose 请示 it received, and
    goes to that organ. A 主送 that names another organ sends the answer past the one who asked.

    ## Example
    ```
    市人民政府关于同意举办主题展览的批复
    市人民政府办公室：
    你局《关于举办主题展览的请示》收悉。经研究，现批复如下。
    ```

    ## Use instead
    ```
    市人民政府关于同意举办主题展览的批复
    市文化广电旅游局：
    你局《关于举办主题展览的请示》收悉。经研究，现批复如下。
    ```
    """

    code = "AD009"
    name = "reply-addressee-mismatch"
    groups = ("addressee",)
    severity = Severity.WARNING
    standard = "《党政机关公文处理工作条例》第八条（十二）"
    options = {"doctypes": DOCTYPES_OPTION}
    messages = {"default": ("{doctype}正文称“你{you}”，主送机关“{names}”却不是答复的这一机关（条例第八条（十二））",
                            ("the {doctype_en} answers 你{you} in its body, but the addressee {names!r} is not "
                             "that organ"))}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article, element, doctype in _with_addressee(ctx, self.settings["doctypes"]):
            if doctype.id not in ("reply", "letter"):
                continue
            names = [name for name in _names("".join(line.text.strip() for line in element.lines)) if name]
            if not names or any(name.startswith("各") or _PERSON_END.search(name) for name in names):
                continue
            yous = {match.group(1) for line in body_lines(article) for match in _YOU.finditer(line.text)
                    if not _quoted(line.text, match.start())}
            unfit = sorted(you for you in yous if not any(_fits(name, you) for name in names))
            if yous and unfit and len(unfit) == len(yous):
                first, last = element.lines[0], element.lines[-1]
                end = last.span.start + len(last.text.rstrip().rstrip("：:"))
                yield ctx.report(first.span.start, end, doctype=doctype.name[0], doctype_en=doctype.name[1],
                                 you="”“你".join(unfit), names="、".join(names))


RULES = [AddresseeMissing, SeveralAddressees, AddresseeForm, AddresseePerson, DepartmentToLowerGovernment,
         AddresseeNotExpected, AddresseeDirection, AddresseeNarrowerThanBody, ReplyAddresseeMismatch]
