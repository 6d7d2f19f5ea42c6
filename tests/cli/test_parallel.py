"""``--jobs``: worker processes give exactly the one-process results, in the same order."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from reportlint.run import check, parallel

HELDOUT = Path(__file__).resolve().parents[1] / "corpus" / "heldout"


@pytest.fixture
def tree(tmp_path) -> Path:
    """60 reports (the held-out set twice, in subfolders) and one file that cannot be decoded."""
    root = tmp_path / "reports"
    for i, path in enumerate(sorted(HELDOUT.rglob("*.txt")) * 2):
        target = root / f"part{i % 3}" / f"{i:02d}-{path.name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    (root / "part1" / "broken.txt").write_bytes(b"\xff\xfe\x00\xd8 lone surrogate in UTF-16")
    assert len(list(root.rglob("*.txt"))) >= 2 * parallel.MIN_FILES_PER_JOB
    return root


def test_the_number_of_workers():
    assert parallel.jobs_for(1, 10_000) == 1
    assert parallel.jobs_for(4, 10_000) == 4
    assert parallel.jobs_for(8, 3) == 1  # a pre-commit run never starts workers
    assert parallel.jobs_for(8, 2 * parallel.MIN_FILES_PER_JOB) == 2
    assert parallel.jobs_for(None, 10_000) == parallel.available_cpus()
    assert parallel.jobs_for(0, 10_000) == parallel.available_cpus()


@pytest.mark.parametrize("fmt", ["concise", "json", "sarif", "junit"])
def test_output_and_exit_code_do_not_depend_on_the_number_of_processes(cli, tree, fmt):
    one = cli("check", "--jobs", "1", "--format", fmt, "--lang", "en", str(tree))
    two = cli("check", "--jobs", "2", "--format", fmt, "--lang", "en", str(tree))
    assert one.returncode == two.returncode == 2  # findings, and one file that cannot be read
    assert two.stdout == one.stdout and one.stdout
    assert two.stderr == one.stderr and "broken.txt" in one.stderr


def test_fixes_on_workers_write_the_same_files(cli, tree, tmp_path):
    serial = tmp_path / "serial"
    shutil.copytree(tree, serial)
    (serial / "part1" / "broken.txt").unlink()
    workers = tmp_path / "workers"
    shutil.copytree(serial, workers)
    first = cli("check", "--fix", "--jobs", "1", "--format", "concise", str(serial))
    second = cli("check", "--fix", "--jobs", "2", "--format", "concise", str(workers))
    assert first.returncode == second.returncode
    changed = 0
    for path in sorted(serial.rglob("*.txt")):
        twin = workers / path.relative_to(serial)
        assert twin.read_bytes() == path.read_bytes(), path.name
        changed += path.read_bytes() != (tree / path.relative_to(serial)).read_bytes()
    assert changed > 0  # the held-out set has fixable slips: the comparison compared fixed files


def test_run_uses_workers_for_large_runs_and_reports_progress_in_order(tree, monkeypatch):
    used: list[int] = []
    real = parallel.check_files

    def spy(options, files, jobs):
        used.append(jobs)
        return real(options, files, jobs)

    monkeypatch.setattr(parallel, "check_files", spy)
    seen: list[tuple[int, int, str]] = []
    _, results = check.run([str(tree)], check.CheckOptions(jobs=2), on_file=lambda *a: seen.append(a))
    assert used == [2]
    files = [r.path for r in results]
    assert [path for _, _, path in seen] == files
    assert [done for done, _, _ in seen] == list(range(1, len(files) + 1))
    assert any(r.error for r in results) and sum(len(r.diagnostics) for r in results) > 0


def test_standard_input_is_checked_in_process(tree, monkeypatch):
    monkeypatch.setattr(parallel, "check_files", lambda *a: pytest.fail("workers cannot read our stdin"))
    stdin = io.TextIOWrapper(io.BytesIO("2024年工作总结\n".encode()), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", stdin)
    paths = [str(p) for p in sorted(tree.rglob("*.txt"))] + ["-"]
    _, results = check.run(paths, check.CheckOptions(jobs=2))
    assert results[-1].path == "-"


def test_a_negative_job_count_is_a_usage_error(cli, tree):
    run = cli("check", "--jobs", "-1", str(tree))
    assert run.returncode == 2 and "--jobs" in run.stderr


class _FakePool:
    """Records how check_files shuts its pool down; runs the work in this process."""

    shutdowns: list[dict] = []

    def __init__(self, *args, **kwargs) -> None:
        pass

    def map(self, fn, items, chunksize=1):
        return (f"checked {item}" for item in items)

    def shutdown(self, wait=True, cancel_futures=False):
        self.shutdowns.append({"wait": wait, "cancel_futures": cancel_futures})


def test_stopping_early_cancels_the_files_not_started(monkeypatch):
    import concurrent.futures

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", _FakePool)
    monkeypatch.setattr(_FakePool, "shutdowns", [])
    results = parallel.check_files(check.CheckOptions(), [f"f{i}.txt" for i in range(100)], 2)
    assert next(results) == "checked f0.txt"
    results.close()  # what an exception or Ctrl-C in the caller's loop does to the generator
    assert _FakePool.shutdowns == [{"wait": False, "cancel_futures": True}]
    finished = parallel.check_files(check.CheckOptions(), ["a.txt", "b.txt"], 2)
    assert list(finished) == ["checked a.txt", "checked b.txt"]
    assert _FakePool.shutdowns[-1] == {"wait": True, "cancel_futures": False}


def test_pre_commit_hands_all_files_to_one_process():
    """pre-commit's own parallel batches would each start a worker per CPU: CPUs squared."""
    import yaml

    hooks = yaml.safe_load((Path(__file__).resolve().parents[2] / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks and all(hook["require_serial"] is True for hook in hooks)


def test_without_forkserver_workers_start_only_when_asked(monkeypatch):
    """Windows spawns workers afresh (and console-script launchers complicate it): opt-in there."""
    monkeypatch.setattr(parallel, "_forkserver", lambda: False)
    assert parallel.jobs_for(None, 10_000) == 1
    assert parallel.jobs_for(0, 10_000) == parallel.available_cpus()
    assert parallel.jobs_for(3, 10_000) == 3


def test_a_small_run_does_not_import_multiprocessing():
    import subprocess
    import sys

    code = ("import sys\nfrom reportlint.run import parallel\n"
            "assert parallel.jobs_for(None, 5) == 1\nprint('multiprocessing' in sys.modules)\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"
