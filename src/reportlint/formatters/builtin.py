"""The built-in plugin that registers output formats."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from reportlint.plugins.hookspecs import hookimpl

# --format name → module in reportlint.formatters; imported on first use so that a run pays
# only for the format it prints (rich, xml and html code stay unloaded otherwise).
MODULES = {
    "full": "full", "concise": "concise", "json": "json", "json-lines": "jsonlines",
    "sarif": "sarif", "github": "github", "gitlab": "gitlab", "junit": "junit", "html": "html",
}
HUMAN = frozenset({"full", "concise", "html"})  # formats that may show a summary and a progress bar


WRITERS = {
    "full": "Full", "concise": "Concise", "json": "Json", "json-lines": "JsonLines",
    "sarif": "Sarif", "github": "GitHub", "gitlab": "GitLab", "junit": "JUnit", "html": "Page",
}


def _lazy(name: str, module: str) -> Callable[[list[Any], Any], str]:
    """The formatter contract (``render(results, options) -> str``) plus ``writer(out, options)``,
    the streaming writer (``formatters.common.Writer``) the check run uses when a format has one."""

    def render(results: list[Any], options: Any) -> str:
        return importlib.import_module(f"reportlint.formatters.{module}").render(results, options)

    def writer(out: Any, options: Any) -> Any:
        return getattr(importlib.import_module(f"reportlint.formatters.{module}"), WRITERS[name])(out, options)

    render.__name__ = f"render_{module}"
    render.writer = writer  # type: ignore[attr-defined]
    return render


@hookimpl
def reportlint_formatters() -> dict[str, object]:
    return {name: _lazy(name, module) for name, module in MODULES.items()}
