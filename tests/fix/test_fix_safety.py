"""--fix and --output-file never clobber what they should not: read-only files, other users'
ownership, hard links, devices and FIFOs; a failed write leaves nothing behind."""

from __future__ import annotations

import errno
import os
import stat
import threading

import pytest

from reportlint.fix import writer
from reportlint.formatters.common import write_report

FIXABLE = "关于工作的报告\n\n今年,我们完成了任务。\n"
root_only = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root (mknod, chown)")


def _fixable(tmp_path):
    target = tmp_path / "r.txt"
    target.write_text(FIXABLE, encoding="utf-8")
    return target


def test_read_only_file_is_refused_unless_forced(cli, tmp_path):
    target = _fixable(tmp_path)
    target.chmod(0o444)
    result = cli("check", "--fix", "--lang", "en", "r.txt")
    assert result.returncode == 2, result.stderr
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert len(errors) == 1 and "r.txt" in errors[0] and "read-only" in errors[0]
    assert target.read_text(encoding="utf-8") == FIXABLE
    result = cli("check", "--fix", "--force", "r.txt")
    assert result.returncode in (0, 1), result.stderr
    assert target.read_text(encoding="utf-8") != FIXABLE
    assert stat.S_IMODE(target.stat().st_mode) == 0o444


@root_only
def test_fix_keeps_owner_group_and_mode(cli, tmp_path):
    target = _fixable(tmp_path)
    os.chown(target, 12345, 23456)
    target.chmod(0o640)
    result = cli("check", "--fix", "r.txt")
    assert result.returncode in (0, 1), result.stderr
    st = target.stat()
    assert target.read_text(encoding="utf-8") != FIXABLE
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (12345, 23456, 0o640)


def test_fix_keeps_a_hard_link(cli, tmp_path):
    target = _fixable(tmp_path)
    link = tmp_path / "other-name.txt"
    os.link(target, link)
    result = cli("check", "--fix", "r.txt")
    assert result.returncode in (0, 1), result.stderr
    assert target.read_text(encoding="utf-8") != FIXABLE
    assert link.read_bytes() == target.read_bytes()
    assert os.path.samefile(target, link)
    assert not [p for p in tmp_path.iterdir() if "reportlint.tmp" in p.name]


@root_only
def test_output_file_writes_into_a_device_and_never_replaces_it(cli, tmp_path):
    (tmp_path / "r.txt").write_text(FIXABLE, encoding="utf-8")
    device = tmp_path / "null"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # like /dev/null
    result = cli("check", "-o", str(device), "r.txt")
    assert result.returncode == 1, result.stderr
    assert stat.S_ISCHR(device.stat().st_mode)


def test_output_file_writes_into_a_fifo(cli, tmp_path):
    (tmp_path / "r.txt").write_text(FIXABLE, encoding="utf-8")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()), daemon=True)  # noqa: SIM115
    reader.start()
    result = cli("check", "--format", "concise", "-o", str(fifo), "r.txt")
    reader.join(10)
    assert result.returncode == 1, result.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert got and b"r.txt" in got[0]


def test_output_file_dev_stdout(cli, tmp_path):
    (tmp_path / "r.txt").write_text(FIXABLE, encoding="utf-8")
    result = cli("check", "--format", "concise", "-o", "/dev/stdout", "r.txt")
    assert result.returncode == 1, result.stderr
    assert "r.txt:3" in result.stdout


def test_failed_report_write_leaves_nothing_behind(tmp_path, monkeypatch):
    def full(handle, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writer, "_write_all", full)
    target = tmp_path / "report.json"
    with pytest.raises(OSError):
        write_report(str(target), "[]\n")
    assert list(tmp_path.iterdir()) == []
    target.write_text("old", encoding="utf-8")
    with pytest.raises(OSError):
        write_report(str(target), "[]\n")
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"] and target.read_text(encoding="utf-8") == "old"


def test_failed_in_place_write_puts_the_old_bytes_back(tmp_path, monkeypatch):
    target = tmp_path / "a.txt"
    target.write_bytes(b"old text")
    os.link(target, tmp_path / "b.txt")
    calls = []

    def full_second_time(handle, data):
        calls.append(1)
        if len(calls) == 2:  # the temporary copy succeeds, the in-place write does not
            handle.write(data[:2])
            raise OSError(errno.ENOSPC, "No space left on device")
        handle.write(data)
        handle.flush()

    monkeypatch.setattr(writer, "_write_all", full_second_time)
    with pytest.raises(OSError):
        writer.write_atomic(str(target), b"new text")
    assert target.read_bytes() == b"old text" and sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]


def test_output_file_on_a_full_disk_is_one_line(cli, tmp_path):
    (tmp_path / "r.txt").write_text(FIXABLE, encoding="utf-8")
    full = "/dev/full"
    if os.geteuid() == 0:  # a private copy: a broken writer running as root must not replace /dev/full itself
        full = str(tmp_path / "full")
        os.mknod(full, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    result = cli("check", "-o", full, "r.txt")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
