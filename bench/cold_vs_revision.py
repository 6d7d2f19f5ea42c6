#!/usr/bin/env python3
"""Cold start of two installed reportlint revisions side by side, on the same rules.

Issue 10 asks that the house work leave the cold start no worse than before. Rules were added
since, so the fair comparison runs the newer revision with only the older one's rule codes
(``--select``), beside both full runs and a result-cache hit, in alternating turns (background
load hits every command alike), reporting wall and CPU time (``os.wait4``) against the
``import lark, pluggy, yaml`` reference:

    python3 -m venv /tmp/old && git worktree add /tmp/old-src REV && /tmp/old/bin/pip install /tmp/old-src
    python3 -m venv /tmp/new && /tmp/new/bin/pip install .
    /tmp/new/bin/python bench/cold_vs_revision.py --old /tmp/old/bin --new /tmp/new/bin --file SEED
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import time
from pathlib import Path


def _run(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    start = time.perf_counter()
    process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, _, usage = os.wait4(process.pid, 0)
    return (time.perf_counter() - start) * 1000, (usage.ru_utime + usage.ru_stime) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", type=Path, required=True, help="the older install's bin folder")
    parser.add_argument("--new", type=Path, required=True, help="the newer install's bin folder")
    parser.add_argument("--file", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as after pip install, which compiles the modules
    rules = subprocess.run([str(args.old / "reportlint"), "rules"], capture_output=True, text=True, check=True)
    codes = ",".join(line.split()[0] for line in rules.stdout.splitlines()[1:] if line.strip())
    old_count = len(codes.split(","))
    cmds = {
        "`import lark, pluggy, yaml` (reference)": [str(args.new / "python"), "-c", "import lark, pluggy, yaml"],
        f"older revision, its {old_count} rules": [str(args.old / "reportlint"), "check", str(args.file)],
        f"newer revision, `--no-cache --select` the same {old_count}": [
            str(args.new / "reportlint"), "check", "--no-cache", "--select", codes, str(args.file)],
        "newer revision, `--no-cache`, all rules": [
            str(args.new / "reportlint"), "check", "--no-cache", str(args.file)],
        "newer revision, result-cache hit": [str(args.new / "reportlint"), "check", str(args.file)],
    }
    for cmd in cmds.values():  # warm-up: page cache, the pattern and result caches
        _run(cmd, env)
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in cmds}
    for _ in range(args.runs):
        for name, cmd in cmds.items():
            samples[name].append(_run(cmd, env))
    reference = next(iter(samples.values()))
    ref_wall = statistics.median(w for w, _ in reference)
    ref_cpu = statistics.median(c for _, c in reference)
    print("| command | median wall ms | × reference | median CPU ms | × reference |\n|---|---:|---:|---:|---:|")
    for name, rows in samples.items():
        wall, cpu = statistics.median(w for w, _ in rows), statistics.median(c for _, c in rows)
        print(f"| {name} | {wall:.0f} | {wall / ref_wall:.2f} | {cpu:.0f} | {cpu / ref_cpu:.2f} |")


if __name__ == "__main__":
    main()
