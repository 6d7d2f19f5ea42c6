"""``reportlint parse``: the skeleton tree as indented text (like ``sqlfluff parse``) or JSON."""

from __future__ import annotations

from typing import Any

from reportlint.formatters.common import pretty_json
from reportlint.load.source import Source
from reportlint.model import Article, Document, Line, Paragraph, Section

_EXCERPT = 30


def _excerpt(text: str) -> str:
    return text if len(text) <= _EXCERPT else text[:_EXCERPT] + "…"


def _pos(source: Source, line: Line | Paragraph) -> str:
    ln, col = source.lines.position(line.span.start)
    return f"[L:{ln:4d}, C:{col:3d}]"


def render_text(document: Document, source: Source) -> str:
    out: list[str] = []
    for article in document.articles:
        _article_text(out, article, source)
    return "\n".join(out) + "\n"


def _article_text(out: list[str], article: Article, source: Source) -> None:
    first = article.marker or article.title or next(iter(article.paragraphs()), None)
    where = _pos(source, first) if first else "[L:   -, C:  -]"
    out.append(f"{where} article {article.marker_label}".rstrip())
    if article.title:
        out.append(f"{_pos(source, article.title)}   title: {_excerpt(article.title.text)}")
    _children_text(out, article.children, source, 2)
    if article.signature:
        sig = article.signature
        for unit in sig.units:
            out.append(f"{_pos(source, unit)}   signature.unit: {unit.text}")
        if sig.date:
            out.append(f"{_pos(source, sig.date)}   signature.date: {sig.date.text}")
    for line in article.residue:
        out.append(f"{_pos(source, line)}   residue: {_excerpt(line.text)}")


def _children_text(out: list[str], children: tuple[Section | Paragraph, ...], source: Source,
                   depth: int) -> None:
    pad = "  " * depth
    for child in children:
        if isinstance(child, Section):
            h = child.heading
            out.append(f"{_pos(source, h.line)} {pad}heading L{h.level} {h.marker.strip()} {_excerpt(h.title)}")
            if h.body:
                out.append(f"{_pos(source, h.line)} {pad}  run-in body: {_excerpt(h.body)}")
            _children_text(out, child.children, source, depth + 1)
        else:
            kind = "paragraph" if child.markup_level is None else f"paragraph (markup heading {child.markup_level})"
            out.append(f"{_pos(source, child.line)} {pad}{kind}: {_excerpt(child.text)}")


def render_json(document: Document, source: Source) -> str:
    def line(ln: Line | None) -> dict[str, Any] | None:
        if ln is None:
            return None
        number, column = source.lines.position(ln.span.start)
        return {"line": number, "column": column, "text": ln.text}

    def node(child: Section | Paragraph) -> dict[str, Any]:
        if isinstance(child, Section):
            h = child.heading
            return {"type": "section", "level": h.level, "ordinal": h.ordinal, "marker": h.marker.strip(),
                    "title": h.title, "body": h.body, "at": line(h.line),
                    "children": [node(c) for c in child.children]}
        return {"type": "paragraph", "at": line(child.line)}

    articles = [
        {"marker": a.marker_label or None, "title": line(a.title),
         "children": [node(c) for c in a.children],
         "signature": None if a.signature is None else {
             "units": [line(u) for u in a.signature.units], "date": line(a.signature.date)},
         "residue": [line(r) for r in a.residue]}
        for a in document.articles
    ]
    return pretty_json({"path": source.path, "articles": articles})
