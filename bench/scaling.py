#!/usr/bin/env python3
"""Scaling of one check with document size and on hostile text: wall and CPU time, peak RSS.

    .venv/bin/python bench/scaling.py                  # 1, 10 and 50 MB + the hostile texts
    .venv/bin/python bench/scaling.py --sizes 1 10     # smaller run
    .venv/bin/python bench/scaling.py --only hostile
    .venv/bin/python bench/scaling.py --sizes 10 --ten   # also ten 1 MB documents in one run

Each case is one fresh ``reportlint check FILE --no-cache --jobs 1`` process; its peak RSS comes
from ``os.wait4`` (the child's own rusage). Prints a Markdown table with CPU seconds per MB and peak
RSS over file size; for the sized documents also the ratio of each size's s/MB to the first
size's (linear time keeps it near 1; the issue's bound is 1.5) and memory (bound: 20x the file).
A one-line document is checked first: its peak RSS (the interpreter, the rules, the parser) is
the floor, and the column "growth / size" is the peak above that floor over the file size. Each
hostile text is also checked at a tenth of its size: "growth / added size" is the full case's
peak above its twin's over the size added — what grows with the text, without the fixed cost of
the tables a text of that kind loads (which weighs on small files' ratios over the floor).
``--ten`` adds one run over ten 1 MB documents (a folder, ``--jobs 1``) to compare with a 10 MB
one (issue 16: within 1.1x). ``--check`` makes it a test (issue 13): exit 1 unless every sized
document's CPU s/MB is within 1.5x of the first size's and its growth over the floor is under
20x its size (``.venv/bin/python bench/scaling.py --sizes 1 10 --only sizes --check``).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024

# A report-shaped block written for this benchmark: headings, numbered items, dates, amounts,
# quotes and brackets, so every rule family has something to look at.
_BLOCK = """一、{n}年度主要工作情况
（一）推进重点项目建设。全年共实施重点项目{n}个，完成投资12.5亿元，同比增长8.3%。
1.基础设施。新建道路{n}公里，改造老旧小区3个，惠及居民2100户。
2.公共服务。新增学位600个，“一网通办”事项办理时限压缩40%。
（二）加强基层治理。召开专题会议{n}次，形成《关于加强社区治理的若干措施》等制度文件5件。
二、存在的问题
部分项目推进较慢，资金到位不及时；个别单位落实不到位。
三、下一步工作打算
坚持问题导向，于2025年6月30日前完成整改，确保各项任务按期完成。

"""


def _blocks(size: int) -> Iterator[str]:
    yield "某某县人民政府2024年工作总结\n\n"
    total, n = 0, 0
    while total < size:
        block = _BLOCK.format(n=n % 97 + 1)
        yield block
        total += len(block.encode("utf-8"))
        n += 1


def _report(size: int) -> str:
    return "".join(_blocks(size))


def _write_report(path: Path, size: int) -> None:
    """``_report(size)`` written block by block. The parent must stay small: a child starts with
    the parent's pages and its peak RSS (``ru_maxrss``) counts them, so a 50 MB document built in
    memory here made every later check look like ~150 MB."""
    with path.open("w", encoding="utf-8") as out:
        for block in _blocks(size):
            out.write(block)


# each hostile text as a function of its repeat count: the full case and a twin a tenth its size
HOSTILE = {
    "100k unmatched （": ("txt", 100_000, lambda n: "某某县工作总结\n\n" + "全年（" * n + "\n"),
    "Markdown, 50k [": ("md", 50_000, lambda n: "# 工作总结\n\n" + "[" * n + "\n"),
    "Markdown, 50k [ + text": ("md", 50_000, lambda n: "# 工作总结\n\n" + "[链接" * n + "\n"),
    "one 2 MB line": ("txt", 2 * MB // 27, lambda n: "某某县工作总结\n\n" + "全年完成各项任务，" * n + "\n"),
    "50k-line list of headings": ("txt", 50_000, lambda n: "某某县工作总结\n\n" + "".join(
        f"{'一二三四五六七八九十'[i % 10]}、第{i}项工作\n" for i in range(n))),
    "50k Markdown headings": ("md", 50_000, lambda n: "".join(f"## {i}. 工作\n\n" for i in range(n))),
}


def _measure(path: Path, exe: str) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds, peak RSS (MB) and exit code of one check of ``path``."""
    start = time.perf_counter()
    proc = subprocess.Popen([exe, "check", str(path), "--no-cache", "--jobs", "1", "--format", "concise"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime  # steadier than wall time on a shared machine
    return elapsed, cpu, usage.ru_maxrss / 1024, proc.returncode  # Linux: ru_maxrss in KB


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=float, nargs="*", default=[1, 10, 50], help="document sizes in MB")
    parser.add_argument("--only", choices=["sizes", "hostile"], help="run only one group")
    parser.add_argument("--ten", action="store_true", help="also check ten 1 MB documents in one run")
    parser.add_argument("--check", action="store_true",
                        help="exit 1 unless time is linear (1.5x) and growth under 20x the size")
    args = parser.parse_args()
    exe = str(Path(sys.executable).with_name("reportlint"))
    env_limit = max([*args.sizes, 1]) * 2
    os.environ.setdefault("REPORTLINT_MAX_BYTES", f"{int(env_limit)}M")
    rows: list[tuple[str, float, float, float, float, int]] = []
    slopes: dict[str, float] = {}  # hostile case: peak above its tenth-size twin's, over the added size
    with tempfile.TemporaryDirectory() as tmp:
        tiny = Path(tmp) / "tiny.txt"
        tiny.write_text("某某县人民政府2024年工作总结\n", encoding="utf-8")
        _, _, floor, _ = _measure(tiny, exe)
        print(f"  floor (one-line document): {floor:.0f} MB", file=sys.stderr, flush=True)
        cases: list[tuple[str, Path]] = []
        if args.ten:
            folder = Path(tmp) / "ten"
            folder.mkdir()
            for i in range(10):
                _write_report(folder / f"report-{i}.txt", MB)
            cases.append(("ten 1 MB documents, one run", folder))
        if args.only != "hostile":
            for mb in args.sizes:
                path = Path(tmp) / f"report-{mb:g}MB.txt"
                _write_report(path, int(mb * MB))
                cases.append((f"report, {mb:g} MB", path))
        twins: dict[str, Path] = {}
        if args.only != "sizes":
            for i, (name, (suffix, count, make)) in enumerate(HOSTILE.items()):
                path = Path(tmp) / f"hostile-{i}.{suffix}"
                path.write_text(make(count), encoding="utf-8")
                cases.append((name, path))
                twins[name] = Path(tmp) / f"hostile-{i}-tenth.{suffix}"
                twins[name].write_text(make(count // 10), encoding="utf-8")
        for name, path in cases:
            files = sorted(path.iterdir()) if path.is_dir() else [path]
            size = sum(f.stat().st_size for f in files) / MB
            seconds, cpu, rss, code = _measure(path, exe)
            rows.append((name, size, seconds, cpu, rss, code))
            print(f"  {name}: {seconds:.1f} s, CPU {cpu:.1f} s, {rss:.0f} MB", file=sys.stderr, flush=True)
            if name in twins:
                _, _, twin_rss, _ = _measure(twins[name], exe)
                slopes[name] = (rss - twin_rss) / (size - twins[name].stat().st_size / MB)
    base = next((c / z for n, z, _, c, _, _ in rows if n.startswith("report, ")), None)
    print(f"Floor (peak RSS checking a one-line document): {floor:.0f} MB\n")
    print("| case | size (MB) | wall (s) | CPU (s) | CPU s/MB | s/MB vs first size | peak RSS (MB) | RSS / size "
          "| growth / size | growth / added size (vs a tenth) | exit |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, size, seconds, cpu, rss, code in rows:
        per = cpu / size
        ratio = f"{per / base:.2f}" if base and name.startswith("report, ") else ""
        print(f"| {name} | {size:.2f} | {seconds:.1f} | {cpu:.1f} | {per:.2f} | {ratio} | {rss:.0f} "
              f"| {rss / size:.1f} | {(rss - floor) / size:.1f} "
              f"| {f'{slopes[name]:.1f}' if name in slopes else ''} | {code} |")
    ten = next((c for n, _, _, c, _, _ in rows if n.startswith("ten ")), None)
    whole = next((c for n, z, _, c, _, _ in rows if n.startswith("report, ") and round(z) == 10), None)
    if ten and whole:
        print(f"\n10 MB document / ten 1 MB documents: {whole / ten:.2f}x the CPU time (issue 16: at most 1.1x)")
    if args.check:
        return _check(rows, floor, base)
    return 0


TIME_BOUND = 1.5  # CPU s/MB of any size over the first size's (issue 13)
MEMORY_BOUND = 20  # peak RSS above the floor, over the file size (issue 13)


def _check(rows: list[tuple[str, float, float, float, float, int]], floor: float, base: float | None) -> int:
    """The issue's bounds on the sized documents: 0 when they hold, else 1 (each failure printed)."""
    failures = []
    for name, size, _, cpu, rss, code in rows:
        if not name.startswith("report, "):
            continue
        if code not in (0, 1):
            failures.append(f"{name}: exit {code}")
        if base and cpu / size / base > TIME_BOUND:
            failures.append(f"{name}: {cpu / size / base:.2f}x the CPU time per MB of the first size")
        if (rss - floor) / size >= MEMORY_BOUND:
            failures.append(f"{name}: growth {(rss - floor) / size:.1f}x the file size")
    for failure in failures:
        print(f"FAIL {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
