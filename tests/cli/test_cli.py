"""The command line: output shape, exit codes, stdin, selection, languages, errors."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

DEFECT = "某县农业局2023年工作总结\n一、工作开展情况\n全年完成投资x.6亿元，xx镇示范基地建成投用。\n"
CLEAN = "某县农业局2023年工作总结\n一、工作开展情况\n全年完成投资3.6亿元，城关镇示范基地建成投用。\n"
LINE_RE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]{2}\d{3})(?: \[\*\])? \S")


@pytest.fixture
def files(tmp_path):
    (tmp_path / "bad.txt").write_text(DEFECT, encoding="utf-8")
    (tmp_path / "good.txt").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def test_version(cli):
    result = cli("--version")
    assert result.returncode == 0
    assert re.match(r"^reportlint \d+\.\d+", result.stdout)


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["check", "--help"]])
def test_version_and_help_import_no_rule_module(argv):
    code = (
        "import sys\nfrom reportlint.cli import main\n"
        f"try:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('reportlint.rules', 'jieba', 'docx', 'rich', 'lark')))\n"
        "print('LOADED:' + ','.join(loaded))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "LOADED:"


def test_findings_exit_1_with_path_line_col_code(cli, files):
    result = cli("check", "--select", "PH", "bad.txt")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    found = [LINE_RE.match(line).groupdict() for line in lines[:-1]]
    assert [(f["line"], f["col"], f["code"]) for f in found] == [("3", "7", "PH004"), ("3", "13", "PH002")]
    assert all(f["path"] == "bad.txt" for f in found)
    assert "2" in lines[-1] and "问题" in lines[-1]  # the summary line


def test_clean_file_exits_0(cli, files):
    result = cli("check", "--select", "PH", "good.txt")
    assert result.returncode == 0, result.stdout
    assert "未发现问题" in result.stdout


def test_english_messages(cli, files):
    result = cli("check", "--select", "PH002", "--lang", "en", "bad.txt")
    assert "name placeholder 'xx' was never filled in" in result.stdout
    assert "Found 1 problem (1 error) in 1 file." in result.stdout


def test_stdin_with_filename(cli):
    result = cli("check", "--select", "PH", "--stdin-filename", "report.txt", "-", input=DEFECT)
    assert result.returncode == 1
    assert result.stdout.startswith("report.txt:3:7: PH004")


def test_stdin_without_filename_is_dash(cli):
    result = cli("check", "--select", "PH002", "-", input=DEFECT)
    assert result.stdout.startswith("-:3:13: PH002")


def test_json_format_fields(cli, files):
    result = cli("check", "--select", "PH002", "--format", "json", "bad.txt")
    assert result.returncode == 1
    items = json.loads(result.stdout)
    assert items == [{
        "path": "bad.txt", "line": 3, "column": 13, "end_line": 3, "end_column": 15,
        "code": "PH002", "name": "masked-name", "severity": "error",
        "message": "名称未填写：“xx”是模板占位符", "fix": None,
    }]


@pytest.mark.parametrize("selector", ["PH002", "PH00", "masked-name", "placeholders", "ALL"])
def test_select_by_code_prefix_name_group(cli, files, selector):
    result = cli("check", "--format", "json", "--select", selector, "bad.txt")
    codes = {item["code"] for item in json.loads(result.stdout)}
    assert "PH002" in codes


def test_ignore_and_extend_select(cli, files):
    ignored = cli("check", "--format", "json", "--select", "PH", "--ignore", "masked-number", "bad.txt")
    assert {i["code"] for i in json.loads(ignored.stdout)} == {"PH002"}
    extended = cli("check", "--format", "json", "--select", "PH002", "--extend-select", "PH004", "bad.txt")
    assert {i["code"] for i in json.loads(extended.stdout)} == {"PH002", "PH004"}


def test_comma_separated_selectors(cli, files):
    result = cli("check", "--format", "json", "--select", "PH002,PH004", "bad.txt")
    assert {i["code"] for i in json.loads(result.stdout)} == {"PH002", "PH004"}


@pytest.mark.parametrize("argv, zh, en", [
    (["check", "missing.txt"], "missing.txt: 文件或目录不存在", "missing.txt: no such file"),
    (["check", "--select", "ZZ999", "bad.txt"], "--select: 未知的规则或选择器“ZZ999”", "unknown rule or selector 'ZZ999'"),
    (["check", "--format", "nope", "bad.txt"], "未知的输出格式“nope”（可选：concise, full,", "unknown format 'nope'"),
    (["check"], "未指定要检查的路径", "no paths given"),
    # argparse's own usage errors speak the language too
    (["check", "--no-such-flag", "bad.txt"], "无法识别的参数：--no-such-flag", "unrecognized arguments"),
    (["rule", "XX000"], "未知规则“XX000”", "unknown rule 'XX000'"),
])
def test_errors_are_one_line_exit_2(cli, files, argv, zh, en):
    for extra, needle in (([], zh), (["--lang", "en"], en)):
        result = cli(*argv, *extra)
        assert result.returncode == 2
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and needle in lines[0], result.stderr
        assert lines[0].startswith("reportlint: error: ")
        assert "Traceback" not in result.stderr


def test_missing_file_does_not_stop_other_files(cli, files):
    result = cli("check", "--select", "PH", "missing.txt", "bad.txt")
    assert result.returncode == 2
    assert "bad.txt:3:7: PH004" in result.stdout


def test_directory_is_checked_recursively(cli, files):
    (files / "sub").mkdir()
    (files / "sub" / "nested.txt").write_text(DEFECT, encoding="utf-8")
    result = cli("check", "--select", "PH002", "--no-summary", ".")
    paths = sorted(line.split(":")[0] for line in result.stdout.splitlines())
    assert paths == ["bad.txt", "sub/nested.txt"]


def test_rule_prints_documentation(cli):
    result = cli("rule", "PH001", "--lang", "en")
    assert result.returncode == 0
    assert result.stdout.startswith("PH001 (masked-year)")
    for heading in ("## What it does", "## Why is this bad?", "## Example", "## Use instead"):
        assert heading in result.stdout
    by_name = cli("rule", "masked-year", "--lang", "en")
    assert by_name.stdout == result.stdout


def test_rules_lists_every_rule(cli):
    table = cli("rules").stdout.splitlines()
    listed = cli("rules", "--format", "json")
    rules = json.loads(listed.stdout)
    assert {"code", "name", "severity", "fix", "groups", "summary"} <= set(rules[0])
    assert len(table) == len(rules) + 1
    assert any(r["code"] == "PH001" and r["fix"] == "display" for r in rules)


def test_parse_prints_the_skeleton(cli, tmp_path):
    (tmp_path / "r.txt").write_text(
        "第1篇 镇政府2023年工作总结\n一、主要成绩\n（一）产业发展\n全年新增企业12家。\n1.招商引资\n签约项目5个。\n镇政府\n2023年12月28日\n",
        encoding="utf-8")
    tree = cli("parse", "r.txt").stdout
    assert "article 第1篇" in tree
    assert "title: 镇政府2023年工作总结" in tree
    assert "heading L1 一、 主要成绩" in tree
    assert "heading L2 （一） 产业发展" in tree
    assert "heading L3 1. 招商引资" in tree
    assert "signature.unit: 镇政府" in tree and "signature.date: 2023年12月28日" in tree
    as_json = json.loads(cli("parse", "--format", "json", "r.txt").stdout)
    section = as_json["articles"][0]["children"][0]
    assert section["level"] == 1 and section["children"][0]["level"] == 2


def test_summary_does_not_claim_success_when_a_file_was_unreadable(cli, files):
    result = cli("check", "--select", "PH", "--lang", "en", "--format", "concise", "good.txt", "missing.txt")
    assert result.returncode == 2
    assert "All checks passed" not in result.stdout
    assert "1 could not be read" in result.stdout


@pytest.mark.parametrize("argv", [["check", "a.txt", "--select", "PH,YR", "--no-cache", "-j", "2"],
                                  ["parse", "a.txt", "--format", "json"], ["rules", "--lang", "en"],
                                  ["completion", "bash"]])
def test_the_parser_of_one_subcommand_reads_its_arguments_as_the_whole_parser_does(argv):
    """main builds only the subcommand it runs (argparse spends ~0.5 ms on each)."""
    from reportlint.cli import build_parser

    assert vars(build_parser(only=argv[0]).parse_args(argv)) == vars(build_parser().parse_args(argv))
