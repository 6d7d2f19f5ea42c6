"""Apply fixes as text edits: sorted, non-overlapping, right to left, re-linted to a fixed point."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from reportlint.diagnostics import Applicability, Diagnostic, Fix
from reportlint.load.source import Source
from reportlint.messages import Message
from reportlint.model import Document

# ruff gives up after 100 passes; report rules converge in one or two, so a cycle shows up early
MAX_PASSES = 20

LintFn = Callable[[Source], tuple[Document, list[Diagnostic]]]
ApplyFn = Callable[[Source, Sequence[Fix]], Source]
T = TypeVar("T")


def applicable(fix: Fix | None, unsafe: bool, source: Source | None = None) -> bool:
    """The one test of whether a fix may be applied, by ``--fix`` and in every report's ``[*]``
    marks and fixable counts: it has edits, it is not display-only, it is safe or ``unsafe``
    fixes are allowed, and (given the ``source``) the file's format can take it (see ``writable``)."""
    if fix is None or not fix.edits or fix.applicability is Applicability.DISPLAY:
        return False
    if not (unsafe or fix.applicability is Applicability.SAFE):
        return False
    return source is None or writable(fix, source)


def writable(fix: Fix, source: Source) -> bool:
    """Whether ``--fix`` can write the fix into this file: in Word, only edits inside one run."""
    if source.format != "docx":
        return True
    from reportlint.load.docx import fits_runs

    return fits_runs(source, fix)


def _choose(items: Iterable[T], fix_of: Callable[[T], Fix],
            rule_of: Callable[[T], str] | None = None) -> list[T]:
    """Keep, in text order, each item whose fix does not overlap one already kept.

    Touching ranges are fine; two insertions at the same point are not, since their order
    would be arbitrary. With ``rule_of``, a fix that touches or stands one character from a
    kept fix of another rule waits for the next pass: each is right alone, but together they
    can make a pair a rule objects to (`加强.，，`: the period becomes `。` while one comma goes,
    leaving `。，`); the re-lint sees the first result.
    """
    chosen: list[T] = []
    taken: list[tuple[int, int, str]] = []
    for item in sorted(items, key=lambda i: fix_of(i).span):
        lo, hi = fix_of(item).span
        rule = rule_of(item) if rule_of else ""
        if any(lo < end and start < hi or (lo, hi) == (start, end)
               or (rule != other and lo <= end + 1 and start <= hi + 1) for start, end, other in taken):
            continue
        chosen.append(item)
        taken.append((lo, hi, rule))
    return chosen


def _apply(text: str, fixes: Iterable[Fix]) -> str:
    """Right to left, so that earlier offsets stay valid while later ones are replaced."""
    parts: list[str] = []
    cursor = len(text)
    for edit in sorted((edit for fix in fixes for edit in fix.edits), reverse=True):
        if not 0 <= edit.start <= edit.end <= cursor:  # the engine checked each fix; this is the last guard
            raise ValueError(f"edit {edit.start}..{edit.end} does not fit the text or overlaps another")
        parts.append(text[edit.end:cursor])
        parts.append(edit.content)
        cursor = edit.start
    parts.append(text[:cursor])
    return "".join(reversed(parts))


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, list[Fix]]:
    """Apply fixes whose edits do not overlap an already chosen fix; return text and those applied."""
    chosen = _choose((f for f in fixes if f.edits), lambda f: f)
    return _apply(text, chosen), chosen


def fixes_of(diagnostics: Iterable[Diagnostic], unsafe: bool = False) -> list[Fix]:
    return [d.fix for d in diagnostics if d.fix is not None and applicable(d.fix, unsafe)]


def _changes_text(fix: Fix, text: str) -> bool:
    """A fix whose edits rewrite text with itself would make the loop spin without progress."""
    return any(text[e.start:e.end] != e.content for e in fix.edits)


def with_fixes(source: Source, fixes: Sequence[Fix]) -> Source:
    """The source after the fixes: offsets of ``text`` and ``original`` agree, so the edits go
    into ``original``, which is then read again (markup, suppression comments and hints move)."""
    return source.rescan(_apply(source.original, fixes))


@dataclass
class FixOutcome:
    """One file after the fix loop; ``diagnostics`` are what remains in ``source``."""

    before: Source
    source: Source
    document: Document
    diagnostics: list[Diagnostic]
    applied: Counter[tuple[str, str]] = field(default_factory=Counter)  # (code, name) → count
    passes: int = 0
    converged: bool = True
    stopped: Message | None = None  # why the loop stopped early, if it did
    refused: Message | None = None  # why the file was not (or would not be) rewritten
    pending: int = 0  # fixes that could have been applied but were not written
    stdin: bool = False  # the fixed text goes to stdout instead of a file
    unfixable: int = 0  # fixes the file format cannot take (Word: an edit across runs)
    history: list[list[Diagnostic]] = field(default_factory=list)  # the findings fixed in each pass
    error: bool = False  # ``refused`` is an error of the run (exit 2), not a note: a read-only file

    @property
    def changed(self) -> bool:
        return self.source.original != self.before.original

    @property
    def fixed(self) -> int:
        return sum(self.applied.values())


def fix_until_stable(source: Source, lint: LintFn, unsafe: bool = False,
                     max_passes: int = MAX_PASSES,
                     first: tuple[Document, list[Diagnostic]] | None = None,
                     eligible: Callable[[Source, Fix], bool] | None = None,
                     apply: ApplyFn = with_fixes) -> FixOutcome:
    """Apply every non-overlapping applicable fix, re-lint, and repeat until nothing applies.

    Re-linting after each pass is what makes overlapping fixes safe to defer: the next pass sees
    fresh offsets. A pass that would make the skeleton unparsable is dropped and the loop stops.
    ``eligible`` and ``apply`` let a format narrow which fixes it can write (.docx: one run).
    """
    document, diagnostics = first or lint(source)
    outcome = FixOutcome(source, source, document, diagnostics)
    for _ in range(max_passes):
        chosen = _choose(_ready(outcome, unsafe, eligible), _fix_of, lambda d: d.code)
        if not chosen:
            return outcome
        fixed = apply(outcome.source, [_fix_of(d) for d in chosen])
        new_document, new_diagnostics = lint(fixed)
        if new_document.problems and not outcome.document.problems:
            outcome.stopped = Message("fix_breaks_skeleton")
            return outcome
        outcome.source, outcome.document, outcome.diagnostics = fixed, new_document, new_diagnostics
        outcome.applied.update((d.code, d.name) for d in chosen)
        outcome.history.append(chosen)
        outcome.passes += 1
    outcome.converged = not _ready(outcome, unsafe, eligible)
    return outcome


def _fix_of(diagnostic: Diagnostic) -> Fix:
    assert diagnostic.fix is not None, "only findings with a fix get this far"
    return diagnostic.fix


def _ready(outcome: FixOutcome, unsafe: bool,
           eligible: Callable[[Source, Fix], bool] | None) -> list[Diagnostic]:
    """The findings whose fixes the next pass may apply."""
    source = outcome.source
    return [d for d in outcome.diagnostics
            if d.fix is not None and applicable(d.fix, unsafe) and _changes_text(d.fix, source.text)
            and (eligible is None or eligible(source, d.fix))]
