"""Full dates (year, month, day) in Arabic or Chinese numerals: 2024年12月5日, 二〇二四年十二月五日."""

from __future__ import annotations

from reportlint.text.chars import cn_to_int
from reportlint.text.lazyre import lazy

YMD = lazy(r"([0-9]{4}|[〇○零一二三四五六七八九]{4})[ \t\u3000]*年[ \t\u3000]*([0-9]{1,2}|[一二三四五六七八九十]{1,3})"
           r"[ \t\u3000]*月[ \t\u3000]*([0-9]{1,2}|[一二三四五六七八九十]{1,3})[ \t\u3000]*日")


def _number(text: str) -> int | None:
    return int(text) if text.isdigit() and text.isascii() else cn_to_int(text)


def full_date(text: str) -> tuple[int, int, int] | None:
    """The first full date in ``text`` as (year, month, day); None without one or when it is
    not a calendar date (month 13, day 0)."""
    if "年" not in text:
        return None
    match = YMD.search(text)
    if match is None:
        return None
    year, month, day = (_number(match.group(k)) for k in (1, 2, 3))
    if year is None or month is None or day is None or not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    return year, month, day
