"""Document numbers (发文字号) in the GB/T 9704-2012 7.2.5 form 机关代字〔2012〕18号."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.diagnostics import Applicability, Edit, Finding, Fix, Severity
from reportlint.rules.base import Rule, RuleContext
from reportlint.text.lazyre import finditer_at, lazy, offsets

_OPEN = "〔[［【(（﹝„〈<{｛「〖"
# 机关代字 + bracketed year + optional 第 + serial + 号; `〔5〕` glossary markers have no 号.
_BRACKETED = lazy(
    r"(?<=[\u4e00-\u9fffA-Za-z])(?P<open>[〔\[［【\(（﹝„〈<{｛「〖])[ \t]*(?P<year>(?:[0-9xX×＊*Ｘｘ]{2,4})?)[ \t]*"
    r"(?P<close>[〕\]］】\)）﹞‟〉>}｝」〗])[ \t]*(?P<di>第)?[ \t]*(?P<serial>[0-9]{1,5}|[xX×＊*Ｘｘ]{1,5})号",
    gate=("号",))
# 国办发200966号, 安委20215号: the year fused with the serial; the code must end like a 机关代字
# (the character before the year, checked in Python)
_CODE_END = "发办函字委通文令电组"
_UNBRACKETED = lazy(r"(?P<year>(?:19|20)[0-9]{2})[ \t]?(?P<serial>[0-9]{1,4})号")
_GOOD_YEAR = lazy(r"(?:19|20)[0-9]{2}")


class DocNumber:
    """One bracketed 发文字号; offsets of its parts in the text."""

    __slots__ = ("start", "end", "open", "close", "open_at", "close_at", "year", "year_start",
                 "year_end", "di_at", "serial", "serial_start")

    def __init__(self, text: str, open_at: int, year_start: int, year_end: int, close_at: int,
                 di_at: int | None, serial_start: int, end: int) -> None:
        self.start, self.end = open_at, end
        self.open, self.close = text[open_at], text[close_at]
        self.open_at, self.close_at = open_at, close_at
        self.year, self.year_start, self.year_end = text[year_start:year_end], year_start, year_end
        self.di_at = di_at
        self.serial, self.serial_start = text[serial_start:end - 1], serial_start

    @property
    def text(self) -> str:
        return f"{self.open}{self.year}{self.close}"


def find_doc_numbers(text: str) -> list[DocNumber]:
    if not _BRACKETED.admits(text):
        return []
    return [DocNumber(text, m.start(), m.start("year"), m.end("year"), m.start("close"),
                      m.start("di") if m["di"] else None, m.start("serial"), m.end())
            for m in finditer_at(_BRACKETED, text, offsets(text, _OPEN))]  # a match opens with a bracket


def unbracketed(text: str) -> Iterator[re.Match[str]]:
    """Numbers whose year is fused with the serial, right after a character that ends a 机关代字."""
    if "号" not in text:
        return iter(())
    starts = (at + 1 for at in offsets(text, _CODE_END) if text.startswith(("19", "20"), at + 1))
    return finditer_at(_UNBRACKETED, text, starts)


def _numbers(ctx: RuleContext) -> list[DocNumber]:
    return ctx.shared("docnumbers", lambda: find_doc_numbers(ctx.text))


def _year_ok(number: DocNumber) -> bool:
    return bool(_GOOD_YEAR.fullmatch(number.year))


class DocNumberBrackets(Rule):
    """A 发文字号 whose year is not in 六角括号: `楚教通[2022]17号`, `﹝2017﹞`, `【2023】`.

    ## What it does
    Flags `[]`, `［］`, `【】`, `()`, `（）`, `﹝﹞` and `„‟` around the year of a document
    number (a 机关代字 followed by a bracketed year, a serial and 号). Note markers such as
    `〔5〕` or `［1］` have no 号 and are not document numbers.

    ## Why is this bad?
    GB/T 9704-2012 7.2.5 writes the year in 六角括号 `〔〕`. Square brackets, lenticular
    brackets and the look-alikes `﹝﹞` and `„‟` (left by font or encoding conversion) are easy
    to miss on screen but wrong in print.

    ## Example
    ```
    根据《关于做好秋季开学工作的通知》（楚教通[2022]17号）要求……
    ```

    ## Use instead
    ```
    根据《关于做好秋季开学工作的通知》（楚教通〔2022〕17号）要求……
    ```

    ## Fix safety
    Safe when the year is four digits: only the two bracket characters change. No fix is
    offered when the year is missing or masked (see DN002).
    """

    code = "DN001"
    name = "doc-number-brackets"
    groups = ("docnumbers",)
    severity = Severity.WARNING
    fixable = Applicability.SAFE
    standard = "GB/T 9704-2012 7.2.5"
    messages = {"default": ("发文字号年份应使用六角括号“〔〕”，而不是“{open}{close}”",
                            "the year of a document number goes in 〔〕, not {open}{close}")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for number in _numbers(ctx):
            if number.open == "〔" and number.close == "〕":
                continue
            fix = None
            if _year_ok(number):
                fix = Fix("改为六角括号〔〕", (Edit(number.open_at, number.open_at + 1, "〔"),
                                          Edit(number.close_at, number.close_at + 1, "〕")))
            yield ctx.report(number.open_at, number.close_at + 1, open=number.open,
                             close=number.close, fix=fix)


class DocNumberYear(Rule):
    """A 发文字号 with an empty, masked or two-digit year: `云发[]18号`, `【**】`, `〔20xx〕`, `〔23〕`.

    ## What it does
    Flags the bracketed year of a document number unless it is four digits.

    ## Why is this bad?
    GB/T 9704-2012 7.2.5 requires the full year. An empty bracket means the year was deleted
    by the site the text came from or never filled in; the cited document cannot be found.

    ## Example
    ```
    根据省委《关于开展联系群众工作的意见》（云发[]18号）精神……
    ```

    ## Use instead
    ```
    根据省委《关于开展联系群众工作的意见》（云发〔2012〕18号）精神……
    ```
    """

    code = "DN002"
    name = "doc-number-year"
    groups = ("docnumbers",)
    severity = Severity.ERROR
    standard = "GB/T 9704-2012 7.2.5"
    messages = {
        "default": ("发文字号缺少年份：“{text}”", "the document number has no year: {text!r}"),
        "masked": ("发文字号年份未填写：“{text}”", "the document number's year is masked: {text!r}"),
        "short": ("发文字号年份应写全四位：“{text}”", "write the document number's year in full: {text!r}"),
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for number in _numbers(ctx):
            if _year_ok(number):
                continue
            if not number.year:
                key = "default"
            elif re.fullmatch(r"[0-9]{2}", number.year):
                key = "short"
            else:
                key = "masked"
            yield ctx.report(number.open_at, number.close_at + 1, key, text=number.text)


class DocNumberOrdinalPrefix(Rule):
    """A 发文字号 serial written with 第: `国发〔2023〕第5号`.

    ## What it does
    Flags `第` between the bracketed year and the serial number.

    ## Why is this bad?
    GB/T 9704-2012 7.2.5: the serial number takes no 第 (“发文顺序号不加‘第’字”).

    ## Example
    ```
    国发〔2023〕第5号
    ```

    ## Use instead
    ```
    国发〔2023〕5号
    ```

    ## Fix safety
    Safe: the `第` is removed and nothing else changes.
    """

    code = "DN003"
    name = "doc-number-ordinal-prefix"
    groups = ("docnumbers",)
    severity = Severity.WARNING
    fixable = Applicability.SAFE
    standard = "GB/T 9704-2012 7.2.5"
    messages = {"default": ("发文字号序号前不加“第”字", "no 第 before the serial of a document number")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for number in _numbers(ctx):
            if number.di_at is not None:
                yield ctx.report(number.di_at, number.di_at + 1,
                                 fix=Fix.replace("删去“第”", number.di_at, number.di_at + 1, ""))


class DocNumberLeadingZero(Rule):
    """A 发文字号 serial with a leading zero (虚位): `〔2023〕02号`.

    ## What it does
    Flags zeros in front of the serial number of a document number.

    ## Why is this bad?
    GB/T 9704-2012 7.2.5: the serial number is not padded (“不编虚位”), so `2号`, not `02号`.

    ## Example
    ```
    凤文明办〔2023〕02号
    ```

    ## Use instead
    ```
    凤文明办〔2023〕2号
    ```

    ## Fix safety
    Safe: only the leading zeros are removed.
    """

    code = "DN004"
    name = "doc-number-leading-zero"
    groups = ("docnumbers",)
    severity = Severity.WARNING
    fixable = Applicability.SAFE
    standard = "GB/T 9704-2012 7.2.5"
    messages = {"default": ("发文字号序号“{serial}”不编虚位，应为“{want}”",
                            "document number serial {serial!r} is zero-padded; write {want!r}")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for number in _numbers(ctx):
            serial = number.serial
            if len(serial) > 1 and serial.startswith("0") and serial.isdigit():
                want = serial.lstrip("0") or "0"
                start = number.serial_start
                zeros = len(serial) - len(want)
                yield ctx.report(start, start + len(serial), serial=serial, want=want,
                                 fix=Fix.replace("删去序号前的0", start, start + zeros, ""))


class DocNumberWithoutBrackets(Rule):
    """A 发文字号 with the brackets dropped, the year fused to the serial: `国办发200966号`.

    ## What it does
    Flags a 机关代字 ending in 发, 办, 函, 字, 委, 通, 文, 令, 电 or 组 directly followed by a
    four-digit year and a serial number with 号 but no brackets.

    ## Why is this bad?
    Without `〔〕` the year runs into the serial: `200966号` could be number 966 of 2006 or
    number 66 of 2009, and the document cannot be looked up.

    ## Example
    ```
    按照国务院办公厅（国办发200966号）文件要求……
    ```

    ## Use instead
    ```
    按照国务院办公厅（国办发〔2009〕66号）文件要求……
    ```

    ## Fix safety
    Unsafe: the fix assumes the first four digits are the year.
    """

    code = "DN005"
    name = "doc-number-without-brackets"
    groups = ("docnumbers",)
    severity = Severity.WARNING
    fixable = Applicability.UNSAFE
    standard = "GB/T 9704-2012 7.2.5"
    messages = {"default": ("发文字号缺少六角括号：“{text}”应为“{want}”",
                            "document number {text!r} lacks its brackets; write {want!r}")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for m in unbracketed(ctx.text):
            want = f"〔{m.group('year')}〕{m.group('serial')}号"
            fix = Fix.replace("补上六角括号", m.start(), m.end(), want, Applicability.UNSAFE)
            yield ctx.report(m.start(), m.end(), text=m.group(0), want=want, fix=fix)


# a 版头 line that is a whole 发文字号 but for its year or its 号: 东农发12号, 东农发〔2025〕12
_HEAD_NO_YEAR = lazy(r"^(?P<code>[\u4e00-\u9fff]{2,10}?)(?P<di>第)?(?P<serial>[0-9]{1,4})号$")
_HEAD_NO_HAO = lazy(r"^[\u4e00-\u9fff]{2,10}[〔\[［【(（][0-9]{4}[〕\]］】)）][ \t]*(?P<serial>[0-9]{1,4})$")
# a line shaped like a 发文字号 (a bracket or a year, a serial, 号) and the standard form itself
_HEAD_NUMBERISH = lazy(r"^[\u4e00-\u9fffA-Za-z][^，,。；;：:]{0,13}(?:[〔［\[（(【〈<{｛「〖]|年)"
                       r"[^，,。；;：:]{1,12}号$")
_STANDARD = lazy(r"^[\u4e00-\u9fffA-Za-z]{1,14}〔(?:19|20)[0-9]{2}〕[1-9][0-9]{0,4}号$")
# a 公告's or 令's own numbering (2025年第3号, 〔2025〕第3号 is DN003's): not a 发文字号
_ANNOUNCEMENT = lazy(r"(?:^|年)第[0-9一二三四五六七八九十百]{1,5}号$")
_HEAD_LINES = 8  # the 版头 stands above the title, within the first lines
_SIGNER_TAIL = lazy(r"[ \t\u3000]+签[ \t\u3000]*发[ \t\u3000]*人[ \t\u3000]*[:：].*$")


def _head_lines(ctx: RuleContext) -> Iterator[tuple[int, str]]:
    """(offset, text) of the document's first short lines, where the 版头 stands (a line of
    prose ends it: the 版头 lines are short)."""
    for line in ctx.document.lines[:_HEAD_LINES]:
        stripped = line.text.strip(" \t\u3000")
        if len(stripped) > 40 or stripped.endswith(("。", "：", ":")):
            break
        text = _SIGNER_TAIL.sub("", stripped)
        yield line.span.start + len(line.text) - len(line.text.lstrip(" \t\u3000")), text


class DocNumberHeadForm(Rule):
    """A 发文字号 in the 版头 without its year or without `号`: `东农发12号`, `东农发〔2025〕12`.

    ## What it does
    Flags a line above the title that is a whole 发文字号 (a 机关代字 and a serial, optionally
    with 签发人 after it) but leaves out the bracketed year, ends with the serial and no `号`, or
    is otherwise out of form where DN001–DN005 do not read it: `〔2025年〕`, a year or serial in
    Chinese numerals (`〔二〇二五〕`, `十二号`), spaces inside. A number without a 机关代字
    (`〔2025〕9号` under a 纪要's title) is a 纪要's own and is not judged.
    A 令号 (`第3号` alone, `县人民政府令第3号`) takes no year and is not judged.

    ## Why is this bad?
    GB/T 9704-2012 7.2.5: the 发文字号 is 发文机关代字, the year in 六角括号 and the serial
    followed by `号` (`国发〔2012〕18号`). Without the year the number is ambiguous from one year
    to the next; without `号` it is not read as a number.

    ## Example
    ```
    东川县农业农村局文件
    东农发12号
    东川县农业农村局关于做好秋季病虫害防治工作的通知
    ```

    ## Use instead
    ```
    东川县农业农村局文件
    东农发〔2025〕12号
    东川县农业农村局关于做好秋季病虫害防治工作的通知
    ```
    """

    code = "DN006"
    name = "doc-number-head-form"
    groups = ("docnumbers",)
    severity = Severity.WARNING
    standard = "GB/T 9704-2012 7.2.5"
    messages = {
        "default": ("发文字号“{text}”缺少年份，应写作“机关代字〔年份〕序号号”（GB/T 9704-2012 7.2.5）",
                    "the document number {text!r} has no year: write code〔year〕serial号 (GB/T 9704-2012 7.2.5)"),
        "hao": ("发文字号“{text}”的序号后缺少“号”字（GB/T 9704-2012 7.2.5）",
                "the document number {text!r} has no 号 after its serial (GB/T 9704-2012 7.2.5)"),
        "form": ("发文字号“{text}”应写作“机关代字〔年份〕序号号”，年份和序号用阿拉伯数字，中间不空格"
                 "（GB/T 9704-2012 7.2.5）",
                 "the document number {text!r} reads code〔year〕serial号, in Arabic numerals, without spaces "
                 "(GB/T 9704-2012 7.2.5)"),
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for start, text in _head_lines(ctx):
            if len(text) > 20:
                continue
            match = _HEAD_NO_YEAR.match(text)
            if (match is not None and not match["code"].endswith("令") and "第" not in match["code"]
                    and not text.startswith("第")):  # 第3号, 某县人民政府令第3号, 总第125号: other numbers
                yield ctx.report(start, start + len(text), text=text)
            elif _HEAD_NO_HAO.match(text) is not None:
                yield ctx.report(start, start + len(text), "hao", text=text)
            elif (_HEAD_NUMBERISH.match(text) and not _STANDARD.match(text) and not _ANNOUNCEMENT.search(text)
                  and not find_doc_numbers(text) and not any(True for _ in unbracketed(text))):
                yield ctx.report(start, start + len(text), "form", text=text)


RULES = [DocNumberBrackets, DocNumberYear, DocNumberOrdinalPrefix, DocNumberLeadingZero,
         DocNumberWithoutBrackets, DocNumberHeadForm]
