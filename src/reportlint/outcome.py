"""What a run comes to: its totals, kept per file as results stream past, and its exit code.

Every command's exit code comes from the constants here, and ``exit_code`` is the one place
that decides a check run's (plain, ``--fix``, ``--diff``, ``--fix-only``). ``Totals`` holds only
counts and a few per-rule and per-file lines, never the findings, so a run over any number of
files keeps the summary line, ``--statistics`` and the exit code in constant memory.

Kept free of imports beyond the standard library's ``collections``: ``cli.py`` reads the
constants at start-up, which ``--version`` must not pay for.
"""

from __future__ import annotations

from collections import Counter

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: --version does not import typing
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

EXIT_OK = 0  # nothing to report (or --exit-zero)
EXIT_FINDINGS = 1  # findings remain (--diff: something would be fixed)
EXIT_ERROR = 2  # a usage, config or input error, a rule crash, a file that could not be written
EXIT_INTERRUPTED = 130  # Ctrl-C or SIGTERM, as a shell reports SIGINT


class RuleCount:
    """``--statistics`` row: how often one rule fired and how many of those ``--fix`` could apply."""

    __slots__ = ("code", "name", "count", "fixable")

    def __init__(self, code: str, name: str) -> None:
        self.code, self.name, self.count, self.fixable = code, name, 0, 0


class Tally:
    """One checked file's share of the totals, stored with its rendered report (``run/cache.py``):
    a rendered-cache hit adds these counts instead of counting findings it no longer has.
    ``severities`` holds (Severity, count) pairs, ``rules`` (code, name, count, fixable) rows in
    first-seen order."""

    __slots__ = ("findings", "fixable", "severities", "rules")

    def __init__(self, findings: int, fixable: int, severities: list[tuple[Any, int]],
                 rules: list[tuple[str, str, int, int]]) -> None:
        self.findings, self.fixable, self.severities, self.rules = findings, fixable, severities, rules


class Totals:
    """Per-run aggregates, updated with each file's result as it is reported.

    ``fixable(diagnostic, source)`` says whether ``--fix``/``--unsafe-fixes`` would apply a
    finding's fix (``formatters.common.fixable``); it is passed in so this module stays light.
    """

    def __init__(self, fixable: Callable[[Any, Any], bool] | None = None) -> None:
        self._fixable = fixable or (lambda diag, source: False)
        self.files = 0  # results seen
        self.checked = 0  # files read
        self.unread = 0  # files that could not be read
        self.crashed = 0  # files read on which a rule crashed
        self.errors = 0  # results with an error (unread or crashed)
        self.with_findings = 0
        self.findings = 0
        self.fixable = 0
        self.severities: Counter[Any] = Counter()  # Severity → findings
        self.rules: dict[str, RuleCount] = {}  # code → RuleCount, first-seen order
        # fix mode
        self.fixed = 0  # fixes applied (or, with --diff, that would be)
        self.not_written = False  # fixes that could have been applied but were not written
        self.fix_failed = False  # a file's fix was an error (read-only, stdin that cannot be echoed)
        self.applied: list[tuple[str, list[tuple[tuple[str, str], int]]]] = []  # (path, sorted applied) per fixed file

    def add(self, result: Any) -> None:
        """Count one file's result (after any baseline has filtered it)."""
        self.files += 1
        error = bool(getattr(result, "error", None))
        self.errors += error
        tally = getattr(result, "tally", None)
        if tally is not None:  # a rendered-cache hit: read, its findings counted when it was stored
            self.checked += 1
            self._add_tally(tally)
            return
        if result.source is None:
            self.unread += error
        else:
            self.checked += 1
            self.crashed += error
        diagnostics = result.diagnostics
        if diagnostics:
            self.with_findings += 1
            self.findings += len(diagnostics)
        for diag in diagnostics:
            self.severities[diag.severity] += 1
            row = self.rules.get(diag.code)
            if row is None:
                row = self.rules[diag.code] = RuleCount(diag.code, diag.name)
            row.count += 1
            if self._fixable(diag, result.source):
                row.fixable += 1
                self.fixable += 1

    def _add_tally(self, tally: Tally) -> None:
        if tally.findings:
            self.with_findings += 1
            self.findings += tally.findings
        self.fixable += tally.fixable
        for severity, n in tally.severities:
            self.severities[severity] += n
        for code, name, count, fixable in tally.rules:
            row = self.rules.get(code)
            if row is None:
                row = self.rules[code] = RuleCount(code, name)
            row.count += count
            row.fixable += fixable

    def tally(self, result: Any) -> Tally:
        """What ``add(result)`` counts of this file's findings, as a ``Tally`` (counted afresh)."""
        one = Totals(self._fixable)
        one.add(result)
        severities = [(severity, n) for severity, n in one.severities.items()]
        rules = [(row.code, row.name, row.count, row.fixable) for row in one.rules.values()]
        return Tally(one.findings, one.fixable, severities, rules)

    def add_fix(self, path: str, fixed: int, not_written: bool, failed: bool,
                applied: list[tuple[tuple[str, str], int]]) -> None:
        """Count what fix mode did to one file (see ``fix.mode.status``)."""
        self.fixed += fixed
        self.not_written = self.not_written or not_written
        self.fix_failed = self.fix_failed or failed
        if fixed:
            self.applied.append((path, applied))


def exit_code(totals: Totals, fix: Any = None, exit_zero: bool = False) -> int:
    """The exit code of a check run, as ruff decides it.

    2 on any error; otherwise, without fix mode, 1 when findings remain. In fix mode (``fix``
    is the run's ``FixSettings``) fixed findings do not count: ``--diff`` exits 1 when anything
    would be fixed or cannot be written, ``--fix-only`` when something could not be written,
    ``--exit-non-zero-on-fix`` when anything was fixed. ``--exit-zero`` turns 1 into 0.
    """
    code = _code(totals, fix)
    return EXIT_OK if exit_zero and code == EXIT_FINDINGS else code


def _code(totals: Totals, fix: Any) -> int:
    if totals.errors or totals.fix_failed:
        return EXIT_ERROR
    if fix is not None:
        if fix.diff:
            return EXIT_FINDINGS if totals.fixed or totals.not_written else EXIT_OK
        if fix.exit_non_zero_on_fix and totals.fixed:
            return EXIT_FINDINGS
        if fix.fix_only:
            return EXIT_FINDINGS if totals.not_written else EXIT_OK
    return EXIT_FINDINGS if totals.findings else EXIT_OK
