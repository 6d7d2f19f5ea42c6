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

import dataclasses
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
RUN_XPATH = "./w:r | ./w:hyperlink/w:r | ./w:ins/w:r | ./w:smartTag/w:r | ./w:fldSimple/w:r"


_XPATHS: dict[str, Any] = {}


def xpath(expression: str) -> Any:
    """A compiled XPath in the w: namespace (works on python-docx's elements too)."""
    if expression not in _XPATHS:
        from lxml import etree

        _XPATHS[expression] = etree.XPath(expression, namespaces={"w": W})
    return _XPATHS[expression]


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
    index: int = -1  # position among the paragraph's run elements (``RUN_XPATH``), for fixes


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
    right: int = 0  # twips
    borders: frozenset[str] = frozenset()  # w:pBdr sides drawn (top, bottom …)
    drawing: bool = False  # holds a drawing or VML shape (a rule drawn as a line, a seal …)
    page_break_before: bool = False  # w:pageBreakBefore
    page_break: bool = False  # holds a page break (w:br w:type="page")

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
    footers: tuple[tuple[str, FooterFormat], ...] = ()  # (default / even / first, footer) in force
    title_page: bool = False  # w:titlePg: the first page has its own footer


@dataclass(frozen=True)
class FooterFormat:
    """A footer part as far as the page number goes: the paragraph holding the PAGE field."""

    part: str  # word/footer1.xml
    page_field: bool
    before: str  # the paragraph's text before the field's result
    after: str
    align: str | None
    number: RunFormat | None  # the formatting of the field's result (or of its first run)


@dataclass(frozen=True)
class Formatting:
    sections: tuple[SectionFormat, ...]
    paragraphs: tuple[ParagraphFormat, ...]
    default_size: float  # the document-default font size (points), the base of the character grid
    even_and_odd: bool = False  # settings w:evenAndOddHeaders: odd and even pages have own footers


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
            settings = _xml(package, "word/settings.xml")
            styles = _Styles(_xml(package, "word/styles.xml"),
                             _xml(package, theme_name) if theme_name else None, settings)
            footers = _footers(package, styles)
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if document is None:
        return None
    body = document.find(_w("body"))
    if body is None:
        return None
    found = _Reader(styles, footers).read(body)
    flag = settings.find(_w("evenAndOddHeaders")) if settings is not None else None
    even_odd = flag is not None and (flag.get(_w("val")) or "true") not in ("0", "false", "off")
    return dataclasses.replace(found, even_and_odd=even_odd)


R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


def _footers(package: zipfile.ZipFile, styles: _Styles) -> dict[str, FooterFormat]:
    """Relationship id → the footer part's page number paragraph."""
    rels = _xml(package, "word/_rels/document.xml.rels")
    out: dict[str, FooterFormat] = {}
    if rels is None:
        return out
    for rel in rels.iterchildren(f"{{{_REL}}}Relationship"):
        if not (rel.get("Type") or "").endswith("/footer"):
            continue
        target = (rel.get("Target") or "").lstrip("/")
        name = target if target.startswith("word/") else f"word/{target}"
        root = _xml(package, name)
        if root is not None:
            out[rel.get("Id") or ""] = _footer(name, root, styles)
    return out


def _footer(name: str, root: Any, styles: _Styles) -> FooterFormat:
    """The first paragraph of the footer (text boxes and frames included) that holds a PAGE field."""
    for p in root.iter(_w("p")):
        before: list[str] = []
        after: list[str] = []
        found, number = False, None
        stack: list[list[Any]] = []  # open complex fields: [instruction, begin run, separated]
        for r in p.iter(_w("r")):
            parent = r.getparent()
            simple = parent is not None and parent.tag == _w("fldSimple") and _is_page(parent.get(_w("instr")) or "")
            fld = r.find(_w("fldChar"))
            if fld is not None:
                kind = fld.get(_w("fldCharType"))
                if kind == "begin":
                    stack.append(["", r, False])
                elif kind == "separate" and stack:
                    stack[-1][2] = True
                elif kind == "end" and stack:
                    instr, begin, _ = stack.pop()
                    if _is_page(instr) and not found:
                        found, number = True, number if number is not None else begin
                continue
            if stack and not stack[-1][2]:
                instr_el = r.find(_w("instrText"))
                if instr_el is not None:
                    stack[-1][0] += instr_el.text or ""
                continue
            if simple or (stack and _is_page(stack[-1][0])):
                if not found and number is None:
                    number = r
                found = found or simple
                continue  # the number shown, not text around it
            (after if found else before).append(_run_text(r))
        if not found and any(_is_page(f.get(_w("instr")) or "") for f in p.iter(_w("fldSimple"))):
            found = True  # a PAGE field with no cached result
        if not found:
            continue
        ppr = p.find(_w("pPr"))
        style_el = ppr.find(_w("pStyle")) if ppr is not None else None
        pchain = styles.chain(style_el.get(_w("val")) if style_el is not None else styles.default_paragraph)
        levels = [x for x in [ppr, *(s.find(_w("pPr")) for s in pchain), styles.p_default] if x is not None]
        jc = _first(levels, "jc")
        run = None
        if number is not None:
            rpr = number.find(_w("rPr"))
            rstyle = rpr.find(_w("rStyle")) if rpr is not None else None
            cchain = styles.chain(rstyle.get(_w("val")) if rstyle is not None else None)
            rl = [rpr, *(s.find(_w("rPr")) for s in cchain), *(s.find(_w("rPr")) for s in pchain), styles.r_default]
            run = RunFormat(0, 0, "", styles.font(rl, "eastAsia"), styles.font(rl, "ascii"),
                            styles.size(rl) or WORD_DEFAULT_SIZE)
        return FooterFormat(name, True, "".join(before), "".join(after),
                            jc.get(_w("val")) if jc is not None else None, run)
    return FooterFormat(name, False, "", "", None, None)


def _is_page(instr: str) -> bool:
    words = instr.split()
    return bool(words) and words[0].upper() == "PAGE"


class _Reader:
    def __init__(self, styles: _Styles, footers: dict[str, FooterFormat] | None = None) -> None:
        self.styles = styles
        self.footer_parts = footers or {}
        self.footer_refs: dict[str, str] = {}  # footers carry over from the previous section
        self.elements: list[Any] = []  # the w:p of each paragraph, for fixes
        self.sect_elements: list[Any] = []
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

        self.sect_elements.append(sect)
        size = sect.find(_w("pgSz")) if sect is not None else None
        mar = sect.find(_w("pgMar")) if sect is not None else None
        grid = sect.find(_w("docGrid")) if sect is not None else None
        top = num(mar, "top")
        if sect is not None:
            for ref in sect.iterchildren(_w("footerReference")):
                self.footer_refs[ref.get(_w("type")) or "default"] = ref.get(f"{{{R}}}id") or ""
        footers = tuple((kind, self.footer_parts[rid]) for kind, rid in sorted(self.footer_refs.items())
                        if rid in self.footer_parts)
        title_pg = sect.find(_w("titlePg")) if sect is not None else None
        self.sections.append(SectionFormat(
            index=len(self.sections), first_line=self.section_start,
            page_width=num(size, "w"), page_height=num(size, "h"),
            top=abs(top) if top is not None else None, bottom=_abs(num(mar, "bottom")),
            left=num(mar, "left"), right=num(mar, "right"), gutter=num(mar, "gutter") or 0,
            grid_type=grid.get(_w("type")) if grid is not None else None,
            line_pitch=num(grid, "linePitch"), char_space=num(grid, "charSpace"),
            footers=footers,
            title_page=title_pg is not None and (title_pg.get(_w("val")) or "1") not in ("0", "false", "off"),
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
        for index, r in enumerate(xpath(RUN_XPATH)(p)):
            text = _run_text(r)
            if not text:
                continue
            rpr = r.find(_w("rPr"))
            rstyle = rpr.find(_w("rStyle")) if rpr is not None else None
            cchain = st.chain(rstyle.get(_w("val")) if rstyle is not None else None)
            levels = [rpr, *(s.find(_w("rPr")) for s in cchain), *style_rprs, st.r_default]
            runs.append(RunFormat(pos, pos + len(text), text, st.font(levels, "eastAsia"),
                                  st.font(levels, "ascii"), st.size(levels) or WORD_DEFAULT_SIZE, index))
            pos += len(text)
        self.paragraphs.append(ParagraphFormat(
            line=len(self.paragraphs) + 1, where=where, section=len(self.sections),
            style=st.names.get(style_id or "", ""), align=align, left=left, first_line=first_line,
            first_line_chars=first_chars, line_spacing=line_spacing, line_rule=line_rule, runs=tuple(runs),
            right=_right(p_levels), borders=_borders(p_levels),
            drawing=bool(xpath(".//w:drawing | .//w:pict")(p)),
            page_break_before=_on(_first(p_levels, "pageBreakBefore")),
            page_break=bool(xpath(".//w:br[@w:type='page']")(p))))
        self.elements.append(p)
        sect = ppr.find(_w("sectPr")) if ppr is not None and where == "body" else None
        if sect is not None:
            self.close_section(sect)


def _on(el: Any) -> bool:
    return el is not None and (el.get(_w("val")) or "true") not in ("0", "false", "off")


def _right(levels: list[Any]) -> int:
    for level in levels:
        ind = level.find(_w("ind"))
        if ind is not None:
            for attr in ("right", "end"):
                if (ind.get(_w(attr)) or "").lstrip("-").isdigit():
                    return int(ind.get(_w(attr)))
    return 0


def _borders(levels: list[Any]) -> frozenset[str]:
    bdr = _first(levels, "pBdr")
    if bdr is None:
        return frozenset()
    return frozenset(el.tag.rsplit("}", 1)[-1] for el in bdr.iterchildren()
                     if isinstance(el.tag, str) and (el.get(_w("val")) or "none") not in ("none", "nil"))


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
