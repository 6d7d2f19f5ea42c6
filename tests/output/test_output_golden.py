"""Golden files for the human formats on wide characters: carets under the exact span, long lines elided.

The findings are built by hand so the goldens pin the formatters, not the rules. After an intended
change, regenerate with ``REPORTLINT_UPDATE_GOLDEN=1 pytest tests/output/test_output_golden.py`` and review the diff.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from reportlint.diagnostics import Applicability, Diagnostic, Fix, Severity
from reportlint.formatters import concise, full
from reportlint.formatters.common import Options
from reportlint.load.source import Source
from reportlint.run.session import FileResult
from reportlint.text.chars import display_width

GOLDEN = Path(__file__).resolve().parent / "golden"

LONG = ("为进一步加强社区服务体系建设，提升基层治理能力，" * 6 + "经研究决定在xx街道开展试点，"
        + "切实把各项惠民举措落到实处，让群众有更多获得感。" * 6)
TAIL = "围绕年度目标任务，各单位要细化分工、压实责任、加强调度，" * 5 + "确保按期完成xx"
TEXT = "\n".join([
    "关于做好2023年度社区服务工作的通知",
    "云发[]18号",
    "各街道办事处：",
    LONG,
    TAIL,
    "一、\t工作\u200b要求：xx社区",
    "跨行的问题从这里开始",
    "到这里结束。",
    "请于月底前报送",
    "",
])


def at(needle: str, nth: int = 0) -> int:
    pos = -1
    for _ in range(nth + 1):
        pos = TEXT.index(needle, pos + 1)
    return pos


def results() -> list[FileResult]:
    source = Source.from_text(TEXT, path="通知.txt")
    year = at("[]")
    diags = [
        Diagnostic("DN001", "document-number-year", Severity.ERROR, "发文字号缺少年份：“[]”中应填写年份",
                   year, year + 2, Fix.replace("写成〔2023〕", year, year + 2, "〔2023〕", Applicability.UNSAFE)),
        Diagnostic("PH002", "masked-name", Severity.ERROR, "名称未填写：“xx”是模板占位符", at("xx"), at("xx") + 2),
        Diagnostic("PH002", "masked-name", Severity.ERROR, "名称未填写：“xx”是模板占位符",
                   at("xx", 1), at("xx", 1) + 2),
        Diagnostic("PU001", "halfwidth-punctuation", Severity.WARNING, "标题序号后不应有制表符",
                   at("\t"), at("\t") + 1, Fix.replace("删除制表符", at("\t"), at("\t") + 1, "")),
        Diagnostic("PH002", "masked-name", Severity.ERROR, "名称未填写：“xx”是模板占位符",
                   at("xx", 2), at("xx", 2) + 2),
        Diagnostic("SP001", "split-sentence", Severity.INFO, "一句话被拆成了两行",
                   at("从这里"), at("结束") + 2),
        Diagnostic("PU009", "missing-final-stop", Severity.WARNING, "段末缺少句号",
                   at("报送") + 2, at("报送") + 2, Fix.replace("补上句号", at("报送") + 2, at("报送") + 2, "。")),
    ]
    return [FileResult("通知.txt", source, None, sorted(diags, key=Diagnostic.sort_key))]


CASES = {
    "full.txt": lambda: full.render(results(), Options(width=80)),
    "full-en.txt": lambda: full.render(results(), Options(lang="en", width=80)),
    "concise.txt": lambda: concise.render(results(), Options()),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name):
    got = CASES[name]()
    path = GOLDEN / name
    if os.environ.get("REPORTLINT_UPDATE_GOLDEN"):
        path.write_text(got, encoding="utf-8")
    assert got == path.read_text(encoding="utf-8")


def caret_under(output: str, source_line: str) -> tuple[str, str]:
    lines = output.splitlines()
    i = next(i for i, line in enumerate(lines) if line.endswith(source_line))
    return lines[i], lines[i + 1]


def test_caret_under_empty_brackets_is_aligned_for_wide_characters():
    shown, carets = caret_under(full.render(results(), Options(width=80)), "云发[]18号")
    prefix = shown[: shown.index("[")]
    assert carets.index("^") == display_width(prefix) == len("2 | ") + 4
    assert carets[carets.index("^"):].startswith("^^ ")


def test_long_lines_are_elided_around_the_span_and_fit_the_width():
    out = full.render(results(), Options(width=80))
    for number, needle in ((4, "xx街道"), (5, "确保按期完成xx")):
        lines = out.splitlines()
        shown, carets = next((a, b) for a, b in zip(lines, lines[1:]) if a.startswith(f"{number} | "))
        assert display_width(shown) <= 80
        assert "..." in shown
        col = carets.index("^")
        text_before = shown[:shown.index(needle) + needle.index("xx")]
        assert col == display_width(text_before)
    assert len(LONG) > 300 and display_width(LONG) > 600


def test_control_and_zero_width_characters_cannot_reach_the_terminal():
    out = full.render(results(), Options(width=80))
    assert "\t" not in out and "\u200b" not in out
    lines = out.splitlines()
    shown, carets = next((a, b) for a, b in zip(lines, lines[1:]) if a.endswith("社区") and b.endswith("masked-name"))
    assert carets.index("^") == display_width(shown[: shown.index("xx")])


def test_colour_only_when_asked():
    plain = full.render(results(), Options(width=80))
    coloured = full.render(results(), Options(width=80, color=True))
    assert "\x1b[" not in plain and "\x1b[" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain
