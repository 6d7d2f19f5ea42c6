"""The calendar of running text: date patterns (2024年3月5日, 二〇二四年三月五日), month lengths, weekdays."""

from __future__ import annotations

from reportlint.text.chars import cn_to_int
from reportlint.text.lazyre import lazy

CN_DIGIT = "〇○零一二三四五六七八九"
# a year as a title writes it: 2024年, 2024 年, 二〇二四年
TITLE_YEAR = lazy(rf"(?<![0-9])((?:19|20)[0-9]{{2}})\s*年|([{CN_DIGIT}]{{4}})年")
# a date written with Arabic numerals; the year is optional (3月5日)
DATE = lazy(
    r"(?<![0-9])(?:(?P<y>(?:19|20)[0-9]{2})\s*年\s*)?(?P<m>[0-9]{1,2})\s*月\s*(?P<d>[0-9]{1,2})\s*日")
CN_DATE = lazy(
    rf"(?P<y>[{CN_DIGIT}]{{4}})\s*年\s*(?P<m>[一二三四五六七八九十]{{1,2}})\s*月"
    r"\s*(?P<d>[一二三四五六七八九十]{1,3})\s*日")
WEEKDAYS = "一二三四五六日"
def days_in_month(year: int, month: int) -> int:
    """The length of a month (datetime is imported on the first call, not with the rules)."""
    from datetime import date

    if month == 12:
        return 31
    year = 2000 + year % 400  # the Gregorian calendar repeats every 400 years; datetime stops at 9999
    return (date(year, month + 1, 1) - date(year, month, 1)).days


def valid(year: int | None, month: int, day: int) -> bool:
    """Whether the date exists; without a year, 2月29日 is given the benefit of the doubt."""
    if not 1 <= month <= 12 or day < 1:
        return False
    if day <= 28:
        return True
    if month == 2 and day == 29 and year is None:
        return True
    return day <= days_in_month(year or 2001, month)


def year_value(text: str) -> int | None:
    """2024 or 二〇二四 as a year between 1900 and 2100, else None."""
    value = int(text) if text.isdigit() else cn_to_int(text.replace("○", "〇"))
    return value if value and 1900 <= value <= 2100 else None


def weekday(year: int, month: int, day: int) -> str | None:
    """The weekday of a date (一 … 日), None when there is no such date."""
    from datetime import date

    try:
        return WEEKDAYS[date(year, month, day).weekday()]
    except ValueError:
        return None


def has_date_words(text: str) -> bool:
    """年, 月 and 日: what a written date holds; most lines lack one, so no regex runs."""
    return "年" in text and "月" in text and "日" in text


_CN_NUMBER = "〇○零一二三四五六七八九十"
_STANDALONE = lazy(
    rf"^[ \t\u3000（(]*(?P<y>(?:19|20)[0-9]{{2}}|[{CN_DIGIT}]{{4}})\s*"
    rf"(?:年\s*(?P<m>[0-9]{{1,2}}|[{_CN_NUMBER}]{{1,2}})\s*月(?:\s*(?P<d>[0-9]{{1,2}}|[{_CN_NUMBER}]{{1,3}})\s*日)?"
    r"|(?P<sep>[.．/\-])(?P<m2>[0-9]{1,2})(?P=sep)(?P<d2>[0-9]{1,2})日?)"
    r"[ \t\u3000）)]*$")


def read_date(text: str) -> tuple[int, int, int | None] | None:
    """A line that is only a date, in any form a 落款 takes: `2024年5月6日`, `二〇二四年五月六日`,
    `二〇二四年5月6日`, `2024.05.06`, `2024/5/6`, or a month alone (`2024年5月`); the day is
    None for a month. None when the line is not a date or the date does not exist."""
    m = _STANDALONE.match(text)
    if m is None:
        return None
    year = year_value(m["y"])
    month_text, day_text = (m["m"], m["d"]) if m["m"] else (m["m2"], m["d2"])
    month = _number(month_text)
    day = _number(day_text) if day_text else None
    if year is None or month is None or not 1 <= month <= 12:
        return None
    if day is not None and not valid(year, month, day):
        return None
    return year, month, day


def _number(text: str) -> int | None:
    return int(text) if text.isdigit() else cn_to_int(text.replace("○", "〇"))
