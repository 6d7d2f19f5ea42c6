"""Apply fixes as text edits: sorted, non-overlapping, right to left."""

from __future__ import annotations

from collections.abc import Iterable

from reportlint.diagnostics import Applicability, Diagnostic, Fix


def applicable(fix: Fix | None, unsafe: bool) -> bool:
    if fix is None or fix.applicability is Applicability.DISPLAY:
        return False
    return unsafe or fix.applicability is Applicability.SAFE


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, list[Fix]]:
    """Apply fixes whose edits do not overlap an already chosen fix; return text and those applied."""
    chosen: list[Fix] = []
    taken: list[tuple[int, int]] = []
    for fix in sorted(fixes, key=lambda f: f.span):
        if any(fix.span[0] < end and start < fix.span[1] or fix.span == (start, end) for start, end in taken):
            continue
        chosen.append(fix)
        taken.append(fix.span)
    edits = sorted((edit for fix in chosen for edit in fix.edits), reverse=True)
    for edit in edits:
        text = text[:edit.start] + edit.content + text[edit.end:]
    return text, chosen


def fixes_of(diagnostics: Iterable[Diagnostic], unsafe: bool = False) -> list[Fix]:
    return [d.fix for d in diagnostics if d.fix is not None and applicable(d.fix, unsafe)]
