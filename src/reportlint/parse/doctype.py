"""The 文种 of an article, with the evidence: the title's tail, else the 版头 and the structure.

The profiles (``parse/profiles.py``: the bundled ``rulesets/data/doctypes.yaml``, with a user's
file when a rule names one) are tried on the title in order, first match wins. Without a matching
title the 发文字号 (``…函〔2024〕3号`` is a 函), the 发文机关标志 (``××市人民政府令``) and the
纪要 header fields decide.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlint.model import Article, DocType, Element
from reportlint.parse.profiles import doctypes, profile

# the 文种 a 发文字号's organ abbreviation names: 皖政函〔2024〕3号 → 函, 纪要〔2024〕2号 → 纪要
_NUMBER_KINDS = (("函", "letter"), ("纪要", "minutes"), ("令", "order"))
# the 文种 a 发文机关标志 names when it is not "…文件": ××市人民政府令, ××会议纪要
_MARK_KINDS = (("纪要", "minutes"), ("令", "order"), ("公报", "communique"), ("公告", "announcement"))
# fields that only a 纪要 carries as a header
MINUTES_ONLY = {"主持", "主持人", "召集人", "出席", "出席人员", "出席领导", "列席", "列席人员", "列席单位",
                "参会人员", "与会人员", "请假", "请假人员", "缺席", "缺席人员", "记录", "记录人", "记录员"}


def _of(doctype_id: str, evidence: tuple[str, ...], extra: str) -> DocType:
    found = profile(doctype_id, extra)
    name = found.name[0] if found is not None else doctype_id
    return DocType(doctype_id, name, evidence, found)


def detect(title: str, elements: Sequence[Element], extra: str = "") -> DocType | None:
    """The 文种 from the title's tail, else from the 发文字号, the 发文机关标志 and the structure."""
    title = title.strip()
    if title:
        # the 文种 is the title's last word (`关于印发2024年工作要点的通知` is a 通知): a profile
        # matching at the end wins over one matching inside, each tried in file order
        matches = [(candidate, match) for candidate in doctypes(extra) if (match := candidate.title.search(title))]
        matches.sort(key=lambda pair: pair[1].end() != len(title))
        if matches:
            candidate, match = matches[0]
            word = match.group(0)
            evidence = f"标题以“{word}”结尾" if match.end() == len(title) else f"标题含“{word}”"
            return DocType(candidate.id, candidate.name[0], (evidence, *_support(candidate.id, elements)), candidate)
    for element in elements:
        if element.kind == "doc_number":
            prefix = element.field("prefix") or ""
            for word, pid in _NUMBER_KINDS:
                if prefix.endswith(word):
                    return _of(pid, (f"发文字号“{element.field('value')}”含“{word}”",), extra)
        if element.kind == "issuer_mark":
            value = element.field("value") or ""
            for word, pid in _MARK_KINDS:
                if value.endswith(word):
                    return _of(pid, (f"发文机关标志“{value}”以“{word}”结尾",), extra)
    labels = [e.field("label") or "" for e in elements if e.kind == "minutes_field"]
    if len(labels) >= 2 and MINUTES_ONLY.intersection(labels):
        return _of("minutes", (f"结构：含纪要字段（{'、'.join(labels)}）",), extra)
    return None


def ends_with_doctype(title: str) -> bool:
    """Whether a (joined) title ends with a 文种 word of the bundled profiles (`…的通知`)."""
    title = title.strip()
    for candidate in doctypes(""):
        match = candidate.title.search(title)
        if match and match.end() == len(title):
            return True
    return False


def doctype_of(article: Article, extra: str = "", title: str | None = None) -> DocType | None:
    """The article's 文种 decided on the profiles with a user's file (``extra``) added: the same
    decision as the model's, made again so a user's 文种 and title changes take part. ``title``:
    decide on this title instead of the model's (one found past a 版头 line the model took for the
    title, `临城投发〔2024〕第26号`)."""
    if title is not None:
        return detect(title, article.elements, extra)
    if not extra and article.doctype is not None:
        return article.doctype
    return detect(article.title_text, article.elements, extra)


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
