"""The Lark parser for grammars/report.lark, built once per process and cached on disk."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any, cast

from lark import Lark, Token, Transformer, UnexpectedInput

from reportlint.config.resources import data_dir
from reportlint.text import recache

GRAMMAR_FILE = "report.lark"


@dataclass(frozen=True, slots=True)
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
    grammar = path.read_text(encoding="utf-8")
    built = Lark(
        grammar,
        parser="lalr",
        lexer="contextual",
        cache=False if strict else (_cache_file(grammar) or False),
        strict=strict,
        maybe_placeholders=False,
        # applied as each line is reduced: no parse tree is kept (a tree node and its tokens
        # per line took ~13 MB per MB of text, and the freed nodes left the heap fragmented)
        transformer=_ToLines(),
    )
    _compile_through_cache(built)
    return built


class _CachedRe:
    """The ``re`` module as lark's lexers use it, but compiling through ``recache``."""

    compile = staticmethod(recache.compile)

    def __getattr__(self, name: str) -> Any:
        return getattr(re, name)


def _compile_through_cache(built: Lark) -> None:
    """Let lark's lexers compile their scanners (~12 ms, on the first parse) through ``recache``.

    Each of lark's lexers compiles with the ``re`` it holds; one of another lark layout is left
    as it is (the patterns are equal either way).
    """
    lexer = getattr(getattr(built, "parser", None), "lexer", None)
    for each in [*getattr(lexer, "lexers", {}).values(), getattr(lexer, "root_lexer", None)]:
        if getattr(each, "re", None) is re:
            each.re = _CachedRe()


def _cache_file(grammar: str) -> str | None:
    """Where lark may keep the built parser, or None (build it, ~0.5 s): a folder only we can write.

    lark's cache is a pickle, and unpickling runs code: lark's default place for it, a name
    in the world-writable temporary folder, lets any local user plant one. So the cache goes
    in our cache folder, used only when that folder and the file are owned by this user and
    writable by no one else (group or others); otherwise the parser is built every time.
    """
    import hashlib
    import os
    import stat
    import sys

    from lark import __version__ as lark_version

    from reportlint.config.datafiles import cache_dir

    folder = cache_dir()
    if folder is None or not hasattr(os, "geteuid"):
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    digest = hashlib.sha256(grammar.encode("utf-8")).hexdigest()[:16]
    entry = folder / f"lark-{digest}-{lark_version}-py{sys.version_info[0]}{sys.version_info[1]}.pickle"
    for where, must_exist in ((folder, True), (entry, False)):
        try:
            info = os.lstat(where)
        except FileNotFoundError:
            if must_exist:
                return None
            continue
        except OSError:
            return None
        kind_ok = stat.S_ISDIR(info.st_mode) if where is folder else stat.S_ISREG(info.st_mode)
        if not kind_ok or info.st_uid != os.geteuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            return None
    return str(entry)


class _ToLines(Transformer):
    """Tree → list[RawLine]; nothing but offsets leave this module."""

    def start(self, items: list[RawLine]) -> list[RawLine]:
        return items

    def _raw(self, kind: str, tokens: list[Token]) -> RawLine:
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
        return self._raw("compilation", tokens)

    def heading(self, tokens: list[Token]) -> RawLine:
        return self._raw("heading", tokens)

    def date_line(self, tokens: list[Token]) -> RawLine:
        return self._raw("date_line", tokens)

    def residue(self, tokens: list[Token]) -> RawLine:
        return self._raw("residue", tokens)

    def element(self, tokens: list[Token]) -> RawLine:
        return self._raw("element", tokens)

    def text_line(self, tokens: list[Token]) -> RawLine:
        return self._raw("text_line", tokens)


def classify_lines(text: str) -> tuple[list[RawLine], str | None]:
    """Classify every line; on a parse failure fall back to plain text lines and say why."""
    try:
        lines = cast(list[RawLine], parser().parse(text))  # the transformer's result, not a tree
    except UnexpectedInput as exc:  # pragma: no cover - TEXT matches any line
        return _fallback(text), f"skeleton grammar failed at line {exc.line}: {exc.__class__.__name__}"
    return lines, None


def _fallback(text: str) -> list[RawLine]:
    lines, pos = [], 0
    for chunk in text.split("\n"):
        if chunk:
            lines.append(RawLine("text_line", pos, pos + len(chunk)))
        pos += len(chunk) + 1
    return lines
