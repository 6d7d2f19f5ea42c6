"""YAML files (configs, presets, rule data) parsed once and kept in a cache.

Every check reads five or more YAML files; importing PyYAML and parsing them costs ~20 ms
of a ~150 ms cold start. The parsed value is stored next to the exact text it came from,
so a cached value is used only for identical text and an edited file is parsed again.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import zlib
from pathlib import Path
from typing import Any

_FORMAT = 1  # bump when the layout of a cache entry changes
_MAX_ENTRIES = 64  # one per YAML file read (configs of many projects): older entries are pruned


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
    if entry:
        _write(entry, text, data)
    return data


def read_yaml(path: str | Path) -> Any:
    """A YAML file's value (see ``parse_yaml``)."""
    resolved = Path(path).resolve()
    return parse_yaml(resolved.read_text(encoding="utf-8"), str(resolved))


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
    return folder / f"yaml-{digest:08x}-v{_FORMAT}.marshal"


def _read(entry: Path, text: str) -> tuple[Any] | None:
    """``(value,)`` when the entry holds this very text, else None (missing, stale or damaged)."""
    try:
        fmt, source, value = marshal.loads(entry.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return (value,) if fmt == _FORMAT and source == text else None


def _write(entry: Path, text: str, value: Any) -> None:
    """Atomic write (temporary file renamed over); values marshal cannot hold are not cached."""
    try:
        payload = marshal.dumps((_FORMAT, text, value))
    except ValueError:  # e.g. a date: YAML types beyond str/int/float/bool/list/dict
        return
    if write_cache_file(entry, payload):
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
    for path in folder.glob("yaml-*.marshal"):
        with contextlib.suppress(OSError):
            entries.append((path.stat().st_mtime_ns, path))
    for _, path in sorted(entries, reverse=True)[keep:]:
        with contextlib.suppress(OSError):
            path.unlink()
