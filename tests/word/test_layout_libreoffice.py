"""The conforming GB/T 9704 fixture printed by a real office suite: LibreOffice (headless) turns
it into a PDF and poppler reads the page size and where the text sits, so the layout rules'
idea of "conforming" is what a printer gets. With REPORTLINT_UPDATE_SCREENSHOTS=1 the first page
becomes docs/layout-page.png (a test run never changes tracked files otherwise)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

from conftest import ROOT
from test_word_libreoffice import _tool

from reportlint.testing import lint_text
from reportlint.testing_docx import build

MM = 72 / 25.4  # points per millimetre
DOC = ("关于做好2024年防汛工作的通知\n各乡镇人民政府：\n"
       "为切实做好今年防汛工作，现将有关事项通知如下。各地各部门要提高认识，压实责任，加强监测预警，"
       "做好人员转移和物资储备等各项准备工作，确保安全度汛。\n一、提高思想认识\n各单位要认真贯彻落实。\n"
       "县人民政府\n2024年5月6日")


def _rows(bbox_html: str) -> list[tuple[float, float, float, float, str]]:
    """(top, left, right, bottom, text) of each printed line, top to bottom, in points."""
    rows: dict[int, list[tuple[float, float, float, float, str]]] = {}
    for m in re.finditer(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', bbox_html):
        x0, y0, x1, y1 = map(float, m.groups()[:4])
        rows.setdefault(round(y0), []).append((x0, y0, x1, y1, m.group(5)))
    out = []
    for _, words in sorted(rows.items()):
        out.append((min(w[1] for w in words), min(w[0] for w in words), max(w[2] for w in words),
                    max(w[3] for w in words), "".join(w[4] for w in words)))
    return out


def test_libreoffice_prints_the_conforming_fixture_on_the_gbt9704_page(tmp_path):
    soffice = _tool("soffice", "libreoffice-writer-nogui")
    pdftotext = _tool("pdftotext", "poppler-utils")
    pdfinfo = _tool("pdfinfo", "poppler-utils")
    pdftoppm = _tool("pdftoppm", "poppler-utils")
    data = build(DOC)
    _, diags = lint_text(DOC, ["layout"], docx={})
    assert diags == []  # what the checker calls conforming …
    (tmp_path / "gw.docx").write_bytes(data)
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(tmp_path / "gw.docx")],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "gw.pdf"

    # … is printed on A4 (210 × 297 mm)
    info = subprocess.run([pdfinfo, str(pdf)], check=True, capture_output=True, text=True).stdout
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
    assert abs(width / MM - 210) < 0.5 and abs(height / MM - 297) < 0.5, info

    rows = _rows(subprocess.run([pdftotext, "-bbox", "-f", "1", "-l", "1", str(pdf), "-"],
                                check=True, capture_output=True, text=True).stdout)
    body = [r for r in rows if r[0] < height - 35 * MM]  # above the bottom margin: the text block
    footer = [r for r in rows if r[0] >= height - 35 * MM]
    # the text block starts 37 mm from the top (the first glyphs sit within its first line) …
    assert 37 * MM - 1 <= body[0][0] <= 37 * MM + 225 * MM / 22, body[0]
    # … and 28 mm from the binding edge: the flush-left 主送机关 and the wrapped lines start there
    recipient = next(r for r in body if r[4].startswith("各乡镇人民政府"))
    assert abs(recipient[1] / MM - 28) < 1, recipient
    wrapped = [r for r in body if r[4].startswith(("现将", "部门", "强监测"))]
    assert wrapped and all(abs(r[1] / MM - 28) < 1 for r in wrapped)
    # the first paragraph is indented: two characters of 16 pt in Word; LibreOffice snaps the
    # indent to its character grid, where a 16 pt glyph spans two 15.75 pt cells, so it prints
    # 14 characters a line and an indent of three cells — characters per line are Word's, not
    # compared here (README, Layout: what it cannot see)
    first = next(r for r in body if r[4].startswith("为切实"))
    assert 28 * MM + 2 * 15 < first[1] < 28 * MM + 3 * 16 + MM, first
    # nothing crosses the text block's right edge (210 − 26 = 184 mm); the date is right-aligned near it
    assert max(r[2] for r in body) <= 184 * MM + 1
    date = next(r for r in body if r[4] == "2024年5月6日")
    assert 184 * MM - 16 - 1 <= date[2] <= 184 * MM + 1, date
    # page 1 is odd: its number is "— 1 —", below the text block, ending at the right edge
    assert [r[4].replace(" ", "") for r in footer] == ["—1—"]
    assert abs(footer[0][2] / MM - 184) < 1 and footer[0][0] > (297 - 35) * MM

    subprocess.run([pdftoppm, "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(tmp_path / "page")], check=True, capture_output=True)
    png = (tmp_path / "page.png").read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 3_000
    if os.environ.get("REPORTLINT_UPDATE_SCREENSHOTS"):  # refresh the README's picture on purpose only
        shutil.copy(tmp_path / "page.png", ROOT / "docs" / "layout-page.png")
