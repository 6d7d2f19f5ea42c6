"""The result cache (run/cache.py): a warm run prints what a cold one does, and every part of the
key invalidates it."""

from __future__ import annotations

from pathlib import Path

import pytest

import reportlint
from reportlint.run import cache
from reportlint.run.session import CheckOptions, Session

FORMATS = ("full", "concise", "json", "json-lines", "sarif", "github", "gitlab", "junit", "html")
TEXT = "关于做好2023年度社区服务工作的通知\n云发[]18号\n各街道办事处：\n请于月底前报送\n"


def _entries(base: Path) -> list[Path]:
    where = cache.folder(base)
    return [p for p in where.rglob("*") if p.is_file()] if where is not None and where.exists() else []


@pytest.fixture
def project(tmp_path: Path, seed_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "seed.txt").write_bytes(seed_path.read_bytes())
    (folder / "notice.txt").write_text(TEXT, encoding="utf-8")
    return folder


@pytest.mark.parametrize("fmt", FORMATS)
def test_warm_run_prints_what_a_cold_run_prints(cli, project: Path, tmp_path: Path, fmt: str) -> None:
    store = tmp_path / "store"
    uncached = cli("check", str(project), "--format", fmt, "--no-cache", "--jobs", "1")
    assert not store.exists()
    cold = cli("check", str(project), "--format", fmt, "--cache-dir", str(store), "--jobs", "1")
    assert len(_entries(store)) == 2  # the cold run filled the cache
    warm = cli("check", str(project), "--format", fmt, "--cache-dir", str(store), "--jobs", "1")
    assert uncached.returncode == cold.returncode == warm.returncode == 1
    assert uncached.stdout == cold.stdout == warm.stdout
    assert uncached.stderr == cold.stderr == warm.stderr


def test_warm_run_does_not_lint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    options = CheckOptions(cache=True, cache_dir=str(tmp_path / "store"))
    cold = Session(options).check_file(str(doc))
    assert cold.diagnostics
    warm_session = Session(options)

    def boom(*_: object) -> None:
        raise AssertionError("linted despite a cache entry")

    monkeypatch.setattr(warm_session.linter, "lint", boom)
    assert warm_session.check_file(str(doc)).diagnostics == cold.diagnostics


def test_warm_run_loads_no_parser(tmp_path: Path) -> None:
    """A cache hit needs no model: neither lark nor the model builder is imported."""
    import subprocess
    import sys

    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    code = (
        "import sys\nfrom reportlint.cli import main\n"
        f"try:\n    main(['check', '--cache-dir', {str(tmp_path / 'store')!r}, {str(doc)!r}])\n"
        "except SystemExit:\n    pass\n"
        "print('LOADED:' + ','.join(sorted(m for m in sys.modules if m.startswith(('lark', 'reportlint.parse')))))\n"
    )
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
            for _ in range(2)]
    assert "lark" in runs[0]  # the cold run parsed
    assert runs[1].strip().splitlines()[-1] == "LOADED:"


def _key(tmp_path: Path, options: CheckOptions, doc: Path) -> str:
    session = Session(options)
    found = session.result_cache()
    assert found is not None
    from reportlint.load.source import load

    return cache.key(found[1], cache.config_fingerprint(session.config(str(doc))), load(str(doc)))


def test_each_part_of_the_key_invalidates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    config = tmp_path / ".reportlint.yaml"
    config.write_text("lang: zh\n", encoding="utf-8")
    options = CheckOptions(cache=True, cache_dir=str(tmp_path / "store"))
    keys = {"base": _key(tmp_path, options, doc)}
    assert _key(tmp_path, options, doc) == keys["base"]  # stable

    doc.write_text(TEXT + "另\n", encoding="utf-8")
    keys["file bytes"] = _key(tmp_path, options, doc)
    doc.write_text(TEXT, encoding="utf-8")

    config.write_text("lang: zh\n# a comment\n", encoding="utf-8")
    keys["config file contents"] = _key(tmp_path, options, doc)
    config.write_text("lang: en\n", encoding="utf-8")
    keys["resolved config"] = _key(tmp_path, options, doc)
    config.write_text("lang: zh\n", encoding="utf-8")

    keys["enabled rules"] = _key(tmp_path, CheckOptions(cache=True, cache_dir=options.cache_dir, ignore=["RL1"]), doc)

    rules = sorted(Session(options).linter.rules)
    code = rules[0]
    config.write_text(f"lang: zh\nrules:\n  {code}:\n    severity: info\n", encoding="utf-8")
    keys["rule severity"] = _key(tmp_path, options, doc)
    config.write_text("lang: zh\n", encoding="utf-8")

    real_version = reportlint.__version__
    monkeypatch.setattr(reportlint, "__version__", real_version + ".post1")
    keys["reportlint version"] = _key(tmp_path, options, doc)
    monkeypatch.setattr(reportlint, "__version__", real_version)

    assert _key(tmp_path, options, doc) == keys["base"]  # everything restored
    assert len(set(keys.values())) == len(keys), keys


def test_rule_options_and_plugins_are_in_the_key() -> None:
    session = Session(CheckOptions())
    rules = session.linter.rules
    base = cache.run_fingerprint(rules, [("reportlint.rules.builtin", "")])
    assert cache.run_fingerprint(rules, [("reportlint.rules.builtin", ""), ("myplugin", "1.0")]) != base
    assert cache.run_fingerprint(rules, [("reportlint.rules.builtin", ""), ("myplugin", "1.1")]) != \
        cache.run_fingerprint(rules, [("reportlint.rules.builtin", ""), ("myplugin", "1.0")])
    fewer = dict(list(rules.items())[1:])
    assert cache.run_fingerprint(fewer, [("reportlint.rules.builtin", "")]) != base

    from reportlint.config.settings import RuleSettings
    from reportlint.diagnostics import Severity

    class Raw:
        files: list[str] = []

    class Conf:
        lang = "zh"
        ignored_here = frozenset()
        raw = Raw()

        def __init__(self, options: dict) -> None:
            self.rules = {"RL001": RuleSettings("RL001", Severity.WARNING, options)}

    assert cache.config_fingerprint(Conf({"max": 1})) != cache.config_fingerprint(Conf({"max": 2}))
    assert cache.config_fingerprint(Conf({"max": 1})) == cache.config_fingerprint(Conf({"max": 1}))


@pytest.mark.parametrize("damage", ["truncate", "garbage", "other key", "wrong shape", "too large", "deep"])
def test_damaged_entries_are_misses(tmp_path: Path, damage: str) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    store = tmp_path / "store"
    options = CheckOptions(cache=True, cache_dir=str(store))
    cold = Session(options).check_file(str(doc))
    (entry,) = _entries(store)
    data = entry.read_bytes()
    import json

    if damage == "truncate":
        entry.write_bytes(data[: len(data) // 2])
    elif damage == "garbage":
        entry.write_bytes(b"\xff" * 64)
    elif damage == "other key":
        fmt, _, items = json.loads(data)
        entry.write_bytes(json.dumps([fmt, "0" * 64, []]).encode())
    elif damage == "wrong shape":
        fmt, digest, items = json.loads(data)
        entry.write_bytes(json.dumps([fmt, digest, [["RL1", 5, "x", "m", 0, 1, None]]]).encode())
    elif damage == "deep":
        entry.write_bytes(b"[" * 1_000_000)
    else:
        entry.write_bytes(b"\0" * (cache.MAX_ENTRY_BYTES + 1))
    again = Session(options).check_file(str(doc))
    assert again.diagnostics == cold.diagnostics
    assert entry.read_bytes() == data  # the miss rewrote a good entry


def test_no_cache_fix_and_clean(cli, tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    store = tmp_path / "store"
    cli("check", str(doc), "--no-cache", "--cache-dir", str(store))
    assert not _entries(store)
    cli("check", str(doc), "--diff", "--cache-dir", str(store))
    assert not _entries(store)  # fix mode bypasses the cache
    cli("check", str(doc), "--cache-dir", str(store))
    assert len(_entries(store)) == 1
    done = cli("clean", "--cache-dir", str(store))
    assert done.returncode == 0
    assert not _entries(store)


def test_cache_defaults_to_xdg_cache_home(cli, tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    home = tmp_path / "xdg"
    cli("check", str(doc), env={"XDG_CACHE_HOME": str(home)})
    assert len(_entries(home / "reportlint")) == 1
    cli("clean", env={"XDG_CACHE_HOME": str(home)})
    assert not _entries(home / "reportlint")


def test_baseline_works_with_the_cache(cli, tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    base = tmp_path / "baseline.json"
    cli("check", str(doc), "--write-baseline", str(base))
    cold = cli("check", str(doc), "--baseline", str(base))
    warm = cli("check", str(doc), "--baseline", str(base))
    assert cold.returncode == warm.returncode == 0
    assert cold.stdout == warm.stdout


def test_a_rule_crash_is_not_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlint.messages import Message

    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    store = tmp_path / "store"
    session = Session(CheckOptions(cache=True, cache_dir=str(store)))
    real = session.linter.lint

    def crashing(source, config):  # noqa: ANN001, ANN202
        done = real(source, config)
        session.linter.crashes.append(("RL000", Message("plugin_failed", name="x", hook="y", error="boom")))
        return done

    monkeypatch.setattr(session.linter, "lint", crashing)
    assert session.check_file(str(doc)).error
    assert not _entries(store)  # the next run lints again and reports the crash again


# A 5-byte entry whose header claims a 2,147,483,647-item tuple: marshal, the format entries had,
# allocates the tuple (16 GB) before it finds the data missing. Run under a 1.5 GB address-space
# limit, so a reader that trusts the claim fails fast instead of taking the machine's memory.
CLAIMS_2GB = b"(\xff\xff\xff\x7f"

_LIMITED_CHECK = """
import json, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1536 << 20, 1536 << 20))
from reportlint.run.session import CheckOptions, Session
result = Session(CheckOptions(cache=True, cache_dir=sys.argv[2])).check_file(sys.argv[1])
print(json.dumps([[d.code, d.start, d.end] for d in result.diagnostics]))
"""


def test_an_entry_claiming_gigabytes_is_a_miss_never_an_allocation(tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    store = tmp_path / "store"
    cold = Session(CheckOptions(cache=True, cache_dir=str(store))).check_file(str(doc))
    (entry,) = _entries(store)
    good = entry.read_bytes()
    entry.write_bytes(CLAIMS_2GB)
    run = subprocess.run([sys.executable, "-c", _LIMITED_CHECK, str(doc), str(store)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert json.loads(run.stdout) == [[d.code, d.start, d.end] for d in cold.diagnostics] != []
    assert entry.read_bytes() == good  # the miss rewrote a good entry
