"""The README's fix safety table matches the registered rules; ``python tests/rules/test_readme_fix_table.py`` rewrites it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"
BLOCK = re.compile(r"(<!-- fix-safety-table:start -->\n)(.*?)(<!-- fix-safety-table:end -->)", re.DOTALL)
LABELS = {"safe": "safe", "unsafe": "unsafe", "display": "display-only"}


def rules_json() -> list[dict]:
    """What ``reportlint rules --format json`` says, from the interpreter running the tests."""
    run = subprocess.run([sys.executable, "-m", "reportlint", "rules", "--format", "json", "--lang", "en"],
                         capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


def expected_table(rules: list[dict]) -> str:
    lines = ["| rule | name | fix |", "|---|---|---|"]
    lines += [f"| {r['code']} | `{r['name']}` | {LABELS[r['fix']]} |" for r in rules if r["fix"]]
    return "\n".join(lines) + "\n"


def readme_table() -> str:
    match = BLOCK.search(README.read_text(encoding="utf-8"))
    assert match, "README.md lacks the <!-- fix-safety-table:start/end --> block in the fixes section"
    return match.group(2)


def test_readme_fix_safety_table_matches_the_rules():
    want = expected_table(rules_json())
    assert readme_table() == want, (
        "the fix safety table in README.md is stale; run `python tests/rules/test_readme_fix_table.py`:\n" + want)


def test_table_lists_every_fix_level_there_is():
    rules = rules_json()
    levels = {r["fix"] for r in rules if r["fix"]}
    assert levels <= set(LABELS)
    assert {"safe", "unsafe", "display"} <= levels, levels


if __name__ == "__main__":
    text = README.read_text(encoding="utf-8")
    table = expected_table(rules_json())
    README.write_text(BLOCK.sub(lambda m: m.group(1) + table + m.group(3), text), encoding="utf-8")
    print(f"README.md: fix safety table updated ({table.count(chr(10)) - 2} rules)")
