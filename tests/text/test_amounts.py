"""The amount reader (text/amounts.py): spans like its specification pattern, exact values."""

from __future__ import annotations

import random
import re

from reportlint.text import amounts


def _texts(pieces: list[str], count: int = 4000, longest: int = 12, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, longest))) for _ in range(count)]


def test_amounts_read_like_their_pattern():
    pattern = re.compile(
        r"(?<![0-9.第])(?P<n>[0-9]+(?:\.[0-9]+)?)(?P<h>余|多)?(?:(?P<mult>万亿|亿|万)?(?P<m>"
        + "|".join(amounts.MEASURES) + r")|(?P<pct>[%％]))")
    pieces = list("0123456789.个人次万亿元%％余多第约") + ["平方米", "个百分点"]
    for text in _texts(pieces):
        want = [m.span() for m in pattern.finditer(text)]
        assert [(a.start, a.end) for a in amounts.amounts(text)] == want, text


def test_amount_values_are_exact():
    from decimal import Decimal

    rng = random.Random(2)
    scale = {"": 1, "万": 10**4, "亿": 10**8, "万亿": 10**12}
    for _ in range(3000):
        number = f"{rng.randint(0, 9999)}" + rng.choice(["", ".5", ".05", ".50", ".0", ".123456"])
        mult = rng.choice(list(scale))
        (found,) = amounts.amounts(f"共{number}{mult}元")
        assert found.value == int(Decimal(number) * scale[mult] * 10**amounts.PLACES), number
        assert Decimal(amounts.render(found.value, mult)) == Decimal(number)
