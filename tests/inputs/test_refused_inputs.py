"""Bad inputs end in one line on stderr and exit 2, never a traceback, a hang or a huge read:
devices, FIFOs, oversized inputs, alias bombs, symlink loops, unusable encodings, a .docx with
the wrong XML root, a full disk, a very deep tree, an unrelated broken pyproject.toml."""

from __future__ import annotations

import io
import os
import zipfile

import pytest

TEXT = "关于工作的报告\n\n今年,我们完成了任务。\n"


def _one_line_exit_2(result, *words):
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("reportlint: error")]
    assert len(errors) == 1, result.stderr
    for word in words:
        assert word in errors[0], errors[0]


@pytest.fixture
def doc(tmp_path):
    (tmp_path / "r.txt").write_text(TEXT, encoding="utf-8")
    return "r.txt"


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return str(path)


@pytest.mark.parametrize("where", ["check", "parse", "config", "baseline"])
@pytest.mark.parametrize("what", ["/dev/zero", "fifo"])
def test_devices_and_fifos_are_refused_not_read(cli, doc, fifo, where, what):
    target = fifo if what == "fifo" else what
    args = {"check": ("check", target), "parse": ("parse", target),
            "config": ("check", "--config", target, doc), "baseline": ("check", "--baseline", target, doc)}[where]
    result = cli(*args, "--lang", "en")  # the cli fixture has a timeout: a hang fails the test
    _one_line_exit_2(result, "regular file")


def test_extends_a_fifo_is_refused(cli, doc, fifo, tmp_path):
    (tmp_path / ".reportlint.yaml").write_text(f"extends: {fifo}\n", encoding="utf-8")
    _one_line_exit_2(cli("check", "--lang", "en", doc))


@pytest.mark.parametrize("where", ["check", "stdin", "parse", "config", "baseline"])
def test_inputs_above_the_limit_are_refused(cli, doc, tmp_path, where):
    (tmp_path / "big.txt").write_text(TEXT * 200, encoding="utf-8")
    (tmp_path / "big.yaml").write_text("lang: en\n" + "# padding\n" * 500, encoding="utf-8")
    (tmp_path / "big.json").write_text("{}" + " " * 5000, encoding="utf-8")
    args = {"check": ("check", "big.txt"), "stdin": ("check", "-"), "parse": ("parse", "big.txt"),
            "config": ("check", "--config", "big.yaml", doc), "baseline": ("check", "--baseline", "big.json", doc)}[where]
    result = cli(*args, "--lang", "en", input=TEXT * 200, env={"REPORTLINT_MAX_BYTES": "4K"})
    _one_line_exit_2(result, "limit")
    assert cli(*args, "--lang", "en", input=TEXT * 200).returncode != 2 or where == "baseline"


BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
    f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(8))


def test_yaml_alias_bomb_is_refused(cli, doc, tmp_path):
    (tmp_path / ".reportlint.yaml").write_text(BOMB, encoding="utf-8")
    result = cli("check", "--lang", "en", doc)
    _one_line_exit_2(result, "alias")


def test_symlink_loop(cli, doc, tmp_path):
    os.symlink("loop2", tmp_path / "loop1")
    os.symlink("loop1", tmp_path / "loop2")
    _one_line_exit_2(cli("check", "loop1"), "loop1")
    _one_line_exit_2(cli("check", "--config", "loop1", doc), "loop1")


@pytest.mark.parametrize("encoding", ["rot13", "hex", "base64", "zlib"])
def test_unusable_encodings(cli, doc, tmp_path, encoding):
    _one_line_exit_2(cli("check", "--lang", "en", "--encoding", encoding, doc), encoding)
    (tmp_path / ".reportlint.yaml").write_text(f"encoding: {encoding}\n", encoding="utf-8")
    _one_line_exit_2(cli("check", "--lang", "en", doc), encoding)


def test_docx_whose_xml_root_is_wrong(cli, tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("关于工作的报告")
    good = io.BytesIO()
    document.save(good)
    out = io.BytesIO()
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/document.xml":
                data = (b'<?xml version="1.0" encoding="UTF-8"?><w:foo xmlns:w="http://schemas.openxmlformats.org'
                        b'/wordprocessingml/2006/main"><w:body><w:p/></w:body></w:foo>')
            zout.writestr(info, data)
    (tmp_path / "bad.docx").write_bytes(out.getvalue())
    _one_line_exit_2(cli("check", "--lang", "en", "bad.docx"), "bad.docx", "root")


def test_stdout_on_a_full_disk(cli, doc, tmp_path):
    import stat
    import subprocess
    import sys
    from pathlib import Path

    full = "/dev/full"
    if os.geteuid() == 0:  # a private device node, so a broken build cannot replace the real one
        full = str(tmp_path / "full")
        os.mknod(full, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    exe = Path(sys.executable).with_name("reportlint")
    with open(full, "w") as out:
        result = subprocess.run([str(exe), "check", "--lang", "en", doc], stdout=out, stderr=subprocess.PIPE,
                                text=True, cwd=tmp_path, timeout=60)
    _one_line_exit_2(result, "space")


def test_a_very_deep_directory_tree(cli, tmp_path):
    os.mkdir(tmp_path / "top")
    fd = os.open(tmp_path / "top", os.O_RDONLY)
    for _ in range(1100):  # os.makedirs itself recurses too deeply
        os.mkdir("d", dir_fd=fd)
        fd, old = os.open("d", os.O_RDONLY, dir_fd=fd), fd
        os.close(old)
    out = os.open("r.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
    os.write(out, TEXT.encode("utf-8"))
    os.close(out)
    os.close(fd)
    try:
        result = cli("check", "--lang", "en", "top")
    finally:
        import subprocess

        subprocess.run(["rm", "-rf", str(tmp_path / "top")], check=False)  # shutil.rmtree recurses too deep
    assert "Traceback" not in result.stderr
    assert result.returncode in (1, 2)
    if result.returncode == 2:
        _one_line_exit_2(result)


def test_unrelated_invalid_pyproject_is_ignored(cli, doc, tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.black\nline-length = ", encoding="utf-8")
    result = cli("check", "--lang", "en", doc)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    (tmp_path / "pyproject.toml").write_text("[tool.reportlint]\nlang = ", encoding="utf-8")
    _one_line_exit_2(cli("check", "--lang", "en", doc), "pyproject.toml")


def test_fix_with_an_unknown_format_writes_nothing(cli, doc, tmp_path):
    result = cli("check", "--fix", "--format", "nope", doc)
    _one_line_exit_2(result, "nope")
    assert (tmp_path / doc).read_text(encoding="utf-8") == TEXT


def test_fix_stdin_never_prints_the_summary_to_stdout(cli):
    for extra in ((), ("--format", "concise"), ("--format", "full"), ("--show-fixes",), ("--statistics",)):
        result = cli("check", "--fix", *extra, "-", input=TEXT.replace(",", ",，"))
        assert result.stdout.startswith("关于工作的报告\n"), result.stdout
        assert "问题" not in result.stdout and "修复" not in result.stdout, result.stdout
