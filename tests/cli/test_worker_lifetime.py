"""Workers never outlive the run: SIGKILL or SIGTERM of the main process under --jobs 2 leaves
no process behind; SIGTERM is handled like Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

BODY = "关于工作的报告\n\n" + "今年以来，我们认真落实各项部署，取得明显成效，xx县局召开会议。\n" * 400


def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_workers_exit_with_the_main_process(tmp_path, how):
    for i in range(400):
        (tmp_path / f"r{i:03d}.txt").write_text(BODY, encoding="utf-8")
    exe = Path(sys.executable).with_name("reportlint")
    main = subprocess.Popen([str(exe), "check", "--jobs", "2", "--format", "concise", str(tmp_path)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        workers: set[int] = set()
        while time.monotonic() < deadline and len(workers) < 3:  # the forkserver and two workers
            workers = _descendants(main.pid)
            time.sleep(0.05)
        assert len(workers) >= 3, "the workers did not start"
        time.sleep(0.5)
        assert main.poll() is None, "the run ended before it could be killed"
        os.kill(main.pid, how)
        main.wait(10)
        time.sleep(2)
        left = {pid for pid in workers if _alive(pid)}
        assert not left, f"processes still running 2 s after the main process ended: {left}"
        if how == signal.SIGTERM:
            assert main.returncode == 130
            assert b"Traceback" not in main.stderr.read()
    finally:
        for pid in _descendants(main.pid) | {main.pid}:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        main.wait(5)
