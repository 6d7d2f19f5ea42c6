"""The CLI's own errors, warnings and notes in Chinese (default) and English (``--lang en``).

Rule messages live with their rules; this catalogue holds everything else a user reads on
stderr. Exceptions carry a ``Message`` (a key and its fields), not text, so the words are
chosen where the run's language is known. Chinese quotes a value as “value”, English as
``repr``, as the rule messages do. ``{s}`` / ``{es}`` are English plural endings for ``n``.
"""

from __future__ import annotations

import sys
from typing import Any, TextIO

CATALOGUE: dict[str, tuple[str, str]] = {
    # text whose words are not ours (OS errors, third-party readers): shown as given
    "verbatim": ("{text}", "{text}"),
    # reading and decoding input (source.py)
    "no_such_file": ("文件不存在", "no such file"),
    "is_directory": ("是目录，不是文件", "is a directory"),
    "permission_denied": ("没有读取权限", "permission denied"),
    "unknown_encoding": ("未知的编码“{encoding}”", "unknown encoding {encoding!r}"),
    "not_valid_encoding": ("不是有效的 {encoding} 文本（字节偏移 {byte}）", "not valid {encoding} at byte {byte}"),
    "undetectable": (
        "既不是有效的 UTF-8（字节偏移 {byte}），也不是 GB18030/GBK 或 Big5（请用 --encoding NAME 指定编码）",
        "not valid UTF-8 at byte {byte} and not GB18030/GBK or Big5 either (use --encoding NAME)"),
    "binary_nul": ("二进制文件（含 NUL 字节），不是文本；不带 BOM 的 UTF-16 文件请用 --encoding utf-16-le",
                   "binary file (contains NUL bytes), not text; for UTF-16 without a BOM use --encoding utf-16-le"),
    "binary_control": ("二进制文件（按 {encoding} 解码后含控制字符），不是文本",
                       "binary file (control characters after decoding as {encoding}), not text"),
    "text_is_ole": ("这是 Word 97-2003 .doc 或其他旧版 Office 文件（OLE 容器），不是文本；请另存为 .docx 或纯文本",
                    "a Word 97-2003 .doc or other legacy Office file (OLE container), not text; "
                    "save it as .docx or plain text"),
    "text_is_zip": ("这是 ZIP 包（可能是 .docx 或其他 Office 文件），不是文本；如果是 .docx，请改用 .docx 扩展名",
                    "a ZIP package (a .docx or other Office file?), not text; name it .docx if it is one"),
    "text_is_pdf": ("这是 PDF 文件，不是文本；请导出文本或使用 Word 原稿",
                    "a PDF file, not text; export the text or the Word original"),
    # Word files (readers/docx.py)
    "docx_unreadable": ("无法读取的 .docx（{error}）", "not a readable .docx ({error})"),
    "docx_encrypted": ("有密码保护的 .docx（已加密）；请先在 Word 中取消密码",
                       "password-protected .docx (encrypted); remove the password in Word first"),
    "docx_is_doc": ("这是旧版 Word 97-2003 .doc 文件（OLE 容器），不是 .docx；请另存为 .docx",
                    "a legacy Word 97-2003 .doc (OLE container), not .docx; save it as .docx"),
    "docx_not_zip": ("不是 .docx（不是 ZIP 包）", "not a .docx (not a ZIP package)"),
    "docx_corrupt": (".docx 已损坏（{error}）", "corrupt .docx ({error})"),
    "docx_too_many_parts": ("拒绝读取：包内有 {parts} 个部件（疑似 ZIP 炸弹）",
                            "refused: the package has {parts} parts (a ZIP bomb?)"),
    "docx_bomb": ("拒绝读取：{kib} KiB 的文件解压后达 {mib} MiB（疑似 ZIP 炸弹）",
                  "refused: {mib} MiB uncompressed from {kib} KiB (a ZIP bomb?)"),
    "docx_wrong_root": ("不是 Word 正文（word/document.xml 的根元素是 {root}，应为 w:document）",
                        "not a Word body (the root of word/document.xml is {root}, not w:document)"),
    "docx_not_word": ("不是 Word 文档（ZIP 包中没有 word/document.xml）",
                      "not a Word document (a ZIP without word/document.xml)"),
    # paths on the command line and in directories (paths.py)
    "no_such_path": ("文件或目录不存在", "no such file or directory"),
    "broken_link": ("符号链接指向的目标不存在", "broken symbolic link"),
    "not_regular_file": ("不是普通文件", "not a regular file"),
    "no_files_in_directory": (
        "该目录中没有可检查的文件（*.txt、*.md、*.docx；已去掉 exclude 和 .gitignore 排除的文件）",
        "no files to check in this directory (*.txt, *.md, *.docx; after exclude and .gitignore)"),
    "cannot_list_directory": ("无法列出目录内容：{error}", "cannot list directory: {error}"),
    "link_loop_skipped": ("符号链接循环（指回 {target}），已跳过",
                          "symbolic link loop (points back to {target}); skipped"),
    "broken_link_skipped": ("符号链接指向的目标不存在，已跳过", "broken symbolic link; skipped"),
    # configuration (config.py)
    "toml_unreadable": ("无法读取 TOML：{error}", "cannot read TOML: {error}"),
    "no_config_file": ("配置文件不存在", "no such config file"),
    "config_unreadable": ("无法读取：{error}", "cannot read: {error}"),
    "invalid_yaml": ("YAML 格式错误", "invalid YAML"),
    "invalid_yaml_at": ("YAML 格式错误（第 {line} 行）", "invalid YAML at line {line}"),
    "top_not_mapping": ("顶层必须是映射（键: 值）", "the top level must be a mapping"),
    "extends_cycle": ("extends 循环引用了自身", "extends itself (a cycle)"),
    "unknown_setting": ("未知设置“{name}”", "unknown setting {name!r}"),
    "extends_type": ("extends 必须是预设名称或路径", "extends must be a preset name or a path"),
    "unknown_preset": ("extends 中的预设“{name}”不存在（内置预设：{choices}）",
                       "unknown preset {name!r} in extends (bundled: {choices})"),
    "extends_missing": ("extends 指向的“{name}”不存在", "extends {name!r}: no such file"),
    "not_strings": ("{key} 必须是字符串列表", "{key} must be a list of strings"),
    "bad_lang": ("lang 的取值只能是：{choices}", "lang must be one of {choices}"),
    "encoding_type": ("encoding 必须是字符串", "encoding must be a string"),
    "per_file_ignores_type": ("per-file-ignores 必须是“通配符: 规则代码列表”形式的映射",
                              "per-file-ignores must map globs to lists of codes"),
    "rules_type": ("rules 必须是“规则代码或名称: 设置”形式的映射",
                   "rules must be a mapping of rule code or name to settings"),
    "rule_settings_type": ("rules.{key} 必须是映射", "rules.{key} must be a mapping"),
    "unknown_selector": ("未知的规则或选择器“{selector}”", "unknown rule or selector {selector!r}"),
    "unknown_rule_in_rules": ("rules 中的规则“{name}”不存在", "unknown rule {name!r} in rules"),
    "unknown_severity": ("rules.{code}：未知的严重级别“{value}”（可用 error、warning 或 info）",
                         "rules.{code}: unknown severity {value!r} (use error, warning or info)"),
    "unknown_option": ("rules.{code}：未知选项“{name}”（可用选项：{known}）",
                       "rules.{code}: unknown option {name!r} (options: {known})"),
    "rule_has_no_options": ("rules.{code}：该规则没有选项，“{name}”无效",
                            "rules.{code}: unknown option {name!r} (options: none)"),
    "option_not_bool": ("rules.{code}.{key}：应为 true 或 false，而不是“{value}”",
                        "rules.{code}.{key}: expected true or false, got {value!r}"),
    "option_type": ("rules.{code}.{key}：应为 {expected} 类型，而不是 {got}",
                    "rules.{code}.{key}: expected {expected}, got {got}"),
    # the command line (cli.py)
    "no_paths": ("未指定要检查的路径（用“-”读取标准输入）", "no paths given (use '-' for standard input)"),
    "unknown_format": ("未知的输出格式“{name}”（可选：{choices}）", "unknown format {name!r} (choose from {choices})"),
    "cannot_write_output": ("无法写入：{error}", "cannot write: {error}"),
    "unknown_rule": ("未知规则“{name}”（用 reportlint rules 列出全部规则）",
                     "unknown rule {name!r} (see 'reportlint rules')"),
    "dask_missing": ('--dask 需要 Dask：pip install "reportlint[dask]"（{error}）',
                     '--dask needs Dask: pip install "reportlint[dask]" ({error})'),
    "dask_bad_address": ("--dask 地址无效：{error}", "bad --dask address: {error}"),
    "dask_cannot_connect": ("无法连接 Dask 调度器 {address}：{error}",
                            "cannot connect to the Dask scheduler {address}: {error}"),
    "cannot_write_summary": ("无法写入汇总表：{error}", "cannot write the summary: {error}"),
    "lsp_missing": ('reportlint server 需要 pygls：pip install "reportlint[lsp]"',
                    'reportlint server needs pygls: pip install "reportlint[lsp]"'),
    # rules and plugins (engine.py, plugins/manager.py)
    "rule_crashed": ("规则 {code} 运行出错：{error}", "rule {code} crashed: {error}"),
    "read_only_file": ("文件是只读的，未作修复（加 --force 仍然修复）",
                       "the file is read-only, so it was not fixed (--force fixes it anyway)"),
    "too_large": ("文件超过读取上限 {limit} 字节（可用环境变量 REPORTLINT_MAX_BYTES 调整）",
                  "larger than the read limit of {limit} bytes (set REPORTLINT_MAX_BYTES to change it)"),
    "yaml_alias_bomb": ("YAML 别名展开过多（疑似“别名炸弹”），拒绝读取",
                        "YAML aliases expand too far (an alias bomb?); refused"),
    "summary_rule_crashed": ("{n} 个文件检查时有规则出错，结果不完整。",
                             "A rule crashed on {n} file{s}: the results are incomplete."),
    "rule_crashed_no_write": ("有规则运行出错，文件未改动", "a rule crashed, so the file was left alone"),
    "plugin_failed": ("插件“{name}”在 {hook} 中出错：{error}", "plugin {name!r} failed in {hook}: {error}"),
    "plugin_not_loaded": ("插件“{name}”（{value}）加载失败：{error}",
                          "plugin {name!r} ({value}) failed to load: {error}"),
    "plugin_invalid": ("插件不符合钩子规范：{error}", "{error}"),
    "not_a_rule": ("{rule} 不是规则类，已跳过", "{rule} is not a rule class; skipped"),
    "rule_code_clash": ("来自 {module} 的规则 {code} 与 {other} 中的规则代码相同，已跳过",
                        "rule {code} from {module} clashes with {other}; skipped"),
    # baselines (baseline.py)
    "baseline_missing": ("基线文件不存在（可用 --write-baseline 生成）",
                         "no such baseline file (create it with --write-baseline)"),
    "baseline_unreadable": ("无法读取基线文件：{error}", "cannot read the baseline: {error}"),
    "baseline_bad_json": ("不是基线文件（第 {line} 行 JSON 格式错误）",
                          "not a baseline file (invalid JSON at line {line})"),
    "baseline_wrong_version": ("不是 reportlint 基线文件（应为第 {version} 版）",
                               "not a reportlint baseline (version {version} expected)"),
    "baseline_malformed": ("不是 reportlint 基线文件（条目格式错误）", "not a reportlint baseline (malformed entries)"),
    "baseline_not_written": ("未写入基线：有 {n} 个输入无法检查",
                             "baseline not written, {n} input(s) could not be checked"),
    "baseline_cannot_write": ("无法写入基线文件：{error}", "cannot write the baseline: {error}"),
    "baseline_recorded": ("已将 {files} 个文件中的 {count} 个问题记入基线 {path}",
                          "Recorded {count} finding(s) in {files} file(s) in baseline {path}"),
    # fix mode (fixmode.py, fixes.py, writer.py, docxfix.py)
    "fixed": ("已修复 {n} 个问题。", "Fixed {n} problem{s}."),
    "would_fix": ("可修复 {n} 个问题。", "Would fix {n} problem{s}."),
    "listing": ("已修复的问题：", "Fixed problems:"),
    "would_listing": ("可修复的问题：", "Problems that would be fixed:"),
    "not_fixed": ("未修复 {n} 个可修复的问题，文件未改动：{reason}",
                  "{n} fixable problem{s} not fixed, file left unchanged: {reason}"),
    "no_converge": ("修复在 {passes} 轮后仍未稳定（{codes} 反复修改同一处），已写入前 {passes} 轮的结果",
                    "fixes did not converge after {passes} passes ({codes} keep rewriting the text); "
                    "the result of those passes was kept"),
    "not_in_word": ("{n} 个修复跨越了 Word 中格式不同的文字片段（run），无法自动修复，请在 Word 中修改",
                    "{n} fix{es} not applied, not fixable in Word (the text spans runs with different formatting)"),
    "stopped": ("修复提前停止：{reason}", "fixing stopped early: {reason}"),
    "stdin_refused": ("无法原样输出修复结果：{reason}", "cannot echo the fixed text back: {reason}"),
    "skeleton_unparsed": ("无法解析报告结构", "the report skeleton could not be parsed"),
    "fix_breaks_skeleton": ("修复会使报告结构无法解析", "fixes would leave the report skeleton unparsable"),
    "cannot_write_file": ("无法写入：{error}", "cannot write it: {error}"),
    "mixed_newlines": ("文件混用了多种换行符（CRLF / LF / CR），重写会改变它们",
                       "it mixes newline styles (CRLF / LF / CR), so rewriting it would change them"),
    "lossy_decode": ("文件未能无损解码，重写可能丢失字符",
                     "it did not decode cleanly, so rewriting it could lose characters"),
    "docx_read_as_text": ("以这种方式读取的 Word 文件无法写入修复，请在 Word 中修改",
                          "fixes cannot be written into a Word file read this way; apply them in Word"),
    "cannot_encode": ("修复后的文本含有 {char!r}，无法用 {encoding} 编码",
                      "the fixed text has {char!r}, which {encoding} cannot encode"),
    "cannot_reread": ("无法再次读取文件：{error}", "cannot read it again: {error}"),
    "changed_on_disk": ("文件在读取后已被修改，或无法逐字节还原",
                        "it changed since it was read, or would not round-trip byte for byte"),
    "docx_changed": ("文件在读取后已被修改", "it changed since it was read"),
    "docx_paragraphs_moved": ("无法重新对应文件中的段落", "its paragraphs could not be matched again"),
    "docx_readback": ("修复后的 Word 文件读回的文本与修复结果不一致",
                      "the fixed Word file did not read back as the fixed text"),
    "docx_complex_run": ("有修复落在含制表符、换行或域的 Word 文字片段（run）中，请在 Word 中修改",
                         "a fix falls in a Word run with tabs, breaks or fields; apply it in Word"),
    # reportlint annotate (word/annotate.py)
    "annotate_docx_only": ("annotate 只处理 Word 文档（.docx）；文本和 Markdown 文件请用 reportlint check",
                           "annotate is for Word documents (.docx); check text and Markdown with reportlint check"),
    "annotate_same_file": ("批注副本不能覆盖原文件，请用 -o 指定另一个文件名",
                           "the review copy must not overwrite the original; name another file with -o"),
    "annotated": ("已写入批注副本 {path}（{n} 条批注）", "wrote the review copy {path} ({n} comment{s})"),
    "comment_where_part": ("（位于{where}）", " (in {where})"),
    "comment_fix_line": ("建议：{title}", "Fix: {title}"),
    "comment_edit": ("“{old}” → “{new}”", '"{old}" → "{new}"'),
    "comment_edit_separator": ("；", "; "),
    "comment_edits": ("（{edits}）", " ({edits})"),
    # reportlint rule CODE (cli.py)
    "rule_facts": ("分组：{groups} · 默认级别：{severity} · 修复：{fix}",
                   "groups: {groups} · default severity: {severity} · fix: {fix}"),
    "rule_facts_standard": (" · 依据：{standard}", " · standard: {standard}"),
    "list_separator": ("、", ", "),
    "fixability_safe": ("安全", "safe"),
    "fixability_unsafe": ("不安全", "unsafe"),
    "fixability_display": ("仅提示", "display"),
    "fixability_no": ("无", "no"),
    # where a Word finding is (formatters/common.py)
    "docx_note_part": (" 〔{part}：“{quote}”〕", ' [{part}: "{quote}"]'),
    "docx_note_paragraph": (" 〔第{line}段：“{quote}”〕", ' [paragraph {line}: "{quote}"]'),
    "docx_note_cell": (" 〔第{line}段，{cell}：“{quote}”〕", ' [paragraph {line}, {cell}: "{quote}"]'),
    # output formats: summary line, views, statistics (formatters/)
    "severity_error": ("错误", "error"),
    "severity_warning": ("警告", "warning"),
    "severity_info": ("提示", "info"),
    "summary_clean": ("未发现问题（检查了 {n} 个文件）。", "All checks passed ({n} file{s} checked)."),
    "summary_clean_unread": ("检查了 {n} 个文件，未发现问题；另有 {unread} 个文件无法读取。",
                             "No problems in {n} file{s} checked; {unread} could not be read."),
    "summary_found": ("在 {files} 个文件中发现 {n} 个问题（{parts}）。",
                      "Found {n} problem{s} ({parts}) in {files} file{files_s}."),
    "summary_errors": ("错误 {n}", "{n} error{s}"),
    "summary_warnings": ("警告 {n}", "{n} warning{s}"),
    "summary_infos": ("提示 {n}", "{n} info{s}"),
    "summary_part_separator": ("，", ", "),
    "summary_fixable": ("其中 {n} 个可自动修复。", " {n} fixable with --fix or --unsafe-fixes."),
    "continues_to_line": ("（延续到第 {line} 行）", " (continues to line {line})"),
    "fix_note_unsafe": ("（需 --unsafe-fixes）", " (needs --unsafe-fixes)"),
    "fix_note_display": ("（仅供参考）", " (suggestion only)"),
    "fix_note_docx": ("（Word 文件中无法自动修复：改动跨越了格式不同的文字段）",
                      " (not applied in Word: the change spans differently formatted runs)"),
    "statistics_count": ("数量", "count"),
    "statistics_code": ("代码", "code"),
    "statistics_name": ("规则名", "name"),
    "statistics_fixable": ("可修复", "fixable"),
    "html_title": ("reportlint 检查报告", "reportlint report"),
    "html_filters": ("筛选", "Filters"),
    "html_severity": ("严重程度", "Severity"),
    "html_rule": ("规则", "Rule"),
    "html_by_rule": ("按规则统计", "By rule"),
    "html_by_file": ("按文件统计", "By file"),
    "html_code": ("代码", "Code"),
    "html_name": ("规则名", "Name"),
    "html_summary": ("说明", "Summary"),
    "html_count": ("数量", "Count"),
    "html_files": ("文件数", "Files"),
    "html_file": ("文件", "File"),
    "html_total": ("合计", "Total"),
    "html_findings": ("个问题", "findings"),
    "html_none": ("未发现问题", "no findings"),
    "html_unreadable": ("无法读取", "cannot be read"),
    "html_help": ("建议", "help"),
    "html_all": ("全选", "all"),
    "html_text": ("原文", "Text"),
    # check --show-config (run/show_config.py)
    "show_file": ("文件：{value}", "file: {value}"),
    "show_files": ("配置文件（按应用顺序，后者优先）：", "config files, applied in order (later wins):"),
    "show_chosen": ("（由 --config {path} 指定）", "(chosen with --config {path})"),
    "show_cli": ("命令行：{value}", "command line: {value}"),
    "show_lang": ("语言：{value}", "lang: {value}"),
    "show_encoding": ("编码：{value}", "encoding: {value}"),
    "show_auto": ("自动检测（UTF-8，带 BOM 的 UTF-16/32，GB18030，Big5）",
                  "auto (UTF-8, UTF-16/32 by BOM, GB18030, Big5)"),
    "show_from_cli": ("由 --encoding 指定", "--encoding"),
    "show_from_config": ("配置", "config"),
    "show_pfi": ("适用于本文件的 per-file-ignores：{value}", "per-file-ignores for this file: {value}"),
    "show_enabled": ("启用的规则（{n} / {total}）：", "enabled rules ({n} of {total}):"),
    "show_default": ("默认 {severity}", "default {severity}"),
    "show_disabled": ("未启用的规则：{value}", "disabled rules: {value}"),
}

PLURAL_FIELDS = ("s", "es", "files_s")  # filled in from ``n`` (``files``); only English templates use them


def say(key: str, lang: str, /, **fields: Any) -> str:
    """The message in ``lang`` (``en``, anything else is Chinese); Message fields speak the same language."""
    zh, en = CATALOGUE[key]
    values = {name: value.text(lang) if isinstance(value, Message) else value for name, value in fields.items()}
    n = values.get("n")
    values.setdefault("s", "" if n == 1 else "s")
    values.setdefault("es", "" if n == 1 else "es")
    values.setdefault("files_s", "" if values.get("files") == 1 else "s")
    return (en if lang == "en" else zh).format(**values)


class Message:
    """A catalogue key and its fields: words chosen late, when the run's language is known."""

    def __init__(self, key: str, /, **fields: Any) -> None:
        if key not in CATALOGUE:
            raise KeyError(f"no message {key!r} in the catalogue")
        self.key = key
        self.fields = fields

    @classmethod
    def of(cls, reason: str | Message) -> Message:
        """A Message as is; plain text (a plugin's reader, an OS error) shown verbatim in both languages."""
        return reason if isinstance(reason, Message) else cls("verbatim", text=reason)

    def text(self, lang: str) -> str:
        return say(self.key, lang, **self.fields)

    def __str__(self) -> str:
        return self.text("en")

    def __repr__(self) -> str:
        return f"Message({self.key!r}, {self.fields!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.key, self.fields) == (other.key, other.fields)

    __hash__ = None  # type: ignore[assignment]  # fields may hold unhashable values


class LocalisedError(Exception):
    """An error the CLI prints on one line: ``where: reason``.

    ``str()`` and ``reason`` are English (logs, programs, tests); ``text(lang)`` is what a user
    reads. ``lang`` is set once the run's language is known, for the CLI's final report.
    """

    lang: str | None = None

    def __init__(self, where: str | None, reason: str | Message) -> None:
        self.where = where
        self.message = Message.of(reason)
        self.reason = self.message.text("en")
        super().__init__(self.text("en"))

    def text(self, lang: str) -> str:
        reason = self.message.text(lang)
        return reason if self.where is None else f"{self.where}: {reason}"

    def __reduce__(self) -> tuple[Any, ...]:
        """Picklable with its Message (worker processes send errors back to the main process)."""
        return _rebuild, (self.__class__, self.where, self.message, self.lang)


def _rebuild(cls: type[LocalisedError], where: str | None, message: Message, lang: str | None) -> LocalisedError:
    """Subclasses keep their state in ``where`` and ``message``, so their own ``__init__`` is not needed."""
    error = cls.__new__(cls)
    LocalisedError.__init__(error, where, message)
    error.lang = lang
    return error


_UNPRINTABLE = None


def printable(text: str) -> str:
    """``text`` safe for one line of a terminal: control characters (ESC sequences, CR, newlines,
    C1 controls), bidirectional overrides and lone surrogates (undecodable file names) become
    visible escapes such as ``\\x1b``; everything else, Chinese included, is kept."""
    global _UNPRINTABLE
    if text.isprintable():
        return text
    if _UNPRINTABLE is None:
        import re

        _UNPRINTABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
    return _UNPRINTABLE.sub(_escape, text)


def _escape(match: Any) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (os.fsdecode's surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def error(text: str, file: TextIO | None = None) -> None:
    """``reportlint: error: text`` on stderr: the prefix tools grep for stays English in every language."""
    print(f"reportlint: error: {printable(text)}", file=file or sys.stderr)


def warning(text: str, file: TextIO | None = None) -> None:
    print(f"reportlint: warning: {printable(text)}", file=file or sys.stderr)
