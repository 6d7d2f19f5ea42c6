"""The README's rule table matches the registered rules; ``python tests/rules/test_readme_rule_table.py`` rewrites it."""

from __future__ import annotations

import re

from test_readme_fix_table import LABELS, README, rules_json

BLOCK = re.compile(r"(<!-- rules-table:start -->\n)(.*?)(<!-- rules-table:end -->)", re.DOTALL)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def expected_table(rules: list[dict]) -> str:
    lines = ["| code | name | severity | fix | what it flags |", "|---|---|---|---|---|"]
    lines += [f"| {r['code']} | `{r['name']}` | {r['severity']} | {LABELS.get(r['fix'], '–')} | "
              f"{_cell(r['summary'])} |" for r in rules]
    return "\n".join(lines) + "\n"


def test_readme_rule_table_matches_the_rules():
    match = BLOCK.search(README.read_text(encoding="utf-8"))
    assert match, "README.md lacks the <!-- rules-table:start/end --> block"
    want = expected_table(rules_json())
    assert match.group(2) == want, "the rule table in README.md is stale; run `python tests/rules/test_readme_rule_table.py`"


def test_readme_counts_the_rules():
    text = README.read_text(encoding="utf-8")
    assert f"{len(rules_json())} rules in" in text


if __name__ == "__main__":
    text = README.read_text(encoding="utf-8")
    table = expected_table(rules_json())
    README.write_text(BLOCK.sub(lambda m: m.group(1) + table + m.group(3), text), encoding="utf-8")
    print(f"README.md: rule table updated ({table.count(chr(10)) - 2} rules)")
