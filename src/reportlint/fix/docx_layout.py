"""Layout fixes in Word files: fonts, sizes, first-line indents, alignment and margins.

The layout rules attach ``changes`` to their findings (``rules/layout.py`` ``FormatFix``); this
module writes them into word/document.xml. Paragraphs are found in the layout reader's order
(``load/docx_layout.py``), runs by their index among the paragraph's run elements. With
``--track-changes`` each change is a tracked formatting change (``w:rPrChange``,
``w:pPrChange``, ``w:sectPrChange`` holding the old properties, author ``reportlint``), so
rejecting it in Word restores the old formatting. The text must read back unchanged.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlint.fix.docx import REVISION_AUTHOR, _replace_member, _RevisionIds, _text_of
from reportlint.fix.writer import WriteRefused, write_atomic
from reportlint.messages import Message


def changes_of(diagnostics: Sequence[Any]) -> list[tuple[Any, ...]]:
    return [c for d in diagnostics for c in getattr(d.fix, "changes", ())]


def apply_changes(data: bytes, changes: Sequence[tuple[Any, ...]], *, track: bool = False,
                  date: str | None = None) -> bytes:
    """The package with the changes made (tracked if asked); every other part byte for byte."""
    import datetime

    import docx
    from docx.opc.oxml import serialize_part_xml

    from reportlint.load.docx_layout import RUN_XPATH, _Reader, _Styles, xpath

    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    walker = _Reader(_Styles(None, None, None))
    walker.read(body)
    paragraphs, sections = walker.elements, walker.sect_elements
    stamp = date or datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    ids = _RevisionIds(document.element)
    runs_done: set[int] = set()
    paras_done: set[int] = set()
    for change in changes:
        kind, where = change[0], change[1]
        if kind == "run":
            _, line, index, what, value = change
            runs = xpath(RUN_XPATH)(paragraphs[line - 1])
            run = runs[index]
            rpr = run.get_or_add_rPr()
            if track and id(run) not in runs_done:
                _track(rpr, "rPrChange", ("rPrChange",), ids, stamp)
            runs_done.add(id(run))
            if what == "font":
                fonts = rpr.get_or_add_rFonts()
                fonts.set(_w("eastAsia"), value)
                fonts.attrib.pop(_w("eastAsiaTheme"), None)
            else:
                rpr.get_or_add_sz().set(_w("val"), str(round(value * 2)))
                cs = rpr.find(_w("szCs"))
                if cs is not None:
                    cs.set(_w("val"), str(round(value * 2)))
        elif kind == "para":
            _, line, what, value = change
            p = paragraphs[line - 1]
            ppr = p.get_or_add_pPr()
            if track and line not in paras_done:
                _track(ppr, "pPrChange", ("rPr", "sectPr", "pPrChange"), ids, stamp)
            paras_done.add(line)
            if what == "align":
                from docx.enum.text import WD_ALIGN_PARAGRAPH

                ppr.jc_val = {"center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT}[value]
            else:
                ind = ppr.get_or_add_ind()
                for attr in ("firstLine", "firstLineChars", "hanging", "hangingChars"):
                    ind.attrib.pop(_w(attr), None)
                if what == "indent":
                    chars, size = value
                    ind.set(_w("firstLineChars"), str(round(chars * 100)))
                    ind.set(_w("firstLine"), str(round(chars * size * 20)))
                else:  # flush: no indent at all
                    for attr in ("left", "start", "leftChars", "startChars"):
                        ind.attrib.pop(_w(attr), None)
                    ind.set(_w("firstLine"), "0")
        elif kind == "section":
            sect = sections[where]
            if sect is None:
                continue
            top, bottom, left, right = change[3]
            mar = sect.find(_w("pgMar"))
            if mar is None:
                continue
            if track:
                _track(sect, "sectPrChange", ("headerReference", "footerReference", "sectPrChange"), ids, stamp,
                       inner="sectPr")
            for attr, value in (("top", top), ("bottom", bottom), ("left", left), ("right", right)):
                mar.set(_w(attr), str(value))
    part = document.part
    return _replace_member(data, part.partname.lstrip("/"), serialize_part_xml(part._element))


def _w(tag: str) -> str:
    from reportlint.load.docx_layout import W

    return f"{{{W}}}{tag}"


def _track(props: Any, tag: str, leave_out: tuple[str, ...], ids: Any, stamp: str, inner: str | None = None) -> None:
    """Record the properties as they are now in a ``w:*Change`` (last child), before they change."""
    from lxml import etree

    if props.find(_w(tag)) is not None:
        return  # already a tracked change: Word keeps the oldest properties
    old = etree.Element(_w(inner or props.tag.rsplit("}", 1)[-1]))
    for child in props:
        if isinstance(child.tag, str) and child.tag.rsplit("}", 1)[-1] not in leave_out:
            old.append(copy.deepcopy(child))
    change = etree.SubElement(props, _w(tag))
    change.set(_w("id"), ids())
    change.set(_w("author"), REVISION_AUTHOR)
    change.set(_w("date"), stamp)
    change.append(old)


def write_formats(path: str, text: str, changes: Sequence[tuple[Any, ...]], *, track: bool = False) -> bytes:
    """Write the changes into the file at ``path`` (atomically); the text must read back the same."""
    from reportlint.load import docx as reader

    data = Path(path).read_bytes()
    if _text_of(reader, data, path) != text:
        raise WriteRefused(Message("docx_changed"))
    try:
        out = apply_changes(data, changes, track=track)
    except (IndexError, KeyError, AttributeError):
        raise WriteRefused(Message("docx_paragraphs_moved")) from None
    if _text_of(reader, out, path) != text:
        raise WriteRefused(Message("docx_readback"))
    write_atomic(path, out)
    return out
