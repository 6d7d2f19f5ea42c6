"""The wheel carries grammars/ and rulesets/ and works outside the source tree."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

DEFECT = "某局2023年工作总结\n近日，xx县局召开会议。\n"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
                   check=True, capture_output=True, timeout=600)
    (built,) = out.glob("reportlint-*.whl")
    return built


def test_wheel_contains_grammars_and_rulesets(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "reportlint/grammars/report.lark" in names
    for preset in ("default", "gbt9704", "legacy"):
        assert f"reportlint/rulesets/{preset}.yaml" in names
    assert not any(n.startswith(("tests/", "grammars/", "rulesets/")) for n in names)


def test_unpacked_wheel_runs_from_another_directory(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    work = tmp_path / "elsewhere"
    work.mkdir()
    (work / "r.txt").write_text(DEFECT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(site)}
    where = subprocess.run([sys.executable, "-c", "import reportlint; print(reportlint.__file__)"],
                           cwd=work, env=env, capture_output=True, text=True, check=True).stdout
    assert Path(where.strip()).is_relative_to(site)
    result = subprocess.run([sys.executable, "-m", "reportlint", "check", "--select", "PH", "--config",
                             str(site / "reportlint" / "rulesets" / "gbt9704.yaml"), "r.txt"],
                            cwd=work, env=env, capture_output=True, text=True)
    assert result.returncode == 1, result.stderr
    assert "r.txt:2:4: PH002" in result.stdout
