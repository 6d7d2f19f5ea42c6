"""Word .docx reader: body paragraphs and table cells become lines; heading styles become hints.

After the body come, one line per paragraph, the text boxes, headers, footers, footnotes and
endnotes (``where`` says which: ``text box 1``, ``header``, ``footnote 2`` …); existing
comments are not read. Body line numbers are the same with or without them.
"""

from __future__ import annotations

import functools
import io
import itertools
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from reportlint.diagnostics import Edit, Fix
from reportlint.load.source import Source, SourceError
from reportlint.messages import Message

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# A real report with photos stays far below these; a decompression bomb does not.
MAX_UNCOMPRESSED = 256 * 1024 * 1024
MAX_RATIO = 100
RATIO_FLOOR = 16 * 1024 * 1024  # small parts may compress well; only large expansions count
MAX_MEMBERS = 10_000
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_TITLE_STYLES = {"title", "标题"}
# runs that make up a paragraph's visible text, in document order (deleted text is w:del, not here)
RUN_XPATH = ("./w:r | ./w:hyperlink/w:r | ./w:ins/w:r | ./w:smartTag/w:r | ./w:fldSimple/w:r"
             " | ./w:hyperlink/w:ins/w:r")
_RUN_CONTENT = "w:br | w:cr | w:noBreakHyphen | w:ptab | w:t | w:tab"


@dataclass(frozen=True)
class DocxRun:
    """A run's place in ``Source.text`` and how to find it again: ``xpath(RUN_XPATH)[index]``."""

    start: int
    end: int
    index: int


@dataclass(frozen=True)
class DocxParagraph:
    """One paragraph = one line of ``Source.text``; ``where`` says body or which table cell."""

    line: int
    where: str
    style: str
    runs: tuple[DocxRun, ...]


@dataclass(frozen=True)
class DocxLayout:
    """Offsets → (paragraph, run): what a writer needs to put a fix back into a single run."""

    paragraphs: tuple[DocxParagraph, ...]
    # the package as read, for rules that look at formatting (rules/layout.py)
    package: bytes = field(default=b"", repr=False, compare=False)

    def run_at(self, source: Source, offset: int) -> tuple[DocxParagraph, DocxRun | None]:
        line = source.lines.position(offset)[0]
        paragraph = self.paragraphs[line - 1]
        for run in paragraph.runs:
            if run.start <= offset < run.end:
                return paragraph, run
        return paragraph, None


def read(data: bytes, path: str, encoding: str | None = None) -> Source:
    """``encoding`` is ignored: a .docx is XML in a ZIP package and says its own encoding."""
    check_package(data, path)
    import docx  # python-docx is slow to import: only .docx input pays for it

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx and lxml raise many kinds on bad input
        raise SourceError(path, Message("docx_unreadable", error=f"{exc.__class__.__name__}: {_short(exc)}")) from None
    root = getattr(document.element, "tag", None)
    if root != _qn("w:document"):  # a well-formed part whose XML is not a Word body
        raise SourceError(path, Message("docx_wrong_root", root=str(root)[:80]))
    texts: list[str] = []
    paragraphs: list[DocxParagraph] = []
    hints: dict[int, int] = {}
    offset = 0
    names = _style_names(document)
    for where, paragraph in iter_all_paragraphs(document):
        line = len(texts) + 1
        text, runs = _paragraph_text(paragraph, offset)
        style = names.get(paragraph._p.style or "", "")
        level = heading_level(style)
        if level is not None and text.strip() and _in_document(where):
            hints[line] = level
        texts.append(text)
        paragraphs.append(DocxParagraph(line, where, style, runs))
        offset += len(text) + 1
    text = "\n".join(texts)
    return Source(path=path, text=text, original=text, encoding="utf-8", format="docx",
                  lossless=False, heading_hints=hints, layout=DocxLayout(tuple(paragraphs), data))


def check_package(data: bytes, path: str) -> None:
    """Refuse what python-docx should never see: OLE containers, non-ZIPs, bombs, non-Word ZIPs."""
    if data.startswith(OLE_MAGIC):
        if "EncryptionInfo".encode("utf-16-le") in data or b"EncryptedPackage" in data:
            raise SourceError(path, Message("docx_encrypted"))
        raise SourceError(path, Message("docx_is_doc"))
    if not data.startswith(b"PK"):
        raise SourceError(path, Message("docx_not_zip"))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            infos = package.infolist()
            names = {info.filename for info in infos}
    # NotImplementedError: a directory entry naming an unsupported zip version (found by fuzzing)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, NotImplementedError, EOFError) as exc:
        raise SourceError(path, Message("docx_corrupt", error=_short(exc))) from None
    if len(infos) > MAX_MEMBERS:
        raise SourceError(path, Message("docx_too_many_parts", parts=len(infos)))
    total = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos) or 1
    if total > MAX_UNCOMPRESSED or (total > RATIO_FLOOR and total / packed > MAX_RATIO):
        raise SourceError(path, Message("docx_bomb", mib=total // (1024 * 1024), kib=len(data) // 1024))
    if "word/document.xml" not in names or "[Content_Types].xml" not in names:
        raise SourceError(path, Message("docx_not_word"))


def iter_paragraphs(document: Any) -> Iterator[tuple[str, Any]]:
    """Body paragraphs and table-cell paragraphs in reading order, with where each one is.

    Cells are read from the XML, not ``row.cells``, which repeats a merged cell once per grid
    column; the fix writer must walk paragraphs with this same function.
    """
    from docx.text.paragraph import Paragraph

    def walk(container: Any, parent: Any, where: str) -> Iterator[tuple[str, Any]]:
        for child in container.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                yield where, Paragraph(child, parent)
            elif tag == "tbl":
                yield from table(child, parent, where)
            elif tag == "sdt":
                content = child.find(_qn("w:sdtContent"))
                if content is not None:
                    yield from walk(content, parent, where)

    tables = itertools.count(1)

    def table(tbl: Any, parent: Any, where: str) -> Iterator[tuple[str, Any]]:
        name = f"table {next(tables)}"
        for r, tr in enumerate(tbl.iterchildren(_qn("w:tr")), 1):
            for c, tc in enumerate(tr.iterchildren(_qn("w:tc")), 1):
                yield from walk(tc, parent, f"{name} row {r} cell {c}")

    yield from walk(document.element.body, document._body, "body")


_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_PART_TYPES = (("header", "header"), ("footer", "footer"))
_NOTE_TYPES = (("footnotes", "footnote", "w:footnote"), ("endnotes", "endnote", "w:endnote"))
_WHERE_ZH = (("text box ", "文本框"), ("header", "页眉"), ("footer", "页脚"), ("footnote ", "脚注"),
             ("endnote ", "尾注"))


def iter_all_paragraphs(document: Any) -> Iterator[tuple[str, Any]]:
    """The body (``iter_paragraphs``), then text boxes, headers, footers, footnotes, endnotes.

    Body, table and text-box paragraphs live in word/document.xml (fixes and comments can be
    written there); the others are read from their own parts, for checking only.
    """
    from docx.text.paragraph import Paragraph

    yield from iter_paragraphs(document)
    body = document.element.body
    boxes = [] if body is None else [
        box for box in body.iter(_qn("w:txbxContent"))
        if not any(a.tag == _MC_FALLBACK for a in box.iterancestors())]  # the fallback repeats the box
    for n, box in enumerate(boxes, 1):
        for p in box.iterchildren(_qn("w:p")):
            yield f"text box {n}", Paragraph(p, document._body)
    parts = _related_parts(document)
    for reltype, label in _PART_TYPES:
        found = parts.get(reltype, [])
        for n, part in enumerate(found, 1):
            name = label if len(found) == 1 else f"{label} {n}"
            for p in _part_root(part).iter(_qn("w:p")):
                yield name, Paragraph(p, document._body)
    for reltype, label, tag in _NOTE_TYPES:
        for part in parts.get(reltype, []):
            notes = [n for n in _part_root(part).iterchildren(_qn(tag)) if n.get(_qn("w:type")) is None]
            for number, note in enumerate(notes, 1):
                for p in note.iter(_qn("w:p")):
                    yield f"{label} {number}", Paragraph(p, document._body)


def _in_document(where: str) -> bool:
    """Whether the paragraph is in word/document.xml (body, table cell, text box)."""
    return where == "body" or where.startswith(("table ", "text box "))


def in_document(where: str) -> bool:
    return _in_document(where)


def where_label(where: str, lang: str) -> str:
    """``footnote 2`` → ``脚注2``, ``table 1 row 2 cell 3`` → ``表格1第2行第3格`` (English as is)."""
    if lang == "en":
        return where
    if where == "body":
        return "正文"
    if where.startswith("table "):
        return where.replace("table ", "表格").replace(" row ", "第").replace(" cell ", "行第") + "格"
    for en, zh in _WHERE_ZH:
        if where.startswith(en):
            return zh + where[len(en):].strip()
    return where


def _related_parts(document: Any) -> dict[str, list[Any]]:
    """Header, footer, footnote and endnote parts of the main document, in part-name order."""
    found: dict[str, list[Any]] = {}
    seen = set()
    for rel in document.part.rels.values():
        if rel.is_external:
            continue
        kind = rel.reltype.rsplit("/", 1)[-1]
        if kind in ("header", "footer", "footnotes", "endnotes") and id(rel.target_part) not in seen:
            seen.add(id(rel.target_part))
            found.setdefault(kind, []).append(rel.target_part)
    for parts in found.values():
        parts.sort(key=lambda part: _natural(str(part.partname)))
    return found


def _natural(name: str) -> tuple[Any, ...]:
    return tuple(int(t) if t.isdigit() else t for t in re.split(r"(\d+)", name))


def _part_root(part: Any) -> Any:
    element = getattr(part, "_element", None)
    if element is not None:
        return element
    from docx.oxml.parser import parse_xml  # python-docx's parser: w:p elements get their classes

    return parse_xml(part.blob)


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _paragraph_text(paragraph: Any, offset: int) -> tuple[str, tuple[DocxRun, ...]]:
    """Concatenate run texts; a line break inside a paragraph becomes a space (same length)."""
    find_runs, run_content = _xpaths()
    parts: list[str] = []
    runs: list[DocxRun] = []
    pos = offset
    for index, r in enumerate(find_runs(paragraph._p)):
        # as python-docx's Run.text, with compiled XPaths (its per-call compiling was slow)
        text = "".join(str(e) for e in run_content(r)).replace("\n", " ").replace("\r", " ")
        if text:
            runs.append(DocxRun(pos, pos + len(text), index))
            parts.append(text)
            pos += len(text)
    return "".join(parts), tuple(runs)


@functools.cache
def _xpaths() -> tuple[Any, Any]:
    from docx.oxml.ns import nsmap
    from lxml import etree

    namespaces = {"w": nsmap["w"]}
    return (etree.XPath(RUN_XPATH, namespaces=namespaces),
            etree.XPath(_RUN_CONTENT, namespaces=namespaces))


def _style_names(document: Any) -> dict[str, str]:
    """Style id → name, read once from the XML: python-docx's per-paragraph ``style`` lookup
    scans every style each time and made a long file slow."""
    try:
        element = document.styles.element
    except (KeyError, ValueError, AttributeError):
        return {}
    style_id, name_tag, val = _qn("w:styleId"), _qn("w:name"), _qn("w:val")
    names = {}
    for style in element.iterchildren(_qn("w:style")):
        name = style.find(name_tag)
        names[style.get(style_id) or ""] = (name.get(val) or "") if name is not None else ""
    return names


def heading_level(style: str) -> int | None:
    """Title → 0, Heading N / 标题 N → N; other styles are not headings."""
    name = style.strip()
    if name.lower() in _TITLE_STYLES:
        return 0
    m = _HEADING_STYLE.match(name)
    return int(m.group(1)) if m else None


def _short(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
    return text[:120]


def run_holding(source: Source, edit: Edit) -> tuple[int, int] | None:
    """(paragraph, run) holding the whole edit; at a boundary between runs, the earlier run.

    A run carries its own formatting, so only an edit inside one run can be written back
    without choosing whose formatting the new text takes (see docxfix.py).
    """
    if "\n" in edit.content or source.layout is None:
        return None
    line = source.lines.position(edit.start)[0]
    paragraphs = source.layout.paragraphs
    if line > len(paragraphs) or not _in_document(paragraphs[line - 1].where):
        return None
    for k, run in enumerate(paragraphs[line - 1].runs):
        if run.start <= edit.start and edit.end <= run.end:
            return line - 1, k
    return None


def fits_runs(source: Source, fix: Fix) -> bool:
    """Whether every edit of the fix falls inside a single run (so --fix can write it)."""
    return all(run_holding(source, edit) is not None for edit in fix.edits)
