"""literal_union: one prefix-factored regex that finds a word of a set exactly where a substring test would."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reportlint.text.trie import literal_union

ALPHABET = "的工作总结报告推进a.(*|?\\"  # regex metacharacters included: words are literal
words = st.frozensets(st.text(ALPHABET, min_size=1, max_size=4), max_size=12)


@settings(max_examples=500, deadline=None)
@given(words, st.text(ALPHABET, max_size=40))
def test_finds_a_word_exactly_when_one_is_a_substring(wordset, text):
    assert bool(literal_union(wordset).search(text)) == any(w in text for w in wordset)


@settings(max_examples=300, deadline=None)
@given(words, st.text(ALPHABET, max_size=40))
def test_the_match_is_one_of_the_words(wordset, text):
    found = literal_union(wordset).search(text)
    assert found is None or found.group() in wordset


def test_prefixes_and_the_empty_set():
    assert literal_union(frozenset({"工作", "工作总结"})).search("年度工作").group() == "工作"
    assert literal_union(frozenset({"工作", "工作总结"})).search("工作总结").group() == "工作总结"
    assert literal_union(frozenset()).search("任何文字") is None
