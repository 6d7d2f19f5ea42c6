"""Keep rules, docs and tests in step: every rule is documented and has passing and failing cases."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from reportlint.plugins import manager
from reportlint.rules.base import DOC_HEADINGS
from reportlint.testing import load_cases
from reportlint.text.chars import is_cjk

RULES = manager.build(load_entry_points=False).rules()
CASES = load_cases(Path(__file__).parent / "cases")


def test_codes_and_names_are_unique():
    assert not [c for c, n in Counter(r.code for r in RULES).items() if n > 1]
    assert not [c for c, n in Counter(r.name for r in RULES).items() if n > 1]


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_documentation(rule):
    doc = rule.doc()
    for heading in DOC_HEADINGS:
        assert f"## {heading}" in doc, f"{rule.code} docs lack '## {heading}'"
    if rule.fixable is not None:
        assert "## Fix safety" in doc, f"{rule.code} offers fixes but does not document their safety"
    assert rule.groups, f"{rule.code} belongs to no group"
    assert rule.summary() and not rule.summary().startswith("#")


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_messages_are_bilingual(rule):
    for key, (zh, en) in rule.messages.items():
        assert any(is_cjk(ch) for ch in zh), f"{rule.code}.{key}: the default message must be Chinese"
        assert en.strip() and en != zh, f"{rule.code}.{key}: the English message is missing"


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_has_passing_and_failing_cases(rule):
    mine = [c for c in CASES if c.rule == rule.code]
    assert any(c.should_fail for c in mine), f"{rule.code} has no fail_str case in tests/rules/cases/{rule.code}.yml"
    assert any(not c.should_fail for c in mine), f"{rule.code} has no pass_str case in tests/rules/cases/{rule.code}.yml"
    if rule.fixable is not None and rule.fixable.value != "display":
        assert any(c.fix_str is not None for c in mine), f"{rule.code} offers fixes but no case has fix_str"


def test_no_case_file_for_an_unknown_rule():
    known = {r.code for r in RULES}
    assert not sorted({c.rule for c in CASES} - known)
