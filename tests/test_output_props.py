"""Properties of the layout code on generated text: elision windows and HTML highlight pieces."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reportlint.formatters.full import ELLIPSIS, visible, window
from reportlint.formatters.html import marks
from reportlint.textutil import char_width, display_width

# narrow, wide, ambiguous-width, control and zero-width characters, as found in pasted reports
CHARS = st.sampled_from(list("ab1,.中文报告，。“”（）\t\u200b\u3000xX"))


def shown_width(line: str, s: int, e: int) -> int:
    marks_width = (len(ELLIPSIS) if s > 0 else 0) + (len(ELLIPSIS) if e < len(line) else 0)
    return marks_width + sum(char_width(visible(ch)) for ch in line[s:e])


@settings(max_examples=300, deadline=None)
@given(st.text(CHARS, min_size=10, max_size=300), st.data(), st.integers(12, 60))
def test_window_contains_the_span_start_and_fits(line, data, budget):
    start = data.draw(st.integers(0, len(line)))
    end = data.draw(st.integers(start, len(line)))
    s, e = window(line, start, end, budget)
    assert 0 <= s <= start <= len(line) and s <= e <= len(line)
    assert shown_width(line, s, e) <= budget
    span_width = sum(char_width(visible(ch)) for ch in line[start:end])
    if span_width + 2 * len(ELLIPSIS) <= budget:
        assert e >= end, "a span that fits is shown whole"
    if display_width("".join(visible(ch) for ch in line)) <= budget:
        assert (s, e) == (0, len(line)), "a short line is never cut"


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("文字ab\n")), min_size=1, max_size=60), st.data())
def test_html_pieces_cover_each_span_exactly(text, data):
    spans = []
    for i in range(data.draw(st.integers(1, 6))):
        start = data.draw(st.integers(0, len(text)))
        spans.append((i, start, data.draw(st.integers(start, len(text)))))
    pieces = marks(text, spans)
    for i, start, end in spans:
        mine = [p for p in pieces if i in p.ids]
        if text[start:end].strip("\n"):
            covered = sorted((p.start, p.end) for p in mine)
            assert covered[0][0] == start and covered[-1][1] == end
            assert all(a[1] == b[0] for a, b in zip(covered, covered[1:])), "no gaps, no overlaps"
        else:
            assert [(p.start, p.end) for p in mine] == [(start, start)], "shown as an insertion point"
    nonempty = sorted((p.start, p.end) for p in pieces if p.start < p.end)
    assert all(a[1] <= b[0] for a, b in zip(nonempty, nonempty[1:])), "pieces never overlap"
