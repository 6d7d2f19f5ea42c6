"""``reportlint check --show-config FILE``: which settings apply to one file, and where they come from."""

from __future__ import annotations

import sys
from typing import Any

from reportlint.config import settings as cfg


def show_config(path: str, options: Any) -> int:
    """Print the resolved configuration; exit 0, or 2 (via ConfigError) when it is invalid."""
    from reportlint.run.check import Session

    session = Session(options)
    sys.stdout.write(render(session, path))
    return 0


LABELS = {
    "file": ("文件", "file"),
    "files": ("配置文件（按应用顺序，后者优先）：", "config files, applied in order (later wins):"),
    "chosen": ("（由 --config {} 指定）", "(chosen with --config {})"),
    "cli": ("命令行", "command line"),
    "lang": ("语言", "lang"),
    "encoding": ("编码", "encoding"),
    "auto": ("自动检测（UTF-8，带 BOM 的 UTF-16/32，GB18030，Big5）", "auto (UTF-8, UTF-16/32 by BOM, GB18030, Big5)"),
    "from-cli": ("--encoding", "--encoding"),
    "from-config": ("配置", "config"),
    "pfi": ("适用于本文件的 per-file-ignores", "per-file-ignores for this file"),
    "enabled": ("启用的规则（{} / {}）：", "enabled rules ({} of {}):"),
    "default": ("默认 {}", "default {}"),
    "disabled": ("未启用的规则", "disabled rules"),
}


def render(session: Any, path: str) -> str:
    o = session.options
    raw = session.raw_config(path)
    config = session.config(path)
    en = config.lang == "en"

    def t(key: str, *args: Any) -> str:
        return LABELS[key][en].format(*args)

    colon = ": " if en else "："

    out = [f"{t('file')}{colon}{path}", t("files")]
    out += [f"  {origin}" for origin in raw.files]
    if o.config_file:
        out.append("  " + t("chosen", o.config_file))
    cli = [f"--{name.replace('_', '-')} {','.join(value)}" for name, value in
           (("select", o.select), ("extend_select", o.extend_select), ("ignore", o.ignore),
            ("exclude", o.exclude)) if value]
    out.append(f"{t('cli')}{colon}{' '.join(cli) if cli else '-'}")
    out.append(f"{t('lang')}{colon}{config.lang}")
    encoding = o.encoding or raw.encoding
    origin = t("from-cli") if o.encoding else t("from-config")
    out.append(f"{t('encoding')}{colon}" + (f"{encoding} ({origin})" if encoding else t("auto")))
    out.append(f"select: {', '.join(raw.select or ['ALL'])}")
    for label, values in (("extend-select", raw.extend_select), ("ignore", raw.ignore), ("exclude", raw.exclude)):
        if values:
            out.append(f"{label}: {', '.join(values)}")
    matches = cfg.per_file_ignores_for(raw, path)
    out.append(f"{t('pfi')}{colon}" + ("-" if not matches else
               "; ".join(f"{glob} → {', '.join(codes)}" for glob, codes in matches)))
    rules = session.linter.rules
    out.append(t("enabled", len(config.rules), len(rules)))
    for code, settings in config.rules.items():
        rule = rules[code]
        options = {k: v for k, v in settings.options.items() if rule.options[k].default != v}
        extra = f"  {options}" if options else ""
        changed = "" if settings.severity == rule.severity else f" ({t('default', rule.severity.label)})"
        out.append(f"  {code:<6} {rule.name:<34} {settings.severity.label}{changed}{extra}")
    off = sorted(set(rules) - set(config.rules))
    out.append(f"{t('disabled')}{colon}{', '.join(off) if off else '-'}")
    return "\n".join(out) + "\n"
