"""Word review tools: comments (批注) on the exact text, tracked changes (修订), every part read."""

from __future__ import annotations

import copy
import io
import json
import re
import zipfile
from pathlib import Path

import docx
from lxml import etree
from wordfixtures import W_NS, all_parts_docx, body_docx

W = f"{{{W_NS}}}"


def _document_xml(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read("word/document.xml"))


def _text(root: etree._Element) -> bytes:
    """The visible text of document.xml: each paragraph's w:t in order, one line each."""
    lines = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p")]
    return "\n".join(lines).encode("utf-8")


def _unwrap(element: etree._Element) -> None:
    parent = element.getparent()
    index = parent.index(element)
    for child in reversed(list(element)):
        parent.insert(index, child)
    parent.remove(element)


def accept_all(root: etree._Element) -> etree._Element:
    root = copy.deepcopy(root)
    for deleted in list(root.iter(f"{W}del")):
        deleted.getparent().remove(deleted)
    for inserted in list(root.iter(f"{W}ins")):
        _unwrap(inserted)
    return root


def reject_all(root: etree._Element) -> etree._Element:
    root = copy.deepcopy(root)
    for inserted in list(root.iter(f"{W}ins")):
        inserted.getparent().remove(inserted)
    for text in root.iter(f"{W}delText"):
        text.tag = f"{W}t"
    for deleted in list(root.iter(f"{W}del")):
        _unwrap(deleted)
    return root


def anchored_texts(path: Path) -> dict[int, str]:
    """Comment id → the text between its commentRangeStart and commentRangeEnd."""
    root = _document_xml(path)
    open_ids: set[int] = set()
    texts: dict[int, str] = {}
    for element in root.iter(f"{W}commentRangeStart", f"{W}commentRangeEnd", f"{W}t", f"{W}p"):
        if element.tag == f"{W}commentRangeStart":
            open_ids.add(int(element.get(f"{W}id")))
            texts.setdefault(int(element.get(f"{W}id")), "")
        elif element.tag == f"{W}commentRangeEnd":
            open_ids.discard(int(element.get(f"{W}id")))
        elif element.tag == f"{W}p":
            for i in open_ids:
                texts[i] += "\n" if texts[i] else ""
        else:
            for i in open_ids:
                texts[i] += element.text or ""
    return texts


REVIEW = ["县教育局2023年工作总结", "一、主要工作", None, "会议于2019.3.5召开,部署工作。"]


def _review_docx(path: Path) -> None:
    document = docx.Document()
    document.add_paragraph(REVIEW[0], style="Title")
    document.add_paragraph(REVIEW[1])
    paragraph = document.add_paragraph()
    paragraph.add_run("1、加强安全管理")
    paragraph.add_run(",开展").bold = True  # the finding is inside a bold run: split, still bold
    paragraph.add_run("隐患排查。")
    document.add_paragraph(REVIEW[3])
    document.save(path)


def test_annotate_puts_one_comment_per_finding_on_its_text(cli, tmp_path):
    path = tmp_path / "report.docx"
    _review_docx(path)
    original = path.read_bytes()
    found = json.loads(cli("check", "--format", "json", "report.docx").stdout)
    run = cli("annotate", "report.docx", "-o", "review.docx")
    assert run.returncode == 1, run.stderr
    assert path.read_bytes() == original
    assert "review.docx" in run.stderr and f"{len(found)} 条批注" in run.stderr

    review = docx.Document(tmp_path / "review.docx")
    comments = list(review.comments)
    assert len(comments) == len(found) >= 5
    assert {c.author for c in comments} == {"reportlint"}
    anchored = anchored_texts(tmp_path / "review.docx")
    lines = [REVIEW[0], REVIEW[1], "1、加强安全管理,开展隐患排查。", REVIEW[3]]
    by_code = {}
    for finding, comment in zip(sorted(found, key=lambda f: (f["line"], f["column"], f["code"])), comments):
        assert comment.text.startswith(f"{finding['code']} {finding['message']}")
        if finding["fix"] is not None:
            assert "建议：" in comment.text
        if finding["line"] == finding["end_line"] and finding["end_column"] > finding["column"]:
            expected = lines[finding["line"] - 1][finding["column"] - 1:finding["end_column"] - 1]
            assert anchored[comment.comment_id] == expected, finding
        by_code.setdefault(finding["code"], []).append(anchored[comment.comment_id])
    assert by_code["PU001"] == [",", ","] and by_code["DT003"] == ["2019.3.5"] and by_code["HD004"] == ["1、"]
    # the run was split around the comma; every piece kept its formatting
    runs = [(r.text, r.bold) for r in review.paragraphs[2].runs if r.text]
    assert runs == [("1、", None), ("加强安全管理", None), (",", True), ("开展", True), ("隐患排查。", None)]
    # a document-level finding (a missing section) is anchored on the title
    assert all(text == REVIEW[0] for text in by_code["SC001"])


def test_annotate_follows_selection_and_suppression_and_english(cli, tmp_path):
    path = tmp_path / "report.docx"
    _review_docx(path)
    run = cli("annotate", "report.docx", "--select", "PU001,DT003", "--lang", "en")
    assert run.returncode == 1
    review = docx.Document(tmp_path / "report.批注.docx")
    texts = sorted(c.text.split()[0] for c in review.comments)
    assert texts == ["DT003", "PU001", "PU001"]
    assert "wrote the review copy" in run.stderr and "Fix:" in "".join(c.text for c in review.comments)
    (tmp_path / ".reportlint.yaml").write_text("select: [PU001, DT003]\nignore: [PU001]\n", encoding="utf-8")
    cli("annotate", "report.docx", "-o", "second.docx")
    assert [c.text.split()[0] for c in docx.Document(tmp_path / "second.docx").comments] == ["DT003"]


def test_annotate_refuses_text_and_the_original_as_output(cli, tmp_path):
    (tmp_path / "a.txt").write_text("县教育局2023年工作总结\n", encoding="utf-8")
    run = cli("annotate", "a.txt", "--lang", "en")
    assert run.returncode == 2 and run.stderr.count("\n") == 1
    assert "a.txt: annotate is for Word documents (.docx)" in run.stderr
    body_docx(["县教育局2023年工作总结", "会议于2019.3.5召开。"], tmp_path / "r.docx")
    before = (tmp_path / "r.docx").read_bytes()
    run = cli("annotate", "r.docx", "-o", "r.docx")
    assert run.returncode == 2 and (tmp_path / "r.docx").read_bytes() == before


def _parts_fixture(path: Path) -> None:
    all_parts_docx(path, body=["县教育局2023年工作总结", "一、主要工作", "加强安全管理，开展隐患排查。"],
                   header="县教育局20XX年工作文件", footer="第 1 页,共 2 页",
                   footnotes=["另见附件2。", "数据来源:县统计局。"], endnotes=["本文所称学校,含幼儿园。"],
                   text_box="文本框里的说明,请核对。")


def test_headers_footers_notes_and_text_boxes_are_checked_and_named(cli, tmp_path):
    _parts_fixture(tmp_path / "parts.docx")
    found = json.loads(cli("check", "--format", "json", "--select", "PH001,PU001", "parts.docx").stdout)
    assert [(f["code"], f.get("part")) for f in found] == [
        ("PU001", "text box 1"), ("PH001", "header"), ("PU001", "footer"),
        ("PU001", "footnote 2"), ("PU001", "endnote 1")]
    concise = cli("check", "--format", "concise", "--select", "PH001,PU001", "parts.docx").stdout
    for label in ("〔文本框1：", "〔页眉：“县教育局20XX年工作文件”〕", "〔页脚：", "〔脚注2：“数据来源:县统计局。”〕", "〔尾注1："):
        assert label in concise
    full = cli("check", "--format", "full", "--select", "PH001", "--lang", "en", "parts.docx").stdout
    assert "parts.docx:5:5 (header)" in full
    sarif = json.loads(cli("check", "--format", "sarif", "--select", "PH001", "parts.docx").stdout)
    location = sarif["runs"][0]["results"][0]["locations"][0]
    assert location["logicalLocations"] == [{"name": "header", "kind": "module"}]


def test_body_line_numbers_do_not_move_with_the_other_parts(cli, tmp_path):
    _parts_fixture(tmp_path / "parts.docx")
    body_docx(["县教育局2023年工作总结", "一、主要工作", "加强安全管理,开展隐患排查。"], tmp_path / "plain.docx")
    parts = json.loads(cli("check", "--format", "json", "--select", "PU001", "parts.docx").stdout)
    plain = json.loads(cli("check", "--format", "json", "--select", "PU001", "plain.docx").stdout)
    assert plain[0]["line"] == 3 and all(f["line"] > 3 for f in parts)


def test_tracked_changes_accept_gives_the_fix_and_reject_the_original(cli, tmp_path, seed_path):
    lines = seed_path.read_text(encoding="utf-8").splitlines()
    (tmp_path / "seed.txt").write_text("\n".join(lines), encoding="utf-8")
    body_docx(lines, tmp_path / "seed.docx")
    original = _document_xml(tmp_path / "seed.docx")
    cli("check", "--fix", "seed.txt")
    run = cli("check", "--fix", "--track-changes", "seed.docx")
    assert run.returncode in (0, 1), run.stderr
    assert "跨越" not in run.stderr  # every fix of the text could be written as a revision
    revised = _document_xml(tmp_path / "seed.docx")
    deletions, insertions = list(revised.iter(f"{W}del")), list(revised.iter(f"{W}ins"))
    assert len(deletions) > 20 and insertions
    assert {e.get(f"{W}author") for e in deletions + insertions} == {"reportlint"}
    assert all(e.get(f"{W}date", "").endswith("Z") for e in deletions + insertions)
    fixed = (tmp_path / "seed.txt").read_text(encoding="utf-8")
    assert fixed != "\n".join(lines)
    assert _text(accept_all(revised)).decode("utf-8") == fixed
    assert _text(reject_all(revised)) == _text(original)


def test_track_changes_writes_a_fix_spanning_runs(cli, tmp_path):
    document = docx.Document()
    document.add_paragraph("县教育局2023年工作总结")
    paragraph = document.add_paragraph()
    paragraph.add_run("会议于")
    paragraph.add_run("2019.").bold = True
    paragraph.add_run("3.5召开。")
    document.save(tmp_path / "r.docx")
    plain = cli("check", "--fix", "--select", "DT003", "r.docx")
    assert plain.returncode == 1 and "DT003" in plain.stdout  # in place: across runs, not fixable
    run = cli("check", "--fix", "--track-changes", "--select", "DT003", "r.docx")
    assert run.returncode == 0, run.stdout + run.stderr
    revised = _document_xml(tmp_path / "r.docx")
    assert _text(accept_all(revised)).decode().splitlines()[1] == "会议于2019年3月5日召开。"
    assert _text(reject_all(revised)).decode().splitlines()[1] == "会议于2019.3.5召开。"
    again = cli("check", "--select", "DT003", "r.docx")
    assert again.returncode == 0  # reads as the accepted text


def test_comments_and_revisions_read_back_into_python_docx(tmp_path):
    """The copy is a package python-docx opens again, with its comments part."""
    _review_docx(tmp_path / "r.docx")
    from reportlint.load import docx as reader
    from reportlint.word.annotate import build_copy

    data = (tmp_path / "r.docx").read_bytes()
    source = reader.read(data, "r.docx")
    from reportlint.diagnostics import Diagnostic, Severity

    start = source.text.index("2019.3.5")
    diag = Diagnostic("DT003", "x", Severity.WARNING, "日期", start, start + 8)
    out = build_copy(data, source, [diag], "zh")
    reopened = docx.Document(io.BytesIO(out))
    assert [c.text for c in reopened.comments] == ["DT003 日期"]
    with zipfile.ZipFile(io.BytesIO(out)) as package:
        assert "word/comments.xml" in package.namelist()


def test_annotate_anchors_header_and_footnote_findings_on_the_title_saying_where(cli, tmp_path):
    _parts_fixture(tmp_path / "parts.docx")
    run = cli("annotate", "parts.docx", "--select", "PH001,PU001", "-o", "review.docx")
    assert run.returncode == 1, run.stderr
    review = docx.Document(tmp_path / "review.docx")
    anchored = anchored_texts(tmp_path / "review.docx")
    by_text = {c.text.splitlines()[0]: anchored[c.comment_id] for c in review.comments}
    header = next(t for t in by_text if t.startswith("PH001"))
    assert header.endswith("（位于页眉）") and by_text[header] == "县教育局2023年工作总结"
    assert any(t.endswith("（位于脚注2）") for t in by_text)
    box = next(t for t in by_text if t.endswith("（位于文本框1）"))
    assert by_text[box] == "县教育局2023年工作总结"  # python-docx anchors in the body story only


def test_pre_commit_hooks_take_word_files():
    import yaml
    from conftest import ROOT

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    for hook in hooks:
        pattern = re.compile(hook["files"])
        assert all(pattern.search(name) for name in ("a.txt", "b.md", "报告.docx"))
        assert not pattern.search("c.pdf")
        assert "types" not in hook and "types_or" not in hook  # .docx is not a "text" file
