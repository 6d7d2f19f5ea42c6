#!/usr/bin/env python3
"""Files per second: local ``--jobs 2`` against ``--dask local:2`` (or a real scheduler).

    .venv/bin/python bench/dask_bench.py -n 5000                       # generated documents
    .venv/bin/python bench/dask_bench.py -n 5000 --dask tcp://scheduler:8786 --corpus /shared/docs

Documents come from ../shared/bench/make_corpus.py when it exists (``--corpus DIR`` checks an
existing folder instead; with a remote scheduler it must be on a filesystem the workers see).
Each command runs in a fresh process (cluster start-up included, as a user pays it); the JSON
outputs are compared, so a figure is only printed for identical results. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAKE_CORPUS = ROOT.parent / "shared" / "bench" / "make_corpus.py"


def _own_corpus(root: Path, n: int) -> None:
    """A stand-in when make_corpus.py is absent: ``n`` short reports with a few defects."""
    for i in range(n):
        path = root / f"{i // 500:03d}" / f"doc{i:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        body = (f"{2020 + i % 5}年度工作总结\n\n一、主要工作\n"
                f"今年完成了第{i}项任务，较上年增长{i % 30}%。\n二、存在问题\n1、进度偏慢\n")
        path.write_text(body * 20, encoding="utf-8")


def _timed(cmd: list[str]) -> tuple[float, bytes]:
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True)
    return time.perf_counter() - start, done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=5000, help="generated documents (default 5000)")
    parser.add_argument("--corpus", help="check this folder instead of generating documents")
    parser.add_argument("--dask", default="local:2", help="scheduler address or local:N (default local:2)")
    parser.add_argument("--jobs", type=int, default=2, help="local worker processes to compare with (default 2)")
    args = parser.parse_args()
    exe = [sys.executable, "-m", "reportlint"]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(args.corpus) if args.corpus else Path(tmp) / "corpus"
        if not args.corpus:
            if MAKE_CORPUS.exists():
                subprocess.run([sys.executable, str(MAKE_CORPUS), str(corpus), "-n", str(args.n)],
                               check=True, capture_output=True)
            else:
                _own_corpus(corpus, args.n)
        files = sum(1 for p in corpus.rglob("*") if p.is_file())
        common = ["check", "-q", "--no-cache", "--format", "json", str(corpus)]  # both cold: no result cache
        local_s, local_out = _timed([*exe, *common, "--jobs", str(args.jobs)])
        dask_s, dask_out = _timed([*exe, *common, "--dask", args.dask])
        if local_out != dask_out:
            print("outputs differ: --dask must give the local run's output", file=sys.stderr)
            return 1
        print(f"{files} files, identical JSON output ({len(local_out):,} bytes)\n")
        print("| run | seconds | files/s |")
        print("|---|---:|---:|")
        print(f"| local --jobs {args.jobs} | {local_s:.1f} | {files / local_s:.0f} |")
        print(f"| --dask {args.dask} | {dask_s:.1f} | {files / dask_s:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
