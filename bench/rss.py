#!/usr/bin/env python3
"""Peak memory of a check run as the number of documents grows (streamed output keeps it flat).

    .venv/bin/python bench/rss.py                          # 200, 1,000 and 5,000 documents, --format json
    .venv/bin/python bench/rss.py --counts 1000 --format sarif --jobs 2

Documents come from ../shared/bench/make_corpus.py (generated once per count into --workdir).
Each run is a fresh ``reportlint check --no-cache --format FMT`` with stdout to /dev/null; the
figure is the peak RSS of the main process (``ru_maxrss`` of the waited child, as
``/usr/bin/time -v`` reports it). Worker processes (``--jobs 2``) have their own, smaller peak.
Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAKE_CORPUS = ROOT.parent / "shared" / "bench" / "make_corpus.py"


def corpus(workdir: Path, count: int) -> Path:
    folder = workdir / f"corpus-{count}"
    if not folder.is_dir():
        subprocess.run([sys.executable, str(MAKE_CORPUS), "-n", str(count), str(folder)], check=True,
                       capture_output=True)
    return folder


def peak(cmd: list[str]) -> tuple[float, float, int]:
    """(peak RSS in MiB, wall seconds, exit code) of one fresh process."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as null:
        proc = subprocess.Popen(cmd, stdout=null, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_maxrss / 1024, time.perf_counter() - start, proc.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--counts", default="200,1000,5000", help="document counts, comma-separated")
    parser.add_argument("--format", default="json")
    parser.add_argument("--jobs", default="1")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "reportlint-rss")
    args = parser.parse_args()
    if not MAKE_CORPUS.is_file():
        parser.error(f"{MAKE_CORPUS} is not present")
    exe = str(Path(sys.executable).parent / "reportlint")
    print(f"| documents | peak RSS (MiB) | wall (s) | command: `reportlint check --no-cache --format {args.format} "
          f"--jobs {args.jobs} DIR > /dev/null` |")
    print("|---:|---:|---:|---|")
    for count in (int(c) for c in args.counts.split(",")):
        folder = corpus(args.workdir, count)
        rss, wall, code = peak([exe, "check", "--no-cache", "--format", args.format, "--jobs", args.jobs, str(folder)])
        print(f"| {count:,} | {rss:.0f} | {wall:.1f} | exit {code} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
