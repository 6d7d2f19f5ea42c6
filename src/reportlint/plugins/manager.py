"""Build the plugin manager: built-ins in code, third-party plugins from entry points."""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Any

import pluggy

from reportlint.plugins import hookspecs

ENTRY_POINT_GROUP = "reportlint"
BUILTIN_PLUGINS = ("reportlint.rules.builtin", "reportlint.formatters.builtin", "reportlint.readers.builtin")


@dataclass
class Plugins:
    manager: pluggy.PluginManager
    errors: list[str] = field(default_factory=list)

    def call(self, hook: str) -> list[Any]:
        """Call each implementation on its own, built-ins first: a failing plugin is skipped."""
        results = []
        for impl in reversed(getattr(self.manager.hook, hook).get_hookimpls()):
            try:
                results.append(impl.function())
            except Exception as exc:  # noqa: BLE001 - foreign code must not stop the run
                self.errors.append(f"plugin {impl.plugin_name!r} failed in {hook}: {exc.__class__.__name__}: {exc}")
        return results

    def rules(self) -> list[type[Any]]:
        found: list[type[Any]] = []
        seen: dict[str, str] = {}
        for batch in self.call("reportlint_rules"):
            for rule in batch or ():
                if not (isinstance(rule, type) and getattr(rule, "code", None)):
                    self.errors.append(f"{rule!r} is not a rule class; skipped")
                    continue
                code = getattr(rule, "code", None)
                if code in seen:
                    self.errors.append(f"rule {code} from {rule.__module__} clashes with {seen[code]}; skipped")
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
    if load_entry_points:
        for ep in entry_points(group=ENTRY_POINT_GROUP):
            _load_one(plugins, ep)
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        plugins.errors.append(str(exc))
    return plugins


def _load_one(plugins: Plugins, ep: Any) -> None:
    """Load a third-party plugin in isolation: a broken one is reported and skipped."""
    try:
        module = ep.load()
        plugins.manager.register(module, name=f"{ep.name}")
    except Exception as exc:  # noqa: BLE001 - any failure of foreign code is reported, not fatal
        plugins.errors.append(f"plugin {ep.name!r} ({ep.value}) failed to load: {exc.__class__.__name__}: {exc}")


def report_errors(plugins: Plugins) -> None:
    for message in plugins.errors:
        print(f"reportlint: warning: {message}", file=sys.stderr)
