"""Paths: recursion, default suffixes, --exclude, config exclude, .gitignore, loops, unreadable files."""

from __future__ import annotations

import os
from pathlib import Path

from reportlint.load.paths import expand

REPORT = "组织xx乡开展村庄清洁行动。\n"


def _tree(root: Path, files: list[str]) -> None:
    for name in files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(REPORT, encoding="utf-8")


def _found(root: Path, *args, **kwargs) -> list[str]:
    result = expand([str(root), *args], **kwargs)
    return sorted(Path(f).relative_to(root).as_posix() for f in result.files)


def test_recursion_and_default_suffixes(tmp_path):
    _tree(tmp_path, ["a.txt", "b.md", "c.DOCX", "sub/deep/d.txt", "notes.csv", "e.txt.bak",
                     ".git/x.txt", "node_modules/y.md", "~$c.docx"])
    assert _found(tmp_path) == ["a.txt", "b.md", "c.DOCX", "sub/deep/d.txt"]


def test_gitignore_is_respected_with_nesting_and_negation(tmp_path):
    (tmp_path / ".git").mkdir()
    _tree(tmp_path, ["keep.txt", "drafts/x.txt", "archive/old.txt", "archive/important.txt",
                     "sub/tmp.md", "sub/real.md"])
    (tmp_path / ".gitignore").write_text("drafts/\narchive/*.txt\n!archive/important.txt\n", encoding="utf-8")
    (tmp_path / "sub" / ".gitignore").write_text("tmp.md\n", encoding="utf-8")
    assert _found(tmp_path) == ["archive/important.txt", "keep.txt", "sub/real.md"]
    # the repository's .gitignore still applies when only a subfolder is checked
    assert _found(tmp_path / "archive") == ["important.txt"]


def test_cli_exclude_and_config_exclude(cli, tmp_path):
    _tree(tmp_path, ["docs/a.txt", "docs/templates/t.txt", "docs/old/o.md"])
    (tmp_path / ".reportlint.yaml").write_text("exclude: [templates/]\n", encoding="utf-8")
    result = cli("check", "--select", "PH002", "--exclude", "old", "docs")
    assert result.returncode == 1
    assert "docs/a.txt:1:3: PH002" in result.stdout
    assert "templates" not in result.stdout and "old" not in result.stdout
    # explicitly named files are always checked
    named = cli("check", "--select", "PH002", "--exclude", "old", "docs/old/o.md")
    assert "docs/old/o.md:1:3: PH002" in named.stdout


def test_force_exclude_applies_excludes_to_named_files(cli, tmp_path):
    _tree(tmp_path, ["docs/a.txt", "docs/templates/t.txt", "docs/templates/deep/u.txt", "docs/old/o.md",
                     "docs/x.bak.txt"])
    (tmp_path / ".reportlint.yaml").write_text("exclude: [templates/, '*.bak.txt']\n", encoding="utf-8")
    named = ["docs/a.txt", "docs/templates/t.txt", "docs/templates/deep/u.txt", "docs/old/o.md", "docs/x.bak.txt"]
    forced = cli("check", "--select", "PH002", "--force-exclude", "--exclude", "old", *named)
    assert forced.returncode == 1
    assert [line.split(":")[0] for line in forced.stdout.splitlines() if ": PH002" in line] == ["docs/a.txt"]
    # everything excluded: nothing to check is a clean run, as for a commit of drafts only
    nothing = cli("check", "--select", "PH002", "--force-exclude", "docs/templates/t.txt")
    assert nothing.returncode == 0 and "PH002" not in nothing.stdout
    # without the flag the named files are checked, as before
    plain = cli("check", "--select", "PH002", *named)
    assert plain.stdout.count(": PH002") == len(named)


def test_config_exclude_is_anchored_at_the_config_file(cli, tmp_path):
    _tree(tmp_path, ["project/reports/a.txt", "project/reports/draft/b.txt"])
    (tmp_path / "project" / ".reportlint.yaml").write_text("exclude: [reports/draft]\n", encoding="utf-8")
    result = cli("check", "--select", "PH002", "project/reports", cwd=tmp_path)
    assert "a.txt" in result.stdout and "b.txt" not in result.stdout


def test_symlink_loop_is_reported_and_the_run_goes_on(cli, tmp_path):
    _tree(tmp_path, ["tree/a.txt"])
    os.symlink(tmp_path / "tree", tmp_path / "tree" / "loop")
    result = cli("check", "--select", "PH002", "tree")
    assert result.returncode == 1  # findings; the loop is a warning, not an error
    assert "tree/a.txt:1:3: PH002" in result.stdout
    assert "reportlint: warning: tree/loop: 符号链接循环（指回 " in result.stderr
    result = cli("check", "--lang", "en", "--select", "PH002", "tree")
    assert "reportlint: warning: tree/loop: symbolic link loop" in result.stderr


def test_linked_directory_is_followed_once(tmp_path):
    _tree(tmp_path, ["real/a.txt"])
    os.symlink(tmp_path / "real", tmp_path / "alias")
    assert len(expand([str(tmp_path)]).files) == 1


def test_unreadable_file_is_reported_as_one_line_even_as_root(tmp_path, monkeypatch):
    # root ignores file modes, so simulate the failure where the file is opened
    from reportlint.run.check import CheckOptions, run

    _tree(tmp_path, ["d/a.txt", "d/secret.txt"])
    import os

    real = os.open

    def guarded(path, *args, **kwargs):
        if str(path).endswith("secret.txt"):
            raise PermissionError(13, "Permission denied")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded)
    _, results = run([str(tmp_path / "d")], CheckOptions(select=["PH002"]))
    by_name = {Path(r.path).name: r for r in results}
    assert by_name["secret.txt"].error == "没有读取权限"
    assert [d.code for d in by_name["a.txt"].diagnostics] == ["PH002"]
    _, results = run([str(tmp_path / "d")], CheckOptions(select=["PH002"], lang="en"))
    assert {Path(r.path).name: r.error for r in results}["secret.txt"] == "permission denied"


def test_stdin_filename_chooses_the_reader(cli, tmp_path):
    text = "```\nxx县\n```\n组织xx乡开展村庄清洁行动。\n"
    md = cli("check", "--select", "PH002", "--stdin-filename", "notes.md", "-", input=text)
    assert md.stdout.count("PH002") == 1 and "notes.md:4:3: PH002" in md.stdout
    txt = cli("check", "--select", "PH002", "--stdin-filename", "notes.txt", "-", input=text)
    assert txt.stdout.count("PH002") == 2
