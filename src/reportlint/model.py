"""The report skeleton as frozen dataclasses with code-point spans into ``Source.text``."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

# heading levels of GB/T 9704-2012 7.3.3: 一、 → （一） → 1. → （1）
LEVEL_NAMES = {1: "一、", 2: "（一）", 3: "1.", 4: "（1）"}


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Line:
    """One physical line that carries text (blank lines are not kept)."""

    span: Span
    text: str
    number: int


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Heading:
    """A numbered heading such as ``（一）精心研究，制定方案。在县…``.

    ``marker`` is the ordinal with its punctuation (``（一）``), ``title`` the heading text up to
    the first full stop, ``body`` what follows on the same line (run-in body text).
    """

    line: Line
    level: int
    ordinal: int
    numeral: str  # the ordinal as written: 一, 十二, 3
    marker: str
    marker_span: Span
    style: str  # the marker with the numeral replaced by "N": "N、", "（N）", "(N)", "N."
    title: str
    title_span: Span
    body: str
    body_span: Span | None
    # the Markdown `#` depth or Word heading style of the line (1 = first level), if it had one
    markup_level: int | None = None

    @property
    def span(self) -> Span:
        return self.line.span


@dataclass(frozen=True)
class Section:
    heading: Heading
    children: tuple[Section | Paragraph, ...]

    @property
    def level(self) -> int:
        return self.heading.level


@dataclass(frozen=True)
class Signature:
    """The closing block: issuing unit line(s) and/or the date line."""

    units: tuple[Line, ...]
    date: Line | None


@dataclass(frozen=True)
class Article:
    """One report. A compilation page holds several, each opened by a ``第N篇`` marker."""

    marker: Line | None  # the 第N篇 line
    marker_label: str  # 第1篇
    title: Line | None
    children: tuple[Section | Paragraph, ...]
    signature: Signature | None
    residue: tuple[Line, ...]
    span: Span

    def sections(self) -> Iterator[Section]:
        yield from _walk_sections(self.children)

    def headings(self) -> Iterator[Heading]:
        for section in self.sections():
            yield section.heading

    def paragraphs(self) -> Iterator[Paragraph]:
        yield from _walk_paragraphs(self.children)

    @property
    def title_text(self) -> str:
        return self.title.text if self.title else ""


@dataclass(frozen=True)
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
