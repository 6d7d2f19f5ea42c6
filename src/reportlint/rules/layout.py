"""Layout of a Word 公文 (GB/T 9704-2012): page, margins, grid, fonts, sizes, indents. .docx only.

Every rule reads the formatting resolved by ``load/docx_layout.py`` (shared per document) and
reports one finding per kind of deviation per Word section, at its first paragraph, with the
number of paragraphs affected. Text and Markdown inputs carry no formatting: nothing is reported.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reportlint.diagnostics import Applicability, Edit, Finding, Fix, Severity
from reportlint.rules.base import Option, Rule, RuleContext
from reportlint.text.chars import is_cjk
from reportlint.text.lazyre import lazy

if TYPE_CHECKING:  # the reader is imported only for a .docx: a text or Markdown check never needs it
    from reportlint.load.docx_layout import Formatting, ParagraphFormat, RunFormat, SectionFormat

FANGSONG = ["仿宋_GB2312", "仿宋", "FangSong", "仿宋GB2312", "FangSong_GB2312", "方正仿宋_GBK", "方正仿宋简体"]
XIAOBIAOSONG = ["方正小标宋简体", "方正小标宋_GBK", "小标宋", "方正小标宋", "小标宋体", "FZXiaoBiaoSong-B05S"]
HEITI = ["黑体", "SimHei", "方正黑体_GBK", "方正黑体简体"]
KAITI = ["楷体_GB2312", "楷体", "KaiTi", "KaiTi_GB2312", "楷体GB2312", "方正楷体_GBK", "方正楷体简体"]
# 字号 names, points
SIZE_NAMES = {42.0: "初号", 36.0: "小初", 26.0: "一号", 24.0: "小一", 22.0: "二号", 18.0: "小二",
              16.0: "三号", 15.0: "小三", 14.0: "四号", 12.0: "小四", 10.5: "五号", 9.0: "小五"}
SIZE_NAMES_EN = {16.0: "size 3", 22.0: "size 2", 12.0: "small 4", 14.0: "size 4", 10.5: "size 5"}


_ATTACHMENT_LABEL = lazy(r"^附件\s*[0-9０-９]*$")
_DATE_LINE = lazy(r"^[0-9０-９〇○零一二三四五六七八九十]{2,4}年[0-9０-９一二三四五六七八九十]{1,2}月"
                        r"[0-9０-９一二三四五六七八九十]{1,3}日$")
_CC_LINE = lazy(r"^抄\s*送[：:]")
_ISSUE_LINE = lazy(r"[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日\s*印\s*发$")


def mm(twips: int) -> float:
    from reportlint.load.docx_layout import TWIPS_PER_MM

    return twips / TWIPS_PER_MM


def formatting(ctx: RuleContext) -> Formatting | None:
    def read() -> Formatting | None:
        layout = ctx.source.layout
        package = getattr(layout, "package", b"")
        if ctx.source.format != "docx" or not package:
            return None
        from reportlint.load.docx_layout import read_formatting

        found = read_formatting(package)
        # paragraph k must be line k; a reader that saw other paragraphs makes every place wrong.
        # The Source's lines go on after the body with text boxes, headers, footers, notes.
        lines = getattr(layout, "paragraphs", ())
        body = sum(1 for q in lines if q.where == "body" or q.where.startswith("table "))
        if found is None or len(found.paragraphs) != body or any(
                q.where != f.where for q, f in zip(lines, found.paragraphs)):
            return None
        return found
    return ctx.shared("docx-formatting", read)


def size_name(points: float, lang: str = "zh") -> str:
    name = SIZE_NAMES.get(points)
    if lang == "en":
        return f"{points:g} pt" + (f" ({SIZE_NAMES_EN[points]})" if points in SIZE_NAMES_EN else "")
    return f"{points:g}磅（{name}）" if name else f"{points:g}磅"


def size_wanted(points: float) -> str:
    name = SIZE_NAMES.get(points)
    return f"{name}（{points:g}磅）" if name else f"{points:g}磅"


ALIGN_NAMES = {"left": ("左对齐", "left-aligned"), "start": ("左对齐", "left-aligned"),
               "both": ("两端对齐", "justified"), "right": ("右对齐", "right-aligned"),
               "end": ("右对齐", "right-aligned"), "distribute": ("分散对齐", "distributed")}
LEVEL_NAMES = {1: ("一级", "黑体"), 2: ("二级", "楷体"), 3: ("三级", "仿宋"), 4: ("四级", "仿宋")}


def _norm(font: str) -> str:
    return font.replace(" ", "").casefold()


def font_ok(font: str | None, accepted: list[str]) -> bool:
    return font is not None and _norm(font) in {_norm(f) for f in accepted}


@dataclass(frozen=True)
class Part:
    """A paragraph (or the run-in heading at its start) and what the standard asks of it."""

    paragraph: ParagraphFormat
    role: str  # title, heading, body
    level: int  # heading level, 0 otherwise
    end: int  # the part covers the paragraph's characters [start, end)
    start: int = 0

    def runs(self) -> list[RunFormat]:
        return [r for r in self.paragraph.runs if r.start < self.end and r.end > self.start and r.text.strip()]


# elements of the document model that are set like body paragraphs (the first line of each)
_BODY_ELEMENTS = frozenset({"addressee", "attachment_note", "annotation", "contact", "minutes_field"})


def parts(ctx: RuleContext, fmt: Formatting) -> list[Part]:
    """Title, headings and body paragraphs of the body (tables and the 版头/版记 are not read)."""
    def compute() -> list[Part]:
        out: list[Part] = []
        doc = ctx.document
        line_of = ctx.source.lines.position
        paras = fmt.paragraphs

        def at(line: int) -> ParagraphFormat | None:
            p = paras[line - 1] if 0 < line <= len(paras) else None
            if p is None or p.where != "body" or not (text := p.text.strip()):
                return None
            # the 附件 label and the 版记 have their own sizes and places (LY009, LY011)
            if _ATTACHMENT_LABEL.match(text) or _CC_LINE.match(text) or _ISSUE_LINE.search(text):
                return None
            return p

        for article in doc.articles:
            if article.title is not None and (p := at(article.title.number)):
                out.append(Part(p, "title", 0, len(p.text)))
        for h in doc.headings():
            if (p := at(h.line.number)) is None:
                continue
            base = ctx.source.lines.line_start(h.line.number)
            cut = h.title_span.end - base
            out.append(Part(p, "heading", h.level, cut))
            if h.body_span is not None and h.body.strip():
                out.append(Part(p, "body", 0, len(p.text), start=max(cut, h.body_span.start - base)))
        for para in doc.paragraphs():
            if para.markup_level is not None or (p := at(line_of(para.span.start)[0])) is None:
                continue
            out.append(Part(p, "body", 0, len(p.text)))
        for article in doc.articles:  # elements set as body text (GB/T 9704-2012 7.3: 3号仿宋)
            for element in article.elements:
                if element.kind in _BODY_ELEMENTS and (p := at(element.lines[0].number)) is not None:
                    out.append(Part(p, "body", 0, len(p.text)))
        out.sort(key=lambda part: (part.paragraph.line, part.start))
        return out
    return ctx.shared("docx-layout-parts", compute)


@dataclass(frozen=True)
class FormatFix(Fix):
    """A fix of a .docx's formatting, not its text: ``changes`` say what to set where.

    Each change is ``("run", line, run index, "font" | "size", value)``, ``("para", line,
    "indent" | "align" | "flush", value)`` or ``("section", index, "margins", (top, bottom,
    left, right) twips)``; ``fix/docx_layout.py`` writes them (as 修订 with --track-changes).
    Its one edit is empty, so the text fix loop never applies it.
    """

    changes: tuple[tuple[Any, ...], ...] = ()


Change = tuple[Any, ...]
# (line, message key, message args) and, for a fixable kind, the changes that fix this offender
Deviation = tuple[int, str, dict[str, Any]] | tuple[int, str, dict[str, Any], list[Change]]


class _LayoutRule(Rule):
    """Shared machinery: one finding per (message key, section), at the first offender."""

    groups = ("layout",)
    severity = Severity.WARNING

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        fmt = formatting(ctx)
        if fmt is None:
            return
        first: dict[tuple[str, int], tuple[int, dict[str, Any]]] = {}
        counts: dict[tuple[str, int], int] = {}
        changes: dict[tuple[str, int], list[Change]] = {}
        for line, key, args, *fix in self.deviations(ctx, fmt):
            section = fmt.paragraphs[line - 1].section if 0 < line <= len(fmt.paragraphs) else 0
            slot = (key, section)
            counts[slot] = counts.get(slot, 0) + 1
            first.setdefault(slot, (line, args))
            if fix and fix[0] and changes.get(slot, []) is not None:
                changes.setdefault(slot, []).extend(fix[0])
            else:
                changes[slot] = None  # type: ignore[assignment]  # one offender without a fix: no fix
        for slot, (line, args) in sorted(first.items(), key=lambda item: item[1][0]):
            start, end = ctx.source.lines.line_span(line)
            text = ctx.text[start:end]
            lead = len(text) - len(text.lstrip())
            at = start + lead if lead < len(text) else start
            made = changes.get(slot)
            fix_ = FormatFix(f"{self.code}: Word formatting", (Edit(at, at, ""),), Applicability.SAFE,
                             changes=tuple(made)) if made else None
            yield ctx.report(at, end, slot[0], fix=fix_, line=line, count=counts[slot], **args)

    def deviations(self, ctx: RuleContext, fmt: Formatting) -> Iterator[Deviation]:
        raise NotImplementedError  # pragma: no cover
        yield


_DOC_EXAMPLE = """
    ## Example
    A .docx whose body is set in 宋体 小四 on Word's default page (2.54 cm margins).

    ## Use instead
    The GB/T 9704-2012 layout: A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm, 22 lines of 28
    characters, title in 2号小标宋, body in 3号仿宋 indented two characters.
"""


_FIX_SAFETY = """
    ## Fix safety
    Safe: ``check --fix`` sets the formatting in word/document.xml (the East-Asian font and
    size of the runs, the paragraph's alignment or first-line indent, an A4 page's margins);
    the text is not touched. With ``--track-changes`` each change is a tracked formatting change.
"""


class PageSize(_LayoutRule):
    __doc__ = """The page of a .docx 公文 is not A4 portrait (210 × 297 mm).

    ## What it does
    Reads each Word section's page size (``w:pgSz``) and flags one that is not A4 portrait
    within ``tolerance-mm``. Text and Markdown inputs are not checked.

    ## Why is this bad?
    GB/T 9704-2012 5.1 prints every 公文 on A4; a Letter or landscape page is sent back.
    """ + _DOC_EXAMPLE
    code = "LY001"
    name = "page-not-a4"
    standard = "GB/T 9704-2012 5.1"
    options = {"tolerance-mm": Option(1.0, (int, float), "allowed difference from 210 × 297 mm")}
    messages = {"default": ("页面为{width:.0f}×{height:.0f}毫米，GB/T 9704-2012 5.1 要求A4（210×297毫米）",
                            "the page is {width:.0f} × {height:.0f} mm; GB/T 9704-2012 5.1 asks for A4 (210 × 297 mm)")}

    def deviations(self, ctx: RuleContext, fmt: Formatting) -> Iterator[Deviation]:
        tol = float(ctx.settings["tolerance-mm"])
        for s in fmt.sections:
            if s.page_width is None or s.page_height is None:
                continue
            w, h = mm(s.page_width), mm(s.page_height)
            if abs(w - 210) > tol or abs(h - 297) > tol:
                yield s.first_line, "default", {"width": w, "height": h}


def _text_block(s: SectionFormat) -> tuple[float, float] | None:
    if None in (s.page_width, s.page_height, s.top, s.bottom, s.left, s.right):
        return None
    width = mm(s.page_width - s.left - s.right - s.gutter)  # type: ignore[operator]
    height = mm(s.page_height - s.top - s.bottom)  # type: ignore[operator]
    return width, height


class PageMargins(_LayoutRule):
    __doc__ = """Margins of a .docx 公文 other than 天头 37 mm, 订口 28 mm and a 156 × 225 mm text block.

    ## What it does
    Reads each Word section's margins (``w:pgMar``; a gutter counts to the binding side) and
    flags a top margin or left (binding) margin more than ``tolerance-mm`` from 37 / 28 mm, or a
    text block more than ``tolerance-mm`` from 156 × 225 mm.

    ## Why is this bad?
    GB/T 9704-2012 5.2.1 fixes the margins so that documents bind and file alike; Word's
    default 25.4 / 31.8 mm margins are the most common reason a document is sent back.
    """ + _DOC_EXAMPLE + _FIX_SAFETY
    code = "LY002"
    fixable = Applicability.SAFE
    name = "page-margins"
    standard = "GB/T 9704-2012 5.2.1"
    options = {"tolerance-mm": Option(1.0, (int, float), "allowed difference, millimetres")}
    messages = {
        "default": ("上边距（天头）为{found:.1f}毫米，GB/T 9704-2012 5.2.1 要求37±1毫米",
                    "the top margin is {found:.1f} mm; GB/T 9704-2012 5.2.1 asks for 37 ± 1 mm"),
        "left": ("左边距（订口）为{found:.1f}毫米，GB/T 9704-2012 5.2.1 要求28±1毫米",
                 "the left (binding) margin is {found:.1f} mm; GB/T 9704-2012 5.2.1 asks for 28 ± 1 mm"),
        "block": ("版心为{width:.1f}×{height:.1f}毫米，GB/T 9704-2012 5.2.1 要求156×225毫米",
                  "the text block is {width:.1f} × {height:.1f} mm; GB/T 9704-2012 5.2.1 asks for 156 × 225 mm"),
    }

    def deviations(self, ctx: RuleContext, fmt: Formatting) -> Iterator[Deviation]:
        tol = float(ctx.settings["tolerance-mm"]) + 0.05  # twips round to 0.02 mm
        size_tol = float(ctx.settings["tolerance-mm"])
        for s in fmt.sections:
            fix: list[Change] = []
            if s.page_width is not None and s.page_height is not None and \
                    abs(mm(s.page_width) - 210) <= size_tol and abs(mm(s.page_height) - 297) <= size_tol:
                # on an A4 page the four margins follow from 天头, 订口 and the block: exact
                left = round((28 - 0) * 1440 / 25.4) - s.gutter
                right = s.page_width - left - s.gutter - round(156 * 1440 / 25.4)
                bottom = s.page_height - round(37 * 1440 / 25.4) - round(225 * 1440 / 25.4)
                if left > 0:
                    fix = [("section", s.index, "margins", (round(37 * 1440 / 25.4), bottom, left, right))]
            if s.top is not None and abs(mm(s.top) - 37) > tol:
                yield s.first_line, "default", {"found": mm(s.top)}, fix
            if s.left is not None and abs(mm(s.left + s.gutter) - 28) > tol:
                yield s.first_line, "left", {"found": mm(s.left + s.gutter)}, fix
            block = _text_block(s)
            if block and (abs(block[0] - 156) > tol or abs(block[1] - 225) > tol):
                yield s.first_line, "block", {"width": block[0], "height": block[1]}, fix


class LineGrid(_LayoutRule):
    __doc__ = """A .docx 公文 whose page does not hold 22 lines of 28 characters.

    ## What it does
    Counts lines per page from the document grid (``w:docGrid`` ``linePitch``) or, without a
    line grid, from the body's exact line spacing; and characters per line from the character
    grid (``charSpace``) or, without one, from the body font size. Flags a count other than
    22 × 28 (``lines`` / ``chars`` options, ``tolerance`` lines or characters either way).
    Line spacing given as a multiple without a grid depends on the font: not judged.

    ## Why is this bad?
    GB/T 9704-2012 5.2.3: 一般每面排22行，每行排28个字. Without a character grid a 16 pt font
    fits only 27 characters into 156 mm.
    """ + _DOC_EXAMPLE
    code = "LY003"
    name = "line-grid"
    standard = "GB/T 9704-2012 5.2.3"
    options = {
        "lines": Option(22, int, "lines per page"),
        "chars": Option(28, int, "characters per line"),
        "tolerance": Option(0, int, "allowed difference in lines or characters"),
    }
    messages = {
        "default": ("每面{found}行，GB/T 9704-2012 5.2.3 要求每面{want}行",
                    "{found} lines per page; GB/T 9704-2012 5.2.3 asks for {want}"),
        "chars": ("每行{found}字，GB/T 9704-2012 5.2.3 要求每行{want}字",
                  "{found} characters per line; GB/T 9704-2012 5.2.3 asks for {want}"),
    }

    def deviations(self, ctx: RuleContext, fmt: Formatting) -> Iterator[Deviation]:
        tol = int(ctx.settings["tolerance"])
        want_lines, want_chars = int(ctx.settings["lines"]), int(ctx.settings["chars"])
        body = [p for p in parts(ctx, fmt) if p.role == "body"]
        for s in fmt.sections:
            block = _text_block(s)
            if block is None:
                continue
            width_pt, height_pt = block[0] / 25.4 * 72, block[1] / 25.4 * 72
            mine = [p for p in body if p.paragraph.section == s.index]
            pitch = self.line_pitch(s, mine)
            if pitch:
                lines = math.floor(height_pt / pitch + 0.05)
                if abs(lines - want_lines) > tol:
                    yield s.first_line, "default", {"found": lines, "want": want_lines}
            if s.grid_type in ("linesAndChars", "snapToChars") and s.char_space is not None:
                char = fmt.default_size + s.char_space / 4096
            else:
                sizes = [r.size for p in mine for r in p.runs() if any(map(is_cjk, r.text))]
                char = max(set(sizes), key=sizes.count) if sizes else 0
            if char > 0:
                chars = math.floor(width_pt / char + 0.05)
                if abs(chars - want_chars) > tol:
                    yield s.first_line, "chars", {"found": chars, "want": want_chars}

    @staticmethod
    def line_pitch(s: SectionFormat, body: list[Part]) -> float | None:
        """Points per line: an exact body spacing wins, else the line grid (single spacing)."""
        exact = [p.paragraph.line_spacing for p in body
                 if p.paragraph.line_rule == "exact" and p.paragraph.line_spacing]
        if exact:
            return max(set(exact), key=exact.count) / 20
        if s.grid_type in ("lines", "linesAndChars", "snapToChars") and s.line_pitch:
            return s.line_pitch / 20
        return None


def _font_deviation(part: Part, accepted: list[str]) -> str | None:
    """The first East-Asian font of the part's Chinese runs that is not accepted."""
    for run in part.runs():
        if any(map(is_cjk, run.text)) and not font_ok(run.east_asia, accepted):
            return run.east_asia or "（未设置）"
    return None


def _size_deviation(part: Part, want: float, tol: float) -> float | None:
    for run in part.runs():
        if abs(run.size - want) > tol:
            return run.size
    return None


def _font_changes(part: Part, accepted: list[str]) -> list[Change]:
    return [("run", part.paragraph.line, r.index, "font", accepted[0]) for r in part.runs()
            if any(map(is_cjk, r.text)) and not font_ok(r.east_asia, accepted) and r.index >= 0]


def _size_changes(part: Part, want: float, tol: float) -> list[Change]:
    return [("run", part.paragraph.line, r.index, "size", want) for r in part.runs()
            if abs(r.size - want) > tol and r.index >= 0]


def _no_lead(p: ParagraphFormat) -> bool:
    return p.text[:1] not in (" ", "\u3000", "\t")


class BodyFont(_LayoutRule):
    __doc__ = """Body text of a .docx 公文 not set in 仿宋 3号 (16 pt).

    ## What it does
    Resolves the East-Asian font and size of every run of Chinese body text as Word does (run,
    character style, paragraph style and its ``basedOn`` chain, document defaults, theme fonts)
    and flags a font not in ``fonts`` or a size other than ``size`` points.

    ## Why is this bad?
    GB/T 9704-2012 5.2.2 and 7.3.3: 如无特殊说明，公文格式各要素一般用3号仿宋体字. 宋体 小四 is
    Word's default, not the 公文 standard.
    """ + _DOC_EXAMPLE + _FIX_SAFETY
    code = "LY004"
    fixable = Applicability.SAFE
    name = "body-font"
    standard = "GB/T 9704-2012 5.2.2, 7.3.3"
    options = {
        "fonts": Option(FANGSONG, list, "accepted body fonts (East-Asian slot)"),
        "size": Option(16.0, (int, float), "body size in points (3号 = 16)"),
        "size-tolerance": Option(0.0, (int, float), "allowed difference, points"),
    }
    messages = {
        "default": ("正文字体为{found}，GB/T 9704-2012 5.2.2 要求仿宋；本节共{count}段",
                    "body text is set in {found} ({count} paragraph(s)); "
                    "GB/T 9704-2012 5.2.2 asks for FangSong (仿宋)"),
        "size": ("正文字号为{found}，GB/T 9704-2012 5.2.2 要求{want}；本节共{count}段",
                 "body text is {found_en} ({count} paragraph(s)); GB/T 9704-2012 5.2.2 asks for {want_en}"),
    }

    def deviations(self, ctx: RuleContext, fmt: Formatting) -> Iterator[Deviation]:
        want = float(ctx.settings["size"])
        for part in parts(ctx, fmt):
            if part.role != "body":
                continue
            tol = float(ctx.settings["size-tolerance"])
            if (font := _font_deviation(part, ctx.settings["fonts"])) is not None:
                yield part.paragraph.line, "default", {"found": font}, _font_changes(part, ctx.settings["fonts"])
            if (size := _size_deviation(part, want, tol)) is not None:
                yield part.paragraph.line, "size", _sizes(size, want), _size_changes(part, want, tol)


def _sizes(found: float, want: float) -> dict[str, Any]:
    return {"found": size_name(found), "want": size_wanted(want),
            "found_en": size_name(found, "en"), "want_en": size_name(want, "en")}


class TitleFormat(_LayoutRule):
    __doc__ = """The title of a .docx 公文 not in 2号小标宋 (22 pt), centred.

    ## What it does
    Checks the paragraph the parser takes for the title: its Chinese runs' East-Asian font
    (``fonts``), their size (``size``) and the paragraph's alignment (centred).

    ## Why is this bad?
    GB/T 9704-2012 7.3.1: 标题一般用2号小标宋体字，编排于红色分隔线下空二行位置，分一行或多行居中排布.
    """ + _DOC_EXAMPLE + _FIX_SAFETY
    code = "LY005"
    fixable = Applicability.SAFE
    name = "title-format"
    standard = "GB/T 9704-2012 7.3.1"
    options = {
        "fonts": Option(XIAOBIAOSONG, list, "accepted title fonts (East-Asian slot)"),
        "size": Option(22.0, (int, float), "title size in points (2号 = 22)"),
    }
    messages = {
        "default": ("标题字体为{found}，GB/T 9704-2012 7.3.1 要求小标宋",
                    "the title is set in {found}; GB/T 9704-2012 7.3.1 asks for XiaoBiaoSong (小标宋)"),
        "size": ("标题字号为{found}，GB/T 9704-2012 7.3.1 要求{want}",
                 "the title is {found_en}; GB/T 9704-2012 7.3.1 asks for {want_en}"),
        "align": ("标题为{found}，GB/T 9704-2012 7.3.1 要求居中排布",
                  "the title is {found_en}; GB/T 9704-2012 7.3.1 asks for it centred"),
    }

    def deviations(self, ctx: RuleContext, fmt: Formatting) -> Iterator[Deviation]:
        want = float(ctx.settings["size"])
        for part in parts(ctx, fmt):
            if part.role != "title":
                continue
            line = part.paragraph.line
            if (font := _font_deviation(part, ctx.settings["fonts"])) is not None:
                yield line, "default", {"found": font}, _font_changes(part, ctx.settings["fonts"])
            if (size := _size_deviation(part, want, 0.0)) is not None:
                yield line, "size", _sizes(size, want), _size_changes(part, want, 0.0)
            if part.paragraph.align != "center":
                zh, en = ALIGN_NAMES.get(part.paragraph.align or "left", (part.paragraph.align, part.paragraph.align))
                yield line, "align", {"found": zh, "found_en": en}, [("para", line, "align", "center")]


class HeadingFont(_LayoutRule):
    __doc__ = """A numbered heading of a .docx 公文 not in its level's font (黑体, 楷体, 仿宋, 仿宋).

    ## What it does
    For each heading the parser finds (一、 / （一） / 1. / （1）), checks the East-Asian font of
    the heading's own runs (a run-in heading ends where its title ends; the rest of the
    paragraph is body text) against ``level-1`` … ``level-4``.

    ## Why is this bad?
    GB/T 9704-2012 7.3.3: 一般第一层用黑体字、第二层用楷体字、第三层和第四层用仿宋体字标注.
    """ + _DOC_EXAMPLE + _FIX_SAFETY
    code = "LY006"
    fixable = Applicability.SAFE
    name = "heading-font"
    standard = "GB/T 9704-2012 7.3.3"
    options = {
        "level-1": Option(HEITI, list, "accepted fonts for 一、 headings"),
        "level-2": Option(KAITI, list, "accepted fonts for （一） headings"),
        "level-3": Option(FANGSONG, list, "accepted fonts for 1. headings"),
        "level-4": Option(FANGSONG, list, "accepted fonts for （1） headings"),
    }
    messages = {
        "default": ("{level_zh}标题字体为{found}，GB/T 9704-2012 7.3.3 要求{want}；本节共{count}处",
                    "level-{level} headings are set in {found} ({count}); GB/T 9704-2012 7.3.3 asks for {want}"),
    }

    def deviations(self, ctx: RuleContext, fmt: Formatting) -> Iterator[Deviation]:
        for part in parts(ctx, fmt):
            if part.role != "heading" or not 1 <= part.level <= 4:
                continue
            accepted = ctx.settings[f"level-{part.level}"]
            if (font := _font_deviation(part, accepted)) is not None:
                # the level is part of the kind: a wrong 一级 and a wrong 二级 are two findings
                yield part.paragraph.line, f"level{part.level}", {
                    "found": font, "level": part.level, "level_zh": LEVEL_NAMES[part.level][0],
                    "want": LEVEL_NAMES[part.level][1] if accepted == self.options[f"level-{part.level}"].default
                    else "、".join(accepted)}, _font_changes(part, accepted)

    @classmethod
    def render(cls, key: str, args: dict[str, Any], lang: str) -> str:
        return super().render("default", args, lang)


class FirstLineIndent(_LayoutRule):
    __doc__ = """A paragraph of a .docx 公文 not indented two characters on its first line.

    ## What it does
    Checks body paragraphs and headings (``headings: false`` leaves headings out): the first
    line must start two characters in — ``firstLineChars="200"``, or a first-line indent within
    ``tolerance`` characters of twice the paragraph's font size, or two leading 全角 spaces.
    Centred and right-aligned paragraphs and the 主送机关 line (flush left) are not checked.

    ## Why is this bad?
    GB/T 9704-2012 7.3.3: 每个自然段左空二字，回行顶格.
    """ + _DOC_EXAMPLE + _FIX_SAFETY
    code = "LY007"
    fixable = Applicability.SAFE
    name = "first-line-indent"
    standard = "GB/T 9704-2012 7.3.3"
    options = {
        "chars": Option(2.0, (int, float), "first-line indent in characters"),
        "tolerance": Option(0.25, (int, float), "allowed difference, characters"),
        "headings": Option(True, bool, "check headings too"),
    }
    messages = {"default": ("段落首行缩进{found}字，GB/T 9704-2012 7.3.3 要求每个自然段左空二字；本节共{count}段",
                            "first-line indent of {found} characters ({count} paragraph(s)); "
                            "GB/T 9704-2012 7.3.3 asks for two")}

    def deviations(self, ctx: RuleContext, fmt: Formatting) -> Iterator[Deviation]:
        want, tol = float(ctx.settings["chars"]), float(ctx.settings["tolerance"])
        seen: set[int] = set()
        firsts = {a.children[0].line.number for a in ctx.document.articles
                  if a.children and hasattr(a.children[0], "line") and not hasattr(a.children[0], "heading")}
        firsts |= {e.lines[0].number for a in ctx.document.articles for e in a.elements_of("addressee")}
        for part in parts(ctx, fmt):
            p = part.paragraph
            if part.role == "title" or p.line in seen or (part.role == "heading" and not ctx.settings["headings"]):
                continue
            seen.add(p.line)
            if p.align in ("center", "right", "end"):
                continue
            text = p.text
            if p.line in firsts and text.rstrip().endswith(("：", ":")):
                continue  # 主送机关: 顶格
            runs = part.runs() or list(p.runs)
            size = runs[0].size if runs else 16.0
            if p.first_line_chars is not None:
                found = (p.first_line_chars + p.left / size / 20 * 100) / 100
            else:
                found = (p.first_line + p.left) / 20 / size
            lead = len(text) - len(text.lstrip("\u3000"))
            found += lead if lead else (len(text) - len(text.lstrip(" "))) / 2
            if abs(found - want) > tol:
                fix = [("para", p.line, "indent", (want, size))] if _no_lead(p) and p.left == 0 else []
                yield p.line, "default", {"found": f"{found:.1f}".rstrip("0").rstrip(".")}, fix


SONGTI = ["宋体", "SimSun", "NSimSun", "新宋体", "宋体-简", "Songti SC", "STSong", "华文宋体"]
DASHES = ["—", "―"]  # 一字线 (U+2014, and U+2015 which some fonts draw the same)


def _start_chars(p: ParagraphFormat) -> float:
    """Where the first line starts, in characters of the paragraph's first run from the left edge."""
    runs = [r for r in p.runs if r.text.strip()]
    size = runs[0].size if runs else 16.0
    if p.first_line_chars is not None:
        found = (p.first_line_chars + p.left / size / 20 * 100) / 100
    else:
        found = (p.first_line + p.left) / 20 / size
    text = p.text
    body = text.lstrip(" \u3000\t")
    lead = text[:len(text) - len(body)]
    return found + lead.count("\u3000") + lead.count(" ") / 2 + lead.count("\t") * 2


def _blank(p: ParagraphFormat) -> bool:
    return not p.text.strip()


class PageNumber(_LayoutRule):
    __doc__ = """Page numbers of a .docx 公文 not in the form ``— 1 —``, 4号宋体, odd pages right, even left.

    ## What it does
    Reads the footers each Word section uses (``w:footerReference``, carried over from the
    section before when not given) and the PAGE field in them (simple or complex). Flags a
    section whose footers hold no page number, a document without different odd and even
    footers (``w:evenAndOddHeaders``), a number without a 一字线 (``dashes``) on each side,
    digits not in ``fonts`` or not ``size`` points, and an odd-page number not right-aligned
    or an even-page number not left-aligned. The one-character inset (空一字) and the 7 mm
    below the text block are not measured; a number drawn in a text box is read, its box's
    position is not.

    ## Why is this bad?
    GB/T 9704-2012 7.5: 一般用4号半角宋体阿拉伯数字，编排在公文版心下边缘之下，数字左右各放一条一字线；
    单页码居右空一字，双页码居左空一字. A centred ``- 1 -`` or a bare ``1`` is sent back.

    ## Example
    A footer with a centred PAGE field in 五号 Calibri, the same on every page.

    ## Use instead
    Different odd and even footers: ``— 1 —`` in 4号宋体, right-aligned on odd pages and
    left-aligned on even pages.
    """
    code = "LY008"
    name = "page-number"
    standard = "GB/T 9704-2012 7.5"
    options = {
        "fonts": Option(SONGTI, list, "accepted fonts of the digits (the w:ascii slot)"),
        "size": Option(14.0, (int, float), "size of the page number in points (4号 = 14)"),
        "dashes": Option(DASHES, list, "accepted 一字线 characters around the number"),
    }
    messages = {
        "default": ("页脚中没有页码，GB/T 9704-2012 7.5 要求用4号半角宋体阿拉伯数字编排页码",
                    "the footers hold no page number; GB/T 9704-2012 7.5 asks for one in 4号 SimSun digits"),
        "missing_even": ("偶数页页脚中没有页码，GB/T 9704-2012 7.5 要求双页码居左空一字",
                         "the even-page footer holds no page number; GB/T 9704-2012 7.5 asks for one on the left"),
        "even_odd": ("页脚未设“奇偶页不同”，单双页页码位置相同，GB/T 9704-2012 7.5 要求单页码居右、双页码居左",
                     "odd and even pages share one footer; GB/T 9704-2012 7.5 puts odd page numbers "
                     "right and even ones left"),
        "form": ("页码形式为“{found}”，GB/T 9704-2012 7.5 要求数字左右各放一条一字线（— 1 —）",
                 "the page number reads \"{found}\"; GB/T 9704-2012 7.5 asks for a dash on each side (— 1 —)"),
        "font": ("页码字体为{found}，GB/T 9704-2012 7.5 要求半角宋体",
                 "the page number is set in {found}; GB/T 9704-2012 7.5 asks for half-width SimSun (宋体)"),
        "size": ("页码字号为{found}，GB/T 9704-2012 7.5 要求{want}",
                 "the page number is {found_en}; GB/T 9704-2012 7.5 asks for {want_en}"),
        "align_odd": ("单页码{found}，GB/T 9704-2012 7.5 要求单页码居右空一字",
                      "odd-page numbers are {found_en}; GB/T 9704-2012 7.5 puts them right"),
        "align_even": ("双页码{found}，GB/T 9704-2012 7.5 要求双页码居左空一字",
                       "even-page numbers are {found_en}; GB/T 9704-2012 7.5 puts them left"),
    }

    def deviations(self, ctx: RuleContext, fmt: Formatting) -> Iterator[Deviation]:
        want = float(ctx.settings["size"])
        dashes = tuple(ctx.settings["dashes"])
        for s in fmt.sections:
            footers = dict(s.footers)
            odd = footers.get("default")
            even = footers.get("even") if fmt.even_and_odd else None
            if odd is None or not odd.page_field:
                if even is None or not even.page_field:
                    yield s.first_line, "default", {}
                    continue
            if not fmt.even_and_odd:
                yield s.first_line, "even_odd", {}
            elif even is None or not even.page_field:
                yield s.first_line, "missing_even", {}
            for footer, side in ((odd, "right"), (even, "left")):
                if footer is None or not footer.page_field:
                    continue
                before, after = footer.before.strip(), footer.after.strip()
                if not (before.endswith(dashes) and after.startswith(dashes)):
                    yield s.first_line, "form", {"found": f"{footer.before}1{footer.after}".strip()}
                number = footer.number
                if number is not None and not font_ok(number.ascii, ctx.settings["fonts"]):
                    yield s.first_line, "font", {"found": number.ascii or "（未设置）"}
                if number is not None and abs(number.size - want) > 0:
                    yield s.first_line, "size", _sizes(number.size, want)
                align = footer.align or "left"
                ok = ("right", "end") if side == "right" else ("left", "start", "both", "distribute")
                if fmt.even_and_odd and align not in ok:
                    zh, en = ALIGN_NAMES.get(align, ("居中", "centred") if align == "center" else (align, align))
                    yield s.first_line, "align_odd" if side == "right" else "align_even", \
                        {"found": zh, "found_en": en}


ALIGN_NAMES["center"] = ("居中", "centred")
_SENTENCE_MARKS = set("。，；：:！？、")


def _body_paragraphs(fmt: Formatting) -> list[ParagraphFormat]:
    return [p for p in fmt.paragraphs if p.where == "body"]


class AttachmentLabel(_LayoutRule):
    __doc__ = """The 附件 label of a .docx 公文 not in 3号黑体, flush left, on a new page.

    ## What it does
    Finds paragraphs that hold only ``附件`` and an optional number (``附件2``) — the label at the
    top of an attachment, not the 附件说明 ``附件：…`` under the body — and checks their Chinese
    runs' East-Asian font (``fonts``) and size (``size``), that the first line starts at the
    left edge (no indent, no leading spaces, not centred or right-aligned), and that the label
    starts a page (page break before it, a page break ending the paragraph before, or a new
    section).

    ## Why is this bad?
    GB/T 9704-2012 7.3.7: 附件应当另面编排……"附件"二字及附件顺序号用3号黑体字顶格编排在版心左上角第一行.

    ## Example
    ``附件1`` in 仿宋, indented two characters, straight after the 成文日期 on the same page.

    ## Use instead
    ``附件1`` in 3号黑体, flush left, with 段前分页 (page break before).

    ## Fix safety
    Safe: ``check --fix`` sets the East-Asian font and size of the runs and removes the indent
    (the rules and the placement are not fixed); the text is not touched. With
    ``--track-changes`` each change is a tracked formatting change.
    """
    code = "LY009"
    fixable = Applicability.SAFE
    name = "attachment-label"
    standard = "GB/T 9704-2012 7.3.7"
    options = {
        "fonts": Option(HEITI, list, "accepted fonts of the label (East-Asian slot)"),
        "size": Option(16.0, (int, float), "size of the label in points (3号 = 16)"),
    }
    messages = {
        "default": ("附件标识字体为{found}，GB/T 9704-2012 7.3.7 要求3号黑体",
                    "the attachment label is set in {found}; GB/T 9704-2012 7.3.7 asks for 3号 SimHei (黑体)"),
        "size": ("附件标识字号为{found}，GB/T 9704-2012 7.3.7 要求{want}",
                 "the attachment label is {found_en}; GB/T 9704-2012 7.3.7 asks for {want_en}"),
        "indent": ("附件标识未顶格（左空{found}字），GB/T 9704-2012 7.3.7 要求顶格编排在版心左上角",
                   "the attachment label starts {found} characters in; GB/T 9704-2012 7.3.7 puts it flush left"),
        "align": ("附件标识{found}，GB/T 9704-2012 7.3.7 要求顶格编排在版心左上角",
                  "the attachment label is {found_en}; GB/T 9704-2012 7.3.7 puts it flush left"),
        "page": ("附件未另面编排，GB/T 9704-2012 7.3.7 要求附件另面编排",
                 "the attachment does not start a new page; GB/T 9704-2012 7.3.7 asks for one"),
    }

    def deviations(self, ctx: RuleContext, fmt: Formatting) -> Iterator[Deviation]:
        want = float(ctx.settings["size"])
        paras = fmt.paragraphs
        starts = {s.first_line for s in fmt.sections if s.index > 0}
        for p in _body_paragraphs(fmt):
            if not _ATTACHMENT_LABEL.match(p.text.strip()):
                continue
            part = Part(p, "label", 0, len(p.text))
            if (font := _font_deviation(part, ctx.settings["fonts"])) is not None:
                yield p.line, "default", {"found": font}, _font_changes(part, ctx.settings["fonts"])
            if (size := _size_deviation(part, want, 0.0)) is not None:
                yield p.line, "size", _sizes(size, want), _size_changes(part, want, 0.0)
            if p.align in ("center", "right", "end"):
                zh, en = ALIGN_NAMES[p.align]
                yield p.line, "align", {"found": zh, "found_en": en}, [("para", p.line, "align", "left")]
            elif abs(start := _start_chars(p)) > 0.25:
                fix = [("para", p.line, "flush", 0)] if _no_lead(p) else []
                yield p.line, "indent", {"found": f"{start:.1f}".rstrip("0").rstrip(".")}, fix
            if p.line > 1 and not p.page_break_before and p.line not in starts:
                k = p.line - 1
                broke = False
                while k >= 1:
                    prev = paras[k - 1]
                    if prev.page_break or prev.page_break_before and _blank(prev) or k in starts:
                        broke = True
                        break
                    if not _blank(prev):
                        break
                    k -= 1
                if not broke and k >= 1:
                    yield p.line, "page", {}


class SignatureDate(_LayoutRule):
    __doc__ = """The 署名 and 成文日期 of a .docx 公文 not placed on the right.

    ## What it does
    Finds a paragraph that is only a date (``2024年5月6日``) — the 成文日期 — and the short
    unpunctuated line just above it, the 发文机关署名; each must be right-aligned or start at
    least ``min-indent`` characters in (an indent or leading spaces). Centred, or left at the
    margin, is flagged. How far from the right edge (右空二字 or 四字) is not measured.

    ## Why is this bad?
    GB/T 9704-2012 7.3.5: the 成文日期 is set 右空四字 (sealed) or under the 署名 and 右空二字
    (unsealed), the 署名 centred above the date — both at the right of the page, never at the
    left margin.

    ## Example
    ``县人民政府`` and ``2024年5月6日`` justified at the left margin like body text.

    ## Use instead
    Both right-aligned (with a right indent of two or four characters).
    """
    code = "LY010"
    name = "signature-date-placement"
    standard = "GB/T 9704-2012 7.3.5"
    options = {"min-indent": Option(10.0, (int, float),
                                    "a left-aligned date or 署名 must start this many characters in")}
    messages = {
        "default": ("成文日期{found}，GB/T 9704-2012 7.3.5 要求成文日期右空二字或四字编排",
                    "the date of the document is {found_en}; GB/T 9704-2012 7.3.5 sets it at the right"),
        "signature": ("发文机关署名{found}，GB/T 9704-2012 7.3.5 要求署名编排在成文日期之上、居右",
                      "the issuer's signature is {found_en}; GB/T 9704-2012 7.3.5 sets it at the right, "
                      "above the date"),
    }

    def deviations(self, ctx: RuleContext, fmt: Formatting) -> Iterator[Deviation]:
        least = float(ctx.settings["min-indent"])
        paras = fmt.paragraphs
        for p in _body_paragraphs(fmt):
            if not _DATE_LINE.match(p.text.strip()):
                continue
            if (where := self.misplaced(p, least)) is not None:
                yield p.line, "default", where
            k = p.line - 1
            while k >= 1 and _blank(paras[k - 1]):
                k -= 1
            if k < 1:
                continue
            sig = paras[k - 1]
            text = sig.text.strip()
            if sig.where == "body" and len(text) <= 30 and not _SENTENCE_MARKS & set(text) \
                    and not _ATTACHMENT_LABEL.match(text) and (where := self.misplaced(sig, least)) is not None:
                yield sig.line, "signature", where

    @staticmethod
    def misplaced(p: ParagraphFormat, least: float) -> dict[str, Any] | None:
        if p.align in ("right", "end"):
            return None
        if p.align == "center":
            return {"found": "居中", "found_en": "centred"}
        start = _start_chars(p)
        if start >= least:
            return None
        where = f"{start:.1f}".rstrip("0").rstrip(".")
        return {"found": f"居左（左空{where}字）", "found_en": f"at the left ({where} characters in)"}


class Imprint(_LayoutRule):
    __doc__ = """The 版记 of a .docx 公文 (抄送 / 印发 lines) without its rules, not last, or not in 4号仿宋.

    ## What it does
    Finds the 版记 lines — a paragraph starting ``抄送：`` and one ending ``2024年5月6日印发`` —
    and checks that a rule runs above the first and below the last (a paragraph border, a
    border of the paragraph next to it, a line drawn in it, or a bordered table), that no text
    follows the 版记 (it closes the document, so it sits on the last page), that its Chinese
    runs are in ``fonts`` at ``size`` points, and that each line starts one character in
    (``indent`` ± 0.5). Where the last page ends is not known from the file: that the 版记
    sits at its foot is not checked.

    ## Why is this bad?
    GB/T 9704-2012 7.4: 版记 lines in 4号仿宋, 抄送 and 印发机关 左空一字, between a first and a
    last rule as wide as the text block, the last rule on the bottom edge of the last page.

    ## Example
    ``抄送：县委办公室。`` and ``县政府办公室　2024年5月6日印发`` as plain body paragraphs in 3号,
    with the signature page still to come after them.

    ## Use instead
    The 版记 at the end, in 4号仿宋, one character in, with a rule above 抄送 and below 印发.

    ## Fix safety
    Safe: ``check --fix`` sets the East-Asian font and size of the runs
    (the rules and the placement are not fixed); the text is not touched. With
    ``--track-changes`` each change is a tracked formatting change.
    """
    code = "LY011"
    fixable = Applicability.SAFE
    name = "imprint"
    standard = "GB/T 9704-2012 7.4"
    options = {
        "fonts": Option(FANGSONG, list, "accepted fonts of the 版记 (East-Asian slot)"),
        "size": Option(14.0, (int, float), "size of the 版记 in points (4号 = 14)"),
        "indent": Option(1.0, (int, float), "characters the 抄送 and 印发 lines start in"),
    }
    messages = {
        "default": ("版记缺少分隔线（{found}），GB/T 9704-2012 7.4 要求首条和末条分隔线",
                    "the 版记 lacks its rule ({found_en}); GB/T 9704-2012 7.4 asks for a first and a last rule"),
        "rule_last": ("版记缺少分隔线（{found}），GB/T 9704-2012 7.4 要求首条和末条分隔线",
                      "the 版记 lacks its rule ({found_en}); GB/T 9704-2012 7.4 asks for a first and a last rule"),
        "last": ("版记之后还有正文内容，GB/T 9704-2012 7.4 要求版记置于公文最后一面",
                 "text follows the 版记; GB/T 9704-2012 7.4 puts it on the last page"),
        "font": ("版记字体为{found}，GB/T 9704-2012 7.4 要求4号仿宋",
                 "the 版记 is set in {found}; GB/T 9704-2012 7.4 asks for 4号 FangSong (仿宋)"),
        "size": ("版记字号为{found}，GB/T 9704-2012 7.4 要求{want}",
                 "the 版记 is {found_en}; GB/T 9704-2012 7.4 asks for {want_en}"),
        "indent": ("版记行左空{found}字，GB/T 9704-2012 7.4 要求左空一字",
                   "a 版记 line starts {found} characters in; GB/T 9704-2012 7.4 asks for one"),
    }

    def deviations(self, ctx: RuleContext, fmt: Formatting) -> Iterator[Deviation]:
        paras = fmt.paragraphs
        lines = [p for p in fmt.paragraphs if _CC_LINE.match(p.text.strip()) or _ISSUE_LINE.search(p.text.strip())]
        if not lines:
            return
        first, last = lines[0], lines[-1]
        want = float(ctx.settings["size"])
        in_table = first.where != "body" or last.where != "body"
        if not in_table:
            before = next((q for q in reversed(paras[:first.line - 1]) if not _blank(q) or q.drawing), None)
            above = "top" in first.borders or first.drawing or (
                before is not None and ("bottom" in before.borders or before.drawing))
            after_p = paras[last.line] if last.line < len(paras) else None
            below = "bottom" in last.borders or last.drawing or (
                after_p is not None and ("top" in after_p.borders or after_p.drawing))
            if not above:
                yield first.line, "default", {"found": "首条", "found_en": "first"}
            if not below:
                yield last.line, "rule_last", {"found": "末条", "found_en": "last"}
        later = next((q for q in paras[last.line:] if not _blank(q) and q.where == last.where), None)
        if later is not None and last.where == "body":
            yield later.line, "last", {}
        tol = 0.5
        for p in lines:
            part = Part(p, "imprint", 0, len(p.text))
            if (font := _font_deviation(part, ctx.settings["fonts"])) is not None:
                yield p.line, "font", {"found": font}, _font_changes(part, ctx.settings["fonts"])
            if (size := _size_deviation(part, want, 0.0)) is not None:
                yield p.line, "size", _sizes(size, want), _size_changes(part, want, 0.0)
            if not in_table and p.align not in ("center", "right", "end") and \
                    abs((start := _start_chars(p)) - float(ctx.settings["indent"])) > tol:
                yield p.line, "indent", {"found": f"{start:.1f}".rstrip("0").rstrip(".")}


RULES = [PageSize, PageMargins, LineGrid, BodyFont, TitleFormat, HeadingFont, FirstLineIndent,
         PageNumber, AttachmentLabel, SignatureDate, Imprint]
