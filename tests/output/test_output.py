"""Output formats through the CLI: their documented shapes, the stable JSON interface, summaries,
exit codes, --output-file, colour and the progress bar (real pseudo-terminals, not mocks)."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from conftest import SHARED, _exe

FIXTURE = Path(__file__).resolve().parent / "golden" / "defects.txt"
SARIF_SCHEMA = SHARED / "schemas" / "sarif-2.1.0.json"

# GitLab's documented Code Quality fields (docs.gitlab.com/ci/testing/code_quality, "report format")
GITLAB_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "type": {"const": "issue"},
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "pattern": "^[A-Z]{2}[0-9]{3}$"},
            "fingerprint": {"type": "string", "pattern": "^[0-9a-f]{32,64}$"},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path"],
                "properties": {
                    "path": {"type": "string", "minLength": 1},
                    "lines": {"type": "object", "required": ["begin"],
                              "properties": {"begin": {"type": "integer", "minimum": 1}}},
                    "positions": {
                        "type": "object", "required": ["begin"],
                        "properties": {p: {"type": "object", "required": ["line"],
                                           "properties": {"line": {"type": "integer", "minimum": 1},
                                                          "column": {"type": "integer", "minimum": 1}}}
                                       for p in ("begin", "end")},
                    },
                },
                "anyOf": [{"required": ["lines"]}, {"required": ["positions"]}],
            },
        },
    },
}
JSON_FIELDS = {"path", "line", "column", "end_line", "end_column", "code", "name", "severity", "message", "fix"}
GITHUB_LINE = re.compile(
    r"^::(error|warning|notice) file=([^,:]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),"
    r"title=([A-Z]{2}\d{3})::(.+)$")


@pytest.fixture
def sarif_schema():
    if not SARIF_SCHEMA.is_file():
        pytest.skip("../shared/schemas/sarif-2.1.0.json is not present (it exists in CI, not in a fresh clone)")
    return json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))


def as_json(cli, *args: str) -> list[dict]:
    proc = cli("check", "--format", "json", *args)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


# --- json stays exactly as it was -------------------------------------------------------------------

def test_json_field_set_is_pinned(cli):
    items = as_json(cli, str(FIXTURE))
    assert items
    for item in items:
        assert set(item) == JSON_FIELDS
        if item["fix"] is not None:
            assert set(item["fix"]) == {"title", "applicability", "edits"}
            for edit in item["fix"]["edits"]:
                assert set(edit) == {"start", "end", "content"} and set(edit["start"]) == {"line", "column"}
    proc = cli("check", "--format", "json", str(FIXTURE))
    assert proc.stdout == json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def test_json_lines_has_the_json_items_one_per_line(cli):
    items = as_json(cli, str(FIXTURE))
    proc = cli("check", "--format", "json-lines", str(FIXTURE))
    assert proc.returncode == 1
    assert [json.loads(line) for line in proc.stdout.splitlines()] == items


# --- SARIF -----------------------------------------------------------------------------------------------

def sarif(cli, *paths: str) -> dict:
    proc = cli("check", "--format", "sarif", *paths)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def test_sarif_of_seed_validates_against_the_official_schema(cli, seed_path, sarif_schema):
    log = sarif(cli, str(seed_path))
    jsonschema.Draft4Validator(sarif_schema).validate(log)
    assert log["runs"][0]["results"], "the seed has findings"


def test_sarif_of_own_fixture_validates_against_the_official_schema(cli, sarif_schema):
    jsonschema.Draft4Validator(sarif_schema).validate(sarif(cli, str(FIXTURE)))


def test_sarif_matches_json_findings_rules_and_fixes(cli, tmp_path):
    rules = json.loads(cli("rules", "--format", "json").stdout)
    items = as_json(cli, str(FIXTURE))
    run = sarif(cli, str(FIXTURE))["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert [r["id"] for r in driver["rules"]] == [r["code"] for r in rules]
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for descriptor, rule in zip(driver["rules"], rules):
        assert descriptor["name"] == rule["name"]
        assert descriptor["shortDescription"]["text"] == rule["summary"]
        assert descriptor["help"]["text"].startswith(rule["summary"])
        assert descriptor["defaultConfiguration"]["level"] == levels[rule["severity"]]
    assert len(run["results"]) == len(items)
    for result, item in zip(run["results"], items):
        assert result["ruleId"] == item["code"]
        assert driver["rules"][result["ruleIndex"]]["id"] == item["code"]
        assert result["level"] == levels[item["severity"]]
        assert result["message"]["text"] == item["message"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == FIXTURE.as_uri()
        assert location["region"] == {"startLine": item["line"], "startColumn": item["column"],
                                      "endLine": item["end_line"], "endColumn": item["end_column"]}
        if item["fix"] is None:
            assert "fixes" not in result
            continue
        (fix,) = result["fixes"]
        assert fix["description"]["text"] == item["fix"]["title"]
        replacements = fix["artifactChanges"][0]["replacements"]
        assert [(r["deletedRegion"]["startLine"], r["deletedRegion"]["startColumn"],
                 r["deletedRegion"]["endLine"], r["deletedRegion"]["endColumn"], r["insertedContent"]["text"])
                for r in replacements] == [
            (e["start"]["line"], e["start"]["column"], e["end"]["line"], e["end"]["column"], e["content"])
            for e in item["fix"]["edits"]]
    assert any("fixes" in r for r in run["results"]), "the fixture must exercise SARIF fixes"
    gitlab_fps = [r["fingerprint"] for r in json.loads(cli("check", "--format", "gitlab", str(FIXTURE)).stdout)]
    assert [r["partialFingerprints"]["reportlintAnchor/v1"] for r in run["results"]] == gitlab_fps


def test_sarif_uri_is_relative_and_percent_encoded(cli, tmp_path):
    target = tmp_path / "报告 一.txt"
    target.write_text("关于xx县工作的报告\n", encoding="utf-8")
    run = sarif(cli, "报告 一.txt")["runs"][0]
    uri = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "%E6%8A%A5%E5%91%8A%20%E4%B8%80.txt"


def test_sarif_reports_unreadable_files_as_tool_notifications(cli, tmp_path, sarif_schema):
    proc = cli("check", "--format", "sarif", str(FIXTURE), str(tmp_path / "missing.txt"))
    assert proc.returncode == 2
    log = json.loads(proc.stdout)
    jsonschema.Draft4Validator(sarif_schema).validate(log)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "missing.txt" in invocation["toolExecutionNotifications"][0]["message"]["text"]


# --- GitHub ------------------------------------------------------------------------------------------------

def test_github_lines_follow_the_workflow_command_syntax(cli):
    items = as_json(cli, str(FIXTURE))
    proc = cli("check", "--format", "github", str(FIXTURE))
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert len(lines) == len(items)
    kinds = {"error": "error", "warning": "warning", "info": "notice"}
    for line, item in zip(lines, items):
        m = GITHUB_LINE.match(line)
        assert m, line
        assert m.groups()[:7] == (kinds[item["severity"]], str(FIXTURE), str(item["line"]), str(item["column"]),
                                  str(item["end_line"]), str(item["end_column"]), item["code"])
        assert m.group(8).startswith(item["message"])


def test_github_escapes_properties_and_data():
    from reportlint.formatters.github import command

    line = command("error", {"file": "a,b:c%.txt", "title": "X"}, "50% done\r\nnext")
    assert line == "::error file=a%2Cb%3Ac%25.txt,title=X::50%25 done%0D%0Anext"
    assert "\n" not in line


# --- GitLab ------------------------------------------------------------------------------------------------

def gitlab(cli, path: Path) -> list[dict]:
    proc = cli("check", "--format", "gitlab", str(path))
    assert proc.returncode == 1, proc.stderr
    return json.loads(proc.stdout)


def test_gitlab_code_quality_shape_and_unique_fingerprints(cli):
    report = gitlab(cli, FIXTURE)
    jsonschema.Draft7Validator(GITLAB_SCHEMA).validate(report)
    items = as_json(cli, str(FIXTURE))
    assert [(r["check_name"], r["location"]["positions"]["begin"]["line"]) for r in report] == \
        [(i["code"], i["line"]) for i in items]
    fingerprints = [r["fingerprint"] for r in report]
    assert len(set(fingerprints)) == len(fingerprints)


def test_gitlab_fingerprints_do_not_depend_on_line_numbers(cli, tmp_path):
    text = FIXTURE.read_text(encoding="utf-8")
    moved = tmp_path / "defects.txt"
    moved.write_text(text, encoding="utf-8")
    before = gitlab(cli, moved)
    moved.write_text("\n\n" + text, encoding="utf-8")  # every finding moves down two lines
    after = gitlab(cli, moved)
    assert [r["location"]["positions"]["begin"]["line"] + 2 for r in before] == \
        [r["location"]["positions"]["begin"]["line"] for r in after]
    assert [r["fingerprint"] for r in before] == [r["fingerprint"] for r in after]


def test_gitlab_same_text_twice_gets_distinct_fingerprints(cli, tmp_path):
    twice = tmp_path / "twice.txt"
    twice.write_text("请xx县抓紧落实。\n请xx县抓紧落实。\n", encoding="utf-8")
    report = gitlab(cli, twice)
    assert len(report) >= 2 and len({r["fingerprint"] for r in report}) == len(report)


# --- JUnit -------------------------------------------------------------------------------------------------

def check_junit(root: ET.Element) -> None:
    """The JUnit XML shape CI servers read (Jenkins / GitLab / Azure junit.xsd subset)."""
    assert root.tag == "testsuites"
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for suite in root:
        assert suite.tag == "testsuite" and suite.get("name")
        cases = list(suite)
        assert all(c.tag == "testcase" and c.get("name") and c.get("classname") for c in cases)
        counted = {
            "tests": len(cases),
            "failures": sum(1 for c in cases for x in c if x.tag == "failure"),
            "errors": sum(1 for c in cases for x in c if x.tag == "error"),
        }
        for key, value in counted.items():
            assert int(suite.get(key)) == value, (key, suite.attrib)
            totals[key] += value
        assert int(suite.get("skipped")) == 0
        for case in cases:
            for child in case:
                assert child.tag in ("failure", "error", "skipped", "system-out", "system-err")
                assert child.get("message") is not None and child.get("type")
    for key, value in totals.items():
        assert int(root.get(key)) == value


def test_junit_shape_with_findings_clean_files_and_errors(cli, tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("关于开展春季植树活动的通知\n各单位要按时完成任务。\n", encoding="utf-8")
    # placeholders only, so that the clean file stays clean whatever other rules come to flag
    proc = cli("check", "--select", "PH", "--format", "junit", str(FIXTURE), str(clean), str(tmp_path / "missing.txt"))
    assert proc.returncode == 2
    assert proc.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    root = ET.fromstring(proc.stdout.encode("utf-8"))
    check_junit(root)
    suites = {s.get("name"): s for s in root}
    assert int(suites[str(FIXTURE)].get("failures")) == len(as_json(cli, "--select", "PH", str(FIXTURE))) > 0
    assert suites[str(clean)].get("failures") == "0" and suites[str(clean)].get("tests") == "1"
    assert suites[str(tmp_path / "missing.txt")].get("errors") == "1"


def test_junit_survives_control_characters_in_the_text(cli, tmp_path):
    odd = tmp_path / "odd.txt"
    odd.write_text("关于xx\x0b县工作的报告\n", encoding="utf-8")
    proc = cli("check", "--format", "junit", str(odd))
    check_junit(ET.fromstring(proc.stdout.encode("utf-8")))


# --- summaries, exit codes, output file ---------------------------------------------------------------------

def test_statistics_counts_per_rule_and_fixable(cli):
    items = as_json(cli, str(FIXTURE))
    stats = json.loads(cli("check", "--format", "json", "--statistics", str(FIXTURE)).stdout)
    expected = {}
    for i in items:
        row = expected.setdefault(i["code"], {"count": 0, "fixable": 0})
        row["count"] += 1
        row["fixable"] += bool(i["fix"] and i["fix"]["applicability"] != "display")
    assert {s["code"]: {"count": s["count"], "fixable": s["fixable"]} for s in stats} == expected
    text = cli("check", "--format", "concise", "--statistics", "--lang", "en", str(FIXTURE)).stdout.splitlines()
    assert text[0].split() == ["count", "code", "name", "fixable"]
    for line, row in zip(text[1:], stats):
        assert line.split() == [str(row["count"]), row["code"], row["name"], str(row["fixable"])]
    assert text[-1].startswith("Found ")


def test_quiet_prints_findings_only(cli):
    loud = cli("check", "--format", "concise", str(FIXTURE)).stdout.splitlines()
    quiet = cli("check", "--format", "concise", "--quiet", str(FIXTURE)).stdout.splitlines()
    assert quiet == loud[:-1] and loud[-1].startswith("在 ")
    full = cli("check", "--format", "full", "-q", str(FIXTURE)).stdout
    assert "发现" not in full.splitlines()[-1]


def test_exit_zero_keeps_findings_but_not_errors(cli, tmp_path):
    assert cli("check", "--exit-zero", str(FIXTURE)).returncode == 0
    assert cli("check", "--exit-zero", str(FIXTURE), str(tmp_path / "missing.txt")).returncode == 2


def test_output_file_is_written_instead_of_stdout(cli, tmp_path):
    target = tmp_path / "out" / "report.sarif"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    proc = cli("check", "--format", "sarif", "--output-file", str(target), str(FIXTURE))
    assert proc.returncode == 1 and proc.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert [p.name for p in target.parent.iterdir()] == ["report.sarif"], "no temporary file left behind"


def test_output_file_that_cannot_be_written_is_one_line_exit_2(cli, tmp_path):
    proc = cli("check", "-o", str(tmp_path / "no-such-dir" / "r.json"), "--format", "json", str(FIXTURE))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "no-such-dir" in proc.stderr


def test_default_format_is_concise_when_piped(cli):
    proc = cli("check", str(FIXTURE))
    assert re.match(r"^\S+:\d+:\d+: [A-Z]{2}\d{3} ", proc.stdout)


def test_plain_txt_check_does_not_import_rich_or_docx(tmp_path):
    code = ("import sys\nfrom reportlint.cli import main\n"
            f"main(['check', '--format', 'concise', {str(FIXTURE)!r}])\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('rich', 'docx')))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.stdout.splitlines()[-1] == "[]"


# --- terminals: colour, default format, progress bar ---------------------------------------------------------

def run_with_pty(args: list[str], cwd: Path, stdout_tty: bool, stderr_tty: bool,
                 env: dict[str, str] | None = None) -> tuple[str, str, int]:
    """Run the CLI with stdout and/or stderr on a pseudo-terminal; returns (stdout, stderr, rc)."""
    master, slave = pty.openpty()
    full_env = {**os.environ, "COLUMNS": "100", "TERM": "xterm-256color", **(env or {})}
    for key in ("NO_COLOR", "FORCE_COLOR"):
        if key not in (env or {}):
            full_env.pop(key, None)
    proc = subprocess.Popen([_exe(), *args], cwd=cwd, env=full_env,
                            stdout=slave if stdout_tty else subprocess.PIPE,
                            stderr=slave if stderr_tty else subprocess.PIPE)
    os.close(slave)
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=drain)
    reader.start()
    piped = proc.communicate(timeout=120)
    reader.join(timeout=30)
    os.close(master)
    tty = b"".join(chunks).decode("utf-8", "replace")
    pipe_out = (piped[0] or piped[1] or b"").decode("utf-8", "replace")
    return (tty, pipe_out, proc.returncode) if stdout_tty else (pipe_out, tty, proc.returncode)


def test_terminal_gets_full_view_with_colour_and_no_color_turns_it_off(tmp_path):
    out, _, rc = run_with_pty(["check", str(FIXTURE)], tmp_path, stdout_tty=True, stderr_tty=False)
    assert rc == 1 and " --> " in out and "\x1b[" in out
    out, _, _ = run_with_pty(["check", str(FIXTURE)], tmp_path, True, False, env={"NO_COLOR": "1"})
    assert " --> " in out and "\x1b[" not in out
    out, _, _ = run_with_pty(["check", str(FIXTURE)], tmp_path, True, False,
                             env={"NO_COLOR": "1", "FORCE_COLOR": "1"})
    assert "\x1b[" not in out


def test_force_color_colours_a_pipe(cli):
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    proc = subprocess.run([_exe(), "check", "--format", "full", str(FIXTURE)], capture_output=True, text=True,
                          env={**env, "FORCE_COLOR": "1"}, timeout=120)
    assert "\x1b[" in proc.stdout
    assert "\x1b[" not in cli("check", "--format", "full", str(FIXTURE)).stdout


def many_files(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / f"reports-{n}"
    folder.mkdir()
    for i in range(n):
        (folder / f"r{i:02d}.txt").write_text(f"关于第{i + 1}项工作的报告\n今年完成xx项任务。\n", encoding="utf-8")
    return folder


def test_progress_bar_on_a_terminal_for_many_files(tmp_path):
    folder = many_files(tmp_path, 25)
    _, err, rc = run_with_pty(["check", "--format", "concise", str(folder)], tmp_path, False, True)
    assert rc == 1 and "/25" in err


@pytest.mark.parametrize("args", [
    ["--format", "json"], ["--format", "sarif"], ["--format", "github"], ["--format", "concise", "--quiet"],
])
def test_no_progress_bar_in_machine_formats_or_quiet(tmp_path, args):
    folder = many_files(tmp_path, 25)
    _, err, _ = run_with_pty(["check", *args, str(folder)], tmp_path, False, True)
    assert err == ""


def test_no_progress_bar_for_few_files_or_when_stderr_is_not_a_terminal(tmp_path, cli):
    _, err, _ = run_with_pty(["check", "--format", "concise", str(many_files(tmp_path, 5))], tmp_path, False, True)
    assert err == ""
    proc = cli("check", "--format", "concise", str(many_files(tmp_path, 25)))
    assert proc.stderr == ""


# --- CI recipes in docs/ ----------------------------------------------------------------------------------

def _commands(node, shell: bool = False) -> list[str]:
    """Shell lines of GitHub ``run:`` steps and GitLab ``script:`` lists that call reportlint."""
    if isinstance(node, dict):
        return [c for key, value in node.items() for c in _commands(value, key in ("run", "script"))]
    if isinstance(node, list):
        return [c for value in node for c in _commands(value, shell)]
    if isinstance(node, str) and shell:
        return [line.split("  #")[0].strip() for line in node.splitlines() if line.strip().startswith("reportlint ")]
    return []


@pytest.mark.parametrize("name", ["github-actions.yml", "gitlab-ci.yml"])
def test_ci_recipes_use_options_and_formats_that_exist(name):
    import shlex

    import yaml

    from reportlint.cli import build_parser
    from reportlint.formatters.builtin import MODULES

    recipe = yaml.safe_load((Path(__file__).resolve().parents[2] / "docs" / name).read_text(encoding="utf-8"))
    commands = _commands(recipe)
    assert len(commands) >= 3
    formats = set()
    for command in commands:
        args = build_parser().parse_args(shlex.split(command)[1:])
        assert args.command == "check" and args.paths
        formats.add(args.format)
    assert formats <= set(MODULES)
    assert formats >= ({"github", "sarif"} if name.startswith("github") else {"gitlab", "junit"})
