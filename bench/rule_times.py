"""Where a check spends its time, by stage and by rule, over a folder of documents.

    python bench/rule_times.py CORPUS [-n 200] [--top 25]

Loads each file, parses it, then runs every enabled rule on it in turn, as the linter does, and
sums CPU time (``--wall``: wall time) per stage (load, parse, each rule, suppression). A rule that computes a shared
analysis first (``ctx.shared``) is charged for it. Prints the stages whose total is largest, with
their share of the whole and microseconds per KB of text: the list to start from when choosing
what to make faster (issue 16: measure, then pick the levers that pay).
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from reportlint.engine import suppress
from reportlint.load.source import load
from reportlint.parse import parse_document
from reportlint.rules.base import RuleContext
from reportlint.run.session import CheckOptions, Session


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("-n", type=int, default=200, help="at most this many files")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument(
        "--wall", action="store_true", help="wall time instead of CPU time (the load moves wall time far more)"
    )
    args = parser.parse_args()
    files = sorted(p for p in args.corpus.rglob("*") if p.suffix in (".txt", ".md", ".docx"))[: args.n]
    session = Session(CheckOptions(cache=False))
    clock = time.perf_counter if args.wall else time.process_time
    times: Counter[str] = Counter()
    chars = 0
    for path in files:
        config = session.config(str(path))
        start = clock()
        source = load(str(path), readers=session.readers)
        times["(load)"] += clock() - start
        chars += len(source.text)
        start = clock()
        document = parse_document(source)
        times["(parse)"] += clock() - start
        shared: dict = {}
        for code, settings in config.rules.items():
            rule = session.linter._instance(code, settings.options)
            start = clock()
            list(rule.check(RuleContext(source, document, rule.settings, shared)))
            times[code] += clock() - start
        start = clock()
        suppress.apply(source, config, [], session.linter.rules)
        times["(suppress)"] += clock() - start
    total = sum(times.values())
    kb = chars * 3 / 1024  # UTF-8 bytes of CJK text, roughly
    print(f"{len(files)} files, {chars:,} characters, {total:.2f} s in all ({total / kb * 1e6:.0f} µs per KB)")
    print(f"{'stage':<12} {'seconds':>8} {'share':>6} {'µs/KB':>7}")
    for name, seconds in times.most_common(args.top):
        print(f"{name:<12} {seconds:>8.3f} {seconds / total:>6.1%} {seconds / kb * 1e6:>7.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
