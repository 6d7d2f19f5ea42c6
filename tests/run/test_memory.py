"""Memory per document (issue 13: peak under 20x the file size): the compact forms give back
exactly what the full ones did, and a check's traced peak stays bounded.

bench/scaling.py has the figures (peak RSS of 1, 10 and 50 MB documents); these tests pin the
behaviour each saving relies on.
"""

from __future__ import annotations

import random
import re
import sys
import tracemalloc
from pathlib import Path

import pytest

from reportlint.diagnostics import Applicability, Diagnostic, Edit, Finding, Fix, Severity
from reportlint.engine import linter as linter_module
from reportlint.engine.linter import _Found, _Shared
from reportlint.load.source import Source
from reportlint.parse import parse_document
from reportlint.rules import residue, sums
from reportlint.rules.base import RuleContext
from reportlint.text.amounts import amounts

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from scaling import _report  # noqa: E402  (the benchmark's own report generator)

HEADINGS = (
    "某某县2024年工作总结\n\n"
    "一、主要工作。全年完成投资12亿元。\n"
    "（一）推进项目建设\n"
    "1.　基础设施。\n"
    "2. 公共服务。新增学位600个。其余略。\n"
    "（二）加强基层治理。召开会议3次\n"
    "二、\n"
    "三、存在的问题。\n"
)


def _rest_split(text: str, line_start: int, marker: str) -> tuple[str, str]:
    """Title and body the way they were stored before: after the marker and its spaces, split at
    the first full stop."""
    rest = text[line_start + len(marker):]
    rest = rest.lstrip(" \t\u3000")
    stop = rest.find("。")
    return (rest, "") if stop == -1 else (rest[:stop], rest[stop + 1:])


@pytest.mark.parametrize("text", [HEADINGS, _report(20_000)], ids=["edge-cases", "generated"])
def test_a_heading_slices_its_title_body_and_spans_from_its_line(text: str) -> None:
    source = Source.from_text(text)
    headings = list(parse_document(source).headings())
    assert len(headings) >= 7
    for h in headings:
        line_text = source.text[h.line.span.start:h.line.span.end]
        title, body = _rest_split(source.text[:h.line.span.end], h.line.span.start, h.marker)
        assert (h.title, h.body) == (title, body), line_text
        assert source.text[h.marker_span.start:h.marker_span.end] == h.marker
        assert source.text[h.title_span.start:h.title_span.end] == h.title
        if body:
            assert h.body_span is not None and source.text[h.body_span.start:h.body_span.end] == body
            assert h.body_span.end == h.line.span.end
        else:
            assert h.body_span is None


def test_a_headings_edge_cases_slice_as_they_were_stored() -> None:
    """A title without a full stop, one that ends the line, a marker alone, a body after a stop."""
    by_marker = {h.marker: h for h in parse_document(Source.from_text(HEADINGS)).headings()}
    assert by_marker["（一）"].title == "推进项目建设" and by_marker["（一）"].body_span is None
    assert by_marker["三、"].title == "存在的问题" and by_marker["三、"].body_span is None
    assert by_marker["二、"].title == "" and by_marker["二、"].body == ""
    assert by_marker["2."].title == "公共服务" and by_marker["2."].body == "新增学位600个。其余略。"
    assert (by_marker["一、"].title_span.start, by_marker["一、"].title_span.end) == (
        HEADINGS.index("主要工作"), HEADINGS.index("。全年"))


def test_compact_findings_give_back_the_same_diagnostics_in_order() -> None:
    class Odd(Fix):
        """A plugin's own Fix subclass: kept as the object it yielded."""

    cases = [
        (Finding(0, 5, "default", {}, None), "甲"),
        (Finding(3, 9, "default", {}, Fix.replace("删除", 3, 10, "")), "乙"),
        (Finding(3, 9, "default", {}, Fix.replace("删除", 4, 10, "", Applicability.UNSAFE)), "乙"),
        (Finding(7, 7, "default", {}, Fix("改", (Edit(1, 2, "a"), Edit(5, 6, "b")))), "丙"),
        (Finding(2, 4, "default", {}, Odd("改", (Edit(2, 4, "x"),))), "丁"),
        (Finding(True, 4, "default", {}, None), "戊"),  # an int subclass is passed on unchanged
    ]
    found = _Found(100)
    kinds = [found.rule("AB001", "a-rule", Severity.WARNING), found.rule("AB002", "b-rule", Severity.ERROR)]
    expected = []
    for n, (finding, message) in enumerate(cases):
        kind = kinds[n % 2]
        found.add(kind, finding, message)
        code, name, severity = found.rules[kind]
        expected.append(Diagnostic(code, name, severity, message, finding.start, finding.end, finding.fix))
    out = found.diagnostics()
    assert out == expected
    assert [type(d.fix) for d in out] == [type(d.fix) for d in expected]
    assert out[-1].start is True
    # messages and single-edit fix parts are stored once, however often they recur
    assert out[1].message is out[2].message


def test_findings_built_in_chunks_keep_their_order() -> None:
    """The store is emptied from its end in chunks of 4,096 while Diagnostics are built."""
    found = _Found(100_000)
    kinds = [found.rule("AB001", "a-rule", Severity.WARNING), found.rule("AB002", "b-rule", Severity.ERROR)]
    for n in range(10_000):
        found.add(kinds[n % 2], Finding(n * 3 % 9_973, n * 3 % 9_973 + 1, "default", {}, None), f"m{n % 7}")
    out = found.diagnostics()
    assert [(d.start, d.code, d.message) for d in out] == [
        (n * 3 % 9_973, ("AB001", "AB002")[n % 2], f"m{n % 7}") for n in range(10_000)]
    assert len(found.refs) == 0 and len(found.offsets) == 0


def test_three_stable_sorts_order_as_the_sort_key_does() -> None:
    rng = random.Random(7)
    for _ in range(200):
        diags = [Diagnostic(rng.choice("ABC") + "001", "r", Severity.WARNING, str(i), start, start + rng.randrange(3))
                 for i, start in enumerate(rng.randrange(6) for _ in range(rng.randrange(12)))]
        ours = list(diags)
        linter_module._sort(ours)
        assert ours == sorted(diags, key=Diagnostic.sort_key)


def test_unclosed_marks_keep_the_traced_peak_under_twenty_times_the_file() -> None:
    """A hostile text: 30,000 unclosed （, one finding each (issue 13). Each open mark is its own
    problem, the mark characters are shared and the findings leave the compact store as they
    become Diagnostics: 36.7x the file before, 19.5x after."""
    from reportlint.run.session import CheckOptions, Session

    session = Session(CheckOptions())
    config = session.config(str(ROOT / "examples" / "sample-report.txt"))
    session.linter.lint(Source.from_text("某某县工作总结\n\n" + "全年（" * 100), config)  # imports first
    text = "某某县工作总结\n\n" + "全年（" * 30_000 + "\n"
    size = len(text.encode("utf-8"))
    tracemalloc.start()
    try:
        _, found = session.linter.lint(Source.from_text(text), config)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert sum(d.code == "PA001" for d in found) == 30_000
    assert peak < 20 * size, f"{peak / size:.1f}x the file"


def test_a_crashed_rules_findings_are_forgotten() -> None:
    found = _Found(100)
    kind = found.rule("AB001", "a-rule", Severity.WARNING)
    found.add(kind, Finding(0, 1, "default", {}, None), "kept")
    mark = found.mark()
    found.add(found.rule("AB002", "b-rule", Severity.WARNING), Finding(1, 2, "default", {}, None), "dropped")
    found.drop(mark)
    assert [d.message for d in found.diagnostics()] == ["kept"]


def test_a_shared_entry_lives_until_the_last_rule_of_the_modules_that_read_it() -> None:
    cache = _Shared({"pkg.a": 1, "pkg.b": 3})
    calls = []

    def read(module: str) -> object:
        cache.module = module
        ctx = RuleContext(Source.from_text("x"), None, {}, cache)  # type: ignore[arg-type]
        return ctx.shared("outline", lambda: calls.append(module) or len(calls))

    assert read("pkg.a") == 1
    cache.done(0)
    assert "outline" in dict(cache)  # module a has a rule left (index 1)
    cache.done(1)
    assert "outline" not in dict(cache)  # dropped after a's last rule
    assert read("pkg.b") == 2  # a later reader computes it again
    cache.done(2)
    assert "outline" in dict(cache)
    cache.done(3)
    assert dict(cache) == {}
    assert calls == ["pkg.a", "pkg.b"]


def test_dropping_shared_entries_changes_no_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlint.run.session import CheckOptions, Session

    session = Session(CheckOptions())
    text = _report(60_000)
    config = session.config(str(ROOT / "examples" / "sample-report.txt"))
    dropped = session.linter.lint(Source.from_text(text), config)[1]
    monkeypatch.setattr(linter_module._Shared, "done", lambda self, index: None)
    kept = session.linter.lint(Source.from_text(text), config)[1]
    assert len(kept) > 100
    assert dropped == kept


@pytest.mark.parametrize("text", ["", "\n", "甲", "甲\n", "甲\n\n乙", "\n甲\n乙\n", "a\nbb\n\nccc"])
def test_sum_lines_are_the_spans_split_gave(text: str) -> None:
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    lines = sums._lines(text)
    assert len(lines) == len(spans)
    assert [lines[i] for i in range(len(lines))] == spans == list(lines)


def test_sentences_read_figures_lazily_as_the_eager_list_did() -> None:
    text = _report(30_000) + "共计3个，其中A1个。\n无数字的句子。12%！"
    figures = amounts(text)
    expected = []
    at = 0
    for m in sums._SENTENCE.finditer(text):
        start, end = m.span()
        inside = []
        while at < len(figures) and figures[at].start < end:
            if figures[at].start >= start:
                inside.append(figures[at].start)
            at += 1
        expected.append((start, end, inside))
    got = [(s.start, s.end, [f.start for f in s.figures]) for s in sums._sentences(text)]
    assert got == expected and any(inside for *_, inside in got)


def test_chrome_starts_come_ascending_without_a_sort() -> None:
    rng = random.Random(13)
    alphabet = " \t\u3000|｜·•\n。！？!?”）)】（(【[甲乙a"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30)))
        starts = list(residue._chrome_starts(text))
        assert starts == sorted(set(starts)), repr(text)


def test_the_traced_peak_of_a_check_stays_under_twenty_times_the_file() -> None:
    """Parse and every rule on a dense generated report (short lines, 12,000 findings per MB):
    ~25x the file before the cuts, ~15x after; tracemalloc sees Python's own allocations."""
    from reportlint.run.session import CheckOptions, Session

    session = Session(CheckOptions())
    config = session.config(str(ROOT / "examples" / "sample-report.txt"))
    session.linter.lint(Source.from_text(_report(5_000)), config)  # imports and rule data first
    text = _report(256 * 1024)
    size = len(text.encode("utf-8"))
    tracemalloc.start()
    try:
        source = Source.from_text(text)
        _, found = session.linter.lint(source, config)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(found) > 2000
    assert peak < 20 * size, f"{peak / size:.1f}x the file"


def test_the_line_index_answers_as_before() -> None:
    text = "甲乙\n\n丙丁戊\n" * 50
    index = Source.from_text(text).lines
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    for offset in range(len(text) + 1):
        line = max(i for i, s in enumerate(starts) if s <= offset)
        assert index.position(offset) == (line + 1, offset - starts[line] + 1)
    assert index.line_span(2) == (3, 3) and index.line_count == len(starts)


def test_fifty_thousand_brackets_keep_no_list_of_their_offsets() -> None:
    """50,000 `[` on one Markdown line (issue 13's hostile text): the bracket scans merge the
    offsets as they find them; a sorted list of them took 2 MB, 40 bytes a bracket."""
    from reportlint.rules.placeholders import find_placeholders

    text = "# 工作总结\n\n" + "[" * 50_000 + "\n"
    find_placeholders(text[:200])  # patterns compiled first
    tracemalloc.start()
    try:
        find_placeholders(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 5 * len(text), f"{peak / len(text):.1f} bytes a character"
