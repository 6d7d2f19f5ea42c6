"""The on-disk cache of jieba's grouped dictionary: reused, versioned, and never required."""

from __future__ import annotations

import pytest

from reportlint import segment


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """An empty cache folder and no in-process copy of the dictionary."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    segment._dictionary.cache_clear()
    yield tmp_path / "cache" / "reportlint"
    segment._dictionary.cache_clear()


def _cache_files(folder):
    return sorted(p for p in folder.glob("jieba-dict-*.marshal")) if folder.is_dir() else []


def test_first_use_writes_the_cache_and_later_uses_read_it(fresh):
    built = segment._dictionary()
    (cached,) = _cache_files(fresh)
    assert not [p for p in fresh.iterdir() if p.name.startswith(".jieba-dict-")]  # no temp file left
    segment._dictionary.cache_clear()
    assert segment._read_index(cached) == built
    assert segment._dictionary() == built


def test_a_corrupt_cache_is_ignored_and_rewritten(fresh):
    built = segment._dictionary()
    (cached,) = _cache_files(fresh)
    cached.write_bytes(b"not a marshal payload")
    segment._dictionary.cache_clear()
    assert segment._dictionary() == built
    assert segment._read_index(cached) == built


def test_an_unwritable_cache_folder_is_skipped(fresh, monkeypatch, tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    segment._dictionary.cache_clear()
    index, total = segment._dictionary()
    assert index and total > 0
    assert blocked.is_file()


def test_a_relative_cache_home_is_not_used(monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    assert segment._cache_file(1, 2) is None


def test_the_cache_name_changes_with_the_dictionary_file(fresh):
    a = segment._cache_file(100, 1)
    b = segment._cache_file(100, 2)
    c = segment._cache_file(101, 1)
    d = segment._cache_file(100, 1, "/other/venv/jieba/dict.txt")
    assert len({a, b, c, d}) == 4 and f"-v{segment._INDEX_FORMAT}-" in a.name


def test_caches_of_other_dictionaries_are_removed(fresh):
    fresh.mkdir(parents=True)
    segment._dictionary()
    (current,) = _cache_files(fresh)
    where = current.name.split("-")[2]
    stale = fresh / f"jieba-dict-{where}-v0-1-1.marshal"
    stale.write_bytes(b"old")
    other_env = fresh / "jieba-dict-0123456789ab-v1-1-1.marshal"
    other_env.write_bytes(b"another environment's jieba")
    current.unlink()
    segment._dictionary.cache_clear()
    segment._dictionary()
    assert not stale.exists(), "the cache of an older dictionary at the same path is removed"
    assert other_env.exists(), "another environment's cache is left alone"
