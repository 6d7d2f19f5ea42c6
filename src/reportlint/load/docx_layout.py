"""The formatting of a .docx, resolved as Word resolves it: sections, paragraphs and run fonts.

Read straight from the package's XML with lxml (no python-docx objects): page size and margins
from each ``w:sectPr``, the document grid (``w:docGrid``), paragraph alignment, indent and line
spacing, and each run's fonts and size. Run properties cascade run ``w:rPr`` → character style
chain (``w:rStyle``, ``w:basedOn``) → paragraph style chain (``w:pStyle``, else the default
paragraph style) → ``w:docDefaults``; each font slot (``w:ascii``, ``w:eastAsia``) is resolved on
its own, and a theme reference (``w:eastAsiaTheme="minorEastAsia"``) wins over the plain name at
the same level and is looked up in ``word/theme/theme1.xml``.

Paragraphs are walked in the order of ``load.docx.iter_paragraphs`` (body, table cells, content
controls), so paragraph *k* is line *k* of the Source text.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import Any

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
TWIPS_PER_MM = 1440 / 25.4
# w:themeFontLang w:eastAsia → the script whose font a theme gives when its w:ea is empty
_SCRIPTS = {"zh-cn": "Hans", "zh-sg": "Hans", "zh-tw": "Hant", "zh-hk": "Hant", "zh-mo": "Hant",
            "ja-jp": "Jpan", "ko-kr": "Hang"}
WORD_DEFAULT_SIZE = 10.0  # points, when nothing in the file gives a size


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass(frozen=True)
class RunFormat:
    """A run's text (as the reader builds it) and its resolved fonts (None: not set anywhere)."""

    start: int  # offset of the run's text within its paragraph
    end: int
    text: str
    east_asia: str | None
    ascii: str | None
    size: float  # points


@dataclass(frozen=True)
class ParagraphFormat:
    line: int
    where: str  # "body" or a table cell
    section: int  # index into Formatting.sections
    style: str  # the paragraph style's name
    align: str | None  # w:jc: left/start, center, right/end, both, distribute …
    left: int  # twips
    first_line: int  # twips; negative for a hanging indent
    first_line_chars: int | None  # hundredths of a character, when given in characters
    line_spacing: int | None  # w:spacing/@w:line
    line_rule: str  # auto (240ths of a line), exact, atLeast (twips)
    runs: tuple[RunFormat, ...]

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True)
class SectionFormat:
    """One Word section: the page set-up of the paragraphs up to its ``w:sectPr``. Twips."""

    index: int
    first_line: int  # the line of its first paragraph
    page_width: int | None
    page_height: int | None
    top: int | None
    bottom: int | None
    left: int | None
    right: int | None
    gutter: int
    grid_type: str | None  # w:docGrid/@w:type: default, lines, linesAndChars, snapToChars
    line_pitch: int | None  # twips
    char_space: int | None  # 4096ths of a point added to the default font size


@dataclass(frozen=True)
class Formatting:
    sections: tuple[SectionFormat, ...]
    paragraphs: tuple[ParagraphFormat, ...]
    default_size: float  # the document-default font size (points), the base of the character grid


class _Styles:
    """styles.xml, the theme and the document defaults, with the cascade lookups."""

    def __init__(self, styles: Any, theme: Any, settings: Any) -> None:
        self.by_id: dict[str, Any] = {}
        self.default_paragraph: str | None = None
        self.names: dict[str, str] = {}
        self.r_default = self.p_default = None
        if styles is not None:
            for style in styles.iterchildren(_w("style")):
                sid = style.get(_w("styleId")) or ""
                self.by_id[sid] = style
                name = style.find(_w("name"))
                self.names[sid] = name.get(_w("val"), "") if name is not None else ""
                if style.get(_w("type")) == "paragraph" and style.get(_w("default")) in ("1", "true", "on"):
                    self.default_paragraph = sid
            defaults = styles.find(_w("docDefaults"))
            if defaults is not None:
                self.r_default = defaults.find(f"{_w('rPrDefault')}/{_w('rPr')}")
                self.p_default = defaults.find(f"{_w('pPrDefault')}/{_w('pPr')}")
        self.theme = _theme_fonts(theme, settings)

    def chain(self, style_id: str | None) -> list[Any]:
        """The style and its basedOn ancestors, nearest first (cycles cut)."""
        out: list[Any] = []
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.by_id:
            seen.add(style_id)
            style = self.by_id[style_id]
            out.append(style)
            based = style.find(_w("basedOn"))
            style_id = based.get(_w("val")) if based is not None else None
        return out

    def font(self, levels: list[Any], slot: str) -> str | None:
        """The first level (an rPr) naming a font for slot (ascii, eastAsia …); theme first."""
        for rpr in levels:
            fonts = rpr.find(_w("rFonts")) if rpr is not None else None
            if fonts is None:
                continue
            theme = fonts.get(_w(f"{slot}Theme"))
            if theme and theme in self.theme:
                return self.theme[theme]
            name = fonts.get(_w(slot))
            if name:
                return name
        return None

    @staticmethod
    def size(levels: list[Any]) -> float | None:
        for rpr in levels:
            sz = rpr.find(_w("sz")) if rpr is not None else None
            if sz is not None and (sz.get(_w("val")) or "").isdigit():
                return int(sz.get(_w("val"))) / 2
        return None


def _theme_fonts(theme: Any, settings: Any) -> dict[str, str]:
    """Theme font references (minorEastAsia, majorHAnsi …) → typeface."""
    if theme is None:
        return {}
    script = "Hans"
    if settings is not None:
        lang = settings.find(_w("themeFontLang"))
        if lang is not None and lang.get(_w("eastAsia")):
            script = _SCRIPTS.get(lang.get(_w("eastAsia")).lower(), script)
    out: dict[str, str] = {}
    for kind in ("major", "minor"):
        scheme = theme.find(f".//{{{A}}}{kind}Font")
        if scheme is None:
            continue

        def face(tag: str, scheme: Any = scheme) -> str:
            el = scheme.find(f"{{{A}}}{tag}")
            return (el.get("typeface") or "") if el is not None else ""

        scripts = {el.get("script"): el.get("typeface") or "" for el in scheme.iterchildren(f"{{{A}}}font")}
        latin, ea, cs = face("latin"), face("ea") or scripts.get(script, ""), face("cs")
        for key, value in (("Ascii", latin), ("HAnsi", latin), ("EastAsia", ea), ("Bidi", cs)):
            if value:
                out[f"{kind}{key}"] = value
    return out


def _xml(package: zipfile.ZipFile, name: str) -> Any:
    from lxml import etree

    try:
        data = package.read(name)
    except KeyError:
        return None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return None


def read_formatting(data: bytes) -> Formatting | None:
    """The resolved formatting of a .docx package (the bytes the reader checked), or None."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            document = _xml(package, "word/document.xml")
            theme_name = next((n for n in sorted(package.namelist())
                               if n.startswith("word/theme/") and n.endswith(".xml")), "")
            styles = _Styles(_xml(package, "word/styles.xml"),
                             _xml(package, theme_name) if theme_name else None,
                             _xml(package, "word/settings.xml"))
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if document is None:
        return None
    body = document.find(_w("body"))
    if body is None:
        return None
    return _Reader(styles).read(body)


class _Reader:
    def __init__(self, styles: _Styles) -> None:
        self.styles = styles
        self.paragraphs: list[ParagraphFormat] = []
        self.sections: list[SectionFormat] = []
        self.section_start = 1
        # the character grid counts in the default paragraph style's font size
        base = [s.find(_w("rPr")) for s in styles.chain(styles.default_paragraph)]
        self.default_size = styles.size([*base, styles.r_default]) or WORD_DEFAULT_SIZE

    def read(self, body: Any) -> Formatting:
        self.walk(body, "body")
        final = body.find(_w("sectPr"))
        if final is not None or not self.sections:
            self.close_section(final)
        return Formatting(tuple(self.sections), tuple(self.paragraphs), self.default_size)

    def walk(self, container: Any, where: str) -> None:
        tables = 0
        for child in container.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
            if tag == "p":
                self.paragraph(child, where)
            elif tag == "tbl":
                tables += 1
                for r, tr in enumerate(child.iterchildren(_w("tr")), 1):
                    for c, tc in enumerate(tr.iterchildren(_w("tc")), 1):
                        self.walk(tc, f"{where} table row {r} cell {c}")
            elif tag == "sdt":
                content = child.find(_w("sdtContent"))
                if content is not None:
                    self.walk(content, where)

    def close_section(self, sect: Any) -> None:
        def num(el: Any, attr: str) -> int | None:
            value = el.get(_w(attr)) if el is not None else None
            try:
                return int(float(value)) if value is not None else None
            except ValueError:
                return None

        size = sect.find(_w("pgSz")) if sect is not None else None
        mar = sect.find(_w("pgMar")) if sect is not None else None
        grid = sect.find(_w("docGrid")) if sect is not None else None
        top = num(mar, "top")
        self.sections.append(SectionFormat(
            index=len(self.sections), first_line=self.section_start,
            page_width=num(size, "w"), page_height=num(size, "h"),
            top=abs(top) if top is not None else None, bottom=_abs(num(mar, "bottom")),
            left=num(mar, "left"), right=num(mar, "right"), gutter=num(mar, "gutter") or 0,
            grid_type=grid.get(_w("type")) if grid is not None else None,
            line_pitch=num(grid, "linePitch"), char_space=num(grid, "charSpace"),
        ))
        self.section_start = len(self.paragraphs) + 1

    def paragraph(self, p: Any, where: str) -> None:
        st = self.styles
        ppr = p.find(_w("pPr"))
        style_el = ppr.find(_w("pStyle")) if ppr is not None else None
        style_id = style_el.get(_w("val")) if style_el is not None else st.default_paragraph
        pchain = st.chain(style_id)
        p_levels = [ppr, *(s.find(_w("pPr")) for s in pchain), st.p_default]
        p_levels = [x for x in p_levels if x is not None]
        style_rprs = [s.find(_w("rPr")) for s in pchain]

        jc = _first(p_levels, "jc")
        align = jc.get(_w("val")) if jc is not None else None
        left, first_line, first_chars = _indent(p_levels)
        spacing = next((el for el in (lv.find(_w("spacing")) for lv in p_levels)
                        if el is not None and el.get(_w("line"))), None)
        raw_line = spacing.get(_w("line")) if spacing is not None else None
        line_spacing = int(raw_line) if raw_line and raw_line.lstrip("-").isdigit() else None
        line_rule = (spacing.get(_w("lineRule")) or "auto") if spacing is not None else "auto"

        runs: list[RunFormat] = []
        pos = 0
        for r in p.xpath("./w:r | ./w:hyperlink/w:r | ./w:ins/w:r | ./w:smartTag/w:r | ./w:fldSimple/w:r",
                         namespaces={"w": W}):
            text = _run_text(r)
            if not text:
                continue
            rpr = r.find(_w("rPr"))
            rstyle = rpr.find(_w("rStyle")) if rpr is not None else None
            cchain = st.chain(rstyle.get(_w("val")) if rstyle is not None else None)
            levels = [rpr, *(s.find(_w("rPr")) for s in cchain), *style_rprs, st.r_default]
            runs.append(RunFormat(pos, pos + len(text), text, st.font(levels, "eastAsia"),
                                  st.font(levels, "ascii"), st.size(levels) or WORD_DEFAULT_SIZE))
            pos += len(text)
        self.paragraphs.append(ParagraphFormat(
            line=len(self.paragraphs) + 1, where=where, section=len(self.sections),
            style=st.names.get(style_id or "", ""), align=align, left=left, first_line=first_line,
            first_line_chars=first_chars, line_spacing=line_spacing, line_rule=line_rule, runs=tuple(runs)))
        sect = ppr.find(_w("sectPr")) if ppr is not None and where == "body" else None
        if sect is not None:
            self.close_section(sect)


def _abs(value: int | None) -> int | None:
    return abs(value) if value is not None else None


def _first(levels: list[Any], tag: str) -> Any:
    for level in levels:
        el = level.find(_w(tag))
        if el is not None:
            return el
    return None


def _indent(levels: list[Any]) -> tuple[int, int, int | None]:
    """(left, first line, first line in hundredths of a character) from the nearest level giving each."""
    left: int | None = None
    first: tuple[int, int | None] | None = None
    for level in levels:
        ind = level.find(_w("ind"))
        if ind is None:
            continue
        if left is None:
            for attr in ("left", "start"):
                if (ind.get(_w(attr)) or "").lstrip("-").isdigit():
                    left = int(ind.get(_w(attr)))
                    break
        if first is None:
            chars = ind.get(_w("firstLineChars")) or ind.get(_w("hangingChars"))
            twips = ind.get(_w("firstLine")) or ind.get(_w("hanging"))
            sign = -1 if (ind.get(_w("hangingChars")) or ind.get(_w("hanging"))) and not (
                ind.get(_w("firstLineChars")) or ind.get(_w("firstLine"))) else 1
            if chars or twips:
                c = sign * int(chars) if chars and chars.lstrip("-").isdigit() else None
                t = sign * int(twips) if twips and twips.lstrip("-").isdigit() else 0
                first = (t, c if c else None)
    f = first or (0, None)
    return left or 0, f[0], f[1]


def _run_text(r: Any) -> str:
    parts: list[str] = []
    for el in r.iterchildren():
        tag = el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""
        if tag == "t":
            parts.append(el.text or "")
        elif tag in ("tab", "ptab"):
            parts.append("\t")
        elif tag in ("br", "cr"):
            parts.append(" ")
        elif tag == "noBreakHyphen":
            parts.append("-")
    return "".join(parts)


def mm(twips: int) -> float:
    return twips / TWIPS_PER_MM
