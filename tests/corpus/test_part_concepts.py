"""The part concepts of the 文种 profiles (achievements, problems, next steps) tested on the 48
real 政府工作报告: each reviews a year, names its problems and plans the next, in its own words."""

from __future__ import annotations

from pathlib import Path

from reportlint.load.source import Source
from reportlint.parse import parse_document
from reportlint.parse.profiles import profile
from reportlint.rules.sections import present_sections

# plans only as `2026年是……` / `今年……` paragraphs under the year the title names, with thematic
# headings: a 总结's `今年` is the year it reviews, so these are not read as next steps
PLANS_UNSEEN = {"cn-gwr-2026-fujian.txt", "cn-gwr-2026-gansu.txt"}


def test_every_real_report_names_its_achievements_problems_and_next_steps(corpus_dir):
    specs = profile("work-summary").sections
    assert [spec.id for spec in specs] == ["achievements", "problems", "plans"]
    paths = sorted(corpus_dir.glob("*.txt"))
    articles = [parse_document(Source.from_text(p.read_text(encoding="utf-8"))).articles[0] for p in paths]
    present = present_sections([(article, specs) for article in articles])
    missing = {Path(p).name: {"achievements", "problems", "plans"} - got for p, got in zip(paths, present)}
    assert {name: parts for name, parts in missing.items() if parts} == {name: {"plans"} for name in PLANS_UNSEEN}
