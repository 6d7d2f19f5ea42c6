"""Write a fixed Source back without losing a byte: same encoding, BOM and newlines, atomically."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from reportlint.load.source import Source
from reportlint.messages import LocalisedError, Message


class WriteRefused(LocalisedError):
    """The file is left alone; ``message`` says why in one line (``reason`` in English)."""

    def __init__(self, reason: str | Message) -> None:
        super().__init__(None, reason)


def unwritable(source: Source) -> Message | None:
    """Why rewriting this source could lose something, or None when it is safe."""
    if source.newline is None:
        return Message("mixed_newlines")
    if not source.lossless:
        return Message("lossy_decode")
    if source.format == "docx":  # a .docx is not text: docxfix writes it, run by run
        return Message("docx_read_as_text")
    return None


def encode(source: Source) -> bytes:
    """``source.encode()``, or WriteRefused naming the first character the encoding cannot hold."""
    try:
        return source.encode()
    except UnicodeEncodeError as exc:
        raise WriteRefused(Message("cannot_encode", char=exc.object[exc.start], encoding=source.encoding)) from None


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
        raise WriteRefused(Message("cannot_reread", error=exc.strerror or str(exc))) from None
    if encode(before) != on_disk:
        raise WriteRefused(Message("changed_on_disk"))
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
