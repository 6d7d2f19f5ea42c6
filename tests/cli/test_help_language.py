"""The command line's help speaks Chinese by default and English with --lang en, every string of it."""

from __future__ import annotations

import argparse
import re

import pytest

from reportlint.cli import build_parser, main
from reportlint.cli_help import ARGPARSE_ZH, HELP_ZH

HAN = re.compile(r"[\u4e00-\u9fff]")


def _texts(parser: argparse.ArgumentParser):
    """Every help, description and epilog a user can see, with where it is."""
    yield parser.prog, parser.description
    yield parser.prog, parser.epilog
    for action in parser._actions:
        if action.help and action.help is not argparse.SUPPRESS:
            yield f"{parser.prog} {'/'.join(action.option_strings) or action.dest}", action.help
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                yield f"{parser.prog} {choice.dest}", choice.help
            for sub in set(action.choices.values()):
                yield from _texts(sub)


def test_every_english_help_string_has_a_chinese_translation():
    untranslated = [(where, text) for where, text in _texts(build_parser("en"))
                    if text and text not in HELP_ZH and text not in ARGPARSE_ZH and not text.startswith("rule code or name")]
    assert untranslated == []


def test_every_help_string_is_chinese_by_default():
    english = [(where, text) for where, text in _texts(build_parser("zh")) if text and not HAN.search(text)]
    assert english == []


def test_no_translation_is_left_unused():
    used = {text for _, text in _texts(build_parser("en")) if text}
    templates = {"reportlint: error: {message} (see --help)\n", "rule code or name, e.g. {example}"}
    assert set(HELP_ZH) - used - templates == set()


@pytest.mark.parametrize(("argv", "wanted", "unwanted"), [
    (["check", "--help"], ["用法：", "只用这些规则", "显示帮助并退出"], ["only these rules"]),
    (["check", "--lang", "en", "--help"], ["usage:", "only these rules", "show this help message"], ["用法"]),
    (["rule", "--lang=en", "--help"], ["Print a rule's documentation."], ["显示一条规则"]),
])
def test_help_follows_the_language_on_the_command_line(capsys, argv, wanted, unwanted):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    out = capsys.readouterr().out
    assert exit_.value.code == 0
    assert all(w in out for w in wanted), out
    assert not any(u in out for u in unwanted), out


@pytest.mark.parametrize(("argv", "line"), [
    (["check", "--bogus"], "reportlint: error: 无法识别的参数：--bogus（见 --help）"),
    (["check", "--lang", "en", "--bogus"], "reportlint: error: unrecognized arguments: --bogus (see --help)"),
    (["check", "--format"], "reportlint: error: 参数 --format/--output-format：需要一个值（见 --help）"),
])
def test_usage_errors_are_one_line_in_the_language(capsys, argv, line):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    assert capsys.readouterr().err.strip() == line


@pytest.mark.parametrize("argv", [["--help"], ["check", "--help"], ["rule", "--help"]])
def test_chinese_section_titles_end_with_a_full_width_colon(argv, capsys):
    with pytest.raises(SystemExit):
        main(argv)
    titles = [line for line in capsys.readouterr().out.splitlines() if line and not line[0].isspace()
              and HAN.match(line) and not line.startswith("用法")]
    assert titles and all(line.endswith("：") for line in titles if line.endswith((":", "：")))
    assert "位置参数：" in titles or "选项：" in titles


def test_english_section_titles_keep_the_ascii_colon(capsys):
    with pytest.raises(SystemExit):
        main(["--lang", "en", "check", "--help"])
    assert "options:" in capsys.readouterr().out.splitlines()
