"""ZH006 jumps between the characters that can start a GBK-misread run: the class must hold every
character whose GBK form is a Han UTF-8 lead byte (E4–E9) and a continuation byte, and nothing else,
or a run would be skipped (or tried needlessly)."""

from __future__ import annotations

from reportlint.rules.script import _gbk, _gbk_run_starts, gbk_mojibake


def test_the_start_class_is_exactly_the_characters_that_can_start_a_run():
    starts = _gbk_run_starts()
    for code in range(0x80, 0x30000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        raw = _gbk(char)
        can_start = len(raw) == 2 and 0xE4 <= raw[0] <= 0xE9 and 0x80 <= raw[1] <= 0xBF
        assert can_start == bool(starts.fullmatch(char)), (hex(code), raw)


def test_a_run_after_ordinary_text_is_found_where_it_starts():
    garbled = "总结工作".encode().decode("gbk")
    text = "今年的" + garbled + "很好"
    (found,) = list(gbk_mojibake(text))
    assert found[:2] == (3, 3 + len(garbled)) and found[2] == "总结工作"
