"""版记 (GB/T 9704-2012 7.4): the 抄送 line, the 印发机关和印发日期 line, their order, and the
印发日期 against the 成文日期."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Applicability, Finding, Fix, Severity
from reportlint.model import Article, Element, Line, Paragraph, Section
from reportlint.rules.base import Rule, RuleContext
from reportlint.text.lazyre import lazy
from reportlint.text.ymd import full_date

_BLANKS = " \t\u3000"
# organs separated by spaces only: 县财政局　县审计局 (the space between two names' characters)
_SPACED = lazy(r"(?<=[\u4e00-\u9fff）)])([ \t\u3000]+)(?=[\u4e00-\u9fff（(])")
_LOOSE_COPIES = lazy(r"[ \t\u3000]*抄[ \t\u3000]*[送报](?![：:])")
_LOOSE_PRINTED = lazy(r".{2,30}?(?:[0-9]{4}|[〇○零一二三四五六七八九]{4})\s*年.{1,6}日\s*印发|.{2,30}印发$")


# a date written with Chinese numerals, or a month or day with a leading zero (2024年05月06日)
_BAD_NUMERALS = lazy(r"[〇○零一二三四五六七八九十]|年[ \t]*0[0-9]|月[ \t]*0[0-9]")


def _copies(article: Article) -> list[Element]:
    return article.elements_of("copies_to")


class CopiesToForm(Rule):
    """A 抄送 line not in its standard form `抄送：A，B，C。`.

    ## What it does
    Flags, in the 抄送 line of the 版记, organs separated by 顿号, semicolons or spaces instead
    of commas, a list that ends with a comma or a 顿号 (`抄送：县财政局，`), and a half-width
    colon after `抄送` (a missing one is IM002's; a missing final full stop is IM005's). A 纪要's
    `分送` line often names people (`县人大常委会主任、副主任`): its 顿号 are not reported.

    ## Why is this bad?
    GB/T 9704-2012 7.4.2: the 抄送机关 follow `抄送` and a full-width colon, separated by
    commas, with a full stop after the last one.

    ## Example
    ```
    抄送：县应急管理局、县财政局
    ```

    ## Use instead
    ```
    抄送：县应急管理局，县财政局。
    ```

    ## Fix safety
    Replacing the separators and the colon is safe: the line lists organs only.
    """

    code = "IM001"
    name = "copies-to-form"
    groups = ("imprint",)
    severity = Severity.WARNING
    fixable = Applicability.SAFE
    standard = "GB/T 9704-2012 7.4.2"
    messages = {
        "default": ("抄送机关之间应用逗号“，”隔开，不用“{mark}”（GB/T 9704-2012 7.4.2）",
                    "organs in the 抄送 line are separated by '，', not {mark!r} (GB/T 9704-2012 7.4.2)"),
        "colon": ("“抄送”后应为全角冒号“：”（GB/T 9704-2012 7.4.2）",
                  "'抄送' takes a full-width colon (GB/T 9704-2012 7.4.2)"),
        "trailing": ("抄送机关列表以“{mark}”结尾：最后一个抄送机关后应为句号“。”（GB/T 9704-2012 7.4.2）",
                     "the 抄送 list ends with {mark!r}: the last organ takes '。' (GB/T 9704-2012 7.4.2)"),
        "spaces": ("抄送机关之间应用逗号“，”隔开，不用空格（GB/T 9704-2012 7.4.2）",
                   "organs in the 抄送 line are separated by '，', not spaces (GB/T 9704-2012 7.4.2)"),
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article in ctx.document.articles:
            for element in _copies(article):
                first = element.lines[0]
                colon = first.text.find("：")
                half = first.text.find(":")
                if element.field("no-colon"):  # 抄送县委办公室、县财政局: the missing colon is IM002's
                    colon = first.text.find("送")
                elif half >= 0 and (colon < 0 or half < colon):
                    at = first.span.start + half
                    yield ctx.report(at, at + 1, "colon", fix=Fix.replace("改为全角冒号", at, at + 1, "："))
                    colon = half
                # a 纪要's 分送 names people and groups (县人大常委会主任、副主任; 各临床、医技科室)
                people = element.field("label") == "分送"
                for index, line in enumerate(element.lines):
                    base = colon + 1 if index == 0 else 0
                    text = line.text.rstrip(_BLANKS)
                    last = index == len(element.lines) - 1
                    for offset, char in enumerate(text[base:], base):
                        at = line.span.start + offset
                        if last and offset == len(text) - 1 and char in "，、；;,":
                            yield ctx.report(at, at + 1, "trailing", mark=char,
                                             fix=Fix.replace("改为句号", at, at + 1, "。"))
                        elif char in "、；;," and not (people and char == "、"):
                            yield ctx.report(at, at + 1, mark=char, fix=Fix.replace("改为逗号", at, at + 1, "，"))
                    for match in _SPACED.finditer(text, base):
                        at = line.span.start + match.start(1)
                        yield ctx.report(at, at + len(match.group(1)), "spaces",
                                         fix=Fix.replace("改为逗号", at, at + len(match.group(1)), "，"))


class CopiesToFinalStop(Rule):
    """A 抄送 line without the full stop after its last organ: `抄送：县财政局，县审计局`.

    ## What it does
    Notes a 抄送 line of the 版记 whose last organ is not followed by `。`. Informational:
    many offices' templates drop the stop, and the line is still read correctly.

    ## Why is this bad?
    GB/T 9704-2012 7.4.2: a full stop follows the last 抄送机关.

    ## Example
    ```
    抄送：县财政局，县审计局
    ```

    ## Use instead
    ```
    抄送：县财政局，县审计局。
    ```

    ## Fix safety
    Adding the full stop is safe.
    """

    code = "IM005"
    name = "copies-to-final-stop"
    groups = ("imprint",)
    severity = Severity.INFO
    fixable = Applicability.SAFE
    standard = "GB/T 9704-2012 7.4.2"
    messages = {"default": ("最后一个抄送机关后应加句号“。”（GB/T 9704-2012 7.4.2）",
                            "the 抄送 line ends with '。' after the last organ (GB/T 9704-2012 7.4.2)")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article in ctx.document.articles:
            for element in _copies(article):
                last = element.lines[-1]
                text = last.text.rstrip()
                if text and text[-1] not in "。：:，、；;,":  # a trailing separator is IM001's
                    end = last.span.start + len(text)
                    yield ctx.report(end - 1, end, fix=Fix.replace("补句号", end, end, "。"))


def _ends_document(ctx: RuleContext, element: Element) -> bool:
    """Nothing but blank lines follows the element: the document was given to its end."""
    return not ctx.text[element.span.end:].strip()


class PrintedByForm(Rule):
    """An 印发 line without its office or its date, or with the date first: `2024年5月6日印发` alone.

    ## What it does
    Flags the 印发机关和印发日期 line of the 版记 when it lacks the 印发机关 or the 印发日期
    (`县政府办公室    印发`), puts the date before the office (`2024年5月6日印发    县政府办公室`)
    or cannot be read (`2024.5.6印发`), splits office and date over two lines, writes the date in
    Chinese numerals or with leading zeros
    (`二〇二四年五月六日印发`, `2024年05月06日印发`), or leaves out the word `印发` (the last line
    under a 抄送 or 分送 line: `县政府办公室    2024年5月6日`), and a 抄送 line with no colon at
    all (`抄送县财政局`). A document that ends with its 抄送 line and has no 印发 line at all is
    reported on its title (the part is missing) — but a 函, whose 信函格式 has no 印发 line
    (GB/T 9704-2012 10.1).

    ## Why is this bad?
    GB/T 9704-2012 7.4.3: the 印发机关 (left) and the 印发日期 followed by `印发` (right) share
    one line; both are needed to trace who produced the copies and when.

    ## Example
    ```
    2024年5月6日印发
    ```

    ## Use instead
    ```
    河口县人民政府办公室  2024年5月6日印发
    ```
    """

    code = "IM002"
    name = "printed-by-form"
    groups = ("imprint",)
    severity = Severity.WARNING
    standard = "GB/T 9704-2012 7.4.3"
    messages = {
        "default": ("印发机关和印发日期应同行写全：此行缺少{part}（GB/T 9704-2012 7.4.3）",
                    "the 印发 line needs both the office and the date: {part_en} is missing (GB/T 9704-2012 7.4.3)"),
        "loose": ("印发机关和印发日期应写作“印发机关　××××年×月×日印发”：此行缺少印发机关或印发日期写法不规范"
                  "（GB/T 9704-2012 7.4.3）",
                  "the 印发 line reads '<office>  <year>年<month>月<day>日印发': the office is missing or the date is "
                  "malformed (GB/T 9704-2012 7.4.3)"),
        "reversed": ("印发机关应居左、印发日期居右：此行日期在前（GB/T 9704-2012 7.4.3）",
                     "the 印发 line puts the office on the left and the date on the right (GB/T 9704-2012 7.4.3)"),
        "copies": ("“抄送”后缺少全角冒号“：”（GB/T 9704-2012 7.4.2）",
                   "'抄送' needs a full-width colon after it (GB/T 9704-2012 7.4.2)"),
        "absent": ("版记有抄送行，却缺少印发机关和印发日期一行（GB/T 9704-2012 7.4.3）",
                   "the 版记 has a 抄送 line but no line with the printing office and date (GB/T 9704-2012 7.4.3)"),
        "split": ("印发机关和印发日期应在同一行：印发机关居左、印发日期居右（GB/T 9704-2012 7.4.3）",
                  "the printing office and date share one line, office left, date right (GB/T 9704-2012 7.4.3)"),
        "word": ("印发日期后缺少“印发”二字（GB/T 9704-2012 7.4.3）",
                 "the printing date needs '印发' after it (GB/T 9704-2012 7.4.3)"),
        "numerals": ("印发日期“{date}”应用阿拉伯数字将年、月、日标全，月、日不编虚位（GB/T 9704-2012 7.4.3）",
                     "write the printing date {date!r} in Arabic numerals, without leading zeros "
                     "(GB/T 9704-2012 7.4.3)"),
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article in ctx.document.articles:
            copies = _copies(article)
            # a 函 in the 信函格式 carries no 印发 line (GB/T 9704-2012 10.1)
            letter = article.doctype is not None and article.doctype.id == "letter"
            if (copies and not article.elements_of("printed_by") and article.title is not None and not letter
                    and not article.is_attachment and _ends_document(ctx, copies[-1])):
                title = article.title
                yield ctx.report(title.span.start, title.span.end, "absent")
            for element in article.elements_of("printed_by"):
                unit = (element.field("unit") or "").strip()
                line = element.lines[0]
                if element.field("loose"):
                    yield ctx.report(line.span.start, line.span.end, "loose")
                elif element.field("reversed"):
                    yield ctx.report(line.span.start, line.span.end, "reversed")
                elif not unit:
                    yield ctx.report(line.span.start, line.span.end, part="印发机关", part_en="the office")
                elif not element.field("date"):
                    yield ctx.report(line.span.start, line.span.end, part="印发日期", part_en="the date")
                elif element.field("split"):
                    last = element.lines[-1]
                    yield ctx.report(line.span.start, last.span.end, "split")
                elif element.field("no-word"):
                    yield ctx.report(line.span.start, line.span.end, "word")
                elif _BAD_NUMERALS.search(element.field("date") or ""):
                    date = (element.field("date") or "").strip()
                    yield ctx.report(line.span.start, line.span.end, "numerals", date=date)
        tail = ctx.document.lines[-6:]
        element_lines = {line.number for article in ctx.document.articles
                         for element in article.elements for line in element.lines}
        for article in ctx.document.articles:
            for element in _copies(article):
                if element.field("no-colon"):  # read as the 抄送 line right above the 印发 line
                    line = element.lines[0]
                    yield ctx.report(line.span.start, line.span.end, "copies")
        for line in tail:
            if line.number in element_lines:
                continue
            text = line.text.strip()
            if _LOOSE_COPIES.match(line.text) and len(text) < 120 and "。" not in text[:-1]:
                yield ctx.report(line.span.start, line.span.end, "copies")
            elif text.endswith("印发") and len(text) <= 40 and full_date(text) is None:
                yield ctx.report(line.span.start, line.span.end, part="印发日期", part_en="the date")


class ImprintOrder(Rule):
    """A 版记 with the 印发 line above the 抄送 line.

    ## What it does
    Flags a 抄送 line that comes after the 印发机关和印发日期 line: the finding spans the pair, from
    the 印发 line down to the 抄送 line.

    ## Why is this bad?
    GB/T 9704-2012 7.4.1: in the 版记 the 抄送机关 come first and the 印发机关和印发日期 last,
    on the bottom line of the last page.

    ## Example
    ```
    河口县人民政府办公室  2024年5月6日印发
    抄送：县委办公室，县人大常委会办公室。
    ```

    ## Use instead
    ```
    抄送：县委办公室，县人大常委会办公室。
    河口县人民政府办公室  2024年5月6日印发
    ```
    """

    code = "IM003"
    name = "imprint-order"
    groups = ("imprint",)
    severity = Severity.WARNING
    standard = "GB/T 9704-2012 7.4.1"
    messages = {"default": ("版记中抄送应在印发机关和印发日期之前（GB/T 9704-2012 7.4.1）",
                            "in the 版记 the 抄送 line comes before the 印发 line (GB/T 9704-2012 7.4.1)")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article in ctx.document.articles:
            printed = article.elements_of("printed_by")
            if not printed:
                continue
            for element in _copies(article):
                if element.lines[0].number > printed[0].lines[0].number:
                    # the defect is the pair of lines: from the 印发 line down to the 抄送 line
                    yield ctx.report(printed[0].span.start, element.lines[0].span.end)


def _first_lines(children: tuple[Section | Paragraph, ...], count: int) -> list[Line]:
    """The first ``count`` lines of the body, headings included."""
    out: list[Line] = []
    for child in children:
        if len(out) >= count:
            break
        if isinstance(child, Section):
            out.append(child.heading.line)
            out.extend(_first_lines(child.children, count - len(out)))
        else:
            out.append(child.line)
    return out[:count]


def _signed_line(article: Article) -> Line | None:
    """The line with the 成文日期: the 落款's date, else (a 纪要, a 简报) the 版头 line under the
    title that gives the issuing office and the date (`某某县人民政府办公室    2025年8月22日`)."""
    sig = article.signature
    if sig is not None and sig.date is not None:
        return sig.date
    for line in _first_lines(article.children, 3):
        text = line.text.strip()
        if len(text) <= 40 and text.endswith("日") and not any(c in text for c in "，,。；") and full_date(text):
            return line
    return None


def _date_text(text: str) -> str:
    date = full_date(text)
    return "{}年{}月{}日".format(*date) if date else text.strip()


class PrintedBeforeSigned(Rule):
    """An 印发日期 earlier than the 成文日期.

    ## What it does
    Compares the date of the 印发 line with the 成文日期 under the 落款 (for a 纪要 without a
    落款, the date beside the issuing office under the title) and flags the 印发 line when it
    is earlier.

    ## Why is this bad?
    GB/T 9704-2012 7.4.3: the 印发日期 is the day the document was sent to print, which comes
    after it was signed (7.3.5); an earlier date is a typing slip or a left-over.

    ## Example
    ```
    河口县林业局
    2024年3月8日
    ……
    河口县林业局办公室  2024年3月6日印发
    ```

    ## Use instead
    ```
    河口县林业局办公室  2024年3月8日印发
    ```
    """

    code = "IM004"
    name = "printed-before-signed"
    groups = ("imprint",)
    severity = Severity.WARNING
    standard = "GB/T 9704-2012 7.4.3"
    messages = {"default": ("印发日期{printed}早于成文日期{signed}（GB/T 9704-2012 7.4.3）",
                            "the printing date {printed} is earlier than the date signed {signed}")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article in ctx.document.articles:
            dated = _signed_line(article)
            signed = full_date(dated.text) if dated is not None else None
            if dated is None or signed is None:
                continue
            for element in article.elements_of("printed_by"):
                printed = full_date(element.field("date") or element.text)
                if printed is not None and printed < signed:
                    line = element.lines[0]
                    yield ctx.report(line.span.start, line.span.end, printed="{}年{}月{}日".format(*printed),
                                     signed=_date_text(dated.text))


def _organ_key(name: str) -> str:
    name = name.strip(" \t\u3000。.：:")
    return name.replace("人民政府", "政府").replace("委员会", "委").replace("中国共产党", "中共")


def _same_organ(a: str, b: str) -> bool:
    """The same organ by its full or standard short name (县人民政府 = 县政府; 县财政局 ⊂ 青山县财政局)."""
    x, y = _organ_key(a), _organ_key(b)
    return bool(x) and (x == y or (len(min(x, y, key=len)) >= 4 and (x.endswith(y) or y.endswith(x))))


_ORGAN_END = lazy(r"(?:局|委|办|院|府|部|厅|处|室|所|站|中心|公司|集团|学校|单位|部门|党委|党组|政府|委员会|办公室|"
                  r"街道|社区|镇|乡)$")
_LIST_SPLIT = lazy(r"[，,、；;]")


def _addressees(article: Article) -> list[str]:
    """The 主送机关: the model's, else the line under the title when it lists organs and ends
    in a colon, a comma or a semicolon (a slip that keeps the model from taking it:
    `市文化广电旅游局，`), or
    names one organ alone (its colon lost)."""
    addressee = article.element("addressee")
    if addressee is not None:
        return [item.text for item in addressee.items]
    first = _first_lines(article.children, 1)
    if article.title is None or not first or first[0].number > article.title.number + 2:
        return []
    text = first[0].text.strip()
    if len(text) <= 30 and _ORGAN_END.search(text) and not any(c in text for c in "，,、；;。：:（(　 "):
        return [text]  # one organ alone under the title, its colon lost (a 函's `某市自然资源和规划局`)
    if len(text) > 60 or "。" in text or not text.endswith(("：", ":", "，", ",", "；", ";")):
        return []
    names = [name.strip() for name in _LIST_SPLIT.split(text[:-1]) if name.strip()]
    return names if names and all(_ORGAN_END.search(name) for name in names) else []


class CopiesToRepeatsAddressee(Rule):
    """A 抄送机关 that is already a 主送机关 of the document.

    ## What it does
    Compares each organ of the 抄送 line with the 主送机关 under the title and flags one that
    is named in both (by its full or a standard short name). A 主送 line that lost its colon is
    read when it names one organ alone (a 函's `某市自然资源和规划局`) or ends in a comma.

    ## Why is this bad?
    GB/T 9704-2012 7.3.2 and 7.4.2: the 主送机关 are the organs that must deal with the
    document, the 抄送机关 others that need to know about it. An organ cannot be both; the
    document would reach it twice with two different duties.

    ## Example
    ```
    各乡镇人民政府，县水务局：
    ……
    抄送：县委办公室，县水务局。
    ```

    ## Use instead
    ```
    各乡镇人民政府，县水务局：
    ……
    抄送：县委办公室。
    ```
    """

    code = "IM006"
    name = "copies-to-repeats-addressee"
    groups = ("imprint",)
    severity = Severity.WARNING
    standard = "GB/T 9704-2012 7.3.2、7.4.2"
    messages = {"default": ("“{unit}”已是主送机关，不应再列为抄送机关（GB/T 9704-2012 7.4.2）",
                            "{unit!r} is a 主送机关 already and is not also a 抄送机关 (GB/T 9704-2012 7.4.2)")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article in ctx.document.articles:
            primary = _addressees(article)
            if not primary:
                continue
            for element in _copies(article):
                for item in element.items:
                    if not any(_same_organ(item.text, name) for name in primary):
                        continue
                    line, name = item.line, item.text.strip(" \t\u3000。.")
                    at = next((ln for ln in element.lines if name in ln.text), line)
                    start = at.span.start + max(at.text.find(name), 0)
                    yield ctx.report(start, start + len(name), unit=name)


class ImprintAboveAttachments(Rule):
    """A 版记 placed above the 落款 or the attached parts (`附件1` …) instead of at the very end.

    ## What it does
    Flags the first line of a 版记 (the 抄送 line or the 印发 line) when the 落款 or an attached
    part (`附件1`, `附件`) follows it.

    ## Why is this bad?
    GB/T 9704-2012 7.4.1 and 8: the 版记 sits on the last page, after every attachment; the
    attachments follow the 正文 and the 附注. A 版记 in the middle leaves the attachments outside
    the document the 印发 line closes.

    ## Example
    ```
    县林业局
    2024年3月8日
    抄送：县财政局。
    县林业局办公室  2024年3月8日印发
    附件
    2024年度造林任务分解表
    ```

    ## Use instead
    ```
    县林业局
    2024年3月8日
    附件
    2024年度造林任务分解表
    抄送：县财政局。
    县林业局办公室  2024年3月8日印发
    ```
    """

    code = "IM007"
    name = "imprint-above-attachments"
    groups = ("imprint",)
    severity = Severity.WARNING
    standard = "GB/T 9704-2012 7.4.1、8"
    messages = {"default": ("版记应置于附件之后、公文最后：此处之后还有“{label}”（GB/T 9704-2012 7.4.1）",
                            "the 版记 comes last, after the attachments: {label!r} follows it (GB/T 9704-2012 7.4.1)"),
                "signature": ("版记应置于公文最后：此处之后还有落款（GB/T 9704-2012 7.4.1）",
                              "the 版记 comes last: the signature follows it (GB/T 9704-2012 7.4.1)")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article in ctx.document.articles:
            imprint = [e for e in article.elements if e.kind in ("copies_to", "printed_by")]
            if not imprint:
                continue
            first = min((e.lines[0] for e in imprint), key=lambda line: line.number)
            sig = article.signature
            signed = [line for line in (sig.units if sig else ()) + ((sig.date,) if sig and sig.date else ())]
            if signed and min(line.span.start for line in signed) > first.span.end:
                yield ctx.report(first.span.start, first.span.end, "signature")
                continue
            later = [part for part in article.attachments if part.span.start > first.span.end]
            if later:
                label = later[0].marker_label or "附件"
                yield ctx.report(first.span.start, first.span.end, label=label)


RULES = [CopiesToForm, PrintedByForm, ImprintOrder, PrintedBeforeSigned, CopiesToFinalStop,
         CopiesToRepeatsAddressee, ImprintAboveAttachments]
