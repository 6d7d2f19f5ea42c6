"""User-supplied regular expressions, refused when they can backtrack exponentially.

Python's ``re`` backtracks: ``(a+)+$`` against 30 ``a`` and a ``b`` takes minutes. A pattern from
a user's data file is checked before it is compiled, with the rule safe-regex uses: no
repetition inside a repetition (star height 1), and no alternatives that can start alike
inside a repetition (``(a|aa)+``). Both are sufficient for exponential backtracking in
``re``; refusing them is conservative (``(?:\\d+、)+`` is refused although it is safe), and
such a pattern can always be written without nesting.
"""

from __future__ import annotations

import re
from re import _constants as sre
from re import _parser as sre_parse
from typing import Any

_REPEATS = frozenset({sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT})
_ANY = None  # a first-character set that may hold any character


class UnsafePattern(ValueError):
    """A user's pattern that could take exponential time; the message says why."""


def _first(items: Any) -> set[int] | None:
    """The characters a (sub)pattern can start with; None when unknown or any (conservative)."""
    for op, av in items:
        if op in (sre.AT,):
            continue  # an anchor consumes nothing
        if op is sre.LITERAL:
            return {av}
        if op is sre.SUBPATTERN:
            return _first(av[-1])
        if op in (sre.ATOMIC_GROUP,):
            return _first(av)
        if op in _REPEATS:
            low, _high, body = av
            if low == 0:
                return None
            return _first(body)
        if op is sre.IN:
            found: set[int] = set()
            for kind, value in av:
                if kind is sre.LITERAL:
                    found.add(value)
                elif kind is sre.RANGE and value[1] - value[0] < 4096:
                    found.update(range(value[0], value[1] + 1))
                else:
                    return None  # a category, a negation, a wide range
            return found
        return None
    return None  # empty: matches at once


def _problem(items: Any, repeated: bool) -> str | None:
    """Why the pattern may backtrack exponentially, or None."""
    for op, av in items:
        if op in _REPEATS:
            low, high, body = av
            if repeated and low != high:
                return "nested quantifiers"
            found = _problem(body, repeated or high > 1)
            if found:
                return found
        elif op is sre.SUBPATTERN:
            found = _problem(av[-1], repeated)
            if found:
                return found
        elif op is sre.ATOMIC_GROUP:
            continue  # never backtracks into
        elif op is sre.BRANCH:
            branches = av[1]
            if repeated:
                seen: set[int] = set()
                for branch in branches:
                    first = _first(branch)
                    if first is None or first & seen:
                        return "alternatives that can match the same text inside a quantifier"
                    seen |= first
            for branch in branches:
                found = _problem(branch, repeated)
                if found:
                    return found
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            found = _problem(av[1], repeated)
            if found:
                return found
        elif op is sre.GROUPREF_EXISTS:
            for part in av[1:]:
                if part is not None:
                    found = _problem(part, repeated)
                    if found:
                        return found
    return None


def check(pattern: str, flags: int = 0, where: str = "") -> None:
    """Raise ``re.error`` for an invalid pattern and ``UnsafePattern`` for an exponential one;
    ``where`` (a file and key) starts the message."""
    parsed = sre_parse.parse(pattern, flags)
    reason = _problem(parsed, False)
    if reason:
        raise UnsafePattern(f"{where + ': ' if where else ''}pattern {pattern!r} has {reason}, "
                            "which can take exponential time; write it without nesting")


def compile_user(pattern: str, flags: int = 0, where: str = "") -> re.Pattern[str]:
    """``re.compile`` for a pattern from a user's file, after ``check``."""
    check(pattern, flags, where)
    return re.compile(pattern, flags)
