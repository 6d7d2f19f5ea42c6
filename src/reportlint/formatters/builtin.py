"""The built-in plugin that registers output formats."""

from __future__ import annotations

from reportlint.formatters import concise, json
from reportlint.plugins.hookspecs import hookimpl


@hookimpl
def reportlint_formatters() -> dict[str, object]:
    return {"concise": concise.render, "json": json.render}
