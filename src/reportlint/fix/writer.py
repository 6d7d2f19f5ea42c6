"""Write a fixed Source back without losing a byte: same encoding, BOM and newlines, atomically."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
from pathlib import Path
from typing import IO, Any

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


def read_only(path: str) -> bool:
    """No write bit for anyone, or not writable by this user: ``--fix`` leaves it alone (root
    included, whom the permission bits do not stop) unless ``--force``."""
    try:
        st = os.stat(path)
    except OSError:
        return False
    return not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK)


def write_atomic(path: str, data: bytes | IO[bytes]) -> None:
    """Replace a regular file without ever showing half of it; ``data`` is bytes or a binary
    file read from its start (a report streamed to a spool).

    A temporary file in the same directory is written, fsynced and checked; then it is renamed
    over the file (readers and a crash see the old file or the new one), with the file's mode,
    owner and group. Where a rename would change what the file is, the verified copy is written
    into the file itself instead: a file with hard links (a rename would split the link) or
    whose owner this process cannot give the new file. Nothing is left behind on failure.
    """
    target = Path(os.path.realpath(path))  # replace the file a symlink points to, not the link
    try:
        st: os.stat_result | None = target.stat()
    except FileNotFoundError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode):
        write_in_place(str(target), data)  # a device, a FIFO, a terminal: never replaced
        return
    mode = stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".reportlint.tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            _write_all(handle, data)
        os.chmod(tmp, mode)
        in_place = st is not None and (st.st_nlink > 1 or not _same_owner(tmp, st))
        if in_place:
            if not _reads_back(tmp, data):  # the copy is the way back if the in-place write fails
                raise OSError(errno.EIO, "the temporary copy did not read back")
            _overwrite(target, data)
            os.unlink(tmp)
        else:
            os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _sync_directory(target.parent)


def _reads_back(tmp: str, data: bytes | IO[bytes]) -> bool:
    if isinstance(data, bytes):
        return Path(tmp).read_bytes() == data
    data.seek(0)
    with open(tmp, "rb") as copy:
        while True:
            want, got = data.read(1 << 16), copy.read(1 << 16)
            if want != got:
                return False
            if not want:
                return True


def _overwrite(target: Path, data: bytes | IO[bytes]) -> None:
    """Rewrite the file's own bytes (its inode, links and owner stay); on failure put back the old ones."""
    with open(target, "r+b") as handle:
        old = handle.read()
        try:
            handle.seek(0)
            handle.truncate(0)
            _write_all(handle, data)
        except BaseException:
            handle.seek(0)
            handle.truncate(0)
            handle.write(old)
            handle.flush()
            raise


def write_in_place(path: str, data: bytes | IO[bytes]) -> None:
    """Write to what is not a regular file (``/dev/stdout``, a FIFO, a device) as it is."""
    with open(path, "wb") as handle:
        _copy(handle, data)
        handle.flush()


def _copy(handle: Any, data: bytes | IO[bytes]) -> None:
    if isinstance(data, bytes):
        handle.write(data)
    else:
        data.seek(0)
        shutil.copyfileobj(data, handle)


def _write_all(handle: Any, data: bytes | IO[bytes]) -> None:
    _copy(handle, data)
    handle.flush()
    os.fsync(handle.fileno())


def _same_owner(tmp: str, st: os.stat_result) -> bool:
    """Give the new file the old one's owner and group; False when this process may not."""
    mine = os.stat(tmp)
    if (mine.st_uid, mine.st_gid) == (st.st_uid, st.st_gid):
        return True
    try:
        os.chown(tmp, st.st_uid, st.st_gid)
    except (OSError, AttributeError):
        return False
    os.chmod(tmp, stat.S_IMODE(st.st_mode))  # chown clears set-id bits
    return True


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


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
