"""Command line: argument parsing and wiring only; the work happens in check/engine/formatters."""

from __future__ import annotations

import argparse
import errno
import sys
from collections.abc import Sequence

from reportlint import __version__
from reportlint.outcome import EXIT_ERROR, EXIT_FINDINGS, EXIT_INTERRUPTED, EXIT_OK

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: --version does not import typing
if TYPE_CHECKING:  # only for annotations: --version and --help must not import the rules
    from reportlint.rules.base import Rule

COMMANDS = ("check", "parse", "rule", "rules", "annotate", "server", "completion", "clean")
RULE_EXAMPLE = ("HD004", "arabic-ordinal-with-dunhao")  # rule --help's example; a test checks it exists


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on usage errors already; keep its message to one line."""

    def format_help(self) -> str:
        """argparse ends section titles with an ASCII colon; a Chinese title takes the full-width one."""
        text = super().format_help()
        if _HELP_LANG[0] == "en":
            return text
        return "\n".join(line[:-1] + "：" if line.endswith(":") and line[:1] > "\u2e80" else line
                         for line in text.split("\n"))

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_ERROR, _t("reportlint: error: {message} (see --help)\n", _HELP_LANG[0]).format(message=message))


_HELP_LANG = ["zh"]  # the language of the help and of argparse's words, known before parsing (--lang en)


def _t(text: str, lang: str) -> str:
    """``text`` (English, as written in the parser) in ``lang``: the Chinese comes from cli_help."""
    if lang == "en":
        return text
    from reportlint.cli_help import ARGPARSE_ZH, HELP_ZH

    return HELP_ZH.get(text) or ARGPARSE_ZH.get(text, text)


def _argv_lang(argv: Sequence[str]) -> str:
    """``--lang en`` / ``--lang=en`` anywhere on the command line: help and usage errors come before parsing."""
    for i, arg in enumerate(argv):
        if arg == "--lang=en" or (arg == "--lang" and i + 1 < len(argv) and argv[i + 1] == "en"):
            return "en"
    return "zh"


def _speak(lang: str) -> None:
    """argparse's own words (usage, options, its errors) in ``lang``, through the gettext hook it calls."""
    import gettext

    _HELP_LANG[0] = lang
    argparse._ = gettext.gettext if lang == "en" else (lambda text: _t(text, "zh"))  # type: ignore[attr-defined]


def _localise(parser: argparse.ArgumentParser, lang: str) -> None:
    """Every help, description and epilog of ``parser`` and its subcommands in ``lang``."""
    if lang == "en":
        return
    for action in parser._actions:
        if action.help and action.help is not argparse.SUPPRESS:
            action.help = _t(action.help, lang)
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                choice.help = _t(choice.help or "", lang)
            for sub in set(action.choices.values()):
                _localise(sub, lang)
    parser.description = parser.description and _t(parser.description, lang)
    parser.epilog = parser.epilog and _t(parser.epilog, lang)


def _csv(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError("must be 0 (one per CPU) or more")
    return jobs


def _extend(values: list[list[str]] | None) -> list[str] | None:
    return None if values is None else [v for group in values for v in group]


class _Unused:
    """Takes the arguments of a subcommand this run does not use, and builds nothing."""

    def add_argument(self, *args: object, **kwargs: object) -> None:
        pass

    def add_mutually_exclusive_group(self, **kwargs: object) -> _Unused:
        return self


def build_parser(lang: str = "en", only: str | None = None) -> argparse.ArgumentParser:
    """The parser, its help in ``lang`` (written in English; the Chinese comes from cli_help);
    with ``only``, of that subcommand alone (the one this run uses)."""
    _speak(lang)
    parser = _Parser(prog="reportlint", description="a linter for Chinese official documents and work reports",
                     epilog="check is the default command: `reportlint FILE...` is `reportlint check FILE...`.")
    parser.add_argument("--version", action="version", version=f"reportlint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def add(name: str, help: str, description: str | None = None) -> argparse.ArgumentParser | _Unused:
        return sub.add_parser(name, help=help, description=description) if only in (None, name) else _Unused()

    check = add("check", help="check files (default command)", description="Check reports and print findings.")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or directories; '-' reads standard input")
    check.add_argument("--format", "--output-format", dest="format", default=None, help="output format: full, concise, json, json-lines, sarif, github, gitlab, junit, html (default: full on a terminal, concise otherwise)")
    check.add_argument("--output-file", "-o", metavar="PATH", help="write the output to PATH (atomically) instead of standard output")
    check.add_argument("--statistics", action="store_true", help="print how many findings each rule produced instead of the findings")
    check.add_argument("--quiet", "-q", action="store_true", help="print the findings only: no summary, no progress bar")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings (2 still means an error)")
    check.add_argument("--select", type=_csv, action="append", metavar="RULES", help="only these rules: codes, prefixes, names or groups, comma-separated (replaces the config)")
    check.add_argument("--extend-select", type=_csv, action="append", metavar="RULES", help="add rules to the selection")
    check.add_argument("--ignore", type=_csv, action="append", metavar="RULES", help="skip these rules")
    check.add_argument("--config", metavar="FILE", help="use this config file instead of searching for .reportlint.yaml / pyproject.toml")
    check.add_argument("--lang", choices=("zh", "en"), help="language of messages (default: zh)")
    check.add_argument("--encoding", metavar="NAME", help="decode input with this encoding instead of detecting it")
    check.add_argument("--stdin-filename", metavar="NAME", help="the name to report (and match config against) for '-'")
    check.add_argument("--no-summary", action="store_true", help="do not print the summary line")
    check.add_argument("--exclude", type=_csv, action="append", metavar="GLOBS", help="skip files matching these globs (.gitignore syntax) when walking directories, in addition to the config's exclude")
    check.add_argument("--force-exclude", action="store_true", help="apply --exclude and the config's exclude to files named on the command line too (for pre-commit, which names every staged file)")
    known = check.add_mutually_exclusive_group()
    known.add_argument("--baseline", metavar="FILE", help="report only findings that are not recorded in this baseline file")
    known.add_argument("--write-baseline", metavar="FILE", help="record every current finding in FILE (then use --baseline FILE) and exit 0")
    check.add_argument("--show-config", metavar="FILE", help="print the configuration that applies to FILE and exit")
    check.add_argument("--fix", action="store_true", help="apply safe fixes, then report what remains")
    check.add_argument("--unsafe-fixes", action="store_true", help="with --fix, --fix-only or --diff: also apply unsafe fixes")
    check.add_argument("--diff", action="store_true", help="print the fixes as a unified diff and write nothing (exit 1 if there is anything to fix)")
    check.add_argument("--fix-only", action="store_true", help="apply fixes and report nothing else")
    check.add_argument("--show-fixes", action="store_true", help="list what was fixed, by rule")
    check.add_argument("--force", action="store_true", help="with --fix: fix read-only files too")
    check.add_argument("--exit-non-zero-on-fix", action="store_true", help="exit 1 when anything was fixed, even if nothing remains")
    check.add_argument("--track-changes", action="store_true", help="with --fix on .docx: write each fix as a tracked change (修订) to accept or reject in Word/WPS")
    check.add_argument("--column-unit", choices=("char", "byte", "utf16"), default="char", help="what columns count in concise, full, json and json-lines output: characters (default), UTF-8 bytes (editors whose error formats count bytes, e.g. Vim's %%c) or UTF-16 code units")
    check.add_argument("--jobs", "-j", type=_jobs, default=None, metavar="N", help="check on N processes (default: one per CPU for runs of 32 files or more, on POSIX; 0 = one per CPU; 1 = no worker processes)")
    check.add_argument("--dask", metavar="ADDRESS", help="check on a Dask cluster: a scheduler address (tcp://host:8786) or local[:N] for N local worker processes; PATHs may be fsspec URLs (s3://…); needs pip install \"reportlint[dask]\"")
    check.add_argument("--summary-file", metavar="PATH", help="also write one row per file (path, doctype, characters, findings per rule family, max severity) to PATH: .csv, or .parquet (needs pyarrow)")

    check.add_argument("--no-cache", action="store_true", help="do not read or write the result cache")
    check.add_argument("--cache-dir", metavar="DIR", help="keep the result cache in DIR (default: $XDG_CACHE_HOME/reportlint)")

    clean = add("clean", help="remove the result cache", description="Remove the cached results of earlier checks.")
    clean.add_argument("--cache-dir", metavar="DIR", help="the cache folder to clean (default: $XDG_CACHE_HOME/reportlint)")

    parse = add("parse", help="print the parsed skeleton of a file", description="Print the report skeleton (articles, titles, headings, paragraphs, signature).")
    parse.add_argument("path", metavar="PATH")
    parse.add_argument("--format", choices=("tree", "json"), default="tree")
    parse.add_argument("--encoding", metavar="NAME")
    parse.add_argument("--lang", choices=("zh", "en"), help="language of errors (default: zh)")

    rule = add("rule", help="explain one rule", description="Print a rule's documentation.")
    rule.add_argument("code", metavar="CODE", help=_t("rule code or name, e.g. {example}", lang).format(example=" / ".join(RULE_EXAMPLE)))
    rule.add_argument("--lang", choices=("zh", "en"), help="language of messages (default: zh)")

    annotate = add("annotate", help="a Word review copy with every finding as a comment (批注)",
                              description="Check a .docx and write a copy with each finding as a Word comment (批注).")
    annotate.add_argument("path", metavar="FILE.docx")
    annotate.add_argument("-o", "--output", metavar="OUT.docx", help="the review copy (default: FILE.批注.docx next to FILE)")
    annotate.add_argument("--select", type=_csv, action="append", metavar="RULES", help="only these rules (replaces the config)")
    annotate.add_argument("--extend-select", type=_csv, action="append", metavar="RULES", help="add rules to the selection")
    annotate.add_argument("--ignore", type=_csv, action="append", metavar="RULES", help="skip these rules")
    annotate.add_argument("--config", metavar="FILE", help="use this config file")
    annotate.add_argument("--lang", choices=("zh", "en"), help="language of the comments (default: zh)")

    rules = add("rules", help="list all rules")
    rules.add_argument("--format", choices=("table", "json"), default="table")
    rules.add_argument("--lang", choices=("zh", "en"), help="language of the summaries (default: zh)")

    server = add("server", help="run the language server (LSP over stdio) for editors", description="A language server on standard input/output: diagnostics, quick fixes and rule documentation in any LSP editor. Needs the lsp extra: pip install \"reportlint[lsp]\".")
    server.add_argument("--lang", choices=("zh", "en"), help="language of messages when the config does not say (default: zh)")

    completion = add("completion", help="print a shell completion script", description="Print a completion script, e.g. `reportlint completion bash > ~/.local/share/bash-completion/completions/reportlint`.")
    completion.add_argument("shell", choices=("bash", "zsh", "fish"))
    _localise(parser, lang)
    return parser


def _with_default_command(argv: list[str]) -> list[str]:
    """``reportlint FILE...`` means ``reportlint check FILE...``: ``check`` is the default command."""
    if not argv or argv[0] in COMMANDS or argv[0] in ("-h", "--help", "--version"):
        return argv
    return ["check", *argv]


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    arguments = _with_default_command(argv)
    command = arguments[0] if arguments and arguments[0] in COMMANDS else None
    args = build_parser(_argv_lang(argv), command).parse_args(arguments)
    try:
        if args.command == "check":
            _terminate_like_interrupt()
            return _check(args)
        if args.command == "parse":
            return _parse(args)
        if args.command == "rule":
            return _rule(args)
        if args.command == "rules":
            return _rules(args)
        if args.command == "annotate":
            return _annotate(args)
        if args.command == "server":
            return _server(args)
        if args.command == "clean":
            return _clean(args)
        if args.command == "completion":
            from reportlint.completion import script

            sys.stdout.write(script(build_parser(_HELP_LANG[0]), args.shell))
            return EXIT_OK
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `reportlint rules | head -1`: the reader left; say nothing more
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # the interpreter's final flush must not fail again
        return EXIT_FINDINGS if args.command == "check" else EXIT_OK
    except Exception as exc:  # noqa: BLE001 - config/input errors become one line and exit 2
        from reportlint.messages import LocalisedError, error

        if isinstance(exc, LocalisedError):  # ConfigError, SourceError
            error(exc.text(exc.lang or _lang(args)))
            return EXIT_ERROR
        if isinstance(exc, OSError) and exc.errno not in (None, errno.EPIPE):  # e.g. a symlink loop, a full disk
            where = f"{exc.filename}: " if exc.filename else ""
            error(f"{where}{exc.strerror or exc}")
            return EXIT_ERROR
        if isinstance(exc, (RuntimeError, RecursionError)) and "ymlink loop" in str(exc):
            error(str(exc))
            return EXIT_ERROR
        raise
    build_parser(_HELP_LANG[0]).print_help()
    return EXIT_ERROR


def _terminate_like_interrupt() -> None:
    """SIGTERM (a CI timeout, ``kill``) stops a run as Ctrl-C does: workers cancelled, exit 130."""
    import signal

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, interrupt)


def _lang(args: argparse.Namespace) -> str:
    """The language before any config is read: ``--lang``, else Chinese."""
    return getattr(args, "lang", None) or "zh"


def _check(args: argparse.Namespace) -> int:
    from reportlint.messages import error, say
    from reportlint.run.check import CheckOptions, Report, check

    if not args.paths and not args.show_config:
        error(say("no_paths", _lang(args)))
        return EXIT_ERROR
    options = CheckOptions(
        config_file=args.config, select=_extend(args.select), extend_select=_extend(args.extend_select),
        ignore=_extend(args.ignore), lang=args.lang, encoding=args.encoding,
        stdin_filename=args.stdin_filename, fix=_fix_settings(args),
        exclude=_extend(args.exclude), force_exclude=args.force_exclude, baseline=args.baseline, write_baseline=args.write_baseline,
        jobs=args.jobs, format=args.format, cache=not args.no_cache, cache_dir=args.cache_dir, dask=args.dask,
    )
    if args.dask and (problem := _dask_problem(args.dask, _lang(args))):
        error(problem)
        return EXIT_ERROR
    if args.show_config:
        from reportlint.run.show_config import show_config

        return show_config(args.show_config, options)
    return check(args.paths, options, Report(
        format=args.format, output_file=args.output_file, statistics=args.statistics, quiet=args.quiet,
        show_summary=not args.no_summary, exit_zero=args.exit_zero, column_unit=args.column_unit,
        summary_file=args.summary_file))


def _dask_problem(address: str, lang: str) -> str | None:
    """Why ``--dask ADDRESS`` cannot run (one line, in the run's language), or None."""
    from reportlint.messages import say
    from reportlint.run.distributed import DaskMissing, parse_address, require

    try:
        parse_address(address)
        require()
    except DaskMissing as exc:
        return say("dask_missing", lang, error=str(exc))
    except ValueError as exc:
        return say("dask_bad_address", lang, error=str(exc))
    return None


def _clean(args: argparse.Namespace) -> int:
    from pathlib import Path

    from reportlint.run import cache

    cache.clean(Path(args.cache_dir) if args.cache_dir else cache.default_dir())
    return EXIT_OK


def _annotate(args: argparse.Namespace) -> int:
    from reportlint.run.session import CheckOptions
    from reportlint.word.annotate import annotate

    options = CheckOptions(config_file=args.config, select=_extend(args.select), extend_select=_extend(args.extend_select),
                           ignore=_extend(args.ignore), lang=args.lang)
    return annotate(args.path, args.output, options)


def _fix_settings(args: argparse.Namespace) -> object | None:
    """Fix mode's settings, or None; the fix machinery is imported only when a flag asks for it."""
    if not (args.fix or args.fix_only or args.diff):
        return None
    from reportlint.fix.mode import FixSettings

    return FixSettings.from_args(args)


def _parse(args: argparse.Namespace) -> int:
    from reportlint.formatters.tree import render_json, render_text
    from reportlint.load.source import load
    from reportlint.parse import parse_document
    from reportlint.plugins import manager

    source = load(args.path, encoding=args.encoding, readers=manager.build().collect("reportlint_readers"))
    document = parse_document(source)
    sys.stdout.write((render_json if args.format == "json" else render_text)(document, source))
    return EXIT_OK


def _all_rules(lang: str) -> list[type[Rule]]:
    from reportlint.plugins import manager

    plugins = manager.build()
    manager.report_errors(plugins, lang)
    return plugins.rules()


def _rule(args: argparse.Namespace) -> int:
    from reportlint import ruledocs

    wanted, lang = args.code.strip(), _lang(args)
    for rule in _all_rules(lang):
        if rule.code == wanted.upper() or rule.name == wanted.lower():
            fix = rule.fixable.value if rule.fixable else "no"
            print(f"{rule.code} ({rule.name})")
            from reportlint.formatters.common import severity_word
            from reportlint.messages import say

            groups = say("list_separator", lang).join(rule.groups) or "-"
            print(say("rule_facts", lang, groups=groups, severity=severity_word(rule.severity, lang),
                      fix=say(f"fixability_{fix}", lang))
                  + (say("rule_facts_standard", lang, standard=rule.standard) if rule.standard else ""))
            print()
            print(ruledocs.full(rule, lang))
            return EXIT_OK
    from reportlint.messages import error, say

    error(say("unknown_rule", _lang(args), name=wanted))
    return EXIT_ERROR


def _server(args: argparse.Namespace) -> int:
    try:
        import lsprotocol  # noqa: F401
        import pygls  # noqa: F401
    except ImportError:
        from reportlint.messages import error, say

        error(say("lsp_missing", _lang(args)))
        return EXIT_ERROR
    from reportlint.server import serve

    serve(lang=args.lang)
    return EXIT_OK


def _rules(args: argparse.Namespace) -> int:
    from reportlint import ruledocs

    lang = _lang(args)
    rules = _all_rules(lang)
    if args.format == "json":
        import json

        print(json.dumps([
            {"code": r.code, "name": r.name, "groups": list(r.groups), "severity": r.severity.label,
             "fix": r.fixable.value if r.fixable else None, "standard": r.standard or None,
             "summary": ruledocs.summary(r, lang)}
            for r in rules], ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"{'code':<7} {'name':<34} {'severity':<8} {'fix':<7} summary")
    for r in rules:
        fix = r.fixable.value if r.fixable else "-"
        print(f"{r.code:<7} {r.name:<34} {r.severity.label:<8} {fix:<7} {ruledocs.summary(r, lang)}")
    return EXIT_OK
