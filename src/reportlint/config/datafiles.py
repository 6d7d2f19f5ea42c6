"""YAML files (configs, presets, rule data) parsed once and kept in a cache.

Every check reads five or more YAML files; importing PyYAML and parsing them would be a large
part of a cold start (README, Performance). The parsed value is stored next to the exact text it came from,
so a cached value is used only for identical text and an edited file is parsed again.
Entries are JSON (parsed here, with a size limit), never marshal or pickle: a cache folder is
input like any other, and marshal trusts the sizes it reads.
"""

from __future__ import annotations

import contextlib
import json
import os
import zlib
from pathlib import Path
from typing import Any

_FORMAT = 2  # bump when the layout of a cache entry changes
_MAX_ENTRIES = 64  # one per YAML file read (configs of many projects): older entries are pruned


DEFAULT_MAX_BYTES = 64 * 1024 * 1024  # documents, configs, baselines, stdin: REPORTLINT_MAX_BYTES overrides
MAX_YAML_NODES = 1_000_000  # a YAML value may expand (through aliases) to at most this many nodes


class ReadRefused(OSError):
    """An input that is not read: too large, or not a regular file (a FIFO would hang, /dev/zero
    never ends). An OSError, so every caller's "cannot read" path reports it on one line."""

    def __init__(self, key: str, text: str, **fields: Any) -> None:
        super().__init__(text)
        self.key, self.fields = key, fields
        self.strerror = text


def max_bytes() -> int:
    """The read limit: ``REPORTLINT_MAX_BYTES`` (a number of bytes, or with K, M or G), else 64 MiB."""
    value = os.environ.get("REPORTLINT_MAX_BYTES", "").strip().upper()
    if value:
        scale = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}.get(value[-1:], 1)
        try:
            return int(value.rstrip("KMGB") or "x") * scale
        except ValueError:
            pass
    return DEFAULT_MAX_BYTES


def read_limited(path: str | Path, limit: int | None = None) -> bytes:
    """The bytes of a regular file (``-``: standard input) of at most ``limit`` bytes.

    Opened without blocking, so a FIFO is refused instead of waited on; devices and directories
    are refused; a file larger than the limit is refused before it is read.
    """
    import stat
    import sys

    limit = max_bytes() if limit is None else limit
    if str(path) == "-":
        data = sys.stdin.buffer.read(limit + 1)
        if len(data) > limit:
            raise _too_large(limit)
        return data
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(21, "Is a directory", str(path))
        if not stat.S_ISREG(st.st_mode):
            raise ReadRefused("not_regular_file", "not a regular file (a device, FIFO or socket)")
        if st.st_size > limit:
            raise _too_large(limit)
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:  # it grew while being read
            raise _too_large(limit)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _too_large(limit: int) -> ReadRefused:
    return ReadRefused("too_large", f"larger than the limit of {limit} bytes (REPORTLINT_MAX_BYTES)", limit=limit)


def read_text_limited(path: str | Path) -> str:
    return read_limited(path).decode("utf-8")


class YAMLSyntaxError(ValueError):
    """Invalid YAML; ``line`` is 1-based, or None when the parser gave no position."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.line = line


def cache_dir() -> Path | None:
    """``$XDG_CACHE_HOME/reportlint`` (``~/.cache/reportlint``); None without a usable home."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(base):
        return None  # never write relative to the working directory
    return Path(base) / "reportlint"


def parse_yaml(text: str, origin: str = "") -> Any:
    """``yaml.safe_load(text)`` (libyaml's loader when present), served from the cache when it can be.

    ``origin`` names the entry (usually the file's path). Invalid YAML raises
    ``YAMLSyntaxError``, so callers need not import PyYAML to catch it.
    """
    entry = _entry(origin) if origin else None
    cached = _read(entry, text) if entry else None
    if cached is not None:
        return cached[0]
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise YAMLSyntaxError(str(exc), mark.line + 1 if mark else None) from None
    if "&" in text and "*" in text:  # anchors and aliases: refuse a value that expands without bound
        _check_expansion(data)
    if entry:
        _write(entry, text, data)
    return data


def _check_expansion(data: Any, budget: int = MAX_YAML_NODES) -> None:
    """Count the nodes of ``data`` as a tree (an alias counts again each time it is used);
    a "billion laughs" document stops the count early, long before it costs anything."""
    stack, seen = [data], 0
    while stack:
        node = stack.pop()
        seen += 1
        if seen > budget:
            raise YAMLSyntaxError(f"aliases expand to more than {budget} nodes (an alias bomb?)", None)
        if isinstance(node, dict):
            stack.extend(node.keys())
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def read_yaml(path: str | Path) -> Any:
    """A YAML file's value (see ``parse_yaml``)."""
    resolved = Path(path).resolve()
    return parse_yaml(read_text_limited(resolved), str(resolved))


class DataFileError(ValueError):
    """A rule data file of the wrong shape: the rule that reads it fails loudly (a rule crash)."""


def read_mapping(path: str | Path) -> dict[str, Any]:
    """A YAML data file whose top level must be a mapping (an empty file reads as empty);
    a missing file raises OSError, any other top level DataFileError."""
    data = read_yaml(path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DataFileError(f"{path}: expected a mapping at the top level, got {type(data).__name__}")
    return data


def _entry(origin: str) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    digest = zlib.crc32(origin.encode("utf-8", "surrogatepass"))
    return folder / f"yaml-{digest:08x}-v{_FORMAT}.json"


def _read(entry: Path, text: str) -> tuple[Any] | None:
    """``(value,)`` when the entry holds this very text, else None (missing, stale, damaged, too large)."""
    try:
        fmt, source, value = json.loads(read_limited(entry))
    except (OSError, ValueError, TypeError, RecursionError):  # JSONDecodeError, UnicodeError: ValueErrors
        return None
    return (value,) if fmt == _FORMAT and source == text else None


def _write(entry: Path, text: str, value: Any) -> None:
    """Atomic write (temporary file renamed over); values JSON does not give back equal are not cached."""
    record = [_FORMAT, text, value]
    try:
        payload = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
        if json.loads(payload) != record:  # e.g. integer keys, which JSON turns into strings
            return
    except (ValueError, TypeError, RecursionError):  # e.g. a date: YAML types beyond JSON's
        return
    if write_cache_file(entry, payload.encode("utf-8", "surrogatepass")):
        _prune(entry.parent)


def write_cache_file(path: Path, data: bytes) -> bool:
    """Write a cache file atomically (a temporary file renamed over it); False when it cannot be.

    A cache is an optimisation: an unwritable folder or a full disk only means no cache.
    """
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    except OSError:
        return False
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return False
    return True


def _prune(folder: Path, keep: int = _MAX_ENTRIES) -> None:
    """Drop the least recently written entries beyond ``keep``: the cache must not grow forever."""
    entries = []
    for path in folder.glob("yaml-*.marshal"):  # entries of format 1
        with contextlib.suppress(OSError):
            path.unlink()
    for path in folder.glob("yaml-*.json"):
        with contextlib.suppress(OSError):
            entries.append((path.stat().st_mtime_ns, path))
    for _, path in sorted(entries, reverse=True)[keep:]:
        with contextlib.suppress(OSError):
            path.unlink()
