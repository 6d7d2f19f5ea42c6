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
    found = [paragraph for _, paragraph in reader.iter_all_paragraphs(document)]
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


# --- tracked changes (修订): ``check --fix --track-changes`` -------------------------------------
#
# The fixes are applied to the text as in a plain-text file (any fix inside one paragraph of
# word/document.xml qualifies, across runs too); then each changed paragraph's old and new text
# are compared character by character and every difference is written as ``w:del`` (the old
# runs, their text turned into ``w:delText``) followed by ``w:ins`` (a new run with the
# formatting of the text it replaces). Accepting every revision gives the fixed text; rejecting
# every one gives the original text. The reader reads inserted runs and skips deleted ones, so
# the file reads back as the fixed text, which is checked before writing.

REVISION_AUTHOR = "reportlint"


def eligible_tracked(source: Source, fix: Fix) -> bool:
    """Every edit stays inside one paragraph of word/document.xml (no paragraph made or merged)."""
    from reportlint.load.docx import in_document

    if source.layout is None:
        return False
    paragraphs = source.layout.paragraphs
    for edit in fix.edits:
        if "\n" in edit.content or "\n" in source.text[edit.start:edit.end]:
            return False
        line = source.lines.position(edit.start)[0]
        if line > len(paragraphs) or not in_document(paragraphs[line - 1].where):
            return False
    return True


def apply_tracked(source: Source, fixes: Sequence[Fix]) -> Source:
    """The fixed text with the paragraph map kept (the lines stay the same paragraphs)."""
    return dataclasses.replace(with_fixes(source, fixes), layout=source.layout)


def write_tracked(path: str, before: Source, after: Source, *, date: str | None = None) -> None:
    """Write every changed paragraph's difference as a revision into word/document.xml."""
    import datetime
    import difflib

    from reportlint.load import docx as reader

    data = Path(path).read_bytes()
    if _text_of(reader, data, path) != before.text:
        raise WriteRefused(Message("docx_changed"))
    import docx
    from docx.opc.oxml import serialize_part_xml

    document = docx.Document(io.BytesIO(data))
    found = [paragraph for _, paragraph in reader.iter_all_paragraphs(document)]
    old_lines, new_lines = before.text.split("\n"), after.text.split("\n")
    if len(found) != len(before.layout.paragraphs) or len(old_lines) != len(new_lines):
        raise WriteRefused(Message("docx_paragraphs_moved"))
    stamp = date or datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    ids = _RevisionIds(document.element)
    for paragraph, old, new in zip(found, old_lines, new_lines):
        if old == new:
            continue
        matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
        for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
            if tag != "equal":
                _revise(paragraph._p, i1, i2, new[j1:j2], ids, stamp)
    part = document.part
    out = _replace_member(data, part.partname.lstrip("/"), serialize_part_xml(part._element))
    if _text_of(reader, out, path) != after.text:
        raise WriteRefused(Message("docx_readback"))
    write_atomic(path, out)


class _RevisionIds:
    """Fresh ``w:id`` values: above every id already in the document (comments, bookmarks …)."""

    def __init__(self, root: Any) -> None:
        from reportlint.word.runs import w

        values = [root.get(w("id"))] + [e.get(w("id")) for e in root.iter()]
        self.next = 1 + max((int(v) for v in values if v and v.lstrip("-").isdigit()), default=0)

    def __call__(self) -> str:
        self.next += 1
        return str(self.next - 1)


def _revise(p: Any, start: int, end: int, text: str, ids: _RevisionIds, stamp: str) -> None:
    """Mark ``[start, end)`` of the paragraph deleted and ``text`` inserted after it."""
    import copy

    from lxml import etree

    from reportlint.word.runs import RPR, XML_SPACE, T, boundary, runs_with_offsets, span, w

    def revision(tag: str) -> Any:
        element = etree.Element(w(tag))
        element.set(w("id"), ids())
        element.set(w("author"), REVISION_AUTHOR)
        element.set(w("date"), stamp)
        return element

    boundary(p, start)
    old = span(p, start, end) if end > start else []
    runs = runs_with_offsets(p)
    before = [r for r, _, e in runs if e <= start]
    after = [r for r, s, _ in runs if s >= end]
    model = old[0] if old else (before[-1] if before else (after[0] if after else None))
    anchor = None  # the element the insertion goes after (None: before ``after[0]`` or at the end)
    for r in old:
        deleted = revision("del")
        r.addprevious(deleted)
        deleted.append(r)
        for t in r.iter(T):
            t.tag = w("delText")
        for instr in r.iter(w("instrText")):
            instr.tag = w("delInstrText")
        anchor = deleted
    if not text:
        return
    inserted = revision("ins")
    run = etree.SubElement(inserted, w("r"))
    rpr = model.find(RPR) if model is not None else None
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    t = etree.SubElement(run, T)
    t.text = text
    t.set(XML_SPACE, "preserve")
    if anchor is None and before:
        anchor = before[-1]
    if anchor is not None:
        anchor.addnext(inserted)
    elif after:
        after[0].addprevious(inserted)
    else:
        p.append(inserted)
    if inserted.getparent() is not p and inserted.getparent().tag not in (w("p"), w("hyperlink")):
        # inside a w:ins or w:smartTag the reader would not see it: put it at paragraph level
        parent = inserted.getparent()
        while parent.getparent() is not p:
            parent = parent.getparent()
        parent.addnext(inserted)
