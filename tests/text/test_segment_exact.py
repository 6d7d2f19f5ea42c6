"""Cutting with only the dictionary buckets a block needs gives exactly full jieba's boundaries."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportlint.parse.profiles import doctypes
from reportlint.rules.wording import lexicon
from reportlint.text import segment


@pytest.fixture(scope="module")
def full():
    """jieba with its whole default dictionary (slow: ~1 s)."""
    tokenizer = segment._jieba().Tokenizer()
    tokenizer.initialize()
    return tokenizer


def _cuts(tokenizer, block: str) -> set[int]:
    cuts, pos = {0}, 0
    for token in tokenizer.cut(block, HMM=False):
        pos += len(token)
        cuts.add(pos)
    return cuts


def test_block_characters_are_those_of_jiebas_block_pattern():
    jieba = segment._jieba().re_han_default
    chars = [*range(0x10000), *range(0x10000, 0x110000, 97)]  # the pattern is all in the BMP
    ours = segment._BLOCK
    differ = [c for c in map(chr, chars)
              if not bool(jieba.fullmatch(c)) == bool(ours.fullmatch(c)) == segment._block_char(c)]
    assert differ == []


def _keywords() -> set[str]:
    """The terms SC001 and the WD rules look for."""
    sections = {t for doctype in doctypes() for spec in doctype.sections
                for t in spec.heading + spec.paragraph}
    return sections | {entry.term for entry in lexicon(())}


def test_keyword_windows_of_the_real_reports_are_cut_as_full_jieba_cuts_them(corpus_dir: Path, full):
    """Each report gets its own tokenizer, holding only the buckets its windows need."""
    terms, checked = _keywords(), 0
    for path in sorted(corpus_dir.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        blocks = sorted(segment._windows(lines, terms)[2])
        words = segment._Words()
        words.ensure(blocks)
        for block in blocks:
            assert words.boundaries(block) == _cuts(full, block), (path.name, block)
        assert len(words.tokenizer.FREQ) < len(full.FREQ) // 4
        checked += len(blocks)
    assert checked > 10_000


@pytest.fixture(scope="module")
def dictionary_words(full) -> list[str]:
    return sorted(word for word, count in full.FREQ.items() if count)


@given(data=st.data())
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_runs_of_dictionary_words_are_cut_as_full_jieba_cuts_them(data, full, dictionary_words):
    """Runs of real words overlap into other words in many ways; a stray character breaks them."""
    word = st.integers(0, len(dictionary_words) - 1).map(dictionary_words.__getitem__)
    glue = st.sampled_from("的和了在是一不有年以来")
    pieces = data.draw(st.lists(word | glue, min_size=1, max_size=8))
    block = "".join(pieces)
    assert segment._Words().boundaries(block) == _cuts(full, block)


def test_a_tokenizer_that_saw_other_blocks_still_cuts_exactly(full, dictionary_words):
    """Buckets loaded for earlier blocks only add entries full jieba has too."""
    words = segment._Words()
    for i in range(0, len(dictionary_words), 997):
        block = "".join(dictionary_words[i:i + 5])
        assert words.boundaries(block) == _cuts(full, block), block


@settings(max_examples=300, deadline=None)
@given(texts=st.lists(st.text(alphabet="工作报告总结进行开展一二", max_size=30), max_size=4),
       terms=st.lists(st.text(alphabet="工作报告总结进行开展一二", min_size=1, max_size=4), min_size=17, max_size=40))
def test_the_pair_table_keeps_every_term_that_occurs(texts, terms):
    kept = segment._possible(texts, terms)
    assert [t for t in terms if any(t in text for text in texts)] == [t for t in kept if any(t in x for x in texts)]
    assert set(kept) <= set(terms)
