"""``reportlint check --show-config FILE``: which settings apply to one file, and where they come from."""

from __future__ import annotations

import sys
from typing import Any

from reportlint.config import settings as cfg
from reportlint.messages import say
from reportlint.outcome import EXIT_OK


def show_config(path: str, options: Any) -> int:
    """Print the resolved configuration; exit 0, or 2 (via ConfigError) when it is invalid."""
    from reportlint.run.check import Session

    session = Session(options)
    sys.stdout.write(render(session, path))
    return EXIT_OK


def render(session: Any, path: str) -> str:
    o = session.options
    raw = session.raw_config(path)
    config = session.config(path)
    lang = config.lang

    def t(key: str, **fields: Any) -> str:
        return say(f"show_{key}", lang, **fields)


    out = [t('file', value=path), t("files")]
    out += [f"  {origin}" for origin in raw.files]
    if o.config_file:
        out.append("  " + t("chosen", path=o.config_file))
    cli = [f"--{name.replace('_', '-')} {','.join(value)}" for name, value in
           (("select", o.select), ("extend_select", o.extend_select), ("ignore", o.ignore),
            ("exclude", o.exclude)) if value]
    out.append(t('cli', value=' '.join(cli) if cli else '-'))
    out.append(t('lang', value=config.lang))
    encoding = o.encoding or raw.encoding
    origin = t("from_cli") if o.encoding else t("from_config")
    out.append(t('encoding', value=f"{encoding} ({origin})" if encoding else t("auto")))
    out.append(f"select: {', '.join(raw.select or ['ALL'])}")
    for label, values in (("extend-select", raw.extend_select), ("ignore", raw.ignore), ("exclude", raw.exclude)):
        if values:
            out.append(f"{label}: {', '.join(values)}")
    matches = cfg.per_file_ignores_for(raw, path)
    out.append(t("pfi", value="-" if not matches else
                 "; ".join(f"{glob} → {', '.join(codes)}" for glob, codes in matches)))
    rules = session.linter.rules
    out.append(t("enabled", n=len(config.rules), total=len(rules)))
    for code, settings in config.rules.items():
        rule = rules[code]
        options = {k: v for k, v in settings.options.items() if rule.options[k].default != v}
        extra = f"  {options}" if options else ""
        changed = "" if settings.severity == rule.severity else f" ({t('default', severity=rule.severity.label)})"
        out.append(f"  {code:<6} {rule.name:<34} {settings.severity.label}{changed}{extra}")
    off = sorted(set(rules) - set(config.rules))
    out.append(t('disabled', value=', '.join(off) if off else '-'))
    return "\n".join(out) + "\n"
