"""The built-in plugin that registers readers by suffix; each imports its module on first use."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from reportlint.load.source import load_text
from reportlint.plugins.hookspecs import hookimpl


def _lazy(module: str) -> Callable[..., Any]:
    """Defer the import, so checking a .txt never loads python-docx."""

    def read(data: bytes, path: str, encoding: str | None = None) -> Any:
        return importlib.import_module(f"reportlint.load.{module}").read(data, path, encoding)

    read.__name__ = f"read_{module}"
    return read


@hookimpl
def reportlint_readers() -> dict[str, Any]:
    markdown = _lazy("markdown")
    return {".txt": load_text, ".text": load_text, ".md": markdown, ".markdown": markdown,
            ".docx": _lazy("docx")}
