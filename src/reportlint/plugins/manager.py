"""Build the plugin manager: built-ins in code, third-party plugins from entry points."""

from __future__ import annotations

import importlib
import os
import re
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pluggy

from reportlint.messages import Message, warning
from reportlint.plugins import hookspecs

if TYPE_CHECKING:
    from reportlint.rules.base import Rule

ENTRY_POINT_GROUP = "reportlint"
BUILTIN_PLUGINS = ("reportlint.rules.builtin", "reportlint.formatters.builtin", "reportlint.load.readers")


@dataclass
class Plugins:
    manager: pluggy.PluginManager
    errors: list[Message] = field(default_factory=list)  # reported as warnings: the run goes on

    def call(self, hook: str) -> list[Any]:
        """Call each implementation on its own, built-ins first: a failing plugin is skipped."""
        results = []
        for impl in reversed(getattr(self.manager.hook, hook).get_hookimpls()):
            try:
                results.append(impl.function())
            except Exception as exc:  # noqa: BLE001 - foreign code must not stop the run
                self.errors.append(Message("plugin_failed", name=impl.plugin_name, hook=hook,
                                           error=f"{exc.__class__.__name__}: {exc}"))
        return results

    def rules(self) -> list[type[Rule]]:
        found: list[type[Rule]] = []
        seen: dict[str, str] = {}
        for batch in self.call("reportlint_rules"):
            for rule in batch or ():
                code = getattr(rule, "code", None) if isinstance(rule, type) else None
                if not isinstance(code, str) or not code:
                    self.errors.append(Message("not_a_rule", rule=repr(rule)))
                    continue
                if code in seen:
                    self.errors.append(Message("rule_code_clash", code=code, module=rule.__module__, other=seen[code]))
                    continue
                seen[code] = rule.__module__
                found.append(rule)
        return sorted(found, key=lambda r: r.code)

    def collect(self, hook: str) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        for batch in self.call(hook):
            if isinstance(batch, dict):
                merged.update(batch)
        return merged


def build(load_entry_points: bool = True) -> Plugins:
    pm = pluggy.PluginManager("reportlint")
    pm.add_hookspecs(hookspecs)
    plugins = Plugins(pm)
    for name in BUILTIN_PLUGINS:
        pm.register(importlib.import_module(name), name=name)
    if load_entry_points and _may_declare_plugins():
        from importlib.metadata import entry_points

        for ep in entry_points(group=ENTRY_POINT_GROUP):
            _load_one(plugins, ep)
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        plugins.errors.append(Message("plugin_invalid", error=str(exc)))
    return plugins


_GROUP_HEADER = re.compile(rf"^[ \t]*\[[ \t]*{ENTRY_POINT_GROUP}[ \t]*\]", re.MULTILINE)


def _may_declare_plugins() -> bool:
    """Whether some distribution on ``sys.path`` may declare a ``reportlint`` entry point.

    ``importlib.metadata`` is slow to import and scan; reading each
    ``*.dist-info/entry_points.txt`` answers the usual "no plugin" case in a fraction of that.
    Anything this scan cannot see through (zip files, eggs, extra finders) counts as "may".
    """
    if any(not isinstance(f, type) and type(f).__module__ != "_frozen_importlib_external"
           for f in sys.meta_path if hasattr(f, "find_distributions")):
        return True  # a custom finder may provide distributions we cannot list here
    for folder in sys.path:
        if not isinstance(folder, str) or folder.endswith(".egg"):
            return True  # not a plain folder name, or an egg: let importlib.metadata decide
        try:
            entries = list(os.scandir(folder or "."))
        except NotADirectoryError:
            return True  # a zip archive on sys.path
        except OSError:
            continue
        for entry in entries:
            if entry.name.endswith((".egg", ".egg-link")):
                return True
            if entry.name.endswith((".dist-info", ".egg-info")) and _declares_group(entry.path):
                return True
    return False


def _declares_group(info: str) -> bool:
    try:
        with open(os.path.join(info, "entry_points.txt"), encoding="utf-8", errors="replace") as handle:
            return _GROUP_HEADER.search(handle.read()) is not None
    except OSError:
        return False


def _load_one(plugins: Plugins, ep: Any) -> None:
    """Load a third-party plugin in isolation: a broken one is reported and skipped."""
    try:
        module = ep.load()
        plugins.manager.register(module, name=f"{ep.name}")
    except Exception as exc:  # noqa: BLE001 - any failure of foreign code is reported, not fatal
        plugins.errors.append(Message("plugin_not_loaded", name=ep.name, value=ep.value,
                                      error=f"{exc.__class__.__name__}: {exc}"))


def report_errors(plugins: Plugins, lang: str = "zh") -> None:
    for message in plugins.errors:
        warning(message.text(lang))
