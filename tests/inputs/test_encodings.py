"""Encodings: the same report in GB18030, UTF-16, UTF-8 with BOM or CRLF gives the same findings."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reportlint.load.source import Source, SourceError, decode, load_text
from reportlint.run.check import CheckOptions, run

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "inputs" / "farm-report.txt"

VARIANTS = {
    "gb18030": lambda t: t.encode("gb18030"),
    "gbk": lambda t: t.encode("gbk"),
    "utf-16": lambda t: t.encode("utf-16"),
    "utf-16-be-bom": lambda t: "\ufeff".encode("utf-16-be") + t.encode("utf-16-be"),
    "utf-32": lambda t: t.encode("utf-32"),
    "utf-8-bom": lambda t: t.encode("utf-8-sig"),
    "crlf": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    "gb18030-crlf": lambda t: t.replace("\n", "\r\n").encode("gb18030"),
}


def findings(path: Path, **options) -> list[tuple[str, int, int, int, int]]:
    """(code, line, column, end line, end column) of every finding, in order."""
    _, results = run([str(path)], CheckOptions(**options))
    assert [r.error for r in results] == [None]
    source = results[0].source
    return [(d.code, *source.lines.position(d.start), *source.lines.position(d.end))
            for d in results[0].diagnostics]


def _same_findings_in_every_encoding(text: str, tmp_path: Path) -> None:
    original = tmp_path / "utf8.txt"
    original.write_bytes(text.encode("utf-8"))
    want = findings(original)
    assert want, "the report must have findings, or the comparison proves nothing"
    for name, encode in VARIANTS.items():
        variant = tmp_path / f"{name}.txt"
        variant.write_bytes(encode(text))
        assert findings(variant) == want, name


def test_seed_gives_identical_findings_in_every_encoding(seed_path, tmp_path):
    _same_findings_in_every_encoding(seed_path.read_text(encoding="utf-8"), tmp_path)


def test_own_fixture_gives_identical_findings_in_every_encoding(tmp_path):
    _same_findings_in_every_encoding(FIXTURE.read_text(encoding="utf-8"), tmp_path)


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_every_variant_round_trips_byte_for_byte(name):
    data = VARIANTS[name](FIXTURE.read_text(encoding="utf-8"))
    source = load_text(data, f"x.{name}")
    assert source.lossless
    assert source.encode() == data
    assert source.text == FIXTURE.read_text(encoding="utf-8")


def test_detected_encodings_are_named():
    text = FIXTURE.read_text(encoding="utf-8")
    assert load_text(text.encode("gb18030"), "a").encoding == "gb18030"
    assert load_text(text.encode("utf-16"), "a").encoding == "utf-16-le"
    utf8 = load_text(text.encode("utf-8-sig"), "a")
    assert (utf8.encoding, utf8.bom) == ("utf-8", True)
    assert load_text(text.replace("\n", "\r\n").encode(), "a").newline == "\r\n"


def test_short_gbk_line_is_not_taken_for_korean():
    # charset-normalizer's single best guess for these 16 bytes is cp949
    data = "本年度工作总结。".encode("gbk")
    assert decode(data, "short.txt") == ("本年度工作总结。", "gb18030", False)


def test_big5_report_is_read_as_big5():
    text = "總結報告範文\n本年度工作順利完成。\n"
    assert decode(text.encode("big5"), "tw.txt")[:2] == (text, "big5")


def test_mixed_newlines_are_read_but_marked_not_rewritable():
    source = load_text("第一行\r\n第二行\n第三行\n".encode(), "mixed.txt")
    assert source.text == "第一行\n第二行\n第三行\n"
    assert source.newline is None and not source.lossless


def test_positions_count_characters_not_bytes():
    source = Source.from_text("县教育局\r\n二〇二三年xx县\r\n")
    offset = source.text.index("xx")
    assert source.lines.position(offset) == (2, 6)


def test_encoding_option_and_config_key_override_detection(tmp_path):
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(FIXTURE.read_text(encoding="utf-8").encode("gbk"))
    _, results = run([str(gbk)], CheckOptions(encoding="utf-8", lang="en"))
    assert results[0].error and "not valid utf-8 at byte" in results[0].error
    declared = tmp_path / "declared"
    declared.mkdir()
    (declared / ".reportlint.yaml").write_text("encoding: utf-8\n", encoding="utf-8")
    shutil.copy(gbk, declared / "gbk.txt")
    _, results = run([str(declared / "gbk.txt")], CheckOptions())
    assert results[0].error and "不是有效的 utf-8 文本" in results[0].error
    shutil.copy(FIXTURE, tmp_path / "utf8.txt")
    assert findings(gbk, encoding="gbk") == findings(tmp_path / "utf8.txt")


def test_unknown_encoding_name_is_an_error():
    with pytest.raises(SourceError, match="unknown encoding 'klingon'"):
        decode(b"abc", "a.txt", "klingon")


def test_undetectable_bytes_are_refused_not_guessed():
    junk = bytes(range(128, 256)) * 4
    with pytest.raises(SourceError, match="not valid UTF-8 at byte 0"):
        load_text(junk, "junk.txt")


def test_plain_utf8_check_imports_neither_docx_nor_charset_normalizer(tmp_path):
    report = tmp_path / "r.txt"
    shutil.copy(FIXTURE, report)
    code = ("import sys\nfrom reportlint.cli import main\nmain(['check', '-q', sys.argv[1]])\n"
            "print(sorted(m for m in ('docx', 'charset_normalizer', 'lxml') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code, str(report)], capture_output=True, text=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_every_real_report_survives_gb18030_and_utf16(corpus_dir):
    for path in sorted(corpus_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for encoding in ("gb18030", "utf-16"):
            data = text.encode(encoding)
            source = load_text(data, path.name)
            assert source.text == text and source.lossless, (path.name, encoding, source.encoding)
            assert source.encode() == data


def test_utf16_without_bom_needs_the_encoding_named(tmp_path):
    data = FIXTURE.read_text(encoding="utf-8").encode("utf-16-le")
    with pytest.raises(SourceError, match="use --encoding utf-16-le"):
        load_text(data, "nobom.txt")
    path = tmp_path / "nobom.txt"
    path.write_bytes(data)
    shutil.copy(FIXTURE, tmp_path / "utf8.txt")
    assert findings(path, encoding="utf-16-le") == findings(tmp_path / "utf8.txt")
