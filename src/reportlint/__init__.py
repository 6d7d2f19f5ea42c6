"""reportlint: a linter for Chinese official documents and work reports.

``reportlint.check_text``, ``reportlint.check_paths`` and ``reportlint.Diagnostic`` are the
public API (see ``reportlint.api``); they are imported on first use, so ``import reportlint``
and ``reportlint --version`` stay cheap.
"""

__version__ = "0.1.0"

__all__ = ["__version__", "check_text", "check_paths", "Diagnostic", "CheckError"]

_API = frozenset(("check_text", "check_paths", "Diagnostic", "CheckError"))


def __getattr__(name: str) -> object:
    if name in _API:
        import importlib  # not `from reportlint import api`: the package itself stays below every layer

        return getattr(importlib.import_module("reportlint.api"), name)
    raise AttributeError(f"module 'reportlint' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | _API)
