"""Hand-built results of a four-file run (findings with and without fixes, a clean file, an
unreadable one), shared by the streaming tests: the goldens pin the formatters, not the rules."""

from __future__ import annotations

from reportlint.diagnostics import Applicability, Diagnostic, Fix, Severity
from reportlint.load.source import Source
from reportlint.rules.base import Rule
from reportlint.run.session import FileResult

FIRST = "关于做好2023年度xx工作的通知\n云发[]18号\n各单位：\n一、\t工作要求\n请于月底前报送\n"
SECOND = "工作总结\n今年以来，我们坚持“稳中求进”，完成了xx项任务，\n达到了预期目标\n"
CLEAN = "会议纪要\n会议研究了有关事项。\n"


class MaskedName(Rule):
    """Flags template placeholders such as ``xx``.

    ## What it does
    Finds placeholders left in the text.
    """

    code = "ZZ901"
    name = "masked-name"
    groups = ("placeholders",)
    messages = {"default": ("名称未填写：“{text}”是模板占位符", "unfilled name: {text!r} is a placeholder")}


class MissingStop(Rule):
    """Flags a paragraph without a final full stop.

    ## What it does
    Finds paragraphs that end without 。.
    """

    code = "ZZ902"
    name = "missing-final-stop"
    groups = ("punctuation",)
    severity = Severity.WARNING
    standard = "GB/T 15834-2011 4.1"
    messages = {"default": ("段末缺少句号", "missing final full stop")}


RULES = (MaskedName, MissingStop)


def _at(text: str, needle: str, nth: int = 0) -> int:
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(needle, pos + 1)
    return pos


def _masked(text: str, nth: int = 0) -> Diagnostic:
    at = _at(text, "xx", nth)
    return Diagnostic("ZZ901", "masked-name", Severity.ERROR, "名称未填写：“xx”是模板占位符", at, at + 2)


def _stop(text: str, after: str, applicability: Applicability = Applicability.SAFE) -> Diagnostic:
    at = _at(text, after) + len(after)
    return Diagnostic("ZZ902", "missing-final-stop", Severity.WARNING, "段末缺少句号", at, at,
                      Fix.replace("补上句号", at, at, "。", applicability))


def results() -> list[FileResult]:
    year = _at(FIRST, "[]")
    tab = _at(FIRST, "\t")
    first = [
        _masked(FIRST),
        Diagnostic("ZZ903", "document-number-year", Severity.ERROR, "发文字号缺少年份", year, year + 2,
                   Fix.replace("写成〔2023〕", year, year + 2, "〔2023〕", Applicability.UNSAFE)),
        Diagnostic("ZZ904", "tab-after-ordinal", Severity.INFO, "标题序号后不应有制表符", tab, tab + 1,
                   Fix.replace("删除制表符", tab, tab + 1, "", Applicability.DISPLAY)),
        _stop(FIRST, "报送"),
    ]
    second = [_masked(SECOND), _stop(SECOND, "预期目标", Applicability.UNSAFE)]
    return [
        FileResult("docs/通知.txt", Source.from_text(FIRST, path="docs/通知.txt"), None,
                   sorted(first, key=Diagnostic.sort_key)),
        FileResult("docs/总结 2023.md", Source.from_text(SECOND, path="docs/总结 2023.md"), None, second),
        FileResult("docs/纪要.txt", Source.from_text(CLEAN, path="docs/纪要.txt"), None, []),
        FileResult("docs/坏.txt", error="无法按 UTF-8 或 GB18030 解码"),
    ]


def variants() -> dict[str, object]:
    """Named result lists the goldens are made of: the whole run, one clean file, no file at all."""
    return {"all": results, "clean": lambda: results()[2:3], "none": lambda: [],
            "color": lambda: results()[:2]}
