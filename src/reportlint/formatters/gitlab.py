"""GitLab Code Quality report (a subset of the Code Climate spec) for merge-request widgets."""

from __future__ import annotations

from typing import Any

from reportlint.diagnostics import Severity
from reportlint.formatters.common import Located, Options, fingerprints, located, pretty_json

SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


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
    return pretty_json(report)
