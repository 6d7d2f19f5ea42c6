"""Rule documentation in Chinese (default) or English (``--lang en``).

English is each rule's docstring; Chinese lives in ``rulesets/docs/zh/CODE.md`` (or a plugin
rule's ``doc_zh`` attribute), with the same sections and the same examples, byte for byte.
A rule without Chinese documentation falls back to its English text. ``full()`` adds the
依据条款 / Standard section from the rule's ``standard`` attribute.
"""

from __future__ import annotations

import functools
import re
from typing import Any

# English docstring heading → Chinese heading, in the order they appear
HEADINGS = {"What it does": "作用", "Why is this bad?": "原因", "Example": "示例",
            "Use instead": "改为", "Fix safety": "修复安全性"}
STANDARD = {"zh": "依据条款", "en": "Standard"}
_FENCE = re.compile(r"```.*?```", re.S)


@functools.cache
def _zh_file(code: str) -> str | None:
    from reportlint.config.resources import data_dir

    path = data_dir("rulesets") / "docs" / "zh" / f"{code}.md"
    try:
        return path.read_text(encoding="utf-8").strip()
    except (FileNotFoundError, NotADirectoryError):
        return None


def chinese(rule: Any) -> str | None:
    """The rule's Chinese documentation, or None when it has none."""
    own = getattr(rule, "doc_zh", None)
    if own:
        import inspect

        return inspect.cleandoc(own)
    return _zh_file(rule.code)


def doc(rule: Any, lang: str) -> str:
    if lang != "en":
        text = chinese(rule)
        if text:
            return text
    return rule.doc()


def summary(rule: Any, lang: str) -> str:
    text = doc(rule, lang)
    return text.splitlines()[0] if text else ""


def full(rule: Any, lang: str) -> str:
    """The documentation with the standard clause as its own section, before 修复安全性."""
    text = doc(rule, lang)
    if not rule.standard:
        return text
    zh = lang != "en" and chinese(rule) is not None
    section = f"## {STANDARD['zh' if zh else 'en']}\n{rule.standard}\n\n"
    marker = "## 修复安全性" if zh else "## Fix safety"
    at = text.find(f"\n{marker}")
    if at < 0:
        return f"{text}\n\n{section.rstrip()}"
    return f"{text[:at + 1]}{section}{text[at + 1:]}"


def headings(text: str) -> list[str]:
    return [line[3:].strip() for line in text.splitlines() if line.startswith("## ")]


def examples(text: str) -> list[str]:
    return _FENCE.findall(text)
