"""``reportlint annotate FILE.docx``: a review copy with every finding as a Word comment (批注).

Each comment is anchored on exactly the text its finding concerns: the runs around it are split
(formatting kept) so the highlighted range starts and ends where the finding does. A finding
with no text of its own (an empty span, a missing section) or in a part Word cannot comment on
(headers, footers) is anchored on the title. The original file is never written.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from reportlint.messages import error, say
from reportlint.outcome import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK

AUTHOR, INITIALS = "reportlint", "RL"


def default_output(path: str) -> str:
    p = Path(path)
    return str(p.with_name(f"{p.stem}.批注{p.suffix}"))


def annotate(path: str, output: str | None, options: Any) -> int:
    """Check ``path`` as ``reportlint check`` would, write the commented copy; the exit code."""
    from reportlint.run.check import run

    session, results = run([path], options)
    lang = session.lang
    if not path.lower().endswith(".docx"):
        error(f"{path}: {say('annotate_docx_only', lang)}")
        return EXIT_ERROR
    output = output or default_output(path)
    if Path(output).resolve() == Path(path).resolve():
        error(f"{output}: {say('annotate_same_file', lang)}")
        return EXIT_ERROR
    result = results[0] if results else None
    if result is None or result.error or result.source is None:
        error(f"{path}: {result.error if result is not None else ''}")
        return EXIT_ERROR
    data = build_copy(Path(path).read_bytes(), result.source, result.diagnostics, lang)
    try:
        _write_new(output, data)
    except OSError as exc:
        error(f"{output}: {say('cannot_write_output', lang, error=exc.strerror or str(exc))}")
        return EXIT_ERROR
    n = len(result.diagnostics)
    import sys

    sys.stderr.write(say("annotated", lang, path=output, n=n) + "\n")
    return EXIT_FINDINGS if n else EXIT_OK


def _write_new(path: str, data: bytes) -> None:
    """Write through a temporary file in the same folder and rename: never half a copy."""
    import os
    import tempfile

    target = Path(path)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".reportlint.tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def comment_text(diag: Any, source: Any, lang: str, where: str = "") -> str:
    """``CODE message``, where it is when not in the body, and the fix (title and edit) if any."""
    text = f"{diag.code} {diag.message}"
    if where:
        text += say("comment_where_part", lang, where=where)
    fix = diag.fix
    if fix is not None:
        separator = say("comment_edit_separator", lang)
        edits = separator.join(say("comment_edit", lang, old=source.text[e.start:e.end], new=e.content)
                               for e in fix.edits[:3])
        text += "\n" + say("comment_fix_line", lang, title=fix.title)
        if edits:
            text += say("comment_edits", lang, edits=edits)
    return text


def build_copy(data: bytes, source: Any, diagnostics: list[Any], lang: str) -> bytes:
    import docx
    from docx.text.run import Run

    from reportlint.load.docx import iter_all_paragraphs, where_label
    from reportlint.word.runs import span

    document = docx.Document(io.BytesIO(data))
    found = list(iter_all_paragraphs(document))
    layout = source.layout.paragraphs
    assert len(found) == len(layout), "the annotated copy must be read as the checked file was"
    lines = source.text.split("\n")
    title = _title_line(source, lines, layout)

    def commentable(line: int) -> bool:
        return layout[line - 1].where == "body" or layout[line - 1].where.startswith("table ")

    for diag in sorted(diagnostics, key=lambda d: d.sort_key()):
        line, s = source.lines.position(diag.start)
        end_line, e = source.lines.position(diag.end)
        s, e = s - 1, e - 1
        if end_line > line and e == 0:  # a span ending at a line start ends on the line before
            end_line -= 1
            e = len(lines[end_line - 1])
        if (line, s) == (end_line, e):  # an empty span: the character after it, else before
            if e < len(lines[line - 1]):
                e += 1
            elif s > 0:
                s -= 1
        where = "" if commentable(line) else where_label(layout[line - 1].where, lang)
        runs: list[Any] = []
        if not where and (line, s) != (end_line, e):
            first_p, last_p = found[line - 1][1], found[end_line - 1][1]
            if end_line == line:
                runs = span(first_p._p, s, e)
                parents = [first_p] * len(runs)
            elif commentable(end_line):
                head, tail = span(first_p._p, s, len(lines[line - 1])), span(last_p._p, 0, e)
                runs, parents = head + tail, [first_p] * len(head) + [last_p] * len(tail)
        if not runs and title is not None:  # the whole document, or a part Word cannot comment on
            paragraph = found[title - 1][1]
            runs = span(paragraph._p, 0, len(lines[title - 1]))
            parents = [paragraph] * len(runs)
        if not runs:
            continue
        document.add_comment([Run(runs[0], parents[0]), Run(runs[-1], parents[-1])],
                             text=comment_text(diag, source, lang, where), author=AUTHOR, initials=INITIALS)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _title_line(source: Any, lines: list[str], layout: Any) -> int | None:
    """The title's line: a Title-styled paragraph, else the first body line with text."""
    for line, level in sorted((source.heading_hints or {}).items()):
        if level == 0 and lines[line - 1].strip():
            return line
    for paragraph in layout:
        if paragraph.where == "body" and lines[paragraph.line - 1].strip():
            return paragraph.line
    return None

