"""The `reportlint-fix` hook works with the real pre-commit tool: it fixes, fails, then passes."""

from __future__ import annotations

import pytest
import yaml
from conftest import ROOT
from test_precommit import _git, _project, _try_repo, hook_repo  # noqa: F401 - hook_repo is a fixture

pytestmark = pytest.mark.slow  # real pre-commit runs: half the suite's time; `-m "not slow"` skips them

BROKEN = "县教育局2023年工作总结\n一、主要工作\n1、加强安全管理,开展隐患排查。\n"
FIXED = "县教育局2023年工作总结\n一、主要工作\n1.加强安全管理，开展隐患排查。\n"
# other rule families (required sections, signature block …) would flag these short texts too
CONFIG = "select: [HD004, PU001, PH]\n"


def test_fix_hook_definition_runs_check_fix():
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    hook = hooks["reportlint-fix"]
    assert hook["entry"].split()[:3] == ["reportlint", "check", "--fix"]
    assert hook["language"] == "python" and hook["files"] == hooks["reportlint"]["files"]


def test_fix_hook_fixes_the_file_fails_once_then_passes(hook_repo, tmp_path):  # noqa: F811
    project = _project(tmp_path, {"report.txt": BROKEN, "clean.txt": FIXED, ".reportlint.yaml": CONFIG})
    first = _try_repo(hook_repo, project, "reportlint-fix")
    assert first.returncode == 1, first.stdout + first.stderr
    assert "files were modified by this hook" in first.stdout
    assert (project / "report.txt").read_text(encoding="utf-8") == FIXED
    assert (project / "clean.txt").read_text(encoding="utf-8") == FIXED

    _git(project, "add", "-A")
    second = _try_repo(hook_repo, project, "reportlint-fix")
    assert second.returncode == 0, second.stdout + second.stderr
    assert (project / "report.txt").read_text(encoding="utf-8") == FIXED

