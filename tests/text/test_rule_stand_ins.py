"""Python stand-ins for regular expressions in the rule modules give what the regexes give.

Compiling a pattern with a CJK class costs about a millisecond; a rule tests characters in Python
instead only where that saves more than 3 ms of a cold check (README, Performance: PH001's blanks
and empty brackets, 3.6 ms). The test keeps the replaced pattern as the specification and
compares on random texts built from the characters that matter.
"""

from __future__ import annotations

import random
import re

from reportlint.rules import placeholders


def _texts(pieces: list[str], count: int = 4000, longest: int = 14, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, longest))) for _ in range(count)]


def test_placeholder_blanks_and_empty_brackets():
    blanks = re.compile(r"_{2,}|＿{2,}|(?<=[\u4e00-\u9fff0-9])[_＿](?=[\u4e00-\u9fff0-9])")
    brackets = re.compile(
        r"【\s*】|〔\s*〕|［\s*］|《\s*》|〈\s*〉"
        r"|(?<=[\u4e00-\u9fff])(?:\[\s*\]|\(\s*\)|（\s*）)(?![0-9]+号)"
        r"|(?:\[\s*\]|\(\s*\)|（\s*）)(?=[\u4e00-\u9fff])(?<![\u4e00-\u9fff]\[\])")
    pieces = list("_＿县9a 【】〔〕［］《》〈〉[]()（）号1\n") + ["[]", "18号"]
    for text in _texts(pieces):
        assert placeholders._blanks(text, "") == [m.span() for m in blanks.finditer(text)], text
        assert placeholders._brackets(text, "") == [m.span() for m in brackets.finditer(text)], text
