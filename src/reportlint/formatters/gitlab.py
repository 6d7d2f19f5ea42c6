"""GitLab Code Quality report (a subset of the Code Climate spec) for merge-request widgets."""

from __future__ import annotations

from typing import Any

from reportlint.diagnostics import Severity
from reportlint.formatters.common import JsonArray, Located, Options, Writer, fingerprints, located_in, renderer
from reportlint.outcome import Totals

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


class GitLab(Writer):
    parts = True

    def __init__(self, out: Any, options: Options) -> None:
        super().__init__(out, options)
        self.array = JsonArray(out)

    def part(self, result: Any) -> str:
        items = list(located_in(result))
        return ",\n".join(self.array.text(issue(item, fp)) for item, fp in zip(items, fingerprints(items)))

    def write_part(self, text: str | bytes) -> None:
        self.array.add_text(text)

    def finish(self, totals: Totals) -> None:
        self.array.close()
        self.out.write("\n")


render = renderer(GitLab)
