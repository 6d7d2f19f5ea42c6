"""text/amounts.py reads a figure's hedge with two dict lookups: the same word a scan of the
hedge lists in their order finds."""

from __future__ import annotations

import random

from reportlint.text import amounts


def test_the_hedge_lookup_finds_the_first_listed_word_as_a_scan_does():
    assert all(1 <= len(word) <= 2 for word, _ in amounts._HEDGES_BEFORE + amounts._HEDGES_AFTER)
    chars = sorted({c for word, _ in amounts._HEDGES_BEFORE + amounts._HEDGES_AFTER for c in word} | set("一人"))
    rng = random.Random(0)
    for _ in range(20000):
        before = "".join(rng.choice(chars) for _ in range(rng.randint(0, 2)))
        after = "".join(rng.choice(chars) for _ in range(rng.randint(0, 3)))
        want_before = next((h for w, h in amounts._HEDGES_BEFORE if before.endswith(w)), "")
        want_after = next((h for w, h in amounts._HEDGES_AFTER if after.startswith(w)), "")
        assert amounts._hedge(amounts._BEFORE, before[-1:], before) == want_before, before
        assert amounts._hedge(amounts._AFTER, after[:1], after[:2]) == want_after, after
