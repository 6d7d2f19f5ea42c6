"""The message catalogue: every error and note in Chinese and English, with the same fields,
and a run that speaks one language in its summary, its errors and every output format."""

from __future__ import annotations

import json
import pickle
import re
import string
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from reportlint.config.settings import ConfigError
from reportlint.fix.writer import WriteRefused
from reportlint.load.source import SourceError
from reportlint.messages import CATALOGUE, PLURAL_FIELDS, LocalisedError, Message, say
from reportlint.text.chars import ZH_PUNCT, is_cjk

SRC = Path(__file__).resolve().parents[2] / "src" / "reportlint"
# keys whose text is not ours in English: shown as given
VERBATIM_EN = {"verbatim", "plugin_invalid"}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name} - set(PLURAL_FIELDS)


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_message_has_both_languages_with_the_same_fields(key):
    zh, en = CATALOGUE[key]
    assert _fields(zh) == _fields(en), f"{key}: the Chinese and English texts name different fields"
    assert not any(is_cjk(ch) for ch in en), f"{key}: the English text has Chinese in it"
    if key != "verbatim":
        assert any(is_cjk(ch) or ch in ZH_PUNCT for ch in zh), f"{key}: the default text must be Chinese"
    if key not in VERBATIM_EN:
        assert en != zh and en.strip(), f"{key}: the English text is missing"
    assert "{s}" not in zh and "{es}" not in zh, f"{key}: plural endings are English only"


def _source_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(SRC.rglob("*.py")) if p.name != "messages.py")


def test_every_key_is_used_and_every_used_key_exists():
    text = _source_text()
    used = set(re.findall(r'(?:Message|say)\(\s*"(\w+)"', text)) | set(re.findall(r'\bsay\(\s*\'(\w+)\'', text))
    used |= set(re.findall(r'\(b"[^"]*", "(\w+)"\)', text))  # source.py: magic bytes → key
    used |= {key for key in CATALOGUE if f'"{key}"' in text}  # keys chosen by a conditional expression
    families = re.findall(r'say\(\s*f"(\w+?_)\{', text)  # say(f"html_{key}", …): a family of keys
    used |= {key for key in CATALOGUE if key.startswith(tuple(families))}
    assert used - set(CATALOGUE) == set(), "messages used but missing from the catalogue"
    assert set(CATALOGUE) - used - {"verbatim"} == set(), "catalogue entries nothing uses"


def test_no_hand_written_prefix_outside_the_catalogue_helpers():
    """Errors and warnings go through messages.error / messages.warning (or the usage-error prefix)."""
    text = _source_text()
    prints = re.findall(r'print\(f?"reportlint: (?:error|warning)', text)
    assert prints == [], "print the one-line errors with messages.error / messages.warning"


def test_plural_endings_and_nested_messages_follow_the_language():
    reason = Message("docx_complex_run")
    assert say("not_fixed", "en", n=1, reason=reason).startswith("1 fixable problem not fixed")
    assert say("not_fixed", "en", n=2, reason=reason).startswith("2 fixable problems not fixed")
    assert say("not_fixed", "zh", n=2, reason=reason) == (
        "未修复 2 个可修复的问题，文件未改动：有修复落在含制表符、换行或域的 Word 文字片段（run）中，请在 Word 中修改")
    assert say("not_in_word", "en", n=1).startswith("1 fix not applied")
    assert say("not_in_word", "en", n=3).startswith("3 fixes not applied")


def test_unknown_key_fails_where_the_message_is_made():
    with pytest.raises(KeyError):
        Message("no-such-message")


def test_plain_text_reason_is_shown_as_given_in_both_languages():
    error = SourceError("a.txt", "a plugin's own words")
    assert error.text("zh") == error.text("en") == str(error) == "a.txt: a plugin's own words"


@pytest.mark.parametrize("error", [
    SourceError("a.txt", Message("not_valid_encoding", encoding="utf-8", byte=3)),
    ConfigError("--select", Message("unknown_selector", selector="ZZ9")),
    WriteRefused(Message("cannot_encode", char="\u3000", encoding="gbk")),
], ids=["source", "config", "write"])
def test_errors_keep_english_for_programs_and_render_for_people(error):
    assert str(error) == error.text("en") and error.reason == error.message.text("en")
    assert any(is_cjk(ch) for ch in error.text("zh"))
    error.lang = "en"
    again = pickle.loads(pickle.dumps(error))  # worker processes send errors back
    assert type(again) is type(error) and again.text("zh") == error.text("zh") and again.lang == "en"
    assert (again.where, again.message) == (error.where, error.message)
    assert isinstance(again, LocalisedError)


def test_source_and_config_errors_name_their_path():
    assert SourceError("a.txt", Message("no_such_file")).path == "a.txt"
    assert ConfigError("x.yaml", Message("extends_cycle")).origin == "x.yaml"


# --- one language per run -------------------------------------------------------------------

BAD = "组织xx乡开展村庄清洁行动。\n"


@pytest.fixture
def english_project(tmp_path):
    (tmp_path / ".reportlint.yaml").write_text("lang: en\nselect: [PH002]\n", encoding="utf-8")
    (tmp_path / "r.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "scan.txt").write_bytes(b"\x00\x01binary")
    return tmp_path


def test_lang_in_the_config_makes_errors_and_summary_english(cli, english_project):
    result = cli("check", "--format", "full", "r.txt", "scan.txt", "missing.txt", cwd=english_project)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "reportlint: error: missing.txt: no such file or directory",
        "reportlint: error: scan.txt: binary file (contains NUL bytes), not text; "
        "for UTF-16 without a BOM use --encoding utf-16-le",
    ]
    assert "Found 1 problem" in result.stdout


def test_lang_on_the_command_line_beats_the_config(cli, english_project):
    result = cli("check", "--lang", "zh", "--format", "full", "r.txt", "missing.txt", cwd=english_project)
    assert result.stderr.strip() == "reportlint: error: missing.txt: 文件或目录不存在"
    assert "在 1 个文件中发现 1 个问题" in result.stdout


def test_a_broken_config_is_reported_in_chinese_unless_lang_en(cli, tmp_path):
    (tmp_path / ".reportlint.yaml").write_text("lang: en\nselct: [PH002]\n", encoding="utf-8")
    (tmp_path / "r.txt").write_text(BAD, encoding="utf-8")
    assert "未知设置“selct”" in cli("check", "r.txt").stderr  # its lang cannot be trusted
    assert "unknown setting 'selct'" in cli("check", "--lang", "en", "r.txt").stderr


def test_baseline_error_follows_the_config_language(cli, english_project):
    result = cli("check", "--baseline", "none.json", "r.txt", cwd=english_project)
    assert result.returncode == 2
    assert result.stderr.strip() == ("reportlint: error: none.json: no such baseline file "
                                     "(create it with --write-baseline)")


def _unreadable_in(fmt: str, out: str) -> str:
    """The text an output format shows for the file that could not be read."""
    if fmt == "github":
        return next(line for line in out.splitlines() if "title=reportlint" in line)
    if fmt == "sarif":
        return json.loads(out)["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]
    if fmt == "junit":
        return ET.fromstring(out).find(".//error").get("message")
    return out  # html: the whole page


@pytest.mark.parametrize("fmt", ["github", "sarif", "junit", "html"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_formats_show_the_error_in_the_language_of_the_summary(cli, tmp_path, fmt, lang):
    (tmp_path / "scan.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "r.txt").write_text(BAD, encoding="utf-8")
    args = ["--lang", "en"] if lang == "en" else []
    result = cli("check", *args, "--format", fmt, "--select", "PH002", "r.txt", "scan.txt")
    assert result.returncode == 2
    shown = _unreadable_in(fmt, result.stdout)
    if lang == "en":
        assert "binary file (contains NUL bytes)" in shown and "二进制" not in shown
    else:
        assert "二进制文件（含 NUL 字节）" in shown and "binary file" not in shown
    if fmt == "html":
        summary = "Found 1 problem" if lang == "en" else "在 1 个文件中发现 1 个问题"
        assert summary in result.stdout


def test_a_config_error_in_a_worker_process_is_one_line_in_the_run_language(cli, tmp_path):
    """Workers send the error back pickled: it arrives whole, with its Message, not as a traceback."""
    names = [f"f{i:02}.txt" for i in range(32)]
    for name in names:
        (tmp_path / name).write_text(BAD, encoding="utf-8")
    (tmp_path / ".reportlint.yaml").write_text("lang: en\n", encoding="utf-8")
    (tmp_path / "z").mkdir()
    (tmp_path / "z" / ".reportlint.yaml").write_text("selct: [PH002]\n", encoding="utf-8")
    (tmp_path / "z" / "last.txt").write_text(BAD, encoding="utf-8")
    result = cli("check", "--jobs", "2", *names, "z/last.txt")
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.strip().endswith("z/.reportlint.yaml: unknown setting 'selct'"), result.stderr
