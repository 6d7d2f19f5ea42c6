"""Required sections per document type (文种 from the title; profiles in rulesets/data/doctypes.yaml)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlint.config.datafiles import read_mapping
from reportlint.config.resources import data_dir
from reportlint.diagnostics import Finding, Severity
from reportlint.model import Article
from reportlint.rules.base import Option, Rule, RuleContext
from reportlint.text.userre import compile_user

_FIRST_SENTENCE = re.compile(r"[^。！？；]*")


@dataclass(frozen=True)
class SectionSpec:
    id: str
    name: tuple[str, str]  # (zh, en)
    heading: tuple[str, ...]
    paragraph: tuple[str, ...]
    anywhere: bool  # look at whole paragraphs, not only their first sentence


@dataclass(frozen=True)
class DocType:
    id: str
    name: tuple[str, str]
    title: re.Pattern[str]
    sections: tuple[SectionSpec, ...]
    signature: bool


def load_doctypes(path: str | Path) -> list[DocType]:
    """Parse a doctypes file (see rulesets/data/doctypes.yaml for the layout)."""
    data = read_mapping(path)
    specs = {
        key: SectionSpec(key, tuple(value["name"]), tuple(value.get("heading") or ()),
                         tuple(value.get("paragraph") or ()), bool(value.get("anywhere")))
        for key, value in (data.get("sections") or {}).items()
    }
    return [
        DocType(entry["id"], tuple(entry["name"]), compile_user(entry["title"], where=f"{path}: title"),
                tuple(specs[s] for s in entry.get("sections") or ()), bool(entry.get("signature")))
        for entry in data.get("doctypes") or ()
    ]


@cache
def doctypes(extra: str = "") -> tuple[DocType, ...]:
    """The user's profiles (when given) come first, so they override the bundled ones."""
    bundled = load_doctypes(data_dir("rulesets") / "data" / "doctypes.yaml")
    return tuple((load_doctypes(extra) if extra else []) + bundled)


def is_complete(article: Article, min_chars: int = 200) -> bool:
    """Whether the article is a whole report rather than a fragment: two headings or enough text.

    Profiles judge what a finished document contains; a three-line excerpt is not one.
    """
    if sum(1 for _ in article.headings()) >= 2:
        return True
    body = sum(len(p.text) for p in article.paragraphs()) + sum(len(h.line.text) for h in article.headings())
    return body >= min_chars


def doctype_of(article: Article, extra: str = "") -> DocType | None:
    """The 文种 named by the title: the first profile whose pattern the title matches."""
    title = article.title_text.strip()
    if not title:
        return None
    for doctype in doctypes(extra):
        if doctype.title.search(title):
            return doctype
    return None


@dataclass(frozen=True)
class _Texts:
    """Where a part may be named: heading titles, first sentences, whole paragraphs."""

    titles: list[str]
    firsts: list[str]
    wholes: list[str]


def _texts(article: Article) -> _Texts:
    # paragraphs, and the run-in body text after a heading's title
    bodies = [p.text for p in article.paragraphs()] + [h.body for h in article.headings() if h.body]
    firsts = [_FIRST_SENTENCE.match(body).group(0) for body in bodies]  # type: ignore[union-attr]
    return _Texts([h.title for h in article.headings()], firsts, bodies)


def _terms_found(texts: list[list[str]], terms: set[str]) -> list[set[str]]:
    """Per group of texts, the terms that occur in it as whole words (one jieba pass)."""
    from reportlint.text.segment import find_words_many

    hits = iter(find_words_many([t for group in texts for t in group], terms))
    return [{term for _ in group for _, _, term in next(hits)} for group in texts]


def present_sections(items: list[tuple[Article, tuple[SectionSpec, ...]]]) -> list[set[str]]:
    """For each (article, specs), the ids of the parts it names.

    Headings are checked first for every article at once; paragraphs only for the parts
    still missing, so jieba sees few and short texts.
    """
    texts = [_texts(article) for article, _ in items]
    heading_terms = {t for _, specs in items for spec in specs for t in spec.heading}
    in_titles = _terms_found([t.titles for t in texts], heading_terms)
    present = [{spec.id for spec in specs if found & set(spec.heading)}
               for (_, specs), found in zip(items, in_titles)]
    missing = [[spec for spec in specs if spec.id not in got] for (_, specs), got in zip(items, present)]
    groups = [t.wholes if any(s.anywhere for s in miss) else t.firsts if miss else []
              for t, miss in zip(texts, missing)]
    in_paragraphs = _terms_found(groups, {t for miss in missing for spec in miss for t in spec.paragraph})
    for got, miss, found in zip(present, missing, in_paragraphs):
        got.update(spec.id for spec in miss if found & set(spec.paragraph))
    return present


class MissingSection(Rule):
    """A report without a part its document type needs: a 工作总结 that never names its problems.

    ## What it does
    Detects the 文种 from the title (工作总结, 半年总结, 述职报告, 工作要点, 工作计划, 请示 …)
    and checks the parts its profile in `rulesets/data/doctypes.yaml` requires: a 工作总结
    needs its achievements and methods, its problems and shortcomings, and its next steps; a
    请示 needs its closing request (妥否，请批示). A part is present when a heading contains one
    of its keywords, or when the first sentence of a paragraph does — a problems paragraph
    without a heading (`但是我们也清醒地认识到……`) counts. Keywords match whole words on jieba
    word boundaries. 政府工作报告, 活动总结 and 通知 have no required parts. Fragments (fewer
    than two headings and under 200 characters) are not judged.

    ## Why is this bad?
    A summary that lists only achievements reads as propaganda and is usually sent back; a
    请示 without its request does not say what the office is asked to approve.

    ## Example
    ```
    县水利局2023年工作总结
    一、主要工作
    ……
    二、2024年工作打算
    ……
    ```

    ## Use instead
    ```
    县水利局2023年工作总结
    一、主要工作
    ……
    二、存在的问题
    ……
    三、2024年工作打算
    ……
    ```

    Add or override profiles with the `doctypes` option (a YAML file laid out like the
    bundled one; its profiles are tried first).
    """

    code = "SC001"
    name = "missing-section"
    groups = ("sections",)
    severity = Severity.WARNING
    options = {"doctypes": Option("", str, "a YAML file of extra document-type profiles, tried first")}
    messages = {"default": ("{doctype}缺少“{section}”部分（标题和段首均未见：{keywords}）",
                            ("this {doctype_en} has no {section_en} part (no heading or opening "
                             "sentence mentions {keywords})"))}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        items = []
        for article in ctx.document.articles:
            doctype = doctype_of(article, self.settings["doctypes"])
            if doctype is not None and doctype.sections and article.title is not None and is_complete(article):
                items.append((article, doctype))
        present = present_sections([(article, doctype.sections) for article, doctype in items])
        for (article, doctype), found in zip(items, present):
            for spec in doctype.sections:
                if spec.id in found:
                    continue
                words = "、".join((spec.heading or spec.paragraph)[:4])
                title = article.title.span  # type: ignore[union-attr]
                yield ctx.report(title.start, title.end, doctype=doctype.name[0], doctype_en=doctype.name[1],
                                 section=spec.name[0], section_en=spec.name[1], keywords=words)


RULES = [MissingSection]
