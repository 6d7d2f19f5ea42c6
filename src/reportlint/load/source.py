"""Load bytes into a Source: decoded text, encoding, BOM, newline style and a line index."""

from __future__ import annotations

import codecs
import re
from array import array
from bisect import bisect_right
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from reportlint.messages import LocalisedError, Message

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


EXCERPT_WIDTH = 24  # characters quoted around a finding (docx output)


class SourceError(LocalisedError):
    """An input that cannot be read or decoded; the CLI prints it on one line and exits 2.

    ``reason`` is a catalogue Message (plain text from a plugin's reader is shown as given).
    """

    def __init__(self, path: str, reason: str | Message) -> None:
        super().__init__(path, reason)

    @property
    def path(self) -> str:
        return self.where or ""


def display_name(path: str) -> str:
    """A path as reports show it: bytes that were not UTF-8 (``os.fsdecode`` keeps them as lone
    surrogates) become ``\\xff`` escapes, so every output format, JSON included, stays valid."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return path


class LineIndex:
    """Offset ⇄ (line, column), both 1-based, columns counted in code points."""

    def __init__(self, text: str) -> None:
        starts = array("q", [0])  # not a list of int objects: ~0.7 MB less per MB of short lines
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._starts = starts
        self._len = len(text)

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, self._len))
        line = bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]

    def line_span(self, line: int) -> tuple[int, int]:
        """Offsets of a line's text, without its newline."""
        start = self._starts[line - 1]
        end = self._starts[line] - 1 if line < len(self._starts) else self._len
        return start, end

    def offset(self, line: int, column: int) -> int:
        return self._starts[line - 1] + column - 1


def detect_newline(text: str) -> str | None:
    """The file's newline style, or None when it mixes styles (then it is never rewritten)."""
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    cr = text.count("\r") - crlf
    kinds = [(n, nl) for n, nl in ((crlf, "\r\n"), (lf, "\n"), (cr, "\r")) if n]
    if len(kinds) > 1:
        return None
    return kinds[0][1] if kinds else "\n"


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass(frozen=True)
class Source:
    """One input document.

    ``text`` is what rules see: newlines normalised to ``\\n``; readers for markup formats blank
    out what must not be linted with spaces of the same length, so every offset still points at
    the same character of ``original``.
    """

    path: str
    text: str
    original: str
    encoding: str = "utf-8"
    bom: bool = False
    newline: str | None = "\n"
    format: str = "text"
    lossless: bool = True
    # (start, end, body) of comments readers took out of the text: suppression directives live here
    comments: tuple[tuple[int, int, str], ...] = ()
    # (start, end) ranges blanked because they are markup, not prose; nothing is reported there
    masks: tuple[tuple[int, int], ...] = ()
    # line number → markup heading level (0 = document title, 1 = first heading level): `#`, Word styles
    heading_hints: Mapping[int, int] = field(default_factory=dict, compare=False)
    # reader-specific layout, e.g. the .docx paragraph and run map the fix engine needs
    layout: Any = field(default=None, repr=False, compare=False)
    lines: LineIndex = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "lines", LineIndex(self.text))

    @classmethod
    def from_text(cls, text: str, path: str = "<string>", **kwargs: Any) -> Source:
        """A plain-text Source from decoded text (tests, stdin, the .txt reader).

        A line holding only a ``<!-- reportlint-… -->`` directive is taken out of the text, so
        suppressions work in .txt exactly as in Markdown.
        """
        kwargs.setdefault("newline", detect_newline(text))
        norm = normalise_newlines(text)
        lintable, comments = blank_directive_lines(norm)
        return cls(path=path, text=lintable, original=norm, comments=comments,
                   masks=tuple((s, e) for s, e, _ in comments), **kwargs)

    def rescan(self, original: str) -> Source:
        """This source with ``original`` edited, read again the way its reader read it, so that
        blanked markup, suppression comments and heading hints follow the edit (the fix loop)."""
        rescan = RESCANNERS.get(self.format)
        if rescan is not None:
            fresh = rescan(original, self.path)
        elif self.format == "text":
            fresh = Source.from_text(original, self.path)
        else:  # a reader without rescanner (docx): the text has no markup, nothing else moves
            return replace(self, text=original, original=original)
        return replace(fresh, encoding=self.encoding, bom=self.bom, newline=self.newline,
                       format=self.format, lossless=self.lossless, layout=self.layout)

    def encode(self, text: str | None = None) -> bytes:
        """``text`` (default: ``original``) in this file's encoding, BOM and newline style."""
        out = self.original if text is None else text
        if self.newline and self.newline != "\n":
            out = out.replace("\n", self.newline)
        return (("\ufeff" if self.bom else "") + out).encode(self.encoding)

    def excerpt(self, start: int, end: int, width: int = EXCERPT_WIDTH) -> str:
        """A short quote around a finding, within its line, so a reader can find it by eye."""
        line_start, line_end = self.lines.line_span(self.lines.position(start)[0])
        end = min(max(end, start + 1), line_end, start + width)
        room = max(width - (end - start), 0)
        lo = max(line_start, start - room // 2)
        hi = min(line_end, max(end, lo + width))
        quote = self.original[lo:hi].strip()
        return ("…" if lo > line_start else "") + quote + ("…" if hi < line_end else "")


# format → (normalised text, path) -> Source; a markup reader registers itself when imported
RESCANNERS: dict[str, Callable[[str, str], Source]] = {}
_DIRECTIVE_LINE = re.compile(r"^[ \t\u3000]*(<!--\s*reportlint-[^\n]*?-->)[ \t\u3000]*$", re.MULTILINE)


def blank_directive_lines(text: str) -> tuple[str, tuple[tuple[int, int, str], ...]]:
    """Blank whole-line ``<!-- reportlint-… -->`` comments; return the text and the comments."""
    if "reportlint-" not in text:
        return text, ()
    found = tuple((m.start(1), m.end(1), m.group(1)) for m in _DIRECTIVE_LINE.finditer(text))
    return blank(text, [(s, e) for s, e, _ in found]), found


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace each span with spaces, keeping newlines, so every offset keeps its meaning."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def decode(data: bytes, path: str, encoding: str | None = None) -> tuple[str, str, bool]:
    """Decode strictly; return (text, encoding, had_bom). Never guesses lossy."""
    if encoding:
        try:
            info = codecs.lookup(encoding)
        except (LookupError, ValueError, TypeError):
            info = None
        if info is None or not getattr(info, "_is_text_encoding", True):  # rot13, hex, base64 are not text encodings
            raise SourceError(path, Message("unknown_encoding", encoding=encoding))
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise SourceError(path, Message("not_valid_encoding", encoding=encoding, byte=exc.start)) from None
        except (LookupError, ValueError, TypeError):
            raise SourceError(path, Message("unknown_encoding", encoding=encoding)) from None
        bom = text.startswith("\ufeff")
        return (text[1:] if bom else text), encoding, bom
    for bom_bytes, name in BOMS:
        if data.startswith(bom_bytes):
            try:
                return data[len(bom_bytes):].decode(name), name, True
            except UnicodeDecodeError as exc:
                raise SourceError(path, Message("not_valid_encoding", encoding=name, byte=exc.start)) from None
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError as exc:
        return _detect(data, path, exc)


# Chinese encodings in the order a tie is broken: mainland offices write GB18030/GBK far more
# often than Big5, and short texts are valid in several of them.
CHINESE_ENCODINGS = {"gb18030": "gb18030", "gbk": "gb18030", "gb2312": "gb18030",
                     "big5": "big5", "big5hkscs": "big5hkscs", "cp950": "cp950"}


def _detect(data: bytes, path: str, utf8_error: UnicodeDecodeError) -> tuple[str, str, bool]:
    """Not UTF-8: ask charset-normalizer, preferring the Chinese encodings among its candidates.

    Its single best guess is unreliable on short Chinese texts (a 16-byte GBK line comes out
    as Korean cp949), but GB18030 or Big5 is nearly always among the candidates it keeps; GBK
    and GB2312 are decoded as GB18030, their superset, so no character is lost.
    """
    from charset_normalizer import from_bytes  # only non-UTF-8 input pays for the import

    candidates = {name for match in from_bytes(data) for name in match.could_be_from_charset}
    for name, codec in CHINESE_ENCODINGS.items():
        if name in candidates:
            try:
                return data.decode(codec), codec, False
            except UnicodeDecodeError:
                continue
    raise SourceError(path, Message("undetectable", byte=utf8_error.start))


def read_bytes(path: str) -> bytes:
    """A document's bytes: a regular file or standard input, at most REPORTLINT_MAX_BYTES."""
    from reportlint.config.datafiles import ReadRefused, read_limited

    try:
        return read_limited(path)
    except ReadRefused as exc:
        raise SourceError(path, Message(exc.key, **exc.fields)) from None
    except FileNotFoundError:
        raise SourceError(path, Message("no_such_file")) from None
    except IsADirectoryError:
        raise SourceError(path, Message("is_directory")) from None
    except PermissionError:
        raise SourceError(path, Message("permission_denied")) from None
    except OSError as exc:
        raise SourceError(path, exc.strerror or str(exc)) from None


_WIDE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
# Office files renamed or exported as .txt: say what they are, not just "binary"
_CONTAINERS = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "text_is_ole"),
    (b"PK\x03\x04", "text_is_zip"),
    (b"%PDF-", "text_is_pdf"),
)
# C0 controls other than tab, newlines, form feed and escape: text files do not contain them
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")


def decode_text(data: bytes, path: str, encoding: str | None = None) -> tuple[str, str, bool]:
    """Refuse binary input, then decode; shared by every text-based reader."""
    wide = data.startswith(_WIDE_BOMS) or bool(encoding and encoding.lower().replace("_", "-")
                                                 .startswith(("utf-16", "utf-32", "utf16", "utf32")))
    for magic, what in _CONTAINERS:
        if data.startswith(magic):
            raise SourceError(path, Message(what))
    if b"\x00" in data[:8192] and not wide:
        raise SourceError(path, Message("binary_nul"))
    text, enc, bom = decode(data, path, encoding)
    if len(_CONTROL.findall(text[:8192])) > 8:
        raise SourceError(path, Message("binary_control", encoding=enc))
    return text, enc, bom


def load_text(data: bytes, path: str, encoding: str | None = None) -> Source:
    """Plain text reader; ``lossless`` says whether re-encoding gives back exactly ``data``."""
    text, enc, bom = decode_text(data, path, encoding)
    source = Source.from_text(text, path, encoding=enc, bom=bom)
    return _with_lossless(source, data)


def _with_lossless(source: Source, data: bytes) -> Source:
    try:
        same = source.newline is not None and source.encode() == data
    except UnicodeEncodeError:
        same = False
    return source if same else replace(source, lossless=False)


Reader = Callable[[bytes, str, "str | None"], Source]


def load(path: str, encoding: str | None = None, display_path: str | None = None,
         readers: Mapping[str, Reader] | None = None) -> Source:
    """Read a file (or ``-`` for stdin) into a Source, choosing the reader by suffix.

    ``readers`` maps a lower-case suffix to a reader (the ``reportlint_readers`` hook); any
    other suffix is read as plain text.
    """
    return from_bytes(read_bytes(path), display_path or path, encoding, readers)


def from_bytes(data: bytes, shown: str, encoding: str | None = None,
               readers: Mapping[str, Reader] | None = None) -> Source:
    """The Source of a file's bytes (see ``load``): decided by the bytes, the path shown (its
    suffix picks the reader), the encoding asked for and the readers, nothing else."""
    reader = (readers or {}).get(Path(shown).suffix.lower(), load_text)
    return reader(data, shown, encoding)
