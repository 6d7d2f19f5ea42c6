"""Detection on each labelled set never falls below what was last measured: a ratchet per set.

Each ``tests/corpus/*_floor.yaml`` names its set (``set:``, default ``tests/blind``) and holds the
labels found per category, the most false findings and the most findings on clean documents.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
FLOORS = {path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
          for path in sorted(Path(__file__).parent.glob("*_floor.yaml"))}
_SCORES: dict[str, dict] = {}


def _score(name: str) -> dict:
    """bench/blind_score.py's summary of the floor's set, computed once per set."""
    if name not in _SCORES:
        folder = ROOT / FLOORS[name].get("set", "tests/blind")
        out = subprocess.run([sys.executable, str(ROOT / "bench" / "blind_score.py"), "--json", "--set", str(folder)],
                             capture_output=True, text=True, check=True).stdout
        _SCORES[name] = json.loads(out)
    return _SCORES[name]


@pytest.mark.parametrize(("name", "category"), [(n, c) for n, floor in FLOORS.items() for c in sorted(floor["found"])])
def test_recall_does_not_fall(name, category):
    found = _score(name)["recall"][category]["found"]
    floor = FLOORS[name]["found"][category]
    assert found >= floor, f"{name}: {category}: {found} labels found, the floor is {floor}"


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_false_findings_do_not_grow(name):
    score = _score(name)
    assert score["false_findings"] <= FLOORS[name]["max_false_findings"]
    assert score["on_clean"] <= FLOORS[name]["max_on_clean"]


def test_every_labelled_set_has_a_floor():
    sets = {FLOORS[name].get("set", "tests/blind") for name in FLOORS}
    labelled = {str(p.parent.relative_to(ROOT)) for p in ROOT.glob("tests/*/labels-*.jsonl")}
    assert labelled <= sets, f"labelled sets without a floor: {sorted(labelled - sets)}"


@pytest.mark.parametrize("folder", sorted({FLOORS[name].get("set", "tests/blind") for name in FLOORS}))
def test_every_label_stands_on_its_line(folder):
    """The labels' checker (tests/blind/check_labels.py) passes on every set: each label's text on its line."""
    done = subprocess.run([sys.executable, str(ROOT / "tests" / "blind" / "check_labels.py"), str(ROOT / folder)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
