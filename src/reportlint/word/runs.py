"""A paragraph's runs as text offsets, split where a comment or a revision must begin or end.

Offsets count characters of the paragraph's visible text exactly as the .docx reader does
(``load/docx.py``): a tab, a break or a non-breaking hyphen is one character.
"""

from __future__ import annotations

import copy
from typing import Any

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_ONE_CHAR = {f"{{{W}}}{tag}" for tag in ("br", "cr", "noBreakHyphen", "ptab", "tab")}
T, RPR, R = f"{{{W}}}t", f"{{{W}}}rPr", f"{{{W}}}r"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _length(child: Any) -> int:
    if child.tag == T:
        return len(child.text or "")
    return 1 if child.tag in _ONE_CHAR else 0


def run_length(r: Any) -> int:
    return sum(_length(c) for c in r)


def runs_with_offsets(p: Any) -> list[tuple[Any, int, int]]:
    """(w:r, start, end) of every run with visible text, in order, read fresh from the XML."""
    from reportlint.load.docx import RUN_XPATH, _xpaths

    find_runs = _xpaths()[0]
    assert RUN_XPATH  # the same run set the reader uses
    out, pos = [], 0
    for r in find_runs(p):
        n = run_length(r)
        if n:
            out.append((r, pos, pos + n))
            pos += n
    return out


def split_run(r: Any, k: int) -> Any:
    """Split ``r`` after its ``k``-th character (0 < k < length); return the second half.

    Both halves keep the run's formatting (``w:rPr``), so nothing looks different in Word.
    """
    second = copy.deepcopy(r)
    content = [c for c in r if c.tag != RPR]
    content2 = [c for c in second if c.tag != RPR]
    pos = 0
    for i, child in enumerate(content):
        n = _length(child)
        if pos + n <= k:
            pos += n
            continue
        cut = k - pos  # 0 <= cut < n
        if cut == 0:
            keep_first, keep_second = content[:i], content2[i:]
        else:  # inside a w:t
            text = child.text or ""
            child.text, content2[i].text = text[:cut], text[cut:]
            child.set(XML_SPACE, "preserve")
            content2[i].set(XML_SPACE, "preserve")
            keep_first, keep_second = content[:i + 1], content2[i:]
        for c in content:
            if c not in keep_first:
                r.remove(c)
        for c in content2:
            if c not in keep_second:
                second.remove(c)
        r.addnext(second)
        return second
    raise ValueError(f"cannot split a run of {pos} characters at {k}")


def boundary(p: Any, offset: int) -> None:
    """Make ``offset`` fall between two runs (splitting the run around it when needed)."""
    for r, start, end in runs_with_offsets(p):
        if start < offset < end:
            split_run(r, offset - start)
            return


def span(p: Any, start: int, end: int) -> list[Any]:
    """The runs covering exactly ``[start, end)`` of the paragraph's text (split as needed)."""
    boundary(p, start)
    boundary(p, end)
    return [r for r, s, e in runs_with_offsets(p) if start <= s and e <= end]
