"""SpanSet and SpanIndex: binary searches that answer as a scan of every span would."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reportlint.rules.base import SpanIndex, SpanSet

spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=12)


@given(spans)
def test_membership_matches_a_set_of_offsets(pairs: list[tuple[int, int]]) -> None:
    offsets = {i for start, end in pairs for i in range(start, end)}
    found = SpanSet(pairs)
    assert [i in found for i in range(-2, 64)] == [i in offsets for i in range(-2, 64)]


def test_touching_and_nested_spans_merge() -> None:
    found = SpanSet([(5, 8), (0, 3), (3, 5), (6, 7), (10, 10)])
    assert (found.starts, found.ends) == ([0], [8])
    assert 7 in found and 8 not in found and 10 not in found and "3" not in found


@given(spans, st.lists(st.tuples(st.integers(-2, 62), st.integers(0, 8)), max_size=20))
def test_span_index_answers_as_a_scan_of_every_span_added(pairs: list[tuple[int, int]],
                                                        queries: list[tuple[int, int]]) -> None:
    index = SpanIndex()
    added: list[tuple[int, int]] = []
    for start, end in [(s, e) for s, e in pairs if s < e]:  # spans in any order, overlapping or not
        index.add(start, end)
        added.append((start, end))
        for at, width in queries:
            assert index.overlaps(at, at + width) == any(s < at + width and at < e for s, e in added)
            assert index.covers(at) == any(s <= at < e for s, e in added)
