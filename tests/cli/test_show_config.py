"""``check --show-config FILE``: the configuration that applies to one file, and where it comes from."""

from __future__ import annotations


def test_show_config_names_files_overrides_and_rules(cli, tmp_path):
    (tmp_path / "archive").mkdir()
    (tmp_path / ".reportlint.yaml").write_text(
        "extends: gbt9704\nencoding: gb18030\nexclude: [drafts/]\n"
        "rules:\n  PH002: warning\n"
        "per-file-ignores:\n  \"archive/*.txt\": [HD006]\n", encoding="utf-8")
    result = cli("check", "--show-config", "archive/old.txt", "--ignore", "RL100", "--lang", "en")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    files = [line.strip() for line in out.split("\n") if line.endswith((".yaml", ".toml"))]
    assert [f.rsplit("/", 1)[-1] for f in files] == ["default.yaml", "gbt9704.yaml", ".reportlint.yaml"]
    assert "command line: --ignore RL100" in out
    assert "encoding: gb18030 (config)" in out
    assert "exclude: drafts/" in out
    assert "per-file-ignores for this file: archive/*.txt → HD006" in out
    assert "PH002  masked-name" in out and "warning (default error)" in out
    disabled = next(line for line in out.split("\n") if line.startswith("disabled rules:"))
    assert "HD006" in disabled and "RL100" in disabled
    assert "  HD006 " not in out


def test_show_config_elsewhere_does_not_apply_per_file_ignores(cli, tmp_path):
    (tmp_path / ".reportlint.yaml").write_text(
        "per-file-ignores:\n  \"archive/*.txt\": [HD006]\n", encoding="utf-8")
    out = cli("check", "--show-config", "current/new.txt").stdout
    assert "适用于本文件的 per-file-ignores：-" in out and "编码：自动检测" in out
    assert "  HD006 " in out


def test_show_config_with_a_broken_config_is_exit_2(cli, tmp_path):
    (tmp_path / ".reportlint.yaml").write_text("rules:\n  PH002: {max-gap: 3}\n", encoding="utf-8")
    result = cli("check", "--show-config", "a.txt")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "rules.PH002：该规则没有选项，“max-gap”无效" in result.stderr
    result = cli("check", "--show-config", "a.txt", "--lang", "en")
    assert result.stderr.count("\n") == 1 and "unknown option 'max-gap'" in result.stderr
