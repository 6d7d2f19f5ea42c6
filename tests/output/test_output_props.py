"""Properties of the layout code on generated text: elision windows and HTML highlight pieces."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reportlint.formatters.full import ELLIPSIS, visible, window
from reportlint.formatters.html import marks
from reportlint.text.chars import char_width, display_width

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


# what the JSON formats hold: strings (any code point, lone surrogates included), integers
# (also beyond 64 bits), booleans, null, lists and string-keyed objects
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=500, deadline=None)
@given(JSON_VALUES)
def test_pretty_json_is_byte_identical_to_the_standard_library(value):
    import json

    from reportlint.formatters.common import pretty_json

    assert pretty_json(value) == json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def test_pretty_json_works_without_orjson(monkeypatch):
    import sys

    from reportlint.formatters.common import pretty_json

    monkeypatch.setitem(sys.modules, "orjson", None)  # makes `import orjson` raise ImportError
    assert pretty_json({"路径": ["a", 1, None, True]}) == '{\n  "路径": [\n    "a",\n    1,\n    null,\n    true\n  ]\n}\n'


def test_pretty_json_does_not_use_the_slow_encoder_when_orjson_can(monkeypatch):
    import json

    from reportlint.formatters.common import pretty_json

    def slow(*args, **kwargs):
        raise AssertionError("the standard library encoder was used")

    monkeypatch.setattr(json, "dumps", slow)
    assert pretty_json({"a": ["报告", 1]}) == '{\n  "a": [\n    "报告",\n    1\n  ]\n}\n'
