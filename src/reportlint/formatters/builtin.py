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


def _lazy(module: str) -> Callable[[list[Any], Any], str]:
    def render(results: list[Any], options: Any) -> str:
        return importlib.import_module(f"reportlint.formatters.{module}").render(results, options)

    render.__name__ = f"render_{module}"
    return render


@hookimpl
def reportlint_formatters() -> dict[str, object]:
    return {name: _lazy(module) for name, module in MODULES.items()}
