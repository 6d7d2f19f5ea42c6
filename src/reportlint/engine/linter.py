"""Run the enabled rules over one parsed source and stamp what they find."""

from __future__ import annotations

from typing import Any

from reportlint.config.settings import Config
from reportlint.diagnostics import Diagnostic
from reportlint.engine import suppress
from reportlint.load.source import Source
from reportlint.messages import Message, warning
from reportlint.model import Document
from reportlint.parse import parse_document
from reportlint.rules.base import Rule, RuleContext


class Linter:
    """Holds the installed rule classes; builds rule instances per configuration."""

    def __init__(self, rules: list[type[Rule]]) -> None:
        self.rules = {rule.code: rule for rule in rules}
        self._instances: dict[tuple[str, str], Rule] = {}
        self.crashes: list[str] = []

    def _instance(self, code: str, options: dict[str, Any]) -> Rule:
        key = (code, repr(sorted(options.items())))
        rule = self._instances.get(key)
        if rule is None:
            rule = self._instances[key] = self.rules[code](options)
        return rule

    def lint(self, source: Source, config: Config,
             document: Document | None = None) -> tuple[Document, list[Diagnostic]]:
        document = document or parse_document(source)
        cache: dict[str, Any] = {"config": config}
        found: list[Diagnostic] = []
        for code, settings in config.rules.items():
            rule = self._instance(code, settings.options)
            ctx = RuleContext(source, document, rule.settings, cache)
            try:
                for finding in rule.check(ctx):
                    found.append(Diagnostic(
                        code=rule.code, name=rule.name, severity=settings.severity,
                        message=rule.render(finding.message_key, finding.args, config.lang),
                        start=finding.start, end=finding.end, fix=finding.fix,
                    ))
            except Exception as exc:  # noqa: BLE001 - one broken rule must not hide the others
                crash = Message("rule_crashed", code=rule.code, error=f"{exc.__class__.__name__}: {exc}")
                self.crashes.append(f"{source.path}: {crash}")
                warning(f"{source.path}: {crash.text(config.lang)}")
        found.sort(key=Diagnostic.sort_key)
        return document, suppress.apply(source, config, found, self.rules)
