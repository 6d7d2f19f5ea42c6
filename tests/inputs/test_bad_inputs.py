"""Bad inputs: one clear line naming the file and the reason, exit 2, and nothing written."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _junk_docx(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("notes.txt", "这不是 Word 文件")
        z.writestr("data.bin", bytes(range(256)))


def _zip_bomb(path: Path) -> None:
    """A package that looks like Word but inflates 64 MiB of zeros from about 64 KiB."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"\0" * (64 * 1024 * 1024))


def _binary(path: Path) -> None:
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def _invalid_utf8(path: Path) -> None:
    path.write_bytes("县教育局工作总结\n".encode("gb18030"))


CASES = {
    # name: (make the input, file name, extra arguments, words the error line must contain in Chinese, in English)
    "binary": (_binary, "scan.txt", [], "二进制文件（含 NUL 字节），不是文本", "binary file"),
    "invalid-utf8-declared": (_invalid_utf8, "gbk.txt", ["--encoding", "utf-8"], "不是有效的 utf-8 文本（字节偏移 0）",
                              "not valid utf-8 at byte 0"),
    "junk-docx": (_junk_docx, "report.docx", [], "不是 Word 文档", "not a Word document"),
    "zip-bomb": (_zip_bomb, "bomb.docx", [], "疑似 ZIP 炸弹", "ZIP bomb"),
    "text-named-docx": (lambda p: p.write_text("一、总体情况\n", encoding="utf-8"), "fake.docx", [], "不是 ZIP 包",
                        "not a ZIP package"),
    "truncated-docx": (lambda p: p.write_bytes(b"PK\x03\x04" + b"\x00" * 40), "cut.docx", [], ".docx 已损坏",
                       "corrupt .docx"),
    # Office files saved under a text name: named for what they are
    "doc-named-txt": (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64), "report.txt", [],
                      "Word 97-2003 .doc 或其他旧版 Office 文件", "Word 97-2003 .doc"),
    "docx-named-md": (lambda p: p.write_bytes(b"PK\x03\x04" + b"\x00" * 40), "report.md", [], "这是 ZIP 包",
                      "ZIP package"),
    "pdf-named-txt": (lambda p: p.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), "scan.txt", [], "这是 PDF 文件",
                      "a PDF file"),
}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_is_one_line_and_exit_2_and_nothing_is_written(cli, tmp_path, name, lang):
    """Chinese by default, English with --lang en; the prefix and the file name stay as they are."""
    make, filename, extra, zh, en = CASES[name]
    make(tmp_path / filename)
    before = _snapshot(tmp_path)
    result = cli("check", *extra, filename, "--fix", *(["--lang", "en"] if lang == "en" else []))
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"reportlint: error: {filename}: ") and (en if lang == "en" else zh) in lines[0], lines[0]
    assert _snapshot(tmp_path) == before


def test_encrypted_docx_is_named_as_password_protected(cli, tmp_path):
    # an encrypted Office file is an OLE compound file holding an EncryptionInfo stream
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 512
    (tmp_path / "secret.docx").write_bytes(ole)
    result = cli("check", "secret.docx")
    assert result.returncode == 2
    assert result.stderr.strip() == "reportlint: error: secret.docx: 有密码保护的 .docx（已加密）；请先在 Word 中取消密码"
    result = cli("check", "--lang", "en", "secret.docx")
    assert result.stderr.strip() == ("reportlint: error: secret.docx: password-protected .docx (encrypted); "
                                     "remove the password in Word first")


def test_legacy_doc_renamed_to_docx_is_named(cli, tmp_path):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "WordDocument".encode("utf-16-le")
    (tmp_path / "old.docx").write_bytes(ole)
    result = cli("check", "--lang", "en", "old.docx")
    assert result.returncode == 2 and "legacy Word 97-2003 .doc" in result.stderr


def test_missing_path(cli, tmp_path):
    result = cli("check", "nowhere.txt")
    assert result.returncode == 2
    assert result.stderr.strip() == "reportlint: error: nowhere.txt: 文件或目录不存在"
    result = cli("check", "--lang", "en", "nowhere.txt")
    assert result.returncode == 2
    assert result.stderr.strip() == "reportlint: error: nowhere.txt: no such file or directory"


def test_directory_without_reports(cli, tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.csv").write_text("a,b\n", encoding="utf-8")
    result = cli("check", "empty")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reportlint: error: empty: 该目录中没有可检查的文件")


def test_empty_file_is_fine(cli, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "empty.md").write_bytes(b"")
    result = cli("check", "empty.txt", "empty.md")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == ""


def test_bad_file_does_not_stop_the_others(cli, tmp_path):
    _binary(tmp_path / "scan.txt")
    (tmp_path / "good.txt").write_text("组织xx乡开展村庄清洁行动。\n", encoding="utf-8")
    result = cli("check", "--select", "PH002", "scan.txt", "good.txt")
    assert result.returncode == 2
    assert "good.txt:1:3: PH002" in result.stdout
    assert "scan.txt: 二进制文件" in result.stderr


def test_zip_bomb_is_refused_before_inflating(tmp_path):
    from reportlint.load.docx import check_package
    from reportlint.load.source import SourceError

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"\0" * (32 * 1024 * 1024))
    with pytest.raises(SourceError, match="32 MiB uncompressed"):
        check_package(buffer.getvalue(), "bomb.docx")


README = Path(__file__).resolve().parents[2] / "README.md"
README_INPUTS = {  # the files behind the README's example error lines
    "scan.txt": _binary,
    "notes.txt": lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64),
    "old.txt": lambda p: p.write_bytes(bytes(range(128, 256)) * 4),
    "secret.docx": lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
                                           + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 512),
    "bomb.docx": _zip_bomb,
}


def test_readme_error_examples_are_what_reportlint_prints(cli, tmp_path):
    text = README.read_text(encoding="utf-8")
    block = re.search(r"A file that cannot be read is reported.*?```text\n(.*?)```", text, re.DOTALL)
    assert block, "README lost the example error lines"
    shown = block.group(1).splitlines()
    assert [line.split(": ")[2] for line in shown] == list(README_INPUTS)
    for name, make in README_INPUTS.items():
        make(tmp_path / name)
    printed = cli("check", *README_INPUTS).stderr.splitlines()
    kib = re.compile(r"\d+ KiB")  # the bomb's packed size depends on the zlib at hand
    assert [kib.sub("N KiB", line) for line in printed] == [kib.sub("N KiB", line) for line in shown]
    english = re.search(r"With `--lang en`.*?e\.g\.\s+`(reportlint: error: scan\.txt: [^`]*)`", text, re.DOTALL)
    assert english and english.group(1) in cli("check", "--lang", "en", "scan.txt").stderr.splitlines()
