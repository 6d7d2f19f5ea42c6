"""Build the Document model from classified lines: articles, titles, sections, signature."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from reportlint.load.source import Source
from reportlint.model import (
    Article,
    Document,
    Heading,
    Line,
    Paragraph,
    Section,
    Signature,
    Span,
)
from reportlint.parse.parser import RawLine, classify_lines
from reportlint.text.chars import numeral_value

LEVELS = {"H1": 1, "H2": 2, "H3": 3, "H4": 4}
_NUMERAL = re.compile(r"[0-9]+|[一二三四五六七八九十百]+")
_SPACES = " \t\u3000"
# a title is short and does not read like a sentence
_TITLE_MAX = 60
_SENTENCE_END = tuple("。；;！!？?，,：:")
# the last word of an issuing unit's name in a signature block
_UNIT_SUFFIX = re.compile(
    r"(?:局|委|会|府|办|院|部|厅|处|室|所|站|中心|公司|集团|学校|中学|小学|幼儿园|大学|学院|"
    r"小组|支部|党委|党组|政府|委员会|办公室|工作组|街道|社区|村委会|镇|乡|县|区|市|省)$"
)
_UNIT_MAX = 30


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


def _articles(text: str, lines: list[tuple[RawLine, Line]], hints: Mapping[int, int]):
    """Split at 第N篇 markers; text before the first marker is an article of its own."""
    groups: list[list[tuple[RawLine, Line]]] = [[]]
    for item in lines:
        if item[0].kind == "compilation" and groups[-1]:
            groups.append([])
        groups[-1].append(item)
    for group in groups:
        if group:
            yield _article(text, group, hints)


def _article(text: str, group: list[tuple[RawLine, Line]], hints: Mapping[int, int]) -> Article:
    span = Span(group[0][1].span.start, group[-1][1].span.end)
    marker, label, title = None, "", None
    rest = list(group)
    if rest[0][0].kind == "compilation":
        raw, marker = rest.pop(0)
        label_end = raw.marker_end or marker.span.end
        label = text[marker.span.start:label_end].strip(_SPACES)
        title = _sub_line(text, marker, label_end, marker.span.end)
    elif rest[0][0].kind == "text_line" and (
            hints.get(rest[0][1].number) == 0 or _looks_like_title(rest[0][1].text)):
        title = rest.pop(0)[1]

    residue: list[Line] = []
    body = []
    for raw, line in rest:
        if raw.kind == "residue":
            residue.append(line)
        else:
            body.append((raw, line))
    signature, body = _signature(body)
    children = _nest(text, body, hints)
    return Article(marker, label, title, children, signature, tuple(residue), span)


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
