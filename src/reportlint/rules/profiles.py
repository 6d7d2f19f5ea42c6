"""文种 profiles (rulesets/data/doctypes.yaml): what each document type needs, for the SC, SG, AD,
AT and IM rules. Not a rule family: the families that judge a document by its 文种 read it here.

An article's 文种 comes from the document model (``Article.doctype``); a user's profiles file (the
``doctypes`` option) may add 文种 of its own, matched on the title and tried first, or extend a
bundled profile by repeating its ``id`` with the keys to change.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from reportlint.config.datafiles import read_mapping
from reportlint.config.resources import data_dir
from reportlint.model import Article, Line
from reportlint.rules.base import Option
from reportlint.text.lazyre import lazy
from reportlint.text.userre import compile_user

# the option every profile-reading rule takes
DOCTYPES_OPTION = Option("", str,
                         "a YAML file of extra or changed 文种 profiles (laid out like rulesets/data/doctypes.yaml)")


@dataclass(frozen=True)
class SectionSpec:
    id: str
    name: tuple[str, str]  # (zh, en)
    heading: tuple[str, ...]
    paragraph: tuple[str, ...]
    anywhere: bool  # look at whole paragraphs, not only their first sentence
    pattern: re.Pattern[str] | None = None  # present when it matches any body line
    fields: tuple[str, ...] = ()  # 纪要 header fields (时间, 地点 …) that stand for the part
    advisory: bool = False  # only noted (SC004, info), not warned about (SC001)


@dataclass(frozen=True)
class DocType:
    """A 文种 profile. ``addressee``: "one" (exactly one 主送机关), "required", or "" (not judged)."""

    id: str
    name: tuple[str, str]
    title: re.Pattern[str]
    sections: tuple[SectionSpec, ...]
    signature: bool
    addressee: str = ""
    forbid: tuple[SectionSpec, ...] = ()  # parts that must not be there (a request inside a 报告)
    source: str = ""  # the clause the profile rests on, named in messages


def _compiled(pattern: str, where: str, bundled: bool) -> Any:
    """A user's pattern checked and compiled now (a broken one fails as its file is read); the
    bundled file's compiled on first use (tests/config/test_user_patterns.py checks them)."""
    return lazy(pattern) if bundled else compile_user(pattern, where=where)


def _spec(key: str, value: dict[str, Any], bundled: bool = False) -> SectionSpec:
    pattern = value.get("pattern")
    return SectionSpec(key, tuple(value["name"]), tuple(value.get("heading") or ()),
                       tuple(value.get("paragraph") or ()), bool(value.get("anywhere")),
                       _compiled(pattern, "", bundled) if pattern else None, tuple(value.get("fields") or ()),
                       bool(value.get("advisory")))


def _entries(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [dict(entry) for entry in data.get("doctypes") or ()]


def _build(entries: list[dict[str, Any]], specs: dict[str, SectionSpec], bundled: bool = False) -> list[DocType]:
    return [
        DocType(entry["id"], tuple(entry["name"]), _compiled(entry["title"], "doctypes: title", bundled),
                tuple(specs[s] for s in entry.get("sections") or ()), bool(entry.get("signature")),
                str(entry.get("addressee") or ""), tuple(specs[s] for s in entry.get("forbid") or ()),
                str(entry.get("source") or ""))
        for entry in entries
    ]


def load_doctypes(path: str | Path) -> list[DocType]:
    """Parse a doctypes file (see rulesets/data/doctypes.yaml for the layout)."""
    data = read_mapping(path)
    specs = {key: _spec(key, value) for key, value in (data.get("sections") or {}).items()}
    return _build(_entries(data), specs)


@cache
def doctypes(extra: str = "") -> tuple[DocType, ...]:
    """The profiles: a user's new 文种 first (they override by title), then the bundled ones with
    the user's changes to them (an entry repeating a bundled ``id`` replaces the keys it gives)."""
    bundled = read_mapping(data_dir("rulesets") / "data" / "doctypes.yaml")
    specs = {key: _spec(key, value, not extra) for key, value in (bundled.get("sections") or {}).items()}
    entries = _entries(bundled)
    new: list[dict[str, Any]] = []
    if extra:
        user = read_mapping(extra)
        specs.update({key: _spec(key, value) for key, value in (user.get("sections") or {}).items()})
        by_id = {entry["id"]: entry for entry in entries}
        for entry in _entries(user):
            if entry.get("id") in by_id:
                by_id[entry["id"]].update(entry)
            else:
                entry.setdefault("name", [entry["id"], entry["id"]])
                new.append(entry)
    return tuple(_build(new, specs) + _build(entries, specs, not extra))


def doctype_of(article: Article, extra: str = "") -> DocType | None:
    """The article's 文种 profile: a user's 文种 whose title pattern matches, else the model's 文种."""
    profiles = doctypes(extra)
    title = article.title_text.strip()
    if extra and title:
        bundled_ids = {d.id for d in doctypes("")}
        for doctype in profiles:
            if doctype.id not in bundled_ids and doctype.title.search(title):
                return doctype
    if article.doctype is not None:
        for doctype in profiles:
            if doctype.id == article.doctype.id:
                return doctype
        return None
    if not title:
        return None
    for doctype in profiles:  # a model built without 文种 (plugins' hand-made documents)
        if doctype.title.search(title):
            return doctype
    return None


def is_complete(article: Article, min_chars: int = 200) -> bool:
    """Whether the article is a whole document rather than a fragment: two headings, enough text,
    or the frame of a 公文 (a 落款 with both unit and date, or a 主送机关 and a 落款).

    Profiles judge what a finished document contains; a three-line excerpt is not one.
    """
    if sum(1 for _ in article.headings()) >= 2:
        return True
    body = sum(len(p.text) for p in article.paragraphs()) + sum(len(h.line.text) for h in article.headings())
    if body >= min_chars:
        return True
    sig = article.signature
    framed = article.element("addressee") is not None or (sig is not None and bool(sig.units) and sig.date is not None)
    return framed and sig is not None and body >= 40


def body_lines(article: Article) -> Iterator[Line]:
    """The body's lines in order: headings and paragraphs (never elements)."""
    from reportlint.model import Section

    def walk(children: tuple[Any, ...]) -> Iterator[Line]:
        for child in children:
            if isinstance(child, Section):
                yield child.heading.line
                yield from walk(child.children)
            else:
                yield child.line

    yield from walk(article.children)
