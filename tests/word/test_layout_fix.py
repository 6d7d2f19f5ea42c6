"""``check --fix`` on the layout of a .docx: fonts, sizes, indents, alignment, margins written
into word/document.xml, plainly or as tracked formatting changes (``--track-changes``)."""

from __future__ import annotations

import io
import zipfile

from reportlint.load.docx import read
from reportlint.load.docx_layout import read_formatting
from reportlint.testing_docx import build

DOC = ("关于做好2024年防汛工作的通知\n各乡镇人民政府：\n为切实做好今年防汛工作，现将有关事项通知如下。\n"
       "一、提高思想认识\n（一）压实责任。各地要落实防汛责任制。\n各单位要认真贯彻落实。\n县人民政府\n2024年5月6日\n"
       "附件\n防汛责任表\n抄送：县委办公室。\n县政府办公室　2024年5月6日印发")
BROKEN = {"body": {"font": "宋体", "size": 12, "indent": 0},
          "page": {"top": 25.4, "bottom": 25.4, "left": 31.8, "right": 31.8},
          "title": {"font": "黑体", "size": 18, "align": "left"}, "h1": {"font": "仿宋_GB2312"},
          "attachment": {"font": "仿宋_GB2312", "size": 16, "indent": 2},
          "imprint": {"size": 16}}
FIXABLE = {"LY002", "LY004", "LY005", "LY006", "LY007", "LY009", "LY011"}


def _codes(cli, name: str) -> list[str]:
    run = cli("check", "--select", "layout", "--output-format", "concise", name)
    return sorted({line.split()[1] for line in run.stdout.splitlines() if " LY0" in line})


def _document_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("word/document.xml").decode("utf-8")


def test_fix_writes_the_layout_and_the_fixed_file_has_no_such_finding(cli, tmp_path):
    (tmp_path / "gw.docx").write_bytes(build(DOC, BROKEN))
    before = _codes(cli, "gw.docx")
    assert FIXABLE <= set(before), before
    original = read((tmp_path / "gw.docx").read_bytes(), "gw.docx").text
    run = cli("check", "--fix", "--select", "layout", "gw.docx")
    assert "修复" in run.stderr or "fixed" in run.stderr, run.stderr
    after = _codes(cli, "gw.docx")
    assert not FIXABLE & set(after), after
    data = (tmp_path / "gw.docx").read_bytes()
    assert read(data, "gw.docx").text == original  # formatting only: the text is the same
    fmt = read_formatting(data)
    body = fmt.paragraphs[2]
    assert {(r.east_asia, r.size) for r in body.runs} == {("仿宋_GB2312", 16.0)}
    assert body.first_line_chars == 200
    assert fmt.paragraphs[0].align == "center"
    assert round(fmt.sections[0].top / 1440 * 25.4) == 37 and round(fmt.sections[0].left / 1440 * 25.4) == 28
    assert "w:rPrChange" not in _document_xml(data)  # plain fixes leave no revision behind


def test_track_changes_records_the_old_formatting(cli, tmp_path):
    (tmp_path / "gw.docx").write_bytes(build(DOC, BROKEN))
    run = cli("check", "--fix", "--track-changes", "--select", "LY002,LY004,LY005,LY007", "gw.docx")
    assert run.returncode in (0, 1), run.stderr
    xml = _document_xml((tmp_path / "gw.docx").read_bytes())
    for tag in ("w:rPrChange", "w:pPrChange", "w:sectPrChange"):
        assert f"<{tag} " in xml, tag
    assert 'w:author="reportlint"' in xml
    # the old run properties are kept inside the changes: the title's 黑体 18 pt, the body's 宋体 12 pt
    changes = [part.split("</w:rPrChange>")[0] for part in xml.split("<w:rPrChange ")[1:]]
    assert any('w:eastAsia="黑体"' in c and 'w:sz w:val="36"' in c for c in changes)
    assert any('w:eastAsia="宋体"' in c and 'w:sz w:val="24"' in c for c in changes)
    # and the run itself now says 仿宋_GB2312 16 pt
    assert xml.count('w:eastAsia="仿宋_GB2312"') >= 4
    assert not {"LY002", "LY004", "LY005", "LY007"} & set(_codes(cli, "gw.docx"))


def test_diff_and_a_refused_write_leave_the_file_untouched(cli, tmp_path):
    data = build(DOC, BROKEN)
    (tmp_path / "gw.docx").write_bytes(data)
    cli("check", "--diff", "--select", "layout", "gw.docx")
    assert (tmp_path / "gw.docx").read_bytes() == data
    (tmp_path / "gw.docx").chmod(0o444)
    run = cli("check", "--fix", "--select", "layout", "gw.docx")
    (tmp_path / "gw.docx").chmod(0o644)
    assert (tmp_path / "gw.docx").read_bytes() == data
    assert run.returncode == 2 and "gw.docx" in run.stderr


def test_the_fix_is_written_to_a_new_file_atomically(tmp_path):
    """``write_formats`` goes through the atomic writer: no temporary file is left next to it."""
    from reportlint.fix.docx_layout import write_formats

    path = tmp_path / "gw.docx"
    path.write_bytes(build(DOC, {"body": {"size": 12}}))
    text = read(path.read_bytes(), "gw.docx").text
    out = write_formats(str(path), text, [("run", 3, 0, "size", 16.0)])
    assert path.read_bytes() == out and [p.name for p in tmp_path.iterdir()] == ["gw.docx"]
    assert read_formatting(out).paragraphs[2].runs[0].size == 16.0
