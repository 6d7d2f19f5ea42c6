"""text/lazyre.py: lazy patterns, declared literal gates, and scans limited to possible starts.

The rule modules lean on these to keep cold starts short, so each must give exactly what the
plain ``re`` call it replaces gives.
"""

from __future__ import annotations

import random
import re
import subprocess
import sys

import pytest

from reportlint.text.lazyre import AtStarts, LazyPattern, admits, find_all, finditer_at, lazy, offsets


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
    assert list(offsets("a，b。c，", "，。")) == [1, 3, 5]
    assert list(find_all("的的的", "的的")) == [0, 1]  # overlapping ones too
    assert list(find_all("abc", "x")) == []


def test_at_starts_matches_the_plain_pattern():
    text = "一是，二是：三是要"
    plain = re.compile(r"[一二三]是[，：]")
    at_starts = AtStarts(plain.pattern, lambda t: [i for i in range(len(t)) if t[i] in "一二三"])
    assert [m.span() for m in at_starts.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_a_gated_pattern_skips_texts_without_its_gate_and_compiles_nothing_for_them():
    gated = lazy(r"《[^》]*》、《", gate=("》、《",))
    assert list(gated.finditer("《a》，《b》")) == []
    assert "search" not in vars(gated)  # not compiled
    assert [m.group() for m in gated.finditer("《a》、《b》")] == ["《a》、《"]
    assert [m.group() for m in gated.finditer("《a》、《b》", 1)] == []  # bounds are passed on
    assert list(gated.finditer("《a》，《b》")) == []  # still gated once compiled
    assert not gated.admits("《a》") and gated.admits("》、《")


def test_gate_items_are_strings_or_alternatives():
    gate = (("建党", "党的生日"), "周年")
    assert admits("建党百周年", gate) and admits("党的生日一百周年", gate)
    assert not admits("建党一百年", gate) and not admits("百周年", gate)
    assert admits("anything", ())


def test_a_plain_string_pattern_is_its_own_gate():
    assert lazy("党史学习教育").gate == ("党史学习教育",)
    assert lazy(r"\d+号").gate == ()  # any other pattern without a declared gate scans every text
    assert lazy("abc", re.IGNORECASE).gate == ()


def _texts_of_the_suite(corpus_dir) -> list[str]:
    """The real reports, the seed and every YAML rule case: texts the gates are tried on."""
    import yaml
    from conftest import ROOT

    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus_dir.glob("*.txt"))]
    for case_file in sorted((ROOT / "tests" / "rules" / "cases").glob("*.yml")):
        for case in (yaml.safe_load(case_file.read_text(encoding="utf-8")).get("cases") or {}).values():
            texts += [case[k] for k in ("pass_str", "fail_str") if isinstance(case, dict) and isinstance(case.get(k), str)]
    return texts


def test_declared_gates_let_through_every_text_their_pattern_matches_in(corpus_dir):
    """A gate is written beside its pattern by hand: on every text of the suite where the
    pattern matches, the gate must admit the text (else findings would silently go)."""
    import importlib

    from reportlint.rules.anniversaries import _anchors
    from reportlint.rules.builtin import FAMILIES
    from reportlint.rules.residue import _lexicon

    gated = [value for family in FAMILIES for value in vars(importlib.import_module(f"reportlint.rules.{family}")).values()
             if isinstance(value, LazyPattern) and value.gate]
    gated += [anchor.pattern for anchor in _anchors(()) if anchor.pattern.gate]
    gated.append(_lexicon([]))
    assert len(gated) > 150
    texts = _texts_of_the_suite(corpus_dir)
    matched = 0
    for pattern in gated:
        compiled = re.compile(pattern.pattern)
        for text in texts:
            if compiled.search(text):
                matched += 1
                assert pattern.admits(text), (pattern, pattern.gate, text[:80])
    assert matched > 100


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
