"""Check many paths: expand them, find each file's configuration, lint, collect results."""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TextIO

from reportlint.config import settings as cfg
from reportlint.load.paths import DEFAULT_SUFFIXES, Expansion, expand
from reportlint.load.source import display_name
from reportlint.messages import LocalisedError, Message, error, say, warning
from reportlint.outcome import EXIT_ERROR, exit_code
from reportlint.plugins import manager
from reportlint.run.session import CheckOptions, FileResult, Session

__all__ = ["DEFAULT_SUFFIXES", "CheckOptions", "Report", "Session", "check", "expand_paths", "results", "run",
           "run_language"]


def expand_paths(paths: list[str], session: Session | None = None) -> tuple[list[str], list[tuple[str, str]]]:
    """Files to check and (path, reason) for paths that cannot be checked (see paths.py); the
    reasons are in the session's language, in English without a session (programmatic use)."""
    found = _expand(paths, session)
    lang = session.lang if session is not None else "en"
    return found.files, [(path, reason.text(lang)) for path, reason in found.errors]


def _expand(paths: list[str], session: Session | None) -> Expansion:
    if session is None:
        return expand(paths)
    return expand(paths, session.options.exclude, session.config_excludes, session.options.force_exclude)


def run(paths: list[str], options: CheckOptions,
        on_file: Callable[[int, int, str], None] | None = None) -> tuple[Session, list[FileResult]]:
    """Every file's result in a list (the API, ``annotate``, tests); ``reportlint check`` streams
    them with ``results``/``check`` instead. ``on_file(done, total, path)`` is called after each file.

    An error that stops the run (a config or baseline problem) leaves with the run's language in
    ``lang``, so the CLI reports it in the same language as everything else.
    """
    session, found = results(paths, options, on_file)
    return session, list(found)


Results = Generator[FileResult, None, None]


def results(paths: list[str], options: CheckOptions,
            on_file: Callable[[int, int, str], None] | None = None) -> tuple[Session, Results]:
    """The session and a generator of each file's result in input order, each yielded as soon
    as the file is checked (and filtered by ``--baseline``): nothing holds the run's results.

    Config, format and baseline problems are raised here, before any file is read or fixed.
    """
    session = Session(options)
    session.lang = run_language(session, paths)
    if options.format is not None and options.format not in session.formatters:  # before --fix writes anything
        choices = ", ".join(sorted(session.formatters))
        raise LocalisedError(None, Message("unknown_format", name=options.format, choices=choices))
    try:
        manager.report_errors(session.plugins, session.lang)
        known = None
        if options.baseline:  # imported only when asked for: every check pays for its imports
            from reportlint.run import baseline

            known = baseline.load(options.baseline)  # fail before linting
        files, unchecked = _files(session, paths)
    except LocalisedError as exc:
        exc.lang = exc.lang or session.lang
        raise
    return session, _results(session, files, unchecked, known, on_file)


def _results(session: Session, files: list[str], unchecked: list[FileResult], known: Any,
             on_file: Callable[[int, int, str], None] | None) -> Results:
    try:
        yield from unchecked
        # The results drive the loop (not zip over the files, which would leave the pool's generator
        # unfinished and its shutdown to the garbage collector, racing the interpreter's exit).
        checked = _check_all(session, files)
        try:
            for done, result in enumerate(checked, 1):
                if known is not None:
                    from reportlint.run.baseline import filter_results

                    filter_results([result], known)
                yield result
                if on_file is not None:
                    on_file(done, len(files), files[done - 1])
        finally:
            close = getattr(checked, "close", None)
            if close is not None:  # a consumer that stopped early (an error, Ctrl-C) ends the pool now
                close()
    except LocalisedError as exc:
        exc.lang = exc.lang or session.lang
        raise


def run_language(session: Session, paths: list[str]) -> str:
    """``--lang``, else the ``lang`` of the first input's config, else Chinese.

    A run speaks one language in its summary, errors and notes; the first input stands for
    the usual case of one config for all. Findings keep their own file's config language.
    """
    if session.options.lang or not paths:
        return session.options.lang or "zh"
    first = paths[0]
    if first == "-":
        first = session.options.stdin_filename or "-"
    elif Path(first).is_dir():
        first = str(Path(first) / "_")  # the config that governs the directory itself
    try:
        return session.raw_config(first).lang
    except cfg.ConfigError:
        return "zh"  # reported, in the default language, when the config is used


def _files(session: Session, paths: list[str]) -> tuple[list[str], list[FileResult]]:
    """The files to check, and error results for paths that cannot be; with ``--dask``, fsspec
    URLs (``s3://…``) are passed through as they are, in their place among the expanded paths."""
    lang = session.lang
    groups: list[list[str]] = [paths]
    if session.options.dask:
        from reportlint.run.distributed import is_url

        groups = []
        for path in paths:  # runs of local paths are expanded together, each URL stays itself
            if groups and not is_url(path) and not is_url(groups[-1][-1]):
                groups[-1].append(path)
            else:
                groups.append([path])
    files: list[str] = []
    results: list[FileResult] = []
    for group in groups:
        if session.options.dask and is_url(group[0]):
            from reportlint.run.distributed import expand_url

            files += expand_url(group[0])
            continue
        found = _expand(group, session)
        for path, reason in found.warnings:
            warning(f"{path}: {reason.text(lang)}")
        files += found.files
        results += [FileResult(display_name(path), error=reason.text(lang)) for path, reason in found.errors]
    return files, results


def _check_all(session: Session, files: list[str]) -> Iterator[FileResult]:
    """Results in file order: on a Dask cluster with ``--dask`` (see distributed.py), on worker
    processes for large runs (see parallel.py), else here."""
    if session.options.dask and "-" not in files:
        from reportlint.run.distributed import check_files as on_cluster

        return on_cluster(session.options, files, session.options.dask)
    from reportlint.run.parallel import jobs_for  # a small module; the pool is imported only when used

    jobs = 1 if "-" in files else jobs_for(session.options.jobs, len(files))
    if jobs == 1:
        return (session.check_file(path) for path in files)
    from reportlint.run.parallel import check_files

    return check_files(session.options, files, jobs)


@dataclass(frozen=True)
class Report:
    """How ``reportlint check`` reports a run (the output flags of the command line)."""

    format: str | None = None  # None: full on a terminal, concise otherwise
    output_file: str | None = None
    statistics: bool = False
    quiet: bool = False
    show_summary: bool = True
    exit_zero: bool = False
    column_unit: str = "char"
    summary_file: str | None = None


def check(paths: list[str], options: CheckOptions, report: Report) -> int:
    """``reportlint check``: check the files and report each one as soon as it is done, then
    the closing lines; returns the exit code (``outcome.exit_code``).

    Fix mode and baselines happen here, file by file: a run keeps the totals, never its results.
    """
    import shutil

    from reportlint.formatters import progress
    from reportlint.formatters.builtin import HUMAN
    from reportlint.formatters.common import Options, new_totals, want_color, write_report

    stdout = sys.stdout
    fmt = report.format or ("full" if stdout.isatty() and not report.output_file else "concise")
    options = replace(options, format=fmt)
    bar = progress.for_run(fmt in HUMAN, report.quiet)
    session, found = results(paths, options, on_file=bar)
    lang, fix = session.lang, options.fix
    totals = new_totals()
    sink = _Sink(report.output_file, lang)
    to = sink.stream(fix, "-" in paths)
    writer = None
    if to is not None and not options.write_baseline:
        writer = _writer(session.formatters[fmt], to, Options(
            lang=lang, show_summary=report.show_summary and not report.quiet, statistics=report.statistics,
            color=not report.output_file and want_color(stdout), width=shutil.get_terminal_size().columns,
            rules=tuple(session.linter.rules.values()), column_unit=report.column_unit))
    parts = _parts(session, options, report, writer, paths)
    recorder = table = None
    if options.write_baseline:
        from reportlint.run.baseline import Recorder

        recorder = Recorder(options.write_baseline)
    if report.summary_file and to is not None:  # --diff and --fix-only report nothing
        from reportlint.run.summary import Table

        table = Table(session.linter.rules.values())
    if fix is not None:
        from reportlint.fix import mode as fixmode
    try:
        for result in found:
            if result.error:
                error(f"{result.path}: {result.error}")
            totals.add(result)
            if recorder is not None:
                recorder.add(result)
                continue
            if fix is not None:
                fixmode.emit_file(result, fix, lang)
                totals.add_fix(result.path, *fixmode.status(result, fix))
                sink.stdin_fixed = sink.stdin_fixed or (result.fix is not None and result.fix.stdin)
            if table is not None:
                table.add(result)
            if writer is None:
                continue
            if result.rendered is not None:  # a rendered-cache hit: the file's text as stored
                sink.guard(writer.write_part, result.rendered)
            elif parts is not None and result.key is not None and not result.error:
                text = writer.part(result)
                sink.guard(writer.write_part, text)
                parts.store(result, text, totals)
            else:
                sink.guard(writer.file, result)
    finally:
        found.close()
        if bar is not None:
            bar.close()
    if recorder is not None:
        return recorder.finish(lang)
    if fix is not None:
        fixmode.report_fixed(totals, fix, lang)
    if writer is not None:
        sink.guard(writer.finish, totals)
    if not sink.close(write_report):
        return EXIT_ERROR
    if table is not None and report.summary_file:
        try:
            table.write(report.summary_file)
        except (OSError, ImportError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            error(f"{report.summary_file}: {say('cannot_write_summary', lang, error=reason)}")
            return EXIT_ERROR
    return exit_code(totals, fix, report.exit_zero)


class _Parts:
    """Stores each file's text in the rendered cache (see run/cache.py) as the writer makes it."""

    def __init__(self, base: Path, tag: str) -> None:
        self.base, self.tag = base, tag

    def store(self, result: FileResult, text: str, totals: Any) -> None:
        from reportlint.run import cache

        assert result.key is not None
        cache.write_rendered(self.base, result.key, self.tag, text, totals.tally(result))


def _parts(session: Session, options: CheckOptions, report: Report, writer: Any, paths: list[str]) -> _Parts | None:
    """The rendered cache for this run, or None; when on, ``session.options.render`` asks files
    (here or on the workers, which start after this) to look there first.

    Only where the writer and the totals alone read the findings: not with fix mode, baselines
    (filtered or written), ``--summary-file`` (its rows count findings per family), standard
    input or ``--dask``, nor for a writer whose text for a file depends on other files."""
    if (writer is None or not getattr(writer, "parts", False) or not options.cache or options.fix is not None
            or options.baseline or options.write_baseline or report.summary_file or options.dask or "-" in paths):
        return None
    found = session.result_cache()
    if found is None:
        return None
    session.options.render = render_tag(writer)
    return _Parts(found[0], session.options.render)


def render_tag(writer: Any) -> str:
    """What a file's text depends on beyond its result key: the writer and its options (the
    rule list, which SARIF reads, is already in the key)."""
    options = writer.options
    kind = type(writer)
    return repr((f"{kind.__module__}.{kind.__qualname__}", options.lang, options.color, options.show_summary,
                 options.statistics, options.width, options.column_unit))


def _writer(formatter: Any, out: TextIO, options: Any) -> Any:
    """The format's streaming writer; a plugin formatter without one (``render(results, options)
    -> str`` only) gets every result at the end, as before streaming."""
    make = getattr(formatter, "writer", None)
    if make is not None:
        return make(out, options)
    return _Collect(formatter, out, options)


class _Collect:
    def __init__(self, render: Callable[[list[Any], Any], str], out: TextIO, options: Any) -> None:
        self.render, self.out, self.options = render, out, options
        self.results: list[Any] = []

    def file(self, result: Any) -> None:
        self.results.append(result)

    def finish(self, totals: Any) -> None:
        self.out.write(self.render(self.results, self.options))


class _Sink:
    """Where the report goes: standard output as it is written; stderr, after fix mode's closing
    note, when stdout carries the fixed text of stdin; ``--output-file``: a spool, written
    atomically at the end. A stream that cannot take the report (``/dev/full``) stops the
    report, not the run: the reason is printed once and the run exits 2."""

    def __init__(self, output_file: str | None, lang: str) -> None:
        self.output_file, self.lang = output_file, lang
        self.out: TextIO | None = None
        self.spool: Any = None
        self.later: Any = None  # fix mode reading stdin: findings held until the fixed text and notes are out
        self.stdin_fixed = False  # ... and then written to stderr (stdout carries the fixed text)
        self.failed: str | None = None

    def stream(self, fix: Any, stdin: bool) -> TextIO | None:
        target: TextIO | None = sys.stdout
        if fix is not None:
            from reportlint.fix.mode import report_stream

            target = report_stream(fix, stdin)
        if target is None:
            return None
        if self.output_file:
            import io
            import tempfile

            self.spool = tempfile.SpooledTemporaryFile(max_size=4 << 20)
            self.out = io.TextIOWrapper(self.spool, encoding="utf-8", errors="surrogateescape", newline="")
        elif target is sys.stderr:
            import io

            self.later = io.StringIO()  # stdin is one file: its findings are small
            self.out = self.later
        else:
            self.out = target
        return self.out

    def guard(self, write: Callable[[Any], None], value: Any) -> None:
        if self.failed is not None:
            return
        try:
            write(value)
        except OSError as exc:
            if exc.errno == errno.EPIPE or self.output_file:
                raise
            self.failed = exc.strerror or str(exc)
            _silence(self.out)

    def close(self, write_report: Callable[[str, Any], None]) -> bool:
        """Flush or write the report; False (the reason printed) when it could not be written."""
        if self.out is None:
            return True
        try:
            if self.failed is None:
                if self.later is not None:
                    (sys.stderr if self.stdin_fixed else sys.stdout).write(self.later.getvalue())
                self.out.flush()
        except OSError as exc:
            if exc.errno == errno.EPIPE:
                raise
            self.failed = exc.strerror or str(exc)
            _silence(self.out)
        if self.failed is not None:
            error(say("cannot_write_output", self.lang, error=self.failed))
            return False
        if self.spool is not None and self.output_file:
            try:
                write_report(self.output_file, self.spool)
            except OSError as exc:
                reason = say("cannot_write_output", self.lang, error=exc.strerror or str(exc))
                error(f"{self.output_file}: {reason}")
                return False
            finally:
                self.spool.close()
        return True


def _silence(stream: Any) -> None:
    """Point the stream's descriptor at /dev/null, so the interpreter's final flush stays quiet."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
    except (OSError, AttributeError, ValueError):
        pass
