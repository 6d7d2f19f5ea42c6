"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request."""

from __future__ import annotations

from typing import Any

from reportlint.diagnostics import Severity
from reportlint.formatters.common import Options, Writer, located_in, renderer
from reportlint.messages import printable
from reportlint.outcome import Totals

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


class GitHub(Writer):
    """Annotations per file as it comes; unreadable files are reported last, as errors."""

    def __init__(self, out: Any, options: Options) -> None:
        super().__init__(out, options)
        self.errors: list[tuple[str, str]] = []

    parts = True

    def file(self, result: Any) -> None:
        self.write_part(self.part(result))
        if result.error:
            self.errors.append((result.path, result.error))

    def part(self, result: Any) -> str:
        lines = []
        for item in located_in(result):
            d = item.diagnostic
            lines.append(command(COMMAND[d.severity], {
                "file": item.path, "line": item.line, "col": item.column,
                "endLine": item.end_line, "endColumn": item.end_column, "title": d.code,
            }, f"{d.message} ({d.name})") + "\n")
        return "".join(lines)

    def finish(self, totals: Totals) -> None:
        for path, reason in self.errors:
            self.out.write(command("error", {"file": path, "title": "reportlint"}, reason) + "\n")


render = renderer(GitHub)
