"""Streamed output: every format writes each file's results as they come, byte for byte what the
formatters wrote before streaming, and the check run keeps no file's results once it is written."""

from __future__ import annotations

import gc
import importlib
import io
import json
import sys
import weakref
from pathlib import Path

import pytest

from reportlint.formatters.builtin import MODULES, WRITERS, reportlint_formatters
from reportlint.formatters.common import Options, new_totals
from reportlint.run import check
from reportlint.run.session import Session

sys.path.insert(0, str(Path(__file__).resolve().parent))
from multifile import RULES, results, variants  # noqa: E402

GOLDEN = Path(__file__).resolve().parent / "golden" / "multi"
CASES = sorted(p.name for p in GOLDEN.iterdir())


def _case(name: str) -> tuple[str, str, bool, str]:
    *head, variant, lang = name[:-len(".out")].split("-")
    stats = head[-1] == "stats"
    return "-".join(head[:-1] if stats else head), variant, stats, lang


def test_the_goldens_cover_every_format_each_variant_and_statistics():
    seen = {_case(name) for name in CASES}
    assert {fmt for fmt, *_ in seen} == set(MODULES)
    assert {variant for _, variant, *_ in seen} == set(variants())
    assert any(stats for _, _, stats, _ in seen)


@pytest.mark.parametrize("name", CASES)
def test_streamed_output_is_byte_identical_to_the_pre_streaming_output(name):
    """The goldens were written by the formatters as they were before streaming (whole lists)."""
    fmt, variant, stats, lang = _case(name)
    options = Options(lang=lang, rules=RULES, width=80, statistics=stats, color=fmt == "full" and variant == "color")
    out = io.StringIO()
    writer = reportlint_formatters()[fmt].writer(out, options)
    totals = new_totals()
    for result in variants()[variant]():
        totals.add(result)
        writer.file(result)
    writer.finish(totals)
    assert out.getvalue() == (GOLDEN / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_json_and_sarif_of_the_multi_file_run_parse_and_list_every_finding(fmt):
    text = (GOLDEN / f"{fmt}-all-en.out").read_text(encoding="utf-8")
    data = json.loads(text)
    found = data if fmt == "json" else data["runs"][0]["results"]
    assert len(found) == sum(len(r.diagnostics) for r in results()) == 6
    if fmt == "sarif":  # the unreadable file is a tool notification, written before the results
        assert not data["runs"][0]["invocations"][0]["executionSuccessful"]


def test_every_builtin_format_has_a_streaming_writer():
    assert set(WRITERS) == set(MODULES)
    for name, module in MODULES.items():
        assert hasattr(importlib.import_module(f"reportlint.formatters.{module}"), WRITERS[name])


def _docs(folder: Path, n: int) -> list[str]:
    folder.mkdir()
    for i in range(n):
        (folder / f"{i:02d}.txt").write_text(f"关于做好第{i}项工作的通知\n各单位：\n请于月底前报送,谢谢\n", encoding="utf-8")
    return [str(p) for p in sorted(folder.iterdir())]


@pytest.mark.parametrize("fmt", ["json", "concise", "json-lines", "github", "gitlab", "full"])
def test_a_file_is_written_out_before_the_next_files_are_checked(tmp_path, monkeypatch, fmt):
    """Through the Python API: the checker records what had reached stdout when each file was taken up."""
    paths = _docs(tmp_path / "docs", 4)
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    written_before: dict[str, str] = {}
    original = Session.check_file

    def recording(self, path):
        written_before[Path(path).name] = out.getvalue()
        return original(self, path)

    monkeypatch.setattr(Session, "check_file", recording)
    code = check.check(paths, check.CheckOptions(jobs=1, select=["PU"]),
                       check.Report(format=fmt, show_summary=False))
    assert code == 1
    assert written_before["00.txt"] == ""
    for earlier, later in (("00.txt", "01.txt"), ("01.txt", "02.txt"), ("02.txt", "03.txt")):
        assert earlier in written_before[later]  # the earlier file's findings were out already
        assert later not in written_before[later]
    assert "03.txt" in out.getvalue()


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "html", "concise", "full"])
@pytest.mark.parametrize("extra", [{}, {"statistics": True}, {"summary_file": "rows.csv"}])
def test_the_check_run_keeps_no_file_results_once_written(tmp_path, monkeypatch, fmt, extra):
    """Memory stays flat: when the last file is checked, no earlier FileResult is alive but the
    one just written (the loop's variable), however many files came before."""
    paths = _docs(tmp_path / "docs", 5)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    alive: list[weakref.ref] = []
    still_alive_at_last: list[int] = []
    original = Session.check_file

    def tracking(self, path):
        if path == paths[-1]:
            gc.collect()
            still_alive_at_last.append(sum(ref() is not None for ref in alive[:-1]))
        result = original(self, path)
        alive.append(weakref.ref(result))
        return result

    monkeypatch.setattr(Session, "check_file", tracking)
    check.check(paths, check.CheckOptions(jobs=1), check.Report(format=fmt, **extra))
    assert still_alive_at_last == [0]
    if "summary_file" in extra:
        assert len((tmp_path / "rows.csv").read_text(encoding="utf-8").splitlines()) == 6


def test_a_baseline_filters_each_file_as_it_streams(tmp_path, monkeypatch):
    paths = _docs(tmp_path / "docs", 3)
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    baseline = str(tmp_path / "baseline.json")
    assert check.check(paths[:2], check.CheckOptions(jobs=1, write_baseline=baseline), check.Report(format="json")) == 0
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    code = check.check(paths, check.CheckOptions(jobs=1, baseline=baseline), check.Report(format="json"))
    found = json.loads(out.getvalue())
    assert code == 1 and found and {Path(f["path"]).name for f in found} == {"02.txt"}


def test_a_plugin_formatter_without_a_writer_gets_every_result_at_the_end(tmp_path, monkeypatch):
    """The formatter contract stays ``render(results, options) -> str``; only formats with a
    ``writer`` stream."""
    paths = _docs(tmp_path / "docs", 3)
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    calls = []

    def mine(found, options):
        calls.append([r.path for r in found])
        return f"{sum(len(r.diagnostics) for r in found)} findings in {len(found)} files\n"

    original = Session.__post_init__

    def with_mine(self):
        original(self)
        self.formatters["mine"] = mine

    monkeypatch.setattr(Session, "__post_init__", with_mine)
    code = check.check(paths, check.CheckOptions(jobs=1, select=["PU"]), check.Report(format="mine"))
    assert code == 1 and len(calls) == 1 and len(calls[0]) == 3
    assert out.getvalue().endswith(" in 3 files\n")
