"""Findings, fixes and diagnostics: offsets only; lines and columns are computed when printing."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class Severity(enum.IntEnum):
    """Ordered so that ``max()`` gives the worst."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (use error, warning or info)") from None

    @property
    def label(self) -> str:
        return self.name.lower()


class Applicability(enum.Enum):
    """How far a fix may be trusted (ruff's model)."""

    SAFE = "safe"  # meaning cannot change: applied by --fix
    UNSAFE = "unsafe"  # a human should look: applied only with --unsafe-fixes
    DISPLAY = "display"  # a suggestion, never applied


@dataclass(frozen=True, order=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``content`` (code-point offsets)."""

    start: int
    end: int
    content: str = ""


@dataclass(frozen=True, slots=True)
class Fix:
    """A titled set of non-overlapping edits applied together or not at all."""

    title: str
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE

    def __post_init__(self) -> None:
        edits = tuple(sorted(self.edits))
        for a, b in zip(edits, edits[1:]):
            if a.end > b.start:
                raise ValueError(f"overlapping edits in fix {self.title!r}")
        object.__setattr__(self, "edits", edits)

    @classmethod
    def replace(
        cls, title: str, start: int, end: int, content: str,
        applicability: Applicability = Applicability.SAFE,
    ) -> Fix:
        return cls(title, (Edit(start, end, content),), applicability)

    @property
    def span(self) -> tuple[int, int]:
        return self.edits[0].start, self.edits[-1].end


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule yields: where, which message, and optionally a fix. No code, no severity."""

    start: int
    end: int
    message_key: str = "default"
    args: dict[str, Any] = field(default_factory=dict)
    fix: Fix | None = None


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A finding stamped by the engine with the rule's identity and the configured severity."""

    code: str
    name: str
    severity: Severity
    message: str
    start: int
    end: int
    fix: Fix | None = None

    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.code)
