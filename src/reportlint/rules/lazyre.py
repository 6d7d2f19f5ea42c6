"""Regular expressions compiled on first use, so that importing a rule module compiles nothing.

Compiling is most of a rule module's import cost (a CJK class such as ``[\\u4e00-\\u9fff]``
alone takes ~1 ms), and a check of one document needs only some of the patterns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
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


def offsets(text: str, chars: Iterable[str]) -> list[int]:
    """Every offset of any of ``chars`` in ``text``, ascending (str.find: no regex to compile)."""
    found: list[int] = []
    for char in chars:
        at = text.find(char)
        while at != -1:
            found.append(at)
            at = text.find(char, at + 1)
    found.sort()
    return found
