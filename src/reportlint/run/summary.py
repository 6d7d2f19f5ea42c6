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
    """The 文种 of the first article with a title, or ""."""
    if source is None:
        return ""
    from reportlint.parse import parse_document
    from reportlint.rules.sections import doctype_of

    for article in parse_document(source).articles:
        found = doctype_of(article)
        if found is not None:
            return str(found.name[0])
    return ""


def rows(results: Iterable[Any], rules: Iterable[Any]) -> tuple[list[str], list[dict[str, Any]]]:
    """The header and one row per result (see the module docstring)."""
    families_of = {rule.code: family_of(rule) for rule in rules}
    families = sorted(set(families_of.values()))
    header = ["path", "doctype", "characters", "error", "findings",
              *(f"findings_{f}" for f in families), "max_severity"]
    table = []
    for result in results:
        row: dict[str, Any] = {"path": result.path, "doctype": doctype(result.source),
                               "characters": len(result.source.text) if result.source is not None else 0,
                               "error": result.error or "", "findings": len(result.diagnostics)}
        for f in families:
            row[f"findings_{f}"] = 0
        for d in result.diagnostics:
            key = f"findings_{families_of.get(d.code, 'other')}"
            row[key] = row.get(key, 0) + 1
        worst = max((d.severity for d in result.diagnostics), default=None)
        row["max_severity"] = worst.label if worst is not None else ""
        table.append(row)
    return header, table


def write(path: str, results: Iterable[Any], rules: Iterable[Any]) -> None:
    """Write the summary to ``path``: Parquet for ``.parquet`` (needs pyarrow), CSV otherwise."""
    header, table = rows(results, rules)
    if path.lower().endswith(".parquet"):
        import pyarrow as pa  # optional: ImportError is reported by the CLI
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pylist(table), path)
        return
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(table)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(out.getvalue())
