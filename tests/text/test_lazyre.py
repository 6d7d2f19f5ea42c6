"""rules/lazyre.py: lazy patterns, scans limited to possible starts, and literal gates.

The rule modules lean on these to keep cold starts short, so each must give exactly what the
plain ``re`` call it replaces gives.
"""

from __future__ import annotations

import random
import re
import subprocess
import sys

import pytest

from reportlint.text.lazyre import (
    AtStarts,
    Gated,
    LazyPattern,
    find_all,
    finditer_at,
    lazy,
    literal_gates,
    offsets,
    passes_gates,
)


def _random_texts(alphabet: str, count: int, longest: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest))) for _ in range(count)]


def test_a_lazy_pattern_compiles_on_first_use_and_then_acts_as_the_compiled_one():
    pattern = lazy(r"(?P<n>[0-9]+)年")
    assert "search" not in vars(pattern)  # nothing compiled yet
    assert pattern.search("2023年工作")["n"] == "2023"
    assert "search" in vars(pattern)  # bound methods of the compiled pattern from now on
    assert [m.span() for m in pattern.finditer("1年2年")] == [(0, 2), (2, 4)]
    assert pattern.sub("Y", "1年2年") == "YY"
    assert pattern.split("a1年b") == ["a", "1", "b"]
    assert pattern.groupindex == {"n": 1}
    assert pattern.pattern == r"(?P<n>[0-9]+)年"
    assert isinstance(LazyPattern("x").compiled(), re.Pattern)


def test_a_lazy_pattern_reports_a_bad_pattern_when_used():
    pattern = lazy("(")
    with pytest.raises(re.error):
        pattern.search("(")


def test_finditer_at_finds_what_finditer_finds_given_every_possible_start():
    patterns = [r"ab|b", r"(?<![a])b+", r"a(?=b)|ba", r"[ab]{2}"]
    for text in _random_texts("abc", 2000, 12):
        for pattern in patterns:
            compiled = re.compile(pattern)
            starts = [i for i in range(len(text)) if compiled.match(text, i)]
            assert [m.span() for m in finditer_at(compiled, text, starts)] == \
                [m.span() for m in compiled.finditer(text)], (pattern, text)


def test_offsets_and_find_all():
    assert offsets("a，b。c，", "，。") == [1, 3, 5]
    assert list(find_all("的的的", "的的")) == [0, 1]  # overlapping ones too
    assert list(find_all("abc", "x")) == []


def test_at_starts_and_gated_match_the_plain_pattern():
    text = "一是，二是：三是要"
    plain = re.compile(r"[一二三]是[，：]")
    at_starts = AtStarts(plain.pattern, lambda t: [i for i in range(len(t)) if t[i] in "一二三"])
    assert [m.span() for m in at_starts.finditer(text)] == [m.span() for m in plain.finditer(text)]
    gated = Gated(r"《[^》]*》、《", "》、《")
    assert list(gated.finditer("《a》，《b》")) == []
    assert [m.group() for m in gated.finditer("《a》、《b》")] == ["《a》、《"]


@pytest.mark.parametrize(("pattern", "gates"), [
    ("abc", ((("abc",),),)),
    ("“十一五”|十一五(?:规划|期间|时期)", ((("“十一五”",),), (("十一五",), ("规划", "期间", "时期")))),
    ("(?:党的)?十七大(?=(?:会议)?精神)", ((("十七大",), ("精神",)),)),
    (r"\d+号", ((("号",),),)),
    ("ab|", ()),  # an empty branch matches anywhere
    ("ab(?i)cd", ()),  # flags change what a literal means
    ("a{x}", ()),  # a literal brace: not followed
    ("", ()),
])
def test_literal_gates_of_known_patterns(pattern, gates):
    assert literal_gates(pattern) == gates


def _random_pattern(rng: random.Random, depth: int = 0) -> str:
    def atom() -> str:
        roll = rng.random()
        if roll < 0.5 or depth > 2:
            return rng.choice("ab甲乙")
        if roll < 0.6:
            return rng.choice(["[ab]", "[^a]", ".", r"\w", r"\u7532", r"\."])
        if roll < 0.9:
            head = rng.choice(["(?:", "(", "(?=", "(?!", f"(?P<g{rng.randrange(10**6)}>"])
            return head + _random_pattern(rng, depth + 1) + ")"
        head = rng.choice(["(?<=", "(?<!"])
        return head + "".join(rng.choice("ab甲") for _ in range(rng.randint(1, 3))) + ")"

    def branch() -> str:
        out = ""
        for _ in range(rng.randint(0, 4)):
            piece = atom()
            quantifiers = ["", "?"] if piece.startswith("(") else ["", "", "?", "*", "+", "{2}", "{1,2}", "*?"]
            out += piece + rng.choice(quantifiers)
        return out

    return "|".join(branch() for _ in range(rng.randint(1, 3)))


def test_literal_gates_never_rule_out_a_text_the_pattern_matches_in():
    rng = random.Random(1)
    checked = 0
    for _ in range(1500):
        pattern = _random_pattern(rng)
        try:
            compiled = re.compile(pattern)
        except re.error:
            continue
        gates = literal_gates(pattern)
        for text in _random_texts("ab甲乙.", 20, 10, seed=rng.randrange(10**6)):
            if compiled.search(text):
                checked += 1
                assert passes_gates(text, gates), (pattern, gates, text)
    assert checked > 1000


def test_importing_the_rule_modules_compiles_no_pattern():
    """Compiling is the bulk of an import's cost; rule modules compile on first use."""
    script = """
import importlib, re._compiler as compiler, sys, traceback
import reportlint.run.check, reportlint.rules.base, reportlint.rules.builtin as builtin
own = {f for f in builtin.FAMILIES if f not in ("sections",)} | {"lazyre"}
compiled = []
original = compiler.compile
def spy(pattern, flags=0):
    ours = [f.filename for f in traceback.extract_stack() if "reportlint" in f.filename]
    if ours and any(ours[-1].endswith(f"rules/{name}.py") for name in own):
        compiled.append((ours[-1], pattern))
    return original(pattern, flags)
compiler.compile = spy
for family in builtin.FAMILIES:
    importlib.import_module(f"reportlint.rules.{family}")
print(compiled)
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_importing_the_model_builder_compiles_no_pattern():
    """The parse modules, like the rule modules, compile their patterns on first use."""
    script = """
import re._compiler as compiler, traceback
compiled = []
original = compiler.compile
def spy(pattern, flags=0):
    caller = [f.filename for f in traceback.extract_stack() if "/re/" not in f.filename][-2]
    if "reportlint/parse/" in caller:  # lark and the standard library compile their own
        compiled.append((caller, pattern))
    return original(pattern, flags)
compiler.compile = spy
import reportlint.parse
print(compiled)
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
