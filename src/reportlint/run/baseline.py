"""Baselines: record today's findings, then report only new ones, wherever the old ones moved."""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from reportlint.diagnostics import Diagnostic
from reportlint.load.source import Source, SourceError
from reportlint.messages import Message, error, say
from reportlint.outcome import EXIT_ERROR, EXIT_OK

VERSION = 1
CONTEXT = 8  # characters of the same line kept on each side of the offending text
MAX_TEXT = 40

Key = tuple[str, str, str]


def key(source: Source, diag: Diagnostic) -> Key:
    """Code, offending text and a little of its line: stable when lines are inserted above.

    Line numbers are deliberately absent; the same defect twice in a file counts twice.
    """
    text = source.text
    line_start, line_end = source.lines.line_span(source.lines.position(diag.start)[0])
    end = min(max(diag.end, diag.start), line_end)
    before = text[max(line_start, diag.start - CONTEXT):diag.start]
    after = text[end:min(line_end, end + CONTEXT)]
    return diag.code, text[diag.start:end][:MAX_TEXT], f"{before}\u2038{after}".strip()


def _file_key(path: str, base: Path) -> str:
    """Paths relative to the baseline's folder, so the file works from any working directory."""
    if path == "-" or path.startswith("<"):
        return path
    try:
        return Path(os.path.relpath(Path(path).resolve(), base.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return Path(path).resolve().as_posix()


def entries(result: Any) -> list[dict[str, Any]]:
    """One file's baseline entries (empty for a clean or unread file)."""
    if result.source is None or not result.diagnostics:
        return []
    counts = Counter(key(result.source, d) for d in result.diagnostics)
    return [{"code": c, "text": t, "context": ctx, "count": n} for (c, t, ctx), n in sorted(counts.items())]


def build(results: Iterable[Any], base: Path) -> dict[str, Any]:
    files = {_file_key(r.path, base): found for r in results if (found := entries(r))}
    return {"reportlint-baseline": VERSION, "files": dict(sorted(files.items()))}


def _write(data: dict[str, Any], path: str) -> int:
    """Write atomically; return how many findings were recorded."""
    target = Path(path)
    body = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        tmp.write_text(body, encoding="utf-8")
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise SourceError(path, Message("baseline_cannot_write", error=exc.strerror or str(exc))) from None
    return sum(e["count"] for found in data["files"].values() for e in found)


def _base(path: str) -> Path:
    target = Path(path)
    return target.parent if str(target.parent) else Path(".")


def write(results: Iterable[Any], path: str) -> int:
    """Write atomically; return how many findings were recorded."""
    return _write(build(results, _base(path)), path)


class Recorder:
    """``--write-baseline`` in a streamed run: each file's entries (a few short strings per
    finding) are kept as it comes, never the file's results."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.base = _base(path)
        self.files: dict[str, list[dict[str, Any]]] = {}
        self.with_findings = 0
        self.failed = 0

    def add(self, result: Any) -> None:
        self.failed += bool(result.error)
        self.with_findings += bool(result.diagnostics)
        found = entries(result)
        if found:
            self.files[_file_key(result.path, self.base)] = found

    def finish(self, lang: str) -> int:
        """Write the baseline (nothing when some input could not be read); the exit code."""
        if self.failed:
            error(f"{self.path}: {say('baseline_not_written', lang, n=self.failed)}")
            return EXIT_ERROR
        try:
            count = _write({"reportlint-baseline": VERSION, "files": dict(sorted(self.files.items()))}, self.path)
        except SourceError as exc:
            error(exc.text(lang))
            return EXIT_ERROR
        print(say("baseline_recorded", lang, count=count, files=self.with_findings, path=self.path), file=sys.stderr)
        return EXIT_OK


def write_for_run(results: Iterable[Any], path: str, lang: str) -> int:
    """The CLI's --write-baseline over a list of results: nothing is written when some input
    could not be read."""
    recorder = Recorder(path)
    for result in results:
        recorder.add(result)
    return recorder.finish(lang)


def load(path: str) -> tuple[Path, dict[str, Counter[Key]]]:
    try:
        from reportlint.config.datafiles import read_text_limited

        data = json.loads(read_text_limited(path))
    except FileNotFoundError:
        raise SourceError(path, Message("baseline_missing")) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(path, Message("baseline_unreadable", error=str(exc))) from None
    except json.JSONDecodeError as exc:
        raise SourceError(path, Message("baseline_bad_json", line=exc.lineno)) from None
    if not isinstance(data, dict) or data.get("reportlint-baseline") != VERSION:
        raise SourceError(path, Message("baseline_wrong_version", version=VERSION))
    try:
        files = {name: Counter({(e["code"], e["text"], e["context"]): int(e["count"]) for e in entries})
                 for name, entries in data["files"].items()}
    except (KeyError, TypeError, ValueError, AttributeError):
        raise SourceError(path, Message("baseline_malformed")) from None
    return Path(path).parent, files


def filter_results(results: list[Any], loaded: tuple[Path, dict[str, Counter[Key]]]) -> int:
    """Drop findings the baseline records (each entry absorbs ``count`` findings); return how many."""
    base, known = loaded
    dropped = 0
    for result in results:
        if result.source is None or not result.diagnostics:
            continue
        left = Counter(known.get(_file_key(result.path, base), Counter()))
        kept = []
        for diag in result.diagnostics:
            k = key(result.source, diag)
            if left[k] > 0:
                left[k] -= 1
                dropped += 1
            else:
                kept.append(diag)
        result.diagnostics = kept
    return dropped
