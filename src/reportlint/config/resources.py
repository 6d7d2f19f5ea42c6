"""Locate the bundled grammars/ and rulesets/ in an installed wheel or a source checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent.parent  # reportlint/


@cache
def data_dir(name: str) -> Path:
    """``grammars`` or ``rulesets``: inside the package when installed, at the repo top otherwise."""
    for candidate in (_PACKAGE_DIR / name, _PACKAGE_DIR.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"reportlint data directory {name!r} is missing from the installation")
