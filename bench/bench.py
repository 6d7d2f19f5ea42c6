#!/usr/bin/env python3
"""Benchmark reportlint: cold start against `import lark, pluggy, yaml`, and throughput.

Run with the venv's python (the pyenv shim adds ~110 ms to every start):

    .venv/bin/python bench/bench.py                       # cold-start table on the bundled example
    .venv/bin/python bench/bench.py --file ../shared/examples/seed-report.txt
    .venv/bin/python bench/bench.py --corpus 1000         # + throughput on a generated corpus

Prints a Markdown table; figures are medians of --runs fresh processes per command, run in turns.
reportlint's bytecode is compiled first and the commands run without PYTHONDONTWRITEBYTECODE, as
after ``pip install`` (which compiles it): a start that compiles every module from source is
measuring the compiler (in a checkout with stale ``__pycache__``, ~2× the time of a real start).
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAKE_CORPUS = ROOT.parent / "shared" / "bench" / "make_corpus.py"


def _environment() -> dict[str, str]:
    """The environment of the measured commands, with reportlint's bytecode compiled (as installed)."""
    import reportlint

    compileall.compile_dir(str(Path(reportlint.__file__).parent), quiet=1)
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _interleaved(cmds: list[list[str]], runs: int) -> list[list[float]]:
    """Wall times in ms of ``runs`` fresh processes per command, run in turns (one warm-up each).

    Taking turns puts every command under the same background load, so the ratios stay
    meaningful on a noisy machine even when the absolute figures drift.
    """
    env = _environment()
    for cmd in cmds:
        subprocess.run(cmd, capture_output=True, env=env)
    samples: list[list[float]] = [[] for _ in cmds]
    for _ in range(runs):
        for cmd, row in zip(cmds, samples):
            start = time.perf_counter()
            subprocess.run(cmd, capture_output=True, env=env)
            row.append((time.perf_counter() - start) * 1000)
    return samples


def cold_start(target: Path, runs: int) -> tuple[list[tuple[str, float]], float, float]:
    """Median times per command, and the medians over turns of check time / reference time:
    with the result cache (the warm-up run filled it: a hit) and without (``--no-cache``)."""
    py = sys.executable
    exe = [py, "-m", "reportlint"]
    commands = [
        ("`python -c pass`", [py, "-c", "pass"]),
        ("`python -c \"import lark, pluggy, yaml\"` (reference)", [py, "-c", "import lark, pluggy, yaml"]),
        ("`reportlint --version`", [*exe, "--version"]),
        (f"`reportlint check {target.name}` (all rules)", [*exe, "check", str(target)]),
        (f"`reportlint check --no-cache {target.name}` (all rules, parsed and checked)",
         [*exe, "check", "--no-cache", str(target)]),
        (f"`reportlint check --no-cache {target.name} --ignore SC,WD` (no jieba rules)",
         [*exe, "check", "--no-cache", "--ignore", "SC,WD", str(target)]),
    ]
    samples = _interleaved([cmd for _, cmd in commands], runs)
    rows = [(label, statistics.median(row)) for (label, _), row in zip(commands, samples)]
    hit, miss = (statistics.median(c / r for c, r in zip(samples[i], samples[1])) for i in (3, 4))
    return rows, hit, miss


def throughput(n_docs: int) -> tuple[int, int, list[tuple[str, float, float]]]:
    """Documents, bytes, and (label, seconds, peak RSS MiB) with the default workers and with one process."""
    out = Path(tempfile.mkdtemp(prefix="reportlint-bench-"))
    try:
        subprocess.run([sys.executable, str(MAKE_CORPUS), str(out), "-n", str(n_docs)], check=True,
                       capture_output=True)
        files = list(out.rglob("*.txt"))
        size = sum(f.stat().st_size for f in files)
        rows = []
        for label, extra in (("default --jobs", []), ("--jobs 1", ["--jobs", "1"])):
            cmd = [sys.executable, "-m", "reportlint", "check", "--format", "json", *extra, str(out)]
            rows.append((label, *_measured(cmd)))
        return len(files), size, rows
    finally:
        shutil.rmtree(out, ignore_errors=True)


_MEASURE = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "subprocess.run(sys.argv[1:], capture_output=True)\n"
    "print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def _measured(cmd: list[str]) -> tuple[float, float]:
    """Seconds and peak RSS (MiB, the largest process: the main one or a worker) of one run,
    taken by a fresh wrapper process so earlier runs do not count."""
    out = subprocess.run([sys.executable, "-c", _MEASURE, *cmd], capture_output=True, text=True, check=True)
    seconds, kib = out.stdout.split()
    return float(seconds), int(kib) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--file", type=Path, default=ROOT / "examples" / "sample-report.txt")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--corpus", type=int, default=0, help="generate N documents and measure throughput")
    args = parser.parse_args()

    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}\n")
    rows, hit, miss = cold_start(args.file, args.runs)
    print("| command | median wall time |\n|---|---|")
    for label, ms in rows:
        print(f"| {label} | {ms:.0f} ms |")
    print(f"\ncold check / reference import = {miss:.2f}× without the result cache, {hit:.2f}× on a "
          f"cache hit (medians of {args.runs} side-by-side turns; budget 2.5×)")
    if args.corpus:
        if not MAKE_CORPUS.is_file():
            print(f"\n{MAKE_CORPUS} not found: skipping throughput", file=sys.stderr)
            return 0
        n, size, rows = throughput(args.corpus)
        for label, seconds, peak in rows:
            print(f"\nthroughput ({label}): {n} documents, {size / 1e6:.1f} MB in {seconds:.1f} s = "
                  f"{size / 1e6 / seconds:.2f} MB/s, peak RSS {peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
