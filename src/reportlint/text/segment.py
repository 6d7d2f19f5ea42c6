"""Whole-word matching for Chinese on jieba word boundaries, without paying jieba's full cold start.

jieba's full dictionary is slow to load. A cut of a block only looks up substrings of that
block, so the tokenizer here holds just the dictionary entries the blocks at hand can ask for.
They come from a table of jieba's dictionary split into buckets by first two characters (see
``_Buckets``), cached in ``$XDG_CACHE_HOME/reportlint/``: a check reads the header and the few
hundred of its 65,536 buckets it needs. The table is built once per installed jieba (README,
Performance); without a usable cache folder, every process that needs jieba builds it again.
"""

from __future__ import annotations

import bisect
import contextlib
import json
import operator
import os
import re
import sys
import threading
import zlib
from array import array
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

# jieba cuts text into blocks of these characters and segments each block on its own
# (jieba.re_han_default), so a block is the largest context that can change a boundary.
_BLOCK_PATTERN = r"[\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]+"
_LATIN = frozenset("+#&._%-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_WINDOW = 12  # characters of context either side of a match
_FEW_TERMS = 16  # up to this many terms, searching for each costs less than a table of pairs
_lock = threading.Lock()


def _block_char(char: str) -> bool:
    """Whether jieba keeps this one character inside a block (``_BLOCK`` without compiling it)."""
    return "\u4e00" <= char <= "\u9fd5" or char in _LATIN


def _in_block(text: str) -> bool:
    """Whether ``_BLOCK`` matches the whole of a non-empty text."""
    return all(map(_block_char, text))


def __getattr__(name: str) -> Any:
    """``_BLOCK``, jieba's block pattern, compiled on first use."""
    if name == "_BLOCK":
        return re.compile(_BLOCK_PATTERN)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@cache
def _jieba() -> Any:
    """Import jieba without pkg_resources (slow to import); jieba then opens dict.txt from its own folder."""
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
    """Let jieba's HMM package (finalseg) load on first use: its tables are slow to import.

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


_FORMAT = 3  # bump when the layout of the cached table changes
_BUCKETS = 1 << 16
_MAGIC = b"reportlint-jieba-buckets"  # 24 bytes: the offsets that follow stay aligned
# after the magic: format, Python version (of the build), total frequency, buckets, file size
_FIELDS = 5
_HEAD = len(_MAGIC) + 8 * _FIELDS
_START = _HEAD + 4 * (_BUCKETS + 1)  # where the buckets begin
_MAX_TABLE = 256 * 1024 * 1024  # jieba's own table is ~10 MB; a larger claim is damage
_MAX_BUCKET = 1024 * 1024  # its largest bucket is a few KB


def _bucket(key: str) -> int:
    """The bucket of a dictionary entry: a stable hash of its first two characters."""
    return zlib.crc32(key[:2].encode("utf-8", "surrogatepass")) & (_BUCKETS - 1)


def _grams(block: str) -> set[str]:
    """The first one or two characters of every substring (what ``_bucket`` hashes)."""
    return {block[k:k + 2] for k in range(len(block))} | set(block)


class _Damaged(ValueError):
    """The cached table is not what we wrote (truncated, overwritten, another layout)."""


class _File:
    """A cached table read with ``pread``: only the parts asked for, each checked for length.

    Not a memory map: a mapped file truncated under a running process kills it with SIGBUS
    on the next read of a lost page; ``pread`` of a truncated file returns short, a miss.
    """

    def __init__(self, fd: int, size: int) -> None:
        self.fd, self.size = fd, size

    def __len__(self) -> int:
        return self.size

    def read(self, lo: int, hi: int) -> bytes:
        data = os.pread(self.fd, hi - lo, lo)
        if len(data) != hi - lo:
            raise _Damaged("truncated")
        return data

    def close(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self.fd)


class _Buckets:
    """jieba's FREQ (each word with its count, each prefix of a word with 0) split into buckets.

    Layout: the magic, ``_FIELDS`` int64 fields, ``_BUCKETS + 1`` uint32 offsets into the data,
    then each bucket as a JSON object of its entries (a format parsed here: the table is a
    file anyone with access to the cache folder could have written, and marshal or pickle
    trust what they read). ``data`` is the cached file (a ``_File``), or the same bytes built
    in this process when there is no cache to read.
    """

    def __init__(self, data: bytes | _File) -> None:
        if len(data) < _START or len(data) > _MAX_TABLE:
            raise _Damaged("not a bucket table")
        head = self._read(data, 0, _START)
        if head[:len(_MAGIC)] != _MAGIC:
            raise _Damaged("not a bucket table")
        fields = array("q")
        fields.frombytes(head[len(_MAGIC):_HEAD])
        fmt, version, total, buckets, size = fields
        expected = (_FORMAT, sys.hexversion, _BUCKETS, len(data))
        if (fmt, version, buckets, size) != expected or total <= 0:
            raise _Damaged("another layout, Python or size")
        offsets = array("I")
        offsets.frombytes(head[_HEAD:_START])
        if offsets[0] != 0 or offsets[-1] != size - _START:
            raise _Damaged("offsets do not span the data")
        self.data, self.offsets, self.start, self.total = data, offsets, _START, total

    @staticmethod
    def _read(data: bytes | _File, lo: int, hi: int) -> bytes:
        return data[lo:hi] if isinstance(data, bytes) else data.read(lo, hi)

    def entries(self, numbers: Iterable[int]) -> dict[str, int]:
        """The entries of these buckets, merged (buckets never share a key)."""
        found: dict[str, int] = {}
        data, offsets, start = self.data, self.offsets, self.start
        for n in sorted(numbers):
            lo, hi = offsets[n], offsets[n + 1]
            if not 0 <= hi - lo <= _MAX_BUCKET:
                raise _Damaged(f"bucket {n}")
            try:
                bucket = json.loads(self._read(data, start + lo, start + hi))
            except (ValueError, RecursionError):  # JSONDecodeError and UnicodeError are ValueErrors
                bucket = None
            if type(bucket) is not dict or not all(type(v) is int for v in bucket.values()):
                raise _Damaged(f"bucket {n}")
            found.update(bucket)
        return found

    def close(self) -> None:
        if isinstance(self.data, _File):
            self.data.close()


def _encode(freq: dict[str, int], total: int) -> bytes:
    """The table in the layout ``_Buckets`` reads."""
    groups: list[dict[str, int]] = [{} for _ in range(_BUCKETS)]
    for key, count in freq.items():
        groups[_bucket(key)][key] = count
    dump = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    blobs = [dump(group).encode("utf-8", "surrogatepass") for group in groups]
    offsets, at = array("I", [0]), 0
    for blob in blobs:
        at += len(blob)
        offsets.append(at)
    fields = array("q", [_FORMAT, sys.hexversion, total, _BUCKETS, _START + at])
    return b"".join([_MAGIC, fields.tobytes(), offsets.tobytes(), *blobs])


def _dictionary_file() -> Path:
    """The dict.txt that jieba loads by default."""
    return Path(_jieba().__file__).with_name("dict.txt")


def _build(path: Path) -> _Buckets:
    """jieba's own FREQ and total, from its own parser (``gen_pfdict``), as a table (slow: built once)."""
    freq, total = _jieba().Tokenizer.gen_pfdict(path.open("rb"))  # it closes the file
    return _Buckets(_encode(freq, total))


def _table(rebuild: bool = False) -> _Buckets:
    """The cached table of this very dict.txt, or one built now (and cached when possible)."""
    path = _dictionary_file()
    stat = path.stat()
    cached = _cache_file(stat.st_size, stat.st_mtime_ns, str(path))
    if cached and not rebuild:
        found = _open(cached)
        if found is not None:
            return found
    built = _build(path)
    if cached and isinstance(built.data, bytes):  # always: a built table is held in memory
        _write(cached, built.data)
    return built


def _cache_file(size: int, mtime_ns: int, source: str = "") -> Path | None:
    """Where the table of this very dict.txt is cached (versioned by name).

    The name starts with a digest of the dictionary's path, so several environments on one
    machine (each with its own jieba) keep their own cache instead of replacing each other's.
    """
    import hashlib

    from reportlint.config.datafiles import cache_dir

    folder = cache_dir()
    if folder is None:
        return None
    where = hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return folder / f"jieba-dict-{where}-v{_FORMAT}-{size}-{mtime_ns}.buckets"


def _open(path: Path) -> _Buckets | None:
    """The cached table, kept open and read bucket by bucket as they are asked for, or None."""
    import stat

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):  # a FIFO or a device would hang or never end
            raise _Damaged("not a regular file")
        return _Buckets(_File(fd, info.st_size))
    except (OSError, _Damaged):
        os.close(fd)
        return None


def _write(path: Path, data: bytes) -> None:
    """Write atomically (a temporary file renamed over); a cache that cannot be written is skipped.

    Then remove the caches of older dictionaries or layouts at the same path (5-10 MB each).
    """
    from reportlint.config.datafiles import write_cache_file

    if not write_cache_file(path, data):
        return
    where = path.name.split("-")[2]
    for stale in path.parent.glob(f"jieba-dict-{where}-*"):
        if stale != path:
            with contextlib.suppress(OSError):
                stale.unlink()


class _Words:
    """A jieba Tokenizer fed only the dictionary entries the blocks seen so far can look up.

    jieba cuts a block with ``get_DAG`` and ``calc``, which look up only substrings of the
    block in FREQ. Every substring's entry lies in the bucket of its first two characters, so
    with the buckets of all the block's one- and two-character substrings loaded, FREQ agrees
    with the full dictionary on every key the cut can ask for. The other entries of those
    buckets are the full dictionary's too, and never asked for unless they are substrings of
    the block. With the full total, the cut is exactly full jieba's.
    """

    def __init__(self) -> None:
        self.grams: set[str] = set()
        self.loaded: set[int] = set()
        self.table: _Buckets | None = None
        self.tokenizer: Any = None

    def ensure(self, blocks: Iterable[str]) -> Any:
        """The tokenizer, with the entries these blocks can look up loaded."""
        if self.tokenizer is None:
            self.table = _table()
            tokenizer = _jieba().Tokenizer()
            tokenizer.FREQ, tokenizer.total, tokenizer.initialized = {}, self.table.total, True
            self.tokenizer = tokenizer
        grams = {g for block in blocks for g in _grams(block)} - self.grams
        if grams:
            self._load({_bucket(g) for g in grams} - self.loaded)
            self.grams |= grams
        return self.tokenizer

    def _load(self, numbers: set[int]) -> None:
        """Add these buckets' entries; a damaged cache is rebuilt, and what was loaded reloaded."""
        assert self.table is not None
        try:
            self.tokenizer.FREQ.update(self.table.entries(numbers))
        except _Damaged:
            self.table.close()
            self.table = _table(rebuild=True)
            numbers |= self.loaded
            self.tokenizer.FREQ = self.table.entries(numbers)
            self.tokenizer.total = self.table.total
        self.loaded |= numbers

    def boundaries(self, block: str) -> set[int]:
        tokenizer = self.ensure([block])
        cuts, pos = {0}, 0
        for token in tokenizer.cut(block, HMM=False):
            pos += len(token)
            cuts.add(pos)
        return cuts


_WORDS = _Words()


def boundaries(block: str) -> set[int]:
    """Offsets inside ``block`` where jieba (accurate mode, no HMM) puts a word boundary."""
    with _lock:
        return _WORDS.boundaries(block)


def _window(text: str, start: int, end: int) -> tuple[int, int]:
    """The jieba block around a match, cut to ``_WINDOW`` characters either side.

    A boundary depends on the words that can cross it; farther context almost never
    changes it, and a short window keeps the loaded part of the dictionary small.
    """
    lo = start
    while lo > 0 and start - lo < _WINDOW and _block_char(text[lo - 1]):
        lo -= 1
    hi = end
    while hi < len(text) and hi - end < _WINDOW and _block_char(text[hi]):
        hi += 1
    return lo, hi


def _candidates(text: str, terms: list[str]) -> list[tuple[int, int, str]]:
    """Substring occurrences, longest term first, overlaps dropped.

    The kept spans never overlap, so sorted by start they are sorted by end too: one bisect
    finds the only neighbours a new span can overlap (linear-logarithmic on hostile text).
    """
    starts: list[int] = []
    ends: list[int] = []
    found: list[tuple[int, int, str]] = []
    for term in terms:
        at = text.find(term)
        while at != -1:
            end = at + len(term)
            i = bisect.bisect_left(starts, end)  # spans at or after i start at or after end
            if i == 0 or ends[i - 1] <= at:
                starts.insert(i, at)
                ends.insert(i, end)
                found.append((at, end, term))
            at = text.find(term, at + 1)
    return sorted(found)


def _possible(texts: list[str], terms: list[str]) -> list[str]:
    """The terms whose first two characters occur together in one of the texts (each term of
    one character is kept): a set of the texts' character pairs rules out most of a long word
    list without searching the texts for each term."""
    if len(terms) <= _FEW_TERMS:
        return terms
    pairs: set[str] = set()
    for text in texts:
        pairs.update(map(operator.add, text, text[1:]))
    return [term for term in terms if len(term) < 2 or term[:2] in pairs]


_Windows = list[list[tuple[int, int, int, int, str]]]


def _windows(texts: list[str], terms: Iterable[str]) -> tuple[list[list[tuple[int, int, str]]], _Windows, set[str]]:
    """Candidates per text, their jieba windows, and the windows that need segmenting."""
    ordered = _possible(texts, sorted({t for t in terms if t}, key=len, reverse=True))
    candidates = [_candidates(text, ordered) for text in texts]
    windows: _Windows = []
    blocks: set[str] = set()
    for text, found in zip(texts, candidates, strict=True):
        row = []
        for start, end, term in found:
            lo, hi = _window(text, start, end)
            row.append((start, end, lo, hi, term))
            if _in_block(text[start:end]):
                blocks.add(text[lo:hi])
        windows.append(row)
    return candidates, windows, blocks


def find_words_many(texts: list[str], terms: Iterable[str]) -> list[list[tuple[int, int, str]]]:
    """``find_words`` for several texts at once (jieba only if a term occurs)."""
    candidates, windows, blocks = _windows(texts, terms)
    if not blocks:
        return candidates  # terms delimited by punctuation need no segmentation
    with _lock:
        _WORDS.ensure(blocks)
        cuts = {block: _WORDS.boundaries(block) for block in blocks}
    result = []
    for text, row in zip(texts, windows, strict=True):
        kept = []
        for start, end, lo, hi, term in row:
            if not _in_block(text[start:end]):
                kept.append((start, end, term))
                continue
            at = cuts[text[lo:hi]]
            if start - lo in at and end - lo in at:
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
