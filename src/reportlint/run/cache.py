"""Result cache: one file's findings kept under a key of everything that decides them (as ruff's).

The key hashes the file's path and text as read, the resolved config (rules, severities,
options, language, per-file ignores) and the contents of the config files it came from, the
installed rules and plugins with their versions, and reportlint's version. A hit skips linting;
the source is still read, since the key needs it and formatters show it.

Entries live in ``$XDG_CACHE_HOME/reportlint/results-v<N>/`` (or ``--cache-dir``), are written
atomically and are untrusted on the way back: an entry too large, truncated, of another key or
of the wrong shape is a miss. Entries are JSON, a format parsed here, never marshal or pickle:
marshal trusts the sizes it reads (a 5-byte entry claiming a 2-billion-item tuple allocates
16 GB before failing), and JSON allocates no more than its text. Fix mode and standard input
bypass the cache.

Beside each file's findings, the formats whose text for a file does not depend on any other
file (json, json-lines, concise, github, gitlab: their writers' ``part``) keep that text, with
the file's share of the run's totals (``outcome.Tally``), under the result key, the writer and
its options (``rendered-v<N>/``). A hit there writes the stored text and adds the counts: no
finding is rebuilt, positioned or formatted. Such an entry is a JSON header line (format, its
own key, the text's length in bytes and CRC-32, whether it is strict UTF-8, the tally) and the
text in UTF-8; a header of another shape or key, a length or CRC the text does not have, is a miss.
Strict UTF-8 text is written to the output as the bytes stored, without decoding.
"""

from __future__ import annotations

import hashlib
import json
import os
import zlib
from pathlib import Path
from typing import Any

from reportlint.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity
from reportlint.outcome import Tally

_FORMAT = 2  # bump when an entry's layout changes
_FOLDER = f"results-v{_FORMAT}"
MAX_ENTRY_BYTES = 8 * 1024 * 1024  # a larger entry is not read (nor written)
MAX_DIAGNOSTICS = 100_000
_RENDERED_FORMAT = 1  # bump when a rendered entry's layout changes
_RENDERED = f"rendered-v{_RENDERED_FORMAT}"
MAX_RENDERED_BYTES = 16 * 1024 * 1024  # a file's report text; a larger one is not stored
_SEVERITIES = {int(s): s for s in Severity}


def default_dir() -> Path | None:
    from reportlint.config.datafiles import cache_dir

    return cache_dir()


def folder(base: Path | None) -> Path | None:
    return None if base is None else base / _FOLDER


def clean(base: Path | None) -> bool:
    """Remove every result entry (findings and rendered text) under ``base``; True when something was removed."""
    if base is None:
        return False
    import shutil

    removed = False
    for where in (base / _FOLDER, base / _RENDERED):
        if where.is_dir():
            shutil.rmtree(where, ignore_errors=True)
            removed = True
    return removed


def _file_digest(path: str) -> str:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return "missing"


def run_fingerprint(rules: dict[str, Any], plugin_names: list[tuple[str, str]]) -> str:
    """What every file of a run shares: reportlint's version, the rules and the plugins."""
    from reportlint import __version__

    parts = [__version__, repr(sorted(plugin_names)), code_stamp(rules)]
    for code in sorted(rules):
        rule = rules[code]
        parts.append(f"{code}:{rule.__module__}.{rule.__qualname__}")
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def code_stamp(rules: dict[str, Any]) -> str:
    """Size and modification time of reportlint's own code and data and of every rule's module:
    an edited rule, profile or plugin (an editable install, a plugin updated without a new
    version) must not be answered from findings its old code made. Stats only, no reading."""
    import sys

    from reportlint.config.resources import data_dir

    package = Path(__file__).resolve().parent.parent
    files = [p for p in package.rglob("*") if p.suffix in (".py", ".yaml", ".yml", ".lark", ".json")]
    for name in ("rulesets", "grammars"):
        try:
            folder = data_dir(name)
        except FileNotFoundError:
            continue
        if package not in folder.parents:
            files += [p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml", ".lark")]
    for module in {rule.__module__ for rule in rules.values()}:
        where = getattr(sys.modules.get(module), "__file__", None)
        if where:
            files.append(Path(where))
    h = hashlib.sha256()
    for path in sorted(set(files)):
        try:
            st = path.stat()
        except OSError:
            continue
        h.update(f"{path}|{st.st_size}|{st.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    return h.hexdigest()


def config_fingerprint(config: Any) -> str:
    """The resolved config of one file and the contents of the files it came from."""
    parts = [config.lang, repr(sorted(config.ignored_here))]
    for code in sorted(config.rules):
        s = config.rules[code]
        parts.append(f"{code}|{int(s.severity)}|{sorted(s.options.items())!r}")
    parts.extend(f"{name}|{_file_digest(name)}" for name in config.raw.files)
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def key(run: str, config: str, source: Any) -> str:
    h = hashlib.sha256()
    for part in (run, config, source.path, source.encoding, str(source.bom), source.original, source.text):
        data = part.encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    # a .docx's formatting is not in its text: the layout rules see the package, so must the key
    package = getattr(getattr(source, "layout", None), "package", b"")
    if package:
        h.update(hashlib.sha256(package).digest())
    return h.hexdigest()


def bytes_key(run: str, config: str, shown: str, encoding: str | None, data: bytes) -> str:
    """The rendered-text key of a file read as ``data``: its Source is decided by the bytes, the
    path shown (whose suffix picks the reader), the encoding asked for and the readers (in
    ``run``), so a hit needs neither decoding nor the text's own key."""
    h = hashlib.sha256()
    for part in (run, config, shown, encoding or ""):
        encoded = part.encode("utf-8", "surrogatepass")
        h.update(len(encoded).to_bytes(8, "little"))
        h.update(encoded)
    h.update(data)
    return h.hexdigest()


def _entry(base: Path, digest: str) -> Path:
    return base / _FOLDER / digest[:2] / digest[2:]


def _dump(d: Diagnostic) -> tuple[Any, ...]:
    fix = None
    if d.fix is not None:
        fix = (d.fix.title, d.fix.applicability.value, tuple((e.start, e.end, e.content) for e in d.fix.edits))
    return (d.code, d.name, int(d.severity), d.message, d.start, d.end, fix)


def _load(item: Any) -> Diagnostic:
    code, name, severity, message, start, end, fix = item
    for value in (code, name, message):
        if not isinstance(value, str):
            raise TypeError
    for value in (severity, start, end):
        if not isinstance(value, int):
            raise TypeError
    made = None
    if fix is not None:
        title, applicability, edits = fix
        if not isinstance(title, str):
            raise TypeError
        made = Fix(title, tuple(_edit(e) for e in edits), Applicability(applicability))
    return Diagnostic(code, name, Severity(severity), message, start, end, made)


def _edit(item: Any) -> Edit:
    start, end, content = item
    if not (isinstance(start, int) and isinstance(end, int) and isinstance(content, str)):
        raise TypeError
    return Edit(start, end, content)


def read(base: Path, digest: str) -> list[Diagnostic] | None:
    """The cached findings for this key, or None (missing, too large, damaged or not ours)."""
    path = _entry(base, digest)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_ENTRY_BYTES + 1)
    except OSError:
        return None
    if len(data) > MAX_ENTRY_BYTES:
        return None
    try:
        fmt, stored_key, items = json.loads(data)
        if fmt != _FORMAT or stored_key != digest or not isinstance(items, list) or len(items) > MAX_DIAGNOSTICS:
            return None
        return [_load(item) for item in items]
    except (ValueError, TypeError, KeyError, RecursionError):  # JSONDecodeError and UnicodeError are ValueErrors
        return None


def write(base: Path, digest: str, diagnostics: list[Diagnostic]) -> None:
    from reportlint.config.datafiles import write_cache_file

    try:
        payload = json.dumps([_FORMAT, digest, [_dump(d) for d in diagnostics]], separators=(",", ":")).encode("ascii")
    except (ValueError, TypeError):
        return
    if len(payload) <= MAX_ENTRY_BYTES:
        write_cache_file(_entry(base, digest), payload)


def _rendered_key(digest: str, tag: str) -> str:
    return hashlib.sha256(f"{digest}\0{tag}".encode("utf-8", "surrogatepass")).hexdigest()


def _rendered_entry(base: Path, entry_key: str) -> str:
    return os.path.join(base, _RENDERED, entry_key[:2], entry_key[2:])  # os.path: ~50 µs less a file than pathlib


def read_rendered(base: Path, digest: str, tag: str) -> tuple[str | bytes, Tally] | None:
    """The stored report text of the file with result key ``digest`` in the writer and options
    ``tag`` (see ``check.render_tag``), with its tally; None when missing, damaged or not ours."""
    entry_key = _rendered_key(digest, tag)
    try:
        with open(_rendered_entry(base, entry_key), "rb") as handle:
            data = handle.read(MAX_RENDERED_BYTES + 65537)
    except OSError:
        return None
    head, newline, body = data.partition(b"\n")
    if not newline or len(head) > 65536:
        return None
    try:
        fmt, stored_key, size, crc, strict, (findings, fixable, severities, rules) = json.loads(head)
        if (fmt != _RENDERED_FORMAT or stored_key != entry_key or size != len(body) or strict not in (0, 1)
                or crc != zlib.crc32(body)):  # a damaged body is a miss (~7 ms a 26 MB run)
            return None
        for value in (findings, fixable):
            if not isinstance(value, int):
                raise TypeError
        pairs = [(_SEVERITIES[severity], _count(n)) for severity, n in severities]
        rows = [(_text(code), _text(name), _count(count), _count(fixed)) for code, name, count, fixed in rules]
        # strict UTF-8 stays bytes, written as they are (formatters.common.write_text)
        text: str | bytes = body if strict else body.decode("utf-8", "surrogatepass")
        return text, Tally(findings, fixable, pairs, rows)
    except (ValueError, TypeError, KeyError, RecursionError):
        return None


def _count(value: Any) -> int:
    if not isinstance(value, int):
        raise TypeError
    return value


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError
    return value


def write_rendered(base: Path, digest: str, tag: str, text: str, tally: Tally) -> None:
    """Store one file's report text and tally (see ``read_rendered``); too large: not stored."""
    from reportlint.config.datafiles import write_cache_file

    entry_key = _rendered_key(digest, tag)
    try:
        body, strict = text.encode("utf-8"), 1
    except UnicodeEncodeError:  # lone surrogates (a path or text that was not UTF-8): kept as a str
        body, strict = text.encode("utf-8", "surrogatepass"), 0
    if len(body) > MAX_RENDERED_BYTES:
        return
    counts = [tally.findings, tally.fixable, [[int(s), n] for s, n in tally.severities],
              [list(row) for row in tally.rules]]
    try:
        header = [_RENDERED_FORMAT, entry_key, len(body), zlib.crc32(body), strict, counts]
        head = json.dumps(header, separators=(",", ":")).encode("ascii")
    except (ValueError, TypeError):
        return
    write_cache_file(Path(_rendered_entry(base, entry_key)), head + b"\n" + body)
