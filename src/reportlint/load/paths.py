"""Turn command-line paths into files: recurse into directories, honour excludes and .gitignore."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reportlint.messages import Message

DEFAULT_SUFFIXES = (".txt", ".md", ".docx")
# never worth descending into: version control, environments, caches
SKIP_DIRS = frozenset({".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__",
                       ".tox", ".mypy_cache", ".pytest_cache", ".ruff_cache"})
# Word writes "~$report.docx" next to an open document: a lock file, not a report
OWNER_FILE = "~$"

ExcludesFor = Callable[[Path], tuple[Path, list[str]]]


@dataclass
class Expansion:
    """Files to check; ``errors`` make the run exit 2, ``warnings`` are only reported (path, reason)."""

    files: list[str] = field(default_factory=list)
    errors: list[tuple[str, Message]] = field(default_factory=list)
    warnings: list[tuple[str, Message]] = field(default_factory=list)


@dataclass(frozen=True)
class _Ignore:
    """Patterns anchored at ``base``; a later match (deeper .gitignore, negation) wins."""

    base: Path
    spec: object  # pathspec.GitIgnoreSpec

    def verdict(self, path: Path, is_dir: bool) -> bool | None:
        try:
            rel = path.relative_to(self.base).as_posix()
        except ValueError:
            return None
        return self.spec.check_file(rel + ("/" if is_dir else "")).include  # type: ignore[attr-defined]


def expand(paths: list[str], exclude: list[str] | None = None,
           config_excludes: ExcludesFor | None = None, force_exclude: bool = False) -> Expansion:
    """Explicitly named files are checked unless ``force_exclude`` (as tools called by pre-commit
    need: it names every staged file); files found in directories must match the default
    suffixes and survive ``--exclude``, the config's ``exclude`` and ``.gitignore``."""
    out = Expansion()
    seen: set[str] = set()
    cli_rules = [_Ignore(Path.cwd().resolve(), _spec(exclude))] if exclude else []

    def excludes(directory: Path) -> list[_Ignore]:
        if config_excludes is None:
            return cli_rules
        base, patterns = config_excludes(directory)
        return [*cli_rules, _Ignore(base.resolve(), _spec(patterns))] if patterns else cli_rules

    for raw in paths:
        if raw == "-":
            out.files.append(raw)
            continue
        p = Path(raw)
        if p.is_dir():
            rules = [*excludes(p), *_gitignores_above(p.resolve())]
            before = len(out.files)
            _walk(p, p.resolve(), rules, out, seen, (p.resolve(),))
            if len(out.files) == before:
                out.errors.append((raw, Message("no_files_in_directory")))
        elif p.is_file():
            if not (force_exclude and _excluded_file(p.resolve(), excludes(p.parent))):
                _add(raw, out, seen)
        elif p.is_symlink():
            out.errors.append((raw, Message("broken_link")))
        elif p.exists():
            out.errors.append((raw, Message("not_regular_file")))
        else:
            out.errors.append((raw, Message("no_such_path")))
    return out


def _add(path: str, out: Expansion, seen: set[str]) -> None:
    key = os.path.realpath(path)
    if key not in seen:
        seen.add(key)
        out.files.append(path)


def _walk(shown: Path, real: Path, rules: list[_Ignore], out: Expansion, seen: set[str],
          ancestors: tuple[Path, ...]) -> None:
    """Depth-first in name order; ``real`` is the resolved directory, used for ignore rules.

    An explicit stack, not recursion: a tree thousands of folders deep is walked like any other.
    """
    stack = [frame for frame in [_enter(shown, real, rules, out, frozenset(ancestors))] if frame]
    while stack:
        shown, real, rules, above, entries = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            continue
        path = shown / entry.name
        try:
            is_dir = entry.is_dir()
            is_file = not is_dir and entry.is_file()
        except OSError as exc:
            out.errors.append((str(path), Message.of(exc.strerror or str(exc))))
            continue
        if is_dir:
            if entry.name in SKIP_DIRS or _ignored(rules, real / entry.name, True):
                continue
            target = Path(os.path.realpath(path))
            if target in above:
                out.warnings.append((str(path), Message("link_loop_skipped", target=str(target))))
                continue
            frame = _enter(path, real / entry.name, rules, out, above | {target})
            if frame:
                stack.append(frame)
        elif is_file:
            if entry.name.startswith(OWNER_FILE):
                continue
            if entry.name.lower().endswith(DEFAULT_SUFFIXES) and not _ignored(rules, real / entry.name, False):
                _add(str(path), out, seen)
        elif entry.is_symlink() and entry.name.lower().endswith(DEFAULT_SUFFIXES):
            out.warnings.append((str(path), Message("broken_link_skipped")))


_Frame = tuple[Path, Path, list[_Ignore], frozenset[Path], Iterator[os.DirEntry[str]]]


def _enter(shown: Path, real: Path, rules: list[_Ignore], out: Expansion, above: frozenset[Path]) -> _Frame | None:
    """A directory's walk frame: its own .gitignore added, its entries in name order."""
    local = real / ".gitignore"
    if local.is_file():
        rules = [*rules, _Ignore(real, _spec(_read_lines(local)))]
    try:
        entries = sorted(os.scandir(shown), key=lambda e: e.name)
    except OSError as exc:
        out.errors.append((str(shown), Message("cannot_list_directory", error=exc.strerror or str(exc))))
        return None
    return shown, real, rules, above, iter(entries)


def _excluded_file(path: Path, rules: list[_Ignore]) -> bool:
    """Whether a walk would skip ``path``: the file or one of its folders matches an exclude."""
    return (any(_ignored(rules, folder, True) for folder in reversed(path.parents))
            or _ignored(rules, path, False))


def _ignored(rules: list[_Ignore], path: Path, is_dir: bool) -> bool:
    verdict = False
    for rule in rules:
        found = rule.verdict(path, is_dir)
        if found is not None:
            verdict = found
    return verdict


def _gitignores_above(directory: Path) -> list[_Ignore]:
    """.gitignore files from the repository root down to (not including) ``directory``."""
    if (directory / ".git").exists():
        return []
    chain: list[Path] = []
    for folder in directory.parents:
        chain.append(folder)
        if (folder / ".git").exists():
            break
    else:
        return []  # not inside a git repository: outer .gitignore files do not apply
    rules = []
    for folder in reversed(chain):
        if (folder / ".gitignore").is_file():
            rules.append(_Ignore(folder, _spec(_read_lines(folder / ".gitignore"))))
    return rules


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []


def _spec(patterns: list[str]) -> object:
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(patterns)
