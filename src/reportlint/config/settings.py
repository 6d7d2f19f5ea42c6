"""Configuration: .reportlint.yaml or [tool.reportlint], ``extends:`` presets, rule selection."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlint.config.resources import data_dir
from reportlint.diagnostics import Severity
from reportlint.messages import LocalisedError, Message

CONFIG_FILES = (".reportlint.yaml", ".reportlint.yml")
PYPROJECT = "pyproject.toml"
DEFAULT_PRESET = "default"
TOP_KEYS = {
    "extends", "select", "extend-select", "ignore", "rules", "lang", "exclude",
    "per-file-ignores", "encoding",
}
LANGS = ("zh", "en")


class ConfigError(LocalisedError):
    """A configuration problem: the CLI prints it on one line and exits 2.

    ``origin`` is the file (or command-line option) at fault; ``reason`` a catalogue Message.
    """

    def __init__(self, origin: str, reason: str | Message) -> None:
        super().__init__(origin, reason)

    @property
    def origin(self) -> str:
        return self.where or ""


@dataclass
class RawConfig:
    """Merged settings before they are checked against the installed rules."""

    select: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    lang: str = "zh"
    exclude: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    encoding: str | None = None
    files: list[str] = field(default_factory=list)  # where the settings came from, in order
    origins: dict[str, str] = field(default_factory=dict)  # rule key → file that configured it


@dataclass(frozen=True)
class RuleSettings:
    code: str
    severity: Severity
    options: dict[str, Any]


@dataclass
class Config:
    """Resolved for one file: which rules run, at what severity, with which options."""

    rules: dict[str, RuleSettings]
    lang: str
    raw: RawConfig
    ignored_here: frozenset[str] = frozenset()

    @property
    def files(self) -> list[str]:
        return self.raw.files


def find_config(start: Path) -> Path | None:
    """The nearest .reportlint.yaml, or pyproject.toml with [tool.reportlint], upward from start."""
    directory = start if start.is_dir() else start.parent
    for folder in (directory, *directory.parents):
        for name in CONFIG_FILES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _pyproject_section(pyproject) is not None:
            return pyproject
    return None


def _pyproject_section(path: Path, required: bool = False) -> dict[str, Any] | None:
    """``[tool.reportlint]``, or None. While searching (not ``required``), a pyproject.toml that
    cannot be read or parsed is passed over: it may belong to another tool and not name us."""
    import tomllib

    from reportlint.config.datafiles import read_text_limited

    try:
        data = tomllib.loads(read_text_limited(path))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        if not required and "tool.reportlint" not in _peek(path):  # another tool's file: not ours to judge
            return None
        raise ConfigError(str(path), Message("toml_unreadable", error=str(exc))) from None
    section = data.get("tool", {}).get("reportlint")
    return section if isinstance(section, dict) else None


def _peek(path: Path) -> str:
    try:
        with open(path, "rb") as handle:
            return handle.read(1 << 20).decode("utf-8", "replace")
    except OSError:
        return ""


def _read_mapping(path: Path) -> dict[str, Any]:
    if path.name == PYPROJECT:
        return _pyproject_section(path, required=True) or {}
    from reportlint.config.datafiles import YAMLSyntaxError, parse_yaml, read_text_limited

    try:
        data = parse_yaml(read_text_limited(path), str(path.resolve()))
    except FileNotFoundError:
        raise ConfigError(str(path), Message("no_config_file")) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), Message("config_unreadable", error=str(exc))) from None
    except YAMLSyntaxError as exc:
        invalid = Message("invalid_yaml_at", line=exc.line) if exc.line else \
            Message("yaml_alias_bomb") if "alias" in str(exc) else Message("invalid_yaml")
        raise ConfigError(str(path), invalid) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(str(path), Message("top_not_mapping"))
    return data


def preset_path(name: str, extra: dict[str, str] | None = None) -> Path | None:
    if extra and name in extra:
        return Path(extra[name])
    candidate = data_dir("rulesets") / f"{name}.yaml"
    return candidate if candidate.is_file() else None


def bundled_presets() -> list[str]:
    return sorted(p.stem for p in data_dir("rulesets").glob("*.yaml") if not p.stem.startswith("_"))


def load_raw(path: Path | None, presets: dict[str, str] | None = None) -> RawConfig:
    """Load a config file (or the default preset) with its ``extends:`` chain merged."""
    raw = RawConfig()
    if path is None:
        _merge_file(raw, preset_path(DEFAULT_PRESET), presets, ())  # type: ignore[arg-type]
    else:
        _merge_file(raw, path, presets, ())
    return raw


def _merge_file(raw: RawConfig, path: Path, presets: dict[str, str] | None,
                chain: tuple[Path, ...]) -> None:
    path = path.resolve()
    if path in chain:
        raise ConfigError(str(path), Message("extends_cycle"))
    data = _read_mapping(path)
    unknown = sorted(set(data) - TOP_KEYS)
    if unknown:
        raise ConfigError(str(path), Message("unknown_setting", name=unknown[0]))
    parent = data.get("extends", DEFAULT_PRESET if path.parent != data_dir("rulesets").resolve() else None)
    if parent:
        if not isinstance(parent, str):
            raise ConfigError(str(path), Message("extends_type"))
        by_name = "/" not in parent and not parent.endswith((".yaml", ".yml", ".toml"))
        target = preset_path(parent, presets) if by_name else (path.parent / parent)
        if target is None:
            choices = ", ".join(bundled_presets())
            raise ConfigError(str(path), Message("unknown_preset", name=parent, choices=choices))
        if not target.is_file():
            raise ConfigError(str(path), Message("extends_missing", name=parent))
        _merge_file(raw, target, presets, (*chain, path))
    _apply(raw, data, str(path))


def _strings(value: Any, origin: str, key: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(origin, Message("not_strings", key=key))
    return list(value)


def _apply(raw: RawConfig, data: dict[str, Any], origin: str) -> None:
    raw.files.append(origin)
    if "select" in data:
        raw.select = _strings(data["select"], origin, "select")
        raw.extend_select = []
    raw.extend_select += _strings(data.get("extend-select", []), origin, "extend-select")
    raw.ignore += _strings(data.get("ignore", []), origin, "ignore")
    raw.exclude += _strings(data.get("exclude", []), origin, "exclude")
    if "lang" in data:
        if data["lang"] not in LANGS:
            raise ConfigError(origin, Message("bad_lang", choices=", ".join(LANGS)))
        raw.lang = data["lang"]
    if "encoding" in data:
        if not isinstance(data["encoding"], str):
            raise ConfigError(origin, Message("encoding_type"))
        raw.encoding = data["encoding"]
    pfi = data.get("per-file-ignores", {})
    if not isinstance(pfi, dict):
        raise ConfigError(origin, Message("per_file_ignores_type"))
    for glob, codes in pfi.items():
        raw.per_file_ignores[str(glob)] = _strings(codes, origin, f"per-file-ignores[{glob}]")
    rules = data.get("rules", {})
    if not isinstance(rules, dict):
        raise ConfigError(origin, Message("rules_type"))
    for key, settings in rules.items():
        if isinstance(settings, str):  # shorthand: `PH001: error`
            settings = {"severity": settings}
        if not isinstance(settings, dict):
            raise ConfigError(origin, Message("rule_settings_type", key=key))
        raw.rules.setdefault(str(key), {}).update(settings)
        raw.origins[str(key)] = origin


def selector_matches(selector: str, rule: Any) -> bool:
    sel = selector.strip()
    if sel.upper() == "ALL":
        return True
    if rule.code == sel.upper() or rule.name == sel.lower() or sel.lower() in rule.groups:
        return True
    return sel.isalnum() and sel.isupper() and rule.code.startswith(sel)


def resolve(raw: RawConfig, rules: list[Any], *, select: list[str] | None = None,
            extend_select: list[str] | None = None, ignore: list[str] | None = None,
            lang: str | None = None, path: str | None = None) -> Config:
    """Check raw settings against the installed rules and decide what runs. CLI lists win."""
    by_key = {r.code: r for r in rules} | {r.name: r for r in rules}
    chosen_select = select if select is not None else (raw.select or ["ALL"])
    extra = raw.extend_select + (extend_select or [])
    ignored = raw.ignore + (ignore or [])
    for origin, selectors in (
        ("--select", select or []), ("--extend-select", extend_select or []),
        ("--ignore", ignore or []), (_origin_of(raw), raw.select + raw.extend_select + raw.ignore),
    ):
        for selector in selectors:
            if selector.upper() != "ALL" and not any(selector_matches(selector, r) for r in rules):
                raise ConfigError(origin, Message("unknown_selector", selector=selector))
    settings: dict[str, dict[str, Any]] = {}
    for key, value in raw.rules.items():
        rule = by_key.get(key) or by_key.get(key.upper())
        if rule is None:
            raise ConfigError(raw.origins.get(key, _origin_of(raw)), Message("unknown_rule_in_rules", name=key))
        settings.setdefault(rule.code, {}).update(value)
    file_ignores = per_file_ignore_codes(raw, path)
    enabled: dict[str, RuleSettings] = {}
    for rule in rules:
        on = any(selector_matches(s, rule) for s in (*chosen_select, *extra))
        off = any(selector_matches(s, rule) for s in (*ignored, *file_ignores))
        if not on or off:
            continue
        enabled[rule.code] = _rule_settings(rule, settings.get(rule.code, {}), raw)
    # settings of disabled rules are still validated, so a typo never passes silently
    for code, value in settings.items():
        if code not in enabled:
            _rule_settings(by_key[code], value, raw)
    return Config(enabled, lang or raw.lang, raw, frozenset(file_ignores))


def per_file_ignore_codes(raw: RawConfig, path: str | None) -> list[str]:
    return [code for _, codes in per_file_ignores_for(raw, path) for code in codes]


def per_file_ignores_for(raw: RawConfig, path: str | None) -> list[tuple[str, list[str]]]:
    """The (glob, codes) entries that apply to ``path``.

    A glob matches the path as given, the path relative to the config file's folder (so
    ``archive/*.txt`` works from any working directory), or the bare file name.
    """
    if not path or path == "-" or not raw.per_file_ignores:
        return []
    given = Path(path)
    candidates = {given.as_posix(), given.name}
    home = config_home(raw)
    if home is not None:
        try:
            candidates.add(given.resolve().relative_to(home).as_posix())
        except ValueError:
            pass
    return [(glob, codes) for glob, codes in raw.per_file_ignores.items()
            if any(fnmatch.fnmatch(c, glob) or c.endswith("/" + glob) or _gitwild(glob, c) for c in candidates)]


@lru_cache(maxsize=256)
def _gitwild_spec(glob: str) -> Any:
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines([glob])


def _gitwild(glob: str, path: str) -> bool:
    """``archive/**/*.txt`` also matches ``archive/a.txt``, as in .gitignore and --exclude."""
    return "**" in glob and _gitwild_spec(glob).match_file(path)


def config_home(raw: RawConfig) -> Path | None:
    """The folder of the last user config file (bundled presets do not count)."""
    presets = data_dir("rulesets").resolve()
    for origin in reversed(raw.files):
        folder = Path(origin).resolve().parent
        if folder != presets and not origin.startswith("<"):
            return folder
    return None


def _rule_settings(rule: Any, values: dict[str, Any], raw: RawConfig) -> RuleSettings:
    origin = raw.origins.get(rule.code) or raw.origins.get(rule.name) or _origin_of(raw)
    severity = rule.severity
    options: dict[str, Any] = {}
    for key, value in values.items():
        if key == "severity":
            try:
                severity = Severity.parse(str(value))
            except ValueError:
                raise ConfigError(origin, Message("unknown_severity", code=rule.code, value=str(value))) from None
            continue
        option = rule.options.get(key)
        if option is None:
            if not rule.options:
                raise ConfigError(origin, Message("rule_has_no_options", code=rule.code, name=key))
            known = ", ".join(sorted(rule.options))
            raise ConfigError(origin, Message("unknown_option", code=rule.code, name=key, known=known))
        try:
            options[key] = option.validate(value)
        except TypeError:
            raise ConfigError(origin, _wrong_type(rule.code, key, option, value)) from None
    return RuleSettings(rule.code, severity, options)


def _wrong_type(code: str, key: str, option: Any, value: Any) -> Message:
    """What ``Option.validate`` refused, in words the catalogue can translate."""
    kinds = option.type if isinstance(option.type, tuple) else (option.type,)
    if bool in kinds:
        return Message("option_not_bool", code=code, key=key, value=value)
    expected = " | ".join(k.__name__ for k in kinds)
    return Message("option_type", code=code, key=key, expected=expected, got=type(value).__name__)


def _origin_of(raw: RawConfig) -> str:
    return raw.files[-1] if raw.files else "configuration"


@lru_cache(maxsize=256)
def config_for_directory(directory: str) -> Path | None:
    """Cached upward search: files in one folder share a config."""
    return find_config(Path(directory))
