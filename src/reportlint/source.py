"""Load bytes into a Source: decoded text, encoding, BOM, newline style and a line index."""

from __future__ import annotations

import codecs
import sys
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class SourceError(Exception):
    """An input that cannot be read or decoded; the CLI prints it on one line and exits 2."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class LineIndex:
    """Offset ⇄ (line, column), both 1-based, columns counted in code points."""

    def __init__(self, text: str) -> None:
        starts = [0]
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
    lines: LineIndex = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "lines", LineIndex(self.text))

    @classmethod
    def from_text(cls, text: str, path: str = "<string>", **kwargs: object) -> Source:
        """A Source from already decoded text (tests, stdin, other readers)."""
        newline = detect_newline(text)
        norm = normalise_newlines(text)
        return cls(path=path, text=norm, original=norm, newline=newline, **kwargs)  # type: ignore[arg-type]


def decode(data: bytes, path: str, encoding: str | None = None) -> tuple[str, str, bool]:
    """Decode strictly; return (text, encoding, had_bom). Never guesses lossy."""
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise SourceError(path, f"unknown encoding {encoding!r}") from None
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise SourceError(path, f"not valid {encoding} at byte {exc.start}") from None
        bom = text.startswith("\ufeff")
        return (text[1:] if bom else text), encoding, bom
    for bom_bytes, name in BOMS:
        if data.startswith(bom_bytes):
            try:
                return data[len(bom_bytes):].decode(name), name, True
            except UnicodeDecodeError as exc:
                raise SourceError(path, f"not valid {name} at byte {exc.start}") from None
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError as exc:
        return _detect(data, path, exc)


def _detect(data: bytes, path: str, utf8_error: UnicodeDecodeError) -> tuple[str, str, bool]:
    """Fallback for non-UTF-8 input; other encodings plug in here."""
    raise SourceError(path, f"not valid UTF-8 at byte {utf8_error.start} (use --encoding)")


def read_bytes(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    p = Path(path)
    try:
        return p.read_bytes()
    except FileNotFoundError:
        raise SourceError(path, "no such file") from None
    except IsADirectoryError:
        raise SourceError(path, "is a directory") from None
    except PermissionError:
        raise SourceError(path, "permission denied") from None
    except OSError as exc:
        raise SourceError(path, exc.strerror or str(exc)) from None


def load_text(data: bytes, path: str, encoding: str | None = None) -> Source:
    """Plain text reader."""
    if b"\x00" in data[:8192] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        if encoding is None or not encoding.lower().startswith("utf-16"):
            raise SourceError(path, "binary file (contains NUL bytes)")
    text, enc, bom = decode(data, path, encoding)
    newline = detect_newline(text)
    norm = normalise_newlines(text)
    return Source(path=path, text=norm, original=norm, encoding=enc, bom=bom, newline=newline)


def load(path: str, encoding: str | None = None, display_path: str | None = None) -> Source:
    """Read a file (or ``-`` for stdin) into a Source, choosing the reader by suffix."""
    shown = display_path or path
    data = read_bytes(path)
    return load_text(data, shown, encoding)
