"""The command line's help in Chinese, keyed by its English text (as gettext would): argparse and the
parser in ``cli.py`` are written in English; ``--lang en`` shows them as written."""

HELP_ZH: dict[str, str] = {
    'a linter for Chinese official documents and work reports':
        '中文公文与工作总结检查工具',
    'check is the default command: `reportlint FILE...` is `reportlint check FILE...`.':
        'check 是默认命令：`reportlint 文件...` 即 `reportlint check 文件...`。',
    'check files (default command)':
        '检查文件（默认命令）',
    'Check reports and print findings.':
        '检查报告并列出发现的问题。',
    "files or directories; '-' reads standard input":
        '文件或目录；“-”表示读取标准输入',
    'output format: full, concise, json, json-lines, sarif, github, gitlab, junit, html (default: full on a terminal, concise otherwise)':
        '输出格式：full、concise、json、json-lines、sarif、github、gitlab、junit、html（默认：终端上为 full，否则为 concise）',
    'write the output to PATH (atomically) instead of standard output':
        '把输出（原子地）写入 PATH，而不是标准输出',
    'print how many findings each rule produced instead of the findings':
        '只列出每条规则发现的问题数，不列出问题本身',
    'print the findings only: no summary, no progress bar':
        '只列出问题：不显示汇总行和进度条',
    'exit 0 even when there are findings (2 still means an error)':
        '即使发现问题也以 0 退出（出错仍为 2）',
    'only these rules: codes, prefixes, names or groups, comma-separated (replaces the config)':
        '只用这些规则：代码、前缀、名称或分组，逗号分隔（取代配置）',
    'add rules to the selection':
        '在所选规则之外再加上这些规则',
    'skip these rules':
        '跳过这些规则',
    'use this config file instead of searching for .reportlint.yaml / pyproject.toml':
        '使用此配置文件，而不查找 .reportlint.yaml / pyproject.toml',
    'language of messages (default: zh)':
        '消息语言（默认：zh）',
    'decode input with this encoding instead of detecting it':
        '按此编码解码输入，不自动识别',
    "the name to report (and match config against) for '-'":
        '读取“-”（标准输入）时报告的文件名（也用于匹配配置）',
    'do not print the summary line':
        '不显示汇总行',
    "skip files matching these globs (.gitignore syntax) when walking directories, in addition to the config's exclude":
        '遍历目录时跳过与这些通配符（.gitignore 语法）匹配的文件，配置中的 exclude 照样生效',
    "apply --exclude and the config's exclude to files named on the command line too (for pre-commit, which names every staged file)":
        '命令行上直接给出的文件也按 --exclude 和配置中的 exclude 排除（用于 pre-commit：它会列出每个暂存的文件）',
    'report only findings that are not recorded in this baseline file':
        '只报告基线文件中没有记录的问题',
    'record every current finding in FILE (then use --baseline FILE) and exit 0':
        '把当前所有问题记入 FILE（之后用 --baseline FILE），并以 0 退出',
    'print the configuration that applies to FILE and exit':
        '显示适用于 FILE 的配置后退出',
    'apply safe fixes, then report what remains':
        '应用安全修复，再报告剩下的问题',
    'with --fix, --fix-only or --diff: also apply unsafe fixes':
        '与 --fix、--fix-only 或 --diff 一起使用：也应用不安全的修复',
    'print the fixes as a unified diff and write nothing (exit 1 if there is anything to fix)':
        '以统一差异（unified diff）格式显示修复，不写任何文件（有可修复的问题时以 1 退出）',
    'apply fixes and report nothing else':
        '应用修复，不报告其他内容',
    'list what was fixed, by rule':
        '按规则列出修复了什么',
    'with --fix: fix read-only files too':
        '与 --fix 一起使用：只读文件也修复',
    'exit 1 when anything was fixed, even if nothing remains':
        '只要修复了内容就以 1 退出，即使已没有剩余问题',
    'with --fix on .docx: write each fix as a tracked change (修订) to accept or reject in Word/WPS':
        '与 --fix 一起用于 .docx：每处修复写成修订，在 Word/WPS 中接受或拒绝',
    "what columns count in concise, full, json and json-lines output: characters (default), UTF-8 bytes (editors whose error formats count bytes, e.g. Vim's %%c) or UTF-16 code units":
        'concise、full、json 和 json-lines 输出中的列号单位：字符（默认）、UTF-8 字节（按字节计列的编辑器，如 Vim 的 %%c）或 UTF-16 码元',
    'check on N processes (default: one per CPU for runs of 32 files or more, on POSIX; 0 = one per CPU; 1 = no worker processes)':
        '用 N 个进程检查（默认：POSIX 上 32 个文件以上时每个 CPU 一个；0 = 每个 CPU 一个；1 = 不用工作进程）',
    'check on a Dask cluster: a scheduler address (tcp://host:8786) or local[:N] for N local worker processes; PATHs may be fsspec URLs (s3://…); needs pip install "reportlint[dask]"':
        '在 Dask 集群上检查：调度器地址（tcp://host:8786），或 local[:N] 表示 N 个本地工作进程；PATH 可以是 fsspec 地址（s3://…）；需要 pip install "reportlint[dask]"',
    'also write one row per file (path, doctype, characters, findings per rule family, max severity) to PATH: .csv, or .parquet (needs pyarrow)':
        '另把每个文件一行（路径、文种、字数、各规则族问题数、最高级别）写入 PATH：.csv，或 .parquet（需要 pyarrow）',
    'do not read or write the result cache':
        '不读也不写结果缓存',
    'keep the result cache in DIR (default: $XDG_CACHE_HOME/reportlint)':
        '结果缓存放在 DIR（默认：$XDG_CACHE_HOME/reportlint）',
    'remove the result cache':
        '删除结果缓存',
    'Remove the cached results of earlier checks.':
        '删除之前检查缓存的结果。',
    'the cache folder to clean (default: $XDG_CACHE_HOME/reportlint)':
        '要清理的缓存目录（默认：$XDG_CACHE_HOME/reportlint）',
    'print the parsed skeleton of a file':
        '显示文件解析出的结构',
    'Print the report skeleton (articles, titles, headings, paragraphs, signature).':
        '显示报告的结构（文章、标题、各级标题、段落、落款等公文要素）。',
    'language of errors (default: zh)':
        '错误信息的语言（默认：zh）',
    'explain one rule':
        '说明一条规则',
    "Print a rule's documentation.":
        '显示一条规则的文档。',
    'a Word review copy with every finding as a comment (批注)':
        '生成 Word 批注副本：每个问题一条批注',
    'Check a .docx and write a copy with each finding as a Word comment (批注).':
        '检查 .docx，并另存一份副本，把每个问题写成 Word 批注。',
    'the review copy (default: FILE.批注.docx next to FILE)':
        '批注副本的文件名（默认：原文件旁的 FILE.批注.docx）',
    'only these rules (replaces the config)':
        '只用这些规则（取代配置）',
    'use this config file':
        '使用此配置文件',
    'language of the comments (default: zh)':
        '批注的语言（默认：zh）',
    'list all rules':
        '列出全部规则',
    'language of the summaries (default: zh)':
        '规则摘要的语言（默认：zh）',
    'run the language server (LSP over stdio) for editors':
        '为编辑器运行语言服务器（通过标准输入输出的 LSP）',
    'A language server on standard input/output: diagnostics, quick fixes and rule documentation in any LSP editor. Needs the lsp extra: pip install "reportlint[lsp]".':
        '基于标准输入输出的语言服务器：在任何支持 LSP 的编辑器中显示问题、快速修复和规则文档。需要 lsp 扩展：pip install "reportlint[lsp]"。',
    'language of messages when the config does not say (default: zh)':
        '配置未指定时消息的语言（默认：zh）',
    'print a shell completion script':
        '输出 shell 补全脚本',
    'Print a completion script, e.g. `reportlint completion bash > ~/.local/share/bash-completion/completions/reportlint`.':
        '输出补全脚本，例如 `reportlint completion bash > ~/.local/share/bash-completion/completions/reportlint`。',
    'reportlint: error: {message} (see --help)\n':
        'reportlint: error: {message}（见 --help）\n',
    'rule code or name, e.g. {example}':
        '规则代码或名称，例如 {example}',
}

# argparse's own words, which it passes through gettext
ARGPARSE_ZH: dict[str, str] = {
    'usage: ': '用法：',
    'options': '选项',
    'positional arguments': '位置参数',
    'show this help message and exit': '显示帮助并退出',
    "show program's version number and exit": '显示版本号并退出',
    'the following arguments are required: %s': '缺少必需的参数：%s',
    'unrecognized arguments: %s': '无法识别的参数：%s',
    'invalid choice: %(value)r (choose from %(choices)s)': '无效的选项：%(value)r（可选：%(choices)s）',
    'argument %(argument_name)s: %(message)s': '参数 %(argument_name)s：%(message)s',
    'expected one argument': '需要一个值',
    'not allowed with argument %s': '不能与参数 %s 同时使用',
    'invalid %(type)s value: %(value)r': '无效的 %(type)s 值：%(value)r',
}
