"""The Lark parser for grammars/report.lark, built once per process and cached on disk."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import cast

from lark import Lark, Token, Transformer, UnexpectedInput

from reportlint.config.resources import data_dir

GRAMMAR_FILE = "report.lark"


@dataclass(frozen=True)
class RawLine:
    """A classified line: its kind, the marker token (if any) and the rest of the line."""

    kind: str  # compilation | heading | date_line | residue | element | text_line
    start: int
    end: int
    marker_type: str | None = None  # H1..H4, COMPILATION, or an element terminal (ATTACH, DOC_NUMBER…)
    marker_end: int | None = None


@cache
def parser(strict: bool = False) -> Lark:
    path = data_dir("grammars") / GRAMMAR_FILE
    return Lark(
        path.read_text(encoding="utf-8"),
        parser="lalr",
        lexer="contextual",
        cache=not strict,
        strict=strict,
        maybe_placeholders=False,
    )


class _ToLines(Transformer):
    """Tree → list[RawLine]; nothing but offsets leave this module."""

    def start(self, items: list[RawLine]) -> list[RawLine]:
        return items

    def _line(self, kind: str, tokens: list[Token]) -> RawLine:
        first, last = tokens[0], tokens[-1]
        marker = first if first.type != "TEXT" and kind != "date_line" and kind != "residue" else None
        return RawLine(  # the lexer sets every token's positions; lark types them as optional
            kind=kind,
            start=cast(int, first.start_pos),
            end=cast(int, last.end_pos),
            marker_type=marker.type if marker else None,
            marker_end=marker.end_pos if marker else None,
        )

    def compilation(self, tokens: list[Token]) -> RawLine:
        return self._line("compilation", tokens)

    def heading(self, tokens: list[Token]) -> RawLine:
        return self._line("heading", tokens)

    def date_line(self, tokens: list[Token]) -> RawLine:
        return self._line("date_line", tokens)

    def residue(self, tokens: list[Token]) -> RawLine:
        return self._line("residue", tokens)

    def element(self, tokens: list[Token]) -> RawLine:
        return self._line("element", tokens)

    def text_line(self, tokens: list[Token]) -> RawLine:
        return self._line("text_line", tokens)


def classify_lines(text: str) -> tuple[list[RawLine], str | None]:
    """Classify every line; on a parse failure fall back to plain text lines and say why."""
    try:
        tree = parser().parse(text)
    except UnexpectedInput as exc:  # pragma: no cover - TEXT matches any line
        return _fallback(text), f"skeleton grammar failed at line {exc.line}: {exc.__class__.__name__}"
    return _ToLines().transform(tree), None


def _fallback(text: str) -> list[RawLine]:
    lines, pos = [], 0
    for chunk in text.split("\n"):
        if chunk:
            lines.append(RawLine("text_line", pos, pos + len(chunk)))
        pos += len(chunk) + 1
    return lines
