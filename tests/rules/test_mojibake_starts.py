"""ZH006 tries a GBK mojibake run only at the characters that can start one."""

from __future__ import annotations

from reportlint.rules import script


def test_run_starts_are_every_character_whose_gbk_form_can_open_a_run():
    want = set()
    for code in range(0x80, 0x10000):
        raw = script._gbk(chr(code))
        if len(raw) == 2 and 0xE4 <= raw[0] <= 0xE9 and 0x80 <= raw[1] <= 0xBF:
            want.add(chr(code))
    assert script._run_starts() == want


def test_runs_are_found_among_ordinary_text():
    garbled = "总结工作".encode().decode("gbk")
    text = f"一、{garbled}情况\n二、{garbled}{garbled}"
    assert [(s, e, d) for s, e, d in script.gbk_mojibake(text)] == [
        (2, 2 + len(garbled), "总结工作"), (7 + len(garbled), 7 + 3 * len(garbled), "总结工作总结工作")]
