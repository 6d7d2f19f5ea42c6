"""Every hook a reportlint plugin can implement. Built-in rule families use the same hooks."""

from __future__ import annotations

from typing import Any

import pluggy

hookspec = pluggy.HookspecMarker("reportlint")
hookimpl = pluggy.HookimplMarker("reportlint")


@hookspec
def reportlint_rules() -> list[type[Any]]:
    """Return rule classes (subclasses of ``reportlint.rules.base.Rule``).

    Called once per run. Codes must be unique across all plugins; a clash is reported and the
    later rule is skipped.
    """


@hookspec
def reportlint_rulesets() -> dict[str, str]:
    """Return ``{name: path}`` of YAML rule sets that ``extends:`` can name."""


@hookspec
def reportlint_formatters() -> dict[str, Any]:
    """Return ``{name: formatter}`` for ``--format NAME``.

    A formatter is a callable ``(results, options) -> str`` where ``results`` is a list of
    ``reportlint.run.session.FileResult``. To write each file's results as they come (flat
    memory on long runs), it may also carry ``formatter.writer(out, options)`` returning a
    ``reportlint.formatters.common.Writer`` (``file(result)`` per file, then ``finish(totals)``);
    without one, ``reportlint check`` passes every result at the end.
    """


@hookspec
def reportlint_readers() -> dict[str, Any]:
    """Return ``{suffix: reader}``; a reader is ``(data: bytes, path: str, encoding) -> Source``.

    Suffixes are lower-case with the dot (``".md"``); a plugin's reader replaces a built-in one
    for the same suffix, and files with unknown suffixes are read as plain text. A reader
    raises ``reportlint.load.source.SourceError`` for input it cannot read (exit 2, one line), keeps
    every offset of ``Source.text`` pointing at the same character of ``Source.original`` (blank
    markup with spaces), and puts suppression comments in ``Source.comments``.
    """
