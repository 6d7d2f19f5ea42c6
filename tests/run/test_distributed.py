"""``--dask``: a Dask cluster gives exactly the local results, in the same order, even when a worker dies."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from reportlint import cli
from reportlint.run import distributed
from reportlint.run.session import CheckOptions

distributed_lib = pytest.importorskip("distributed", reason="the dask extra is part of the test extra")

TESTS = Path(__file__).resolve().parents[1]
SEED = Path("/work/shared/examples/seed-report.txt")
MAKE_CORPUS = Path("/work/shared/bench/make_corpus.py")

# documents of our own, so the comparison never depends on /work/shared being there
OWN_DOCS = {
    "own/plain.txt": "关于2024年工作情况的报告\n\n一、主要工作\n今年完成了XX项任务。\n二、存在问题\n（一）进度偏慢\n",
    "own/years.txt": "2023年度工作总结\n\n2022年我们完成了全年目标，较上年增长15%。\n一、工作完成情况\n1、落实责任\n",
    "own/clean.md": "# 关于开展安全检查的通知\n\n各单位：\n\n请按要求开展检查。\n",
    "own/broken.txt": b"\xff\xfe\x00\xd8 lone surrogate",
}


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes (with nannies, which restart a killed worker), shared by the module."""
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=50) as local, Client(local) as client:
        yield local, client


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    for name, text in OWN_DOCS.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(text * 3, encoding="utf-8")
    if MAKE_CORPUS.exists():
        subprocess.run([sys.executable, str(MAKE_CORPUS), str(root / "generated"), "-n", "500"],
                       check=True, capture_output=True)
    return root


def _run(capsys, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = cli.main(["check", "-q", "--no-cache", "--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _inputs(corpus: Path) -> list[str]:
    paths = [str(TESTS / "fixtures"), str(TESTS / "corpus" / "heldout"), str(corpus / "own")]
    if SEED.exists():
        paths.append(str(SEED))
    return paths


def test_dask_json_equals_a_local_run_on_fixtures_seed_and_own_documents(cluster, corpus, capsys):
    address = cluster[0].scheduler_address
    local = _run(capsys, "--jobs", "1", "--format", "json", *_inputs(corpus))
    dask = _run(capsys, "--dask", address, "--format", "json", *_inputs(corpus))
    assert local[0] == dask[0] == 2  # findings, and broken.txt cannot be read
    assert dask[1] == local[1]
    assert dask[2] == local[2] and "broken.txt" in local[2]
    results = json.loads(local[1])
    assert len({r["path"] for r in results}) > 10  # fixtures, held-out set and own documents


@pytest.mark.skipif(not MAKE_CORPUS.exists(), reason="/work/shared/bench/make_corpus.py is not on this machine")
def test_dask_json_equals_a_local_run_on_500_generated_documents(cluster, corpus, capsys):
    generated = str(corpus / "generated")
    local = _run(capsys, "--jobs", "1", "--format", "json", generated)
    dask = _run(capsys, "--dask", cluster[0].scheduler_address, "--format", "json", generated)
    assert dask == local
    assert len(list((corpus / "generated").rglob("*.txt"))) == 500


def test_fsspec_file_urls_give_the_local_findings(cluster, corpus, capsys):
    files = sorted(str(p) for p in (corpus / "own").glob("*.txt"))
    local = _run(capsys, "--jobs", "1", "--format", "json", *files)
    dask = _run(capsys, "--dask", cluster[0].scheduler_address, "--format", "json",
                *(f"file://{f}" for f in files))
    assert dask[0] == local[0]
    assert dask[1].replace("file://", "") == local[1]


def test_a_url_glob_checks_every_file_it_matches_in_order(cluster, corpus, capsys):
    files = sorted(str(p) for p in (corpus / "own").glob("*.txt"))
    local = _run(capsys, "--jobs", "1", "--format", "json", *files)
    dask = _run(capsys, "--dask", cluster[0].scheduler_address, "--format", "json",
                f"file://{corpus / 'own'}/*.txt")
    assert dask[0] == local[0]
    assert dask[1].replace("file://", "") == local[1]
    assert len(json.loads(local[1])) >= 2


def test_url_globs_expand_through_fsspec_and_keep_unmatched_patterns():
    import fsspec

    fs = fsspec.filesystem("memory")
    for name in ("/glob/2024/a.txt", "/glob/2024/sub/b.txt", "/glob/c.md"):
        fs.pipe(name, b"x")
    assert distributed.expand_url("memory://glob/**/*.txt") == ["memory:///glob/2024/a.txt",
                                                                 "memory:///glob/2024/sub/b.txt"]
    assert distributed.expand_url("memory://glob/*") == ["memory:///glob/c.md"]  # folders are not files
    assert distributed.expand_url("memory://glob/none/*.txt") == ["memory://glob/none/*.txt"]
    assert distributed.expand_url("memory://glob/c.md") == ["memory://glob/c.md"]  # no glob: as given


def test_memory_urls_are_read_through_fsspec():
    import fsspec

    fs = fsspec.filesystem("memory")
    fs.pipe("/audit/a.txt", OWN_DOCS["own/years.txt"].encode())
    session = distributed._session(CheckOptions(lang="en"))
    found = distributed.check_path(session, "memory://audit/a.txt")
    assert found.error is None and found.diagnostics
    assert found.path == "memory://audit/a.txt"
    missing = distributed.check_path(session, "memory://audit/none.txt")
    assert missing.error == "no such file" and not missing.diagnostics


def test_check_bag_maps_the_check_over_path_bytes_records(cluster, corpus):
    import dask.bag as db

    from reportlint.distributed import check_bag

    files = sorted((corpus / "own").glob("*.txt"))
    records = [(str(p), p.read_bytes()) for p in files]
    results = check_bag(db.from_sequence(records, npartitions=2), CheckOptions(lang="en")).compute()
    session = distributed._session(CheckOptions(lang="en"))
    expected = [session.check_file(str(p)) for p in files]
    assert [r.path for r in results] == [str(p) for p in files]
    assert [[d.code for d in r.diagnostics] for r in results] == [[d.code for d in e.diagnostics] for e in expected]
    assert [bool(r.error) for r in results] == [bool(e.error) for e in expected] and any(r.error for r in results)


def test_summary_file_has_one_row_per_file_locally_and_on_dask(cluster, corpus, capsys, tmp_path):
    inputs = [str(TESTS / "corpus" / "heldout"), str(corpus / "own")]
    _run(capsys, "--jobs", "1", "--summary-file", str(tmp_path / "local.csv"), *inputs)
    _run(capsys, "--dask", cluster[0].scheduler_address, "--summary-file", str(tmp_path / "dask.csv"), *inputs)
    assert (tmp_path / "local.csv").read_bytes() == (tmp_path / "dask.csv").read_bytes()
    with open(tmp_path / "local.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    json_out = json.loads(_run(capsys, "--jobs", "1", "--format", "json", *inputs)[1])
    assert {r["path"] for r in json_out} <= {r["path"] for r in rows}
    broken = [r for r in rows if r["path"].endswith("broken.txt")]
    assert len(broken) == 1 and broken[0]["error"] and broken[0]["findings"] == "0"
    years = next(r for r in rows if r["path"].endswith("years.txt"))
    assert int(years["characters"]) > 50
    assert years["doctype"] == "工作总结"
    assert int(years["findings"]) == sum(int(v) for k, v in years.items() if k.startswith("findings_"))
    assert int(years["findings"]) > 0 and years["max_severity"] in ("error", "warning", "info")
    assert all(r["max_severity"] == "" for r in rows if r["findings"] == "0")


def test_without_dask_the_option_says_how_to_install_it(monkeypatch, capsys, corpus):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    for lang, words in (("zh", "需要 Dask"), ("en", "needs Dask")):
        capsys.readouterr()
        code = cli.main(["check", "--lang", lang, "--dask", "local:2", str(corpus / "own")])
        err = capsys.readouterr().err
        assert code == 2
        assert err.count("\n") == 1 and words in err and 'pip install "reportlint[dask]"' in err


def test_partitions_keep_order_and_cover_every_file_once():
    files = [f"f{i}" for i in range(1000)]
    parts = distributed.partitions(files, 2)
    assert [f for part in parts for f in part] == files
    assert len(parts) >= 2 * distributed.PARTITION_TARGET
    assert distributed.partitions([], 2) == []
    assert distributed.parse_address("local:3") == (None, 3)
    assert distributed.parse_address("tcp://h:8786") == ("tcp://h:8786", None)
    assert distributed.is_url("s3://b/k.txt") and not distributed.is_url("C:\\a.txt") and not distributed.is_url("a.txt")


def test_a_worker_killed_mid_run_loses_no_file_and_counts_none_twice(cluster, corpus):
    """Runs last in the module: a nanny restarts the killed worker, the scheduler reruns its partitions."""
    _, client = cluster
    files = sorted(str(p) for p in corpus.rglob("*.txt"))
    files = (files * 3)[:300]  # enough partitions that the kill lands mid-run
    options = CheckOptions(lang="en")
    session = distributed._session(options)
    expected = [(r.path, r.error, [(d.code, d.start) for d in r.diagnostics]) for r in map(session.check_file, files)]
    pids = client.run(os.getpid)
    got = []
    for i, result in enumerate(distributed.check_files(options, files, client=client)):
        if i == 0:
            os.kill(next(iter(pids.values())), signal.SIGKILL)
        got.append((result.path, result.error, [(d.code, d.start) for d in result.diagnostics]))
    assert got == expected
    assert client.run(os.getpid) != pids  # a worker really died (and was restarted)


def test_the_summary_doctype_is_taken_where_the_file_is_parsed(corpus, monkeypatch):
    """Workers return each file's 文种 with its findings: the client's summary row never parses again."""
    from reportlint.run import summary

    session = distributed._session(CheckOptions(lang="en", cache=False))
    results = distributed.check_partition([str(corpus / "own" / "plain.txt"), str(corpus / "own" / "clean.md")],
                                          CheckOptions(lang="en", cache=False))
    assert [r.doctype for r in results] == ["报告", "通知"]
    monkeypatch.setattr(summary, "doctype", lambda source: pytest.fail("parsed again on the client"))
    table = summary.Table(session.linter.rules.values())
    for result in results:
        table.add(result)
    assert [row["doctype"] for row in table.rows] == ["报告", "通知"]
