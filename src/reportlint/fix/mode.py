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


def report_stream(settings: FixSettings, stdin: bool, out: TextIO | None = None,
                  err: TextIO | None = None) -> TextIO | None:
    """Where findings go in fix mode: nowhere with ``--diff`` and ``--fix-only``; to stderr when
    stdout carries the fixed text of stdin; else to stdout. Fix notes always go to stderr, so
    machine formats on stdout stay parsable."""
    if settings.diff or settings.fix_only:
        return None
    return (err or sys.stderr) if stdin else (out or sys.stdout)


def emit_file(result: Any, settings: FixSettings, lang: str,
              out: TextIO | None = None, err: TextIO | None = None) -> None:
    """Print what fix mode adds for one file as soon as it is done: notes (stderr), its diff or
    the fixed text of stdin (stdout)."""
    if result.fix is None:
        return
    out, err = out or sys.stdout, err or sys.stderr
    _warn(result.path, result.fix, settings, lang, err)
    if settings.diff:
        if result.fix.changed:
            out.write(unified_diff(result.fix, result.path))
    elif result.fix.stdin and not _cannot_echo(result.fix, settings):
        out.flush()
        out.buffer.write(encode(result.fix.source))


def status(result: Any, settings: FixSettings) -> tuple[int, bool, bool, list[tuple[tuple[str, str], int]]]:
    """One file's part of the exit code and the closing note: (fixes applied, fixes left
    unwritten, the file's fix was an error, the applied fixes by (code, name))."""
    outcome = result.fix
    if outcome is None:
        return 0, False, False, []
    not_written = bool((outcome.refused and outcome.pending) or outcome.unfixable)
    failed = bool(_cannot_echo(outcome, settings) or outcome.error)
    return outcome.fixed, not_written, failed, sorted(outcome.applied.items())


def emit(results: list[Any], settings: FixSettings, lang: str,
         out: TextIO | None = None, err: TextIO | None = None) -> TextIO | None:
    """All of fix mode's output for a list of results at once (the API, tests); the check run
    streams it with ``emit_file`` and ``report_fixed``. Returns where findings go."""
    from reportlint.outcome import Totals

    totals = Totals()
    for result in results:
        emit_file(result, settings, lang, out, err)
        totals.add_fix(result.path, *status(result, settings))
    report_fixed(totals, settings, lang, err)
    return report_stream(settings, any(r.fix is not None and r.fix.stdin for r in results), out, err)


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


def report_fixed(totals: Any, settings: FixSettings, lang: str, err: TextIO | None = None) -> None:
    """The closing note: how many fixes were applied (would be, with ``--diff``), by file and rule
    with ``--show-fixes``; ``totals`` is the run's ``outcome.Totals``."""
    err = err or sys.stderr
    if not totals.fixed:
        return
    err.write(say("would_fix" if settings.diff else "fixed", lang, n=totals.fixed) + "\n")
    if not settings.show_fixes:
        return
    err.write(say("would_listing" if settings.diff else "listing", lang) + "\n")
    for path, applied in totals.applied:
        err.write(f"- {path}:\n")
        err.writelines(f"    {count:>3} × {code} ({name})\n" for (code, name), count in applied)
