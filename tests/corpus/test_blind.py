"""Detection on the blind set never falls below what was last measured (tests/corpus/blind_floor.yaml)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
FLOOR = yaml.safe_load((Path(__file__).parent / "blind_floor.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def score() -> dict:
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "blind_score.py"), "--json"],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


@pytest.mark.parametrize("category", sorted(FLOOR["found"]))
def test_recall_does_not_fall(score, category):
    found = score["recall"][category]["found"]
    assert found >= FLOOR["found"][category], f"{category}: {found} labels found, the floor is {FLOOR['found'][category]}"


def test_false_findings_do_not_grow(score):
    assert score["false_findings"] <= FLOOR["max_false_findings"]
    assert score["on_clean"] <= FLOOR["max_on_clean"]
