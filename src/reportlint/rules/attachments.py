"""附件说明 (GB/T 9704-2012 7.3.4) against the 附件 parts present (8): count, numbers, names, and
the form of the 附件说明 itself."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Applicability, Edit, Finding, Fix, Severity
from reportlint.model import Article, ElementItem
from reportlint.rules.base import Rule, RuleContext
from reportlint.text.chars import numeral_value
from reportlint.text.lazyre import lazy

_NOT_NAME = lazy(r"[\s\u3000《》〈〉“”\"'。，、；;,.：:]")
_TRAILING = "。，、；;,.：:！!？?"


def _items(article: Article) -> tuple[ElementItem, ...]:
    note = article.element("attachment_note")
    return note.items if note is not None else ()


def _parts(article: Article) -> list[tuple[int | None, str, Article]]:
    """The attached parts: (number from the 附件N label, title, part)."""
    found = []
    for part in article.attachments:
        label = part.element("attachment")
        number = label.items[0].number if label is not None and label.items else None
        found.append((number, part.title_text.strip(), part))
    return found


_BRACKETED = lazy(r"[（(][^（）()]{1,12}[）)]")


def _key(name: str) -> str:
    """A name compared loosely: no spaces, book-title marks, punctuation or bracketed remarks
    (`（试行）`, `（15名）`)."""
    return _NOT_NAME.sub("", _BRACKETED.sub("", name))


def _item_span(item: ElementItem) -> tuple[int, int]:
    line = item.line
    at = line.text.find(item.text[:8]) if item.text else -1
    start = line.span.start + (at if at >= 0 else 0)
    return start, line.span.end


def _closed(article: Article) -> bool:
    """The document runs to its 版记 (抄送 or 印发 line): the attachments, which stand between
    the 落款 and the 版记, would be in the text."""
    return any(element.kind in ("copies_to", "printed_by") for element in article.elements)


class AttachmentCountMismatch(Rule):
    """An 附件说明 that lists more or fewer attachments than the document carries.

    ## What it does
    When a document has both an 附件说明 (`附件：1.…  2.…`) and attached parts (`附件1`,
    `附件2` …, each opening a part of its own, numbered 1, 2, … in order), flags the 附件说明
    entries no attached part answers. A document with no attached part at all is judged only
    when it runs to its 版记 (`抄送：` or the 印发 line), which stands after the attachments:
    without one, its attachments may travel as separate files.

    ## Why is this bad?
    GB/T 9704-2012 8: the 附件 number and title must match the 附件说明 (7.3.4). A reader
    checking what was sent finds a part nobody announced, or looks for one that is not there.

    ## Example
    ```
    附件：1.森林防火装备购置清单
          2.林区视频监控点建设方案
          3.资金测算表
    ……
    附件1
    森林防火装备购置清单
    ……
    附件2
    林区视频监控点建设方案
    ```

    ## Use instead
    ```
    附件：1.森林防火装备购置清单
          2.林区视频监控点建设方案
    ……
    附件1
    森林防火装备购置清单
    ……
    附件2
    林区视频监控点建设方案
    ```

    (or attach the 资金测算表 as 附件3).
    """

    code = "AT001"
    name = "attachment-count-mismatch"
    groups = ("attachments",)
    severity = Severity.WARNING
    standard = "GB/T 9704-2012 7.3.4、8"
    messages = {
        "default": ("附件说明列出的“{name}”在正文后没有对应附件（列出{listed}个，附有{present}个；GB/T 9704-2012 8）",
                    ("the 附件说明 lists {name!r} but no attached part answers it "
                     "({listed} listed, {present} attached)")),
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article in ctx.document.articles:
            items, parts = _items(article), _parts(article)
            if items and not parts and _closed(article):
                note = article.element("attachment_note")
                assert note is not None
                names = "、".join(item.text for item in items)
                yield ctx.report(note.span.start, note.lines[-1].span.end, name=names, listed=len(items), present=0)
                continue
            if not items or not parts or len(items) == len(parts):
                continue
            numbers = [number for number, _, _ in parts]
            listed = [item.number if item.number is not None else index + 1 for index, item in enumerate(items)]
            if None in numbers or numbers != list(range(1, len(numbers) + 1)):
                continue  # the parts' own numbering is off: nothing sure to compare
            if listed != list(range(1, len(listed) + 1)):
                continue  # AT002's business
            if len(items) > len(parts):
                note = article.element("attachment_note")
                for item in items[len(parts):]:
                    start, end = _item_span(item)
                    if note is not None:  # the note lists what is not attached: from its label to the name
                        start = min(start, note.span.start)
                    yield ctx.report(start, end, name=item.text, listed=len(items), present=len(parts))


_NOTE_LABEL = lazy(r"^[ \t\u3000]*附[ \t\u3000]*件[ \t\u3000]*[:：]")


def _unnumbered_lines(article: Article) -> int:
    """Several attachments listed one a line without numbers, read as one wrapped name: the
    count of lines when each names a different attached part, else 0."""
    note = article.element("attachment_note")
    titles = [_key(title) for _, title, _ in _parts(article)]
    if note is None or len(titles) < 2:
        return 0
    lines = list(note.lines)
    for line in article.body_lines():  # the next names, taken for body text under the note
        if line.number == lines[-1].number + 1:
            lines.append(line)
    if len(lines) < 2:
        return 0
    keys = [_key(_NOTE_LABEL.sub("", line.text)) for line in lines]
    return len(keys) if all(keys) and len(set(keys)) == len(keys) and all(k in titles for k in keys) else 0


class AttachmentNoteNumbering(Rule):
    """An 附件说明 numbered wrongly: one attachment with a number, several without, or a gap.

    ## What it does
    Flags, in the 附件说明, a single attachment written with a number (`附件：1.实施方案`),
    several attachments listed without numbers (also one a line, each the title of an attached
    part), and numbers that skip or repeat (`1.` `2.` `4.`).

    ## Why is this bad?
    GB/T 9704-2012 7.3.4: with several attachments, their order numbers are given as Arabic
    numerals (`附件：1.××××`); a single attachment takes none. A gap makes the reader look for
    an attachment that does not exist.

    ## Example
    ```
    附件：1.全县中小学校园安全隐患排查表
    ```

    ## Use instead
    ```
    附件：全县中小学校园安全隐患排查表
    ```
    """

    code = "AT002"
    name = "attachment-note-numbering"
    groups = ("attachments",)
    severity = Severity.WARNING
    standard = "GB/T 9704-2012 7.3.4"
    messages = {
        "default": ("附件说明的序号不连续：“{got}”应为“{want}”（GB/T 9704-2012 7.3.4）",
                    "the 附件说明 numbers skip or repeat: {got} where {want} belongs"),
        "single": ("只有一个附件时附件说明不加序号（GB/T 9704-2012 7.3.4）",
                   "a single attachment takes no number in the 附件说明 (GB/T 9704-2012 7.3.4)"),
        "unnumbered": ("附件说明列有{count}个附件，应标注序号“1.”“2.”……（GB/T 9704-2012 7.3.4）",
                       "the 附件说明 lists {count} attachments without numbers (1. 2. …)"),
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article in ctx.document.articles:
            items = _items(article)
            if len(items) == 1 and items[0].number is not None and not article.attachments[1:]:
                start, end = _item_span(items[0])
                yield ctx.report(items[0].line.span.start, end, "single")
            elif len(items) > 1 and all(item.number is None for item in items):
                yield ctx.report(items[0].line.span.start, items[0].line.span.end, "unnumbered", count=len(items))
            elif len(items) == 1 and items[0].number is None and (count := _unnumbered_lines(article)):
                yield ctx.report(items[0].line.span.start, items[0].line.span.end, "unnumbered", count=count)
            elif len(items) > 1:
                for want, item in enumerate(items, 1):
                    if item.number is not None and item.number != want:
                        yield ctx.report(item.line.span.start, item.line.span.end, got=item.number, want=want)
                        break


class AttachmentNameMismatch(Rule):
    """An 附件说明 entry whose name differs from the title of the attachment with its number.

    ## What it does
    When the 附件说明 and the attached parts agree in number, compares each listed name with
    the title of the part carrying the same number (`附件2` → its title), ignoring spaces,
    book-title marks, punctuation and bracketed remarks (`（试行）`, `（15名）`), and flags the
    entry whose name differs; when the names are only out of order, the first entry out of place.

    ## Why is this bad?
    GB/T 9704-2012 8: the 附件 number and title must match the 附件说明. A renamed or
    re-ordered attachment leaves the list pointing at the wrong document.

    ## Example
    ```
    附件：1.森林防火装备购置清单
          2.林区视频监控点建设方案
    ……
    附件2
    林区视频监控建设方案
    ```

    ## Use instead
    ```
    附件：1.森林防火装备购置清单
          2.林区视频监控点建设方案
    ……
    附件2
    林区视频监控点建设方案
    ```
    """

    code = "AT003"
    name = "attachment-name-mismatch"
    groups = ("attachments",)
    severity = Severity.WARNING
    standard = "GB/T 9704-2012 8"
    messages = {"default": ("附件说明中的“{name}”与附件{number}的标题“{title}”不一致（GB/T 9704-2012 8）",
                            "the 附件说明 lists {name!r} but attachment {number} is titled {title!r}"),
                "order": ("附件说明中“{name}”排第{number}，与附件顺序不一致（它是附件{other}；GB/T 9704-2012 8）",
                          "the 附件说明 lists {name!r} as number {number} but it is attachment {other}")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article in ctx.document.articles:
            items, parts = _items(article), _parts(article)
            if not items or len(items) != len(parts):
                continue
            by_number = {number: title for number, title, _ in parts if number is not None}
            swapped = False
            for index, item in enumerate(items):
                number = item.number if item.number is not None else index + 1
                title = by_number.get(number, parts[index][1] if len(items) == 1 else None)
                if not title or not item.text or _key(item.text) == _key(title):
                    continue
                start, end = _item_span(item)
                other = next((n for n, t in by_number.items() if n != number and _key(t) == _key(item.text)), None)
                if other is not None:
                    if not swapped:  # one finding for a list out of order
                        yield ctx.report(start, end, "order", name=item.text.rstrip(_TRAILING), number=number,
                                         other=other)
                    swapped = True
                else:
                    yield ctx.report(start, end, name=item.text.rstrip(_TRAILING), number=number, title=title)


class AttachmentNotePunctuation(Rule):
    """Punctuation after an attachment's name in the 附件说明: `1.实施方案。`, `2.汇总表；`.

    ## What it does
    Flags a full stop, comma, semicolon or colon that ends an entry of the 附件说明 (the colon of
    `附件：` alone, heading a list, is not an entry's). The marks of one 附件说明 are one finding
    (the list written as a sentence), spanning from the first mark to the last.

    ## Why is this bad?
    GB/T 9704-2012 7.3.4: no punctuation follows an attachment's name. The entries are names,
    not sentences.

    ## Example
    ```
    附件：1.森林防火装备购置清单；
          2.林区视频监控点建设方案。
    ```

    ## Use instead
    ```
    附件：1.森林防火装备购置清单
          2.林区视频监控点建设方案
    ```

    ## Fix safety
    Deleting the mark is safe: it stands after the last character of the name.
    """

    code = "AT004"
    name = "attachment-note-punctuation"
    groups = ("attachments",)
    severity = Severity.WARNING
    fixable = Applicability.SAFE
    standard = "GB/T 9704-2012 7.3.4"
    messages = {"default": ("附件名称后不加标点符号“{mark}”（GB/T 9704-2012 7.3.4）",
                            "no punctuation {mark!r} after an attachment's name (GB/T 9704-2012 7.3.4)")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article in ctx.document.articles:
            note = article.element("attachment_note")
            if note is None:
                continue
            marks: list[tuple[int, str]] = []  # (offset, mark)
            for line in note.lines:
                text = line.text.rstrip()
                if _HEADER.match(text):
                    continue  # `附件：` alone heads the list: its colon is no name's punctuation
                if text and text[-1] in _TRAILING and not text.endswith("……"):
                    marks.append((line.span.start + len(text) - 1, text[-1]))
            if marks:
                # the list written as a sentence (1.方案；2.名单。): one finding for the note's marks
                fix = Fix("删去附件名称后的标点", tuple(Edit(at, at + 1) for at, _ in marks))
                yield ctx.report(marks[0][0], marks[-1][0] + 1, mark="”“".join(dict.fromkeys(m for _, m in marks)),
                                 fix=fix)


def _signed(article: Article) -> bool:
    """A 公文 that carries its 附件说明 above the 落款 (a unit's name or a date)."""
    return article.signature is not None


class AttachmentNotListed(Rule):
    """An attached part the 附件说明 does not list, or attachments with no 附件说明 at all.

    ## What it does
    For a document with a 落款 followed by attached parts (`附件1`, `附件2` …), flags the first
    part's label and title when there is no 附件说明 at all (saying, when the part is the
    document an 印发 or 转发 notice issues, that it is not an attachment: 公文处理 practice does not
    label it 附件), and, when the 附件说明 does not name
    an attached part beyond the number it lists, the pair: from the 附件说明 down to that part's
    `附件N` label. A body sentence that says more things are attached (`……一并附后`, `随文附上`)
    than the 附件说明 lists has each thing no entry names flagged in the sentence.

    ## Why is this bad?
    GB/T 9704-2012 7.3.4: a document with attachments says so in the 附件说明 under the body,
    with the order number and name of each; 8: the attachments match it. A part nobody
    announced is easily lost, or taken for a page of another document.

    ## Example
    ```
    附件：1.森林防火装备购置清单
    ……
    附件1
    森林防火装备购置清单
    ……
    附件2
    林区视频监控点建设方案
    ```

    ## Use instead
    ```
    附件：1.森林防火装备购置清单
          2.林区视频监控点建设方案
    ……
    附件1
    森林防火装备购置清单
    ……
    附件2
    林区视频监控点建设方案
    ```
    """

    code = "AT005"
    name = "attachment-not-listed"
    groups = ("attachments",)
    severity = Severity.WARNING
    standard = "GB/T 9704-2012 7.3.4、8"
    messages = {
        "default": ("{label}（{title}）未在附件说明中列出（附件说明列有{listed}个；GB/T 9704-2012 7.3.4）",
                    "{label} ({title}) is not listed in the 附件说明, which lists {listed}"),
        "issued": ("所印发（转发）的《{title}》是通知的主件，不作附件：去掉“附件”标识；如确作附件，正文下应有附件说明"
                   "（GB/T 9704-2012 7.3.4）",
                   "the issued (forwarded) {title!r} is the notice's main part, not an attachment: drop the 附件 "
                   "label, or list it in an 附件说明 (GB/T 9704-2012 7.3.4)"),
        "no-note": ("正文后附有{count}个附件，但正文下没有附件说明（GB/T 9704-2012 7.3.4）",
                    "{count} attachment(s) follow the document but it has no 附件说明 (GB/T 9704-2012 7.3.4)"),
        "named": ("正文称“{name}”附后，但附件说明未列出（正文列了{named}件，附件说明列有{listed}个；"
                  "GB/T 9704-2012 7.3.4）",
                  "the body says {name!r} is attached, but the 附件说明 does not list it "
                  "({named} named, {listed} listed)"),
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        yield from _named_not_listed(ctx)
        for article in ctx.document.articles:
            parts = _parts(article)
            if not parts or not _signed(article):
                continue
            items = _items(article)
            note_element = article.element("attachment_note")
            if note_element is None:
                # the part nobody announced: its label and its title
                part = parts[0][2]
                label = part.element("attachment")
                lines = [*(label.lines if label is not None else ()),
                         *((part.title,) if part.title is not None else ())]
                if not lines:
                    continue
                if len(parts) == 1 and _issued(article.title_text, parts[0][1]):
                    # 印发、转发的文件不作附件: the 附件 label is the slip, or the 附件说明 is missing
                    yield ctx.report(lines[0].span.start, lines[-1].span.end, "issued", title=parts[0][1])
                    continue
                yield ctx.report(lines[0].span.start, lines[-1].span.end, "no-note", count=len(parts))
                continue
            # what the note says up to the first attached part, lines the note's parse missed included
            first = parts[0][2].element("attachment")
            end = first.span.start if first is not None else article.span.end
            note = _key(ctx.text[article.element("attachment_note").span.start:end])  # type: ignore[union-attr]
            for index, (_, title, part) in enumerate(parts):
                label = part.element("attachment")
                if label is None or index < len(items) or not title or _key(title) in note:
                    continue
                # the defect is the pair: the list the part is missing from, down to the part's label
                line = note_element.lines[0]
                yield ctx.report(line.span.start, label.lines[0].span.end, label=label.lines[0].text.strip(),
                                 title=title, listed=len(items))
                break


# what the body says it sends with the document: `《某条例（草案）》及其说明、听证报告一并附后`
_SENT_WITH = lazy(r"([^。；！？]{2,120}?)(?:一并附后|随文附后|附后|一并附上|随文附上)")
_SENT_LEAD = lazy(r"^(?:现将|现|特将|并将|同时将|将)")
_SENT_SPLIT = lazy(r"、|以及|及其|和|及|与")
_VAGUE = ("有关材料", "相关材料", "材料", "资料", "有关资料", "相关资料", "有关情况", "名单", "附件")


def _named_not_listed(ctx: RuleContext) -> Iterator[Finding]:
    """The things a body sentence says are attached, when it names more than the 附件说明 lists:
    each one no entry answers (AT005's `named`)."""
    for article in ctx.document.articles:
        items = _items(article)
        if article.is_attachment or not items:
            continue
        keys = [_NOT_NAME.sub("", item.text) for item in items]  # remarks kept: 办法草案 ~ 办法（草案）
        for line in article.body_lines():
            for match in _SENT_WITH.finditer(line.text):
                phrase = match.group(1)
                cut = max(phrase.rfind(mark) for mark in "，,：:")
                offset = line.span.start + match.start(1) + cut + 1
                phrase = phrase[cut + 1:]
                lead = _SENT_LEAD.match(phrase)
                pieces = []
                at = lead.end() if lead else 0
                for piece in _SENT_SPLIT.split(phrase[at:]):
                    pieces.append((offset + at, piece))
                    at += len(piece)
                    if at < len(phrase) and (sep := _SENT_SPLIT.match(phrase, at)):
                        at = sep.end()
                if len(pieces) <= len(items):
                    continue  # as many as listed: the names may differ in wording, not in number
                for start, piece in pieces:
                    key = _key(piece.removeprefix("其"))
                    if len(key) < 2 or piece.strip() in _VAGUE:
                        continue
                    if not any(_within(key, k) or k in key for k in keys if k):
                        yield ctx.report(start, start + len(piece), "named", name=piece.strip(),
                                         named=len(pieces), listed=len(items))


def _within(short: str, name: str) -> bool:
    """A short name whose characters all stand in order in the full one (办法草案 in 某县某办法（草案）)."""
    chars = iter(name)
    return all(c in chars for c in short)


_ISSUES = lazy(r"(?:印发|转发|批转|颁布)[^《]{0,12}《([^》]{2,80})》")


def _issued(title: str, part_title: str) -> bool:
    """A notice that issues or forwards a document (`关于印发《某某方案》的通知`) and a part that
    is that document."""
    match = _ISSUES.search(title)
    return match is not None and bool(_key(part_title)) and _key(match.group(1)) in _key(part_title)


_HEADER = lazy(r"^附[ \t\u3000]*件[ \t\u3000]*[:：]$")
_LABEL = lazy(r"^附[ \t\u3000]*件[ \t\u3000]*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})")
_NOTE_ITEM = lazy(r"^(?:附[ \t\u3000]*件[ \t\u3000]*[:：])?[ \t\u3000]*[0-9]{1,2}(、|[)）]|[ \t\u3000]+(?=[^0-9]))")
_HALF_COLON = lazy(r"^[ \t\u3000]*附[ \t\u3000]*件[ \t\u3000]*:")
# an entry numbered in brackets: （1）名称 (the marks of a heading, not of an 附件说明)
_NOTE_BRACKETED = lazy(r"^(?:附[ \t\u3000]*件[ \t\u3000]*[:：])?[ \t\u3000]*([（(][0-9]{1,2}[)）])")


class AttachmentLabelForm(Rule):
    """附件 labels and numbers not in their standard form: `附件一`, `附件1：` alone, `附件：1、…`, `附件1` `附件3`.

    ## What it does
    Flags an attached part's label written with a Chinese numeral (`附件二`) or with a colon
    and nothing after it (`附件2：`) or another mark (`附件1、`), several parts labelled `附件`
    without numbers, labels whose numbers skip or repeat (`附件1`, `附件3`), and
    entries of the 附件说明 numbered with a 顿号 (`1、`), a bracket (`（1）`, `1）`) or a bare
    space instead of `1.`, and an 附件说明 opening with a half-width colon (`附件:`).

    ## Why is this bad?
    GB/T 9704-2012 8: an attachment is labelled `附件` and its order number in Arabic numerals
    at the top left; 7.3.4: the 附件说明 numbers its entries `1.` `2.` …. A label out of step
    with the others or with the 附件说明 makes the reader wonder which part is meant.

    ## Example
    ```
    附件：1、森林防火装备购置清单
          2、林区视频监控点建设方案
    ……
    附件一
    森林防火装备购置清单
    ```

    ## Use instead
    ```
    附件：1.森林防火装备购置清单
          2.林区视频监控点建设方案
    ……
    附件1
    森林防火装备购置清单
    ```

    ## Fix safety
    Writing the numeral in Arabic digits, `1、` as `1.` and deleting the colon after a bare label
    are safe: the number stays the same. A label out of sequence is not fixed: which number is
    wrong is for the writer to say.
    """

    code = "AT006"
    name = "attachment-label-form"
    groups = ("attachments",)
    severity = Severity.WARNING
    fixable = Applicability.SAFE
    standard = "GB/T 9704-2012 7.3.4、8"
    messages = {
        "default": ("附件标识“{label}”应使用阿拉伯数字：“附件{number}”（GB/T 9704-2012 8）",
                    "the label {label!r} takes an Arabic numeral: '附件{number}' (GB/T 9704-2012 8)"),
        "colon": ("附件标识“{label}”后不加冒号（GB/T 9704-2012 8）",
                  "no colon after the label {label!r} (GB/T 9704-2012 8)"),
        "sequence": ("附件标识“{label}”的序号不连续，应为“附件{want}”（GB/T 9704-2012 8）",
                     "the label {label!r} skips or repeats a number: '附件{want}' belongs here"),
        "item": ("附件说明的序号应写作“{number}.”，不用“{mark}”（GB/T 9704-2012 7.3.4）",
                 "the 附件说明 numbers its entries '{number}.', not {mark!r} (GB/T 9704-2012 7.3.4)"),
        "unnumbered-label": ("附件不止一个时，附件标识应标明序号：“附件{want}”（GB/T 9704-2012 8）",
                             "with several attachments each label carries its number: '附件{want}' (GB/T 9704-2012 8)"),
        "mark": ("附件标识“{label}”后不加标点符号（GB/T 9704-2012 8）",
                 "no punctuation after the attachment label {label!r} (GB/T 9704-2012 8)"),
        "note-colon": ("附件说明中“附件”后应为全角冒号“：”（GB/T 9704-2012 7.3.4）",
                       "'附件' in the 附件说明 takes a full-width colon (GB/T 9704-2012 7.3.4)"),
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article in ctx.document.articles:
            yield from self._labels(ctx, article)
            note = article.element("attachment_note")
            if note is None:
                continue
            first = note.lines[0]
            half = _HALF_COLON.match(first.text)
            if half is not None:
                at = first.span.start + half.end() - 1
                yield ctx.report(at, at + 1, "note-colon", fix=Fix.replace("改为全角冒号", at, at + 1, "："))
            for item in note.items:
                match = _NOTE_ITEM.match(item.line.text) if item.number is not None else None
                bracketed = _NOTE_BRACKETED.match(item.line.text) if item.number is not None else None
                if bracketed is not None:
                    at, mark = item.line.span.start + bracketed.start(1), bracketed.group(1)
                    fix = Fix.replace("序号改为“N.”", at, at + len(mark), f"{item.number}.")
                    yield ctx.report(at, at + len(mark), "item", fix=fix, number=item.number, mark=mark)
                elif match is not None:
                    at = item.line.span.start + match.start(1)
                    mark = match.group(1)
                    fix = Fix.replace("序号改为“N.”", at, at + len(mark), ".")
                    yield ctx.report(at, at + len(mark), "item", fix=fix, number=item.number,
                                     mark=mark.strip() or "空格")

    def _labels(self, ctx: RuleContext, article: Article) -> Iterator[Finding]:
        parts = _parts(article)
        numbers = [number for number, _, _ in parts]
        sequence_ok = None in numbers or numbers == list(range(1, len(numbers) + 1))
        for index, (number, _, part) in enumerate(parts):
            label = part.element("attachment")
            if label is None:
                continue
            line = label.lines[0]
            text = line.text.strip()
            written = _LABEL.match(text)
            written = written.group(0) if written else ""
            if number is not None and written and not written[-1].isdigit():
                numeral = len(written.rstrip("一二三四五六七八九十"))
                start, end = line.span.start + numeral, line.span.start + len(written)
                fix = Fix.replace("改为阿拉伯数字", start, end, str(number))
                yield ctx.report(line.span.start, line.span.start + len(written), fix=fix, label=written, number=number)
            elif text.endswith(("：", ":")) and text.rstrip("：: \t\u3000") == written:
                fix = Fix.replace("删去冒号", line.span.start + len(written), line.span.end, "")
                yield ctx.report(line.span.start, line.span.end, "colon", fix=fix, label=text)
            elif written and text != written and text.rstrip("、.．。 \t\u3000") == written:
                fix = Fix.replace("删去标点", line.span.start + len(written), line.span.end, "")
                yield ctx.report(line.span.start, line.span.end, "mark", fix=fix, label=text)
            elif number is None and len(parts) > 1 and written == "" and text.rstrip("：: \t\u3000") == "附件":
                yield ctx.report(line.span.start, line.span.end, "unnumbered-label", want=index + 1)
            elif not sequence_ok and number is not None and number != index + 1:
                yield ctx.report(line.span.start, line.span.end, "sequence", label=text, want=index + 1)
                sequence_ok = True  # one finding: the rest follow from it


class AttachmentNoteAfterSignature(Rule):
    """An 附件说明 written under the 落款 instead of above it.

    ## What it does
    Flags an 附件说明 (`附件：1.…`) that comes after the 成文日期 of the 落款.

    ## Why is this bad?
    GB/T 9704-2012 7.3.4: the 附件说明 goes one line under the body, above the 发文机关署名
    and the 成文日期. Under the date it reads as a note added after signing, or as the label of
    an attachment with nothing under it.

    ## Example
    ```
    ……请各学校认真组织实施。
    青山县教育局
    2024年5月6日
    附件：校园安全检查记录表
    ```

    ## Use instead
    ```
    ……请各学校认真组织实施。

    附件：校园安全检查记录表

    青山县教育局
    2024年5月6日
    ```
    """

    code = "AT007"
    name = "attachment-note-after-signature"
    groups = ("attachments",)
    severity = Severity.WARNING
    standard = "GB/T 9704-2012 7.3.4"
    messages = {"default": ("附件说明应在正文之下、落款之上，不应写在成文日期之后（GB/T 9704-2012 7.3.4）",
                            "the 附件说明 goes under the body and above the signature, not after the date")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article in ctx.document.articles:
            note = article.element("attachment_note")
            sig = article.signature
            if note is not None and sig is not None and sig.date is not None and note.span.start > sig.date.span.end:
                line = note.lines[0]
                yield ctx.report(line.span.start, line.span.end)


# 附件2, 附件３, 附件二 cited in the body (见附件2, 详见附件3); not 附件1-3 or 附件12345 (a phone)
_CITED = lazy(r"附件([0-9]{1,2}|[一二三四五六七八九十]{1,3})(?![0-9０-９\-－—~～至、和及])")


class AttachmentCitedMissing(Rule):
    """The body cites an attachment number the document does not have: `详见附件3` with two.

    ## What it does
    Counts the document's attachments (the entries of its 附件说明 and the attached parts
    present, whichever is more) and flags a body line citing `附件N` beyond that count. A
    document with neither an 附件说明 nor an attached part is not judged (its attachments may
    travel as separate files).

    ## Why is this bad?
    GB/T 9704-2012 7.3.4 and 8: every attachment is listed in the 附件说明 and attached with
    its number. A citation of an attachment that is neither listed nor attached sends the reader
    to a document that does not exist (often one dropped from a draft).

    ## Example
    ```
    ……具体标准详见附件2。
    附件：补助标准表
    ```

    ## Use instead
    ```
    ……具体标准详见附件。
    附件：补助标准表
    ```
    """

    code = "AT008"
    name = "attachment-cited-missing"
    groups = ("attachments",)
    severity = Severity.WARNING
    standard = "GB/T 9704-2012 7.3.4、8"
    messages = {"default": ("正文引用的“附件{number}”不存在：本文只有{count}个附件（GB/T 9704-2012 7.3.4）",
                            "the body cites 附件{number}, but the document has {count} attachment(s)")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article in ctx.document.articles:
            if article.is_attachment:
                continue
            count = max(len(_items(article)), len(article.attachments))
            if count == 0:
                continue
            for line in article.body_lines():
                if "附件" not in line.text:
                    continue
                for match in _CITED.finditer(line.text):
                    numeral = match.group(1)
                    number = int(numeral) if numeral.isdigit() else numeral_value(numeral)
                    if number is not None and number > count:
                        at = line.span.start + match.start()
                        yield ctx.report(at, line.span.start + match.end(), number=number, count=count)
                        break


RULES = [AttachmentCountMismatch, AttachmentNoteNumbering, AttachmentNameMismatch, AttachmentNotePunctuation,
         AttachmentNotListed, AttachmentLabelForm, AttachmentNoteAfterSignature, AttachmentCitedMissing]
