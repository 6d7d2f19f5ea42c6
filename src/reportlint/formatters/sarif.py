"""SARIF 2.1.0 for code-scanning services (GitHub code scanning, Azure DevOps, IDE viewers)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

from reportlint import __version__
from reportlint.diagnostics import Diagnostic, Severity
from reportlint.formatters.common import (
    JsonArray,
    Options,
    Writer,
    copy_spool,
    fingerprints,
    located_in,
    pretty_json,
    renderer,
    spool,
)
from reportlint.load.source import Source
from reportlint.outcome import Totals

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def uri(path: str) -> str:
    """A URI reference: relative paths stay relative (to the repository root in CI), percent-encoded."""
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    return quote(path.replace("\\", "/"), safe="/")


def region(source: Source, start: int, end: int) -> dict[str, int]:
    """Columns count code points and the end is exclusive, as ``columnKind`` declares."""
    line, column = source.lines.position(start)
    end_line, end_column = source.lines.position(end)
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def rule_descriptor(rule: Any, lang: str = "zh") -> dict[str, Any]:
    from reportlint import ruledocs

    doc = ruledocs.full(rule, lang)
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": ruledocs.summary(rule, lang) or rule.name},
        "help": {"text": doc or rule.name, "markdown": doc or rule.name},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {"tags": list(rule.groups)},
    }
    if rule.standard:
        descriptor["properties"]["standard"] = rule.standard
    return descriptor


def fixes(source: Source, diag: Diagnostic, location_uri: str) -> list[dict[str, Any]]:
    if diag.fix is None:
        return []
    return [{
        "description": {"text": diag.fix.title},
        "artifactChanges": [{
            "artifactLocation": {"uri": location_uri},
            "replacements": [
                {"deletedRegion": region(source, e.start, e.end), "insertedContent": {"text": e.content}}
                for e in diag.fix.edits
            ],
        }],
        "properties": {"applicability": diag.fix.applicability.value},
    }]


def sarif_result(item: Any, rule_index: dict[str, int], fingerprint: str) -> dict[str, Any]:
    diag = item.diagnostic
    location_uri = uri(item.path)
    found: dict[str, Any] = {
        "ruleId": diag.code,
        "level": LEVEL[diag.severity],
        "message": {"text": diag.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": location_uri},
            "region": region(item.source, diag.start, diag.end),
        }}],
    }
    if item.part("en"):  # a Word header, footer, footnote … (SARIF: a logical location)
        found["locations"][0]["logicalLocations"] = [{"name": item.part("en"), "kind": "module"}]
    if diag.code in rule_index:
        found["ruleIndex"] = rule_index[diag.code]
    # lets code scanning keep an alert's identity when lines above it are added or removed
    found["partialFingerprints"] = {"reportlintAnchor/v1": fingerprint}
    fix_list = fixes(item.source, diag, location_uri)
    if fix_list:
        found["fixes"] = fix_list
    return found


def notifications(results: list[Any]) -> list[dict[str, Any]]:
    """Files that could not be read are tool errors, not findings."""
    return [{
        "level": "error",
        "message": {"text": f"{r.path}: {r.error}"},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(r.path)}}}],
    } for r in results if r.error]


RESULTS = "@@reportlint-sarif-results@@"  # stands for the results array while the head is written


def document(results: list[Any], options: Options) -> dict[str, Any]:
    """The whole SARIF log as one value (the API, tests); ``--format sarif`` streams it."""
    import json

    return dict(json.loads(render(results, options)))


class Sarif(Writer):
    """The results array is the log's last member but follows the invocation, which says whether
    every file could be read: results are spooled as each file comes and copied out at the end."""

    def __init__(self, out: Any, options: Options) -> None:
        super().__init__(out, options)
        self.rules = sorted(options.rules, key=lambda r: r.code)
        self.rule_index = {rule.code: i for i, rule in enumerate(self.rules)}
        self.errors: list[dict[str, Any]] = []
        self.spool = spool()
        self.array = JsonArray(self.spool, depth=3)

    def file(self, result: Any) -> None:
        self.errors += notifications([result])
        items = list(located_in(result))
        for item, fp in zip(items, fingerprints(items)):
            self.array.add(sarif_result(item, self.rule_index, fp))

    def finish(self, totals: Totals) -> None:
        head = pretty_json({
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {
                    "name": "reportlint",
                    "version": __version__,
                    "semanticVersion": __version__,
                    "rules": [rule_descriptor(rule, self.options.lang) for rule in self.rules],
                }},
                "invocations": [{"executionSuccessful": not self.errors, "toolExecutionNotifications": self.errors}],
                "columnKind": "unicodeCodePoints",
                "results": RESULTS,
            }],
        })
        before, after = head.split(f'"{RESULTS}"')
        self.out.write(before)
        self.array.close()
        copy_spool(self.spool, self.out)
        self.out.write(after)


render = renderer(Sarif)
