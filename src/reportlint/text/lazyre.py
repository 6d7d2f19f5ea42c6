"""Regular expressions compiled on first use, so that importing a rule module compiles nothing.

Compiling is most of a rule module's import cost, and a check of one document needs only some
of the patterns. A pattern may declare its literal gate beside it: strings every match holds,
so a text without them is neither searched nor the pattern compiled for it.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from reportlint.text import recache

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")
_SPECIALS = frozenset("\\.^$*+?{}[]()|")

# strings every match of a pattern holds: each item is a string, or a tuple of strings of which
# one occurs; () lets every text through
Gate = tuple[str | tuple[str, ...], ...]


def admits(text: str, gate: Gate) -> bool:
    """Whether ``text`` holds every item of ``gate`` (a string, or one string of a tuple)."""
    for item in gate:  # plain loops: a rule family asks this of ~150 gates per document
        if isinstance(item, str):
            if item not in text:
                return False
        else:
            for alt in item:
                if alt in text:
                    break
            else:
                return False
    return True


def is_literal(pattern: str) -> bool:
    """Whether the pattern has no special character: it matches just itself."""
    return _SPECIALS.isdisjoint(pattern)


class LazyPattern:
    """Stands in for ``re.compile(pattern, flags)``; compiles when a method is first used.

    The compiled pattern's bound methods are then stored on the instance, so later calls
    cost no more than on a compiled pattern. With a ``gate`` (strings every match holds; a
    literal pattern is its own gate), ``finditer`` yields nothing for a text the gate does not
    admit, without compiling; ``admits(text)`` asks the same before other methods.
    """

    def __init__(self, pattern: str, flags: int = 0, gate: Gate = ()) -> None:
        self.pattern = pattern
        self._flags = flags
        self.gate: Gate = gate or ((pattern,) if pattern and not flags and is_literal(pattern) else ())

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # copy, pickle and friends probe for dunders
            raise AttributeError(name)
        compiled = self.compiled()
        return getattr(compiled, name)

    def compiled(self) -> re.Pattern[str]:
        compiled = recache.compile(self.pattern, self._flags)
        for method in _METHODS:
            if not (self.gate and method == "finditer"):
                setattr(self, method, getattr(compiled, method))
        return compiled

    def admits(self, text: str) -> bool:
        """False only when ``text`` cannot hold a match: it lacks an item of the gate."""
        return admits(text, self.gate)

    def finditer(self, text: str, *bounds: int) -> Iterator[re.Match[str]]:
        # a class attribute: instances without a gate replace it with the compiled method
        if self.gate and not admits(text, self.gate):
            return iter(())
        return self.compiled().finditer(text, *bounds)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r})"


def lazy(pattern: str, flags: int = 0, gate: Gate = ()) -> LazyPattern:
    """A pattern compiled when first used, gated by ``gate`` (see LazyPattern)."""
    return LazyPattern(pattern, flags, gate)


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


def find_all(text: str, needle: str) -> Iterator[int]:
    """Every offset of ``needle`` in ``text``, overlapping ones included."""
    at = text.find(needle)
    while at != -1:
        yield at
        at = text.find(needle, at + 1)


def offsets(text: str, chars: Iterable[str]) -> Iterator[int]:
    """Every offset of any of ``chars`` in ``text``, ascending (str.find: no regex to compile).

    Merged as found, never listed: 50,000 ``[`` on one line made a 2 MB list of offsets."""
    return heapq.merge(*(find_all(text, char) for char in chars))
