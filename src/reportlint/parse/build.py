"""Build the Document model from classified lines: articles, their GB/T 9704 elements, titles,
sections, signature, attachments and 文种.

The grammar says what each line looks like; this module decides what it is from where it
stands: the 版头 is what precedes the title, the 主送机关 is the line after it, an 附件说明 is
an ``附件：…`` block before the 落款 while ``附件1`` alone opens an attached part, the 落款 is
the unit and date lines the body ends with, the 版记 is what closes the document.
"""

from __future__ import annotations

import re
import sys
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
from reportlint.parse.doctype import MINUTES_ONLY, detect, ends_with_doctype
from reportlint.parse.elements import UNIT_SUFFIX, Form, form_of, item_of, units_of
from reportlint.parse.parser import RawLine, classify_lines
from reportlint.text.chars import numeral_value
from reportlint.text.lazyre import lazy

LEVELS = {"H1": 1, "H2": 2, "H3": 3, "H4": 4}
_NUMERAL = lazy(r"[0-9]+|[一二三四五六七八九十百]+")
_SPACES = " \t\u3000"
# a title is short and does not read like a sentence
_TITLE_MAX = 60
_LONG_TITLE_MAX = 100
# a title wraps onto at most two more lines, each short; a subtitle or a byline is not a wrap
_TITLE_WRAP = 2
_TITLE_WRAP_MAX = 40
_NOT_WRAPPED = ("—", "－", "-", "（", "(", "〔", "[", "【", "<", "《")
_SENTENCE_END = tuple("。；;！!？?，,：:")
_UNIT_SUFFIX = UNIT_SUFFIX  # the last word of an issuing unit's name in a signature block
_UNIT_MAX = 30
# the issuers a joint 落款 lists one per line (GB/T 9704-2012 7.3.5.2: two or more organs)
_JOINT_MAX = 4
# 版头 elements (GB/T 9704-2012 7.2), in any order before the title
_HEAD_KINDS = {"copy_number", "secrecy", "urgency", "issuer_mark", "doc_number", "signer"}
# elements recognised wherever they stand in the body
_ANYWHERE_KINDS = {"contact", "annotation", "copies_to", "printed_by"}
_ATTACH_KINDS = {"attach_label", "attach_header", "attach_inline"}
# a 主送机关 line: ends in a colon and names organs or people (各位代表： 市人民政府： 县直各单位：)
_ADDRESSEE_MAX = 80
_ADDRESSEE_END = lazy(r"(?:局|委|会|府|办|院|部|厅|处|室|所|站|中心|公司|集团|学校|单位|部门|机构|组织|"
                            r"党委|党组|政府|委员会|办公室|街道|社区|镇|乡|县|区|市|省|同志|代表|委员|领导|"
                            r"来宾|朋友们?|同事们?|同学们?|老师们?|[)）])$")


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


@dataclass(slots=True)
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
    _colonless_copies(items)
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


_COLONLESS = lazy(r"^抄[ \t\u3000]*送(?![ \t\u3000]*[:：])[ \t\u3000]*(?P<value>[^\n：:]{2,})$")


def _colonless_copies(items: list[_Item]) -> None:
    """A 抄送 line that lost its colon (`抄送县委办公室、县财政局`) right above the 印发 line that
    ends the document (or above its wrapped lines): the 版记's 抄送 line, so that its form is
    judged (IM001) and it is not read as a 落款. Not in the body: only the lines just above the
    last line, which must be an 印发 line."""
    if len(items) < 2:
        return
    last = items[-1]
    if not ((last.form is not None and last.form.kind == "printed_by") or _loose_printed(last)
            or _unprinted_shape(last)):
        return
    for k in range(len(items) - 2, max(len(items) - 5, 0) - 1, -1):
        item = items[k]
        match = _COLONLESS.match(item.line.text.strip(_SPACES))
        if item.form is None and item.kind == "text_line" and match is not None and len(item.line.text) <= 120 \
                and "。" not in item.line.text.rstrip("。") and units_of(match["value"]) \
                and all(UNIT_SUFFIX.search(unit) for unit in units_of(match["value"])):
            item.form = Form("copies_to", (("label", "抄送"), ("value", match["value"]), ("no-colon", "1")))
            return
        if item.form is not None or item.kind != "text_line" or len(item.line.text) > _ADDRESSEE_MAX:
            return


def _unprinted_shape(item: _Item) -> bool:
    """`某某办公室    2024年5月6日`: the shape of an 印发 line that lost its `印发`."""
    match = _UNPRINTED.match(item.line.text.strip(_SPACES))
    return (item.form is None and item.kind in ("text_line", "date_line") and match is not None
            and bool(UNIT_SUFFIX.search(match["unit"].strip(_SPACES))))


def _trailer(items: list[_Item]) -> list[_Item]:
    """Peel the 版记 (抄送, 印发机关和印发日期; GB/T 9704-2012 7.4) off the end of the document."""
    end = len(items)
    start = end
    k = end - 1
    while k >= 0:
        form = items[k].form
        if (form is not None and form.kind in ("copies_to", "printed_by")
                or k == end - 1 and (_loose_printed(items[k]) or _unprinted(items, k))):
            start = k
        elif start == k + 1 and _office_above(items, k):
            start = k  # the 印发机关 on its own line above a dated 印发 line
        elif not (start < end and _continues_list(items[k], items[k - 1] if k else None)):
            break
        k -= 1
    if start == end:
        return []
    # a continuation line directly after the document body is body text
    while (start < end and items[start].form is None and not _loose_printed(items[start])
           and not _office_above(items, start)):
        start += 1
    out = items[start:]
    del items[start:]
    return out


def _office_above(items: Sequence[_Item], k: int) -> bool:
    """An office's name alone above an 印发 line that lacks it, under a 抄送 line: the 印发机关
    split from its date (`某某办公室` / `2024年5月6日印发`)."""
    if k + 1 >= len(items) or k == 0 or items[k].form is not None or items[k].kind != "text_line":
        return False
    below, above = items[k + 1].form, items[k - 1].form
    return (below is not None and below.kind == "printed_by" and not below.field_value("unit")
            and above is not None and above.kind == "copies_to" and _looks_like_unit(items[k].line.text.strip(_SPACES)))


def _loose_printed(item: _Item) -> bool:
    """The last line of a 版记 the 印发 form does not read (`2024.5.6印发`, `某办公室2024年5月印发`):
    still the 版记's, so that the 落款 above it is found; the IM rules judge its form."""
    text = item.line.text
    return (item.form is None and item.kind == "text_line" and text.endswith("印发") and "。" not in text
            and len(text.replace("\u3000", "").replace(" ", "")) <= 40)


def _loose_printed_element(item: _Item) -> Element:
    return Element("printed_by", (item.line,), (("value", item.line.text), ("loose", "1")))


_UNPRINTED = lazy(r"^(?P<unit>[^，,。；;：:]{2,30}?)[ \t\u3000]+(?P<date>[0-9]{4}[ \t]*年[ \t]*[0-9]{1,2}[ \t]*月"
                  r"[ \t]*[0-9]{1,2}[ \t]*日)$")


def _unprinted(items: Sequence[_Item], k: int) -> bool:
    """The last line under a 抄送 list that names an office and a date but lost its `印发`
    (`某某办公室    2024年7月12日`): the 版记's 印发 line, not a 落款 (none stands under the 版记)."""
    item = items[k]
    match = _UNPRINTED.match(item.line.text.strip(_SPACES))
    if item.form is not None or item.kind not in ("text_line", "date_line") or match is None:
        return False
    if not UNIT_SUFFIX.search(match["unit"].strip(_SPACES)):
        return False
    before = [other.form.kind for other in items[max(k - 3, 0):k] if other.form is not None]
    return bool(before) and before[-1] == "copies_to"


def _unprinted_element(item: _Item) -> Element:
    match = _UNPRINTED.match(item.line.text.strip(_SPACES))
    assert match is not None
    return Element("printed_by", (item.line,), (("value", item.line.text), ("unit", match["unit"].strip(_SPACES)),
                                                ("date", match["date"]), ("no-word", "1")))


def _continues_list(item: _Item, before: _Item | None) -> bool:
    """A wrapped line of a 抄送 list: short, after a 抄送 line or another wrapped line of it."""
    if (item.form is not None or item.kind != "text_line" or len(item.line.text) > _ADDRESSEE_MAX
            or item.line.text.endswith("印发")):
        return False
    if any(c in item.line.text for c in "：:") or before is None or before.line.text.rstrip().endswith(("。", ".")):
        return False  # a 抄送 list closed by its full stop; 版权所有：… or 网站标识码：… is not an organ
    return (before.form is not None and before.form.kind == "copies_to") or (
        before.form is None and before.line.text.endswith(("，", "、", ",")))


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
    residue: list[Line] = []
    if head:
        i = _head(items, elements, residue)
    rest: tuple[Line, ...] = ()
    if title is None and (head or label is not None) and i < n and _is_title(items[i], hints):
        title = items[i].line
        i += 1
        rest = _title_wrap(title, items[i:i + _TITLE_WRAP])
        i += len(rest)
    title_text = ""
    if title is not None:
        title_text = "".join(line.text.strip() for line in (title, *rest)) if rest else title.text
        elements.append(Element("title", (title, *rest), (("value", title_text),)))
    addressee = _addressee(items, i)
    if addressee is not None:
        line = items[addressee].line
        value = line.text.rstrip("：:")
        elements.append(Element("addressee", (line,), (("value", value),),
                                tuple(ElementItem(None, u, line) for u in units_of(value))))
    title_kind = detect(title_text, ())
    taken = _minutes_fields(items, i, elements, title_kind is not None and title_kind.id == "minutes")

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
        elif _loose_printed(item):
            elements.append(_loose_printed_element(item))
            j += 1
        elif form is not None and form.kind in ("attach_header", "attach_inline"):
            j = _attachment_note(text, items, j, elements)
        else:
            body.append(item.as_text())
            j += 1
    k = 0
    while k < len(trailer):
        if _office_above(trailer, k):
            printed = trailer[k + 1]
            assert printed.form is not None
            unit = trailer[k].line.text.strip(_SPACES)
            fields = tuple(f for f in printed.form.fields if f[0] != "unit") + (("unit", unit), ("split", "1"))
            elements.append(Element("printed_by", (trailer[k].line, printed.line), fields))
            k += 2
            continue
        if trailer[k].form is None and _loose_printed(trailer[k]):
            elements.append(_loose_printed_element(trailer[k]))
        elif k == len(trailer) - 1 and _unprinted(trailer, k):
            elements.append(_unprinted_element(trailer[k]))
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
    doctype = detect(title_text, elements)
    article = Article(marker, marker_label, title, children, signature, tuple(residue), span,
                      tuple(elements), doctype, attachments, rest)
    return date_article(article, sorted(own, key=lambda line: line.span.start))


def _title_wrap(title: Line, following: Sequence[_Item]) -> tuple[Line, ...]:
    """The lines a title wrapped onto: short title-like lines after it, taken only when the title
    then ends with a 文种 (`…关于进一步加强汛期` / `安全生产工作的通知`) and did not before — or the
    next line opens with the 的 of a title's last phrase (`关于印发2024年工作要点` / `的通知`)."""
    if not following or (ends_with_doctype(title.text) and not following[0].line.text.strip().startswith("的")):
        return ()
    joined = title.text.strip()
    byline = _looks_like_unit(joined)
    taken: list[Line] = []
    for item in following:
        text = item.line.text.strip()
        if byline and not taken and ends_with_doctype(text):
            return ()  # a byline over a whole title (`县审计局` / `2024年工作总结`): not a wrap
        if (item.kind != "text_line" or item.form is not None or not _looks_like_title(text)
                or len(text) > _TITLE_WRAP_MAX or _looks_like_addressee(text) or text.startswith(_NOT_WRAPPED)
                or _looks_like_unit(text)):  # joint issuers, one per line: not one name
            return ()
        joined += text
        taken.append(item.line)
        if ends_with_doctype(joined):
            return tuple(taken)
    return ()


def _is_title(item: _Item, hints: Mapping[int, int]) -> bool:
    text = item.line.text
    return item.kind == "text_line" and item.form is None and (
        hints.get(item.line.number) == 0 or _looks_like_title(text)
        # a congress's 决议 or a long 通知 runs past the usual length, its 文种 still closing it
        or len(text) <= _LONG_TITLE_MAX and "。" not in text and ends_with_doctype(text.strip(_SPACES)))


def _head(items: list[_Item], elements: list[Element], residue: list[Line]) -> int:
    """The 版头 (份号 … 签发人) before the title; returns the index after it. Web-page chrome
    over it (`来源：…　发布时间：…`) goes to ``residue``."""
    i = 0
    while i < len(items):
        item, form = items[i], items[i].form
        if (item.kind == "residue" or _chrome_fields(item)) and i + 1 < len(items):
            residue.append(item.line)
            i += 1
        elif form is not None and form.kind in _HEAD_KINDS:
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
        elif (joint := _joint_issuers(items, i)) is not None:
            # joint issuers stacked over 文件 (联合行文, GB/T 9704-2012 7.2.4): 中共某县委员会 / 某县人民政府 / 文件
            lines, names = joint
            value = "\u3000".join(names) + "文件"
            elements.append(Element("issuer_mark", lines, (("value", value), ("issuer", "\u3000".join(names)))))
            i += len(lines)
        elif (loose := _loose_number(item)) is not None and (i > 0 or _next_is_number_or_title(items, i)):
            # a 发文字号 whose year or 号 is malformed (安发〔〕6号, 东农发12号): still the 版头's;
            # the DN rules judge its form
            elements.append(Element("doc_number", (item.line,), loose))
            i += 1
        elif form is None and item.kind == "text_line" and (count := _names_over_number(items, i)):
            # an organ's name alone as the 发文机关标志 (letters, minutes: GB/T 9704-2012 10.1), or
            # two or three stacked for a joint document, over a 发文字号 (its form aside)
            over = tuple(it.line for it in items[i:i + count])
            name = "\u3000".join(line.text.strip(_SPACES) for line in over)
            elements.append(Element("issuer_mark", over, (("value", name), ("issuer", name))))
            i += count
        else:
            break
    return i


_LOOSE_NUMBER = lazy(r"^(?P<prefix>[\u4e00-\u9fff]{1,12}?)[ \t]*"
                    r"(?:(?P<open>[〔［\[（(【〈<{｛「〖])[ \t]*(?P<year>[0-9]{0,4})[ \t]*年?[ \t]*"
                    r"[〕］\]）)】〉>}｝」〗])?"
                    r"[ \t]*第?[ \t]*[0-9]{1,4}[ \t]*(?P<hao>号)?"
                    r"(?:[ \t\u3000]+签[ \t\u3000]*发[ \t\u3000]*人[ \t\u3000]*[:：].{1,20})?$")


def _loose_number(item: _Item) -> tuple[tuple[str, str], ...] | None:
    """The fields of a 版头 发文字号 line the grammar's form does not read, or None."""
    if item.form is not None or item.kind != "text_line":
        return None
    text = item.line.text.strip(_SPACES)
    match = _LOOSE_NUMBER.match(text)
    if match is None or not (match["open"] or match["hao"]) or not (match["open"] or match["hao"] and len(text) <= 20):
        return None
    year = match["year"] if match["year"] and len(match["year"]) == 4 else ""
    return (("value", text), ("prefix", match["prefix"]), ("year", year), ("loose", "1"))


# a line of web-page fields over a document: 来源：某某网　发布时间：2026-01-15 09:32　浏览次数：1286
_CHROME_FIELD = lazy(r"(?:^|[ \t\u3000])(?:来源|发布(?:时间|日期)|作者|(?:浏览|阅读|点击)(?:次数|量)?)[ \t]*[:：]",
                     gate=("来源", "发布", "作者", "浏览", "阅读", "点击"))


def _chrome_fields(item: _Item) -> bool:
    """Whether a line opens with web-page fields and holds two of them."""
    text = item.line.text.strip(_SPACES)
    return (item.kind == "text_line" and item.form is None and bool(_CHROME_FIELD.match(text))
            and len(_CHROME_FIELD.findall(text)) >= 2)


def _names_over_number(items: list[_Item], i: int) -> int:
    """How many organ names (one to three, each on its own line) stand right above a 发文字号."""
    k = i
    while k < len(items) and k - i < 3:
        item = items[k]
        if item.form is not None or item.kind != "text_line" or not _looks_like_unit(item.line.text):
            break
        k += 1
    if k == i or k >= len(items):
        return 0
    below = items[k]
    return k - i if _form_kind(below) == "doc_number" or _loose_number(below) is not None else 0


def _next_is_number_or_title(items: list[_Item], i: int) -> bool:
    """The first line of a document is a 发文字号 only when a title-like line follows it."""
    return i + 1 < len(items) and items[i + 1].form is None and "关于" in items[i + 1].line.text


def _joint_issuers(items: list[_Item], i: int) -> tuple[tuple[Line, ...], list[str]] | None:
    """Two or three organ names on their own lines closed by a `文件` line, or by the last name
    with `文件` (某县人民政府文件): the 发文机关标志 of a joint document."""
    names: list[str] = []
    lines: list[Line] = []
    k = i
    while k < len(items) and len(names) < 3:
        item = items[k]
        text = item.line.text.strip(_SPACES)
        if item.form is None and item.kind == "text_line" and _looks_like_unit(text):
            names.append(text)
            lines.append(item.line)
            k += 1
            continue
        if not names:
            return None
        if len(names) >= 2 and _is_number(item):  # joint issuers over a 发文字号, no `文件` line
            return tuple(lines), names
        if item.kind == "text_line" and text == "文件":
            return (*lines, item.line), names
        if item.form is not None and item.form.kind == "issuer_mark":
            issuer = item.form.field_value("issuer") or ""
            return (*lines, item.line), [*names, issuer]
        return None
    return None


def _is_number(item: _Item) -> bool:
    """A 发文字号 line, well formed or not (瑞建函〔2026年〕38号, 某医〔2025〕第86号)."""
    return _form_kind(item) == "doc_number" or _loose_number(item) is not None


def _form_kind(item: _Item) -> str | None:
    return item.form.kind if item.form is not None else None


def _minutes_fields(items: list[_Item], start: int, elements: list[Element], minutes: bool) -> set[int]:
    """纪要 header fields: anywhere in a 纪要, else a run of two or more before the first heading
    that names who chaired or attended (时间 and 地点 alone are a notice's details)."""
    taken: set[int] = set()
    run: list[int] = []

    def close() -> None:
        labels = {items[k].form.field_value("label") for k in run}  # type: ignore[union-attr]
        if run and (minutes or (len(run) >= 2 and labels & MINUTES_ONLY)):
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
        fields = (("label", form.field_value("label") or ""), ("value", value),
                  *((("no-colon", "1"),) if form.field_value("no-colon") else ()))
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
        elif entries and nxt_form is None and item.kind == "text_line" and (
                _wraps(text, item.line) or _continues_name(item.line, items[k + 1] if k + 1 < len(items) else None)):
            entries[-1][1] += item.line.text
        else:
            break
        lines.append(item.line)
        k += 1
    entries = [piece for entry in entries for piece in _split_entries(*entry)]
    elements.append(Element("attachment_note", tuple(lines), (("label", "附件"),),
                            tuple(ElementItem(n, t, ln) for n, t, ln in entries)))
    return k


_NEXT_ENTRY = lazy(r"[；;，,、 \t\u3000]+([0-9]{1,2})[.．、](?![0-9])")


def _split_entries(number: int | None, name: str, line: Line) -> list[list[Any]]:
    """Entries written on one line (附件：1.名称；2.名称 3.名称) split at the next number in sequence."""
    out: list[list[Any]] = []
    while number is not None:
        nxt = next((m for m in _NEXT_ENTRY.finditer(name) if int(m.group(1)) == number + 1), None)
        if nxt is None:
            break
        out.append([number, name[:nxt.start()], line])
        number, name = number + 1, name[nxt.end():].strip(_SPACES)
    out.append([number, name, line])
    return out


def _continues_name(line: Line, nxt: _Item | None) -> bool:
    """A wrapped attachment name not indented (one paragraph per line lost the indent): a short
    piece with no punctuation, followed by the 落款 or the end, and not itself a 落款 line."""
    text = line.text
    return (len(text) <= 16 and not any(c in text for c in "。，,；;：:！？!?") and item_of(text) is None
            and not _looks_like_unit(text) and not _LOOSE_DATE.match(text) and not _OFFICIAL.match(text)
            and (nxt is None or nxt.kind == "date_line" or nxt.form is not None
                 or _looks_like_unit(nxt.line.text) or _looks_like_signer(nxt.line.text, True)))


def _wraps(text: str, line: Line) -> bool:
    """A wrapped attachment name: indented, short, no sentence end, not a 落款 line."""
    start = line.span.start
    lead = 0
    while start - lead - 1 >= 0 and text[start - lead - 1] in _SPACES:
        lead += 1
    return (lead >= 2 and len(line.text) <= 40 and "。" not in line.text and not line.text.endswith(_SENTENCE_END)
            and not _looks_like_unit(line.text))


def _addressee(items: list[_Item], i: int) -> int | None:
    """The 主送机关 line: right after the title (or a 发文字号 put under it), or after the short lines
    a speech puts between (venue and date, the speaker: ``——2026年1月26日在…会议上`` / ``省长 某某``)."""
    for k in range(i, min(i + 4, len(items))):
        item = items[k]
        if k == i and item.form is not None and item.form.kind == "doc_number":
            continue  # a 发文字号 put under the title instead of above it
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
    return body.startswith("各") or last.strip(_SPACES).startswith("各") or bool(_ADDRESSEE_END.search(last))


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
    """Peel the closing block off the end: a date line and/or short unit-name lines (or the
    name of the person who signs a 述职报告 or a personal 总结, with or without the post).

    Up to four unit lines above a date (a joint 落款), the last one possibly beside the date;
    a seal note (（印）, （某局代章）) beside a unit, between unit and date, or (代章) under the date;
    `注：…` lines under the date stay body text after it."""
    date = None
    split = None
    end = len(body)
    while end and body[end - 1][0].kind == "text_line" and _CHROME.search(body[end - 1][1].text):
        end -= 1  # a web page's buttons and counters after the 落款 stay body text (the RS rules')
    if end and body[end - 1][0].kind == "text_line" and "代章" in body[end - 1][1].text \
            and _SEAL.fullmatch(body[end - 1][1].text):
        end -= 1  # （某局代章） under the date: the seal's note, kept as body text after the 落款
    notes = end
    while notes and body[notes - 1][0].kind == "text_line" and body[notes - 1][1].text.startswith(("注：", "注:")):
        notes -= 1
    if notes < end and notes and (body[notes - 1][0].kind == "date_line" or _LOOSE_DATE.match(body[notes - 1][1].text)):
        end = notes  # 注：… under the 成文日期: a note after the 落款, kept as body text after it
    body, chrome = body[:end], body[end:]
    units: list[Line] = []
    if end and body[end - 1][0].kind == "text_line" and (split := _unit_and_date(body[end - 1][1])):
        units, date = [split[0]], split[1]  # the last unit and the date on one line; joint issuers above
        end -= 1
    elif end and (body[end - 1][0].kind == "date_line"
                  or body[end - 1][0].kind == "text_line" and _LOOSE_DATE.match(body[end - 1][1].text)):
        date = body[end - 1][1]
        end -= 1
    if not units and end and _SEAL.fullmatch(body[end - 1][1].text):
        end -= 1  # （盖章） between the unit and the date (or under a unit with no date) marks the seal
    while end and len(units) < _JOINT_MAX:
        raw, line = body[end - 1]
        signer = not units and _looks_like_signer(line.text, date is not None)
        if raw.kind != "text_line" or not (_looks_like_unit(line.text) or signer):
            break
        if (len(units) >= 2 or split) and (date is None or any(c in line.text for c in ":：，,")):
            break  # a third or fourth issuer of a joint 落款 only above its date, a name with no label
        units.insert(0, line)
        end -= 1
    if date is None and units and end and body[end - 1][0].kind == "date_line":
        date = body[end - 1][1]  # the date above the unit: kept, its place is judged by the rules
        end -= 1
    if date is None and not units:
        return None, body + chrome
    return Signature(tuple(units), date), body[:end] + chrome


_CHROME = lazy(r"^【[^】]{2,8}】|浏览次数|点击次数|阅读次数|【关闭窗口】|【打印本页】"
               r"|^上一篇[:：]|^下一篇[:：]|^返回顶部|^分享到|^相关(?:文章|链接|阅读)[:：]|发布时间[:：]"
               r"|字号[:：][ \t\u3000]*大[ \t\u3000]*中[ \t\u3000]*小")
_UNIT_THEN_DATE = lazy(r"^(?P<unit>[^ \t\u3000]{2,30})[ \t\u3000]+(?P<date>[^ \t\u3000].{3,24})$")


def _unit_and_date(line: Line) -> tuple[Line, Line] | None:
    """A 落款 on one line, unit and date apart (青山县教育局    2024年5月6日), as two lines; the date
    in any form a 落款 date takes (2024.5.6, 2024年5月, 二〇二四年五月六日: its form is the rules')."""
    match = _UNIT_THEN_DATE.match(line.text)
    if match is None or not _looks_like_unit(match["unit"]) or not _LOOSE_DATE.match(match["date"]) \
            or any(c in match["unit"] for c in ":：，,、；;"):
        return None  # 责任单位：区水利局 12月5日 is a task's line, not a 落款
    start = line.span.start
    unit = Line(Span(start, start + match.end("unit")), match["unit"], line.number)
    date = Line(Span(start + match.start("date"), line.span.end), match["date"], line.number)
    return unit, date


# a 成文日期 written loosely or incompletely where the 落款 has its date: 2024年12月, 2024/12/5,
# 2024-12-05, 2024年12月5号, 12月5日, 2024年12月5曰, 2024年12月5日。 (its form is judged by the
# rules; here it is the date line)
_CN = "〇○零一二三四五六七八九十"
_LOOSE_DATE = lazy(
    rf"^[（(]?(?:(?:[0-9]{{2,4}}|[{_CN}]{{2,4}}|[0-9{_CN}OoＯｏ]{{4}})[ \t]*年"
    rf"[ \t]*(?:[0-9]{{1,2}}|[{_CN}]{{1,3}})[ \t]*月"
    rf"(?:[ \t]*(?:[0-9]{{1,2}}|[{_CN}]{{1,3}})[ \t]*[日号曰]?)?"
    rf"|(?:[0-9]{{1,2}}|[{_CN}]{{1,3}})月(?:[0-9]{{1,2}}|[{_CN}]{{1,3}})[日号曰]"
    rf"|[0-9]{{4}}[ \t]*([/\-－.．])[ \t]*[0-9]{{1,2}}[ \t]*\1[ \t]*[0-9]{{1,2}}日?"
    # full-width digits (２０２４年１２月５日), or a weekday after the day (2024年12月5日星期四)
    rf"|[0-9０-９]{{4}}年[0-9０-９]{{1,2}}月[0-9０-９]{{1,2}}日"
    rf"(?:[ \t\u3000]*[（(]?(?:星期|周|礼拜)[一二三四五六日天][)）]?)?)[)）]?[。．.]?$")
# the person who signs a 述职报告 or a personal 总结: 述职人：王某某 / a bare name
_SIGNER = lazy(r"^(?:(?:述职人|报告人|汇报人|总结人|发言人|申请人|署名|签名)[ \t\u3000]*[:：][ \t\u3000]*"
                     r"[\u4e00-\u9fff·]{2,6}|(?:欧阳|司马|诸葛|上官|东方|皇甫|令狐|慕容|尉迟|长孙)[\u4e00-\u9fff]{1,2}"
                     r"|[\u4e00-\u9fff]某某?"  # a name made anonymous, whatever the surname: 阙某某, 钭某
                     r"|[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
                     r"姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常"
                     r"温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍"
                     r"涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景"
                     r"党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝]"
                     r"(?:某某|某|[\u4e00-\u9fff]{1,2}))$")
_NOT_SIGNER = {"此致", "敬礼", "特此报告", "特此通知", "谢谢", "谢谢大家", "特此函告", "特此批复", "妥否请批示"}


# the head of a government who signs a 令 or an 议案: 市长　王某某, 代理县长 李某 (GB/T 9704-2012 10.2)
_OFFICIAL = lazy(r"^(?:代理)?[省市县区州旗镇乡]长[ \t\u3000]+[\u4e00-\u9fff·]{2,5}$")


# a person signing with the post before the name (青山县教育局副局长　王某某, 党委书记 李某):
# a 述职报告's or a personal 总结's 落款, read only above a date
_POSTED = lazy(r"^[\u4e00-\u9fff（）()]{0,24}?(?:局长|主任|书记|校长|院长|所长|站长|科长|股长|队长|部长|厅长|处长|"
               r"经理|董事长|主席|秘书长|[镇乡村区县市]长|组长|委员|馆长|行长|社长|调研员|科员|干部|教师)"
               r"(?:[ \t\u3000]+|[ \t\u3000]*[:：][ \t\u3000]*)[\u4e00-\u9fff·]{2,5}$")


def _looks_like_signer(text: str, dated: bool) -> bool:
    """A signer's name: labelled (述职人：王某某) or an official's (市长　王某某) anywhere, a bare
    name or a name after its post (副局长　王某某) only above a date."""
    if _OFFICIAL.match(text):
        return True
    if dated and _POSTED.match(text):
        return True
    if text in _NOT_SIGNER or not _SIGNER.match(text):
        return False
    return dated or text[:1] in "述报汇总发申署签" and any(c in text for c in ":：")


# where the seal goes: （印）, （盖章）; or an organ that seals for one with no seal of its own
# (a 指挥部, a 领导小组): （某局代章）
_SEAL = lazy(r"[ \t\u3000]*[（(](?:印|盖章|公章|章|签章|签字|签名|印章|[^（）()\s]{0,30}代章)[)）]$")


def _looks_like_unit(text: str) -> bool:
    text = _SEAL.sub("", text) if text.endswith(("）", ")")) else text
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
    # markers, numerals and styles come from a small set: one copy each, not one per heading
    marker = sys.intern(text[line.span.start:marker_end])
    match = _NUMERAL.search(marker)
    numeral = sys.intern(match.group(0)) if match else ""
    ordinal = numeral_value(numeral) or 0
    style = sys.intern(marker.replace(numeral, "N", 1)) if numeral else marker
    rest_start = marker_end
    while rest_start < line.span.end and text[rest_start] in _SPACES:
        rest_start += 1
    # the title runs to the first full stop, the body after it: offsets into the line's text
    stop = text.find("。", rest_start, line.span.end)
    return Heading(
        line=line, level=level, ordinal=ordinal, numeral=numeral, marker=marker, style=style,
        title_from=rest_start - line.span.start,
        title_to=(line.span.end if stop == -1 else stop) - line.span.start,
    )
