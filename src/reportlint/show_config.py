"""``reportlint check --show-config FILE``: which settings apply to one file, and where they come from."""

from __future__ import annotations

import sys
from typing import Any

from reportlint import config as cfg


def show_config(path: str, options: Any) -> int:
    """Print the resolved configuration; exit 0, or 2 (via ConfigError) when it is invalid."""
    from reportlint.check import Session

    session = Session(options)
    sys.stdout.write(render(session, path))
    return 0


def render(session: Any, path: str) -> str:
    o = session.options
    raw = session.raw_config(path)
    config = session.config(path)
    out = [f"file: {path}", "config files, applied in order (later wins):"]
    out += [f"  {origin}" for origin in raw.files]
    if o.config_file:
        out.append(f"  (chosen with --config {o.config_file})")
    cli = [f"--{name.replace('_', '-')} {','.join(value)}" for name, value in
           (("select", o.select), ("extend_select", o.extend_select), ("ignore", o.ignore),
            ("exclude", o.exclude)) if value]
    out.append(f"command line: {' '.join(cli) if cli else '-'}")
    out.append(f"lang: {config.lang}")
    encoding = o.encoding or raw.encoding
    source = "--encoding" if o.encoding else ("config" if raw.encoding else "detected")
    out.append(f"encoding: {encoding or 'auto (UTF-8, UTF-16/32 by BOM, GB18030, Big5)'} ({source})")
    out.append(f"select: {', '.join(raw.select or ['ALL'])}")
    for label, values in (("extend-select", raw.extend_select), ("ignore", raw.ignore), ("exclude", raw.exclude)):
        if values:
            out.append(f"{label}: {', '.join(values)}")
    matches = cfg.per_file_ignores_for(raw, path)
    out.append("per-file-ignores for this file: " + ("-" if not matches else
               "; ".join(f"{glob} → {', '.join(codes)}" for glob, codes in matches)))
    rules = session.linter.rules
    out.append(f"enabled rules ({len(config.rules)} of {len(rules)}):")
    for code, settings in config.rules.items():
        rule = rules[code]
        options = {k: v for k, v in settings.options.items() if rule.options[k].default != v}
        extra = f"  {options}" if options else ""
        changed = "" if settings.severity == rule.severity else f" (default {rule.severity.label})"
        out.append(f"  {code:<6} {rule.name:<34} {settings.severity.label}{changed}{extra}")
    off = sorted(set(rules) - set(config.rules))
    out.append(f"disabled rules: {', '.join(off) if off else '-'}")
    return "\n".join(out) + "\n"
