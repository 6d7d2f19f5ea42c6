"""One run's session: plugins, rules and configurations loaded once, and each file checked."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlint.config import settings as cfg
from reportlint.diagnostics import Diagnostic
from reportlint.engine.linter import Linter
from reportlint.load.source import Source, SourceError, display_name, from_bytes, load, read_bytes
from reportlint.messages import Message
from reportlint.model import Document
from reportlint.plugins import manager


@dataclass
class FileResult:
    """Everything known about one checked file; ``error`` is set when it could not be read: the
    reason in the language of the file's config (``--lang`` first), which is the run's language
    whenever the run's files share a config.

    ``document`` is kept in fix mode only (the fix loop compares parses); formatters use ``source``.
    """

    path: str
    source: Source | None = None
    document: Document | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: str | None = None
    fixed: int = 0  # fixes applied (fix mode)
    fix: Any = None  # fixes.FixOutcome in fix mode: what was fixed, written or refused
    doctype: str | None = None  # the 文种 of the first article that has one ("" for none); None: not parsed here
    # the rendered-text key (run/cache.py bytes_key) when CheckOptions.render is set and the findings may be cached
    key: str | None = None
    # a rendered-cache hit: the writer's text for this file and its share of the totals (outcome.Tally);
    # ``source`` is then None and ``diagnostics`` empty, the findings being already in the text
    rendered: str | bytes | None = None  # bytes: UTF-8 of a text without lone surrogates
    tally: Any = None


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
    dask: str | None = None  # --dask ADDRESS: check on a Dask cluster (``local[:N]`` starts one)
    format: str | None = None  # the output format: checked before any file is read or fixed
    cache: bool = False  # keep each file's findings in the result cache (run/cache.py); the CLI turns it on
    cache_dir: str | None = None  # where; None = $XDG_CACHE_HOME/reportlint
    # the writer and options whose per-file text the result cache may answer (check.render_tag);
    # set by ``reportlint check`` only where nothing but that writer and the totals reads findings
    render: str | None = None


@dataclass
class Session:
    """Plugins, rules and configurations loaded once per run."""

    options: CheckOptions
    plugins: manager.Plugins = field(init=False)
    linter: Linter = field(init=False)
    # the run's language (summary, errors, notes); run() settles it from --lang or the first input's config
    lang: str = field(init=False)
    _raw: dict[str, cfg.RawConfig] = field(default_factory=dict)
    _resolved: dict[tuple[int, frozenset[str]], cfg.Config] = field(default_factory=dict)
    _fingerprints: dict[int, str] = field(default_factory=dict)
    _folders: dict[str, str] = field(default_factory=dict)  # folder -> its real path (raw_config)

    def __post_init__(self) -> None:
        self.plugins = manager.build()
        self.linter = Linter(self.plugins.rules())
        self.presets = self.plugins.collect("reportlint_rulesets")
        self.formatters = self.plugins.collect("reportlint_formatters")
        self.readers = self.plugins.collect("reportlint_readers")
        self.lang = self.options.lang or "zh"
        self._cache: tuple[Path, str] | None = None  # (folder, run fingerprint); settled on first use
        self._cache_settled = False

    def result_cache(self) -> tuple[Path, str] | None:
        """The result cache's folder and this run's fingerprint, or None when the cache is off."""
        if not self._cache_settled:
            self._cache_settled = True
            if self.options.cache and self.options.fix is None:
                from reportlint.run import cache

                base = Path(self.options.cache_dir) if self.options.cache_dir else cache.default_dir()
                if base is not None:
                    plugins = [(name, _version(plugin)) for name, plugin in self.plugins.manager.list_name_plugin()]
                    for _plugin, dist in self.plugins.manager.list_plugin_distinfo():
                        plugins.append((getattr(dist, "project_name", "?"), str(getattr(dist, "version", "?"))))
                    self._cache = (base, cache.run_fingerprint(self.linter.rules, plugins))
        return self._cache

    def raw_config(self, path: str) -> cfg.RawConfig:
        if self.options.config_file:
            where: Path | None = Path(self.options.config_file)
        else:
            start = str(Path.cwd()) if path == "-" else self._real_folder(path)
            where = cfg.config_for_directory(start)
        key = str(where)
        if key not in self._raw:
            self._raw[key] = cfg.load_raw(where, self.presets)
        return self._raw[key]

    def _real_folder(self, path: str) -> str:
        """The real folder of ``path`` (symlinks resolved; a symlink loop stays a path): that of a
        file that is not itself a link is its folder's, resolved once per folder."""
        if os.path.islink(path):
            return str(Path(os.path.realpath(path)).parent)
        folder = os.path.dirname(path) or "."
        real = self._folders.get(folder)
        if real is None:
            real = self._folders[folder] = os.path.realpath(folder)
        return real

    def config_excludes(self, directory: Path) -> tuple[Path, list[str]]:
        """The ``exclude`` globs of the config that governs ``directory``, and where they are anchored."""
        raw = self.raw_config(str(directory / "_"))
        return cfg.config_home(raw) or directory, raw.exclude

    def config(self, path: str) -> cfg.Config:
        """Resolved once per config file and set of per-file ignores: files of one folder share it."""
        raw = self.raw_config(path)
        key = (id(raw), frozenset(cfg.per_file_ignore_codes(raw, path)))
        if key not in self._resolved:
            o = self.options
            self._resolved[key] = cfg.resolve(
                raw, list(self.linter.rules.values()),
                select=o.select, extend_select=o.extend_select, ignore=o.ignore, lang=o.lang,
                path=path,
            )
        return self._resolved[key]

    def check_file(self, path: str) -> FileResult:
        shown = display_name((self.options.stdin_filename or "-") if path == "-" else path)
        config = self.config(self.options.stdin_filename if path == "-" and self.options.stdin_filename else path)
        encoding = self.options.encoding or config.raw.encoding
        found = self.result_cache() if path != "-" else None
        rendered_key = None
        try:
            if found is not None and self.options.render is not None:
                from reportlint.run import cache

                data = read_bytes(path)
                rendered_key = cache.bytes_key(found[1], self._fingerprint(config), shown, encoding, data)
                hit = cache.read_rendered(found[0], rendered_key, self.options.render)
                if hit is not None:  # the file's text as the writer made it: nothing to decode or build
                    return FileResult(shown, None, None, [], key=rendered_key, rendered=hit[0], tally=hit[1])
                source = from_bytes(data, shown, encoding, self.readers)
            else:
                source = load(path, encoding=encoding, display_path=shown, readers=self.readers)
        except SourceError as exc:
            return FileResult(shown, error=exc.message.text(config.lang))
        crashes = self.linter.crashes
        crashes.clear()
        if self.options.fix is not None:
            from reportlint.fix.mode import fix_file

            done = fix_file(path, source, lambda s: self.linter.lint(s, config), self.options.fix,
                            crashed=lambda: bool(crashes))
            return FileResult(shown, done.source, done.document, done.diagnostics, fixed=done.fixed, fix=done,
                              error=_crash_report(crashes, config.lang))
        if found is not None:
            from reportlint.run import cache

            digest = cache.key(found[1], self._fingerprint(config), source)
            cached = cache.read(found[0], digest)
            if cached is not None:
                return FileResult(shown, source, None, cached, key=rendered_key)
        document, diagnostics = self.linter.lint(source, config)
        cacheable = found is not None and not crashes  # a crash is reported on every run, never cached
        if found is not None and cacheable:
            cache.write(found[0], digest, diagnostics)
        # the model is not kept: formatters need only the source, and a run over thousands of
        # files would otherwise hold every parsed document until the end; the summary's 文种 is
        # taken now, where the file was parsed (on the worker, under --jobs or --dask)
        return FileResult(shown, source, None, diagnostics, error=_crash_report(crashes, config.lang),
                          doctype=doctype_of(document), key=rendered_key if cacheable else None)

    def _fingerprint(self, config: cfg.Config) -> str:
        """The result cache's hash of a resolved config; configs are shared (see config()): each hashed once."""
        if id(config) not in self._fingerprints:
            from reportlint.run import cache

            self._fingerprints[id(config)] = cache.config_fingerprint(config)
        return self._fingerprints[id(config)]


def doctype_of(document: Any) -> str:
    """The 文种 of the first article the model gave one, or ""."""
    for article in getattr(document, "articles", ()):
        if article.doctype is not None:
            return str(article.doctype.name)
    return ""


def _version(plugin: Any) -> str:
    """A plugin module's ``__version__`` when it has one (installed plugins also give their dist's)."""
    return str(getattr(plugin, "__version__", ""))


def _crash_report(crashes: list[tuple[str, Message]], lang: str) -> str | None:
    """Rule crashes make the file's error (the run exits 2); each crash named once."""
    if not crashes:
        return None
    texts = list(dict.fromkeys(message.text(lang) for _, message in crashes))
    crashes.clear()
    return "; ".join(texts)
