"""``check --fix`` / ``--diff`` on the real defective seed report, with the built-in rules."""

from __future__ import annotations

import difflib
import json

import pytest


def _findings(cli, path) -> list[dict]:
    result = cli("check", "--format", "json", "--no-summary", str(path))
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def _safe(findings: list[dict]) -> list[dict]:
    return [f for f in findings if f["fix"] and f["fix"]["applicability"] == "safe"]


@pytest.fixture
def seed_copy(seed_path, tmp_path):
    path = tmp_path / "seed.txt"
    path.write_bytes(seed_path.read_bytes())  # not shutil.copy: the shared seed is read-only, and --fix refuses read-only files
    return path


@pytest.fixture
def fixed_seed(cli, seed_copy):
    """The seed after one ``--fix`` run: (path, bytes before, bytes after, the run)."""
    before = seed_copy.read_bytes()
    if not _safe(_findings(cli, seed_copy)):
        pytest.fail("the seed has no safe-fixable finding: the fix rule families are missing")
    run = cli("check", "--fix", "--show-fixes", "--lang", "en", str(seed_copy))
    assert run.returncode in (0, 1), run.stderr
    return seed_copy, before, seed_copy.read_bytes(), run


def test_fix_removes_every_safe_fixable_finding(cli, fixed_seed):
    path, before, after, run = fixed_seed
    assert after != before
    assert _safe(_findings(cli, path)) == []
    assert "Fixed " in run.stderr and "- " in run.stderr


def _unfixable(findings):
    return sorted(f["code"] for f in findings if not (f["fix"] and f["fix"]["applicability"] == "safe"))


def test_findings_without_a_safe_fix_survive_the_fix(cli, seed_path, fixed_seed):
    path = fixed_seed[0]
    before = _unfixable(_findings(cli, seed_path))
    after = _unfixable(_findings(cli, path))
    assert set(after) <= set(before)
    assert after.count("PH002") == before.count("PH002")  # placeholders are never "fixed" away


def test_second_fix_changes_nothing(cli, fixed_seed):
    path, _, after, _ = fixed_seed
    again = cli("check", "--fix", "--lang", "en", str(path))
    assert path.read_bytes() == after
    assert "Fixed" not in again.stderr


def test_diff_on_the_original_shows_exactly_the_changes_fix_makes(cli, seed_copy, tmp_path):
    original = seed_copy.read_text(encoding="utf-8")
    diff = cli("check", "--diff", "seed.txt", cwd=tmp_path)
    assert diff.returncode == 1
    assert seed_copy.read_text(encoding="utf-8") == original  # --diff writes nothing
    cli("check", "--fix", "seed.txt", cwd=tmp_path)
    fixed = seed_copy.read_text(encoding="utf-8")
    expected = "".join(difflib.unified_diff(
        original.splitlines(keepends=True), fixed.splitlines(keepends=True), "seed.txt", "seed.txt"))
    assert diff.stdout == expected


@pytest.mark.parametrize("encoding, newline, flag", [
    ("gb18030", "\n", True), ("utf-8", "\r\n", False), ("gb18030", "\r\n", True), ("gb18030", "\r\n", False),
])
def test_gb18030_and_crlf_seed_come_out_the_same_way(cli, seed_path, fixed_seed, tmp_path, encoding, newline, flag):
    fixed_utf8 = fixed_seed[2].decode("utf-8")
    path = tmp_path / f"seed-{encoding}-{len(newline)}.txt"
    path.write_bytes(seed_path.read_text(encoding="utf-8").replace("\n", newline).encode(encoding))
    run = cli("check", "--fix", *(["--encoding", encoding] if flag else []), str(path))
    assert run.returncode in (0, 1), run.stderr
    assert path.read_bytes() == fixed_utf8.replace("\n", newline).encode(encoding)


def test_unsafe_fixes_leave_no_fixable_finding_and_are_stable(cli, seed_copy):
    run = cli("check", "--fix", "--unsafe-fixes", "--show-fixes", "--lang", "en", str(seed_copy))
    assert run.returncode in (0, 1), run.stderr
    fixable = [f for f in _findings(cli, seed_copy) if f["fix"] and f["fix"]["applicability"] != "display"]
    assert fixable == []
    once = seed_copy.read_bytes()
    cli("check", "--fix", "--unsafe-fixes", str(seed_copy))
    assert seed_copy.read_bytes() == once
