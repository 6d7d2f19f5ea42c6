"""Month lengths and weekdays of text/calendar.py against the standard library's calendar."""

from __future__ import annotations

import calendar
import datetime

from reportlint.text import calendar as calendar_


def test_month_lengths_and_weekdays_match_the_standard_library():
    for year in [*range(1890, 2111), 1, 9999]:
        for month in range(1, 13):
            assert calendar_.days_in_month(year, month) == calendar.monthrange(year, month)[1]
            for day in range(0, 33):
                try:
                    want = calendar_.WEEKDAYS[datetime.date(year, month, day).weekday()]
                except ValueError:
                    want = None
                assert calendar_.weekday(year, month, day) == want, (year, month, day)


def test_dates_that_do_not_exist():
    assert not calendar_.valid(2025, 2, 29) and calendar_.valid(2024, 2, 29)
    assert not calendar_.valid(2025, 6, 31) and not calendar_.valid(2025, 13, 1)
    assert calendar_.valid(None, 2, 29) and not calendar_.valid(None, 2, 30)
    assert calendar_.weekday(2026, 12, 6) == "日" and calendar_.weekday(2025, 2, 29) is None
