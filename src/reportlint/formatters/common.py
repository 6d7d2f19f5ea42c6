"""Helpers shared by formatters: positions, summaries, fix descriptions."""

from __future__ import annotations

import hashlib
import io
import os
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, Any, TextIO

from reportlint.diagnostics import Diagnostic, Severity
from reportlint.fix.apply import applicable
from reportlint.load.source import Source
from reportlint.messages import say
from reportlint.outcome import Totals


@dataclass(frozen=True)
class Options:
    """What the CLI tells a formatter."""

    lang: str = "zh"
    color: bool = False
    show_summary: bool = True
    statistics: bool = False
    rules: tuple[Any, ...] = ()  # every registered rule class (SARIF lists them all)
    width: int = 100  # terminal columns available to the full view
    column_unit: str = "char"  # --column-unit: columns count characters, UTF-8 bytes or UTF-16 code units


def writable(diag: Diagnostic, source: Source | None = None) -> bool:
    """Whether ``--fix`` can write the fix into this file: in Word, only edits inside one run."""
    from reportlint.fix.apply import writable as fits

    return diag.fix is not None and (source is None or fits(diag.fix, source))


def safe_fix(diag: Diagnostic, source: Source | None = None) -> bool:
    """Marked ``[*]``: ``--fix`` would apply it without asking (the fix loop's own test)."""
    return applicable(diag.fix, False, source)


def fixable(diag: Diagnostic, source: Source | None = None) -> bool:
    """Counted as fixable: ``--fix`` or ``--unsafe-fixes`` would apply it (display-only never)."""
    return applicable(diag.fix, True, source)


def new_totals() -> Totals:
    """Empty run totals that count fixable findings as the reports do."""
    return Totals(fixable)


class Writer:
    """A format written as the run goes: ``file(result)`` for each file in input order as soon as
    it is checked, then ``finish(totals)`` with the run's ``outcome.Totals``. Everything goes to
    ``out``; a writer keeps no file's results after its ``file`` returns. A format that must
    put totals first (SARIF's invocation, JUnit's counts, the HTML page's tables) writes each
    file's part to a spool (a temporary file past a few MiB) and copies it out at the end.

    A format whose text for a file depends on no other file sets ``parts``: ``part(result)`` is
    that text, made without writing, and ``write_part(text)`` writes it where ``file`` would
    (``file`` is the two together). The result cache keeps a file's part (``run/cache.py``), so a
    warm run writes it again without rebuilding the file's findings."""

    parts = False

    def __init__(self, out: TextIO, options: Options) -> None:
        self.out = out
        self.options = options

    def file(self, result: Any) -> None:
        if not self.parts:
            raise NotImplementedError
        self.write_part(self.part(result))

    def part(self, result: Any) -> str:
        raise NotImplementedError

    def write_part(self, text: str | bytes) -> None:
        """Write a part; bytes are a stored part in UTF-8 (see ``write_text``)."""
        write_text(self.out, text)

    def finish(self, totals: Totals) -> None:
        raise NotImplementedError


def write_text(out: IO[str], text: str | bytes) -> None:
    """Write ``text``, or UTF-8 ``bytes`` of a text (a stored part, run/cache.py): straight to the
    stream's binary buffer where the stream would write the same bytes (UTF-8, no newline
    translation), which spares decoding it and encoding it again (~75 ms on 26 MB)."""
    if isinstance(text, str):
        out.write(text)
        return
    buffer = getattr(out, "buffer", None)
    if buffer is not None and os.linesep == "\n" and _utf8(getattr(out, "encoding", None)):
        out.flush()
        buffer.write(text)
    else:
        out.write(text.decode("utf-8"))


def _utf8(encoding: str | None) -> bool:
    import codecs

    try:
        return encoding is not None and codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False


def renderer(writer: Callable[[TextIO, Options], Writer]) -> Callable[[list[Any], Options], str]:
    """``render(results, options) -> str``, the formatter contract, from a streaming writer."""

    def render(results: list[Any], options: Options) -> str:
        buffer = io.StringIO()
        stream = writer(buffer, options)
        totals = new_totals()
        for result in results:
            totals.add(result)
            stream.file(result)
        stream.finish(totals)
        return buffer.getvalue()

    return render


SPOOL_MAX = 4 << 20  # characters a spool keeps in memory before it moves to a temporary file


def spool() -> IO[str]:
    import tempfile  # with shutil, only for the formats that spool

    return tempfile.SpooledTemporaryFile(max_size=SPOOL_MAX, mode="w+", encoding="utf-8", newline="",
                                         errors="surrogateescape")


def copy_spool(source: IO[str], out: TextIO) -> None:
    import shutil

    source.seek(0)
    shutil.copyfileobj(source, out)
    source.close()


class JsonArray:
    """A JSON array written item by item, byte for byte what ``pretty_json`` writes for the whole
    list at ``depth`` levels of nesting (2 spaces each): JSON strings hold no raw newline, so an
    item's own pretty text is indented by prefixing each of its lines."""

    def __init__(self, out: IO[str], depth: int = 0) -> None:
        self.out = out
        self.pad = "  " * (depth + 1)
        self.close_pad = "  " * depth
        self.empty = True

    def add(self, value: Any) -> None:
        self.add_text(self.text(value))

    def text(self, value: Any) -> str:
        """One item as ``add`` writes it, without the separator before it."""
        return self.pad + pretty_json(value)[:-1].replace("\n", "\n" + self.pad)

    def add_text(self, text: str | bytes) -> None:
        """Items made by ``text`` (several joined by ``",\\n"``; bytes: in UTF-8), or nothing for ""."""
        if text:
            self.out.write("[\n" if self.empty else ",\n")
            write_text(self.out, text)
            self.empty = False

    def close(self) -> None:
        self.out.write("[]" if self.empty else f"\n{self.close_pad}]")


def want_color(stream: TextIO) -> bool:
    """Colour on a TTY only; ``NO_COLOR`` (no-color.org) beats ``FORCE_COLOR`` (force-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def severity_word(severity: Severity, lang: str) -> str:
    return say(f"severity_{severity.label}", lang)


@dataclass(frozen=True)
class Located:
    """A diagnostic with its 1-based line/column range (end is exclusive, as in ruff and SARIF)."""

    path: str
    diagnostic: Diagnostic
    line: int
    column: int
    end_line: int
    end_column: int
    source: Source


    def docx_note(self, lang: str) -> str:
        """For a Word file: the paragraph (and table cell, or the part: 页眉, 脚注2 …) with a short
        quote, since Word shows no line numbers; empty for every other format."""
        if self.source.format != "docx":
            return ""
        quote = self.source.excerpt(self.diagnostic.start, self.diagnostic.end)
        where = self.source.layout.paragraphs[self.line - 1].where if self.source.layout else "body"
        part = self.part(lang)
        if part and not where.startswith("table "):
            return say("docx_note_part", lang, part=part, quote=quote)
        if where == "body":
            return say("docx_note_paragraph", lang, line=self.line, quote=quote)
        from reportlint.load.docx import where_label

        cell = where_label(where, lang)
        return say("docx_note_cell", lang, line=self.line, cell=cell, quote=quote)

    def part(self, lang: str) -> str:
        """Where in a Word file outside the body: ``页眉``, ``页脚``, ``脚注2``, ``文本框1``, a table
        cell (``header``, ``footnote 2`` … in English); empty for the body and other formats."""
        if self.source.format != "docx" or self.source.layout is None:
            return ""
        where = self.source.layout.paragraphs[self.line - 1].where
        if where == "body":
            return ""
        from reportlint.load.docx import where_label

        return where_label(where, lang)


def pretty_json(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2) + "\\n"``, byte for byte, but fast.

    The standard library pretty-prints in pure Python: on a 24,000-finding report that is
    ~1.2 s and ~270 MiB of small string pieces. orjson writes the same text in ~0.1 s; values
    it refuses (lone surrogates, integers beyond 64 bits) go through the standard library.
    """
    try:
        import orjson
    except ImportError:  # pragma: no cover - a platform without an orjson wheel
        pass
    else:
        try:
            return orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE).decode("utf-8")
        except TypeError:  # orjson.JSONEncodeError is a TypeError
            pass
    import json

    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


COLUMN_UNITS = ("char", "byte", "utf16")


def column_in(source: Source, line: int, column: int, unit: str = "char") -> int:
    """A 1-based character column of ``line`` counted in ``unit``: ``char`` (code points, the
    default), ``byte`` (UTF-8 bytes, for editors whose error formats count bytes) or ``utf16``
    (UTF-16 code units, as LSP and JavaScript count)."""
    if unit == "char" or column <= 1:
        return column
    start = source.lines.line_start(line)
    prefix = source.original[start:start + column - 1]
    if unit == "byte":
        return len(prefix.encode("utf-8", "surrogatepass")) + 1
    return len(prefix.encode("utf-16-le", "surrogatepass")) // 2 + 1


def located(results: list[Any], unit: str = "char") -> Iterator[Located]:
    """Each diagnostic with its line/column range; columns counted in ``unit`` (see column_in)."""
    for result in results:
        yield from located_in(result, unit)


def located_in(result: Any, unit: str = "char") -> Iterator[Located]:
    """One file's diagnostics with their line/column ranges (nothing for an unread file)."""
    if result.source is None:
        return
    index = result.source.lines
    for diag in result.diagnostics:
        line, col = index.position(diag.start)
        end_line, end_col = index.position(diag.end)
        if unit != "char":
            col = column_in(result.source, line, col, unit)
            end_col = column_in(result.source, end_line, end_col, unit)
        yield Located(result.path, diag, line, col, end_line, end_col, result.source)


def position_dict(source: Source, offset: int, unit: str = "char") -> dict[str, int]:
    line, column = source.lines.position(offset)
    return {"line": line, "column": column_in(source, line, column, unit)}


def fix_dict(source: Source, diag: Diagnostic, unit: str = "char") -> dict[str, Any] | None:
    if diag.fix is None:
        return None
    return {
        "title": diag.fix.title,
        "applicability": diag.fix.applicability.value,
        "edits": [
            {"start": position_dict(source, e.start, unit), "end": position_dict(source, e.end, unit),
             "content": e.content}
            for e in diag.fix.edits
        ],
    }


def summary_line(totals: Totals, lang: str) -> str:
    """The closing line of the human formats, from the run's totals."""
    if totals.crashed:  # a rule crashed: never "no problems" (the run exits 2; stderr names the rule)
        return say("summary_rule_crashed", lang, n=totals.crashed)
    if not totals.findings:
        return say("summary_clean_unread" if totals.unread else "summary_clean", lang,
                   n=totals.checked, unread=totals.unread)
    counts = totals.severities
    parts = say("summary_part_separator", lang).join(
        say(f"summary_{s.label}s", lang, n=counts[s]) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if counts[s])
    text = say("summary_found", lang, n=totals.findings, parts=parts, files=totals.with_findings)
    return text + (say("summary_fixable", lang, n=totals.fixable) if totals.fixable else "")


def write_report(path: str, text: str | IO[bytes]) -> None:
    """``--output-file``: a regular file (or a new one, with default permissions) is replaced
    atomically, so CI never uploads half a report and a failed write leaves nothing behind;
    anything else (``/dev/stdout``, ``/dev/null``, a FIFO) is written as it is, never replaced.
    ``text`` is the report, or a binary spool holding it in UTF-8 (the streamed report)."""
    from reportlint.fix.writer import write_atomic, write_in_place

    data = text.encode("utf-8", "surrogateescape") if isinstance(text, str) else text
    if path.startswith(("/dev/", "/proc/")):  # /dev/stdout and friends: the descriptor, not a file to replace
        write_in_place(path, data)
    else:
        write_atomic(path, data)


FINGERPRINT_CONTEXT = 12  # characters either side of the span: identify a finding without its line number


def anchor(item: Located) -> str:
    """The flagged text with a little of its line around it: moves with the text, not the line."""
    text = item.source.text
    start, end = item.diagnostic.start, item.diagnostic.end
    line_start, line_end = item.source.lines.line_span(item.line)
    return text[max(line_start, start - FINGERPRINT_CONTEXT):min(max(line_end, end), end + FINGERPRINT_CONTEXT)]


def fingerprints(items: list[Located]) -> list[str]:
    """Stable across edits elsewhere in the file; identical findings are numbered to stay unique."""
    seen: Counter[tuple[str, ...]] = Counter()
    out = []
    for item in items:
        key = (item.path, item.diagnostic.code, anchor(item))
        seen[key] += 1
        digest = hashlib.sha256("\0".join((*key, str(seen[key]))).encode("utf-8"))
        out.append(digest.hexdigest())
    return out
