"""The rendered part of the result cache (run/cache.py read_rendered): the per-file text of the
formats that have one, with the file's tally. A warm run that writes stored text prints, counts
and exits exactly as a run without the cache; every option that changes the text is a miss; a
damaged entry is a miss; the modes that read findings themselves never use it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportlint.run import cache
from reportlint.run.session import CheckOptions, Session

PART_FORMATS = ("concise", "json", "json-lines", "github", "gitlab")
TEXT = "关于做好2023年度社区服务工作的通知\n云发[]18号\n各街道办事处：\n请于月底前报送\n"
# fixable findings (DT005 zero-padded date) after wide characters, so byte and UTF-16 columns differ
WIDE = "关于𠀀做好2023年07月05日工作的通知\n各街道办事处：\n请于2023年07月05日前报送，（一）、\n"


def _rendered(base: Path) -> list[Path]:
    where = base / cache._RENDERED
    return sorted(p for p in where.rglob("*") if p.is_file()) if where.exists() else []


@pytest.fixture
def project(tmp_path: Path, seed_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "seed.txt").write_bytes(seed_path.read_bytes())
    (folder / "notice.txt").write_text(TEXT, encoding="utf-8")
    (folder / "wide.txt").write_text(WIDE, encoding="utf-8")
    (folder / "clean.txt").write_text("今天天气很好。\n", encoding="utf-8")
    return folder


def _same(*runs: object) -> None:
    first = runs[0]
    for run in runs[1:]:
        assert (run.returncode, run.stdout, run.stderr) == (first.returncode, first.stdout, first.stderr)  # type: ignore[attr-defined]


@pytest.mark.parametrize("extra", [(), ("--statistics",), ("--lang", "en"), ("--column-unit", "byte"), ("--quiet",)])
@pytest.mark.parametrize("fmt", PART_FORMATS)
def test_rendered_hits_print_what_an_uncached_run_prints(cli, project: Path, tmp_path: Path, fmt: str,
                                                         extra: tuple[str, ...]) -> None:
    store = tmp_path / "store"
    args = ("check", str(project), "--format", fmt, "--jobs", "1", *extra)
    uncached = cli(*args, "--no-cache")
    cold = cli(*args, "--cache-dir", str(store))
    assert len(_rendered(store)) == 4  # one text per file, the clean file's empty one included
    warm = cli(*args, "--cache-dir", str(store))
    _same(uncached, cold, warm)
    assert uncached.returncode == 1 and uncached.stdout


def test_a_rendered_hit_neither_lints_nor_reads_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    store = tmp_path / "store"
    cache.write_rendered(store, "0" * 64, "tag", "x", cache.Tally(0, 0, [], []))  # another key: not read
    options = CheckOptions(cache=True, cache_dir=str(store), render="tag")
    cold = Session(options).check_file(str(doc))
    assert cold.rendered is None and cold.diagnostics and cold.key is not None
    from reportlint.outcome import Totals

    cache.write_rendered(store, cold.key, "tag", "TEXT OF THE FILE", Totals().tally(cold))
    other = Session(CheckOptions(cache=True, cache_dir=str(store), render="other tag")).check_file(str(doc))
    assert other.rendered is None and other.diagnostics == cold.diagnostics  # another writer or option: a miss
    warm_session = Session(options)

    def boom(*_: object) -> None:
        raise AssertionError("linted or read findings despite a rendered entry")

    monkeypatch.setattr(warm_session.linter, "lint", boom)
    monkeypatch.setattr(cache, "read", boom)
    warm = warm_session.check_file(str(doc))
    assert warm.rendered == b"TEXT OF THE FILE" and warm.source is None and warm.diagnostics == []
    assert warm.tally.findings == len(cold.diagnostics)


@pytest.mark.parametrize("change", [("--lang", "en"), ("--column-unit", "utf16"), ("--column-unit", "byte"),
                                    ("--statistics",), ("--format", "json-lines"), ("--select", "DN")])
def test_an_option_that_changes_the_text_is_a_miss(cli, project: Path, tmp_path: Path,
                                                   change: tuple[str, ...]) -> None:
    store = tmp_path / "store"
    base = ("check", str(project), "--jobs", "1", "--format", "json")
    cli(*base, "--cache-dir", str(store))
    cli(*base, "--cache-dir", str(store))  # warm: the rendered entries are the zh/char/json ones
    changed = cli(*base, *change, "--cache-dir", str(store))
    _same(cli(*base, *change, "--no-cache"), changed)


def test_an_edited_file_is_a_miss(cli, project: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    args = ("check", str(project), "--jobs", "1", "--format", "concise", "--cache-dir", str(store))
    cli(*args)
    (project / "clean.txt").write_text("今天天气很好。。\n", encoding="utf-8")
    _same(cli(*args[:-2], "--no-cache"), cli(*args))


@pytest.mark.parametrize("damage", ["truncate", "garbage", "other key", "wrong length", "flipped byte", "wrong tally",
                                    "negative severity", "no header end", "empty"])
def test_damaged_rendered_entries_are_misses(cli, project: Path, tmp_path: Path, damage: str) -> None:
    store = tmp_path / "store"
    args = ("check", str(project), "--jobs", "1", "--format", "json")
    uncached = cli(*args, "--no-cache")
    cli(*args, "--cache-dir", str(store))
    entries = _rendered(store)
    good = {entry: entry.read_bytes() for entry in entries}
    for entry, data in good.items():
        head, _, body = data.partition(b"\n")
        fmt, key, size, crc, strict, tally = json.loads(head)
        if damage == "truncate":
            entry.write_bytes(data[: len(data) // 2])
        elif damage == "garbage":
            entry.write_bytes(b"\xff" * 64)
        elif damage == "other key":
            entry.write_bytes(json.dumps([fmt, "0" * 64, size, crc, strict, tally]).encode() + b"\n" + body)
        elif damage == "wrong length":
            entry.write_bytes(head + b"\n" + body + b"x")
        elif damage == "flipped byte":  # same length, still valid UTF-8: only the CRC tells
            entry.write_bytes(head + b"\n" + (body[:-2] + b"X" + body[-1:] if body else b"X"))
        elif damage == "wrong tally":
            entry.write_bytes(json.dumps([fmt, key, size, crc, strict, [1, 0, [["x", 1]], []]]).encode() + b"\n" + body)
        elif damage == "negative severity":
            entry.write_bytes(json.dumps([fmt, key, size, crc, strict, [1, 0, [[-7, 1]], []]]).encode() + b"\n" + body)
        elif damage == "no header end":
            entry.write_bytes(b"[" * 100_000)
        else:
            entry.write_bytes(b"")
    _same(uncached, cli(*args, "--cache-dir", str(store)))
    assert {entry: entry.read_bytes() for entry in entries} == good  # each miss stored its text again


def test_modes_that_read_findings_bypass_the_rendered_cache(cli, project: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    common = ("check", str(project), "--jobs", "1", "--cache-dir", str(store))
    baseline = tmp_path / "baseline.json"
    cli(*common, "--write-baseline", str(baseline))
    assert not _rendered(store)
    (project / "notice.txt").write_text(TEXT + "请于月底前报送\n", encoding="utf-8")
    first = cli(*common, "--baseline", str(baseline), "--format", "json")
    assert not _rendered(store)
    _same(cli(*common[:-2], "--no-cache", "--baseline", str(baseline), "--format", "json"), first,
          cli(*common, "--baseline", str(baseline), "--format", "json"))
    summaries = [tmp_path / f"summary{i}.csv" for i in range(3)]
    runs = [cli(*common, "--format", "json", "--summary-file", str(s)) for s in summaries]
    assert not _rendered(store)
    _same(*runs)
    assert summaries[0].read_text(encoding="utf-8") == summaries[2].read_text(encoding="utf-8")
    for fmt in ("sarif", "junit", "html", "full"):  # whole-run formats keep no per-file text
        cli(*common, "--format", fmt)
    assert not _rendered(store)
    doc = project / "notice.txt"
    cli("check", "-", "--stdin-filename", str(doc), "--format", "json", "--cache-dir", str(store),
        input=doc.read_text(encoding="utf-8"))
    assert not _rendered(store)
    cli(*common, "--format", "json")
    assert _rendered(store)
    assert cli("clean", "--cache-dir", str(store)).returncode == 0
    assert not _rendered(store)


def test_parallel_and_output_file_runs_use_stored_text(cli, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(40):  # enough files for two workers
        (folder / f"d{i:02}.txt").write_text(TEXT + "请于月底前报送\n" * (i % 3), encoding="utf-8")
    store = tmp_path / "store"
    out = [tmp_path / f"out{i}.json" for i in range(3)]
    uncached = cli("check", str(folder), "--format", "gitlab", "--jobs", "1", "--no-cache", "--output-file", str(out[0]))
    cold = cli("check", str(folder), "--format", "gitlab", "--jobs", "2", "--cache-dir", str(store),
               "--output-file", str(out[1]))
    assert len(_rendered(store)) == 40  # stored by the main process from the workers' results
    warm = cli("check", str(folder), "--format", "gitlab", "--jobs", "2", "--cache-dir", str(store),
               "--output-file", str(out[2]))
    _same(uncached, cold, warm)
    assert out[0].read_bytes() == out[1].read_bytes() == out[2].read_bytes()
    assert json.loads(out[0].read_text(encoding="utf-8"))


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16"])
def test_stored_text_on_a_stream_that_is_not_utf8(cli, project: Path, tmp_path: Path, encoding: str) -> None:
    """Stored UTF-8 bytes go to the output as they are only where it writes UTF-8; else decoded."""
    store = tmp_path / "store"
    args = ("check", str(project), "--jobs", "1", "--format", "concise")
    env = {"PYTHONIOENCODING": encoding}
    uncached = cli(*args, "--no-cache", env=env, input=b"")  # bytes in: the output is kept as bytes
    cli(*args, "--cache-dir", str(store), env=env, input=b"")
    _same(uncached, cli(*args, "--cache-dir", str(store), env=env, input=b""))
    assert "发文字号".encode("utf-16-le" if encoding == "utf-16" else encoding) in uncached.stdout


def test_text_with_lone_surrogates_is_stored_as_text(tmp_path: Path) -> None:
    from reportlint.outcome import Tally

    text = "a.txt:1:1: RL1 \udcff\n"
    cache.write_rendered(tmp_path, "1" * 64, "tag", text, Tally(1, 0, [], []))
    cache.write_rendered(tmp_path, "2" * 64, "tag", "plain 云\n", Tally(1, 0, [], []))
    surrogate, plain = cache.read_rendered(tmp_path, "1" * 64, "tag"), cache.read_rendered(tmp_path, "2" * 64, "tag")
    assert surrogate is not None and surrogate[0] == text
    assert plain is not None and plain[0] == "plain 云\n".encode()
