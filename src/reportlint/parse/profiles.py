"""文种 profiles (rulesets/data/doctypes.yaml): what each document type needs, read once.

The document model's 文种 decision (``parse/doctype.py``) and the rules that judge a document by
its 文种 (SC, SG, AD, AT, IM, through ``rules.base.doctype_of``) read the same table. A user's
profiles file (a rule's ``doctypes`` option) may add 文种 of its own, matched on the title and
tried first, or change a bundled profile by repeating its ``id`` with the keys to change (its
``title`` too: the decision is made again on the user's table).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from reportlint.config.datafiles import read_mapping
from reportlint.config.resources import data_dir
from reportlint.model import PartSpec, Profile
from reportlint.text.lazyre import lazy
from reportlint.text.userre import compile_user


def _compiled(pattern: str, where: str, bundled: bool) -> Any:
    """A user's pattern checked and compiled now (a broken one fails as its file is read); the
    bundled file's compiled on first use (tests/config/test_user_patterns.py checks them)."""
    return lazy(pattern) if bundled else compile_user(pattern, where=where)


def _optional(value: dict[str, Any], key: str, bundled: bool) -> Any:
    pattern = value.get(key)
    return _compiled(pattern, "", bundled) if pattern else None


def _spec(key: str, value: dict[str, Any], bundled: bool = False) -> PartSpec:
    return PartSpec(key, tuple(value["name"]), tuple(value.get("heading") or ()),
                    tuple(value.get("paragraph") or ()), bool(value.get("anywhere")),
                    _optional(value, "pattern", bundled), tuple(value.get("fields") or ()),
                    bool(value.get("advisory")), tuple(value.get("unless") or ()), bool(value.get("later-year")),
                    _optional(value, "unless-next", bundled), _optional(value, "many", bundled),
                    int(value.get("many-lines") or 3), _optional(value, "required-when", bundled),
                    int(value.get("opening") or 0) or -int(value.get("closing") or 0))


def _entries(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [dict(entry) for entry in data.get("doctypes") or ()]


def _build(entries: list[dict[str, Any]], specs: dict[str, PartSpec], bundled: bool = False) -> list[Profile]:
    return [
        Profile(entry["id"], tuple(entry["name"]), _compiled(entry["title"], "doctypes: title", bundled),
                tuple(specs[s] for s in entry.get("sections") or ()), bool(entry.get("signature")),
                str(entry.get("addressee") or ""), tuple(specs[s] for s in entry.get("forbid") or ()),
                str(entry.get("source") or ""), bool(entry.get("single-matter")),
                _optional(entry, "addressee-when", bundled), int(entry.get("min-headings") or 0))
        for entry in entries
    ]


def load_doctypes(path: str | Path) -> list[Profile]:
    """Parse a doctypes file (see rulesets/data/doctypes.yaml for the layout)."""
    data = read_mapping(path)
    specs = {key: _spec(key, value) for key, value in (data.get("sections") or {}).items()}
    return _build(_entries(data), specs)


@cache
def doctypes(extra: str = "") -> tuple[Profile, ...]:
    """The profiles in the order the title test tries them: a user's new 文种 first, then the
    bundled ones with the user's changes to them (an entry repeating a bundled ``id`` replaces the
    keys it gives)."""
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


def profile(doctype_id: str, extra: str = "") -> Profile | None:
    """The profile with that id, or None."""
    for candidate in doctypes(extra):
        if candidate.id == doctype_id:
            return candidate
    return None
