"""Baseline: old findings stay quiet when lines move; new ones are reported; duplicates count."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "inputs" / "farm-report.txt"
NEW_DEFECT = "另组织xx镇召开现场推进会。"
TOP = ["内部资料，请妥善保管。", "以下为本单位年度工作情况。"]  # two clean lines pushed on top


def _json(result) -> list[dict]:
    return json.loads(result.stdout)


def _moved_with_one_new_defect(path: Path, after_line: int) -> int:
    """Insert two lines at the top and a new defect after ``after_line``; return its line number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(after_line, NEW_DEFECT)
    path.write_text("\n".join(TOP + lines), encoding="utf-8")
    return after_line + 3


def _baseline_round(cli, tmp_path: Path, original: Path, after_line: int) -> None:
    report = tmp_path / "report.txt"
    shutil.copy(original, report)
    before = _json(cli("check", "--format", "json", "report.txt"))
    assert before, "nothing to record"
    written = cli("check", "--write-baseline", "baseline.json", "report.txt")
    assert written.returncode == 0 and "baseline.json" in written.stderr
    assert cli("check", "--baseline", "baseline.json", "report.txt").returncode == 0

    new_line = _moved_with_one_new_defect(report, after_line)
    everything = _json(cli("check", "--format", "json", "report.txt"))
    assert len(everything) == len(before) + 1  # the old findings are all still there, two lines lower
    result = cli("check", "--format", "json", "--baseline", "baseline.json", "report.txt")
    assert result.returncode == 1
    assert [(f["code"], f["line"], f["column"]) for f in _json(result)] == [("PH002", new_line, 4)]


def test_seed_baseline_reports_only_the_new_defect(cli, tmp_path, seed_path):
    _baseline_round(cli, tmp_path, seed_path, after_line=10)


def test_fixture_baseline_reports_only_the_new_defect(cli, tmp_path):
    _baseline_round(cli, tmp_path, FIXTURE, after_line=7)


def test_duplicates_are_counted(cli, tmp_path):
    line = "组织xx乡开展村庄清洁行动。"
    (tmp_path / "r.txt").write_text(f"{line}\n{line}\n", encoding="utf-8")
    cli("check", "--select", "PH002", "--write-baseline", "b.json", "r.txt")
    entries = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["files"]["r.txt"]
    assert [e["count"] for e in entries] == [2]
    (tmp_path / "r.txt").write_text(f"{line}\n{line}\n{line}\n", encoding="utf-8")
    result = cli("check", "--select", "PH002", "--format", "json", "--baseline", "b.json", "r.txt")
    assert [f["line"] for f in _json(result)] == [3]


def test_baseline_paths_are_relative_to_the_baseline_file(cli, tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "r.txt").write_text("组织xx乡开展村庄清洁行动。\n", encoding="utf-8")
    cli("check", "--select", "PH002", "--write-baseline", "b.json", "docs", cwd=tmp_path)
    assert list(json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["files"]) == ["docs/r.txt"]
    inside = cli("check", "--select", "PH002", "--baseline", "../b.json", "r.txt", cwd=tmp_path / "docs")
    assert inside.returncode == 0, inside.stdout


def test_bad_baseline_file_is_one_line_and_exit_2(cli, tmp_path):
    (tmp_path / "r.txt").write_text("正文。\n", encoding="utf-8")
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    missing = cli("check", "--baseline", "none.json", "r.txt")
    assert missing.returncode == 2
    assert missing.stderr.strip() == "reportlint: error: none.json: 基线文件不存在（可用 --write-baseline 生成）"
    missing = cli("check", "--lang", "en", "--baseline", "none.json", "r.txt")
    assert missing.stderr.strip() == ("reportlint: error: none.json: no such baseline file "
                                      "(create it with --write-baseline)")
    broken = cli("check", "--lang", "en", "--baseline", "bad.json", "r.txt")
    assert broken.returncode == 2 and broken.stderr.count("\n") == 1 and "invalid JSON" in broken.stderr


def test_no_baseline_is_written_when_an_input_fails(cli, tmp_path):
    (tmp_path / "r.txt").write_text("组织xx乡开展村庄清洁行动。\n", encoding="utf-8")
    result = cli("check", "--write-baseline", "b.json", "r.txt", "missing.txt")
    assert result.returncode == 2
    assert not (tmp_path / "b.json").exists()
    assert "reportlint: error: b.json: 未写入基线：有 1 个输入无法检查" in result.stderr
    result = cli("check", "--lang", "en", "--write-baseline", "b.json", "r.txt", "missing.txt")
    assert "reportlint: error: b.json: baseline not written, 1 input(s) could not be checked" in result.stderr
