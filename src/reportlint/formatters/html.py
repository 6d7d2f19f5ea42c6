"""One self-contained HTML page: each document with its findings highlighted in place, summaries, filters."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from html import escape
from typing import Any

from reportlint import ruledocs
from reportlint.diagnostics import Severity
from reportlint.formatters.common import Options, Writer, copy_spool, renderer, severity_word, spool, summary_line
from reportlint.messages import say
from reportlint.outcome import Totals

ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)
CSS = """
:root { color-scheme: light; --error: #c62828; --warning: #b26a00; --info: #1565c0; }
body { margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem 4rem; color: #1f2328; background: #fff;
  font: 15px/1.6 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB",
  "Microsoft YaHei", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", system-ui, sans-serif; }
h1 { font-size: 1.5rem; margin: .5rem 0; } h2 { font-size: 1.15rem; margin: 0; display: inline; }
.summary { font-weight: 600; }
.filters { display: flex; flex-wrap: wrap; gap: .75rem; position: sticky; top: 0; z-index: 3;
  background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: .5rem .75rem; }
.filters fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem .75rem; }
.filters legend { font-weight: 600; float: left; margin-right: .5rem; }
table { border-collapse: collapse; margin: .5rem 0 1.5rem; }
th, td { border-bottom: 1px solid #d0d7de; padding: .2rem .75rem; text-align: left; vertical-align: top; }
th { white-space: nowrap; } td code { font-size: .9em; background: #f6f8fa; padding: 0 .2em; border-radius: 3px; }
main > h2 { display: block; margin-top: 1.25rem; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.off { opacity: .35; }
.sev-error { --c: var(--error); } .sev-warning { --c: var(--warning); } .sev-info { --c: var(--info); }
.badge { color: var(--c); font-weight: 600; }
.doc { border: 1px solid #d0d7de; border-radius: 6px; margin: 1rem 0; padding: .5rem 1rem; }
.doc > details > summary { cursor: pointer; padding: .25rem 0; }
ol.findings { padding-left: 2.5rem; font-size: .95em; max-height: 14em; overflow: auto; margin: .25rem 0 .5rem; }
ol.findings code { font-weight: 600; color: var(--c); }
.text { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "FangSong", "STFangsong", "Songti SC",
  "SimSun", "WenQuanYi Micro Hei", serif; font-size: 16px; line-height: 1.9; border-top: 1px solid #eaeef2;
  padding-top: .5rem; counter-reset: none; }
.line { display: flex; white-space: pre-wrap; overflow-wrap: anywhere; min-height: 1.9em; }
.line::before { content: attr(data-n); flex: 0 0 3.5em; color: #8c959f; text-align: right; padding-right: 1em;
  font: 12px/2.5 ui-monospace, monospace; user-select: none; }
.lt { flex: 1; min-width: 0; }
mark.f { position: relative; background: color-mix(in srgb, var(--c) 16%, transparent); color: inherit;
  border-bottom: 2px solid var(--c); border-radius: 2px; cursor: help; }
mark.f:focus { outline: 2px solid var(--c); outline-offset: 1px; }
mark.f.empty::before { content: "\\2038"; color: var(--c); font-weight: 700; }
mark.f.off { background: none; border-bottom-color: transparent; cursor: auto; }
mark.f.off::before { content: none; }
.tip { display: none; position: absolute; left: 0; top: 100%; z-index: 5; width: max-content; max-width: 28rem;
  background: #24292f; color: #fff; font-size: 13px; line-height: 1.5; padding: .4rem .6rem;
  border-radius: 4px; white-space: normal; box-shadow: 0 4px 12px rgba(0,0,0,.25); }
.tip > span { display: block; } .tip > span[hidden] { display: none; }
.tip b { color: #ffd33d; }
mark.f:not(.off):hover > .tip, mark.f:not(.off):focus > .tip { display: block; }
.error { color: var(--error); }
"""

SCRIPT = """
(function () {
  var boxes = document.querySelectorAll('input[data-filter]');
  function checked(kind) {
    var on = {};
    document.querySelectorAll('input[data-filter="' + kind + '"]').forEach(function (b) { on[b.value] = b.checked; });
    return on;
  }
  function apply() {
    var sev = checked('severity'), rule = checked('rule'), active = {};
    document.querySelectorAll('[data-finding]').forEach(function (el) {
      var ok = sev[el.dataset.severity] !== false && rule[el.dataset.code] !== false;
      el.hidden = !ok;
      if (ok) { active[el.dataset.finding] = true; }
    });
    document.querySelectorAll('mark.f').forEach(function (m) {
      var ok = m.dataset.findings.split(' ').some(function (id) { return active[id]; });
      m.classList.toggle('off', !ok);
      m.tabIndex = ok ? 0 : -1;
    });
    document.querySelectorAll('tr[data-rule]').forEach(function (tr) {
      tr.classList.toggle('off', rule[tr.dataset.rule] === false || sev[tr.dataset.severity] === false);
    });
  }
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && document.activeElement && document.activeElement.blur) { document.activeElement.blur(); }
  });
  apply();
})();
"""


@dataclass(frozen=True)
class Mark:
    """A stretch of text covered by the same findings (overlapping findings split into pieces)."""

    start: int
    end: int
    ids: tuple[int, ...]


def marks(text: str, spans: list[tuple[int, int, int]]) -> list[Mark]:
    """Sweep over ``(id, start, end)``: pieces covered by a fixed set of findings, plus empty marks.

    Linear in the number of boundaries (a long file may have thousands of findings). A span that
    covers only line breaks is shown as an insertion point at its start.
    """
    opens: dict[int, list[int]] = defaultdict(list)
    closes: dict[int, list[int]] = defaultdict(list)
    empties: dict[int, list[int]] = defaultdict(list)
    for i, s, e in spans:
        if text[s:e].strip("\n"):
            opens[s].append(i)
            closes[e].append(i)
        else:
            empties[s].append(i)
    points = sorted(opens.keys() | closes.keys() | empties.keys())
    active: dict[int, None] = {}  # an ordered set
    out: list[Mark] = []
    for here, after in zip(points, points[1:] + [None]):
        for i in closes.get(here, ()):
            del active[i]
        for i in opens.get(here, ()):
            active[i] = None
        if here in empties:
            out.append(Mark(here, here, tuple(empties[here])))
        if after is not None and active:
            out.append(Mark(here, after, tuple(sorted(active))))
    return out


def _inline_code(escaped: str) -> str:
    """Rule summaries use Markdown backticks; show them as code (input is already escaped)."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", escaped)


def _severity_class(severities: list[Severity]) -> str:
    return f"sev-{max(severities).label}"


class Page(Writer):
    """Writes the page; ``n`` numbers findings across all documents (ids in the DOM).

    The summary, filters and tables come before the documents, so each document's section and
    its row of the file table are spooled as the file comes; per rule only counts are kept.
    """

    def __init__(self, out: Any, options: Options) -> None:
        super().__init__(out, options)
        self.t = _Labels(options.lang)
        self.rules = {rule.code: rule for rule in options.rules}
        self.n = 0
        self.number = 0
        self.docs = spool()
        self.rows = spool()
        self.files_of: Counter[str] = Counter()  # code → files it was found in
        self.first: dict[str, tuple[str, Severity]] = {}  # code → (name, severity) of its first finding

    def file(self, result: Any) -> None:
        self.number += 1
        for d in result.diagnostics:
            self.first.setdefault(d.code, (d.name, d.severity))
        self.files_of.update({d.code for d in result.diagnostics})
        self.rows.write(self.file_row(self.number, result))
        self.docs.write(self.document(self.number, result))

    def sev(self, severity: Severity) -> str:
        return escape(severity_word(severity, self.options.lang))

    def tip_entry(self, fid: int, d: Any) -> str:
        help_text = f'<br>{escape(self.t["help"])}: {escape(d.fix.title)}' if d.fix is not None else ""
        return (f'<span data-finding="{fid}" data-code="{escape(d.code)}" data-severity="{d.severity.label}">'
                f'<b>{escape(d.code)}</b> {escape(d.name)} · {self.sev(d.severity)}<br>'
                f'{escape(d.message)}{help_text}</span>')

    def document(self, number: int, result: Any) -> str:
        path = escape(result.path)
        if result.source is None:
            return (f'<section class="doc" id="doc-{number}"><h2>{path}</h2> '
                    f'<p class="error">{escape(self.t["unreadable"])}: {escape(result.error or "")}</p></section>')
        text = result.source.text
        ids = {}
        for d in result.diagnostics:
            self.n += 1
            ids[self.n] = d
        pieces = marks(text, [(fid, d.start, d.end) for fid, d in ids.items()])
        first_mark: dict[int, str] = {}
        body = self.lines(number, text, result.source.lines, pieces, ids, first_mark)
        items = []
        for fid, d in ids.items():
            line, col = result.source.lines.position(d.start)
            items.append(
                f'<li class="sev-{d.severity.label}" data-finding="{fid}" data-code="{escape(d.code)}" '
                f'data-severity="{d.severity.label}"><a href="#{first_mark.get(fid, "")}">{line}:{col}</a> '
                f'<code>{escape(d.code)}</code> {escape(d.message)}</li>')
        count = len(ids)
        label = f'{count} {self.t["findings"]}' if count else self.t["none"]
        return (f'<section class="doc" id="doc-{number}"><details{" open" if count else ""}>'
                f'<summary><h2>{path}</h2> · {escape(label)}</summary>'
                f'<ol class="findings">{"".join(items)}</ol>'
                f'<div class="text" lang="zh-CN" aria-label="{escape(self.t["text"])}">{body}</div>'
                f'</details></section>')

    def lines(self, number: int, text: str, index: Any, pieces: list[Mark], ids: dict[int, Any],
              first_mark: dict[int, str]) -> str:
        out = []
        k = 0
        for line in range(1, index.line_count + 1):
            ls, le = index.line_span(line)
            parts = []
            pos = ls
            while k < len(pieces) and pieces[k].start <= le:
                piece = pieces[k]
                s, e = max(piece.start, ls), min(piece.end, le)
                if piece.end > le and piece.start < piece.end and s >= e:
                    break  # the rest of this piece is on the next line
                parts.append(escape(text[pos:s]))
                mid = f"m{number}-{k}-{line}"
                for fid in piece.ids:
                    first_mark.setdefault(fid, mid)
                found = [ids[i] for i in piece.ids]
                tips = "".join(self.tip_entry(i, ids[i]) for i in piece.ids)
                empty = " empty" if piece.start == piece.end else ""
                parts.append(
                    f'<mark class="f {_severity_class([d.severity for d in found])}{empty}" id="{mid}" tabindex="0" '
                    f'data-findings="{" ".join(map(str, piece.ids))}">{escape(text[s:e])}'
                    f'<span class="tip" role="tooltip">{tips}</span></mark>')
                pos = e
                if piece.end > le:
                    break  # continues on the next line
                k += 1
            parts.append(escape(text[pos:le]))
            if line == index.line_count > 1 and ls == le and len(parts) == 1:
                break  # the empty "line" after a final newline
            out.append(f'<div class="line" data-n="{line}"><span class="lt">{"".join(parts)}</span></div>')
        return "".join(out)

    def rule_table(self, totals: Totals) -> str:
        count = {code: row.count for code, row in totals.rules.items()}
        t = self.t
        rows = []
        for code in sorted(count, key=lambda c: (-count[c], c)):
            name, severity = self.first[code]
            rule = self.rules.get(code)
            summary = _inline_code(escape(ruledocs.summary(rule, self.options.lang))) if rule is not None else ""
            rows.append(
                f'<tr data-rule="{escape(code)}" data-severity="{severity.label}" class="sev-{severity.label}">'
                f'<td><span class="badge">{escape(code)}</span></td><td>{escape(name)}</td>'
                f'<td>{self.sev(severity)}</td><td class="n">{count[code]}</td>'
                f'<td class="n">{self.files_of[code]}</td><td>{summary}</td></tr>')
        return (f'<h2>{t["by_rule"]}</h2><table class="by-rule"><thead><tr><th>{t["code"]}</th><th>{t["name"]}</th>'
                f'<th>{t["severity"]}</th><th>{t["count"]}</th><th>{t["files"]}</th><th>{t["summary"]}</th></tr>'
                f'</thead><tbody>{"".join(rows)}</tbody></table>')

    def file_row(self, number: int, r: Any) -> str:
        t = self.t
        counts = Counter(d.severity for d in r.diagnostics)
        cells = "".join(f'<td class="n">{counts[s]}</td>' for s in ORDER)
        note = f' <span class="error">{escape(t["unreadable"])}</span>' if r.error else ""
        return (f'<tr><td><a href="#doc-{number}">{escape(r.path)}</a>{note}</td>{cells}'
                f'<td class="n">{len(r.diagnostics)}</td></tr>')

    def file_table_head(self) -> str:
        t = self.t
        heads = "".join(f"<th>{self.sev(s)}</th>" for s in ORDER)
        return (f'<h2>{t["by_file"]}</h2><table class="by-file"><thead><tr><th>{t["file"]}</th>{heads}'
                f'<th>{t["total"]}</th></tr></thead><tbody>')

    def filters(self, totals: Totals) -> str:
        t = self.t
        sev_count = totals.severities
        rule_count = {code: row.count for code, row in totals.rules.items()}
        sev_boxes = "".join(
            f'<label class="sev-{s.label}"><input type="checkbox" data-filter="severity" value="{s.label}" checked> '
            f'<span class="badge">{self.sev(s)}</span> ({sev_count[s]})</label>' for s in ORDER)
        rule_boxes = "".join(
            f'<label><input type="checkbox" data-filter="rule" value="{escape(c)}" checked> {escape(c)} ({n})</label>'
            for c, n in sorted(rule_count.items()))
        return (f'<nav class="filters" aria-label="{t["filters"]}">'
                f'<fieldset><legend>{t["severity"]}</legend>{sev_boxes}</fieldset>'
                f'<fieldset><legend>{t["rule"]}</legend>{rule_boxes}</fieldset></nav>')

    def finish(self, totals: Totals) -> None:
        t = self.t
        lang = "en" if self.options.lang == "en" else "zh-CN"
        self.out.write(
            f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            # nothing may be fetched: the page must open offline and cannot leak the report
            '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
            'style-src \'unsafe-inline\'; script-src \'unsafe-inline\'; img-src data:">'
            f'<meta name="generator" content="reportlint"><title>{t["title"]}</title><style>{CSS}</style></head>'
            f'<body><header><h1>{t["title"]}</h1>'
            f'<p class="summary">{escape(summary_line(totals, self.options.lang))}</p></header>'
            f'{self.filters(totals)}<main>{self.rule_table(totals)}{self.file_table_head()}'
        )
        copy_spool(self.rows, self.out)
        self.out.write("</tbody></table>")
        copy_spool(self.docs, self.out)
        self.out.write(f'</main><script>{SCRIPT}</script></body></html>\n')


class _Labels:
    """``t["title"]``: the page's labels from the message catalogue, in the run's language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __getitem__(self, key: str) -> str:
        return say(f"html_{key}", self.lang)


render = renderer(Page)
