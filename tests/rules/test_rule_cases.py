"""Run every YAML rule case in tests/rules/cases (ids CODE_case, so ``pytest -k PH001`` works)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.testing import load_cases, run_case

CASES = load_cases(Path(__file__).parent / "cases")


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rule_case(case):
    run_case(case)
