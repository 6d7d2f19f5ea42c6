"""Check many paths: expand them, find each file's configuration, lint, collect results."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from reportlint.config import settings as cfg
from reportlint.load.paths import DEFAULT_SUFFIXES, Expansion, expand
from reportlint.load.source import display_name
from reportlint.messages import LocalisedError, Message, warning
from reportlint.plugins import manager
from reportlint.run.session import CheckOptions, FileResult, Session

__all__ = ["DEFAULT_SUFFIXES", "CheckOptions", "Session", "expand_paths", "run", "run_language", "exit_code"]


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
    """``on_file(done, total, path)`` is called after each file (the progress bar listens).

    An error that stops the run (a config or baseline problem) leaves with the run's language in
    ``lang``, so the CLI reports it in the same language as everything else.
    """
    session = Session(options)
    session.lang = run_language(session, paths)
    if options.format is not None and options.format not in session.formatters:  # before --fix writes anything
        choices = ", ".join(sorted(session.formatters))
        raise LocalisedError(None, Message("unknown_format", name=options.format, choices=choices))
    try:
        return session, _run(session, paths, on_file)
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


def _run(session: Session, paths: list[str],
         on_file: Callable[[int, int, str], None] | None) -> list[FileResult]:
    options, lang = session.options, session.lang
    manager.report_errors(session.plugins, lang)
    known = None
    if options.baseline:  # imported only when asked for: every check pays for its imports
        from reportlint.run import baseline

        known = baseline.load(options.baseline)  # fail before linting
    files, results = _files(session, paths)
    # The results drive the loop (not zip over the files, which would leave the pool's generator
    # unfinished and its shutdown to the garbage collector, racing the interpreter's exit).
    for done, result in enumerate(_check_all(session, files), 1):
        results.append(result)
        if on_file is not None:
            on_file(done, len(files), files[done - 1])
    if known is not None:
        from reportlint.run.baseline import filter_results

        filter_results(results, known)
    return results


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


def exit_code(results: list[Any]) -> int:
    if any(r.error for r in results):
        return 2
    return 1 if any(r.diagnostics for r in results) else 0
