"""Fix mode of ``reportlint check``: fix each file, write or diff it, report and choose the exit code."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TextIO

from reportlint.fix.apply import MAX_PASSES, FixOutcome, LintFn, applicable, fix_until_stable
from reportlint.fix.writer import WriteRefused, encode, read_only, unwritable, write_back
from reportlint.load.source import Source
from reportlint.messages import Message, error, say, warning


@dataclass(frozen=True)
class FixSettings:
    """The fix flags of one run (``--fix``, ``--unsafe-fixes``, ``--diff`` …)."""

    unsafe: bool = False
    diff: bool = False
    fix_only: bool = False
    show_fixes: bool = False
    exit_non_zero_on_fix: bool = False
    max_passes: int = MAX_PASSES
    track_changes: bool = False  # .docx: fixes become tracked changes (修订), see fix/docx.py
    force: bool = False  # fix read-only files too

    @classmethod
    def from_args(cls, args: Any) -> FixSettings | None:
        """None unless a flag asks for fixing: ``--unsafe-fixes`` alone changes nothing (as in ruff)."""
        if not (args.fix or args.fix_only or args.diff):
            return None
        return cls(unsafe=args.unsafe_fixes, diff=args.diff, fix_only=args.fix_only,
                   show_fixes=args.show_fixes, exit_non_zero_on_fix=args.exit_non_zero_on_fix,
                   track_changes=getattr(args, "track_changes", False),
                   force=bool(getattr(args, "force", False)))


def fix_file(path: str, source: Source, lint: LintFn, settings: FixSettings,
             crashed: Callable[[], bool] | None = None) -> FixOutcome:
    """Fix one file to a fixed point; write it back unless diffing or reading stdin (``-``).

    A file that could lose anything on rewrite is linted as usual and left alone, with the
    reason recorded in ``refused`` (ruff's behaviour: report, do not write).
    """
    outcome = _fix(path, source, lint, settings, crashed or (lambda: False))
    outcome.stdin = path == "-"
    return outcome


def _fix(path: str, source: Source, lint: LintFn, settings: FixSettings,
         crashed: Callable[[], bool]) -> FixOutcome:
    first = lint(source)
    pending = sum(1 for d in first[1] if applicable(d.fix, settings.unsafe))
    if not pending:
        lossy = unwritable(source) if path == "-" and not settings.diff else None
        return FixOutcome(source, source, *first, refused=lossy)
    word = source.format == "docx" and source.layout is not None and path != "-"
    reason = (None if word else unwritable(source)) or \
        (Message("skeleton_unparsed") if first[0].problems else None)
    if reason:
        return FixOutcome(source, source, *first, refused=reason, pending=pending)
    outcome = _loop(source, lint, settings, first, word)
    formats = _formats(outcome, settings) if word and not settings.diff else []
    if not outcome.changed and not formats:
        return outcome
    if crashed():  # a rule failed (or yielded a bad edit) on some pass: write nothing
        return FixOutcome(source, source, *first, refused=Message("rule_crashed_no_write"), pending=outcome.fixed)
    if not settings.diff and path != "-" and not settings.force and read_only(path):
        return FixOutcome(source, source, *first, refused=Message("read_only_file"), pending=outcome.fixed,
                          error=True)
    try:
        if word:
            if not settings.diff:
                from reportlint.fix.docx import write_docx, write_tracked

                if outcome.changed:
                    (write_tracked if settings.track_changes else write_docx)(path, source, outcome.source)
                if formats:
                    _write_formats(path, outcome, formats, lint, settings)
        elif settings.diff or path == "-":
            encode(outcome.source)  # fail now, not after printing a diff that cannot be written
        else:
            write_back(path, source, outcome.source)
    except WriteRefused as exc:
        reason = exc.message
    except OSError as exc:
        reason = Message("cannot_write_file", error=exc.strerror or str(exc))
    else:
        return outcome
    return FixOutcome(source, source, *first, refused=reason, pending=outcome.fixed)


def _loop(source: Source, lint: LintFn, settings: FixSettings,
          first: tuple[Any, Any], word: bool) -> FixOutcome:
    if not word:
        return fix_until_stable(source, lint, settings.unsafe, settings.max_passes, first)
    from reportlint.fix import docx as docxfix

    if settings.track_changes:  # any fix inside one paragraph of word/document.xml
        outcome = fix_until_stable(source, lint, settings.unsafe, settings.max_passes, first,
                                   eligible=docxfix.eligible_tracked, apply=docxfix.apply_tracked)
    else:
        outcome = fix_until_stable(source, lint, settings.unsafe, settings.max_passes, first,
                                   eligible=docxfix.eligible, apply=docxfix.apply_in_runs)
    outcome.unfixable = sum(1 for d in outcome.diagnostics
                            if applicable(d.fix, settings.unsafe) and not getattr(d.fix, "changes", ()))
    return outcome


def _formats(outcome: FixOutcome, settings: FixSettings) -> list[Any]:
    """The findings whose fix is a Word formatting change (layout rules), not a text edit."""
    return [d for d in outcome.diagnostics if getattr(d.fix, "changes", ()) and applicable(d.fix, settings.unsafe)]


def _write_formats(path: str, outcome: FixOutcome, formats: list[Any], lint: LintFn,
                   settings: FixSettings) -> None:
    """Write the formatting changes into the (text-fixed) file, then lint what was written."""
    from reportlint.fix.docx_layout import changes_of, write_formats
    from reportlint.load.docx import read

    data = write_formats(path, outcome.source.text, changes_of(formats), track=settings.track_changes)
    fixed = read(data, path)
    outcome.source = fixed
    outcome.document, outcome.diagnostics = lint(fixed)
    outcome.applied.update((d.code, d.name) for d in formats)
    outcome.history.append(formats)


def unified_diff(outcome: FixOutcome, path: str) -> str:
    """A unified diff in the file's own newline style, so ``patch`` applies it to the file."""
    import difflib  # only --diff pays for it

    newline = outcome.before.newline or "\n"
    before = _lines(outcome.before.original, newline)
    after = _lines(outcome.source.original, newline)
    out = []
    for line in difflib.unified_diff(before, after, fromfile=path, tofile=path):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _lines(text: str, newline: str) -> list[str]:
    """Split at ``\\n`` only (``str.splitlines`` would also split at U+2028, form feeds …)."""
    parts = text.split("\n")
    return [part + newline for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def emit(results: list[Any], settings: FixSettings, lang: str,
         out: TextIO | None = None, err: TextIO | None = None) -> TextIO | None:
    """Print what fix mode adds (diffs, fixed stdin text, notes); return where findings go.

    None means findings are not reported (``--diff``, ``--fix-only``). When stdout carries the
    fixed text of stdin, findings go to stderr; fix notes always do, so machine formats on
    stdout stay parsable.
    """
    out, err = out or sys.stdout, err or sys.stderr
    fixed = [r for r in results if r.fix is not None]
    for r in fixed:
        _warn(r.path, r.fix, settings, lang, err)
    stdin = [r for r in fixed if r.fix.stdin]
    if settings.diff:
        for r in fixed:
            if r.fix.changed:
                out.write(unified_diff(r.fix, r.path))
    else:
        for r in stdin:
            if not _cannot_echo(r.fix, settings):
                out.flush()
                out.buffer.write(encode(r.fix.source))
    _report_fixed(fixed, settings, lang, err)
    if settings.diff or settings.fix_only:
        return None
    return err if stdin else out


def _cannot_echo(outcome: FixOutcome, settings: FixSettings) -> bool:
    """Stdin whose text cannot be written back to stdout byte for byte: nothing is echoed."""
    return outcome.stdin and not settings.diff and unwritable(outcome.before) is not None


def _warn(path: str, outcome: FixOutcome, settings: FixSettings, lang: str, err: TextIO) -> None:
    def note(key: str, **fields: Any) -> str:
        return f"{path}: {say(key, lang, **fields)}"

    if _cannot_echo(outcome, settings):
        error(note("stdin_refused", reason=outcome.refused), err)
    elif outcome.error:
        error(f"{path}: {outcome.refused.text(lang) if outcome.refused else ''}", err)
    elif outcome.refused and outcome.pending:
        warning(note("not_fixed", n=outcome.pending, reason=outcome.refused), err)
    if outcome.unfixable:
        warning(note("not_in_word", n=outcome.unfixable), err)
    if outcome.stopped:
        warning(note("stopped", reason=outcome.stopped), err)
    if not outcome.converged:
        codes = ", ".join(sorted({d.code for d in outcome.diagnostics if d.fix is not None}))
        warning(note("no_converge", passes=outcome.passes, codes=codes), err)


def _report_fixed(fixed: list[Any], settings: FixSettings, lang: str, err: TextIO) -> None:
    total = sum(r.fix.fixed for r in fixed)
    if not total:
        return
    err.write(say("would_fix" if settings.diff else "fixed", lang, n=total) + "\n")
    if not settings.show_fixes:
        return
    err.write(say("would_listing" if settings.diff else "listing", lang) + "\n")
    for r in fixed:
        if r.fix.fixed:
            err.write(f"- {r.path}:\n")
            applied = sorted(r.fix.applied.items())
            err.writelines(f"    {count:>3} × {code} ({name})\n" for (code, name), count in applied)


def exit_code(results: list[Any], settings: FixSettings) -> int:
    """ruff's rules: 0 when nothing remains (fixed findings do not count), 1 when findings remain,
    2 on errors; ``--diff`` exits 1 when there is anything to fix."""
    fixed = [r for r in results if r.fix is not None]
    if any(r.error for r in results) or any(_cannot_echo(r.fix, settings) or r.fix.error for r in fixed):
        return 2
    total = sum(r.fix.fixed for r in fixed)
    not_written = any((r.fix.refused and r.fix.pending) or r.fix.unfixable for r in fixed)
    if settings.diff:
        return 1 if total or not_written else 0
    if settings.exit_non_zero_on_fix and total:
        return 1
    if settings.fix_only:
        return 1 if not_written else 0
    return 1 if any(r.diagnostics for r in results) else 0
