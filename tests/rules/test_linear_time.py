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
BOUND_SECONDS = 20.0


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
