"""The `reportlint` hook works with the real pre-commit tool (`pre-commit try-repo`)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

pytestmark = pytest.mark.slow  # real pre-commit runs: half the suite's time; `-m "not slow"` skips them

PRE_COMMIT = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which("pre-commit")


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> Path:
    """A committed snapshot of this working tree: try-repo installs the hook from a git repo."""
    repo = tmp_path_factory.mktemp("hook-repo")
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy(ROOT / name, repo / name)
    for folder in ("src", "grammars", "rulesets"):
        shutil.copytree(ROOT / folder, repo / folder, ignore=shutil.ignore_patterns("__pycache__"))
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "-c", "user.email=ci@example.invalid", "-c", "user.name=ci", "commit", "-qm", "snapshot")
    return repo


def _project(tmp_path: Path, files: dict[str, str]) -> Path:
    project = tmp_path / "docs-repo"
    project.mkdir()
    _git(project, "init", "-q")
    for name, text in files.items():
        (project / name).write_text(text, encoding="utf-8")
    _git(project, "add", ".")
    return project


def _try_repo(hook_repo: Path, project: Path, hook: str) -> subprocess.CompletedProcess:
    assert PRE_COMMIT, "pre-commit is part of the test extra"
    env = {**os.environ, "PRE_COMMIT_HOME": str(hook_repo.parent / "pc-cache"), "NO_COLOR": "1"}
    return subprocess.run(
        [PRE_COMMIT, "try-repo", str(hook_repo), hook, "--all-files"],
        cwd=project, capture_output=True, text=True, env=env, timeout=600,
    )


def test_hook_definition_is_valid():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    ids = {h["id"]: h for h in hooks}
    assert ids["reportlint"]["entry"].startswith("reportlint check")
    assert ids["reportlint"]["language"] == "python"


def test_hook_fails_on_defect_and_passes_clean_file(hook_repo, tmp_path):
    bad = "县教育局2023年工作总结\n一、主要工作\n近日，xx县局召开专题会议，部署全年工作。\n"
    good = "县教育局2023年工作总结\n一、主要工作\n2023年，县教育局召开专题会议，部署全年工作。\n"
    project = _project(tmp_path, {"bad.txt": bad, "good.txt": good})
    failing = _try_repo(hook_repo, project, "reportlint")
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "bad.txt:3:4: PH002" in failing.stdout
    assert "good.txt" not in failing.stdout

    (project / "bad.txt").unlink()
    # pre-commit names every staged file; the config's exclude must still keep drafts out
    (project / "drafts").mkdir()
    (project / "drafts" / "bad.txt").write_text(bad, encoding="utf-8")
    (project / ".reportlint.yaml").write_text("exclude: [drafts/]\n", encoding="utf-8")
    _git(project, "add", "-A")
    passing = _try_repo(hook_repo, project, "reportlint")
    assert passing.returncode == 0, passing.stdout + passing.stderr
