"""The human view: each finding under its source line, the span underlined, help and fix hints."""

from __future__ import annotations

import unicodedata
from typing import Any

from reportlint.diagnostics import Severity
from reportlint.formatters import statistics
from reportlint.formatters.common import (
    Located,
    Options,
    Writer,
    column_in,
    located_in,
    renderer,
    safe_fix,
    severity_word,
    summary_line,
    writable,
)
from reportlint.messages import printable, say
from reportlint.outcome import Totals
from reportlint.text.chars import char_width

ELLIPSIS = "..."  # ASCII: "…" is East Asian *ambiguous* and would misalign carets in CJK terminals
MIN_BUDGET = 40
STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "bold blue"}
GUTTER = "blue"
Segment = tuple[str, str]  # (text, rich style or "")


def visible(ch: str) -> str:
    """What a terminal can show in one cell: controls become symbols so they cannot act."""
    if ch == "\t":
        return " "
    category = unicodedata.category(ch)
    if category == "Cc":
        return "\u2421" if ch == "\x7f" else chr(0x2400 + ord(ch)) if ord(ch) < 0x20 else "\u2426"
    if category in ("Cf", "Zl", "Zp"):
        return "\u2423"  # zero-width and direction marks would shift or reorder the caret line
    return ch


def window(line: str, start: int, end: int, budget: int) -> tuple[int, int]:
    """Slice ``[s, e)`` of a long line around ``[start, end)`` that fits ``budget`` columns.

    Chinese paragraphs are often one line of 500+ characters: show the span with as much
    context on both sides as fits, rather than wrapping the whole paragraph.
    """
    widths = [char_width(visible(ch)) for ch in line]
    if sum(widths) <= budget:
        return 0, len(line)
    room = budget - 2 * len(ELLIPSIS)
    s, e = start, start
    used = 0
    while e < max(end, start + 1) and e < len(line) and used + widths[e] <= room:
        used += widths[e]
        e += 1
    grew = True
    while grew:
        grew = False
        if s > 0 and used + widths[s - 1] <= room:
            s -= 1
            used += widths[s]
            grew = True
        if e < len(line) and used + widths[e] <= room:
            used += widths[e]
            e += 1
            grew = True
    return s, e


def _snippet(item: Located, budget: int) -> tuple[str, int, int, bool]:
    """(shown line, caret column, caret count, span continues past the line)."""
    src = item.source
    line_start, line_end = src.lines.line_span(item.line)
    line = src.text[line_start:line_end]
    a = item.column - 1
    b = (item.end_column - 1) if item.end_line == item.line else len(line)
    s, e = window(line, a, b, budget)
    head = ELLIPSIS if s > 0 else ""
    tail = ELLIPSIS if e < len(line) else ""
    shown = head + "".join(visible(ch) for ch in line[s:e]) + tail
    column = len(head) + sum(char_width(visible(ch)) for ch in line[s:a])
    carets = sum(char_width(visible(ch)) for ch in line[a:min(b, e)])
    ends_at_newline = item.end_line == item.line + 1 and item.end_column == 1
    return shown, column, max(1, carets), item.end_line > item.line and not ends_at_newline


def _finding(item: Located, options: Options) -> list[list[Segment]]:
    d = item.diagnostic
    sev = STYLE[d.severity]
    number = str(item.line)
    pad = " " * len(number)
    bar = (f"{pad} |", GUTTER)
    shown, column, carets, continues = _snippet(item, max(MIN_BUDGET, options.width - len(number) - 3))
    label = f" {d.name}"
    if continues:
        label += say("continues_to_line", options.lang, line=item.end_line)
    header: list[Segment] = [(severity_word(d.severity, options.lang), sev), (" ", ""), (d.code, "bold")]
    if safe_fix(d, item.source):
        header.append((" [*]", "cyan"))
    header.append((f" {printable(d.message)}", "bold"))
    lines = [
        header,
        [(f"{pad}--> ", GUTTER),
         (printable(f"{item.path}:{item.line}:{column_in(item.source, item.line, item.column, options.column_unit)}"),
          ""),
         *([(f" ({item.part(options.lang)})", GUTTER)] if item.part(options.lang) else [])],
        [bar],
        [(f"{number} | ", GUTTER), (shown, "")],
        [bar, (" " + " " * column, ""), ("^" * carets, sev), (label, sev)],
    ]
    if d.fix is not None:
        note = ("" if safe_fix(d, item.source) else say("fix_note_docx", options.lang) if not writable(d, item.source)
                else say(f"fix_note_{d.fix.applicability.value}", options.lang))
        lines += [[bar], [(f"{pad} = ", GUTTER), ("help", "bold cyan"), (printable(f": {d.fix.title}{note}"), "")]]
    return lines


def _to_string(lines: list[list[Segment]], color: bool) -> str:
    if not color:
        return "".join("".join(text for text, _ in line).rstrip() + "\n" for line in lines)
    import io

    from rich.console import Console
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, color_system="standard", width=10_000,
                      highlight=False, markup=False, emoji=False, soft_wrap=True, legacy_windows=False)
    for line in lines:
        text = Text()
        for part, style in line:
            text.append(part, style=style or None)
        text.rstrip()
        console.print(text)
    return buffer.getvalue()


class Full(Writer):
    def file(self, result: Any) -> None:
        if self.options.statistics:
            return
        lines: list[list[Segment]] = []
        for item in located_in(result):
            lines += _finding(item, self.options)
            lines.append([])
        if lines:
            self.out.write(_to_string(lines, self.options.color))

    def finish(self, totals: Totals) -> None:
        if self.options.statistics:
            self.out.write(statistics.render_text(totals, self.options))
        elif self.options.show_summary:
            self.out.write(_to_string([[(summary_line(totals, self.options.lang), "bold")]], self.options.color))


render = renderer(Full)
