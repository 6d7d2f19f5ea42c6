"""Check many paths: expand them, find each file's configuration, lint, collect results."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlint import config as cfg
from reportlint.engine import FileResult, Linter
from reportlint.messages import LocalisedError, warning
from reportlint.paths import DEFAULT_SUFFIXES, Expansion, expand
from reportlint.plugins import manager
from reportlint.source import SourceError, load

__all__ = ["DEFAULT_SUFFIXES", "CheckOptions", "Session", "expand_paths", "run", "run_language", "exit_code"]


@dataclass
class CheckOptions:
    """Command-line settings that apply to every file of a run."""

    config_file: str | None = None
    select: list[str] | None = None
    extend_select: list[str] | None = None
    ignore: list[str] | None = None
    lang: str | None = None
    encoding: str | None = None
    stdin_filename: str | None = None
    exclude: list[str] | None = None  # --exclude globs (gitignore syntax), on top of the config's
    force_exclude: bool = False  # apply the excludes to files named on the command line too
    baseline: str | None = None  # report only findings not recorded in this baseline file
    write_baseline: str | None = None  # record every finding of this run in this file
    fix: Any = None  # fixmode.FixSettings when --fix, --fix-only or --diff is given
    jobs: int | None = None  # worker processes; None or 0 = one per CPU (large runs only), 1 = none


@dataclass
class Session:
    """Plugins, rules and configurations loaded once per run."""

    options: CheckOptions
    plugins: manager.Plugins = field(init=False)
    linter: Linter = field(init=False)
    # the run's language (summary, errors, notes); run() settles it from --lang or the first input's config
    lang: str = field(init=False)
    _raw: dict[str, cfg.RawConfig] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.plugins = manager.build()
        self.linter = Linter(self.plugins.rules())
        self.presets = self.plugins.collect("reportlint_rulesets")
        self.formatters = self.plugins.collect("reportlint_formatters")
        self.readers = self.plugins.collect("reportlint_readers")
        self.lang = self.options.lang or "zh"

    def raw_config(self, path: str) -> cfg.RawConfig:
        if self.options.config_file:
            where: Path | None = Path(self.options.config_file)
        else:
            start = Path.cwd() if path == "-" else Path(path).resolve().parent
            where = cfg.config_for_directory(str(start))
        key = str(where)
        if key not in self._raw:
            self._raw[key] = cfg.load_raw(where, self.presets)
        return self._raw[key]

    def config_excludes(self, directory: Path) -> tuple[Path, list[str]]:
        """The ``exclude`` globs of the config that governs ``directory``, and where they are anchored."""
        raw = self.raw_config(str(directory / "_"))
        return cfg.config_home(raw) or directory, raw.exclude

    def config(self, path: str) -> cfg.Config:
        o = self.options
        return cfg.resolve(
            self.raw_config(path), list(self.linter.rules.values()),
            select=o.select, extend_select=o.extend_select, ignore=o.ignore, lang=o.lang,
            path=path,
        )

    def check_file(self, path: str) -> FileResult:
        shown = (self.options.stdin_filename or "-") if path == "-" else path
        config = self.config(shown if path == "-" and self.options.stdin_filename else path)
        encoding = self.options.encoding or config.raw.encoding
        try:
            source = load(path, encoding=encoding, display_path=shown, readers=self.readers)
        except SourceError as exc:
            return FileResult(shown, error=exc.message.text(config.lang))
        if self.options.fix is not None:
            from reportlint.fixmode import fix_file

            done = fix_file(path, source, lambda s: self.linter.lint(s, config), self.options.fix)
            return FileResult(shown, done.source, done.document, done.diagnostics, fixed=done.fixed, fix=done)
        _, diagnostics = self.linter.lint(source, config)
        # the model is not kept: formatters need only the source, and a run over thousands of
        # files would otherwise hold every parsed document until the end
        return FileResult(shown, source, None, diagnostics)


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
        from reportlint import baseline

        known = baseline.load(options.baseline)  # fail before linting
    found = _expand(paths, session)
    for path, reason in found.warnings:
        warning(f"{path}: {reason.text(lang)}")
    files = found.files
    results = [FileResult(path, error=reason.text(lang)) for path, reason in found.errors]
    for done, (path, result) in enumerate(zip(files, _check_all(session, files)), 1):
        results.append(result)
        if on_file is not None:
            on_file(done, len(files), path)
    if known is not None:
        from reportlint.baseline import filter_results

        filter_results(results, known)
    return results


def _check_all(session: Session, files: list[str]) -> Iterator[FileResult]:
    """Results in file order: on worker processes for large runs (see parallel.py), else here."""
    from reportlint.parallel import jobs_for  # a small module; the pool is imported only when used

    jobs = 1 if "-" in files else jobs_for(session.options.jobs, len(files))
    if jobs == 1:
        return (session.check_file(path) for path in files)
    from reportlint.parallel import check_files

    return check_files(session.options, files, jobs)


def exit_code(results: list[Any]) -> int:
    if any(r.error for r in results):
        return 2
    return 1 if any(r.diagnostics for r in results) else 0
