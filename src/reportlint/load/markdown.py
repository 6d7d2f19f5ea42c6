"""Markdown reader: prose and headings are linted; code, front matter, HTML and link targets are not."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from reportlint.load.source import (
    RESCANNERS,
    Source,
    _with_lossless,
    decode_text,
    detect_newline,
    normalise_newlines,
)

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^( {0,3})(#{1,6})(?:[ \t]+|$)")
_ATX_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_HTML_BLOCK = re.compile(r"^ {0,3}<(?:!--|\?|![A-Za-z]|/?[A-Za-z][A-Za-z0-9-]*(?:[\s/>]|$))")
_LINK_DEF = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S")
_QUOTE = re.compile(r"^(?: {0,3}>[ \t]?)+")
_BULLET = re.compile(r"^[ \t]*[-*+][ \t]+")
_ORDERED = re.compile(r"^[ \t]*[0-9]{1,9}[.)][ \t]+")
_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)

# inline constructs, applied in this order to what earlier steps left unmasked
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")
_TARGET = r"\((?:[^()\n]|\([^()\n]*\))*\)"  # a link destination may hold balanced parentheses
# Link and image text stops at a bracket: with "[^\]\n]*", every "[" of a line of 50,000 scanned
# to the line's end (quadratic, ~20 s); nested brackets in link text are rare in reports.
_IMAGE = re.compile(r"!\[[^\[\]\n]*\]" + _TARGET)
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^>\s]*>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>")
_LINK = re.compile(r"(\[)[^\[\]\n]*(\]" + _TARGET + r"|\]\[[^\[\]\n]*\])")
_URL = re.compile(r"(?:https?|ftp)://[!-~]+")
_STRONG = re.compile(r"\*\*|(?<!_)__(?!_)|~~")  # a run of three or more underscores is a blank, not emphasis
_EM = re.compile(r"(?<![*\\])\*(?=[^\s*])[^*\n]*?(?<=[^\s*\\])\*(?!\*)")
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])|\\$")


@dataclass
class _Scan:
    """The working copy of the text, blanked as markup is found; offsets never move."""

    chars: list[str]
    masks: list[tuple[int, int]] = field(default_factory=list)
    comments: list[tuple[int, int, str]] = field(default_factory=list)
    hints: dict[int, int] = field(default_factory=dict)

    def cut(self, start: int, end: int) -> None:
        if end <= start:
            return
        for i in range(start, end):
            if self.chars[i] != "\n":
                self.chars[i] = " "
        self.masks.append((start, end))

    def comments_in(self, text: str, start: int, end: int) -> None:
        for m in _COMMENT.finditer(text, start, end):
            self.comments.append((m.start(), m.end(), m.group(0)))


def read(data: bytes, path: str, encoding: str | None = None) -> Source:
    decoded, enc, bom = decode_text(data, path, encoding)
    source = from_text(normalise_newlines(decoded), path)
    return _with_lossless(replace(source, encoding=enc, bom=bom, newline=detect_newline(decoded)), data)


def from_text(text: str, path: str) -> Source:
    """A Markdown Source from text with ``\n`` newlines (also how the fix loop re-reads it)."""
    scan = scan_markdown(text)
    return Source(path=path, text="".join(scan.chars), original=text, format="markdown",
                  comments=tuple(scan.comments), masks=tuple(_merge(scan.masks)), heading_hints=scan.hints)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def scan_markdown(text: str) -> _Scan:
    """Walk the lines once, block constructs first; whatever stays prose gets the inline pass."""
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    scan = _Scan(list(text))
    i = _front_matter(lines, starts, scan)
    prev_blank, in_list, table = True, False, False
    while i < len(lines):
        line, start = lines[i], starts[i]
        end = start + len(line)
        blank_line = not line.strip()
        if blank_line:
            prev_blank, table = True, False
            i += 1
            continue
        if _FENCE.match(line):
            i = _fenced(lines, starts, i, scan)
        elif line.startswith(("    ", "\t")) and prev_blank and not in_list:
            i = _indented(lines, starts, i, scan)
        elif _HTML_BLOCK.match(line) and (prev_blank or line.lstrip().startswith("<!--")):
            i = _html_block(text, lines, starts, i, scan)
        elif _LINK_DEF.match(line) or _BREAK.match(line) and prev_blank:
            scan.cut(start, end)
            i += 1
        elif _SETEXT.match(line) and not prev_blank and i > 0:
            scan.hints[i] = 0 if line.strip()[0] == "=" else 1  # line i is the heading (1-based i)
            scan.cut(start, end)
            i += 1
        else:
            if prev_blank and not line.startswith((" ", "\t")):
                in_list = False
            table = table or (i + 1 < len(lines) and "|" in line and bool(_TABLE_RULE.match(lines[i + 1])))
            in_list = _prose_line(text, line, start, i + 1, scan, table) or in_list
            i += 1
            prev_blank = False
            continue
        prev_blank = False
    return scan


def _front_matter(lines: list[str], starts: list[int], scan: _Scan) -> int:
    """YAML (---) or TOML (+++) front matter at the very top is metadata, not prose."""
    if not lines or lines[0].rstrip() not in ("---", "+++"):
        return 0
    fence = lines[0].rstrip()
    for j in range(1, len(lines)):
        if lines[j].rstrip() in (fence, "..." if fence == "---" else fence):
            scan.cut(0, starts[j] + len(lines[j]))
            return j + 1
    return 0


def _fenced(lines: list[str], starts: list[int], i: int, scan: _Scan) -> int:
    opening = _FENCE.match(lines[i]).group(1)  # type: ignore[union-attr]
    close = re.compile(rf"^ {{0,3}}{re.escape(opening[0])}{{{len(opening)},}}[ \t]*$")
    j = i + 1
    while j < len(lines) and not close.match(lines[j]):
        j += 1
    last = min(j, len(lines) - 1)  # an unclosed fence runs to the end of the file
    scan.cut(starts[i], starts[last] + len(lines[last]))
    return last + 1


def _indented(lines: list[str], starts: list[int], i: int, scan: _Scan) -> int:
    j = i
    while j < len(lines) and (lines[j].startswith(("    ", "\t")) or not lines[j].strip()):
        j += 1
    while j > i and not lines[j - 1].strip():
        j -= 1
    scan.cut(starts[i], starts[j - 1] + len(lines[j - 1]))
    return j


def _html_block(text: str, lines: list[str], starts: list[int], i: int, scan: _Scan) -> int:
    """A comment runs to ``-->``; any other HTML block runs to the next blank line."""
    start = starts[i]
    if lines[i].lstrip().startswith("<!--"):
        close = text.find("-->", start)
        end = len(text) if close == -1 else close + 3
        j = text.count("\n", 0, end)
        end = starts[j] + len(lines[j])
    else:
        j = i
        while j + 1 < len(lines) and lines[j + 1].strip():
            j += 1
        end = starts[j] + len(lines[j])
    scan.comments_in(text, start, end)
    scan.cut(start, end)
    return j + 1


def _prose_line(text: str, line: str, start: int, number: int, scan: _Scan, table: bool) -> bool:
    """Blank a prose line's markup; return True when it opens a list item."""
    pos = 0
    quote = _QUOTE.match(line)
    if quote:
        scan.cut(start, start + quote.end())
        pos = quote.end()
    heading = _ATX.match(line[pos:])
    is_list = False
    if heading:
        hashes = len(heading.group(2))
        scan.hints[number] = hashes - 1
        prefix_end = pos + heading.end()
        scan.cut(start + pos, start + prefix_end)
        closing = _ATX_CLOSE.search(line, prefix_end)
        if closing:
            scan.cut(start + closing.start(), start + len(line))
    else:
        bullet = _BULLET.match(line[pos:])
        if bullet:
            scan.cut(start + pos, start + pos + bullet.end())
        is_list = bool(bullet or _ORDERED.match(line[pos:]))
    _inline(text, start, start + len(line), scan)
    if table:
        _table_pipes(line, start, scan)
    return is_list


def _inline(text: str, start: int, end: int, scan: _Scan) -> None:
    for pattern in (_CODE_SPAN, _COMMENT, _IMAGE, _AUTOLINK, _TAG):
        working = "".join(scan.chars[start:end])
        for m in pattern.finditer(working):
            if pattern is _COMMENT:
                # the comment as written: a code span inside it was blanked in the working copy
                scan.comments.append((start + m.start(), start + m.end(), text[start + m.start():start + m.end()]))
            scan.cut(start + m.start(), start + m.end())
    working = "".join(scan.chars[start:end])
    for m in _LINK.finditer(working):
        scan.cut(start + m.start(1), start + m.end(1))
        scan.cut(start + m.start(2), start + m.end(2))
    for pattern in (_URL, _STRONG, _ESCAPE):
        working = "".join(scan.chars[start:end])
        for m in pattern.finditer(working):
            scan.cut(start + m.start(), start + m.end())
    working = "".join(scan.chars[start:end])
    for m in _EM.finditer(working):
        scan.cut(start + m.start(), start + m.start() + 1)
        scan.cut(start + m.end() - 1, start + m.end())


def _table_pipes(line: str, start: int, scan: _Scan) -> None:
    if _TABLE_RULE.match(line):
        scan.cut(start, start + len(line))
        return
    for k, ch in enumerate(line):
        if ch == "|" and (k == 0 or line[k - 1] != "\\"):
            scan.cut(start + k, start + k + 1)


RESCANNERS["markdown"] = from_text
