"""Suppression comments, per-file-ignores and RL100, in check mode and in fix mode alike."""

from __future__ import annotations

from pathlib import Path

from reportlint.run.check import CheckOptions, run

LINE = "组织xx乡开展村庄清洁行动。"


def _codes_by_line(path: Path, **options) -> list[tuple[int, str]]:
    _, results = run([str(path)], CheckOptions(**options))
    assert [r.error for r in results] == [None]
    source = results[0].source
    return [(source.lines.position(d.start)[0], d.code) for d in results[0].diagnostics]


def _write(tmp_path: Path, name: str, lines: list[str]) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_block_disable_and_enable(tmp_path):
    path = _write(tmp_path, "a.md", [LINE, "<!-- reportlint-disable PH002 -->", LINE, LINE,
                                     "<!-- reportlint-enable PH002 -->", LINE])
    assert _codes_by_line(path, select=["PH002", "RL100"]) == [(1, "PH002"), (6, "PH002")]


def test_blanket_disable_runs_to_the_end(tmp_path):
    path = _write(tmp_path, "a.md", [LINE, "<!-- reportlint-disable -->", LINE, LINE])
    assert _codes_by_line(path, select=["PH002", "RL100"]) == [(1, "PH002")]


def test_disable_next_line_covers_only_the_next_line_with_text(tmp_path):
    path = _write(tmp_path, "a.md", ["<!-- reportlint-disable-next-line PH002 -->", "", LINE, LINE])
    assert _codes_by_line(path, select=["PH002", "RL100"]) == [(4, "PH002")]


def test_file_level_form_and_rule_names(tmp_path):
    path = _write(tmp_path, "a.md", [LINE, "(一)抓好粮食生产。", "<!-- reportlint-disable-file placeholders -->"])
    codes = _codes_by_line(path, select=["PH002", "HD006", "RL100"])
    assert codes == [(2, "HD006")]


def test_directives_work_in_plain_text_too(tmp_path):
    path = _write(tmp_path, "a.txt", ["<!-- reportlint-disable-next-line PH002 -- 引用模板原文 -->", LINE, LINE])
    assert _codes_by_line(path, select=["PH002", "RL100"]) == [(3, "PH002")]


def test_unused_suppressions_are_reported_as_rl100(tmp_path):
    path = _write(tmp_path, "a.md", [
        "<!-- reportlint-disable-next-line PH002 -->", "县教育局召开全体干部大会。",
        "<!-- reportlint-disable-next-line PH002, ZZ999 -->", LINE,
        "<!-- reportlint-enable -->",
    ])
    assert _codes_by_line(path, select=["PH002", "RL100"]) == [(1, "RL100"), (3, "RL100"), (5, "RL100")]
    _, results = run([str(path)], CheckOptions(select=["PH002", "RL100"], lang="en"))
    messages = [d.message for d in results[0].diagnostics]
    assert messages == ["unused suppression: nothing to suppress for PH002",
                        "unknown rule code in suppression: ZZ999",
                        "reportlint-enable without a matching reportlint-disable"]


def test_rl100_can_be_ignored_or_suppressed_like_any_rule(tmp_path):
    lines = ["<!-- reportlint-disable-next-line PH002 -->", "县教育局召开全体干部大会。"]
    path = _write(tmp_path, "a.md", lines)
    assert _codes_by_line(path, select=["PH002", "RL100"]) == [(1, "RL100")]
    assert _codes_by_line(path, select=["PH002", "RL100"], ignore=["unused-suppression"]) == []
    quiet = _write(tmp_path, "b.md", ["<!-- reportlint-disable-file RL100 -->", *lines])
    assert _codes_by_line(quiet, select=["PH002", "RL100"]) == []


def test_a_directive_for_a_rule_that_did_not_run_is_not_called_unused(tmp_path):
    path = _write(tmp_path, "a.md", ["<!-- reportlint-disable-next-line HD006 -->", LINE])
    assert _codes_by_line(path, select=["PH002", "RL100"]) == [(2, "PH002")]


def test_per_file_ignores_from_any_working_directory(cli, tmp_path):
    project = tmp_path / "project"
    _write(project / "archive", "old.txt", [LINE, "(一)抓好粮食生产。"])
    _write(project / "current", "new.txt", [LINE])
    (project / ".reportlint.yaml").write_text(
        "per-file-ignores:\n  \"archive/*.txt\": [PH002]\n", encoding="utf-8")
    for cwd, prefix in ((project, ""), (tmp_path, "project/")):
        result = cli("check", "--select", "PH002,HD006", prefix + "archive", prefix + "current", cwd=cwd)
        assert f"{prefix}current/new.txt:1:3: PH002" in result.stdout
        assert f"{prefix}archive/old.txt:2:1: HD006" in result.stdout
        assert f"{prefix}archive/old.txt:1:3: PH002" not in result.stdout


def test_fix_mode_honours_suppression(cli, tmp_path):
    path = _write(tmp_path, "a.md", ["<!-- reportlint-disable-next-line HD006 -->", "(一)抓好粮食生产。",
                                     "(二)推进环境整治。"])
    result = cli("check", "--fix", "--select", "HD006", "a.md")
    assert result.returncode == 0, result.stdout + result.stderr
    assert path.read_text(encoding="utf-8") == (
        "<!-- reportlint-disable-next-line HD006 -->\n(一)抓好粮食生产。\n（二）推进环境整治。\n")


def test_per_file_ignores_globs(tmp_path):
    from reportlint.config.settings import RawConfig, per_file_ignores_for

    raw = RawConfig(per_file_ignores={"archive/**/*.txt": ["PH"], "*.md": ["HD"], "notes/a.txt": ["YR"]},
                    files=[str(tmp_path / ".reportlint.yaml")])

    def codes(path: str) -> list[str]:
        return [c for _, found in per_file_ignores_for(raw, str(tmp_path / path)) for c in found]

    assert codes("archive/a.txt") == ["PH"]
    assert codes("archive/2011/b.txt") == ["PH"]
    assert codes("deep/x/readme.md") == ["HD"]
    assert codes("notes/a.txt") == ["YR"]
    assert codes("current/a.txt") == []


def test_fix_that_shortens_text_keeps_later_directives_in_place(cli, tmp_path):
    # the first fix deletes a character, so every later offset moves: the directive must follow
    path = _write(tmp_path, "a.md", ["（一）、抓好粮食生产。", "<!-- reportlint-disable-next-line HD005 -->",
                                     "（二）、推进环境整治。", "（三）、发展特色产业。"])
    result = cli("check", "--fix", "--select", "HD005,RL100", "a.md")
    assert result.returncode == 0, result.stdout + result.stderr
    assert path.read_text(encoding="utf-8").split("\n") == [
        "（一）抓好粮食生产。", "<!-- reportlint-disable-next-line HD005 -->", "（二）、推进环境整治。",
        "（三）发展特色产业。", ""]


def test_only_findings_wholly_inside_markup_are_dropped():
    from reportlint.diagnostics import Diagnostic, Severity
    from reportlint.engine.suppress import _outside_masks

    def diag(start: int, end: int) -> Diagnostic:
        return Diagnostic("XX001", "x", Severity.WARNING, "m", start, end)

    masks = ((0, 3), (10, 20))
    found = [diag(0, 0), diag(0, 2), diag(1, 3), diag(0, 8), diag(12, 13), diag(15, 25), diag(5, 6)]
    kept = _outside_masks(masks, found)
    assert [(d.start, d.end) for d in kept] == [(0, 0), (0, 8), (15, 25), (5, 6)]


def test_fix_removes_only_wholly_unused_directives(cli, tmp_path):
    path = _write(tmp_path, "a.md", [
        "<!-- reportlint-disable-next-line PH002 -->", "县教育局召开全体干部大会。",  # unused: removed
        "<!-- reportlint-disable-next-line PH002 -->", LINE,                      # used: kept
        "说明 <!-- reportlint-enable --> 文字",                                   # shares its line: kept
    ])
    result = cli("check", "--fix", "--select", "PH002,RL100", "a.md")
    assert path.read_text(encoding="utf-8").split("\n") == [
        "县教育局召开全体干部大会。", "<!-- reportlint-disable-next-line PH002 -->", LINE,
        "说明 <!-- reportlint-enable --> 文字", ""]
    assert result.returncode == 1 and "a.md:4:4: RL100" in result.stdout
