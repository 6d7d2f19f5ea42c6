"""Regular expressions compiled on first use, so that importing a rule module compiles nothing.

Compiling is most of a rule module's import cost (a CJK class such as ``[\\u4e00-\\u9fff]``
alone takes ~1 ms), and a check of one document needs only some of the patterns.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """Stands in for ``re.compile(pattern, flags)``; compiles when a method is first used.

    The compiled pattern's bound methods are then stored on the instance, so later calls
    cost no more than on a compiled pattern.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # copy, pickle and friends probe for dunders
            raise AttributeError(name)
        compiled = self.compiled()
        return getattr(compiled, name)

    def compiled(self) -> re.Pattern[str]:
        compiled = re.compile(self.pattern, self._flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        return compiled

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r})"


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    """A pattern compiled when first used (see LazyPattern)."""
    return LazyPattern(pattern, flags)


def finditer_at(pattern: Any, text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, trying only the ascending ``starts``.

    ``starts`` must hold every offset where a match of ``pattern`` can begin (more do no
    harm) and the pattern must never match the empty string: the matches are then those of
    ``finditer``, found without running the pattern at every offset of a long text.
    Lookbehinds still see the text before each start.
    """
    end = -1
    for start in starts:
        if start < end:
            continue
        found = pattern.match(text, start)
        if found:
            end = found.end()
            yield found


class AtStarts:
    """A pattern whose ``finditer`` tries only the offsets ``starts(text)`` names (see finditer_at).

    For patterns that open with a lookbehind, which denies the regex engine its fast scan for a
    first character: a few ``str.find`` calls usually pin down the few places worth trying.
    """

    def __init__(self, pattern: str, starts: Callable[[str], Iterable[int]]) -> None:
        self.pattern = LazyPattern(pattern)
        self.starts = starts

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return finditer_at(self.pattern, text, self.starts(text))


class Gated:
    """A pattern whose ``finditer`` runs only on texts holding ``needle``, as every match does."""

    def __init__(self, pattern: str, needle: str) -> None:
        self.pattern = LazyPattern(pattern)
        self.needle = needle

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text) if self.needle in text else iter(())


def find_all(text: str, needle: str) -> Iterator[int]:
    """Every offset of ``needle`` in ``text``, overlapping ones included."""
    at = text.find(needle)
    while at != -1:
        yield at
        at = text.find(needle, at + 1)


def offsets(text: str, chars: Iterable[str]) -> list[int]:
    """Every offset of any of ``chars`` in ``text``, ascending (str.find: no regex to compile)."""
    return sorted(at for char in chars for at in find_all(text, char))


class _Unsupported(Exception):
    """Syntax the gate finder does not follow (flags, conditionals …): no gate then."""


_SPECIALS = frozenset("\\.^$*+?{}[]()|")
_QUANTIFIER = LazyPattern(r"\{[0-9]*,?[0-9]*\}")
_ESCAPE_WIDTH = {"x": 4, "u": 6, "U": 10}


Item = tuple[str, ...]  # alternatives: one of them occurs
Gates = tuple[tuple[Item, ...], ...]  # a choice of conjunctions of items


def literal_gates(pattern: str) -> Gates:
    """Strings that any text the pattern matches in must contain, for a test before compiling.

    The result lists one conjunction per top-level branch of the pattern; each conjunction
    lists items, and an item is a tuple of alternatives. A text the pattern matches in holds,
    for some conjunction, an alternative of every item (see passes_gates). Only unquantified
    literal runs, and groups of them, count; anything else (classes, escapes, negative
    lookarounds) is skipped. Syntax that could change what a literal means (inline flags,
    conditionals) gives no gates at all: ``()``, which lets every text through. Assumes the
    pattern is compiled without flags.
    """
    if is_literal(pattern):
        return (((pattern,),),) if pattern else ()
    try:
        branches, end = _branches(pattern, 0)
    except (_Unsupported, IndexError):
        return ()
    if end != len(pattern) or not all(branches):
        return ()  # a branch without a literal may match anywhere
    # the longest first: rare strings rule a text out soonest
    return tuple(tuple(sorted(items, key=lambda i: -min(map(len, i)))) for items in branches)


def is_literal(pattern: str) -> bool:
    """Whether the pattern has no special character: it matches just itself."""
    return _SPECIALS.isdisjoint(pattern)


def passes_gates(text: str, gates: Gates) -> bool:
    """Whether ``text`` may hold a match: always when there are no gates."""
    return not gates or any(all(any(alt in text for alt in item) for item in conjunction)
                            for conjunction in gates)


def _either(branches: list[list[Item]]) -> Item:
    """One item for an alternation: the best item of every branch, or none if one has none."""
    if not all(branches):
        return ()
    return tuple(alt for items in branches for alt in max(items, key=lambda i: min(map(len, i))))


def _branches(p: str, i: int) -> tuple[list[list[Item]], int]:
    """The items of each ``|`` branch from ``i`` to the closing ``)`` or the end."""
    branches: list[list[Item]] = [[]]
    run = ""
    while i < len(p) and p[i] != ")":
        char = p[i]
        if char == "|":
            branches[-1] += [(run,)] if run else []
            branches.append([])
            run, i = "", i + 1
            continue
        items, i, literal = _atom(p, i)
        quantified = _quantifier(p, i)
        if quantified != i:
            items, literal, i = [], "", quantified
        if literal:
            run += literal
            continue
        if run:
            branches[-1].append((run,))
            run = ""
        branches[-1] += items
    branches[-1] += [(run,)] if run else []
    return branches, i


def _atom(p: str, i: int) -> tuple[list[Item], int, str]:
    """(items, next offset, literal character or "") of the atom at ``i``."""
    char = p[i]
    if char == "(":
        return _group(p, i)
    if char == "[":
        j = i + 1 + (p[i + 1] == "^")
        j += p[j] == "]"
        while p[j] != "]":
            j += 2 if p[j] == "\\" else 1
        return [], j + 1, ""
    if char == "\\":
        kind = p[i + 1]
        if kind in _ESCAPE_WIDTH:
            return [], i + _ESCAPE_WIDTH[kind], ""
        if kind == "N":
            return [], p.index("}", i) + 1, ""
        j = i + 2
        while kind.isdigit() and j < len(p) and p[j].isdigit():
            j += 1
        return [], j, ""
    if char in ".^$":
        return [], i + 1, ""
    if char in "*+?{":
        raise _Unsupported(char)
    return [], i + 1, char


def _group(p: str, i: int) -> tuple[list[Item], int, str]:
    counts = True  # whether the group's content must occur in the text
    if p.startswith("(?", i):
        heads = (("(?:", True), ("(?=", True), ("(?<=", True), ("(?!", False), ("(?<!", False))
        for head, keep in heads:
            if p.startswith(head, i):
                start, counts = i + len(head), keep
                break
        else:
            if p.startswith("(?P<", i):
                start = p.index(">", i) + 1
            elif p.startswith("(?P=", i):
                return [], p.index(")", i) + 1, ""
            else:
                raise _Unsupported(p[i:i + 3])
    else:
        start = i + 1
    branches, end = _branches(p, start)
    if p[end] != ")":
        raise _Unsupported("(")
    if not counts:
        return [], end + 1, ""
    if len(branches) == 1:
        return branches[0], end + 1, ""
    either = _either(branches)
    return ([either] if either else []), end + 1, ""


def _quantifier(p: str, i: int) -> int:
    """The offset after a quantifier at ``i`` (``i`` itself when there is none)."""
    if i < len(p) and p[i] in "*+?":
        i += 1
    elif i < len(p) and p[i] == "{":
        m = _QUANTIFIER.match(p, i)
        if not m:  # a literal { in Python's syntax: rare enough to give up on
            raise _Unsupported("{")
        i = m.end()
    else:
        return i
    return i + 1 if i < len(p) and p[i] in "?+" else i
