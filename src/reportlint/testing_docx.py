"""Build .docx fixtures laid out to GB/T 9704-2012 (or deliberately not) for layout rule tests.

``build(text, spec)`` makes one paragraph per line with python-docx. Without a spec the result
conforms: A4, margins 37/35/28/26 mm, a 22 × 28 grid, title 方正小标宋简体 22 pt centred,
body 仿宋_GB2312 16 pt indented two characters, headings 黑体 / 楷体_GB2312 / 仿宋_GB2312.
A spec (the ``docx:`` key of a YAML rule case) overrides parts::

    docx:
      page: {width: 210, height: 297, top: 37, bottom: 35, left: 28, right: 26}   # mm
      grid: {lines: 22, chars: 28}        # or grid: none
      body: {font: 宋体, size: 12, indent: 2}
      title: {font: 方正小标宋简体, size: 22, align: center}
      h1: {font: 黑体}                     # h2, h3, h4 likewise
      lines: {3: {font: 宋体, size: 12, align: left, indent: 0}}   # one paragraph

      footer: {form: "— {n} —", font: 宋体, size: 14, even_odd: true, odd: right, even: left}
      footer: none                         # no page number at all
      attachment: {font: 黑体, size: 16, indent: 0, new_page: true}
      imprint: {rules: true, size: 14, font: 仿宋_GB2312}

A line after the title ending in ：/: is the 主送机关 (flush left); a date line is right-aligned,
and so is the 署名 just above it (a short line without punctuation). Page numbers go in odd and
even footers as a PAGE field between dashes (7.5). A line ``附件`` / ``附件2`` is the attachment
label (黑体, flush left, on a new page); lines starting ``抄送：`` and ending ``印发`` are the 版记,
in 4号仿宋, the first with a rule above and the last with a rule below.
"""

from __future__ import annotations

import io
import re
from typing import Any

PAGE = {"width": 210.0, "height": 297.0, "top": 37.0, "bottom": 35.0, "left": 28.0, "right": 26.0}
BODY = {"font": "仿宋_GB2312", "size": 16.0, "indent": 2.0, "align": "both"}
TITLE = {"font": "方正小标宋简体", "size": 22.0, "align": "center", "indent": 0.0}
HEADINGS = {1: "黑体", 2: "楷体_GB2312", 3: "仿宋_GB2312", 4: "仿宋_GB2312"}
_LEVELS = (
    (1, re.compile(r"^[一二三四五六七八九十]+、")),
    (2, re.compile(r"^（[一二三四五六七八九十]+）")),
    (3, re.compile(r"^[0-9]+[.．]")),
    (4, re.compile(r"^（[0-9]+）")),
)
_DATE = re.compile(r"^\s*[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日\s*$")
_RUN_IN_END = "。：:"
_ATTACHMENT = re.compile(r"^附件[0-9]*$")
_IMPRINT = re.compile(r"^抄送[：:]|印发$")
FOOTER = {"form": "— {n} —", "font": "宋体", "size": 14.0, "even_odd": True, "odd": "right", "even": "left"}
ATTACHMENT = {"font": "黑体", "size": 16.0, "indent": 0.0, "align": "left", "new_page": True}
IMPRINT = {"rules": True, "size": 14.0, "font": "仿宋_GB2312"}


def build(text: str, spec: dict[str, Any] | None = None) -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    spec = spec or {}
    document = docx.Document()
    page = PAGE | (spec.get("page") or {})
    section = document.sections[0]
    section.page_width, section.page_height = Mm(page["width"]), Mm(page["height"])
    section.top_margin, section.bottom_margin = Mm(page["top"]), Mm(page["bottom"])
    section.left_margin, section.right_margin = Mm(page["left"]), Mm(page["right"])
    body = BODY | (spec.get("body") or {})
    # the grid counts in the default font size: make it the body size
    normal = document.styles["Normal"]
    normal.font.size = Pt(body["size"])
    grid_spec = spec.get("grid", {"lines": 22, "chars": 28})
    sect = section._sectPr
    for old in sect.findall(qn("w:docGrid")):
        sect.remove(old)
    if grid_spec != "none":
        grid = OxmlElement("w:docGrid")
        height_pt = (page["height"] - page["top"] - page["bottom"]) / 25.4 * 72
        width_pt = (page["width"] - page["left"] - page["right"]) / 25.4 * 72
        grid.set(qn("w:type"), "linesAndChars")
        grid.set(qn("w:linePitch"), str(int(height_pt / grid_spec.get("lines", 22) * 20)))
        pitch = width_pt / grid_spec.get("chars", 28)
        grid.set(qn("w:charSpace"), str(int((pitch - body["size"]) * 4096)))
        sect.append(grid)

    aligns = {"center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT,
              "right": WD_ALIGN_PARAGRAPH.RIGHT, "both": WD_ALIGN_PARAGRAPH.JUSTIFY}
    title = TITLE | (spec.get("title") or {})
    headings = {lv: {"font": HEADINGS[lv]} | (spec.get(f"h{lv}") or {}) for lv in HEADINGS}
    per_line = {int(k): v for k, v in (spec.get("lines") or {}).items()}

    def run(paragraph: Any, text: str, font: str, size: float) -> None:
        r = paragraph.add_run(text)
        r.font.size = Pt(size)
        r.font.name = font  # w:ascii and w:hAnsi
        r._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)

    attachment = ATTACHMENT | (spec.get("attachment") or {})
    imprint = IMPRINT | (spec.get("imprint") or {})
    lines = text.split("\n")
    imprint_lines = [n for n, line in enumerate(lines, 1) if _IMPRINT.search(line)]
    for n, line in enumerate(lines, 1):
        p = document.add_paragraph()
        fmt: dict[str, Any] = dict(body)
        level = next((lv for lv, pat in _LEVELS if pat.match(line)), None)
        signature = n < len(lines) and _DATE.match(lines[n]) and line and not any(c in line for c in "。，；：:")
        if n == 1:
            fmt = dict(title)
        elif n == 2 and line.rstrip().endswith(("：", ":")) or _DATE.match(line) or signature:
            fmt["indent"] = 0.0
            fmt["align"] = "left" if not (_DATE.match(line) or signature) else "right"
        elif _ATTACHMENT.match(line):
            fmt = dict(attachment)
            if attachment["new_page"]:
                p.paragraph_format.page_break_before = True
        elif n in imprint_lines:
            fmt |= {"font": imprint["font"], "size": imprint["size"], "indent": 0.0, "align": "left"}
            p.paragraph_format.left_indent = Pt(imprint["size"])
            if imprint["rules"]:
                _border(p, "top" if n == imprint_lines[0] else None)
                _border(p, "bottom" if n == imprint_lines[-1] else None)
        fmt |= per_line.get(n, {})
        p.alignment = aligns[fmt["align"]]
        p.paragraph_format.first_line_indent = Pt(fmt["indent"] * fmt["size"]) if fmt["indent"] else None
        if level is not None and n != 1 and n not in per_line:
            cut = next((i + 1 for i, ch in enumerate(line) if ch in _RUN_IN_END), len(line))
            run(p, line[:cut], headings[level]["font"], fmt["size"])
            if line[cut:]:
                run(p, line[cut:], fmt["font"], fmt["size"])
        elif line:
            run(p, line, fmt["font"], fmt["size"])
    footer = spec.get("footer", {})
    if footer != "none":
        _footers(document, FOOTER | (footer or {}), aligns)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _border(paragraph: Any, side: str | None) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    if side is None:
        return
    ppr = paragraph._p.get_or_add_pPr()
    bdr = ppr.find(qn("w:pBdr"))
    if bdr is None:
        bdr = OxmlElement("w:pBdr")
        ppr.append(bdr)
    line = OxmlElement(f"w:{side}")
    for key, value in (("val", "single"), ("sz", "8"), ("space", "1"), ("color", "auto")):
        line.set(qn(f"w:{key}"), value)
    bdr.append(line)


def _footers(document: Any, spec: dict[str, Any], aligns: dict[str, Any]) -> None:
    """Page numbers: ``form`` with ``{n}`` standing for a PAGE field, in odd and even footers."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document.settings.odd_and_even_pages_header_footer = bool(spec["even_odd"])
    section = document.sections[0]
    places = [(section.footer, spec["odd"])]
    if spec["even_odd"]:
        places.append((section.even_page_footer, spec["even"]))
    head, _, tail = spec["form"].partition("{n}")
    for footer, align in places:
        p = footer.paragraphs[0]
        p.alignment = aligns[align]

        def run(text: str, p: Any = p) -> Any:
            r = p.add_run(text)
            r.font.size = Pt(spec["size"])
            r.font.name = spec["font"]
            r._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), spec["font"])
            return r

        if head:
            run(head)
        for kind, instr in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
            r = run("" if kind or instr == " PAGE " else instr or "")
            if kind:
                fld = OxmlElement("w:fldChar")
                fld.set(qn("w:fldCharType"), kind)
                r._element.append(fld)
            elif instr == " PAGE ":
                el = OxmlElement("w:instrText")
                el.set(qn("xml:space"), "preserve")
                el.text = instr
                r._element.append(el)
        if tail:
            run(tail)
