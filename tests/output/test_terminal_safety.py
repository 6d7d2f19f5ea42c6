"""Text from a document or a path never reaches the terminal raw: escape sequences and other
control characters are shown as escapes in concise, full and stderr; undecodable file names
keep every format (JSON included) valid."""

from __future__ import annotations

import json
import os

import pytest

HOSTILE = "\x1b[31m\x1b]0;owned\x07\u202e"
TEXT = f"关于工作的报告{HOSTILE}\n\n今年,我们完成了任务{HOSTILE}。xx县局{HOSTILE}召开会议。\n"


@pytest.mark.parametrize("fmt", ["concise", "full", "github", "json"])
def test_escape_sequences_from_the_document_and_the_name_are_not_printed(cli, tmp_path, fmt):
    name = "r\x1b[2Jx.txt"
    (tmp_path / name).write_text(TEXT, encoding="utf-8")
    result = cli("check", "--format", fmt, name, "missing\x1b[5m.txt")
    assert result.returncode == 2
    for stream in (result.stdout, result.stderr):
        assert "\x1b" not in stream and "\x07" not in stream and "\u202e" not in stream
    assert "\\x1b" in result.stderr  # the unreadable path is named, escaped
    if fmt == "json":
        assert json.loads(result.stdout)
    else:
        assert "\\x1b" in result.stdout


@pytest.mark.parametrize("fmt", ["concise", "full", "json", "json-lines", "sarif", "junit", "gitlab", "github", "html"])
def test_file_name_that_is_not_utf8(cli, tmp_path, fmt):
    name = os.fsencode(tmp_path) + b"/r\xff\xfe.txt"
    with open(name, "wb") as handle:
        handle.write(TEXT.encode("utf-8"))
    result = cli("check", "--format", fmt, "--no-summary", os.fsdecode(name), input=b"")
    assert result.returncode == 1, result.stderr
    assert b"Traceback" not in result.stderr
    out = result.stdout.decode("utf-8")  # valid UTF-8
    assert "xff" in out.lower() or "%FF" in out.upper()
    if fmt in ("json", "sarif", "gitlab"):
        json.loads(out)
    if fmt == "json-lines":
        [json.loads(line) for line in out.splitlines()]
