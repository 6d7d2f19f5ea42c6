"""The issue-2 acceptance check: `reportlint check` on the real seed report finds the core defects."""

from __future__ import annotations

import json
from collections import defaultdict

import pytest


@pytest.fixture
def found(cli, seed_path) -> dict[str, set[int]]:
    """Code → lines reported on the seed by one JSON run, whose exit status must be 1."""
    result = cli("check", "--format", "json", str(seed_path))
    assert result.returncode == 1, result.stderr
    lines: dict[str, set[int]] = defaultdict(set)
    for item in json.loads(result.stdout):
        lines[item["code"]].add(item["line"])
    return lines


def test_exit_code_via_cli_fixture(cli, seed_path):
    result = cli("check", str(seed_path))
    assert result.returncode == 1
    assert f"{seed_path}:1:" in result.stdout


def test_title_year_and_same_year_plan_on_line_1(found):
    assert found["YR001"] == {1}  # 2023 title over a 2011 body
    assert 1 in found["YR002"]  # 2023年工作总结和2023年工作要点
    assert 26 in found["YR002"]  # 一、2011年工作总结 … 二、2011年工作要点


def test_masked_token_on_line_28(found):
    assert 28 in found["PH007"]  # “xxxx”重要思想


def test_dunhao_after_arabic_ordinals_on_every_even_line_30_to_50(found):
    assert found["HD004"] == set(range(30, 51, 2))


def test_repeated_title_on_line_53(found):
    assert found["RS003"] == {53}


def test_document_numbers_without_year_on_lines_54_and_57(found):
    assert found["DN002"] == {54, 57}  # 云发[]18号, 武四群教育组[]2号
    assert found["DN001"] == {54, 57}  # and the square brackets


def test_masked_names_on_lines_84_and_85(found):
    assert {84, 85} <= found["PH002"]  # xx县局, xx省


def test_follower_counts_on_lines_88_to_95(found):
    assert found["RS001"] == set(range(88, 96))
