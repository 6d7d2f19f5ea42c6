"""A JSON array of findings; the field set is a stable interface (see README)."""

from __future__ import annotations

from typing import Any

from reportlint.formatters import statistics
from reportlint.formatters.common import Options, fix_dict, located, pretty_json


def items(results: list[Any], unit: str = "char") -> list[dict[str, Any]]:
    return [
        {
            "path": item.path,
            "line": item.line,
            "column": item.column,
            "end_line": item.end_line,
            "end_column": item.end_column,
            "code": item.diagnostic.code,
            "name": item.diagnostic.name,
            "severity": item.diagnostic.severity.label,
            "message": item.diagnostic.message,
            "fix": fix_dict(item.source, item.diagnostic, unit),
            **({"part": item.part("en")} if item.part("en") else {}),  # Word: header, footnote 2 …
        }
        for item in located(results, unit)
    ]


def render(results: list[Any], options: Options) -> str:
    if options.statistics:
        return statistics.render_json(results)
    return pretty_json(items(results, options.column_unit))
