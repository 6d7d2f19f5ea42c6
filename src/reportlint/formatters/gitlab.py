"""GitLab Code Quality report (a subset of the Code Climate spec) for merge-request widgets."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any

from reportlint.diagnostics import Severity
from reportlint.formatters.common import Located, Options, located

SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}
CONTEXT = 12  # characters either side of the span that identify a finding without its line number


def anchor(item: Located) -> str:
    """The flagged text with a little of its line around it: moves with the text, not the line."""
    text = item.source.text
    start, end = item.diagnostic.start, item.diagnostic.end
    line_start, line_end = item.source.lines.line_span(item.line)
    return text[max(line_start, start - CONTEXT):min(max(line_end, end), end + CONTEXT)]


def fingerprints(items: list[Located]) -> list[str]:
    """Stable across edits elsewhere in the file; identical findings are numbered to stay unique."""
    seen: Counter[tuple[str, ...]] = Counter()
    out = []
    for item in items:
        key = (item.path, item.diagnostic.code, anchor(item))
        seen[key] += 1
        digest = hashlib.sha256("\0".join((*key, str(seen[key]))).encode("utf-8"))
        out.append(digest.hexdigest())
    return out


def issue(item: Located, fingerprint: str) -> dict[str, Any]:
    d = item.diagnostic
    return {
        "type": "issue",
        "check_name": d.code,
        "description": f"{d.code} {d.message}",
        "categories": ["Style"],
        "severity": SEVERITY[d.severity],
        "fingerprint": fingerprint,
        "location": {
            "path": item.path.replace("\\", "/"),
            "positions": {
                "begin": {"line": item.line, "column": item.column},
                "end": {"line": item.end_line, "column": item.end_column},
            },
        },
    }


def render(results: list[Any], options: Options) -> str:
    items = list(located(results))
    report = [issue(item, fp) for item, fp in zip(items, fingerprints(items))]
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
