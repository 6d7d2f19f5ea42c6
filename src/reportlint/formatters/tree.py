"""``reportlint parse``: the skeleton tree as indented text (like ``sqlfluff parse``) or JSON.

The JSON layout is documented by ``docs/parse-schema.json`` (JSON Schema; tests validate the
output against it): document → articles → elements / sections / paragraphs / attachments, each
with line numbers and code-point spans.
"""

from __future__ import annotations

from typing import Any

from reportlint.formatters.common import pretty_json
from reportlint.load.source import Source
from reportlint.model import Article, Document, Element, Line, Paragraph, Section, Span

_EXCERPT = 30
JSON_VERSION = 1


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
    starts = [line.span.start for line in (article.marker, article.title) if line is not None]
    starts += [e.span.start for e in article.elements] + [p.span.start for p in article.paragraphs()]
    starts += [h.span.start for h in article.headings()]
    if starts:
        ln, col = source.lines.position(min(starts))
        where = f"[L:{ln:4d}, C:{col:3d}]"
    else:  # pragma: no cover - an article has at least one line
        where = "[L:   -, C:  -]"
    kind = "attachment" if article.is_attachment else "article"
    out.append(f"{where} {kind} {article.marker_label}".rstrip())
    if article.doctype is not None:
        dt = article.doctype
        out.append(f"{where}   文种: {dt.name} ({dt.id}) ← {'；'.join(dt.evidence)}")
    dating = _dating_text(article)
    if dating:
        out.append(f"{where}   时间: {dating}")
    # the elements and the body in document order; a section prints its whole block
    nodes: list[tuple[int, int, list[str]]] = []
    for element in article.elements:
        if element.kind != "attachment":
            nodes.append((element.span.start, 0, _element_text(element, source)))
    for child in article.children:
        block: list[str] = []
        _children_text(block, (child,), source, 2)
        nodes.append((child.heading.span.start if isinstance(child, Section) else child.span.start, 1, block))
    for line in article.residue:
        nodes.append((line.span.start, 2, [f"{_pos(source, line)}   residue: {_excerpt(line.text)}"]))
    for _start, _order, lines in sorted(nodes, key=lambda n: (n[0], n[1])):
        out.extend(lines)


def _element_text(element: Element, source: Source) -> list[str]:
    if element.kind == "title":
        title = element.field("value") or element.lines[0].text  # a wrapped title joined
        return [f"{_pos(source, element.lines[0])}   title: {_excerpt(title)}"]
    if element.kind == "issuer":
        return [f"{_pos(source, unit)}   signature.unit: {unit.text}" for unit in element.lines]
    if element.kind == "date":
        return [f"{_pos(source, element.lines[0])}   signature.date: {element.lines[0].text}"]
    lines = [f"{_pos(source, element.lines[0])}   {element.name} {element.kind}: {_excerpt(element.lines[0].text)}"]
    if element.kind != "attachment_note":  # a note's wrapped lines are in its items
        lines += [f"{_pos(source, line)}     …: {_excerpt(line.text)}" for line in element.lines[1:]]
    if element.kind in ("attachment_note", "copies_to"):
        for item in element.items:
            number = "-" if item.number is None else str(item.number)
            lines.append(f"{_pos(source, item.line)}     item {number}: {_excerpt(item.text)}")
    return lines


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
    return pretty_json(tree(document, source))


def tree(document: Document, source: Source) -> dict[str, Any]:
    """The document as plain data (the layout ``docs/parse-schema.json`` describes)."""

    def span(s: Span) -> dict[str, int]:
        return {"start": s.start, "end": s.end}

    def line(ln: Line | None) -> dict[str, Any] | None:
        if ln is None:
            return None
        number, column = source.lines.position(ln.span.start)
        return {"line": number, "column": column, "text": ln.text, "span": span(ln.span)}

    def node(child: Section | Paragraph) -> dict[str, Any]:
        if isinstance(child, Section):
            h = child.heading
            return {"type": "section", "level": h.level, "ordinal": h.ordinal, "marker": h.marker.strip(),
                    "title": h.title, "body": h.body, "at": line(h.line), "markup_level": h.markup_level,
                    "children": [node(c) for c in child.children]}
        return {"type": "paragraph", "at": line(child.line), "markup_level": child.markup_level}

    def element(e: Element) -> dict[str, Any]:
        return {"kind": e.kind, "name": e.name, "span": span(e.span), "lines": [line(ln) for ln in e.lines],
                "fields": dict(e.fields),
                "items": [{"number": i.number, "text": i.text, "at": line(i.line)} for i in e.items]}

    def article(a: Article) -> dict[str, Any]:
        return {
            "marker": a.marker_label or None, "attachment": a.is_attachment, "span": span(a.span),
            "title": line(a.title),
            "doctype": None if a.doctype is None else {
                "id": a.doctype.id, "name": a.doctype.name, "evidence": list(a.doctype.evidence)},
            "elements": [element(e) for e in a.elements],
            "children": [node(c) for c in a.children],
            "signature": None if a.signature is None else {
                "units": [line(u) for u in a.signature.units], "date": line(a.signature.date)},
            "residue": [line(r) for r in a.residue],
            "attachments": [article(x) for x in a.attachments],
            "dating": _dating_data(a),
        }

    top = [a for a in document.articles if not a.is_attachment]
    return {"version": JSON_VERSION, "path": source.path, "articles": [article(a) for a in top]}


def _day(day: tuple[int, ...] | None) -> str | None:
    return None if day is None else "-".join(f"{part:02d}" if i else str(part) for i, part in enumerate(day))


def _dating_data(article: Article) -> dict[str, Any]:
    """When the article was written and what it covers (``Article.dating``)."""
    d = article.dating
    period = None if d.period is None else {"label": d.period.label, "start": _day(d.period.start),
                                            "end": _day(d.period.end)}
    return {"title_year": d.title_year, "signed": _day(d.signed), "written": _day(d.written),
            "number_year": d.number_year, "period": period}


def _dating_text(article: Article) -> str:
    d = _dating_data(article)
    parts = []
    if d["title_year"]:
        parts.append(f"标题年份 {d['title_year']}")
    if d["period"]:
        parts.append(f"期间 {d['period']['label']}（{d['period']['start']}—{d['period']['end']}）")
    if d["signed"]:
        parts.append(f"成文日期 {d['signed']}")
    elif d["written"]:
        parts.append(f"成文年月 {d['written']}")
    if d["number_year"]:
        parts.append(f"发文字号年份 {d['number_year']}")
    return "；".join(parts)
