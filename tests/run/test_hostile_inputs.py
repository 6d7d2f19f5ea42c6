"""Whole checks of hostile documents finish: a subprocess with a generous timeout (a behaviour
test, not a benchmark; bench/scaling.py has the figures).

Before: 50,000 ``[`` on one Markdown line took ~20 s in the loader alone (each ``[`` scanned to
the line's end) and over a minute with text between them; 100,000 unmatched ``（`` took minutes; 50,000 ``![图`` took minutes in DU004 (each sentence compared with every earlier one
in its paragraph; now with the nearest 40).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

CASES = {
    "brackets.md": "# 工作总结\n\n" + "[链接" * 50_000 + "\n",
    "images.md": "# 工作总结\n\n" + "![图" * 50_000 + "\n",
    "parens.txt": "某某县工作总结\n\n" + "全年（" * 100_000 + "\n",
}
TIMEOUT = 60  # seconds, on a loaded machine; the quadratic scans needed minutes


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_hostile_document_is_checked_in_bounded_time(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(CASES[name], encoding="utf-8")
    exe = str(Path(sys.executable).with_name("reportlint"))
    run = subprocess.run([exe, "check", str(path), "--no-cache", "--jobs", "1", "--format", "concise"],
                         capture_output=True, text=True, timeout=TIMEOUT)
    assert run.returncode in (0, 1), run.stderr[-2000:]
    assert "Traceback" not in run.stderr
