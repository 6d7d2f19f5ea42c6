"""Helpers shared by formatters: positions, summaries, fix descriptions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from reportlint.diagnostics import Diagnostic, Severity
from reportlint.source import Source


@dataclass(frozen=True)
class Options:
    """What the CLI tells a formatter."""

    lang: str = "zh"
    color: bool = False
    show_summary: bool = True
    statistics: bool = False


@dataclass(frozen=True)
class Located:
    """A diagnostic with its 1-based line/column range (end is exclusive, as in ruff and SARIF)."""

    path: str
    diagnostic: Diagnostic
    line: int
    column: int
    end_line: int
    end_column: int
    source: Source


def located(results: list[Any]) -> Iterator[Located]:
    for result in results:
        if result.source is None:
            continue
        index = result.source.lines
        for diag in result.diagnostics:
            line, col = index.position(diag.start)
            end_line, end_col = index.position(diag.end)
            yield Located(result.path, diag, line, col, end_line, end_col, result.source)


def position_dict(source: Source, offset: int) -> dict[str, int]:
    line, column = source.lines.position(offset)
    return {"line": line, "column": column}


def fix_dict(source: Source, diag: Diagnostic) -> dict[str, Any] | None:
    if diag.fix is None:
        return None
    return {
        "title": diag.fix.title,
        "applicability": diag.fix.applicability.value,
        "edits": [
            {"start": position_dict(source, e.start), "end": position_dict(source, e.end),
             "content": e.content}
            for e in diag.fix.edits
        ],
    }


def summary_line(results: list[Any], lang: str) -> str:
    diags = [d for r in results for d in r.diagnostics]
    files = sum(1 for r in results if r.diagnostics)
    checked = sum(1 for r in results if r.source is not None)
    if not diags:
        return f"未发现问题（检查了 {checked} 个文件）。" if lang != "en" else \
            f"All checks passed ({checked} file{'s' if checked != 1 else ''} checked)."
    counts = Counter(d.severity for d in diags)
    fixable = sum(1 for d in diags if d.fix is not None and d.fix.applicability.value != "display")
    if lang == "en":
        parts = ", ".join(f"{counts[s]} {s.label}{'s' if counts[s] != 1 else ''}"
                          for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if counts[s])
        text = f"Found {len(diags)} problem{'s' if len(diags) != 1 else ''} ({parts}) in {files} file{'s' if files != 1 else ''}."
        return text + (f" {fixable} fixable with --fix or --unsafe-fixes." if fixable else "")
    labels = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
    parts = "，".join(f"{labels[s]} {counts[s]}" for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if counts[s])
    text = f"在 {files} 个文件中发现 {len(diags)} 个问题（{parts}）。"
    return text + (f"其中 {fixable} 个可自动修复。" if fixable else "")
