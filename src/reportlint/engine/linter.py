"""Run the enabled rules over one parsed source and stamp what they find.

A rule that raises, or yields a finding or fix whose offsets do not fit the text, has
*crashed*: its findings for that file are dropped, the crash is recorded in ``crashes``
(``path: rule CODE crashed: Exception: reason``), and the run reports it as an error of that
file and exits 2 (one mechanism for built-in rules and plugins, as sqlfluff does). A bad fix
is never applied: the fix loop writes nothing for a file where a rule crashed.
"""

from __future__ import annotations

from array import array
from itertools import pairwise
from operator import attrgetter
from typing import Any

from reportlint.config.settings import Config
from reportlint.diagnostics import Applicability, Diagnostic, Edit, Finding, Fix, Severity
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


class _Found:
    """A document's findings while its rules run, kept compact until they are all in: the offsets
    in one array, the message and the fix's title and content shared (a document repeats a few
    hundred messages), the rule by its index. ~60 bytes a finding, not the ~400 of a Diagnostic
    with its own message, Fix and Edit (12,000 findings of a dense 1 MB report took ~4 MB);
    :meth:`diagnostics` builds the same Diagnostics, in the same order, once the rules are done."""

    def __init__(self, length: int) -> None:
        self.rules: list[tuple[str, str, Severity]] = []  # code, name, severity by index
        # per finding: rule index, start, end, edit start, edit end; 4 bytes each while they fit
        self.offsets = array("i" if length < 2**31 else "q")
        self.refs: list[Any] = []  # per finding: the message, then the fix (see add)
        self.kept: dict[Any, Any] = {}  # one copy of each message and (title, content, applicability)

    def rule(self, code: str, name: str, severity: Severity) -> int:
        self.rules.append((code, name, severity))
        return len(self.rules) - 1

    def mark(self) -> tuple[int, int]:
        return len(self.offsets), len(self.refs)

    def drop(self, mark: tuple[int, int]) -> None:
        """Forget what a rule that crashed had found."""
        del self.offsets[mark[0]:]
        del self.refs[mark[1]:]

    def add(self, kind: int, finding: Finding, message: str) -> None:
        kept, fix = self.kept, finding.fix
        start, end, edit_start, edit_end = finding.start, finding.end, -1, -1
        if fix is None and type(start) is int and type(end) is int:  # the common case, first
            self.offsets.extend((kind, start, end, -1, -1))
            self.refs += (kept.setdefault(message, message), None)
            return
        ref: Any = fix  # None, a Fix, its (title, content, applicability) or the finding itself
        if type(start) is not int or type(end) is not int:  # odd, but valid: kept as it is
            ref, kind, start, end = finding, -1 - kind, 0, 0
        elif type(fix) is Fix and len(fix.edits) == 1 and type(fix.edits[0]) is Edit and type(fix.title) is str:
            edit = fix.edits[0]
            if type(edit.start) is int and type(edit.end) is int:
                key = (fix.title, edit.content, fix.applicability)
                edit_start, edit_end, ref = edit.start, edit.end, kept.setdefault(key, key)
        self.offsets.extend((kind, start, end, edit_start, edit_end))
        self.refs.append(kept.setdefault(message, message))
        self.refs.append(ref)

    def diagnostics(self) -> list[Diagnostic]:
        """The Diagnostics in the order found; the compact store is emptied from its end as they
        are built, so the two never hold all findings at once (the peak of a dense document)."""
        out: list[Diagnostic] = []
        offsets, refs = self.offsets, self.refs
        while refs:
            count = min(4096, len(refs) // 2)
            part = self._build(offsets[-5 * count:], refs[-2 * count:])
            del offsets[-5 * count:], refs[-2 * count:]
            part.reverse()
            out += part
        out.reverse()
        return out

    def _build(self, offsets: array, refs: list[Any]) -> list[Diagnostic]:
        out: list[Diagnostic] = []
        rules, numbers, items = self.rules, iter(offsets), iter(refs)
        for (kind, start, end, edit_start, edit_end), (message, fix) in zip(
                zip(numbers, numbers, numbers, numbers, numbers), zip(items, items)):
            if kind < 0:  # a finding kept as it was yielded
                kind, start, end, fix = -1 - kind, fix.start, fix.end, fix.fix
            elif edit_start >= 0:
                fix = _one_edit_fix(fix, edit_start, edit_end)
            code, name, severity = rules[kind]
            out.append(Diagnostic(code, name, severity, message, start, end, fix))
        return out


_set = object.__setattr__


def _sort(diagnostics: list[Diagnostic]) -> None:
    """In ``Diagnostic.sort_key`` order, by three stable sorts on the fields themselves: a key
    tuple per finding would add ~100 bytes each at the run's peak (100,000 findings: ~10 MB).
    One rule's findings usually come in order already: then not even a key list is built."""
    if all(a.sort_key() <= b.sort_key() for a, b in pairwise(diagnostics)):
        return
    for field in ("code", "end", "start"):
        diagnostics.sort(key=attrgetter(field))


def _one_edit_fix(parts: tuple[str, str, Applicability], start: int, end: int) -> Fix:
    """``Fix(title, (Edit(start, end, content),), applicability)``, set the way the frozen
    dataclasses' own ``__init__`` sets them, without ``Fix.__post_init__``'s sort and overlap
    check, which one edit does not need (half the cost of a finding on a text of 200,000 marks)."""
    title, content, applicability = parts
    edit = Edit.__new__(Edit)
    _set(edit, "start", start)
    _set(edit, "end", end)
    _set(edit, "content", content)
    fix = Fix.__new__(Fix)
    _set(fix, "title", title)
    _set(fix, "edits", (edit,))
    _set(fix, "applicability", applicability)
    return fix


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
        length = len(source.text)
        found = _Found(length)
        for index, (code, settings) in enumerate(config.rules.items()):
            cache.module = modules[index]
            mark = found.mark()
            try:
                rule = self._instance(code, settings.options)
                ctx = RuleContext(source, document, rule.settings, cache)
                kind = found.rule(rule.code, rule.name, settings.severity)
                for finding in rule.check(ctx):
                    check_finding(finding, length)
                    found.add(kind, finding, rule.render(finding.message_key, finding.args, config.lang))
            except Exception as exc:  # noqa: BLE001 - one broken rule must not hide the others
                found.drop(mark)
                reason = f"{exc.__class__.__name__}: {exc}"
                self.crashes.append((source.path, Message("rule_crashed", code=code, error=reason[:300])))
            finally:
                cache.done(index)
        diagnostics = found.diagnostics()
        del found
        _sort(diagnostics)
        recache.save()  # the patterns this document compiled, for the next process
        return document, suppress.apply(source, config, diagnostics, self.rules)
