"""ZH006 finds GBK mojibake runs among ordinary text."""

from __future__ import annotations

from reportlint.rules import script


def test_runs_are_found_among_ordinary_text():
    garbled = "总结工作".encode().decode("gbk")
    text = f"一、{garbled}情况\n二、{garbled}{garbled}"
    assert [(s, e, d) for s, e, d in script.gbk_mojibake(text)] == [
        (2, 2 + len(garbled), "总结工作"), (7 + len(garbled), 7 + 3 * len(garbled), "总结工作总结工作")]
