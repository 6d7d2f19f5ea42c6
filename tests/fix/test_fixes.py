"""The fix engine and fix mode of the CLI, driven by test-only rules so they do not depend on any rule family."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import ClassVar

import pytest

from reportlint import cli
from reportlint.config.settings import RawConfig, resolve
from reportlint.diagnostics import Applicability, Edit, Finding, Fix, Severity
from reportlint.engine.linter import Linter
from reportlint.fix.apply import apply_fixes, fix_until_stable
from reportlint.load.source import Source
from reportlint.plugins import manager
from reportlint.plugins.hookspecs import hookimpl
from reportlint.rules.base import Rule, RuleContext


class _Pattern(Rule):
    """Test-only: flags every match of ``pattern`` and offers ``replacement`` at ``fixable``."""

    pattern: ClassVar[str] = ""
    replacement: ClassVar[str] = ""
    severity = Severity.WARNING

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for m in re.finditer(self.pattern, ctx.text):
            fix = Fix.replace("replace", m.start(), m.end(), self.replacement, self.fixable) \
                if self.fixable else None
            yield ctx.report(m.start(), m.end(), fix=fix)


def _rule(code: str, name: str, pattern: str, replacement: str, fixable: Applicability,
          doc: str) -> type[Rule]:
    attrs = {"code": code, "name": name, "pattern": pattern, "replacement": replacement,
             "fixable": fixable, "messages": {"default": (doc, doc)}, "__doc__": f"Test-only: {doc}."}
    return type(name.title().replace("-", ""), (_Pattern,), attrs)


SAFE, UNSAFE, DISPLAY = Applicability.SAFE, Applicability.UNSAFE, Applicability.DISPLAY
AsciiComma = _rule("FX001", "ascii-comma", ",", "，", SAFE, "an ASCII comma")
DoubleComma = _rule("FX002", "double-comma", "，，", "，", SAFE, "two commas; appears after FX001 ran")
TodoMarker = _rule("FX003", "todo-marker", "TODO", "", UNSAFE, "a TODO marker, deleted")
MaskedName = _rule("FX004", "masked-name", "XX", "某", DISPLAY, "a placeholder, suggestion only")
Ping = _rule("FX005", "ping", "甲", "乙", SAFE, "甲 to 乙; with FX006 a fix cycle")
Pong = _rule("FX006", "pong", "乙", "甲", SAFE, "乙 to 甲")
AbToC = _rule("FX007", "ab-to-c", "ab", "c", SAFE, "ab to c; overlaps FX008 on abc")
BcToD = _rule("FX008", "bc-to-d", "bc", "d", SAFE, "bc to d")

CLI_RULES = [AsciiComma, DoubleComma, TodoMarker, MaskedName]
ALL_RULES = CLI_RULES + [Ping, Pong, AbToC, BcToD]


def _linter_for(select: list[str], rules=ALL_RULES):
    linter = Linter(list(rules))
    config = resolve(RawConfig(select=select, files=["<test>"]), list(rules))
    return lambda source: linter.lint(source, config)


def _fix(text: str, select: list[str], unsafe: bool = False, max_passes: int = 20):
    return fix_until_stable(Source.from_text(text, "t.txt"), _linter_for(select), unsafe, max_passes)


# --- applying edits -----------------------------------------------------------------------------

def test_overlapping_fixes_are_not_applied_together():
    a = Fix.replace("a", 0, 2, "c")
    b = Fix.replace("b", 1, 3, "d")
    text, chosen = apply_fixes("abc", [b, a])
    assert (text, chosen) == ("cc", [a])


def test_touching_fixes_both_apply_and_edits_go_right_to_left():
    fixes = [Fix.replace("x", 0, 1, "一二"), Fix.replace("y", 1, 2, ""), Fix.replace("z", 3, 3, "！")]
    text, chosen = apply_fixes("abcd", fixes)
    assert text == "一二c！d"
    assert len(chosen) == 3


def test_two_insertions_at_one_point_are_not_applied_together():
    text, chosen = apply_fixes("ab", [Fix.replace("1", 1, 1, "X"), Fix.replace("2", 1, 1, "Y")])
    assert text == "aXb" and len(chosen) == 1


def test_a_multi_edit_fix_applies_whole_or_not_at_all():
    both = Fix("pair", (Edit(0, 1, "（"), Edit(4, 5, "）")))
    inside = Fix.replace("inner", 2, 3, "Z")
    text, chosen = apply_fixes("(abc)", [inside, both])
    assert text == "（abc）" and chosen == [both]


# --- the fix loop -------------------------------------------------------------------------------

def test_loop_reaches_a_fixed_point_across_passes():
    outcome = _fix("甲方,,乙方", ["FX001", "FX002"])
    assert outcome.source.text == "甲方，乙方"
    assert outcome.passes == 2 and outcome.converged
    assert outcome.applied == {("FX001", "ascii-comma"): 2, ("FX002", "double-comma"): 1}
    assert outcome.diagnostics == []


def test_overlap_is_deferred_to_the_next_pass_not_lost():
    outcome = _fix("abcbc", ["FX007", "FX008"])
    # pass 1: ab→c (0-2) wins over bc (1-3); bc at 3-5 is independent → "ccd"; nothing left
    assert outcome.source.text == "ccd"
    assert outcome.converged


def test_pass_limit_is_reported_when_fixes_cycle():
    outcome = _fix("甲", ["FX005", "FX006"], max_passes=5)
    assert not outcome.converged
    assert outcome.passes == 5


def test_unsafe_fixes_need_the_flag_and_display_fixes_never_apply():
    text = "XX单位TODO,完成"
    safe = _fix(text, ["FX001", "FX003", "FX004"])
    assert safe.source.text == "XX单位TODO，完成"
    unsafe = _fix(text, ["FX001", "FX003", "FX004"], unsafe=True)
    assert unsafe.source.text == "XX单位，完成"
    assert [d.code for d in unsafe.diagnostics] == ["FX004"]


def test_selection_is_honoured():
    outcome = _fix("甲方,,乙方", ["FX002"])
    assert not outcome.changed and outcome.fixed == 0


def test_fix_that_changes_nothing_does_not_spin():
    noop = _rule("FX009", "noop", "，", "，", SAFE, "a comma replaced with itself")
    lint = _linter_for(["FX009"], [noop])
    outcome = fix_until_stable(Source.from_text("甲，乙"), lint)
    assert outcome.passes == 0 and outcome.converged and not outcome.changed


def test_blanked_directive_lines_keep_their_text_in_original():
    """Readers blank markup/directives in ``text``; a fix must edit ``original`` at the same offsets."""
    source = Source.from_text("<!-- reportlint-disable FX003 -->\n甲,乙\n")
    outcome = fix_until_stable(source, _linter_for(["FX001"]))
    assert outcome.source.original == "<!-- reportlint-disable FX003 -->\n甲，乙\n"


# --- the CLI in fix mode, with the test rules installed as a plugin ----------------------------

class _TestRules:
    @hookimpl
    def reportlint_rules(self) -> list[type]:
        return list(CLI_RULES)


@pytest.fixture
def run(monkeypatch, tmp_path):
    """Run ``reportlint`` in-process with only the test rules selected; returns (code, out, err)."""
    build = manager.build

    def with_test_rules(load_entry_points: bool = True):
        plugins = build(load_entry_points=False)
        plugins.manager.register(_TestRules(), name="fix-test-rules")
        return plugins

    monkeypatch.setattr(manager, "build", with_test_rules)
    monkeypatch.chdir(tmp_path)

    def go(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
        out, err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8"), io.StringIO()
        monkeypatch.setattr("sys.stdout", out)
        monkeypatch.setattr("sys.stderr", err)
        if stdin is not None:
            monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        code = cli.main(["check", "--format", "concise", "--select", "FX", *args])
        out.flush()
        return code, out.buffer.getvalue().decode("utf-8"), err.getvalue()

    return go


def test_fix_applies_safe_fixes_and_exits_by_what_remains(run, tmp_path):
    (tmp_path / "a.txt").write_text("甲方,,乙方。\nTODO继续\n", encoding="utf-8")
    code, out, err = run("--fix", "a.txt")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "甲方，乙方。\nTODO继续\n"
    assert code == 1 and "FX003" in out and "FX001" not in out
    assert "已修复 3 个问题" in err

    (tmp_path / "a.txt").write_text("甲方,乙方。\n", encoding="utf-8")
    code, out, err = run("--fix", "a.txt")
    assert code == 0


def test_unsafe_fixes_flag_adds_unsafe_fixes(run, tmp_path):
    (tmp_path / "a.txt").write_text("TODO继续,完成\n", encoding="utf-8")
    code, _, _ = run("--fix", "--unsafe-fixes", "a.txt")
    assert code == 0
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "继续，完成\n"


def test_unsafe_fixes_alone_writes_nothing(run, tmp_path):
    (tmp_path / "a.txt").write_text("TODO继续,完成\n", encoding="utf-8")
    code, _, _ = run("--unsafe-fixes", "a.txt")
    assert code == 1
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "TODO继续,完成\n"


def test_diff_writes_nothing_and_exits_1_when_there_is_something_to_fix(run, tmp_path):
    (tmp_path / "a.txt").write_text("第一行\n甲方,乙方\n", encoding="utf-8")
    code, out, err = run("--diff", "a.txt")
    assert code == 1
    assert out == "--- a.txt\n+++ a.txt\n@@ -1,2 +1,2 @@\n 第一行\n-甲方,乙方\n+甲方，乙方\n"
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "第一行\n甲方,乙方\n"
    assert "可修复 1 个问题" in err

    (tmp_path / "b.txt").write_text("XX单位\n", encoding="utf-8")  # display-only: nothing to fix
    code, out, _ = run("--diff", "b.txt")
    assert (code, out) == (0, "")


def test_diff_marks_a_missing_final_newline(run, tmp_path):
    (tmp_path / "a.txt").write_text("甲,乙", encoding="utf-8")
    _, out, _ = run("--diff", "a.txt")
    assert out.endswith("-甲,乙\n\\ No newline at end of file\n+甲，乙\n\\ No newline at end of file\n")


def test_fix_only_reports_nothing_else(run, tmp_path):
    (tmp_path / "a.txt").write_text("XX单位,TODO\n", encoding="utf-8")
    code, out, err = run("--fix-only", "a.txt")
    assert (code, out) == (0, "")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "XX单位，TODO\n"
    assert "已修复 1 个问题" in err


def test_exit_non_zero_on_fix(run, tmp_path):
    (tmp_path / "a.txt").write_text("甲,乙\n", encoding="utf-8")
    assert run("--fix", "--exit-non-zero-on-fix", "a.txt")[0] == 1
    assert run("--fix", "--exit-non-zero-on-fix", "a.txt")[0] == 0  # nothing left to fix
    (tmp_path / "b.txt").write_text("甲,乙\n", encoding="utf-8")
    assert run("--fix-only", "--exit-non-zero-on-fix", "b.txt")[0] == 1


def test_show_fixes_lists_fixes_by_file_and_rule(run, tmp_path):
    (tmp_path / "a.txt").write_text("甲,,乙\n", encoding="utf-8")
    _, _, err = run("--fix", "--show-fixes", "--lang", "en", "a.txt")
    assert "Fixed 3 problems." in err
    assert "- a.txt:\n      2 × FX001 (ascii-comma)\n      1 × FX002 (double-comma)\n" in err


def test_ignore_and_select_are_honoured_in_fix_mode(run, tmp_path):
    (tmp_path / "a.txt").write_text("甲,,乙\n", encoding="utf-8")
    code, _, _ = run("--fix", "--ignore", "FX002", "a.txt")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "甲，，乙\n"
    assert code == 0


def test_stdin_fix_writes_fixed_text_to_stdout_and_findings_to_stderr(run):
    code, out, err = run("--fix", "-", stdin="甲,乙\r\nTODO\r\n".encode())
    assert out == "甲，乙\r\nTODO\r\n"
    assert code == 1 and "FX003" in err


def test_stdin_that_cannot_be_echoed_faithfully_is_an_error(run):
    code, out, err = run("--fix", "-", stdin="甲,乙\r\n丙\n".encode())
    assert code == 2 and out == ""
    assert err.count("reportlint: error: -") == 1


def test_mixed_newlines_are_reported_not_rewritten(run, tmp_path):
    data = "甲,乙\r\n丙\n".encode()
    (tmp_path / "a.txt").write_bytes(data)
    code, out, err = run("--fix", "--lang", "en", "a.txt")
    assert (tmp_path / "a.txt").read_bytes() == data
    assert code == 1 and "FX001" in out
    assert "a.txt: 1 fixable problem not fixed, file left unchanged" in err
    code, out, err = run("--diff", "a.txt")
    assert (code, out) == (1, "")


def test_encoding_and_bom_and_newlines_survive(run, tmp_path):
    text = "一、总体情况\r\n甲方,乙方\r\n"
    (tmp_path / "g.txt").write_bytes(text.encode("gb18030"))
    (tmp_path / "u.txt").write_bytes("\ufeff".encode("utf-16-le") + text.encode("utf-16-le"))
    (tmp_path / "b.txt").write_bytes(b"\xef\xbb\xbf" + text.encode())
    assert run("--fix", "--encoding", "gb18030", "g.txt")[0] == 0
    assert run("--fix", "u.txt", "b.txt")[0] == 0
    fixed = text.replace(",", "，")
    assert (tmp_path / "g.txt").read_bytes() == fixed.encode("gb18030")
    assert (tmp_path / "u.txt").read_bytes() == b"\xff\xfe" + fixed.encode("utf-16-le")
    assert (tmp_path / "b.txt").read_bytes() == b"\xef\xbb\xbf" + fixed.encode()


def test_suppressed_findings_are_not_fixed(run, tmp_path):
    text = "<!-- reportlint-disable-next-line FX001 -->\n甲,乙\n丙,丁\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    code, out, _ = run("--fix", "a.txt")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == text.replace("丙,丁", "丙，丁")
    assert code == 0 and "FX001" not in out


# --- parse safety and warnings -------------------------------------------------------------------

def _breaks_skeleton_on(marker: str, lint):
    """A lint whose Document reports a grammar problem once ``marker`` appears in the text."""
    import dataclasses

    from reportlint.model import Span

    def wrapped(source):
        document, diagnostics = lint(source)
        if marker in source.text:
            document = dataclasses.replace(document, problems=((Span(0, 0), "test"),))
        return document, diagnostics

    return wrapped


def test_a_pass_that_breaks_the_skeleton_is_dropped():
    lint = _breaks_skeleton_on("，，", _linter_for(["FX001", "FX002"]))
    outcome = fix_until_stable(Source.from_text("甲,,乙"), lint)
    assert not outcome.changed and outcome.stopped and outcome.fixed == 0


def test_a_file_whose_skeleton_did_not_parse_is_not_rewritten(tmp_path):
    from reportlint.fix.mode import FixSettings, fix_file

    path = tmp_path / "a.txt"
    path.write_text("甲,乙\n", encoding="utf-8")
    lint = _breaks_skeleton_on("甲", _linter_for(["FX001"]))
    outcome = fix_file(str(path), Source.from_text("甲,乙\n", str(path)), lint, FixSettings())
    assert str(outcome.refused) == "the report skeleton could not be parsed" and outcome.pending == 1
    assert outcome.refused is not None and outcome.refused.text("zh") == "无法解析报告结构"
    assert path.read_text(encoding="utf-8") == "甲,乙\n"


def test_non_convergence_is_reported_and_the_passes_made_are_kept(tmp_path):
    from types import SimpleNamespace

    from reportlint.fix.mode import FixSettings, emit, fix_file, status
    from reportlint.outcome import EXIT_FINDINGS, Totals, exit_code

    path = tmp_path / "a.txt"
    path.write_text("甲\n", encoding="utf-8")
    settings = FixSettings(max_passes=3)
    outcome = fix_file(str(path), Source.from_text("甲\n", str(path)), _linter_for(["FX005", "FX006"]), settings)
    assert path.read_text(encoding="utf-8") == "乙\n"  # three passes: 甲→乙→甲→乙
    result = SimpleNamespace(path="a.txt", error=None, fix=outcome, diagnostics=outcome.diagnostics,
                             source=outcome.source)
    out, err = io.StringIO(), io.StringIO()
    assert emit([result], settings, "en", out, err) is out
    assert "a.txt: fixes did not converge after 3 passes (FX006 keep rewriting the text)" in err.getvalue()
    totals = Totals()
    totals.add(result)
    totals.add_fix(result.path, *status(result, settings))
    assert exit_code(totals, settings) == EXIT_FINDINGS


def test_fixing_a_txt_imports_neither_docx_nor_the_word_writer(tmp_path):
    import subprocess
    import sys

    (tmp_path / "a.txt").write_text("一、总体情况\n甲方,乙方。\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-X", "importtime", "-m", "reportlint", "check", "--fix", "a.txt"],
                         cwd=tmp_path, capture_output=True, text=True, check=False)
    assert run.returncode in (0, 1), run.stderr
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "一、总体情况\n甲方，乙方。\n"
    imported = {line.rsplit("|", 1)[-1].strip() for line in run.stderr.splitlines() if "|" in line}
    assert "reportlint.fix.writer" in imported  # the probe sees our own imports
    assert not {"docx", "reportlint.fix.docx"} & imported


def test_stdin_fix_only_prints_just_the_text_and_diff_prints_just_the_diff(run):
    code, out, _ = run("--fix-only", "-", stdin="甲,乙\nTODO\n".encode())
    assert (code, out) == (0, "甲，乙\nTODO\n")
    code, out, _ = run("--diff", "-", stdin="甲,乙\n".encode())
    assert (code, out) == (1, "--- -\n+++ -\n@@ -1 +1 @@\n-甲,乙\n+甲，乙\n")
