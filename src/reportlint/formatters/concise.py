"""``path:line:col: CODE message`` — one parsable line per finding (flake8 / ruff concise)."""

from __future__ import annotations

from typing import Any

from reportlint.formatters.common import Options, located, safe_fix, summary_line
from reportlint.messages import printable


def render(results: list[Any], options: Options) -> str:
    if options.statistics:
        from reportlint.formatters import statistics

        return statistics.render_text(results, options)
    out = []
    for item in located(results, options.column_unit):
        d = item.diagnostic
        mark = " [*]" if safe_fix(d, item.source) else ""
        line = f"{item.path}:{item.line}:{item.column}: {d.code}{mark} {d.message}{item.docx_note(options.lang)}"
        out.append(printable(line))
    if options.show_summary:
        out.append(summary_line(results, options.lang))
    return "\n".join(out) + ("\n" if out else "")
