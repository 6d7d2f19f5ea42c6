"""Property tests of fixing over generated report-like text, with every built-in rule enabled."""

from __future__ import annotations

from functools import cache

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reportlint.config.settings import RawConfig, resolve
from reportlint.diagnostics import Diagnostic, Edit
from reportlint.engine.linter import Linter
from reportlint.fix.apply import fix_until_stable, with_fixes
from reportlint.load.source import Source
from reportlint.plugins import manager

# --- a small generator of report-like text --------------------------------------------------------

WORDS = ["加强", "学校安全管理", "全面推进", "教育改革", "我局", "各乡镇", "稳步实施", "素质教育",
         "完成投资", "项目建设", "群众满意", "工作", "取得成效", "县委", "县政府", "持续推进"]
PUNCT = [",", "，", ";", "；", ":", "：", "。", ".", "、", "!", "?", "？", " ", "“", "”", "\""]
INSERTS = ["云发[2012]18号", "皖教〔2011〕5号", "云发(2012)18号", "2019.3.5", "2019年3月5日", "2019-03-05",
           "二〇一九年三月五日", "3.5%", "1,000万元", "2—3年", "PM2.5", "App", "(试行)", "（一）", "《通知》",
           "“双减”", "xx县", "20XX年", "第二", "其一", "1、", "(1)", "①", "2-3家", "4.5-5%", "50％",
           "，，", "。。", "——", "…", "“", "'"]
MARKERS = ["一、", "二、", "三、", "（一）", "（二）", "(一)", "(二)", "1、", "2、", "1.", "2.", "3．",
           "（1）", "(2)", "第一，", "一是", "一、 ", "（六） "]

fragment = st.one_of(st.sampled_from(WORDS), st.sampled_from(PUNCT), st.sampled_from(INSERTS))
sentence = st.lists(fragment, min_size=1, max_size=12).map("".join)
heading = st.tuples(st.sampled_from(MARKERS), st.sampled_from(WORDS), st.sampled_from(["", "。", ",", ":"])) \
    .map("".join)
# suppression comments are blanked out of the linted text but must survive in the file
directive = st.sampled_from(["<!-- reportlint-disable-next-line PU001 -->", "<!-- reportlint-disable HD -->",
                             "<!-- reportlint-enable HD -->", "<!-- reportlint-disable-next-line DT003 -->"])
line = st.one_of(heading, sentence, sentence, directive, st.just(""))
title = st.sampled_from(["县教育局2023年工作总结", "关于开展安全检查的通知", "2011年工作要点", "述职报告"])
report = st.tuples(title, st.lists(line, min_size=1, max_size=14), st.sampled_from(["", "\n"])) \
    .map(lambda t: "\n".join([t[0], *t[1]]) + t[2])


@cache
def _lint():
    rules = manager.build(load_entry_points=False).rules()
    linter = Linter(rules)
    config = resolve(RawConfig(files=["<test>"]), rules)
    return lambda source: linter.lint(source, config)


def _fix(text: str, unsafe: bool):
    return fix_until_stable(Source.from_text(text, "gen.txt"), _lint(), unsafe)


def _placed(edits: tuple[Edit, ...]) -> list[tuple[Edit, int]]:
    """Each edit with where its new content starts in the text after all of them."""
    shift, out = 0, []
    for edit in sorted(edits):
        out.append((edit, edit.start + shift))
        shift += len(edit.content) - (edit.end - edit.start)
    return out


PROPERTY = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(report, st.booleans())
def test_fixing_is_idempotent(text, unsafe):
    once = _fix(text, unsafe)
    twice = _fix(once.source.original, unsafe)
    assert twice.source.original == once.source.original, twice.applied


@PROPERTY
@given(report)
def test_every_character_outside_the_edits_is_kept(text):
    """Replay the passes; the untouched segments of the input must appear, in order, in the output."""
    outcome = _fix(text, unsafe=True)
    segments = [(0, 0, len(text))]  # (offset in the input, offset now, length)
    current = Source.from_text(text, "gen.txt")
    for chosen in outcome.history:
        edits = tuple(e for d in chosen for e in d.fix.edits)
        segments = _through(segments, edits)
        current = with_fixes(current, [d.fix for d in chosen])
    assert current.original == outcome.source.original
    for was, now, length in segments:
        assert outcome.source.original[now:now + length] == text[was:was + length]
    replaced = sum(e.end - e.start for chosen in outcome.history for d in chosen for e in d.fix.edits)
    assert sum(length for *_, length in segments) >= len(text) - replaced


def _through(segments: list[tuple[int, int, int]], edits: tuple[Edit, ...]) -> list[tuple[int, int, int]]:
    """Cut the segments at the edits and move what survives to its offset after the edits."""
    out = []
    for was, now, length in segments:
        pieces = [(was, now, length)]
        for edit in edits:
            pieces = [p for piece in pieces for p in _cut(piece, edit.start, edit.end)]
        for p_was, p_now, p_len in pieces:
            shift = sum(len(e.content) - (e.end - e.start) for e in edits if e.end <= p_now)
            out.append((p_was, p_now + shift, p_len))
    return out


def _cut(piece: tuple[int, int, int], start: int, end: int) -> list[tuple[int, int, int]]:
    was, now, length = piece
    if start == end:  # an insertion splits a segment without removing anything
        inside = now < start < now + length
        return [(was, now, start - now), (was + start - now, start, now + length - start)] if inside else [piece]
    lo, hi = max(now, start), min(now + length, end)
    if lo >= hi:
        return [piece]
    parts = []
    if lo > now:
        parts.append((was, now, lo - now))
    if hi < now + length:
        parts.append((was + hi - now, hi, now + length - hi))
    return parts


@PROPERTY
@given(report)
@example("加强.，，\n")  # PU004 and TY008 in one pass used to leave `。，` (fixes of two rules side by side)
def test_a_fix_never_leaves_a_finding_of_its_own_rule_where_it_edited(text):
    outcome = _fix(text, unsafe=False)
    current = Source.from_text(text, "gen.txt")
    for chosen in outcome.history:
        current = with_fixes(current, [d.fix for d in chosen])
        _, after = _lint()(current)
        for d in chosen:
            for edit, at in _placed_in_pass(chosen, d):
                assert not _same_rule_at(after, d.code, at, at + len(edit.content)), (
                    f"{d.code} fixed {edit} but fires again at {at} in {current.text!r}")


def _placed_in_pass(chosen: list[Diagnostic], target: Diagnostic) -> list[tuple[Edit, int]]:
    placed = _placed(tuple(e for d in chosen for e in d.fix.edits))
    mine = set(target.fix.edits)
    return [(edit, at) for edit, at in placed if edit in mine]


def _same_rule_at(diagnostics: list[Diagnostic], code: str, start: int, end: int) -> bool:
    """A finding's edits say exactly which characters it objects to; a finding without a fix
    is placed by its range (a line-level finding may span characters it does not object to)."""
    for d in diagnostics:
        if d.code != code:
            continue
        for lo, hi in ([(e.start, e.end) for e in d.fix.edits] if d.fix else [(d.start, d.end)]):
            if start == end and lo < start < hi:  # a deletion: only a span across the cut is "there"
                return True
            if start < end and lo < end and start < hi:
                return True
    return False
