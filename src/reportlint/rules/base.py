"""The rule contract: identity as class attributes, options as a schema, check() yields findings."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

from reportlint.diagnostics import Applicability, Finding, Fix, Severity
from reportlint.load.source import Source
from reportlint.model import Article, Document, Line, Profile, Span

CODE_RE = re.compile(r"^[A-Z]{2}[0-9]{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
DOC_HEADINGS = ("What it does", "Why is this bad?", "Example", "Use instead")


@dataclass(frozen=True)
class Option:
    """One declared rule option; config values are checked against ``type``."""

    default: Any
    type: type | tuple[type, ...]
    help: str = ""

    def validate(self, value: Any) -> Any:
        kinds = self.type if isinstance(self.type, tuple) else (self.type,)
        if float in kinds and isinstance(value, int) and not isinstance(value, bool):
            return float(value)  # `ratio: 1` means 1.0, as JSON Schema's "number" says
        if bool in kinds and not isinstance(value, bool):
            raise TypeError(f"expected true or false, got {value!r}")
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
            names = " or ".join(k.__name__ for k in kinds)
            raise TypeError(f"expected {names}, got {type(value).__name__}")
        return value


# the option every rule that judges a document by its 文种 takes (SC, SG, AD …)
DOCTYPES_OPTION = Option("", str,
                         "a YAML file of extra or changed 文种 profiles (laid out like rulesets/data/doctypes.yaml)")


def doctype_of(article: Article, extra: str = "", past_masthead: bool = False) -> Profile | None:
    """The article's 文种 profile: the document model's 文种, or, with a user's profiles file
    (``extra``, a rule's ``doctypes`` option), the same decision made on the user's table.
    ``past_masthead``: also from the title found past a 版头 line the model took for the title
    (``real_title``)."""
    if not extra and article.doctype is not None:
        return article.doctype.profile
    from reportlint.parse.doctype import doctype_of as decide

    found = decide(article, extra)
    if found is None and past_masthead:
        real = real_title(article)
        found = decide(article, extra, real.text.strip()) if real is not None else None
    return found.profile if found is not None else None


def real_title(article: Article) -> Line | None:
    """The title line, when the model found no 文种 because it took a 版头 line for the title (a
    发文字号 in a form the grammar does not know, `临城投发〔2024〕第26号　签发人：…`): the first
    short line among the next ones that ends with a 文种 word; None otherwise."""
    if article.doctype is not None or article.title is None:
        return None
    from reportlint.parse.doctype import ends_with_doctype

    for child in article.children[:3]:
        text = getattr(child, "text", "").strip()
        if not text or "。" in text or len(text) > 80:
            return None
        if ends_with_doctype(text):
            return child.line  # type: ignore[union-attr]
    return None


# a 版头 line the model may join to the title (`某政发〔2024〕3号`, `某某局文件`, `签发人：…`)
_MASTHEAD = re.compile(r"(?:文件|[0-9０-９]号|签发人[：:].*)[ \t\u3000]*$")


def title_text(article: Article) -> str:
    """The title's text, or that of the title found past a 版头 line (``real_title``)."""
    real = real_title(article)
    return real.text.strip() if real is not None else article.title_text


def title_span(article: Article) -> Span:
    """Where a finding about the whole document goes: its title, version-head lines the model
    joined to it left out (`临市监发【2024】29号` over the title), or, when a line under a 纪要
    标志 (`××县人民政府常务会议纪要`) repeats the 文种 word as the minutes' own title, that line."""
    lines = list(article.title_lines)
    if not lines:
        return article.span
    real = real_title(article)
    if real is not None:
        return real.span  # the model took a 版头 line for the title
    while len(lines) > 1:
        first = lines[0].text.strip()
        if len(first) <= 40 and _MASTHEAD.search(first):
            lines.pop(0)  # a 发文字号, a `……文件` mark
        elif (len(lines) > 2 and len(first) <= 20 and "关于" not in first
              and _MASTHEAD.search(lines[1].text.strip())):
            lines.pop(0)  # the issuer's name over its 发文字号
        else:
            break
    doctype = article.doctype
    tail = article.title_text.strip()[-2:]
    if doctype is not None and doctype.id == "minutes" and len(article.title_lines) == 1:
        for child in article.children[:4]:
            text = getattr(child, "text", "").strip()
            if not text or "。" in text or len(text) > 60:
                break
            if text.endswith(tail) and text != article.title_text.strip():
                return child.line.span  # type: ignore[union-attr]
    return Span(lines[0].span.start, lines[-1].span.end)


class Rule:
    """Base class of every rule.

    Subclasses declare ``code`` (two letters + three digits), ``name`` (kebab-case), ``groups``,
    ``severity`` (the default), ``fixable`` (the applicability of the fixes it offers, or None),
    ``messages`` (key → (Chinese, English) templates) and ``options``; the class docstring is the
    user documentation printed by ``reportlint rule CODE``.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    groups: ClassVar[tuple[str, ...]] = ()
    severity: ClassVar[Severity] = Severity.WARNING
    fixable: ClassVar[Applicability | None] = None
    messages: ClassVar[dict[str, tuple[str, str]]]
    options: ClassVar[dict[str, Option]] = {}
    standard: ClassVar[str] = ""  # the clause this rule enforces, e.g. "GB/T 9704-2012 7.2.5"

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if not getattr(cls, "code", None):  # an abstract helper base
            return
        if not CODE_RE.match(cls.code):
            raise TypeError(f"{cls.__name__}: code {cls.code!r} must be two capitals and three digits")
        if not NAME_RE.match(getattr(cls, "name", "")):
            raise TypeError(f"{cls.__name__}: name must be kebab-case")
        if not getattr(cls, "messages", None) or "default" not in cls.messages:
            raise TypeError(f"{cls.__name__}: messages must define a 'default' key")
        for key, pair in cls.messages.items():
            if not (isinstance(pair, tuple) and len(pair) == 2):
                raise TypeError(f"{cls.__name__}: message {key!r} must be a (zh, en) pair")
        if not (cls.__doc__ or "").strip():
            raise TypeError(f"{cls.__name__}: the docstring is the rule's documentation")

    def __init__(self, settings: dict[str, Any] | None = None) -> None:
        self.settings = {key: opt.default for key, opt in self.options.items()}
        self.settings.update(settings or {})

    def check(self, ctx: RuleContext) -> Iterator[Finding]:  # pragma: no cover - abstract
        raise NotImplementedError
        yield

    @classmethod
    def doc(cls) -> str:
        import inspect

        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        return cls.doc().splitlines()[0] if cls.doc() else ""

    @classmethod
    def render(cls, key: str, args: dict[str, Any], lang: str) -> str:
        zh, en = cls.messages.get(key, cls.messages["default"])
        template = en if lang == "en" else zh
        try:
            return template.format(**args)
        except (KeyError, IndexError):
            return template


class SpanSet:
    """Offsets inside any of some (start, end) spans, tested by binary search over the merged
    spans: a set of every offset took ~3 MB per MB of a heading-dense document."""

    __slots__ = ("starts", "ends")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        starts: list[int] = []
        ends: list[int] = []
        for start, end in sorted(spans):
            if start >= end:
                continue
            if ends and start <= ends[-1]:
                ends[-1] = max(ends[-1], end)
            else:
                starts.append(start)
                ends.append(end)
        self.starts, self.ends = starts, ends

    def __contains__(self, offset: object) -> bool:
        if not isinstance(offset, int):
            return False
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.ends[i]


class SpanIndex:
    """Spans added one by one, by start, with the furthest end reached so far: whether a range
    meets any of them by binary search (a test of every span found before is quadratic in the
    findings of a dense document). Spans come nearly in order, so keeping the running maximum
    after an insertion is short work."""

    __slots__ = ("starts", "ends", "reach")

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.reach: list[int] = []
        for start, end in spans:
            self.add(start, end)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` shares an offset with a span; ``covers(x)`` is ``overlaps(x, x + 1)``."""
        i = bisect_left(self.starts, end) - 1
        return i >= 0 and self.reach[i] > start

    def covers(self, offset: int) -> bool:
        return self.overlaps(offset, offset + 1)

    def add(self, start: int, end: int) -> None:
        i = bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)
        self.reach.insert(i, end)
        furthest = self.reach[i - 1] if i else end
        for k in range(i, len(self.ends)):
            furthest = max(furthest, self.ends[k])
            self.reach[k] = furthest


@dataclass
class RuleContext:
    """What a rule sees: the source, the parsed document, its settings and a shared cache."""

    source: Source
    document: Document
    settings: dict[str, Any]
    cache: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.source.text

    def shared(self, key: str, compute: Callable[[], Any]) -> Any:
        """Compute once per document what several rules need (years, document type …)."""
        if key not in self.cache:
            self.cache[key] = compute()
        return self.cache[key]

    def heading_marker_spans(self) -> list[tuple[int, int]]:
        """Heading ordinals such as `(一)`: the heading rules' business, which other families skip."""
        return self.shared("heading-marker-spans", lambda: [
            (start, start + len(h.marker)) for h in self.document.headings() for start in (h.line.span.start,)])

    @staticmethod
    def report(
        start: int, end: int, key: str = "default", fix: Fix | None = None, **args: Any,
    ) -> Finding:
        return Finding(start, end, key, args, fix)
