"""Word .docx: paragraphs and table cells are lines, heading styles are hints, findings quote text."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest

from reportlint.load.docx import heading_level, read
from reportlint.run.check import CheckOptions, run

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "inputs" / "farm-report.txt"


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").rstrip("\n").split("\n")


def _docx_from_lines(lines: list[str], path: Path) -> None:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(path)


def _findings(path: Path, **options) -> list[tuple[str, int, int]]:
    _, results = run([str(path)], CheckOptions(**options))
    assert [r.error for r in results] == [None]
    source = results[0].source
    return [(d.code, *source.lines.position(d.start)) for d in results[0].diagnostics]


@pytest.mark.parametrize("which", ["seed", "fixture"])
def test_docx_gives_the_same_codes_on_the_same_paragraphs_as_the_txt(which, request, tmp_path):
    original = request.getfixturevalue("seed_path") if which == "seed" else FIXTURE
    txt = tmp_path / "report.txt"
    shutil.copy(original, txt)
    word = tmp_path / "report.docx"
    _docx_from_lines(_lines(original), word)
    want = _findings(txt)
    assert want
    # the layout family (LY) reads formatting only a .docx has: compare the text rules
    assert [f for f in _findings(word) if not f[0].startswith("LY")] == want


def test_tables_runs_and_styles(tmp_path):
    document = docx.Document()
    document.add_paragraph("某县农业农村局2023年工作总结", style="Title")
    document.add_paragraph("一、主要工作", style="Heading 1")
    paragraph = document.add_paragraph()
    paragraph.add_run("组织")
    paragraph.add_run("xx乡").bold = True
    paragraph.add_run("开展村庄清洁行动。")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "项目"
    table.cell(0, 1).text = "数量"
    table.cell(1, 0).text = "整治沟渠"
    table.cell(1, 1).text = "xx公里"
    document.add_paragraph("存在的问题", style="Heading 2")
    path = tmp_path / "t.docx"
    document.save(path)

    source = read(path.read_bytes(), "t.docx")
    assert source.text.split("\n") == ["某县农业农村局2023年工作总结", "一、主要工作", "组织xx乡开展村庄清洁行动。",
                                       "项目", "数量", "整治沟渠", "xx公里", "存在的问题"]
    assert dict(source.heading_hints) == {1: 0, 2: 1, 8: 2}
    layout = source.layout
    assert [p.where for p in layout.paragraphs][3:7] == [
        "table 1 row 1 cell 1", "table 1 row 1 cell 2", "table 1 row 2 cell 1", "table 1 row 2 cell 2"]
    offset = source.text.index("xx乡")
    paragraph_info, run_info = layout.run_at(source, offset)
    assert paragraph_info.line == 3 and run_info is not None
    assert source.text[run_info.start:run_info.end] == "xx乡" and run_info.index == 1
    assert not source.lossless and source.format == "docx"


def test_merged_cells_are_read_once(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "合并单元格"
    table.cell(0, 2).text = "右侧"
    path = tmp_path / "m.docx"
    document.save(path)
    assert read(path.read_bytes(), "m.docx").text.split("\n") == ["合并单元格", "右侧"]


def test_line_breaks_inside_a_paragraph_keep_the_paragraph_numbering(tmp_path):
    document = docx.Document()
    document.add_paragraph("第一段")
    paragraph = document.add_paragraph("第二段上半")
    paragraph.add_run().add_break()
    paragraph.add_run("下半")
    document.add_paragraph("第三段")
    path = tmp_path / "b.docx"
    document.save(path)
    source = read(path.read_bytes(), "b.docx")
    assert source.text.split("\n") == ["第一段", "第二段上半 下半", "第三段"]


def test_concise_output_names_the_paragraph_and_quotes_it(cli, tmp_path):
    _docx_from_lines(_lines(FIXTURE), tmp_path / "farm.docx")
    zh = cli("check", "--format", "concise", "--select", "PH002", "farm.docx")
    assert "farm.docx:5:15: PH002" in zh.stdout
    assert "〔第5段：“…推进人居环境整治。组织xx乡开展村庄清洁行动，整…”〕" in zh.stdout
    en = cli("check", "--format", "concise", "--lang", "en", "--select", "PH002", "farm.docx")
    assert '[paragraph 5: "…推进人居环境整治。组织xx乡开展村庄清洁行动，整…"]' in en.stdout


def test_txt_output_has_no_paragraph_note(cli, tmp_path):
    shutil.copy(FIXTURE, tmp_path / "farm.txt")
    out = cli("check", "--format", "concise", "--select", "PH002", "farm.txt")
    assert "farm.txt:5:15: PH002" in out.stdout and "〔" not in out.stdout


@pytest.mark.parametrize(("style", "level"), [
    ("Title", 0), ("Heading 1", 1), ("heading 3", 3), ("标题 2", 2), ("标题", 0), ("Normal", None),
    ("List Paragraph", None)])
def test_heading_styles(style, level):
    assert heading_level(style) == level
