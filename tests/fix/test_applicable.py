"""One test of whether a fix may be applied: the fix loop, the ``[*]`` mark and the fixable counts agree."""

from __future__ import annotations

import pytest

from reportlint.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity
from reportlint.fix.apply import applicable, fixes_of
from reportlint.formatters.common import fixable, new_totals, safe_fix, summary_line
from reportlint.load.source import Source
from reportlint.run.session import FileResult

SOURCE = Source.from_text("甲方,乙方\n", path="a.txt")

FIXES = {
    "safe": Fix.replace("改", 2, 3, "，"),
    "unsafe": Fix.replace("改", 2, 3, "，", Applicability.UNSAFE),
    "display": Fix.replace("改", 2, 3, "，", Applicability.DISPLAY),
    "no edits": Fix("空", (), Applicability.SAFE),
    "none": None,
}


def _diag(fix: Fix | None) -> Diagnostic:
    return Diagnostic("ZZ901", "x", Severity.WARNING, "m", 2, 3, fix)


@pytest.mark.parametrize("name", FIXES)
def test_the_reports_ask_the_fix_loops_question(name):
    fix = FIXES[name]
    diag = _diag(fix)
    assert safe_fix(diag, SOURCE) == applicable(fix, False) == (name == "safe")
    assert fixable(diag, SOURCE) == applicable(fix, True) == (name in ("safe", "unsafe"))
    assert (fix in fixes_of([diag], unsafe=True)) == fixable(diag, SOURCE)


def test_a_fix_without_edits_is_neither_marked_nor_counted():
    """Before there was one test, the reports compared applicability strings and promised ``[*]``
    for a fix that ``--fix`` skips (it has nothing to apply)."""
    result = FileResult("a.txt", SOURCE, None, [_diag(FIXES["no edits"])])
    totals = new_totals()
    totals.add(result)
    assert totals.fixable == 0
    assert "可自动修复" not in summary_line(totals, "zh")


def test_in_a_docx_only_fixes_inside_one_run_apply(monkeypatch):
    import reportlint.load.docx as docx

    word = Source.from_text("甲方,乙方\n", path="a.docx", format="docx")
    fix = Fix("改", (Edit(2, 3, "，"),))
    monkeypatch.setattr(docx, "fits_runs", lambda source, f: False)
    assert not applicable(fix, True, word) and not safe_fix(_diag(fix), word)
    assert applicable(fix, True)  # the fix itself is fine; the .docx cannot take it
    monkeypatch.setattr(docx, "fits_runs", lambda source, f: True)
    assert applicable(fix, False, word) and safe_fix(_diag(fix), word)
