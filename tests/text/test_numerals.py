"""Chinese numerals written for heading fixes: every count a heading run can reach (the reader, used
by the rules, stops at 百: thousands are checked by table)."""

from __future__ import annotations

import pytest

from reportlint.text.chars import cn_to_int, int_to_cn


@pytest.mark.parametrize("value, written", [
    (1, "一"), (10, "十"), (12, "十二"), (20, "二十"), (105, "一百零五"), (300, "三百"),
    (1000, "一千"), (1005, "一千零五"), (1010, "一千零一十"), (1100, "一千一百"), (2999, "二千九百九十九"),
])
def test_int_to_cn(value, written):
    assert int_to_cn(value) == written


def test_every_value_below_1000_is_written_and_reads_back():
    for value in range(1, 1000):
        written = int_to_cn(value)
        assert cn_to_int(written) == value, (value, written)


def test_beyond_the_thousands_digits_are_kept():
    assert int_to_cn(12345) == "12345"


def test_a_run_of_thousands_of_headings_does_not_crash_the_numbering_rule():
    from reportlint import check_text

    text = "某县工作总结\n\n" + "".join(f"{'一二三四五六七八九十'[i % 10]}、第{i}项工作\n" for i in range(3000))
    found = check_text(text, select=["HD001"])
    assert found and all(d.code == "HD001" for d in found)
