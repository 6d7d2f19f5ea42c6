"""reportlint side by side with autocorrect-py (a CJK spacing/punctuation linter) in one run.

autocorrect-py goes into a bench venv, never into the project's dependencies:

    python3 -m venv /tmp/bench-venv && /tmp/bench-venv/bin/pip install autocorrect-py
    .venv/bin/python bench/compare_peer.py --peer-python /tmp/bench-venv/bin/python \\
        --file ../shared/examples/seed-report.txt --corpus CORPUS_DIR

Rows: one cold file, the corpus with ``--jobs 1`` and ``--jobs 2``, a warm re-run (result cache);
wall time and peak RSS of each process (children included). autocorrect-py has no cache and no
worker option: its corpus row is a single process that lints every file in turn.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PEER = """
import sys, pathlib, autocorrect_py
n = 0
for arg in sys.argv[1:]:
    p = pathlib.Path(arg)
    for f in ([p] if p.is_file() else sorted(p.rglob('*.txt'))):
        n += len(autocorrect_py.lint_for(f.read_text(encoding='utf-8'), str(f)).lines)
print(n)
"""


def _timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float, float | None]:
    """Wall seconds, peak RSS (MiB) and CPU seconds (user + system) of this child (wait4's usage:
    the child and its workers). On a loaded machine the wall time follows the load; CPU time
    much less, so the CPU ratio is the one to compare between runs."""
    start = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, _, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = 0  # reaped above
    return wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peer-python", required=True, help="a python with autocorrect-py installed")
    parser.add_argument("--file", required=True)
    parser.add_argument("--corpus", required=True, help="a folder of generated reports (make_corpus.py)")
    args = parser.parse_args()
    exe = shutil.which("reportlint", path=str(Path(sys.executable).parent)) or "reportlint"
    cache = tempfile.mkdtemp(prefix="reportlint-bench-")
    # as installed: bytecode written and reused (PYTHONDONTWRITEBYTECODE would compile reportlint on every start)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"XDG_CACHE_HOME": cache}
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(__file__).resolve().parents[1] / "src")],
                   capture_output=True, env=env, check=False)
    peer = [args.peer_python, "-c", PEER]
    rows = []
    # warm YAML/jieba caches once so "cold" means a cold result cache, as after an edit
    subprocess.run([exe, "check", args.file, "--no-cache"], capture_output=True, env=env, check=False)
    one = _timed([exe, "check", args.file, "--no-cache"], env)
    rows.append(("one file, cold", one, _timed([*peer, args.file], env)))
    for jobs in ("1", "2"):
        cmd = [exe, "check", args.corpus, "--format", "json", "--no-cache", "--jobs", jobs]
        theirs = _timed([*peer, args.corpus], env) if jobs == "1" else None
        wall, rss, cpu = _timed(cmd, env)
        # the workers are the forkserver's children, whose CPU time wait4 does not report
        rows.append((f"corpus, --jobs {jobs}", (wall, rss, cpu if jobs == "1" else None), theirs))
    warm = [exe, "check", args.corpus, "--format", "json", "--jobs", "1"]
    subprocess.run(warm, capture_output=True, env=env, check=False)  # fills the result cache
    rows.append(("corpus, warm re-run (cache)", _timed(warm, env), None))
    shutil.rmtree(cache, ignore_errors=True)
    base, base_cpu = rows[1][2][0], rows[1][2][2]  # autocorrect-py on the corpus: the yardstick
    print("| run | reportlint s | reportlint CPU s | reportlint peak MiB | autocorrect-py s | autocorrect-py CPU s "
          "| autocorrect-py peak MiB | ratio | CPU ratio |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, (wall, rss, cpu), other in rows:
        theirs = f"{other[0]:.2f} | {other[2]:.2f} | {other[1]:.0f}" if other else "— | — | —"
        ratio = wall / other[0] if other else wall / base
        if cpu is None:
            print(f"| {name} | {wall:.2f} | — | {rss:.0f} | {theirs} | {ratio:.2f} | — |")
            continue
        cpu_ratio = cpu / other[2] if other else cpu / base_cpu
        print(f"| {name} | {wall:.2f} | {cpu:.2f} | {rss:.0f} | {theirs} | {ratio:.2f} | {cpu_ratio:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
