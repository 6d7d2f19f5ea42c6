"""The on-disk table of jieba's dictionary: reused, versioned, rebuilt if damaged, never required."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from reportlint.text import segment

BLOCK = "自建国以来全县累计建成水库存在的问题和不足"


@dataclass(frozen=True)
class Reference:
    cuts: set[int]  # full jieba's boundaries in BLOCK
    lookups: dict[str, int]  # full jieba's entries for the substrings of BLOCK
    total: int
    data: bytes  # the table, built in memory


@pytest.fixture(scope="module")
def reference() -> Reference:
    jieba = segment._jieba()
    path = segment._dictionary_file()
    full = jieba.Tokenizer()
    full.FREQ, full.total = jieba.Tokenizer.gen_pfdict(path.open("rb"))
    full.initialized = True
    cuts, pos = {0}, 0
    for token in full.cut(BLOCK, HMM=False):
        pos += len(token)
        cuts.add(pos)
    return Reference(cuts, _lookups(full.FREQ), full.total, segment._build(path).data)


@pytest.fixture
def builds(monkeypatch, reference):
    """Tables built, counted; served from the reference (a real build takes ~1 s)."""
    done = []

    def build(path):
        done.append(path)
        return segment._Buckets(reference.data)

    monkeypatch.setattr(segment, "_build", build)
    return done


@pytest.fixture
def fresh(monkeypatch, tmp_path, builds):
    """An empty cache folder; each test makes its own ``_Words`` (the module's own is untouched)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "reportlint"


def _lookups(freq: dict[str, int]) -> dict[str, int]:
    """The entries a cut of BLOCK can ask for: those of its substrings."""
    subs = {BLOCK[i:j] for i in range(len(BLOCK)) for j in range(i + 1, len(BLOCK) + 1)}
    return {k: v for k, v in freq.items() if k in subs}


def _cache_files(folder):
    return sorted(p for p in folder.glob("jieba-dict-*")) if folder.is_dir() else []


def _check(words: segment._Words, reference: Reference) -> None:
    assert words.boundaries(BLOCK) == reference.cuts
    assert _lookups(words.tokenizer.FREQ) == reference.lookups
    assert words.tokenizer.total == reference.total


def test_first_use_writes_the_cache_and_later_uses_map_it(fresh, builds, reference):
    first = segment._Words()
    _check(first, reference)
    assert len(builds) == 1
    (cached,) = _cache_files(fresh)
    assert cached.suffix == ".buckets" and f"-v{segment._FORMAT}-" in cached.name
    assert not [p for p in fresh.iterdir() if p.name.startswith(".jieba-dict-")]  # no temp file left
    assert cached.read_bytes() == reference.data  # the same table as one built in memory
    again = segment._Words()
    _check(again, reference)
    assert len(builds) == 1, "the second use does not build"
    assert type(again.table.data) is not bytes, "the second use maps the cached file"
    assert len(again.tokenizer.FREQ) < 50_000, "only the buckets the block needs are loaded"


def test_a_corrupt_cache_is_ignored_and_rewritten(fresh, builds, reference):
    segment._Words().ensure([BLOCK])
    (cached,) = _cache_files(fresh)
    cached.write_bytes(b"not a bucket table")
    _check(segment._Words(), reference)
    assert len(builds) == 2
    assert cached.read_bytes() == reference.data


def test_a_truncated_cache_is_ignored_and_rewritten(fresh, reference):
    segment._Words().ensure([BLOCK])
    (cached,) = _cache_files(fresh)
    cached.write_bytes(cached.read_bytes()[:-1000])
    _check(segment._Words(), reference)
    assert cached.read_bytes() == reference.data


def test_a_damaged_bucket_rebuilds_the_table_mid_run(fresh, reference):
    """Header and size intact, some buckets overwritten: found when first read, then rebuilt."""
    segment._Words().ensure([BLOCK])
    (cached,) = _cache_files(fresh)
    table = segment._Buckets(reference.data)
    data = bytearray(cached.read_bytes())
    for gram in segment._grams("存在"):
        n = segment._bucket(gram)
        lo, hi = table.offsets[n], table.offsets[n + 1]
        data[table.start + lo:table.start + hi] = b"\xff" * (hi - lo)
    cached.write_bytes(bytes(data))
    words = segment._Words()
    words.ensure(["建国"])  # undamaged buckets, read from the mapped file
    assert type(words.table.data) is not bytes
    _check(words, reference)  # BLOCK needs the damaged buckets
    assert type(words.table.data) is bytes, "rebuilt in memory"
    assert cached.read_bytes() == reference.data, "and written again"


def test_an_unwritable_cache_folder_is_skipped(fresh, monkeypatch, tmp_path, reference):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    _check(segment._Words(), reference)
    assert blocked.is_file()


def test_a_relative_cache_home_is_not_used(monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    assert segment._cache_file(1, 2) is None


def test_the_cache_name_changes_with_the_dictionary_file(fresh):
    a = segment._cache_file(100, 1)
    b = segment._cache_file(100, 2)
    c = segment._cache_file(101, 1)
    d = segment._cache_file(100, 1, "/other/venv/jieba/dict.txt")
    assert len({a, b, c, d}) == 4 and f"-v{segment._FORMAT}-" in a.name


def test_caches_of_other_dictionaries_are_removed(fresh):
    segment._Words().ensure([BLOCK])
    (current,) = _cache_files(fresh)
    where = current.name.split("-")[2]
    old_format = fresh / f"jieba-dict-{where}-v1-1-1.marshal"
    old_format.write_bytes(b"the grouped dictionary of format 1")
    other_dict = fresh / f"jieba-dict-{where}-v{segment._FORMAT}-1-1.buckets"
    other_dict.write_bytes(b"an older dict.txt")
    other_env = fresh / "jieba-dict-0123456789ab-v1-1-1.marshal"
    other_env.write_bytes(b"another environment's jieba")
    current.unlink()
    segment._Words().ensure([BLOCK])
    assert not old_format.exists(), "the cache of an older layout at the same path is removed"
    assert not other_dict.exists(), "the cache of an older dict.txt at the same path is removed"
    assert other_env.exists(), "another environment's cache is left alone"
    assert current.exists()


_TRUNCATED_UNDER_A_RUN = """
import json, os, sys
from pathlib import Path
from reportlint.text import segment

block, size = sys.argv[1], int(sys.argv[2])
built = segment._Words()
built.ensure(["建国"])  # builds the table and writes the cache
reference = sorted(built.boundaries(block))
words = segment._Words()
words.ensure(["建国"])  # a second process's view: the cached file, opened
assert type(words.table.data) is not bytes
(cached,) = Path(os.environ["XDG_CACHE_HOME"], "reportlint").glob("jieba-dict-*")
os.truncate(cached, size)  # another process truncates the table under this one
print(json.dumps([reference, sorted(words.boundaries(block)), sorted(w for _, _, w in segment.find_words(block, ["存在"]))]))
"""


@pytest.mark.parametrize("size", [0, 4096, 300_000])
def test_a_table_truncated_under_a_running_process_is_a_miss_not_sigbus(tmp_path, size):
    """A memory-mapped table died with SIGBUS (exit -7) here; the table is now read with
    ``pread``, and a short read is damage: rebuilt, with the same boundaries."""
    import json
    import os
    import subprocess
    import sys

    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    run = subprocess.run([sys.executable, "-c", _TRUNCATED_UNDER_A_RUN, BLOCK, str(size)],
                         capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 0, (run.returncode, run.stderr[-2000:])
    reference, after, found = json.loads(run.stdout)
    assert after == reference and len(reference) > 2
    assert found == ["存在"]
