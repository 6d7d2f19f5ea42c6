"""The report skeleton as frozen dataclasses with code-point spans into ``Source.text``."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

# heading levels of GB/T 9704-2012 7.3.3: 一、 → （一） → 1. → （1）
LEVEL_NAMES = {1: "一、", 2: "（一）", 3: "1.", 4: "（1）"}


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Line:
    """One physical line that carries text (blank lines are not kept)."""

    span: Span
    text: str
    number: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A line of body text. ``markup_level`` is set when markup alone (`## 存在的问题`, Word's
    Heading 2) makes it a heading: without a Chinese ordinal it does not open a section, so
    numbering rules never see it, but rules looking for named parts can."""

    line: Line
    markup_level: int | None = None

    @property
    def span(self) -> Span:
        return self.line.span

    @property
    def text(self) -> str:
        return self.line.text


@dataclass(frozen=True, slots=True)
class Heading:
    """A numbered heading such as ``（一）精心研究，制定方案。在县…``.

    ``marker`` is the ordinal with its punctuation (``（一）``), ``title`` the heading text up to
    the first full stop, ``body`` what follows on the same line (run-in body text).

    The title, the body and the three spans are sliced from ``line`` when read: a heading keeps
    two offsets into ``line.text`` (``title_from``, ``title_to``: where the title starts and
    where it ends, at the first full stop or the end of the line), not two more copies of its text
    and three span objects (~0.4 KB a heading, a third of the model of a heading-dense document).
    """

    line: Line
    level: int
    ordinal: int
    numeral: str  # the ordinal as written: 一, 十二, 3
    marker: str
    style: str  # the marker with the numeral replaced by "N": "N、", "（N）", "(N)", "N."
    title_from: int  # the title's first character in ``line.text``
    title_to: int  # the title's end in ``line.text``: its first full stop, else the line's length
    # the Markdown `#` depth or Word heading style of the line (1 = first level), if it had one
    markup_level: int | None = None

    @property
    def span(self) -> Span:
        return self.line.span

    @property
    def marker_span(self) -> Span:
        start = self.line.span.start
        return Span(start, start + len(self.marker))

    @property
    def title(self) -> str:
        return self.line.text[self.title_from:self.title_to]

    @property
    def title_span(self) -> Span:
        start = self.line.span.start
        return Span(start + self.title_from, start + self.title_to)

    @property
    def body(self) -> str:
        return self.line.text[self.title_to + 1:]

    @property
    def body_span(self) -> Span | None:
        """Where the body stands; None when the line has none."""
        line = self.line
        if self.title_to + 1 >= len(line.text):
            return None
        return Span(line.span.start + self.title_to + 1, line.span.end)


@dataclass(frozen=True, slots=True)
class Section:
    heading: Heading
    children: tuple[Section | Paragraph, ...]

    @property
    def level(self) -> int:
        return self.heading.level


# GB/T 9704-2012 elements outside the body text (and the header fields of a 纪要): kind -> name
ELEMENT_KINDS = {
    "copy_number": "份号",  # 7.2.1
    "secrecy": "密级和保密期限",  # 7.2.2
    "urgency": "紧急程度",  # 7.2.3
    "issuer_mark": "发文机关标志",  # 7.2.4
    "doc_number": "发文字号",  # 7.2.5
    "signer": "签发人",  # 7.2.6
    "title": "标题",  # 7.3.1
    "addressee": "主送机关",  # 7.3.2
    "attachment_note": "附件说明",  # 7.3.4: 附件：1.…  2.…  (items = the attachments listed)
    "issuer": "发文机关署名",  # 7.3.5
    "date": "成文日期",  # 7.3.5
    "annotation": "附注",  # 7.3.6: （此件公开发布）
    "contact": "联系人/联系电话",  # 7.3.6 (附注 of a 请示: 联系人和电话)
    "attachment": "附件",  # 7.3.7: the 附件 label line opening an attached part (items[0].number)
    "copies_to": "抄送",  # 7.4.2
    "printed_by": "印发机关和印发日期",  # 7.4.3
    "minutes_field": "纪要字段",  # 时间 地点 主持 出席 列席 请假 记录 (GB/T 9704-2012 10.3)
}


@dataclass(frozen=True, slots=True)
class ElementItem:
    """A numbered entry of an element: an attachment listed in the 附件说明, a 抄送 unit…"""

    number: int | None  # 1 for "1." / "附件1"; None when unnumbered
    text: str  # the attachment name / unit name, wrapped lines joined
    line: Line  # where the item starts


@dataclass(frozen=True, slots=True)
class Element:
    """A GB/T 9704-2012 element (or a 纪要 header field / 事务文书 part marker) outside the body text."""

    kind: str  # one of ELEMENT_KINDS
    lines: tuple[Line, ...]  # the physical lines it spans (wrapped lines included)
    fields: tuple[tuple[str, str], ...] = ()  # parsed parts: (("label", "抄送"), ("value", "…"))
    items: tuple[ElementItem, ...] = ()  # numbered entries: 附件说明 items, 抄送 units…

    @property
    def span(self) -> Span:
        return Span(self.lines[0].span.start, self.lines[-1].span.end)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def name(self) -> str:
        """The Chinese name of the kind (发文字号)."""
        return ELEMENT_KINDS.get(self.kind, self.kind)

    def field(self, key: str) -> str | None:
        for name, value in self.fields:
            if name == key:
                return value
        return None


@dataclass(frozen=True)
class PartSpec:
    """A part a 文种 profile requires or forbids (``sections:`` in rulesets/data/doctypes.yaml)."""

    id: str
    name: tuple[str, str]  # (zh, en)
    heading: tuple[str, ...]  # words naming the part in a heading title
    paragraph: tuple[str, ...]  # words naming it in a paragraph's first sentence
    anywhere: bool  # look at whole paragraphs, not only their first sentence
    pattern: re.Pattern[str] | None = None  # present when it matches any body line
    fields: tuple[str, ...] = ()  # 纪要 header fields (时间, 地点 …) that stand for the part
    advisory: bool = False  # only noted (SC004, info), not warned about (SC001)
    unless: tuple[str, ...] = ()  # a heading word after one of these names another part (解决……问题)
    later_year: bool = False  # a heading or first sentence naming a year after the title's is this part
    unless_next: re.Pattern[str] | None = None  # a word followed by this is not the part (差距缩小)
    # present when this matches on at least ``many_lines`` body lines (deadlines spread over tasks)
    many: re.Pattern[str] | None = None
    many_lines: int = 3
    # an advisory part required (SC001) in the documents whose title matches this (`实施方案`)
    required_when: re.Pattern[str] | None = None
    # the pattern is looked for only in the first this many body lines (a 纪要's time in its opening),
    # or, negative, in the last ones (a 函's closing formula)
    opening: int = 0


@dataclass(frozen=True)
class Profile:
    """A 文种 profile: what a document of that type needs. ``addressee``: "one" (exactly one
    主送机关), "requester" (one: the organ whose 请示 a 批复 answers), "required", or "" (not judged)."""

    id: str
    name: tuple[str, str]  # (zh, en)
    title: re.Pattern[str]  # the title's tail that names the 文种
    sections: tuple[PartSpec, ...]
    signature: bool
    addressee: str = ""
    forbid: tuple[PartSpec, ...] = ()  # parts that must not be there (a request inside a 报告)
    source: str = ""  # the clause the profile rests on, named in messages
    single_matter: bool = False  # one matter per document (一文一事: a 请示)
    # the addressee rule holds only for the titles matching this (a 报告 `……关于……的报告`, not a 工作报告)
    addressee_when: re.Pattern[str] | None = None
    # the parts are judged only in a document with at least this many top-level headings (a 活动总结
    # written as a report, not a three-paragraph news item)
    min_headings: int = 0


@dataclass(frozen=True, slots=True)
class DocType:
    """The 文种 of an article and why it was decided."""

    id: str  # an id from rulesets/data/doctypes.yaml (request, notice, work-summary…)
    name: str  # the Chinese name (请示)
    evidence: tuple[str, ...]  # ("标题以“请示”结尾",) / ("发文字号…",) / ("结构：含附件说明",)
    # the profile of that 文种 (None for a 文种 the profiles only name)
    profile: Profile | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Signature:
    """The closing block: issuing unit line(s) and/or the date line."""

    units: tuple[Line, ...]
    date: Line | None


Day = tuple[int, int, int]  # (year, month, day): compares like the dates it stands for


@dataclass(frozen=True, slots=True)
class Period:
    """The stretch of time a report's title says it covers (2024年, 2024年上半年, 2024年第三季度 …)."""

    start: Day
    end: Day  # its last day
    label: str  # as the title writes it: 2024年上半年

    @property
    def year(self) -> int:
        return self.start[0]

    @property
    def whole_year(self) -> bool:
        return self.end[1:] == (12, 31)


@dataclass(frozen=True, slots=True)
class Dating:
    """When an article was written and what it is about, read once when the model is built.

    ``title`` is the real title line (past a 版头 the parser took for the title), ``title_text``
    its text with a wrapped second line joined; ``signed`` the 成文日期 (the 落款's date, else a
    date line under the title, else a last line that is only a date: `2026.01.08`); ``head`` the
    article's first lines, where a dateline stands.
    """

    title: Line | None = None
    title_text: str = ""
    title_year: int | None = None
    signed: Day | None = None
    period: Period | None = None
    head: tuple[Line, ...] = ()
    # (year, month) it was written: the 成文日期, a month alone in the 落款 (`2025年9月`), the 印发日期
    written: tuple[int, int] | None = None
    number_year: int | None = None  # the year in its 发文字号 (`〔2024〕`)
    signed_line: Line | None = None  # the line the 成文日期 stands on

    @property
    def year(self) -> int | None:
        """The year the article was written, when its dates or its 发文字号 say so."""
        return self.written[0] if self.written else self.number_year


@dataclass(frozen=True, slots=True)
class Article:
    """One report. A compilation page holds several, each opened by a ``第N篇`` marker.

    ``Document.articles`` lists every article in document order, each followed by its attached
    parts (``attachments``, which are also articles: 附件1 with its own title, elements and 文种),
    so a rule walking ``document.articles`` reads the attachments' text too.
    """

    marker: Line | None  # the 第N篇 line (None for an attached part: its label is its `attachment` element)
    marker_label: str  # 第1篇; 附件1 for an attached part
    title: Line | None
    children: tuple[Section | Paragraph, ...]
    signature: Signature | None
    residue: tuple[Line, ...]
    span: Span
    # the GB/T 9704 elements in document order; their lines are not in ``children``
    elements: tuple[Element, ...] = ()
    doctype: DocType | None = None
    # each 附件 part (附件1 …) as an article of its own, with its own title, elements and 文种
    attachments: tuple[Article, ...] = ()
    # the lines a title wrapped onto (`…关于进一步加强汛期` / `安全生产工作的通知`); ``title`` is the first
    title_rest: tuple[Line, ...] = ()
    # its title, years, 成文日期 and period (parse/dating.py)
    dating: Dating = Dating()

    def element(self, kind: str) -> Element | None:
        """The first element of ``kind``, or None."""
        for element in self.elements:
            if element.kind == kind:
                return element
        return None

    def elements_of(self, kind: str) -> list[Element]:
        return [element for element in self.elements if element.kind == kind]

    @property
    def is_attachment(self) -> bool:
        """Whether this article is an attached part (附件1 …) of the article before it."""
        return bool(self.elements) and self.elements[0].kind == "attachment"

    def sections(self) -> Iterator[Section]:
        yield from _walk_sections(self.children)

    def headings(self) -> Iterator[Heading]:
        for section in self.sections():
            yield section.heading

    def paragraphs(self) -> Iterator[Paragraph]:
        yield from _walk_paragraphs(self.children)

    @property
    def title_lines(self) -> tuple[Line, ...]:
        """Every line of the title: the first and those it wrapped onto."""
        return (self.title, *self.title_rest) if self.title is not None else ()

    @property
    def title_text(self) -> str:
        """The title's text, a wrapped title joined into one."""
        return joined_title(self.title_lines)

    def body_lines(self) -> Iterator[Line]:
        """The body's lines in order: headings and paragraphs (never elements)."""

        def walk(children: tuple[Any, ...]) -> Iterator[Line]:
            for child in children:
                if isinstance(child, Section):
                    yield child.heading.line
                    yield from walk(child.children)
                else:
                    yield child.line

        yield from walk(self.children)

    def is_complete(self, min_chars: int = 200) -> bool:
        """Whether the article is a whole document rather than a fragment: two headings, enough text,
        or the frame of a 公文 (a 落款 with both unit and date, or a 主送机关 and a 落款).

        Profiles judge what a finished document contains; a three-line excerpt is not one.
        """
        if sum(1 for _ in self.headings()) >= 2:
            return True
        body = sum(len(p.text) for p in self.paragraphs()) + sum(len(h.line.text) for h in self.headings())
        if body >= min_chars:
            return True
        sig = self.signature
        framed = self.element("addressee") is not None or (sig is not None and bool(sig.units) and sig.date is not None)
        return framed and sig is not None and body >= 40


@dataclass(frozen=True, slots=True)
class Document:
    articles: tuple[Article, ...]
    lines: tuple[Line, ...]
    problems: tuple[tuple[Span, str], ...] = ()  # parts of the input that did not fit the grammar

    def headings(self) -> Iterator[Heading]:
        for article in self.articles:
            yield from article.headings()

    def paragraphs(self) -> Iterator[Paragraph]:
        for article in self.articles:
            yield from article.paragraphs()

    def article_at(self, offset: int) -> Article | None:
        """The article holding ``offset`` (articles are in text order: a binary search)."""
        articles = self.articles
        index = bisect_right(articles, offset, key=_article_start) - 1
        for article in articles[max(0, index - 1):index + 1]:
            if article.span.start <= offset <= article.span.end:
                return article
        return None


def joined_title(lines: Sequence[Line]) -> str:
    """A title's text: a one-line title as written, a wrapped one's lines stripped and joined.

    The one place that joins a title: :attr:`Article.title_text` reads it, and so does the
    dating of an article whose title the model did not see wrapped (``parse/dating.py``)."""
    if len(lines) == 1:
        return lines[0].text
    return "".join(line.text.strip() for line in lines)


def _article_start(article: Article) -> int:
    return article.span.start


def _walk_sections(children: tuple[Section | Paragraph, ...]) -> Iterator[Section]:
    for child in children:
        if isinstance(child, Section):
            yield child
            yield from _walk_sections(child.children)


def _walk_paragraphs(children: tuple[Section | Paragraph, ...]) -> Iterator[Paragraph]:
    for child in children:
        if isinstance(child, Section):
            yield from _walk_paragraphs(child.children)
        else:
            yield child


# the article helpers as functions (``body_lines(article)``), for rules written that way
body_lines = Article.body_lines
is_complete = Article.is_complete
