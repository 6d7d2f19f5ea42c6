"""The text families stay linear on hostile input: 200,000 unmatched or odd marks in seconds.

Before the pairs scan kept per-family counts, 100,000 unmatched `（` took minutes (each closer
searched the whole open stack). The bound is generous for a loaded machine but far below what a
quadratic scan needs at this size.
"""

from __future__ import annotations

import time

import pytest

from reportlint.testing import lint_text

N = 200_000
HOSTILE = {
    "unmatched-open": "全年（" * N,
    "unmatched-close": "）全年" * N,
    "mixed-openers": "《“（【" * (N // 4),
    "angles-in-title": "《<" * (N // 2),
    "masks": "X" * N,
    "ascii-quotes-and-points": "'全年" * (N // 2) + "." * (N // 2),
    "underscores": "_a" * N,
    "bracket-slots": "（请" * N,
    "lexicon-terms": "截止目前布署，" * (N // 5),
    "chrome-lines": "浏览次数：1\n" * (N // 5),
}
BOUND_SECONDS = 60.0  # a quadratic scan of 200,000 marks takes minutes; a loaded machine can take 20 s for a linear one


@pytest.mark.parametrize("family", ["PA", "SP", "ZH", "TY", "PU", "PH", "RS", "WD"])
@pytest.mark.parametrize("shape", sorted(HOSTILE))
def test_family_is_linear_on_hostile_text(family, shape):
    started = time.perf_counter()
    lint_text(HOSTILE[shape], select=[family])
    assert time.perf_counter() - started < BOUND_SECONDS


def test_relative_years_in_a_summary_with_many_plan_sections_are_linear():
    """YR003 tested every line of a 总结 against every 下一步 section: 20,000 of each took minutes."""
    text = "某县2024年工作总结\n" + "一、下一步工作打算\n今年（2023年）继续推进。\n" * 20_000
    started = time.perf_counter()
    lint_text(text, select=["YR003"])
    assert time.perf_counter() - started < BOUND_SECONDS


@pytest.mark.parametrize(("code", "line"), [
    ("PH002", "xx县完成任务。\n"),
    ("DU003", "完成了的的任务。\n"),
    ("SM001", "共10人，其中男3人、女4人。\n"),
])
def test_dense_findings_are_linear(code, line):
    """One finding per line: each new finding was tested against every one before (PH's taken
    spans, DU003's doubled words, SM001's reported spans) — 20,000 slots took 15 s. Four times
    the lines must cost about four times as long (a quadratic scan: sixteen); best of two runs."""

    def seconds(n: int) -> float:
        best = float("inf")
        for _ in range(2):
            started = time.perf_counter()
            _, found = lint_text(line * n, select=[code])
            best = min(best, time.perf_counter() - started)
            assert len(found) == n
        return best

    small, large = seconds(2_000), seconds(8_000)
    assert large < 8 * small, f"{large:.2f} s for 8,000 lines, {small:.2f} s for 2,000"
