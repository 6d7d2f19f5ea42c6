"""A progress bar on stderr for long runs, shown only to a person watching a terminal."""

from __future__ import annotations

import sys
from typing import Any, TextIO

THRESHOLD = 20  # fewer files finish before a bar would be worth drawing


class ProgressBar:
    """Callback for ``check.run``: draws (lazily, with rich) once a run has more than THRESHOLD files."""

    def __init__(self, stream: TextIO, threshold: int = THRESHOLD) -> None:
        self.stream = stream
        self.threshold = threshold
        self._bar: Any = None
        self._task: Any = None

    def __call__(self, done: int, total: int, path: str) -> None:
        if total <= self.threshold:
            return
        if self._bar is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            console = Console(file=self.stream, stderr=True)
            self._bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                 TimeRemainingColumn(), console=console, transient=True)
            self._bar.start()
            self._task = self._bar.add_task("reportlint", total=total)
        self._bar.update(self._task, completed=done)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def for_run(format_is_human: bool, quiet: bool, stream: TextIO | None = None) -> ProgressBar | None:
    """Never for machine formats, ``--quiet`` or a stderr that is not a terminal."""
    stream = stream or sys.stderr
    isatty = getattr(stream, "isatty", None)
    if not format_is_human or quiet or not (isatty and isatty()):
        return None
    return ProgressBar(stream)
