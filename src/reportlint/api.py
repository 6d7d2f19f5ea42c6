"""The public Python API: check text or files, and everything a plugin author needs.

::

    import reportlint

    for d in reportlint.check_text("20XX年工作总结\\n", filename="report.txt"):
        print(d.path, d.line, d.column, d.code, d.message)

    diagnostics = reportlint.check_paths(["reports/"], select=["PH", "YR"])

A :class:`Diagnostic` has exactly the fields (and values) of one item of ``--format json``:
``path``, ``line``, ``column``, ``end_line``, ``end_column`` (1-based, end exclusive, counted
in characters), ``code``, ``name``, ``severity`` (``"error"``/``"warning"``/``"info"``),
``message`` and ``fix`` (``None`` or ``{title, applicability, edits}``).

Plugin authors import the rule contract from here::

    from reportlint.api import Rule, RuleContext, Option, Fix, Edit, Severity, Applicability, hookimpl
    from reportlint.api import find_all, lazy
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from os import PathLike
from pathlib import Path
from typing import Any

from reportlint.config import settings as cfg
from reportlint.diagnostics import Applicability, Edit, Finding, Fix, Severity
from reportlint.load.source import Source, SourceError
from reportlint.plugins.hookspecs import hookimpl
from reportlint.rules.base import Option, Rule, RuleContext
from reportlint.run.session import CheckOptions, FileResult, Session
from reportlint.text.lazyre import LazyPattern, find_all, finditer_at, lazy, offsets

__all__ = [
    "Diagnostic", "CheckError", "check_text", "check_paths",
    # the rule contract
    "Rule", "RuleContext", "Option", "Finding", "Fix", "Edit", "Severity", "Applicability", "hookimpl",
    # pattern helpers (text/lazyre.py): compile on first use, find literals fast
    "lazy", "LazyPattern", "find_all", "finditer_at", "offsets",
    # for readers and formatters
    "Source", "SourceError",
]

ConfigLike = str | PathLike[str] | Mapping[str, Any] | None


@dataclass(frozen=True)
class Diagnostic:
    """One finding, located: the fields of one ``--format json`` item, with the same values."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    severity: str
    message: str
    fix: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        """The ``--format json`` item."""
        return asdict(self)


class CheckError(Exception):
    """Some inputs could not be read; ``errors`` is ``[(path, reason), ...]``, ``diagnostics``
    what the readable files gave."""

    def __init__(self, errors: list[tuple[str, str]], diagnostics: list[Diagnostic]) -> None:
        super().__init__("; ".join(f"{path}: {reason}" for path, reason in errors))
        self.errors = errors
        self.diagnostics = diagnostics


class _Session(Session):
    """A session whose configuration is given as a mapping, not found on disk."""

    def __init__(self, options: CheckOptions, mapping: Mapping[str, Any]) -> None:
        super().__init__(options)
        self._mapping = raw_from_mapping(mapping, self.presets)

    def raw_config(self, path: str) -> cfg.RawConfig:
        return self._mapping


def raw_from_mapping(mapping: Mapping[str, Any], presets: dict[str, str] | None = None,
                     origin: str = "<config>") -> cfg.RawConfig:
    """A configuration given as a mapping (the keys of ``.reportlint.yaml``), ``extends`` included."""
    from reportlint.messages import Message

    data = dict(mapping)
    unknown = sorted(set(data) - cfg.TOP_KEYS)
    if unknown:
        raise cfg.ConfigError(origin, Message("unknown_setting", name=unknown[0]))
    parent = data.pop("extends", cfg.DEFAULT_PRESET)
    raw = cfg.RawConfig()
    if parent:
        if not isinstance(parent, str):
            raise cfg.ConfigError(origin, Message("extends_type"))
        target = cfg.preset_path(parent, presets) if "/" not in parent and not parent.endswith(
            (".yaml", ".yml", ".toml")) else Path(parent)
        if target is None:
            raise cfg.ConfigError(origin, Message("unknown_preset", name=parent,
                                                  choices=", ".join(cfg.bundled_presets())))
        raw = cfg.load_raw(target, presets)
    cfg._apply(raw, data, origin)
    return raw


def _session(config: ConfigLike, select: Iterable[str] | None, ignore: Iterable[str] | None,
             lang: str | None, stdin_filename: str | None = None) -> Session:
    options = CheckOptions(
        config_file=None if config is None or isinstance(config, Mapping) else str(config),
        select=list(select) if select is not None else None,
        ignore=list(ignore) if ignore is not None else None,
        lang=lang, stdin_filename=stdin_filename)
    if isinstance(config, Mapping):
        return _Session(options, config)
    return Session(options)


def _located(results: list[FileResult]) -> list[Diagnostic]:
    from reportlint.formatters.json import items

    return [Diagnostic(**item) for item in items(results)]


def check_text(text: str, *, filename: str | None = None, config: ConfigLike = None,
               select: Iterable[str] | None = None, ignore: Iterable[str] | None = None,
               lang: str | None = None) -> list[Diagnostic]:
    """Lint ``text`` as if it were the file ``filename`` (default ``<string>``, plain text).

    ``filename`` chooses the reader by suffix (``.md`` is read as Markdown) and the config: as
    ``reportlint check - --stdin-filename FILENAME``, the nearest ``.reportlint.yaml`` or
    ``pyproject.toml`` from its folder applies (the working directory when no filename is
    given). ``config`` overrides that: a path to a config file, or a mapping with the keys of
    ``.reportlint.yaml`` (``{"select": ["PH"], "rules": {"PH001": "error"}}``). ``select`` and
    ``ignore`` act like ``--select`` / ``--ignore``; ``lang`` (``"zh"``/``"en"``) like ``--lang``
    (default: the config's ``lang``, else Chinese). A bad config raises
    :class:`reportlint.config.settings.ConfigError`.
    """
    session = _session(config, select, ignore, lang, stdin_filename=filename)
    shown = filename or "<string>"
    source = source_from_text(session, text, shown)
    config_for = session.config(filename or "-")
    _, diagnostics = session.linter.lint(source, config_for)
    return _located([FileResult(shown, source, None, diagnostics)])


def source_from_text(session: Session, text: str, shown: str) -> Source:
    """``text`` read as the file ``shown`` would be: by the reader for its suffix (Markdown …)."""
    suffix = Path(shown).suffix.lower()
    if suffix == ".docx":
        raise ValueError("check_text() takes text; use check_paths() for a .docx file")
    reader = session.readers.get(suffix)
    if reader is None:
        return Source.from_text(text, path=shown)
    return reader(text.encode("utf-8"), shown, "utf-8")


def check_paths(paths: Iterable[str | PathLike[str]], *, config: ConfigLike = None,
                select: Iterable[str] | None = None, ignore: Iterable[str] | None = None,
                lang: str | None = None, exclude: Iterable[str] | None = None) -> list[Diagnostic]:
    """Lint files and directories as ``reportlint check PATH...`` does (same config search,
    same walk, same excludes), in the calling process. Diagnostics come in file order.

    A path that cannot be read raises :class:`CheckError` after every other file was checked
    (its ``diagnostics`` holds their findings); a bad config raises ``ConfigError``.
    """
    from reportlint.run.check import _expand, run_language

    names = [str(p) for p in paths]
    session = _session(config, select, ignore, lang)
    session.options.exclude = list(exclude) if exclude is not None else None
    session.lang = run_language(session, names)
    found = _expand(names, session)
    results = [session.check_file(path) for path in found.files]
    errors = [(path, reason.text(session.lang)) for path, reason in found.errors]
    errors += [(r.path, r.error) for r in results if r.error]
    diagnostics = _located(results)
    if errors:
        raise CheckError(errors, diagnostics)
    return diagnostics


def rule_classes() -> list[type[Rule]]:
    """Every installed rule class (built-in and plugins), sorted by code."""
    from reportlint.plugins import manager

    return manager.build().rules()

