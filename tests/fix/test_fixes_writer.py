"""Write-back never loses data: atomic replace, permissions, round-trip check, refusals."""

from __future__ import annotations

import dataclasses
import os
import stat

import pytest

from reportlint.fix import writer
from reportlint.fix.writer import WriteRefused, write_atomic, write_back
from reportlint.load.source import Source, load


def _fixed(source: Source, old: str, new: str) -> Source:
    text = source.original.replace(old, new)
    return dataclasses.replace(source, text=text, original=text)


def test_failure_between_write_and_replace_leaves_the_original_and_no_temp_file(tmp_path, monkeypatch):
    path = tmp_path / "report.txt"
    path.write_bytes("甲方,乙方\n".encode())

    def crash(src, dst):
        assert os.path.exists(src)  # the new content was written completely before the swap
        raise OSError(5, "simulated crash before the rename")

    monkeypatch.setattr(writer.os, "replace", crash)
    source = load(str(path))
    with pytest.raises(OSError, match="simulated crash"):
        write_back(str(path), source, _fixed(source, ",", "，"))
    assert path.read_bytes() == "甲方,乙方\n".encode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]


def test_interrupt_during_write_leaves_no_temp_file(tmp_path, monkeypatch):
    path = tmp_path / "report.txt"
    path.write_bytes(b"old")

    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(writer.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(str(path), b"new")
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]


def test_permissions_are_kept(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(b"old")
    path.chmod(0o640)
    write_atomic(str(path), b"new")
    assert path.read_bytes() == b"new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_symlink_stays_a_symlink(tmp_path):
    real = tmp_path / "real.txt"
    real.write_bytes(b"old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_atomic(str(link), b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"


def test_a_file_changed_since_it_was_read_is_not_overwritten(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("甲方,乙方\n", encoding="utf-8")
    source = load(str(path))
    path.write_text("别人刚改过,乙方\n", encoding="utf-8")
    with pytest.raises(WriteRefused, match="changed since it was read"):
        write_back(str(path), source, _fixed(source, ",", "，"))
    assert path.read_text(encoding="utf-8") == "别人刚改过,乙方\n"


def test_text_the_encoding_cannot_hold_is_refused(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes("甲方,乙方\n".encode("gb2312"))
    source = load(str(path), encoding="gb2312")
    with pytest.raises(WriteRefused, match="cannot encode"):
        write_back(str(path), source, _fixed(source, ",", "😀"))
    assert path.read_bytes() == "甲方,乙方\n".encode("gb2312")


def test_mixed_newlines_are_unwritable_and_a_bom_is_not(tmp_path):
    mixed, bom = tmp_path / "mixed.txt", tmp_path / "bom.txt"
    mixed.write_bytes("甲\r\n乙\n".encode())
    bom.write_bytes(b"\xef\xbb\xbf" + "甲\n".encode())
    assert "mixes newline styles" in str(writer.unwritable(load(str(mixed))))
    assert writer.unwritable(load(str(bom))) is None


def test_lossy_and_docx_sources_are_unwritable():
    text = Source.from_text("甲\n")
    assert writer.unwritable(dataclasses.replace(text, lossless=False))
    assert "Word" in str(writer.unwritable(dataclasses.replace(text, format="docx")))


@pytest.mark.parametrize("encoding, bom, newline", [
    ("utf-8", False, "\n"), ("utf-8", True, "\r\n"), ("gb18030", False, "\r\n"),
    ("utf-16-le", True, "\n"), ("utf-16-be", True, "\r\n"), ("big5", False, "\r"),
])
def test_encode_round_trips_what_load_read(tmp_path, encoding, bom, newline):
    text = newline.join(["一、總體情況", "甲方，乙方。", ""])
    data = (("\ufeff" if bom else "") + text).encode(encoding)
    path = tmp_path / "report.txt"
    path.write_bytes(data)
    source = load(str(path), encoding=None if bom else encoding)
    assert writer.encode(source) == data == source.encode()
