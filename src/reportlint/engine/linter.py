"""Run the enabled rules over one parsed source and stamp what they find.

A rule that raises, or yields a finding or fix whose offsets do not fit the text, has
*crashed*: its findings for that file are dropped, the crash is recorded in ``crashes``
(``path: rule CODE crashed: Exception: reason``), and the run reports it as an error of that
file and exits 2 (one mechanism for built-in rules and plugins, as sqlfluff does). A bad fix
is never applied: the fix loop writes nothing for a file where a rule crashed.
"""

from __future__ import annotations

from typing import Any

from reportlint.config.settings import Config
from reportlint.diagnostics import Diagnostic, Finding, Fix
from reportlint.engine import suppress
from reportlint.load.source import Source
from reportlint.messages import Message
from reportlint.model import Document
from reportlint.rules.base import Rule, RuleContext
from reportlint.text import recache


class BadFinding(ValueError):
    """A rule yielded offsets that do not fit the text: the rule's error, never a write."""


def check_finding(finding: Finding, length: int) -> None:
    """Raise BadFinding unless the finding and every edit of its fix lie within ``[0, length]``,
    each with start ≤ end, and the fix's edits do not overlap."""
    if not (isinstance(finding.start, int) and isinstance(finding.end, int)
            and 0 <= finding.start <= finding.end <= length):
        raise BadFinding(f"finding span {finding.start}..{finding.end} outside the text (0..{length})")
    if finding.fix is not None:
        check_fix(finding.fix, length)


def check_fix(fix: Fix, length: int) -> None:
    if not isinstance(fix, Fix):
        raise BadFinding(f"fix is a {type(fix).__name__}, not a Fix")
    previous_end = -1
    for edit in sorted(fix.edits, key=lambda e: (e.start, e.end)):
        if not (isinstance(edit.start, int) and isinstance(edit.end, int) and isinstance(edit.content, str)):
            raise BadFinding(f"edit {edit!r} is not (int, int, str)")
        if not 0 <= edit.start <= edit.end <= length:
            raise BadFinding(f"edit {edit.start}..{edit.end} outside the text (0..{length}) or reversed")
        if edit.start < previous_end:
            raise BadFinding(f"overlapping edits in fix {fix.title!r}")
        previous_end = edit.end


class Linter:
    """Holds the installed rule classes; builds rule instances per configuration."""

    def __init__(self, rules: list[type[Rule]]) -> None:
        self.rules = {rule.code: rule for rule in rules}
        self._instances: dict[tuple[str, str], Rule] = {}
        # (path, Message) of every rule crash since the list was last cleared
        self.crashes: list[tuple[str, Message]] = []

    def _instance(self, code: str, options: dict[str, Any]) -> Rule:
        key = (code, repr(sorted(options.items())))
        rule = self._instances.get(key)
        if rule is None:
            rule = self._instances[key] = self.rules[code](options)
        return rule

    def lint(self, source: Source, config: Config,
             document: Document | None = None) -> tuple[Document, list[Diagnostic]]:
        if document is None:
            # imported here: a run whose files all hit the result cache never loads lark
            from reportlint.parse import parse_document

            document = parse_document(source)
        cache: dict[str, Any] = {}
        found: list[Diagnostic] = []
        length = len(source.text)
        for code, settings in config.rules.items():
            mine: list[Diagnostic] = []
            try:
                rule = self._instance(code, settings.options)
                ctx = RuleContext(source, document, rule.settings, cache)
                for finding in rule.check(ctx):
                    check_finding(finding, length)
                    mine.append(Diagnostic(
                        code=rule.code, name=rule.name, severity=settings.severity,
                        message=rule.render(finding.message_key, finding.args, config.lang),
                        start=finding.start, end=finding.end, fix=finding.fix,
                    ))
            except Exception as exc:  # noqa: BLE001 - one broken rule must not hide the others
                reason = f"{exc.__class__.__name__}: {exc}"
                self.crashes.append((source.path, Message("rule_crashed", code=code, error=reason[:300])))
                continue
            found.extend(mine)
        found.sort(key=Diagnostic.sort_key)
        recache.save()  # the patterns this document compiled, for the next process
        return document, suppress.apply(source, config, found, self.rules)
