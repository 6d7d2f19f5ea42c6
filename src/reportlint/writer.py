"""Write a fixed Source back without losing a byte: same encoding, BOM and newlines, atomically."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from reportlint.source import Source


class WriteRefused(Exception):
    """The file is left alone; ``reason`` says why in one line."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def unwritable(source: Source) -> str | None:
    """Why rewriting this source could lose something, or None when it is safe."""
    if source.newline is None:
        return "it mixes newline styles (CRLF / LF / CR), so rewriting it would change them"
    if not source.lossless:
        return "it did not decode cleanly, so rewriting it could lose characters"
    if source.format == "docx":  # a .docx is not text: docxfix writes it, run by run
        return "fixes cannot be written into a Word file read this way; apply them in Word"
    return None


def encode(source: Source) -> bytes:
    """``source.encode()``, or WriteRefused naming the first character the encoding cannot hold."""
    try:
        return source.encode()
    except UnicodeEncodeError as exc:
        raise WriteRefused(f"the fixed text has {exc.object[exc.start]!r}, which {source.encoding} "
                           "cannot encode") from None


def write_back(path: str, before: Source, after: Source) -> None:
    """Replace ``path`` with ``after`` only if ``before`` re-encodes to exactly the bytes on disk.

    The round trip proves the decode lost nothing and that the file did not change meanwhile.
    """
    reason = unwritable(before)
    if reason:
        raise WriteRefused(reason)
    try:
        on_disk = Path(path).read_bytes()
    except OSError as exc:
        raise WriteRefused(f"cannot read it again: {exc.strerror or exc}") from None
    if encode(before) != on_disk:
        raise WriteRefused("it changed since it was read, or would not round-trip byte for byte")
    write_atomic(path, encode(after))


def write_atomic(path: str, data: bytes) -> None:
    """Temporary file in the same directory, fsync, then ``os.replace``: readers (and a crash)
    see either the old file or the new one, never half of each. Permissions are kept."""
    target = Path(os.path.realpath(path))  # replace the file a symlink points to, not the link
    mode = stat.S_IMODE(target.stat().st_mode)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".reportlint.tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _sync_directory(target.parent)


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable; not every platform lets a directory be opened."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
