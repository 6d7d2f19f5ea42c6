"""Real published government reports: reportlint stays quiet except on their documented slips.

The corpus lives in ../shared/corpus/real (CI has it). Its README lists the real slips these
documents contain; `corpus_quirks.yaml` says which finding each slip must produce.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import yaml

from reportlint.diagnostics import Severity
from reportlint.run.check import CheckOptions, Session

CORE_FAMILIES = ("PS", "PH", "YR", "HD", "DN", "RS")
BUDGET_CHARS_PER_FINDING = 20_000
QUIRKS = yaml.safe_load((Path(__file__).parent / "corpus_quirks.yaml").read_text(encoding="utf-8"))


@cache
def _lint_corpus(corpus: Path):
    session = Session(CheckOptions())
    results = [session.check_file(str(path)) for path in sorted(corpus.glob("*.txt"))]
    assert len(results) == 48 and not any(r.error for r in results)
    return results


def _line_text(result, diag) -> str:
    line, _ = result.source.lines.position(diag.start)
    start, end = result.source.lines.line_span(line)
    return result.source.text[start:end]


def _is_quirk(result, diag) -> bool:
    name = Path(result.path).name
    return any(q["file"] == name and diag.code.startswith(q["code"]) and q["text"] in _line_text(result, diag)
               for q in QUIRKS)


def _serious(results):
    for result in results:
        for diag in result.diagnostics:
            if diag.severity >= Severity.WARNING and not _is_quirk(result, diag):
                yield result, diag


def _describe(pairs) -> str:
    return "\n".join(
        f"{Path(r.path).name}:{r.source.lines.position(d.start)[0]}: {d.code} {d.message} | "
        f"{_line_text(r, d)[max(0, r.source.lines.position(d.start)[1] - 15):][:40]}"
        for r, d in pairs)


def test_core_families_are_silent_on_real_reports(corpus_dir):
    noisy = [(r, d) for r, d in _serious(_lint_corpus(corpus_dir)) if d.code.startswith(CORE_FAMILIES)]
    assert not noisy, "core rules fire on real published reports:\n" + _describe(noisy[:40])


def test_error_and_warning_budget(corpus_dir):
    results = _lint_corpus(corpus_dir)
    chars = sum(len(r.source.text) for r in results)
    noisy = list(_serious(results))
    budget = chars // BUDGET_CHARS_PER_FINDING
    assert len(noisy) <= budget, (
        f"{len(noisy)} errors/warnings on {chars} characters of real reports (budget {budget}):\n"
        + _describe(noisy[:60]))


@pytest.mark.parametrize("quirk", QUIRKS, ids=[f"{q['file']}:{q['code']}" for q in QUIRKS])
def test_documented_slips_are_found(corpus_dir, quirk):
    result = next(r for r in _lint_corpus(corpus_dir) if Path(r.path).name == quirk["file"])
    hits = [d for d in result.diagnostics if d.code.startswith(quirk["code"]) and quirk["text"] in _line_text(result, d)]
    assert hits, f"{quirk['file']}: expected a {quirk['code']} finding on the line with {quirk['text']!r}"


def test_sums_are_silent_on_real_reports_and_seed(corpus_dir, seed_path):
    """The sums family (SM) has no true slip to report in the 48 real reports or the seed: a wrong
    sum finding costs more trust than a missed one, so every finding here would be a false one."""
    results = [*_lint_corpus(corpus_dir), Session(CheckOptions()).check_file(str(seed_path))]
    sums = [(r, d) for r in results for d in r.diagnostics if d.code.startswith("SM")]
    assert not sums, "SM fires on real reports:\n" + _describe(sums)
