"""text/recache.py: compiled patterns kept across processes must be the patterns ``re`` compiles."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from reportlint.text import recache

PATTERNS = [
    (r"(?P<year>(?:19|20)[0-9]{2})\s*年(?P<rest>[^，。]{0,6})", 0),
    (r"[\u4e00-\u9fff]{2,6}(?:局|委|办)", 0),
    (r"(?m)(?<![0-9])([0-9]+)%|^第[一二三]篇$", 0),
    (r"abc|ABD", re.IGNORECASE | re.MULTILINE),
    (r"(?:一(?:是|要)|二是)[，：]", 0),
    ("约3万人左右", 0),
]


def _same(got: re.Pattern[str], pattern: str, flags: int) -> None:
    want = re.compile(pattern, flags)
    assert got == want  # compares the pattern, the flags and the compiled program
    assert (got.groups, got.groupindex, got.flags) == (want.groups, want.groupindex, want.flags)


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    recache.forget()
    yield tmp_path / "reportlint"
    recache.forget()


def _cache_file(folder):
    files = list(folder.glob("regex-*.bin"))
    assert len(files) == 1
    return files[0]


def _saved(cache_home):
    for pattern, flags in PATTERNS:
        _same(recache.compile(pattern, flags), pattern, flags)
    recache.save()
    recache.forget()
    return _cache_file(cache_home)


def test_a_saved_pattern_comes_back_from_the_file_without_compiling(cache_home, monkeypatch):
    _saved(cache_home)

    monkeypatch.setattr(recache, "_parser", None)  # compiling here would fail
    for pattern, flags in PATTERNS:
        _same(recache.compile(pattern, flags), pattern, flags)


def test_saving_twice_keeps_every_entry_and_nothing_new_writes_nothing(cache_home):
    path = _saved(cache_home)
    recache.compile("新的模式[0-9]+")
    recache.save()
    recache.forget()
    assert len(recache._read(path)) == len(PATTERNS) + 1
    before = path.stat().st_mtime_ns
    recache.compile(PATTERNS[0][0])  # known: nothing to save
    recache.save()
    assert path.stat().st_mtime_ns == before


@pytest.mark.parametrize("damage", [
    lambda data: data[:-3],  # the program block cut mid-number
    lambda data: b"garbage",
    lambda data: b'{"not": "a list"}\n',
    lambda data: json.dumps([["a", 0, 0, 0, {}, [None], 10**6, 5]]).encode() + b"\n",  # outside the block
    lambda data: data[:data.index(b"\n") + 1] + bytes(len(data) - data.index(b"\n") - 1),  # programs zeroed
    lambda data: data[:data.index(b"\n") + 1] + b"\xff" * (len(data) - data.index(b"\n") - 1),
])
def test_a_damaged_file_falls_back_to_compiling(cache_home, damage):
    path = _saved(cache_home)
    path.write_bytes(damage(path.read_bytes()))
    for pattern, flags in PATTERNS:  # the engine refuses a bad program, or the file is not read at all
        _same(recache.compile(pattern, flags), pattern, flags)
    recache.save()  # and the file is good again
    recache.forget()
    assert len(recache._read(path)) == len(PATTERNS)


def test_without_a_usable_cache_folder_patterns_still_compile(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file where the folder should be
    recache.forget()
    try:
        for pattern, flags in PATTERNS:
            _same(recache.compile(pattern, flags), pattern, flags)
        recache.save()
    finally:
        recache.forget()


def test_bad_patterns_raise_as_re_compile_does(cache_home):
    with pytest.raises(re.error):
        recache.compile("(")


def test_every_program_a_check_saved_is_the_one_re_compiles(cache_home, seed_path, monkeypatch):
    """Fills the cache with a real check (the rules' patterns and lark's scanners),
    then checks each entry against ``re.compile`` and that a second check reads the same."""
    command = [sys.executable, "-m", "reportlint", "check", "--no-cache", "--format", "json", str(seed_path)]
    first = subprocess.run(command, capture_output=True, text=True)
    entries = recache._read(_cache_file(cache_home))
    assert len(entries) > 100
    assert any("(?P<MINUTES>" in pattern for pattern, _ in entries)  # lark's scanner
    monkeypatch.setattr(recache, "_parser", None)  # from the file, never compiled here
    for pattern, flags in entries:
        _same(recache.compile(pattern, flags), pattern, flags)
    monkeypatch.undo()
    second = subprocess.run(command, capture_output=True, text=True)
    assert first.stdout == second.stdout and first.returncode == second.returncode == 1


def test_the_parser_lexers_compile_through_the_cache():
    """A lark release that lays out its lexers differently would silently lose ~12 ms a start."""
    from reportlint.parse.parser import _CachedRe, parser

    lexer = parser().parser.lexer
    assert all(isinstance(each.re, _CachedRe) for each in [*lexer.lexers.values(), lexer.root_lexer])
