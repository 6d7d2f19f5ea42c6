"""Layout of a Word 公文 (GB/T 9704-2012): page, margins, grid, fonts, sizes, indents. .docx only.

Every rule reads the formatting resolved by ``load/docx_layout.py`` (shared per document) and
reports one finding per kind of deviation per Word section, at its first paragraph, with the
number of paragraphs affected. Text and Markdown inputs carry no formatting: nothing is reported.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from reportlint.diagnostics import Finding, Severity
from reportlint.load.docx_layout import Formatting, ParagraphFormat, RunFormat, SectionFormat, mm
from reportlint.rules.base import Option, Rule, RuleContext
from reportlint.text.chars import is_cjk

FANGSONG = ["仿宋_GB2312", "仿宋", "FangSong", "仿宋GB2312", "FangSong_GB2312", "方正仿宋_GBK", "方正仿宋简体"]
XIAOBIAOSONG = ["方正小标宋简体", "方正小标宋_GBK", "小标宋", "方正小标宋", "小标宋体", "FZXiaoBiaoSong-B05S"]
HEITI = ["黑体", "SimHei", "方正黑体_GBK", "方正黑体简体"]
KAITI = ["楷体_GB2312", "楷体", "KaiTi", "KaiTi_GB2312", "楷体GB2312", "方正楷体_GBK", "方正楷体简体"]
# 字号 names, points
SIZE_NAMES = {42.0: "初号", 36.0: "小初", 26.0: "一号", 24.0: "小一", 22.0: "二号", 18.0: "小二",
              16.0: "三号", 15.0: "小三", 14.0: "四号", 12.0: "小四", 10.5: "五号", 9.0: "小五"}
SIZE_NAMES_EN = {16.0: "size 3", 22.0: "size 2", 12.0: "small 4", 14.0: "size 4", 10.5: "size 5"}


def formatting(ctx: RuleContext) -> Formatting | None:
    def read() -> Formatting | None:
        layout = ctx.source.layout
        package = getattr(layout, "package", b"")
        if ctx.source.format != "docx" or not package:
            return None
        from reportlint.load.docx_layout import read_formatting

        found = read_formatting(package)
        # paragraph k must be line k; a reader that saw other paragraphs makes every place wrong
        if found is None or len(found.paragraphs) != ctx.source.lines.line_count:
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
            return p if p is not None and p.where == "body" and p.text.strip() else None

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
        for line, key, args in self.deviations(ctx, fmt):
            section = fmt.paragraphs[line - 1].section if 0 < line <= len(fmt.paragraphs) else 0
            slot = (key, section)
            counts[slot] = counts.get(slot, 0) + 1
            first.setdefault(slot, (line, args))
        for slot, (line, args) in sorted(first.items(), key=lambda item: item[1][0]):
            start, end = ctx.source.lines.line_span(line)
            text = ctx.text[start:end]
            lead = len(text) - len(text.lstrip())
            yield ctx.report(start + lead if lead < len(text) else start, end, slot[0],
                             line=line, count=counts[slot], **args)

    def deviations(self, ctx: RuleContext, fmt: Formatting) -> Iterator[tuple[int, str, dict[str, Any]]]:
        raise NotImplementedError  # pragma: no cover
        yield


_DOC_EXAMPLE = """
    ## Example
    A .docx whose body is set in 宋体 小四 on Word's default page (2.54 cm margins).

    ## Use instead
    The GB/T 9704-2012 layout: A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm, 22 lines of 28
    characters, title in 2号小标宋, body in 3号仿宋 indented two characters.
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

    def deviations(self, ctx: RuleContext, fmt: Formatting) -> Iterator[tuple[int, str, dict[str, Any]]]:
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
    """ + _DOC_EXAMPLE
    code = "LY002"
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

    def deviations(self, ctx: RuleContext, fmt: Formatting) -> Iterator[tuple[int, str, dict[str, Any]]]:
        tol = float(ctx.settings["tolerance-mm"]) + 0.05  # twips round to 0.02 mm
        for s in fmt.sections:
            if s.top is not None and abs(mm(s.top) - 37) > tol:
                yield s.first_line, "default", {"found": mm(s.top)}
            if s.left is not None and abs(mm(s.left + s.gutter) - 28) > tol:
                yield s.first_line, "left", {"found": mm(s.left + s.gutter)}
            block = _text_block(s)
            if block and (abs(block[0] - 156) > tol or abs(block[1] - 225) > tol):
                yield s.first_line, "block", {"width": block[0], "height": block[1]}


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

    def deviations(self, ctx: RuleContext, fmt: Formatting) -> Iterator[tuple[int, str, dict[str, Any]]]:
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


class BodyFont(_LayoutRule):
    __doc__ = """Body text of a .docx 公文 not set in 仿宋 3号 (16 pt).

    ## What it does
    Resolves the East-Asian font and size of every run of Chinese body text as Word does (run,
    character style, paragraph style and its ``basedOn`` chain, document defaults, theme fonts)
    and flags a font not in ``fonts`` or a size other than ``size`` points.

    ## Why is this bad?
    GB/T 9704-2012 5.2.2 and 7.3.3: 如无特殊说明，公文格式各要素一般用3号仿宋体字. 宋体 小四 is
    Word's default, not the 公文 standard.
    """ + _DOC_EXAMPLE
    code = "LY004"
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

    def deviations(self, ctx: RuleContext, fmt: Formatting) -> Iterator[tuple[int, str, dict[str, Any]]]:
        want = float(ctx.settings["size"])
        for part in parts(ctx, fmt):
            if part.role != "body":
                continue
            if (font := _font_deviation(part, ctx.settings["fonts"])) is not None:
                yield part.paragraph.line, "default", {"found": font}
            if (size := _size_deviation(part, want, float(ctx.settings["size-tolerance"]))) is not None:
                yield part.paragraph.line, "size", _sizes(size, want)


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
    """ + _DOC_EXAMPLE
    code = "LY005"
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

    def deviations(self, ctx: RuleContext, fmt: Formatting) -> Iterator[tuple[int, str, dict[str, Any]]]:
        want = float(ctx.settings["size"])
        for part in parts(ctx, fmt):
            if part.role != "title":
                continue
            line = part.paragraph.line
            if (font := _font_deviation(part, ctx.settings["fonts"])) is not None:
                yield line, "default", {"found": font}
            if (size := _size_deviation(part, want, 0.0)) is not None:
                yield line, "size", _sizes(size, want)
            if part.paragraph.align != "center":
                zh, en = ALIGN_NAMES.get(part.paragraph.align or "left", (part.paragraph.align, part.paragraph.align))
                yield line, "align", {"found": zh, "found_en": en}


class HeadingFont(_LayoutRule):
    __doc__ = """A numbered heading of a .docx 公文 not in its level's font (黑体, 楷体, 仿宋, 仿宋).

    ## What it does
    For each heading the parser finds (一、 / （一） / 1. / （1）), checks the East-Asian font of
    the heading's own runs (a run-in heading ends where its title ends; the rest of the
    paragraph is body text) against ``level-1`` … ``level-4``.

    ## Why is this bad?
    GB/T 9704-2012 7.3.3: 一般第一层用黑体字、第二层用楷体字、第三层和第四层用仿宋体字标注.
    """ + _DOC_EXAMPLE
    code = "LY006"
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

    def deviations(self, ctx: RuleContext, fmt: Formatting) -> Iterator[tuple[int, str, dict[str, Any]]]:
        for part in parts(ctx, fmt):
            if part.role != "heading" or not 1 <= part.level <= 4:
                continue
            accepted = ctx.settings[f"level-{part.level}"]
            if (font := _font_deviation(part, accepted)) is not None:
                # the level is part of the kind: a wrong 一级 and a wrong 二级 are two findings
                yield part.paragraph.line, f"level{part.level}", {
                    "found": font, "level": part.level, "level_zh": LEVEL_NAMES[part.level][0],
                    "want": LEVEL_NAMES[part.level][1] if accepted == self.options[f"level-{part.level}"].default
                    else "、".join(accepted)}

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
    """ + _DOC_EXAMPLE
    code = "LY007"
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

    def deviations(self, ctx: RuleContext, fmt: Formatting) -> Iterator[tuple[int, str, dict[str, Any]]]:
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
                yield p.line, "default", {"found": f"{found:.1f}".rstrip("0").rstrip(".")}


RULES = [PageSize, PageMargins, LineGrid, BodyFont, TitleFormat, HeadingFont, FirstLineIndent]
