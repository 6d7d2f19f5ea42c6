"""The wording lexicon on the real corpus: no entry fires except on the slips listed here.

Every entry of rulesets/data/wording.yaml is run over the 48 real reports and the held-out clean
documents. A hit is either a real slip (listed below with the line it sits on) or a bad entry;
a new entry that fires anywhere else fails this test and must be narrowed or dropped.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.rules.wording import find_terms, lexicon

HELDOUT_CLEAN = Path(__file__).parents[1] / "corpus" / "heldout" / "clean"
# (file, term, text on the line): real slips in published reports
REAL_SLIPS = {
    ("cn-gwr-2009-national.txt", "签定", "推动签定综合性经济合作协议"),
}


def _documents(corpus_dir: Path) -> list[Path]:
    return sorted(corpus_dir.glob("*.txt")) + sorted(p for p in HELDOUT_CLEAN.iterdir() if p.is_file())


def test_every_entry_names_a_source_and_a_different_form():
    entries = lexicon(())
    assert len([e for e in entries if e.kind == "misspelt"]) >= 950
    assert len([e for e in entries if e.kind == "preferred"]) >= 230
    for entry in entries:
        assert entry.source.strip(), entry.term
        if entry.kind != "avoid":
            assert entry.use and entry.use != entry.term, entry.term


def test_no_term_is_listed_twice_in_one_section():
    seen: set[tuple[str, str]] = set()
    for entry in lexicon(()):
        key = (entry.kind, entry.term)
        assert key not in seen or entry.followed_by is not None or entry.preceded_by is not None, entry.term
        seen.add(key)


def test_the_right_forms_are_never_flagged():
    entries = lexicon(())
    for entry in entries:
        if entry.kind == "avoid":
            continue
        hits = find_terms(f"会上，{entry.use}。", entries)
        assert not [h for h in hits if h[2].kind != "avoid"], (entry.term, entry.use, hits)


def test_every_entry_fires_on_itself():
    entries = lexicon(())
    for entry in entries:
        if entry.followed_by is None and entry.preceded_by is None:
            assert any(h[2] is entry for h in find_terms(f"会上，{entry.term}。", entries)), entry.term


@pytest.mark.slow
def test_the_lexicon_fires_on_the_real_corpus_only_at_real_slips(corpus_dir):
    entries = lexicon(())
    unexpected = []
    for path in _documents(corpus_dir):
        text = path.read_text(encoding="utf-8", errors="replace")
        for start, end, entry in find_terms(text, entries):
            line = text[text.rfind("\n", 0, start) + 1:text.find("\n", end) if "\n" in text[end:] else len(text)]
            if not any(path.name == f and entry.term == t and s in line for f, t, s in REAL_SLIPS):
                unexpected.append(f"{path.name}: {entry.term} → {entry.use} | {text[max(0, start - 12):end + 12]}")
    assert not unexpected, "\n".join(unexpected)
