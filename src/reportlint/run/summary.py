"""The archive summary (``--summary-file``): one row per checked file, as CSV or Parquet.

Columns: ``path``, ``doctype`` (文种 named by the title, per rulesets/data/doctypes.yaml; empty
when none matches), ``characters``, ``error`` (why the file could not be read, else empty),
``findings``, one ``findings_<family>`` column per rule family (the rule's module:
``headings``, ``years`` …; plugin rules count under their module's last name) and
``max_severity`` (the highest severity found, empty when none). Rows are in input order.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any


def family_of(rule: Any) -> str:
    return str(getattr(rule, "__module__", "") or "other").rsplit(".", 1)[-1]


def doctype(source: Any) -> str:
    """The 文种 the model decided for the first article that has one, or "": for results whose
    document was not parsed in this run (a cache hit, fix mode)."""
    if source is None:
        return ""
    from reportlint.parse import parse_document

    for article in parse_document(source).articles:
        if article.doctype is not None:
            return article.doctype.name
    return ""


class Table:
    """The rows of a run, one per file as it comes: a few numbers and the 文种 per file, not its results."""

    def __init__(self, rules: Iterable[Any]) -> None:
        self.families_of = {rule.code: family_of(rule) for rule in rules}
        self.families = sorted(set(self.families_of.values()))
        self.header = ["path", "doctype", "characters", "error", "findings",
                       *(f"findings_{f}" for f in self.families), "max_severity"]
        self.rows: list[dict[str, Any]] = []

    def add(self, result: Any) -> None:
        known = getattr(result, "doctype", None)  # set where the file was parsed (a worker)
        row: dict[str, Any] = {"path": result.path, "doctype": doctype(result.source) if known is None else known,
                               "characters": len(result.source.text) if result.source is not None else 0,
                               "error": result.error or "", "findings": len(result.diagnostics)}
        for f in self.families:
            row[f"findings_{f}"] = 0
        for d in result.diagnostics:
            key = f"findings_{self.families_of.get(d.code, 'other')}"
            row[key] = row.get(key, 0) + 1
        worst = max((d.severity for d in result.diagnostics), default=None)
        row["max_severity"] = worst.label if worst is not None else ""
        self.rows.append(row)

    def write(self, path: str) -> None:
        """Write the summary to ``path``: Parquet for ``.parquet`` (needs pyarrow), CSV otherwise."""
        if path.lower().endswith(".parquet"):
            import pyarrow as pa  # optional: ImportError is reported by the CLI
            import pyarrow.parquet as pq

            pq.write_table(pa.Table.from_pylist(self.rows), path)
            return
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=self.header, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(self.rows)
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(out.getvalue())


def rows(results: Iterable[Any], rules: Iterable[Any]) -> tuple[list[str], list[dict[str, Any]]]:
    """The header and one row per result (see the module docstring)."""
    table = Table(rules)
    for result in results:
        table.add(result)
    return table.header, table.rows


def write(path: str, results: Iterable[Any], rules: Iterable[Any]) -> None:
    """Write the summary of ``results`` to ``path`` (see ``Table.write``)."""
    table = Table(rules)
    for result in results:
        table.add(result)
    table.write(path)
