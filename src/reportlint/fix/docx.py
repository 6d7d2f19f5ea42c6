"""Fixes in Word files: only edits that fall inside a single plain text run are written back.

A run carries its own formatting; an edit across runs would have to pick one run's formatting
for text that had another's, so such fixes are reported as not fixable in Word instead.
"""

from __future__ import annotations

import dataclasses
import io
import zipfile
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlint.diagnostics import Fix
from reportlint.fix.apply import with_fixes
from reportlint.fix.writer import WriteRefused, write_atomic
from reportlint.load.docx import fits_runs, run_holding
from reportlint.load.source import Source, SourceError
from reportlint.messages import Message


def eligible(source: Source, fix: Fix) -> bool:
    return fits_runs(source, fix)


def apply_in_runs(source: Source, fixes: Sequence[Fix]) -> Source:
    """Apply the fixes and move every run's offsets by what the edits before and inside it did."""
    growth: dict[tuple[int, int], int] = defaultdict(int)
    for edit in (e for f in fixes for e in f.edits):
        key = run_holding(source, edit)
        assert key is not None, "apply_in_runs got a fix that eligible() rejects"
        growth[key] += len(edit.content) - (edit.end - edit.start)
    shift, paragraphs = 0, []
    for i, paragraph in enumerate(source.layout.paragraphs):
        runs = []
        for k, run in enumerate(paragraph.runs):
            grow = growth.get((i, k), 0)
            runs.append(dataclasses.replace(run, start=run.start + shift, end=run.end + shift + grow))
            shift += grow
        paragraphs.append(dataclasses.replace(paragraph, runs=tuple(runs)))
    layout = dataclasses.replace(source.layout, paragraphs=tuple(paragraphs))
    return dataclasses.replace(with_fixes(source, fixes), layout=layout)


def write_docx(path: str, before: Source, after: Source) -> None:
    """Put the changed runs' text into word/document.xml; every other part is copied byte for byte.

    The result is read back with the same reader and must give exactly the fixed text.
    """
    from reportlint.load import docx as reader

    data = Path(path).read_bytes()
    if _text_of(reader, data, path) != before.text:
        raise WriteRefused(Message("docx_changed"))
    import docx
    from docx.opc.oxml import serialize_part_xml

    document = docx.Document(io.BytesIO(data))
    found = [paragraph for _, paragraph in reader.iter_paragraphs(document)]
    if len(found) != len(before.layout.paragraphs):
        raise WriteRefused(Message("docx_paragraphs_moved"))
    for paragraph, old, new in zip(found, before.layout.paragraphs, after.layout.paragraphs):
        elements = paragraph._p.xpath(reader.RUN_XPATH)
        for old_run, new_run in zip(old.runs, new.runs):
            was = before.text[old_run.start:old_run.end]
            now = after.text[new_run.start:new_run.end]
            if was != now:
                _set_run_text(elements[old_run.index], was, now)
    part = document.part
    out = _replace_member(data, part.partname.lstrip("/"), serialize_part_xml(part._element))
    if _text_of(reader, out, path) != after.text:
        raise WriteRefused(Message("docx_readback"))
    write_atomic(path, out)


def _text_of(reader: Any, data: bytes, path: str) -> str:
    try:
        return reader.read(data, path).text
    except SourceError as exc:
        raise WriteRefused(exc.message) from None


def _set_run_text(run: Any, was: str, now: str) -> None:
    """Only a run that is formatting plus one ``w:t`` is rewritten: tabs, breaks, fields stay Word's."""
    from docx.oxml.ns import qn

    content = [child for child in run if child.tag != qn("w:rPr")]
    if len(content) != 1 or content[0].tag != qn("w:t") or (content[0].text or "") != was:
        raise WriteRefused(Message("docx_complex_run"))
    content[0].text = now
    if now != now.strip():
        content[0].set(qn("xml:space"), "preserve")


def _replace_member(data: bytes, name: str, content: bytes) -> bytes:
    """The same ZIP with one member's bytes replaced; names, dates and compression are kept."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            target.writestr(info, content if info.filename == name else source.read(info))
    return buffer.getvalue()
