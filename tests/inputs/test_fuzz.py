"""Fuzz targets: every reader and the grammar, 10,000 examples each, with a fixed seed.

Nothing may raise but the documented error: a reader refuses bad bytes with ``SourceError``
(one line, exit 2 at the CLI); the grammar and the model builder accept any text. ``slow``:
``-m "not slow"`` skips them, ``.ci/run`` (plain ``pytest``) runs them. Each target is sized to
finish in well under a minute here; ``derandomize`` makes every run try the same examples.
"""

from __future__ import annotations

import io
import os
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportlint.load import docx as docx_reader
from reportlint.load import markdown
from reportlint.load.source import SourceError, load_text
from reportlint.parse.build import parse_document
from reportlint.parse.parser import classify_lines

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "10000"))
FUZZ = settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
                suppress_health_check=list(HealthCheck))

# text that looks like a report: markers, brackets, numerals, Markdown syntax, controls, newlines
_ALPHABET = st.sampled_from(list(
    "一二三四五六七八九十（）()〔〕[]【】《》“”‘’\"'、。，；：！？.,:;-—…#*_`>|!~<>&\\/ \t\u3000\n\r"
    "0123456789年月日第章节条款项号工作总结报告关于通知附件xX□○〇\x00\x1b\u200b\u202e\ufeff\ud800"
))
REPORTISH = st.text(_ALPHABET, max_size=400) | st.text(max_size=200)
ENCODINGS = st.sampled_from([None, "utf-8", "utf-8-sig", "gb18030", "gbk", "big5", "utf-16", "utf-16-le",
                             "latin-1", "ascii", "rot13", "hex", "no-such-codec", ""])


@pytest.mark.slow
@FUZZ
@given(data=st.binary(max_size=300) | REPORTISH.map(lambda t: t.encode("utf-8", "surrogatepass")),
       encoding=ENCODINGS)
def test_text_reader_raises_only_source_error(data: bytes, encoding: str | None) -> None:
    try:
        source = load_text(data, "fuzz.txt", encoding)
    except SourceError:
        return
    parse_document(source)


@pytest.mark.slow
@FUZZ
@given(data=REPORTISH.map(lambda t: t.encode("utf-8", "surrogatepass")) | st.binary(max_size=300),
       encoding=st.sampled_from([None, "utf-8", "gb18030"]))
def test_markdown_reader_raises_only_source_error(data: bytes, encoding: str | None) -> None:
    try:
        source = markdown.read(data, "fuzz.md", encoding)
    except SourceError:
        return
    parse_document(source)


@pytest.mark.slow
@FUZZ
@given(text=REPORTISH)
def test_grammar_classifies_any_text(text: str) -> None:
    text = text.replace("\r", "\n")  # the loader normalises newlines before the parser sees text
    lines, failure = classify_lines(text)
    assert failure is None
    for line in lines:
        assert 0 <= line.start <= line.end <= len(text)


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        "</Types>"),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="word/document.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
        "</Relationships>"),
}


def _package(document_xml: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, text in _PARTS.items():
            package.writestr(name, text)
        package.writestr("word/document.xml", document_xml)
    return out.getvalue()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_RUN = REPORTISH.map(lambda t: f'<w:r><w:t xml:space="preserve">{_escape(t)}</w:t></w:r>')
_PIECE = _RUN | st.sampled_from([
    "<w:r><w:tab/></w:r>", "<w:r><w:br/></w:r>", '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>',
    '<w:pPr><w:pStyle w:val="标题 2"/></w:pPr>', "<w:hyperlink><w:r><w:t>链接</w:t></w:r></w:hyperlink>",
    "<w:ins><w:r><w:t>插入</w:t></w:r></w:ins>", "<w:del><w:r><w:delText>删除</w:delText></w:r></w:del>",
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>表</w:t></w:r></w:p></w:tc></w:tr></w:tbl>", "<w:sdt/>", "<x/>",
])
_PARAGRAPHS = st.lists(st.lists(_PIECE, max_size=5).map(lambda ps: "<w:p>" + "".join(ps) + "</w:p>"), max_size=6)
_STRUCTURED = _PARAGRAPHS.map(
    lambda ps: (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W}"><w:body>'
                + "".join(ps) + "</w:body></w:document>").encode("utf-8", "surrogatepass"))
_TEMPLATE = (f'<w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>'
             "</w:body></w:document>").encode()
_MUTATED_XML = st.lists(st.tuples(st.integers(0, len(_TEMPLATE) - 1), st.binary(max_size=4)), max_size=4).map(
    lambda edits: _apply(_TEMPLATE, edits))


def _apply(data: bytes, edits: list[tuple[int, bytes]]) -> bytes:
    for at, replacement in edits:
        data = data[:at] + replacement + data[at + len(replacement):]
    return data


def _read_docx(data: bytes) -> None:
    try:
        source = docx_reader.read(data, "fuzz.docx")
    except SourceError:
        return
    parse_document(source)


@pytest.mark.slow
@FUZZ
@given(document_xml=_STRUCTURED | _MUTATED_XML | st.binary(max_size=200))
def test_docx_reader_on_any_document_xml_raises_only_source_error(document_xml: bytes) -> None:
    _read_docx(_package(document_xml))


_VALID = _package(_TEMPLATE)


@pytest.mark.slow
@FUZZ
@given(edits=st.lists(st.tuples(st.integers(0, len(_VALID) - 1), st.binary(min_size=1, max_size=4)), max_size=6),
       keep=st.integers(0, len(_VALID)) | st.just(len(_VALID)))
def test_docx_reader_on_damaged_zip_bytes_raises_only_source_error(edits: list[tuple[int, bytes]], keep: int) -> None:
    _read_docx(_apply(_VALID, edits)[:keep])


def test_the_docx_template_is_read() -> None:
    """The fuzzed packages start from a valid one: it must read (else every example is refused)."""
    assert docx_reader.read(_VALID, "t.docx").text == "一、总体情况"


def test_a_zip_naming_an_unsupported_version_is_a_source_error() -> None:
    """Found by the zip fuzz target: zipfile raises NotImplementedError("zip file version 6.4")."""
    damaged = _apply(_VALID, [(804, b"\x00@")])[:884]
    with pytest.raises(SourceError):
        docx_reader.read(damaged, "fuzz.docx")
