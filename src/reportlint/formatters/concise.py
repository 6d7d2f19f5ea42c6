"""``path:line:col: CODE message`` — one parsable line per finding (flake8 / ruff concise)."""

from __future__ import annotations

from typing import Any

from reportlint.formatters.common import Options, located, summary_line


def render(results: list[Any], options: Options) -> str:
    out = []
    for item in located(results):
        d = item.diagnostic
        mark = " [*]" if d.fix is not None and d.fix.applicability.value == "safe" else ""
        out.append(f"{item.path}:{item.line}:{item.column}: {d.code}{mark} {d.message}")
    if options.show_summary:
        out.append(summary_line(results, options.lang))
    return "\n".join(out) + ("\n" if out else "")
