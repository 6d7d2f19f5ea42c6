"""Signature block: a 总结, 通知, 请示 or 报告 whose closing block lacks the issuing unit or the date."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Article
from reportlint.rules.base import Rule, RuleContext
from reportlint.rules.sections import doctype_of, is_complete


def _signed_articles(ctx: RuleContext) -> Iterator[tuple[Article, str, str]]:
    """Articles whose 文种 is signed (per rulesets/data/doctypes.yaml), with its names."""
    for article in ctx.document.articles:
        doctype = doctype_of(article)
        if doctype is not None and doctype.signature:
            yield article, doctype.name[0], doctype.name[1]


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
    messages = {
        "default": ("{doctype}落款“{unit}”下缺少成文日期", "the {doctype_en} is signed {unit!r} but has no date"),
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article, zh, en in _signed_articles(ctx):
            sig = article.signature
            if sig and sig.units and sig.date is None:
                first, last = sig.units[0], sig.units[-1]
                unit = "".join(line.text for line in sig.units)
                yield ctx.report(first.span.start, last.span.end, doctype=zh, doctype_en=en, unit=unit)


class SignatureMissingUnit(Rule):
    """A closing date with no issuing unit above it.

    ## What it does
    For the signed document types, flags a 成文日期 at the end of the text with no 发文机关署名
    (a unit's name) on the lines just above it.

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
    messages = {
        "default": ("{doctype}的成文日期上方缺少发文机关署名", "the {doctype_en}'s date has no issuing unit above it"),
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article, zh, en in _signed_articles(ctx):
            sig = article.signature
            if sig and sig.date and not sig.units:
                yield ctx.report(sig.date.span.start, sig.date.span.end, doctype=zh, doctype_en=en)


class SignatureMissing(Rule):
    """A signed document type that ends with no closing block at all.

    ## What it does
    For the signed document types, notes an article whose last lines carry neither a unit's
    name nor a date; the note points at the last character of the text. Fragments (fewer
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
    messages = {"default": ("{doctype}结尾没有落款（发文机关署名和成文日期）",
                            "the {doctype_en} ends without a signature block (unit and date)")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article, zh, en in _signed_articles(ctx):
            if article.signature is None and is_complete(article):
                paragraphs = list(article.paragraphs())
                end = paragraphs[-1].span.end if paragraphs else article.span.end
                yield ctx.report(end - 1, end, doctype=zh, doctype_en=en)


RULES = [SignatureMissingDate, SignatureMissingUnit, SignatureMissing]
