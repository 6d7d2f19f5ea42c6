"""Word files built by the tests themselves (python-docx, then lxml for what it has no API for)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
V_NS = "urn:schemas-microsoft-com:vml"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT_NOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml"


def body_docx(lines: list[str], path: Path | None = None, *, title_style: bool = False) -> bytes:
    """One paragraph per line, one run each (the first one in the Title style when asked)."""
    document = docx.Document()
    for n, line in enumerate(lines):
        document.add_paragraph(line, style="Title" if title_style and n == 0 else None)
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    if path is not None:
        path.write_bytes(data)
    return data


def _notes_xml(kind: str, tag: str, texts: list[str]) -> bytes:
    notes = [f'<w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>',
             f'<w:{tag} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{tag}>']
    for n, text in enumerate(texts, 1):
        notes.append(f'<w:{tag} w:id="{n}"><w:p><w:r><w:{tag}Ref/></w:r><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:{tag}>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{kind} xmlns:w="{W_NS}">'
            + "".join(notes) + f"</w:{kind}>").encode()


def all_parts_docx(path: Path, *, body: list[str], header: str, footer: str, footnotes: list[str],
                   endnotes: list[str], text_box: str) -> None:
    """A report with a header, a footer, footnotes, endnotes and a (VML) text box."""
    document = docx.Document()
    for line in body:
        document.add_paragraph(line)
    section = document.sections[0]
    section.header.paragraphs[0].text = header
    section.footer.paragraphs[0].text = footer
    # a text box inside the last body paragraph, and the note references after it
    p = document.paragraphs[-1]._p
    from docx.oxml import parse_xml

    p.append(parse_xml(
        f'<w:r xmlns:w="{W_NS}" xmlns:v="{V_NS}"><w:pict><v:shape style="width:200pt;height:40pt">'
        f'<v:textbox><w:txbxContent><w:p><w:r><w:t>{text_box}</w:t></w:r></w:p></w:txbxContent>'
        f'</v:textbox></v:shape></w:pict></w:r>'))
    for n in range(1, len(footnotes) + 1):
        p.append(parse_xml(f'<w:r xmlns:w="{W_NS}"><w:footnoteReference w:id="{n}"/></w:r>'))
    for n in range(1, len(endnotes) + 1):
        p.append(parse_xml(f'<w:r xmlns:w="{W_NS}"><w:endnoteReference w:id="{n}"/></w:r>'))
    buffer = io.BytesIO()
    document.save(buffer)
    parts = {"word/footnotes.xml": _notes_xml("footnotes", "footnote", footnotes),
             "word/endnotes.xml": _notes_xml("endnotes", "endnote", endnotes)}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "[Content_Types].xml":
                extra = "".join(f'<Override PartName="/{name}" ContentType="{CT_NOTES.format(kind=name[5:-4])}"/>'
                                for name in parts)
                data = data.replace(b"</Types>", extra.encode() + b"</Types>")
            elif info.filename == "word/_rels/document.xml.rels":
                extra = "".join(f'<Relationship Id="rIdNotes{k}" Type="{REL}/{name[5:-4]}" Target="{name[5:]}"/>'
                                for k, name in enumerate(parts))
                data = data.replace(b"</Relationships>", extra.encode() + b"</Relationships>")
            dst.writestr(info, data)
        for name, data in parts.items():
            dst.writestr(name, data)
    path.write_bytes(out.getvalue())
