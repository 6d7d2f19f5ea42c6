"""Small CLI conveniences: check as the default command, ruff's option spellings, a closed pipe,
byte columns for editors, shell completion."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE

ASTRAL = "𠀀𠀁项目20XX年工作总结\n"  # two astral characters before the placeholder


def test_check_is_the_default_command(cli):
    plain = cli("check", "--format", "json", str(EXAMPLE))
    short = cli("--format", "json", str(EXAMPLE))
    bare = cli(str(EXAMPLE), "--format", "json")
    assert plain.returncode == short.returncode == bare.returncode == 1
    assert json.loads(plain.stdout) == json.loads(short.stdout) == json.loads(bare.stdout) != []
    assert "check 是默认命令" in cli("--help").stdout
    assert "check is the default command" in cli("--help", "--lang", "en").stdout
    assert cli("-", "--select", "PH001", "--format", "json", input=ASTRAL).returncode == 1


def test_output_format_is_accepted_as_ruff_spells_it(cli):
    result = cli("check", "--output-format", "json", str(EXAMPLE))
    assert json.loads(result.stdout) == json.loads(cli("check", "--format", "json", str(EXAMPLE)).stdout)


@pytest.mark.parametrize("argv", [["rules", "--format", "json"], ["check", "--format", "json", "-"]])
def test_closed_pipe_is_not_a_traceback(argv):
    """`reportlint rules | head -1`: the reader leaves after one line; the output is larger than
    the pipe's buffer, so the writer meets the closed pipe."""
    exe = str(Path(sys.executable).with_name("reportlint"))
    proc = subprocess.Popen([exe, *argv], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if argv[-1] == "-":
        proc.stdin.write(EXAMPLE.read_bytes() * 60)
    proc.stdin.close()
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    code = proc.wait(timeout=120)
    assert "Traceback" not in err and "BrokenPipeError" not in err, err
    assert code == (1 if argv[0] == "check" else 0)


def test_rule_help_names_a_rule_that_exists(cli):
    text = cli("rule", "--help").stdout
    example = re.search(r"例如\s*(\S+)\s+/\s+(\S+)", " ".join(text.split()))
    assert example, text
    for word in example.groups():
        result = cli("rule", word.rstrip(")."))
        assert result.returncode == 0, result.stderr


def test_column_unit(cli):
    def first(unit):
        result = cli("-", "--select", "PH001", "--format", "json", "--column-unit", unit, input=ASTRAL)
        item = json.loads(result.stdout)[0]
        return item["column"], item["end_column"]

    # 𠀀𠀁项目 before 20XX: 4 characters, 2*4 + 2*3 = 14 UTF-8 bytes, 2*2 + 2 = 6 UTF-16 units
    assert first("char") == (5, 9)
    assert first("byte") == (15, 19)
    assert first("utf16") == (7, 11)
    concise = cli("-", "--select", "PH001", "--format", "concise", "--column-unit", "byte", input=ASTRAL).stdout
    assert concise.startswith("-:1:15: PH001")
    assert "-:1:5: PH001" in cli("-", "--select", "PH001", "--format", "concise", input=ASTRAL).stdout
    bad = cli("-", "--column-unit", "bytes", input=ASTRAL)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_bash_completion_completes_commands_options_and_values(cli, tmp_path):
    script = tmp_path / "reportlint.bash"
    result = cli("completion", "bash")
    assert result.returncode == 0
    script.write_text(result.stdout, encoding="utf-8")

    def complete(*words):
        probe = (f"source {script}; COMP_WORDS=({' '.join(words)}); COMP_CWORD={len(words) - 1}; "
                 "_reportlint; printf '%s\\n' \"${COMPREPLY[@]}\"")
        done = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        return done.stdout.split()

    assert complete("reportlint", "ru") == ["rule", "rules"]
    assert "--output-format" in complete("reportlint", "check", "--out")
    assert "--column-unit" in complete("reportlint", "--col")  # check is the default command
    assert complete("reportlint", "check", "--format", "json") == ["json", "json-lines"]
    assert complete("reportlint", "rule", "HD00") == [f"HD00{i}" for i in range(1, 9)]
    assert "placeholders" in complete("reportlint", "--select", "pla")
    assert complete("reportlint", "completion", "f") == ["fish"]


def test_zsh_and_fish_completion_scripts(cli):
    fish = cli("completion", "fish").stdout
    assert "complete -c reportlint -n __fish_use_subcommand -f -a check" in fish
    assert re.search(r"__fish_seen_subcommand_from check' -l format -l output-format -x -a '[^']*json", fish)
    zsh = cli("completion", "zsh").stdout
    assert "bashcompinit" in zsh and "complete -o filenames -o bashdefault -F _reportlint reportlint" in zsh
    for shell, text in (("zsh", zsh), ("fish", fish)):
        if shutil.which(shell):
            checked = subprocess.run([shell, "-n"], input=text, capture_output=True, text=True)
            assert checked.returncode == 0, checked.stderr
