"""Build the Document model from classified lines: articles, their GB/T 9704 elements, titles,
sections, signature, attachments and 文种.

The grammar says what each line looks like; this module decides what it is from where it
stands: the 版头 is what precedes the title, the 主送机关 is the line after it, an 附件说明 is
an ``附件：…`` block before the 落款 while ``附件1`` alone opens an attached part, the 落款 is
the unit and date lines the body ends with, the 版记 is what closes the document.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from reportlint.load.source import Source
from reportlint.model import (
    Article,
    Document,
    Element,
    ElementItem,
    Heading,
    Line,
    Paragraph,
    Section,
    Signature,
    Span,
)
from reportlint.parse.dating import date_article
from reportlint.parse.doctype import detect
from reportlint.parse.elements import UNIT_SUFFIX, Form, form_of, item_of, units_of
from reportlint.parse.parser import RawLine, classify_lines
from reportlint.text.chars import numeral_value

LEVELS = {"H1": 1, "H2": 2, "H3": 3, "H4": 4}
_NUMERAL = re.compile(r"[0-9]+|[一二三四五六七八九十百]+")
_SPACES = " \t\u3000"
# a title is short and does not read like a sentence
_TITLE_MAX = 60
_SENTENCE_END = tuple("。；;！!？?，,：:")
_UNIT_SUFFIX = UNIT_SUFFIX  # the last word of an issuing unit's name in a signature block
_UNIT_MAX = 30
# 版头 elements (GB/T 9704-2012 7.2), in any order before the title
_HEAD_KINDS = {"copy_number", "secrecy", "urgency", "issuer_mark", "doc_number", "signer"}
# elements recognised wherever they stand in the body
_ANYWHERE_KINDS = {"contact", "annotation", "copies_to", "printed_by"}
_ATTACH_KINDS = {"attach_label", "attach_header", "attach_inline"}
# a 主送机关 line: ends in a colon and names organs or people (各位代表： 市人民政府： 县直各单位：)
_ADDRESSEE_MAX = 80
_ADDRESSEE_END = re.compile(r"(?:局|委|会|府|办|院|部|厅|处|室|所|站|中心|公司|集团|学校|单位|部门|机构|组织|"
                            r"党委|党组|政府|委员会|办公室|街道|社区|镇|乡|县|区|市|省|同志|代表|委员|领导|"
                            r"来宾|朋友们?|同事们?|同学们?|老师们?|[)）])$")
_MINUTES_ONLY = {"主持", "主持人", "出席", "出席人员", "列席", "列席人员", "请假", "请假人员", "记录", "记录人"}


def parse_document(source: Source) -> Document:
    raw, problem = classify_lines(source.text)
    text = source.text
    lines: list[tuple[RawLine, Line]] = []
    for item in raw:
        line = _make_line(source, item.start, item.end)
        if line is not None:
            lines.append((item, line))
    problems = ((Span(0, 0), problem),) if problem else ()
    articles = tuple(_articles(text, lines, source.heading_hints))
    return Document(articles=articles, lines=tuple(line for _, line in lines), problems=problems)


def _make_line(source: Source, start: int, end: int) -> Line | None:
    """A Line with surrounding spaces trimmed from its span; None for blank lines."""
    chunk = source.text[start:end]
    stripped = chunk.strip(_SPACES)
    if not stripped:
        return None
    lead = len(chunk) - len(chunk.lstrip(_SPACES))
    s = start + lead
    number = source.lines.position(s)[0]
    return Line(Span(s, s + len(stripped)), stripped, number)


@dataclass
class _Item:
    """A line on its way into the model: its classification and the element it may be."""

    raw: RawLine
    line: Line
    form: Form | None

    @property
    def kind(self) -> str:
        return self.raw.kind

    def as_text(self) -> tuple[RawLine, Line]:
        """The line as body text: an element form not taken where it stands is prose."""
        if self.raw.kind == "element":
            return RawLine("text_line", self.raw.start, self.raw.end), self.line
        return self.raw, self.line


def _articles(text: str, lines: list[tuple[RawLine, Line]], hints: Mapping[int, int]):
    """Split at 第N篇 markers; text before the first marker is an article of its own.

    Each article is followed by its attached parts (附件1 …), each an article of its own.
    """
    groups: list[list[tuple[RawLine, Line]]] = [[]]
    for item in lines:
        if item[0].kind == "compilation" and groups[-1]:
            groups.append([])
        groups[-1].append(item)
    for group in groups:
        if group:
            yield from _article(text, group, hints)


def _article(text: str, group: list[tuple[RawLine, Line]], hints: Mapping[int, int]) -> list[Article]:
    items = []
    for raw, line in group:
        form = form_of(text, raw, line.span.start, line.span.end)
        if form is None and raw.kind == "element":
            raw = RawLine("text_line", raw.start, raw.end)
        items.append(_Item(raw, line, form))
    marker, label, title = None, "", None
    if items[0].kind == "compilation":
        first = items.pop(0)
        marker = first.line
        label_end = first.raw.marker_end or marker.span.end
        label = text[marker.span.start:label_end].strip(_SPACES)
        title = _sub_line(text, marker, label_end, marker.span.end)
    trailer = _trailer(items)
    main, parts = _split_parts(items)
    attachments = [_attachment(text, part, hints) for part in parts]
    article = _part(text, main, hints, marker, label, title, head=marker is None, trailer=trailer,
                    attachments=tuple(attachments))
    return [article, *attachments]


def _trailer(items: list[_Item]) -> list[_Item]:
    """Peel the 版记 (抄送, 印发机关和印发日期; GB/T 9704-2012 7.4) off the end of the document."""
    end = len(items)
    start = end
    k = end - 1
    while k >= 0:
        form = items[k].form
        if form is not None and form.kind in ("copies_to", "printed_by"):
            start = k
        elif not (start < end and _continues_list(items[k], items[k - 1] if k else None)):
            break
        k -= 1
    if start == end:
        return []
    # a continuation line directly after the document body is body text
    while start < end and items[start].form is None:
        start += 1
    out = items[start:]
    del items[start:]
    return out


def _continues_list(item: _Item, before: _Item | None) -> bool:
    """A wrapped line of a 抄送 list: short, after a 抄送 line or another wrapped line of it."""
    if item.form is not None or item.kind != "text_line" or len(item.line.text) > _ADDRESSEE_MAX:
        return False
    return before is not None and (
        (before.form is not None and before.form.kind == "copies_to")
        or (before.form is None and before.line.text.endswith(("，", "、", ","))))


def _split_parts(items: list[_Item]) -> tuple[list[_Item], list[list[_Item]]]:
    """The document's own lines and each attached part (附件1 … to the next label)."""
    main: list[_Item] = []
    parts: list[list[_Item]] = []
    after_date = False  # the 成文日期 (and any 附注 after it) is what precedes the last line seen
    for index, item in enumerate(items):
        form = item.form
        nxt = items[index + 1] if index + 1 < len(items) else None
        if form is not None and form.kind in _ATTACH_KINDS and _opens_part(form, nxt, bool(parts) or after_date):
            parts.append([item])
        elif parts:
            parts[-1].append(item)
        else:
            main.append(item)
        if item.kind == "date_line":
            after_date = True
        elif form is None or form.kind not in ("contact", "annotation"):
            after_date = False
    return main, parts


def _opens_part(form: Form, nxt: _Item | None, after_body: bool) -> bool:
    """Whether a 附件 line labels an attached part rather than listing attachments (附件说明).

    ``附件`` / ``附件1`` alone is a label (GB/T 9704-2012 8); ``附件：`` followed by numbered
    lines, and ``附件：名称`` before the 落款, are the 附件说明 (7.3.4). ``附件1：名称`` after the
    成文日期 or inside the attachments is a label with its title inline. A label needs content.
    """
    if nxt is None or (nxt.form is not None and nxt.form.kind in _ATTACH_KINDS):
        return False
    if form.kind == "attach_label":
        return True
    if form.kind == "attach_header":
        return item_of(nxt.line.text) is None
    return after_body and form.number is not None


def _attachment(text: str, part: list[_Item], hints: Mapping[int, int]) -> Article:
    label_item = part[0]
    form = label_item.form
    assert form is not None
    label = "附件" + (str(form.number) if form.number is not None else "")
    title = None
    if form.kind == "attach_inline" and form.name_start is not None:
        title = _sub_line(text, label_item.line, form.name_start, label_item.line.span.end)
    label_element = Element("attachment", (label_item.line,), (("label", label),),
                            (ElementItem(form.number, form.name, label_item.line),))
    # the label line is the part's `attachment` element; `marker` stays the 第N篇 line only
    article = _part(text, part[1:], hints, None, label, title, head=False, label=label_element)
    if title is None and article.title is not None:  # the title on the line below the label
        items = (ElementItem(form.number, article.title.text, label_item.line),)
        label_element = replace(label_element, items=items)
        article = replace(article, elements=(label_element, *article.elements[1:]))
    return article


def _part(text: str, items: list[_Item], hints: Mapping[int, int], marker: Line | None, marker_label: str,
          title: Line | None, *, head: bool, trailer: Sequence[_Item] = (), attachments: tuple[Article, ...] = (),
          label: Element | None = None) -> Article:
    """One article (the document itself, a 第N篇 part or an attached part) from its lines.

    ``head``: the article starts the document or follows no marker, so a 版头 and a title line
    may open it (a 第N篇 marker carries its title inline; an 附件 label's title is inline or below).
    """
    elements: list[Element] = [label] if label is not None else []
    i, n = 0, len(items)
    if head:
        i = _head(items, elements)
    if title is None and (head or label is not None) and i < n and _is_title(items[i], hints):
        title = items[i].line
        i += 1
    if title is not None:
        elements.append(Element("title", (title,), (("value", title.text),)))
    addressee = _addressee(items, i)
    if addressee is not None:
        line = items[addressee].line
        value = line.text.rstrip("：:")
        elements.append(Element("addressee", (line,), (("value", value),),
                                tuple(ElementItem(None, u, line) for u in units_of(value))))
    title_kind = detect(title.text if title else "", ())
    taken = _minutes_fields(items, i, elements, title_kind is not None and title_kind.id == "minutes")

    residue: list[Line] = []
    body: list[tuple[RawLine, Line]] = []
    j = i
    while j < n:
        item = items[j]
        form = item.form
        if j in taken or j == addressee:
            j += 1
        elif item.kind == "residue":
            residue.append(item.line)
            j += 1
        elif form is not None and form.kind in _ANYWHERE_KINDS:
            j = _anywhere(items, j, elements)
        elif form is not None and form.kind in ("attach_header", "attach_inline"):
            j = _attachment_note(text, items, j, elements)
        else:
            body.append(item.as_text())
            j += 1
    k = 0
    while k < len(trailer):
        k = _anywhere(trailer, k, elements) if trailer[k].form is not None else k + 1
    signature, body = _signature(body)
    if signature is not None:
        if signature.units:
            elements.append(Element("issuer", signature.units,
                                    (("value", "".join(u.text for u in signature.units)),),
                                    tuple(ElementItem(None, u.text, u) for u in signature.units)))
        if signature.date is not None:
            elements.append(Element("date", (signature.date,), (("value", signature.date.text),)))
    children = _nest(text, body, hints)
    elements.sort(key=lambda e: (e.lines[0].span.start, e.kind != "attachment"))
    own = [it.line for it in items] + ([marker] if marker else []) + (list(label.lines) if label else [])
    if own:
        span = Span(min(line.span.start for line in own), max(line.span.end for line in own))
    else:  # pragma: no cover - a part always has its label or a line
        span = Span(0, 0)
    doctype = detect(title.text if title else "", elements)
    article = Article(marker, marker_label, title, children, signature, tuple(residue), span,
                      tuple(elements), doctype, attachments)
    return date_article(article, sorted(own, key=lambda line: line.span.start))


def _is_title(item: _Item, hints: Mapping[int, int]) -> bool:
    return item.kind == "text_line" and item.form is None and (
        hints.get(item.line.number) == 0 or _looks_like_title(item.line.text))


def _head(items: list[_Item], elements: list[Element]) -> int:
    """The 版头 (份号 … 签发人) before the title; returns the index after it."""
    i = 0
    while i < len(items):
        item, form = items[i], items[i].form
        if form is not None and form.kind in _HEAD_KINDS:
            fields, line = form.fields, item.line
            signer = form.field_value("signer") if form.kind == "doc_number" else None
            if signer:  # 发文字号 and 签发人 on one line (上行文, GB/T 9704-2012 7.2.6)
                fields = tuple(f for f in fields if f[0] != "signer")
                at = line.text.index("签")
                number_line = Line(Span(line.span.start, line.span.start + len(line.text[:at].rstrip(_SPACES))),
                                   line.text[:at].rstrip(_SPACES), line.number)
                signer_line = Line(Span(line.span.start + at, line.span.end), line.text[at:], line.number)
                elements.append(Element("doc_number", (number_line,), fields))
                elements.append(Element("signer", (signer_line,), (("value", signer),)))
            else:
                elements.append(Element(form.kind, (line,), fields))
            i += 1
        elif (form is None and item.kind == "text_line" and i + 1 < len(items)
              and _form_kind(items[i + 1]) == "doc_number" and _looks_like_unit(item.line.text)):
            # an organ's name alone as the 发文机关标志 (letters, minutes: GB/T 9704-2012 10.1)
            name = item.line.text
            elements.append(Element("issuer_mark", (item.line,), (("value", name), ("issuer", name))))
            i += 1
        else:
            break
    return i


def _form_kind(item: _Item) -> str | None:
    return item.form.kind if item.form is not None else None


def _minutes_fields(items: list[_Item], start: int, elements: list[Element], minutes: bool) -> set[int]:
    """纪要 header fields: anywhere in a 纪要, else a run of two or more before the first heading
    that names who chaired or attended (时间 and 地点 alone are a notice's details)."""
    taken: set[int] = set()
    run: list[int] = []

    def close() -> None:
        labels = {items[k].form.field_value("label") for k in run}  # type: ignore[union-attr]
        if run and (minutes or (len(run) >= 2 and labels & _MINUTES_ONLY)):
            taken.update(run)
        run.clear()

    for k in range(start, len(items)):
        item = items[k]
        if item.kind == "heading" and not minutes:
            break
        if item.form is not None and item.form.kind == "minutes_field":
            run.append(k)
        else:
            close()
    close()
    for k in sorted(taken):
        form = items[k].form
        assert form is not None
        elements.append(Element("minutes_field", (items[k].line,), form.fields))
    return taken


def _anywhere(items: Sequence[_Item], j: int, elements: list[Element]) -> int:
    """A contact line, 附注, 抄送 (with its wrapped lines) or 印发 line; returns the next index."""
    item = items[j]
    form = item.form
    assert form is not None
    lines = [item.line]
    k = j + 1
    if form.kind == "copies_to":
        while k < len(items) and _continues_list(items[k], items[k - 1]):
            lines.append(items[k].line)
            k += 1
    fields = form.fields
    element_items: tuple[ElementItem, ...] = ()
    if form.kind == "copies_to":
        value = "".join([form.field_value("value") or ""] + [line.text for line in lines[1:]])
        fields = (("label", form.field_value("label") or ""), ("value", value))
        element_items = tuple(ElementItem(None, unit, item.line) for unit in units_of(value))
    elements.append(Element(form.kind, tuple(lines), fields, element_items))
    return k


def _attachment_note(text: str, items: list[_Item], j: int, elements: list[Element]) -> int:
    """An 附件说明: ``附件：1.名称`` (or ``附件：`` alone) and the numbered lines after it."""
    first = items[j]
    form = first.form
    assert form is not None
    entries: list[list[Any]] = []  # [number, text, line]
    if form.kind == "attach_inline":
        numbered = item_of(form.name)
        number, name = numbered if numbered and form.number is None else (form.number, form.name)
        entries.append([number, name, first.line])
    lines = [first.line]
    k = j + 1
    while k < len(items):
        item = items[k]
        nxt_form = item.form
        if nxt_form is not None and nxt_form.kind == "attach_inline" and nxt_form.number is not None:
            entries.append([nxt_form.number, nxt_form.name, item.line])
        elif nxt_form is None and item.kind in ("heading", "text_line") and (numbered := item_of(item.line.text)):
            entries.append([numbered[0], numbered[1], item.line])
        elif entries and nxt_form is None and item.kind == "text_line" and _wraps(text, item.line):
            entries[-1][1] += item.line.text
        else:
            break
        lines.append(item.line)
        k += 1
    elements.append(Element("attachment_note", tuple(lines), (("label", "附件"),),
                            tuple(ElementItem(n, t, ln) for n, t, ln in entries)))
    return k


def _wraps(text: str, line: Line) -> bool:
    """A wrapped attachment name: indented, short, no sentence end, not a 落款 line."""
    start = line.span.start
    lead = 0
    while start - lead - 1 >= 0 and text[start - lead - 1] in _SPACES:
        lead += 1
    return (lead >= 2 and len(line.text) <= 40 and "。" not in line.text and not line.text.endswith(_SENTENCE_END)
            and not _looks_like_unit(line.text))


def _addressee(items: list[_Item], i: int) -> int | None:
    """The 主送机关 line: right after the title, or after the short lines a speech puts between
    (venue and date, the speaker: ``——2026年1月26日在…会议上`` / ``省长 某某``)."""
    for k in range(i, min(i + 4, len(items))):
        item = items[k]
        if item.kind != "text_line" or item.form is not None:
            return None
        if _looks_like_addressee(item.line.text):
            return k
        if len(item.line.text) > _ADDRESSEE_MAX or "。" in item.line.text:
            return None
    return None


def _looks_like_addressee(text: str) -> bool:
    if not text.endswith(("：", ":")) or len(text) > _ADDRESSEE_MAX or any(c in text for c in "。！？；;!?"):
        return False
    body = text[:-1].strip(_SPACES)
    last = re.split(r"[，,、]", body)[-1]
    return body.startswith("各") or bool(_ADDRESSEE_END.search(last))


def _sub_line(text: str, line: Line, start: int, end: int) -> Line | None:
    chunk = text[start:end]
    stripped = chunk.strip(_SPACES + ":：")
    if not stripped:
        return None
    s = start + (len(chunk) - len(chunk.lstrip(_SPACES + ":：")))
    return Line(Span(s, s + len(stripped)), stripped, line.number)


def _looks_like_title(text: str) -> bool:
    return len(text) <= _TITLE_MAX and not text.endswith(_SENTENCE_END) and "。" not in text


def _signature(body: list[tuple[RawLine, Line]]):
    """Peel the closing block off the end: a date line and/or short unit-name lines."""
    date = None
    end = len(body)
    if end and body[end - 1][0].kind == "date_line":
        date = body[end - 1][1]
        end -= 1
    units: list[Line] = []
    while end and len(units) < 2:
        raw, line = body[end - 1]
        if raw.kind != "text_line" or not _looks_like_unit(line.text):
            break
        units.insert(0, line)
        end -= 1
    if date is None and not units:
        return None, body
    return Signature(tuple(units), date), body[:end]


def _looks_like_unit(text: str) -> bool:
    return (len(text) <= _UNIT_MAX and not text.endswith(_SENTENCE_END)
            and "。" not in text and bool(_UNIT_SUFFIX.search(text)))


def _nest(text: str, body: list[tuple[RawLine, Line]],
          hints: Mapping[int, int]) -> tuple[Section | Paragraph, ...]:
    """Nest paragraphs under headings by level with a stack; skipped levels still nest.

    Only a Chinese ordinal opens a section, and it decides the level (GB/T 9704 7.3.3);
    markup (`## `, Word's Heading 2) is recorded as ``markup_level`` on the heading, or on the
    paragraph when the line has no ordinal.
    """
    root: list[Section | Paragraph] = []
    stack: list[tuple[Heading, list[Section | Paragraph]]] = []

    def close_until(level: int) -> None:
        while stack and stack[-1][0].level >= level:
            heading, children = stack.pop()
            section = Section(heading, tuple(children))
            (stack[-1][1] if stack else root).append(section)

    for raw, line in body:
        hint = hints.get(line.number)
        if raw.kind == "heading":
            heading = _heading(text, raw, line)
            if hint is not None:
                heading = replace(heading, markup_level=hint)
            close_until(heading.level)
            stack.append((heading, []))
        else:
            if hint is not None:  # a markup heading ends the sections at its level and below
                close_until(max(hint, 1))
            (stack[-1][1] if stack else root).append(Paragraph(line, hint))
    close_until(0)
    return tuple(root)


def _heading(text: str, raw: RawLine, line: Line) -> Heading:
    level = LEVELS[raw.marker_type or "H1"]
    marker_end = line.span.end if raw.marker_end is None else raw.marker_end
    marker = text[line.span.start:marker_end]
    match = _NUMERAL.search(marker)
    numeral = match.group(0) if match else ""
    ordinal = numeral_value(numeral) or 0
    style = marker.replace(numeral, "N", 1) if numeral else marker
    rest_start = marker_end
    while rest_start < line.span.end and text[rest_start] in _SPACES:
        rest_start += 1
    rest = text[rest_start:line.span.end]
    stop = rest.find("。")
    if stop == -1:
        title, body = rest, ""
        title_span, body_span = Span(rest_start, line.span.end), None
    else:
        title, body = rest[:stop], rest[stop + 1:]
        title_span = Span(rest_start, rest_start + stop)
        body_span = Span(rest_start + stop + 1, line.span.end) if body else None
    return Heading(
        line=line, level=level, ordinal=ordinal, numeral=numeral, marker=marker,
        marker_span=Span(line.span.start, marker_end), style=style, title=title,
        title_span=title_span, body=body, body_span=body_span,
    )
