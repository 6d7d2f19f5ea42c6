"""The annotated copy in a real office suite: Debian's LibreOffice (headless) exports it to PDF
with its comments, one page becomes docs/word-review.png for the README."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import docx
import pytest
from conftest import ROOT

EXPORT = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'


def _tool(name: str, package: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail(f"{name} is not installed: .ci/run installs Debian's {package}; CI must run this test")
    pytest.skip(f"{name} is not installed (apt-get install {package}); CI installs it and never skips")


def _pdf_comments(pdf: bytes) -> list[str]:
    """The /Contents of the PDF's text annotations (LibreOffice writes them uncompressed, UTF-16)."""
    out = []
    for hexa in re.findall(rb"/Subtype /Text [^>]*?/Contents <FEFF([0-9A-Fa-f]*)>", pdf):
        out.append(bytes.fromhex(hexa.decode()).decode("utf-16-be"))
    return out


def test_libreoffice_shows_the_comments_and_the_screenshot_is_saved(cli, tmp_path):
    soffice = _tool("soffice", "libreoffice-writer-nogui")
    pdftoppm = _tool("pdftoppm", "poppler-utils")
    document = docx.Document()
    document.add_paragraph("县教育局2023年工作总结", style="Title")
    document.add_paragraph("一、主要工作")
    document.add_paragraph("1、加强安全管理,开展隐患排查，全年排查隐患20XX处。")
    document.add_paragraph("会议于2019.3.5召开,部署下一步工作。")
    document.save(tmp_path / "report.docx")
    run = cli("annotate", "report.docx", "-o", "review.docx")
    assert run.returncode == 1, run.stderr
    wanted = [c.text for c in docx.Document(tmp_path / "review.docx").comments]
    assert len(wanted) >= 5

    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", EXPORT,
                    "--outdir", str(tmp_path), str(tmp_path / "review.docx")],
                   check=True, capture_output=True, timeout=180)
    pdf = (tmp_path / "review.pdf").read_bytes()
    shown = _pdf_comments(pdf)
    assert sorted(shown) == sorted(text.replace("\n", "\r") for text in wanted) or \
        sorted(s.replace("\r", "\n") for s in shown) == sorted(wanted)
    assert any(s.startswith("DT003 ") and "2019年3月5日" in s for s in shown)

    subprocess.run([pdftoppm, "-r", "96", "-png", "-f", "1", "-l", "1", "-singlefile", "-x", "0", "-y", "60", "-W", "816", "-H", "240",
                    str(tmp_path / "review.pdf"), str(tmp_path / "page")], check=True, capture_output=True)
    png = (tmp_path / "page.png").read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 5_000
    shutil.copy(tmp_path / "page.png", ROOT / "docs" / "word-review.png")
