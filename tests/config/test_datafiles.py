"""The YAML cache: exact (keyed on the text itself), never required, and it keeps PyYAML off warm runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reportlint.config import datafiles

SEED_FREE_DOC = "2024年工作总结\n\n一、主要工作\n全年完成各项任务。\n"


@pytest.fixture
def cache(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "reportlint"


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("yaml-*.json")) if folder.is_dir() else []


def test_a_parsed_file_is_cached_and_served_from_the_cache(cache, tmp_path):
    path = tmp_path / "data.yaml"
    path.write_text("select: [PH, YR]\noptions:\n  PH001: {min: 3}\n", encoding="utf-8")
    first = datafiles.read_yaml(path)
    (entry,) = _entries(cache)
    assert first == {"select": ["PH", "YR"], "options": {"PH001": {"min": 3}}}
    # a value only the cache can produce proves the second read came from it
    datafiles._write(entry, path.read_text(encoding="utf-8"), {"from": "cache"})
    assert datafiles.read_yaml(path) == {"from": "cache"}


def test_an_edited_file_is_parsed_again(cache, tmp_path):
    path = tmp_path / "data.yaml"
    path.write_text("a: 1\n", encoding="utf-8")
    assert datafiles.read_yaml(path) == {"a": 1}
    path.write_text("a: 2\n", encoding="utf-8")  # same size, same name
    assert datafiles.read_yaml(path) == {"a": 2}


def test_a_damaged_entry_is_ignored_and_replaced(cache, tmp_path):
    path = tmp_path / "data.yaml"
    path.write_text("- 一\n- 二\n", encoding="utf-8")
    datafiles.read_yaml(path)
    (entry,) = _entries(cache)
    entry.write_bytes(b"\x00garbage")
    assert datafiles.read_yaml(path) == ["一", "二"]
    assert datafiles._read(entry, path.read_text(encoding="utf-8")) == (["一", "二"],)


def test_values_json_cannot_hold_are_parsed_every_time(cache, tmp_path):
    path = tmp_path / "dated.yaml"
    path.write_text("when: 2024-01-02\n", encoding="utf-8")
    assert str(datafiles.read_yaml(path)["when"]) == "2024-01-02"
    assert _entries(cache) == []


def test_integer_keys_are_not_cached_as_strings(cache, tmp_path):
    path = tmp_path / "numbered.yaml"
    path.write_text("1: 一\n2: 二\n", encoding="utf-8")
    assert datafiles.read_yaml(path) == {1: "一", 2: "二"}
    assert _entries(cache) == []
    assert datafiles.read_yaml(path) == {1: "一", 2: "二"}


@pytest.mark.parametrize("damage", ["marshal", "deep", "too large"])
def test_a_hostile_entry_is_a_miss(cache, tmp_path, monkeypatch, damage):
    """Entries are untrusted: an entry of the old marshal layout, nesting deeper than the
    parser's stack, or a file over the read limit are all misses."""
    path = tmp_path / "data.yaml"
    path.write_text("k: [一, 二]\n", encoding="utf-8")
    datafiles.read_yaml(path)
    (entry,) = _entries(cache)
    if damage == "marshal":
        import marshal

        entry.write_bytes(marshal.dumps((1, path.read_text(encoding="utf-8"), {"k": ["x"]})))
    elif damage == "deep":
        entry.write_bytes(b"[" * 1_000_000)
    else:
        monkeypatch.setenv("REPORTLINT_MAX_BYTES", "1K")
        entry.write_bytes(b'[2,"k: [\\u4e00, \\u4e8c]\\n",{"k":["x"]}]' + b" " * 2000)
    assert datafiles._read(entry, path.read_text(encoding="utf-8")) is None
    assert datafiles.read_yaml(path) == {"k": ["一", "二"]}


def test_an_unusable_cache_folder_is_skipped(monkeypatch, tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    path = tmp_path / "data.yaml"
    path.write_text("k: v\n", encoding="utf-8")
    assert datafiles.read_yaml(path) == {"k": "v"}
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/dir")
    assert datafiles.cache_dir() is None
    assert datafiles.read_yaml(path) == {"k": "v"}


def test_invalid_yaml_raises_with_its_line(cache, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("a: 1\nb: [unclosed\n", encoding="utf-8")
    with pytest.raises(datafiles.YAMLSyntaxError) as caught:
        datafiles.read_yaml(path)
    assert caught.value.line is not None and caught.value.line >= 2
    assert _entries(cache) == []


def test_a_warm_check_does_not_import_pyyaml(tmp_path):
    """After one run has filled the cache, checking a file never imports PyYAML."""
    doc = tmp_path / "doc.txt"
    doc.write_text(SEED_FREE_DOC, encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    script = (
        "import sys\n"
        "from reportlint.cli import main\n"
        f"code = main(['check', '--format', 'json', {str(doc)!r}])\n"
        "print('yaml' in sys.modules)\n"
    )
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=tmp_path)
            for _ in range(2)]
    assert [r.stdout.strip().splitlines()[-1] for r in runs] == ["True", "False"], runs[1].stderr


def test_the_cache_keeps_a_bounded_number_of_entries(cache, tmp_path):
    """Every config file ever read gets an entry; the oldest are dropped beyond the bound."""
    for i in range(datafiles._MAX_ENTRIES + 5):
        path = tmp_path / f"c{i}.yaml"
        path.write_text(f"n: {i}\n", encoding="utf-8")
        datafiles.read_yaml(path)
        entry = datafiles._entry(str(path.resolve()))
        os.utime(entry, ns=(i * 10**9, i * 10**9))  # distinct ages regardless of clock resolution
    left = _entries(cache)
    assert len(left) == datafiles._MAX_ENTRIES
    newest = tmp_path / f"c{datafiles._MAX_ENTRIES + 4}.yaml"
    assert datafiles._entry(str(newest.resolve())) in left
    assert datafiles._entry(str((tmp_path / "c0.yaml").resolve())) not in left
