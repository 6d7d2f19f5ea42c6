"""Shared fixtures: paths to the repo's own fixtures and to ../shared (present in CI only)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "examples" / "seed-report.txt"
CORPUS = SHARED / "corpus" / "real"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLE = ROOT / "examples" / "sample-report.txt"


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory):
    """Caches (parsed YAML, jieba's dictionary table) go to a folder of this run, not the user's home.

    Subprocesses inherit it; tests that study a cache set their own with monkeypatch.
    """
    saved = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    yield
    if saved is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = saved


def _exe() -> str:
    found = shutil.which("reportlint", path=str(Path(sys.executable).parent)) or shutil.which("reportlint")
    assert found, "the reportlint console script is not installed"
    return found


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.is_file():
        pytest.skip("../shared/examples/seed-report.txt is not present (it exists in CI, not in a fresh clone)")
    return SEED


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus/real is not present (it exists in CI, not in a fresh clone)")
    return CORPUS


@pytest.fixture
def cli(tmp_path):
    """Run the installed console script; returns CompletedProcess with text output."""

    def run(*args: str, input: str | bytes | None = None, cwd: Path | None = None,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
        full_env.pop("FORCE_COLOR", None)
        binary = isinstance(input, bytes)
        return subprocess.run(
            [_exe(), *args], input=input, capture_output=True, text=not binary,
            cwd=cwd or tmp_path, env=full_env, timeout=120,
        )

    return run
