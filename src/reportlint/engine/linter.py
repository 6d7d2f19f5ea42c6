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


class _Shared(dict[str, Any]):
    """The per-document cache of ``RuleContext.shared``, which notes the modules that read each
    entry, so that an entry can be dropped once no rule of those modules is left to run (the
    heading outline, the dates, the paired marks: ~3 MB per MB of a dense document, which would
    otherwise stay until the last rule). Rules of one family live in one module; a module that
    reads an entry after it was dropped computes it again, so dropping changes no finding."""

    def __init__(self, last_of: dict[str, int]) -> None:
        super().__init__()
        self.last_of = last_of  # module -> index of its last rule in this run's order
        self.module = ""  # the module of the rule running now
        self.until: dict[str, int] = {}  # key -> index of the last rule that may read it

    def _note(self, key: object) -> None:
        if isinstance(key, str):
            last = self.last_of.get(self.module, 0)
            if self.until.get(key, -1) < last:
                self.until[key] = last

    def __contains__(self, key: object) -> bool:
        self._note(key)
        return super().__contains__(key)

    def __getitem__(self, key: str) -> Any:
        self._note(key)
        return super().__getitem__(key)

    def get(self, key: str, default: Any = None) -> Any:
        self._note(key)
        return super().get(key, default)

    def done(self, index: int) -> None:
        """Rule ``index`` has run: drop what no later rule reads."""
        for key in [k for k, last in self.until.items() if last <= index]:
            del self.until[key]
            self.pop(key, None)


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
        modules = [self.rules[code].__module__ if code in self.rules else "" for code in config.rules]
        cache = _Shared({module: index for index, module in enumerate(modules)})
        found: list[Diagnostic] = []
        length = len(source.text)
        # one copy of each message: a document's findings repeat a few hundred texts (12,000
        # findings of a 1 MB report hold 400 distinct messages, ~1.5 MB as separate strings)
        messages: dict[str, str] = {}
        for index, (code, settings) in enumerate(config.rules.items()):
            mine: list[Diagnostic] = []
            cache.module = modules[index]
            try:
                rule = self._instance(code, settings.options)
                ctx = RuleContext(source, document, rule.settings, cache)
                for finding in rule.check(ctx):
                    check_finding(finding, length)
                    message = rule.render(finding.message_key, finding.args, config.lang)
                    mine.append(Diagnostic(
                        code=rule.code, name=rule.name, severity=settings.severity,
                        message=messages.setdefault(message, message),
                        start=finding.start, end=finding.end, fix=finding.fix,
                    ))
            except Exception as exc:  # noqa: BLE001 - one broken rule must not hide the others
                reason = f"{exc.__class__.__name__}: {exc}"
                self.crashes.append((source.path, Message("rule_crashed", code=code, error=reason[:300])))
                continue
            finally:
                cache.done(index)
            found.extend(mine)
        found.sort(key=Diagnostic.sort_key)
        return document, suppress.apply(source, config, found, self.rules)
