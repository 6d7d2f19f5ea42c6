"""One regex for a set of literal words, factored by prefix (a trie), for a cheap "is any there" test.

A flat alternation of hundreds of words tries each at every candidate place; factored by prefix,
the regex engine follows one branch per character. Built once per word set.
"""

from __future__ import annotations

import re
from functools import cache

from reportlint.text import recache


@cache
def literal_union(words: frozenset[str]) -> re.Pattern[str]:
    """A pattern matching any of ``words`` (none: a pattern that never matches)."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return recache.compile(_emit(tree) if words else r"(?!)")


def _emit(node: dict[str, dict]) -> str:
    branches = [re.escape(char) + _emit(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    ends_here = "" in node
    body = branches[0] if len(branches) == 1 and not ends_here else "(?:" + "|".join(branches) + ")"
    return body + ("?" if ends_here else "")
