"""``--statistics``: how many findings each rule produced and how many of them are fixable."""

from __future__ import annotations

from reportlint.formatters.common import Options, pretty_json, summary_line
from reportlint.messages import say
from reportlint.outcome import RuleCount, Totals
from reportlint.text.chars import display_width


def counts(totals: Totals) -> list[RuleCount]:
    """Most frequent rule first, ties by code, so the table reads as a to-do list."""
    return sorted(totals.rules.values(), key=lambda r: (-r.count, r.code))


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def render_text(totals: Totals, options: Options) -> str:
    rows = counts(totals)
    head = tuple(say(f"statistics_{key}", options.lang) for key in ("count", "code", "name", "fixable"))
    cells = [head] + [(str(r.count), r.code, r.name, str(r.fixable)) for r in rows] if rows else []
    widths = [max((display_width(row[i]) for row in cells), default=0) for i in range(4)]
    out = []
    for count, code, name, fix in cells:
        out.append("  ".join((" " * (widths[0] - display_width(count)) + count, _pad(code, widths[1]),
                              _pad(name, widths[2]), " " * (widths[3] - display_width(fix)) + fix)))
    if options.show_summary:
        out.append(summary_line(totals, options.lang))
    return "\n".join(out) + ("\n" if out else "")


def render_json(totals: Totals) -> str:
    rows = [{"code": r.code, "name": r.name, "count": r.count, "fixable": r.fixable} for r in counts(totals)]
    return pretty_json(rows)
