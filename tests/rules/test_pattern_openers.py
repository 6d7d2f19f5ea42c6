"""Patterns tried only at the offsets of their opening characters must list every character a
match can open with (text/lazyre.finditer_at gives finditer's matches only then)."""

from __future__ import annotations

import re
from typing import Any

import pytest

_parser: Any = __import__("re._parser", fromlist=["_parser"])
_constants: Any = __import__("re._constants", fromlist=["_constants"])


def first_chars(items: Any) -> set[str] | None:
    """The characters a match of the parsed pattern ``items`` can open with; None: any (unknown)."""
    c = _constants
    for op, av in items:
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue  # zero-width: the next item opens the match
        if op is c.LITERAL:
            return {chr(av)}
        if op is c.IN:
            found: set[str] = set()
            for kind, value in av:
                if kind is c.LITERAL:
                    found.add(chr(value))
                elif kind is c.RANGE:
                    found.update(map(chr, range(value[0], value[1] + 1)))
                else:
                    return None  # a negated set or a category
            return found
        if op is c.BRANCH:
            union: set[str] = set()
            for branch in av[1]:
                opens = first_chars(branch)
                if opens is None:
                    return None
                union |= opens
            return union
        if op is c.SUBPATTERN:
            return first_chars(av[-1])
        if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
            return first_chars(av[2])
        return None
    return None


def _openers():
    from reportlint.rules import duplicates
    from reportlint.text import amounts

    yield "DU005", duplicates._REDUNDANT, duplicates._REDUNDANT_OPENERS
    yield "amounts", amounts.AMOUNT, amounts.AMOUNT_OPENERS


@pytest.mark.parametrize(("name", "pattern", "openers"), list(_openers()), ids=lambda v: v if isinstance(v, str) else "")
def test_the_openers_hold_every_character_a_match_can_open_with(name, pattern, openers):
    opens = first_chars(_parser.parse(pattern.pattern))
    assert opens is not None, f"{name}: cannot tell what its matches open with"
    allowed = re.compile(openers.pattern)
    assert {char for char in opens if not allowed.fullmatch(char)} == set()


def test_first_chars_reads_alternatives_groups_and_repeats():
    parse = _parser.parse
    assert first_chars(parse(r"(?:约|大约)[0-9]+|(?P<n>[0-9０-９]+)余")) == set("约大0123456789０１２３４５６７８９")
    assert first_chars(parse(r"(?<!x)ab")) == {"a"}
    assert first_chars(parse(r"a?b")) is None  # a repeat that may be empty: unknown
    assert first_chars(parse(r"[^a]b")) is None


def test_amounts_reads_the_figures_amount_finditer_finds():
    from reportlint.text.amounts import AMOUNT, amount_at, amounts

    text = ("全县共有党员1,245名，其中女党员三百二十名、预备党员45名；完成投资1.2亿元，增长12.5%，"
            "第3批项目十二个，约200余人参加，2023年新建5G基站300个，一二三四五六个，9.5万亩。")
    for start, end in ((0, None), (5, 40), (12, len(text) - 3)):
        stop = len(text) if end is None else end
        want = [(m.span(), a.value) for m in AMOUNT.finditer(text, start, stop)
                if (a := amount_at(text, m)) is not None]
        assert [((a.start, a.end), a.value) for a in amounts(text, start, end)] == want
