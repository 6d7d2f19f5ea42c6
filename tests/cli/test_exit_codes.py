"""Exit codes are decided once (``reportlint.outcome``), from the run's totals, for every mode."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from reportlint import outcome
from reportlint.diagnostics import Diagnostic, Severity
from reportlint.fix.mode import FixSettings
from reportlint.outcome import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, Totals, exit_code


def _result(findings: int = 0, error: str | None = None, read: bool = True):
    diags = [Diagnostic("ZZ901", "x", Severity.WARNING, "m", 0, 1)] * findings
    return SimpleNamespace(path="a.txt", source=object() if read else None, diagnostics=diags, error=error)


def _totals(*results, fixed: int = 0, not_written: bool = False, failed: bool = False) -> Totals:
    totals = Totals()
    for r in results:
        totals.add(r)
    totals.add_fix("a.txt", fixed, not_written, failed, [])
    return totals


@pytest.mark.parametrize(("totals", "fix", "expected"), [
    (_totals(_result()), None, EXIT_OK),
    (_totals(_result(2)), None, EXIT_FINDINGS),
    (_totals(_result(2), _result(error="unreadable", read=False)), None, EXIT_ERROR),
    (_totals(_result(error="rule crashed")), None, EXIT_ERROR),
    # --fix: what was fixed does not count, what remains does
    (_totals(_result(), fixed=3), FixSettings(), EXIT_OK),
    (_totals(_result(1), fixed=3), FixSettings(), EXIT_FINDINGS),
    (_totals(_result(), fixed=3), FixSettings(exit_non_zero_on_fix=True), EXIT_FINDINGS),
    (_totals(_result(), failed=True), FixSettings(), EXIT_ERROR),  # a read-only file
    # --diff: 1 when anything would be fixed or could not be written
    (_totals(_result(1)), FixSettings(diff=True), EXIT_OK),
    (_totals(_result(1), fixed=1), FixSettings(diff=True), EXIT_FINDINGS),
    (_totals(_result(), not_written=True), FixSettings(diff=True), EXIT_FINDINGS),
    # --fix-only: remaining findings do not count, unwritten fixes do
    (_totals(_result(4), fixed=1), FixSettings(fix_only=True), EXIT_OK),
    (_totals(_result(4), not_written=True), FixSettings(fix_only=True), EXIT_FINDINGS),
])
def test_exit_code_by_mode(totals, fix, expected):
    assert exit_code(totals, fix) == expected


def test_exit_zero_turns_findings_into_0_but_never_an_error():
    assert exit_code(_totals(_result(2)), None, exit_zero=True) == EXIT_OK
    assert exit_code(_totals(_result(error="x")), None, exit_zero=True) == EXIT_ERROR


def test_the_cli_and_the_run_use_the_one_set_of_constants():
    from reportlint import cli
    from reportlint.fix import mode
    from reportlint.run import check

    assert (cli.EXIT_OK, cli.EXIT_FINDINGS, cli.EXIT_ERROR) == (0, 1, 2)
    assert cli.EXIT_ERROR is outcome.EXIT_ERROR
    assert not hasattr(check, "exit_code") or check.exit_code is outcome.exit_code
    assert not hasattr(mode, "exit_code")


def test_totals_count_what_the_summary_line_needs():
    totals = _totals(_result(2), _result(), _result(error="unreadable", read=False), _result(1, error="crash"))
    assert (totals.files, totals.checked, totals.unread, totals.crashed) == (4, 3, 1, 1)
    assert (totals.findings, totals.with_findings, totals.errors) == (3, 2, 2)
    assert totals.rules["ZZ901"].count == 3


def test_cli_exit_codes_end_to_end(cli, tmp_path):
    (tmp_path / "clean.txt").write_text("会议纪要\n会议研究了有关事项。\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_text("关于2023年度工作的通知\n甲方,乙方。\n", encoding="utf-8")
    assert cli("check", "--select", "PU", "clean.txt").returncode == EXIT_OK
    assert cli("check", "--select", "PU", "bad.txt").returncode == EXIT_FINDINGS
    assert cli("check", "--select", "PU", "--exit-zero", "bad.txt").returncode == EXIT_OK
    assert cli("check", "--select", "PU", "missing.txt").returncode == EXIT_ERROR
    assert cli("check", "--select", "PU", "--diff", "bad.txt").returncode == EXIT_FINDINGS
    assert cli("check", "--select", "PU", "--fix", "bad.txt").returncode == EXIT_OK
    assert (tmp_path / "bad.txt").read_text(encoding="utf-8") == "关于2023年度工作的通知\n甲方，乙方。\n"
