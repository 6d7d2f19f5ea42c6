"""``--fix`` on .docx: edits inside one run are written, formatting and other parts are kept."""

from __future__ import annotations

import zipfile

import pytest

docx = pytest.importorskip("docx", reason="python-docx is a runtime dependency of reportlint")

SELECT = ["--select", "HD004,PU001,DT003"]


def _make(path) -> None:
    document = docx.Document()
    document.add_paragraph("县教育局2023年工作总结")
    document.add_paragraph("一、主要工作")
    document.add_paragraph("1、加强安全管理,开展隐患排查。")
    paragraph = document.add_paragraph()
    paragraph.add_run("会议于")
    paragraph.add_run("2019.").bold = True  # the date spans a bold run and a plain one
    paragraph.add_run("3.5召开,部署工作。")
    paragraph = document.add_paragraph()
    paragraph.add_run("关键词").bold = True
    paragraph.add_run("正常文字,继续推进。")
    document.save(path)


def _runs(path) -> list[list[tuple[str, bool | None]]]:
    return [[(r.text, r.bold) for r in p.runs] for p in docx.Document(path).paragraphs]


def test_fixes_inside_runs_are_written_and_fixes_across_runs_are_reported(cli, tmp_path):
    path = tmp_path / "report.docx"
    _make(path)
    before = path.read_bytes()
    run = cli("check", "--fix", "--lang", "en", *SELECT, "report.docx")
    assert run.returncode == 1
    assert "report.docx: 1 fix not applied, not fixable in Word" in run.stderr
    assert _runs(path) == [
        [("县教育局2023年工作总结", None)],
        [("一、主要工作", None)],
        [("1.加强安全管理，开展隐患排查。", None)],
        [("会议于", None), ("2019.", True), ("3.5召开，部署工作。", None)],
        [("关键词", True), ("正常文字，继续推进。", None)],
    ]
    assert "DT003" in run.stdout and "PU001" not in run.stdout and "HD004" not in run.stdout
    with zipfile.ZipFile(tmp_path / "report.docx") as new, zipfile.ZipFile(_bytes_file(tmp_path, before)) as old:
        assert [i.filename for i in new.infolist()] == [i.filename for i in old.infolist()]
        changed = [i.filename for i in old.infolist() if old.read(i) != new.read(i.filename)]
    assert changed == ["word/document.xml"]


def test_second_fix_run_leaves_the_docx_byte_identical(cli, tmp_path):
    path = tmp_path / "report.docx"
    _make(path)
    cli("check", "--fix", *SELECT, "report.docx")
    once = path.read_bytes()
    again = cli("check", "--fix", *SELECT, "report.docx")
    assert again.returncode == 1
    assert path.read_bytes() == once


def test_diff_of_a_docx_writes_nothing(cli, tmp_path):
    path = tmp_path / "report.docx"
    _make(path)
    before = path.read_bytes()
    run = cli("check", "--diff", *SELECT, "report.docx")
    assert run.returncode == 1
    assert "\n-1、加强安全管理,开展隐患排查。\n" in run.stdout
    assert "\n+1.加强安全管理，开展隐患排查。\n" in run.stdout
    assert "\n+会议于2019.3.5召开，部署工作。\n" in run.stdout  # the date across runs stays
    assert path.read_bytes() == before


def _bytes_file(tmp_path, data: bytes):
    path = tmp_path / "before.docx"
    path.write_bytes(data)
    return path


def test_a_run_with_a_tab_is_not_rewritten_and_the_file_is_left_alone(cli, tmp_path):
    path = tmp_path / "tabbed.docx"
    document = docx.Document()
    run = document.add_paragraph().add_run("加强安全管理,开展隐患排查。")
    run.add_tab()
    document.save(path)
    before = path.read_bytes()
    result = cli("check", "--fix", "--lang", "en", *SELECT, "tabbed.docx")
    assert result.returncode == 1
    assert "tabbed.docx: 1 fixable problem not fixed, file left unchanged" in result.stderr
    assert "tabs, breaks or fields" in result.stderr
    assert path.read_bytes() == before
    result = cli("check", "--fix", *SELECT, "tabbed.docx")
    assert ("reportlint: warning: tabbed.docx: 未修复 1 个可修复的问题，文件未改动："
            "有修复落在含制表符、换行或域的 Word 文字片段（run）中，请在 Word 中修改") in result.stderr
    assert path.read_bytes() == before


def test_a_fix_that_spans_runs_is_not_offered_as_fixable(cli, tmp_path):
    """The [*] mark and the fixable count promise only what --fix can write into the Word file."""
    _make(tmp_path / "report.docx")
    run = cli("check", "--format", "concise", "--lang", "en", *SELECT, "report.docx")
    lines = {line.split(": ")[1].split()[0]: line for line in run.stdout.splitlines() if line.startswith("report.docx:")}
    assert "[*]" in lines["HD004"] and "[*]" in lines["PU001"]
    assert "DT003" in lines and "[*]" not in lines["DT003"]
    fixable_in_word = sum("[*]" in line for line in run.stdout.splitlines())
    assert f" {fixable_in_word} fixable with --fix" in run.stdout
    full = cli("check", "--format", "full", "--lang", "en", *SELECT, "report.docx")
    assert "not applied in Word" in full.stdout
