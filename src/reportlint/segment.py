"""Whole-word matching for Chinese on jieba word boundaries, without paying jieba's full cold start."""

from __future__ import annotations

import contextlib
import marshal
import os
import re
import sys
import threading
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

# jieba cuts text into blocks of these characters and segments each block on its own
# (jieba.re_han_default), so a block is the largest context that can change a boundary.
_BLOCK = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]+")
_WINDOW = 12  # characters of context either side of a match
# sum of the frequencies in the dict.txt shipped with jieba 0.42.1, keyed by the file's size:
# summing 350,000 lines costs ~0.2 s, the one number we need from the words we do not load
_KNOWN_TOTALS = {5071852: 60101967}
_lock = threading.Lock()


@cache
def _jieba() -> Any:
    """Import jieba without pkg_resources (~95 ms); jieba then opens dict.txt from its own folder."""
    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        _defer_hmm_model()
        import jieba
    finally:
        if blocked:
            del sys.modules["pkg_resources"]
    jieba.setLogLevel(30)  # jieba logs its dictionary loading to stderr at DEBUG
    return jieba


def _defer_hmm_model() -> None:
    """Let jieba's HMM package (finalseg) load on first use: its tables take ~8 ms to import.

    We only cut with ``HMM=False``, which never touches it. jieba binds the stand-in below;
    the first attribute asked of it imports the real module, which then replaces it both in
    ``sys.modules`` and as ``jieba.finalseg`` (the name jieba's functions look up).
    """
    if "jieba" in sys.modules or "jieba.finalseg" in sys.modules:
        return
    import types

    stand_in = types.ModuleType("jieba.finalseg")

    def load(name: str) -> Any:
        import importlib

        if sys.modules.get("jieba.finalseg") is stand_in:
            del sys.modules["jieba.finalseg"]
        return getattr(importlib.import_module("jieba.finalseg"), name)

    stand_in.__getattr__ = load  # type: ignore[method-assign]
    sys.modules["jieba.finalseg"] = stand_in


_INDEX_FORMAT = 1  # bump when the layout of the cached index changes


@cache
def _dictionary() -> tuple[dict[str, bytes], int]:
    """jieba's dictionary lines grouped by first character, and the total of its frequencies.

    A line can only be a sub-dictionary word if its first character is allowed, so grouped
    lines let ``_Words._add`` decode and scan a third of the 5 MB file. Grouping takes ~0.1 s,
    so the groups are cached on disk (see ``_cache_file``); without a cache it is done once
    per process.
    """
    path = Path(_jieba().__file__).with_name("dict.txt")
    stat = path.stat()
    cached = _cache_file(stat.st_size, stat.st_mtime_ns, str(path))
    found = _read_index(cached) if cached else None
    if found is not None:
        return found
    data = path.read_bytes()
    total = _KNOWN_TOTALS.get(len(data))
    if total is None:
        total = sum(int(n) for n in re.findall(rb" ([0-9]+)", data))
    groups: dict[str, list[str]] = {}
    for line in data.decode("utf-8").split("\n"):
        if line:
            groups.setdefault(line[0], []).append(line)
    # each line keeps a leading newline: found as ``\\n…``, a literal prefix the regex engine
    # searches for quickly, where ``^`` in multiline mode is tried at every offset
    index = {first: ("\n" + "\n".join(lines)).encode("utf-8") for first, lines in groups.items()}
    if cached:
        _write_index(cached, index, total)
    return index, total


def _cache_file(size: int, mtime_ns: int, source: str = "") -> Path | None:
    """Where the grouped dictionary of this very dict.txt is cached (versioned by name).

    The name starts with a digest of the dictionary's path, so several environments on one
    machine (each with its own jieba) keep their own cache instead of replacing each other's.
    """
    import hashlib

    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(base):
        return None  # no usable home: do not write relative to the working directory
    where = hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return Path(base) / "reportlint" / f"jieba-dict-{where}-v{_INDEX_FORMAT}-{size}-{mtime_ns}.marshal"


def _read_index(path: Path) -> tuple[dict[str, bytes], int] | None:
    """The cached groups, or None when missing, unreadable or not what we wrote."""
    try:
        fmt, total, index = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if (fmt != _INDEX_FORMAT or not isinstance(total, int) or not isinstance(index, dict)
            or not all(type(v) is bytes for v in index.values())):
        return None
    return index, total


def _write_index(path: Path, index: dict[str, bytes], total: int) -> None:
    """Write atomically (a temporary file renamed over); a cache that cannot be written is skipped."""
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".jieba-dict-")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(marshal.dumps((_INDEX_FORMAT, total, index)))
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return
    where = path.name.split("-")[2]
    for stale in path.parent.glob(f"jieba-dict-{where}-*.marshal"):  # an older jieba or format: 5 MB each
        if stale != path:
            with contextlib.suppress(OSError):
                stale.unlink()


class _Words:
    """A jieba Tokenizer fed only the dictionary words made of characters seen so far.

    Segmenting a block only ever consults words that are substrings of it, so a dictionary
    restricted to words built from the block's characters (plus the full total) gives exactly
    the segmentation of the full dictionary, at a fraction of the 1.2 s it takes to load.
    """

    def __init__(self) -> None:
        self.chars: set[str] = set()
        self.tokenizer: Any = None

    def ensure(self, chars: set[str]) -> Any:
        if self.tokenizer is None:
            tokenizer = _jieba().Tokenizer()
            tokenizer.FREQ, tokenizer.total, tokenizer.initialized = {}, _dictionary()[1], True
            self.tokenizer = tokenizer
        new = chars - self.chars
        if new:
            self._add(new)
            self.chars |= new
        return self.tokenizer

    def _add(self, new: set[str]) -> None:
        """Load the words that use a new character: the others are loaded already.

        Many documents in one run keep bringing a few new characters; reloading every word
        each time would make a large run quadratic.
        """
        index = _dictionary()[0]
        every = self.chars | new
        text = b"".join(index[c] for c in sorted(every) if c in index).decode("utf-8")
        allowed, fresh = _char_class(every), _char_class(new)
        word = rf"[{allowed}]*[{fresh}][{allowed}]*" if self.chars else rf"[{allowed}]+"
        found = re.findall(rf"\n({word}) ([0-9]+)", text)
        freq = self.tokenizer.FREQ
        # prefixes at 0 unless already words, then the words' own counts: jieba's gen_pfdict
        for prefix in {w[:i] for w, _ in found for i in range(1, len(w))}:
            freq.setdefault(prefix, 0)
        freq.update((w, int(count)) for w, count in found)


def _char_class(chars: set[str]) -> str:
    return "".join(sorted(re.escape(c) for c in chars)) or "\u0000"


_WORDS = _Words()


def boundaries(block: str) -> set[int]:
    """Offsets inside ``block`` where jieba (accurate mode, no HMM) puts a word boundary."""
    with _lock:
        tokenizer = _WORDS.ensure(set(block))
        cuts, pos = {0}, 0
        for token in tokenizer.cut(block, HMM=False):
            pos += len(token)
            cuts.add(pos)
    return cuts


def _window(text: str, start: int, end: int) -> tuple[int, int]:
    """The jieba block around a match, cut to ``_WINDOW`` characters either side.

    A boundary depends on the words that can cross it; farther context almost never
    changes it, and a short window keeps the sub-dictionary small.
    """
    lo = start
    while lo > 0 and start - lo < _WINDOW and _BLOCK.fullmatch(text[lo - 1]):
        lo -= 1
    hi = end
    while hi < len(text) and hi - end < _WINDOW and _BLOCK.fullmatch(text[hi]):
        hi += 1
    return lo, hi


def _candidates(text: str, terms: list[str]) -> list[tuple[int, int, str]]:
    """Substring occurrences, longest term first, overlaps dropped."""
    found: list[tuple[int, int, str]] = []
    for term in terms:
        at = text.find(term)
        while at != -1:
            end = at + len(term)
            if not any(s < end and at < e for s, e, _ in found):
                found.append((at, end, term))
            at = text.find(term, at + 1)
    return sorted(found)


_Windows = list[list[tuple[int, int, int, int, str]]]


def _windows(texts: list[str], terms: Iterable[str]) -> tuple[list[list[tuple[int, int, str]]], _Windows, set[str]]:
    """Candidates per text, their jieba windows, and the characters those windows need."""
    ordered = sorted({t for t in terms if t}, key=len, reverse=True)
    candidates = [_candidates(text, ordered) for text in texts]
    windows: _Windows = []
    chars: set[str] = set()
    for text, found in zip(texts, candidates, strict=True):
        row = []
        for start, end, term in found:
            lo, hi = _window(text, start, end)
            row.append((start, end, lo, hi, term))
            if _BLOCK.fullmatch(text[start:end]):
                chars.update(text[lo:hi])
        windows.append(row)
    return candidates, windows, chars


def prepare(rounds: Iterable[tuple[list[str], Iterable[str]]]) -> None:
    """Load at once the words later ``find_words_many(texts, terms)`` calls will need.

    Each new character costs a scan of jieba's whole dictionary; a caller that searches in
    rounds pays one scan instead of one per round. Extra words never change a segmentation.
    """
    chars: set[str] = set()
    for texts, terms in rounds:
        chars |= _windows(texts, terms)[2]
    if chars:
        with _lock:
            _WORDS.ensure(chars)


def find_words_many(texts: list[str], terms: Iterable[str]) -> list[list[tuple[int, int, str]]]:
    """``find_words`` for several texts with one dictionary load (jieba only if a term occurs)."""
    candidates, windows, chars = _windows(texts, terms)
    if not chars:
        return candidates  # terms delimited by punctuation need no segmentation
    with _lock:
        _WORDS.ensure(chars)
    result = []
    for text, row in zip(texts, windows, strict=True):
        kept = []
        for start, end, lo, hi, term in row:
            if not _BLOCK.fullmatch(text[start:end]):
                kept.append((start, end, term))
                continue
            cuts = boundaries(text[lo:hi])
            if start - lo in cuts and end - lo in cuts:
                kept.append((start, end, term))
        result.append(kept)
    return result


def find_words(text: str, terms: Iterable[str]) -> list[tuple[int, int, str]]:
    """Every occurrence of each term that is a whole word (or a run of whole words).

    A plain substring search finds the candidates; jieba is consulted only for them, so a
    text without any candidate never loads it. Longer terms win where matches overlap.
    """
    return find_words_many([text], terms)[0]


def loaded() -> bool:
    """Whether jieba has been imported in this process (for tests of laziness)."""
    return "jieba" in sys.modules
