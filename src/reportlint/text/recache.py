"""Regular expressions whose compiled form is kept across processes, in the cache folder.

Python's regex compiler is slow on long alternations and CJK character classes: the patterns
one check of a report needs (the rules' and the parser's) take ~70 ms to compile, a quarter of a
cold check. The regex engine itself takes a compiled program (a list of integers) from the
compiler; this module keeps each program it compiled in one cache file and gives it back to the
engine next time, which costs microseconds instead of milliseconds. The engine validates every
program it is given (a damaged file cannot crash it), the file is read as JSON and a block of
unsigned integers, never as marshal or pickle, and anything unexpected (another Python, a
damaged file, an engine that refuses) falls back to ``re.compile``: the patterns are equal
either way (``tests/text/test_recache.py``).

``save()`` writes what the process compiled since (the linter calls it after each document).
"""

from __future__ import annotations

import contextlib
import importlib
import json
import re
import sys
from array import array
from typing import Any

_sre: Any
_compiler: Any
_parser: Any
try:  # the regex engine and the stages of re.compile before it, as CPython has them
    _sre = importlib.import_module("_sre")
    _compiler = importlib.import_module("re._compiler")
    _parser = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - not CPython
    _sre = None

_FORMAT = 1
_MAX_PATTERNS = 4000  # past this (user patterns that keep changing), start the file afresh
_MAX_BYTES = 32 * 1024 * 1024

# (pattern, flags) -> the regex engine's arguments after the pattern: (final flags, program, groups,
# groupindex, indexgroup), the program as read from the file (the block and where it lies) until
# first used: making Python integers of every program in the file would cost more than it saves;
# None: not loaded yet
_Entry = tuple[int, "list[int] | tuple[array[int], int, int]", int, dict[str, int], tuple[str | None, ...]]
_known: dict[tuple[str, int], _Entry] | None = None
_dirty = False


def _usable() -> bool:
    return (_sre is not None and sys.implementation.name == "cpython"
            and array("I").itemsize == getattr(_sre, "CODESIZE", 0))


def _path() -> Any:
    from reportlint.config.datafiles import cache_dir

    folder = cache_dir()
    if folder is None:
        return None
    tag = f"{sys.implementation.cache_tag}-{sys.hexversion:x}-{_sre.MAGIC}"
    return folder / f"regex-{tag}-v{_FORMAT}.bin"


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - re.compile's stand-in
    """``re.compile(pattern, flags)``, from the cached program when there is one."""
    global _dirty
    if not isinstance(pattern, str) or not _usable() or flags & re.DEBUG:
        return re.compile(pattern, flags)
    flags = int(flags)
    known = _load()
    entry = known.get((pattern, flags))
    if entry is not None:
        try:
            if not isinstance(entry[1], list):
                block, start, size = entry[1]
                entry = known[(pattern, flags)] = (entry[0], block[start:start + size].tolist(), *entry[2:])
            return _sre.compile(pattern, *entry)
        except Exception:  # noqa: BLE001 - a refused program: compile it afresh
            pass
    parsed = _parser.parse(pattern, flags)
    program = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    entry = (flags | parsed.state.flags, program, parsed.state.groups - 1, groupindex, tuple(indexgroup))
    compiled = _sre.compile(pattern, *entry)
    known[(pattern, flags)] = entry
    _dirty = True
    return compiled


def _load() -> dict[tuple[str, int], _Entry]:
    global _known
    if _known is None:
        _known = {}
        path = _path()
        if path is not None:
            _known.update(_read(path))
    return _known


def _read(path: Any) -> dict[tuple[str, int], _Entry]:
    """The entries of a cache file; {} when it is missing, damaged or of another layout."""
    from reportlint.config.datafiles import read_limited

    try:
        data = read_limited(path, _MAX_BYTES)
        cut = data.index(b"\n")
        index = json.loads(data[:cut])
        block = array("I")
        block.frombytes(data[cut + 1:])
        entries: dict[tuple[str, int], _Entry] = {}
        for pattern, flags, final, groups, groupindex, indexgroup, start, size in index:
            if not (isinstance(pattern, str) and isinstance(groupindex, dict) and isinstance(indexgroup, list)
                    and all(isinstance(value, int) for value in groupindex.values())
                    and isinstance(start, int) and isinstance(size, int)
                    and 0 <= start <= start + size <= len(block)):
                return {}
            entries[(pattern, int(flags))] = (int(final), (block, start, size), int(groups),
                                              groupindex, tuple(indexgroup))
        return entries
    except (OSError, ValueError, TypeError):  # missing, truncated (frombytes), not our JSON
        return {}


def save() -> None:
    """Write the programs compiled since the last save, merged with the file's (others may have
    written to it meanwhile); a no-op when nothing was compiled."""
    global _dirty
    if not _dirty or _known is None:
        return
    _dirty = False
    path = _path()
    if path is None:
        return
    entries = _read(path)
    entries.update(_known)
    if len(entries) > _MAX_PATTERNS:
        entries = dict(_known)
    index, block = [], array("I")
    for (pattern, flags), (final, program, groups, groupindex, indexgroup) in entries.items():
        if not pattern.isascii() and not _encodes(pattern):
            continue  # a lone surrogate: JSON in UTF-8 cannot carry it
        index.append([pattern, flags, final, groups, groupindex, list(indexgroup), len(block), _size(program)])
        if isinstance(program, list):
            block.extend(program)
        else:
            old, start, size = program
            block.extend(old[start:start + size])
    from reportlint.config.datafiles import write_cache_file

    head = json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with contextlib.suppress(OSError):
        if len(head) + len(block) * block.itemsize < _MAX_BYTES:
            write_cache_file(path, head + b"\n" + block.tobytes())


def _size(program: list[int] | tuple[array[int], int, int]) -> int:
    return len(program) if isinstance(program, list) else program[2]


def _encodes(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def forget() -> None:
    """Drop what this process loaded (tests: a fresh process's view)."""
    global _known, _dirty
    _known, _dirty = None, False

