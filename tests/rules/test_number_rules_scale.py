"""The number, date and heading rules stay linear: thousands of headings, articles or figures.

Each test checks a document and one four times its size; a rule that searched to the end of
the text for every mention would take about sixteen times as long on the larger one. The bound
(ten times) leaves room for a busy machine; the best of three runs is compared.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from reportlint.run.check import CheckOptions, Session

FAMILIES = ["SM", "YR", "AN", "DT", "EN", "HD", "DU"]
_CN = "零一二三四五六七八九"


def _cn(n: int) -> str:
    """Chinese numerals up to 999, as heading ordinals write them (一百零一)."""
    if n < 10:
        return _CN[n]
    out, zero = "", False
    for value, unit in ((100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, value)
        if digit:
            out += ("零" if zero and out else "") + ("" if unit == "十" and digit == 1 and not out else _CN[digit]) + unit
            zero = False
        elif out:
            zero = True
    return out


def _headings(n: int) -> str:
    lines = ["县人民政府2023年工作总结"]
    for i in range(1, n + 1):
        lines += [f"{_cn(i)}、第{i}项工作", f"完成第{i}项任务，共{i + 10}个项目，其中新建{i}个、改建10个。"]
    return "\n".join(lines) + "\n"


def _arabic(n: int) -> str:
    lines = ["县人民政府2023年工作总结", "一、主要工作"]
    for i in range(1, n + 1):
        lines += [f"{i}.第{i}项工作", f"2023年3月{i % 28 + 1}日，第{i}次会议召开，一是学习，二是部署。"]
    return "\n".join(lines) + "\n"


def _articles(n: int) -> str:
    parts = []
    for i in range(1, n + 1):
        parts.append(f"第{i}篇\n镇{i}号村2023年工作总结\n2023年5月{i % 28 + 1}日（星期五），召开建党102周年纪念会。\n"
                     f"首先学习，其次部署，最后总结。\n村委会\n二〇二三年十二月二十日\n")
    return "".join(parts)


def _seconds(session: Session, path: Path) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        result = session.check_file(str(path))
        best = min(best, time.perf_counter() - started)
        assert result.error is None
    return best


@pytest.mark.parametrize("build, small", [(_headings, 240), (_arabic, 300), (_articles, 100)],
                         ids=["chinese-headings", "arabic-headings", "articles"])
def test_number_rules_are_linear(tmp_path, build, small):
    session = Session(CheckOptions(select=FAMILIES))
    paths = []
    for size in (small, 4 * small):
        path = tmp_path / f"doc{size}.txt"
        path.write_text(build(size), encoding="utf-8")
        paths.append(path)
    session.check_file(str(paths[0]))  # warm: lazy patterns, data files
    short, long = (_seconds(session, p) for p in paths)
    assert long < 10 * short + 0.05, f"{build.__name__}: {short:.3f}s for {small}, {long:.3f}s for {4 * small}"


@pytest.mark.parametrize("build, n", [(_arabic, 1500), (_headings, 999)], ids=["arabic", "chinese"])
def test_a_thousand_headings_of_one_level_in_order_are_quiet(tmp_path, build, n):
    path = tmp_path / "many.txt"
    path.write_text(build(n), encoding="utf-8")
    result = Session(CheckOptions(select=["HD001"])).check_file(str(path))
    assert result.error is None
    assert [d.code for d in result.diagnostics] == []


def _cycling(n: int) -> str:
    """``n`` headings of one level numbered 1. 2. 3. 1. 2. 3. …: a break every third heading."""
    lines = ["县人民政府2023年工作总结", "一、主要工作"]
    for i in range(n):
        lines += [f"{i % 3 + 1}.第{i}项工作", "完成任务。"]
    return "\n".join(lines) + "\n"


def test_a_break_at_every_third_of_thousands_of_headings(tmp_path):
    """Each break's fix renumbers only up to the next break: fixes never overlap, edits stay linear."""
    session = Session(CheckOptions(select=["HD001"]))
    path = tmp_path / "cycling.txt"
    path.write_text(_cycling(3000), encoding="utf-8")
    result = session.check_file(str(path))
    findings = result.diagnostics
    assert len(findings) == 999 and {d.code for d in findings} == {"HD001"}
    edits = sorted((e.start, e.end) for d in findings for e in d.fix.edits)
    assert len(edits) == 3000 - 3  # every heading after the first three, once
    assert all(a[1] <= b[0] for a, b in zip(edits, edits[1:]))
    small = tmp_path / "small.txt"
    small.write_text(_cycling(750), encoding="utf-8")
    short, long = _seconds(session, small), _seconds(session, path)
    assert long < 10 * short + 0.05
