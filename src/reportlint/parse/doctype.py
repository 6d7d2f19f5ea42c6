"""The 文种 of an article, with the evidence: the title's tail, else the 版头 and the structure.

The title test is the one ``rules/sections.py`` ``doctype_of`` applies (the bundled
``rulesets/data/doctypes.yaml``, first match wins), so a rule reading ``article.doctype`` sees the
same 文种 for a titled document. Without a matching title the 发文字号 (``…函〔2024〕3号`` is a
函), the 发文机关标志 (``××市人民政府令``) and the 纪要 header fields decide.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from reportlint.config.datafiles import read_mapping
from reportlint.config.resources import data_dir
from reportlint.model import DocType, Element

# the 文种 a 发文字号's organ abbreviation names: 皖政函〔2024〕3号 → 函, 纪要〔2024〕2号 → 纪要
_NUMBER_KINDS = (("函", "letter"), ("纪要", "minutes"), ("令", "order"))
# the 文种 a 发文机关标志 names when it is not "…文件": ××市人民政府令, ××会议纪要
_MARK_KINDS = (("纪要", "minutes"), ("令", "order"), ("公报", "communique"), ("公告", "announcement"))
# fields that only a 纪要 carries as a header
_MINUTES_ONLY = {"主持", "主持人", "出席", "出席人员", "列席", "列席人员", "请假", "请假人员", "记录", "记录人"}


@cache
def profiles() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """(id, Chinese name, title pattern) of each bundled 文种, in file order."""
    data = read_mapping(data_dir("rulesets") / "data" / "doctypes.yaml")
    return tuple((str(e["id"]), str(e["name"][0]), re.compile(e["title"])) for e in data.get("doctypes") or ())


def _name(doctype_id: str) -> str:
    for pid, name, _ in profiles():
        if pid == doctype_id:
            return name
    return doctype_id  # pragma: no cover - the ids above are in the bundled file


def detect(title: str, elements: Sequence[Element]) -> DocType | None:
    """The 文种 from the title's tail, else from the 发文字号, the 发文机关标志 and the structure."""
    title = title.strip()
    if title:
        for pid, name, pattern in profiles():
            match = pattern.search(title)
            if match:
                word = match.group(0)
                where = "结尾" if match.end() == len(title) else "含"
                evidence = f"标题以“{word}”结尾" if where == "结尾" else f"标题含“{word}”"
                return DocType(pid, name, (evidence, *_support(pid, elements)))
    for element in elements:
        if element.kind == "doc_number":
            prefix = element.field("prefix") or ""
            for word, pid in _NUMBER_KINDS:
                if prefix.endswith(word):
                    return DocType(pid, _name(pid), (f"发文字号“{element.field('value')}”含“{word}”",))
        if element.kind == "issuer_mark":
            value = element.field("value") or ""
            for word, pid in _MARK_KINDS:
                if value.endswith(word):
                    return DocType(pid, _name(pid), (f"发文机关标志“{value}”以“{word}”结尾",))
    labels = [e.field("label") or "" for e in elements if e.kind == "minutes_field"]
    if len(labels) >= 2 and _MINUTES_ONLY.intersection(labels):
        return DocType("minutes", _name("minutes"), (f"结构：含纪要字段（{'、'.join(labels)}）",))
    return None


def _support(pid: str, elements: Sequence[Element]) -> tuple[str, ...]:
    """Further evidence agreeing with the title (kept so a reader sees every reason)."""
    out = []
    for element in elements:
        if element.kind == "doc_number":
            prefix = element.field("prefix") or ""
            for word, kind in _NUMBER_KINDS:
                if prefix.endswith(word) and kind == pid:
                    out.append(f"发文字号“{element.field('value')}”含“{word}”")
        if element.kind == "minutes_field" and pid == "minutes" and not any(e.startswith("结构") for e in out):
            out.append("结构：含纪要字段")
    return tuple(out)
