"""``path:line:col: CODE message`` — one parsable line per finding (flake8 / ruff concise)."""

from __future__ import annotations

from typing import Any

from reportlint.formatters import statistics
from reportlint.formatters.common import Writer, located_in, renderer, safe_fix, summary_line
from reportlint.messages import printable
from reportlint.outcome import Totals


class Concise(Writer):
    parts = True

    def part(self, result: Any) -> str:
        if self.options.statistics:
            return ""
        lang, unit = self.options.lang, self.options.column_unit
        lines = []
        for item in located_in(result, unit):
            d = item.diagnostic
            mark = " [*]" if safe_fix(d, item.source) else ""
            line = f"{item.path}:{item.line}:{item.column}: {d.code}{mark} {d.message}{item.docx_note(lang)}"
            lines.append(printable(line) + "\n")
        return "".join(lines)

    def finish(self, totals: Totals) -> None:
        if self.options.statistics:
            self.out.write(statistics.render_text(totals, self.options))
        elif self.options.show_summary:
            self.out.write(summary_line(totals, self.options.lang) + "\n")


render = renderer(Concise)
