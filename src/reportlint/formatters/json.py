"""A JSON array of findings; the field set is a stable interface (see README).

Streamed: each file's findings are written as soon as the file is checked, and the text is
byte for byte what ``pretty_json`` gives for the whole list.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from reportlint.formatters import statistics
from reportlint.formatters.common import JsonArray, Options, Writer, fix_dict, located, located_in, renderer
from reportlint.outcome import Totals


def item_dicts(result: Any, unit: str = "char") -> Iterator[dict[str, Any]]:
    """One file's findings as the JSON objects of ``--format json``."""
    for item in located_in(result, unit):
        part = item.part("en")
        yield {
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
            **({"part": part} if part else {}),  # Word: header, footnote 2 …
        }


def items(results: list[Any], unit: str = "char") -> list[dict[str, Any]]:
    return [found for result in results for found in item_dicts(result, unit)]


class Json(Writer):
    parts = True

    def __init__(self, out: Any, options: Options) -> None:
        super().__init__(out, options)
        self.array = JsonArray(out)

    def part(self, result: Any) -> str:
        if self.options.statistics:
            return ""
        return ",\n".join(self.array.text(found) for found in item_dicts(result, self.options.column_unit))

    def write_part(self, text: str | bytes) -> None:
        self.array.add_text(text)

    def finish(self, totals: Totals) -> None:
        if self.options.statistics:
            self.out.write(statistics.render_json(totals))
            return
        self.array.close()
        self.out.write("\n")


render = renderer(Json)
__all__ = ["Json", "item_dicts", "items", "located", "render"]
