"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request."""

from __future__ import annotations

from typing import Any

from reportlint.diagnostics import Severity
from reportlint.formatters.common import Options, located
from reportlint.messages import printable

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """The message part, escaped as @actions/core ``escapeData`` does."""
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """Property values also escape ``:`` and ``,``, which would end the value (``escapeProperty``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, properties: dict[str, Any], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{kind} {props}::{escape_data(message)}"


def render(results: list[Any], options: Options) -> str:
    out = []
    for item in located(results):
        d = item.diagnostic
        out.append(command(COMMAND[d.severity], {
            "file": item.path, "line": item.line, "col": item.column,
            "endLine": item.end_line, "endColumn": item.end_column, "title": d.code,
        }, f"{d.message} ({d.name})"))
    out += [command("error", {"file": r.path, "title": "reportlint"}, r.error) for r in results if r.error]
    return "".join(line + "\n" for line in out)
