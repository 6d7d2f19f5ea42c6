"""lark's parser cache is a pickle: it lives in our cache folder and is used only when no one else could have written it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

_BUILD = """
import sys
from reportlint.parse import parser
lines, _ = parser.classify_lines("一、总体情况\\n正文。\\n")
print(parser._cache_file(parser.data_dir("grammars").joinpath(parser.GRAMMAR_FILE).read_text(encoding="utf-8")))
print(lines[0].kind)
"""


def _run(cache_home: Path) -> list[str]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    run = subprocess.run([sys.executable, "-c", _BUILD], capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    return run.stdout.split()


def test_the_parser_is_cached_in_our_folder_not_the_shared_temporary_one(tmp_path: Path) -> None:
    entry, kind = _run(tmp_path / "cache")
    assert kind == "heading"
    assert Path(entry).parent == tmp_path / "cache" / "reportlint" and Path(entry).is_file()
    assert Path(entry).stat().st_mode & 0o022 == 0
    assert _run(tmp_path / "cache") == [entry, "heading"]  # the second run reads it


class _Planted:
    """A pickle that, when loaded, leaves a file behind: what an attacker would plant."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (self.marker, "w"))


@pytest.mark.parametrize("exposed", ["file", "folder"])
def test_a_cache_others_could_write_is_never_unpickled(tmp_path: Path, exposed: str) -> None:
    import pickle

    home = tmp_path / "cache"
    entry, _ = _run(home)  # where the cache goes
    marker = tmp_path / "planted-code-ran"
    good = Path(entry).read_bytes()
    first_line = good.split(b"\n", 1)[0]  # lark's own check: the grammar's digest
    Path(entry).write_bytes(first_line + b"\n" + pickle.dumps(_Planted(str(marker))))
    if exposed == "file":
        os.chmod(entry, 0o666)
    else:
        os.chmod(Path(entry).parent, 0o777)
    result = _run(home)
    assert result[0] == "None" and result[1] == "heading"  # built without the cache
    assert not marker.exists()
    # the same planted file, writable only by us, is ours: lark loads it (proves the plant is live)
    os.chmod(Path(entry).parent, 0o755)
    os.chmod(entry, 0o644)
    env = {**os.environ, "XDG_CACHE_HOME": str(home)}
    subprocess.run([sys.executable, "-c", _BUILD], capture_output=True, text=True, env=env, timeout=120)
    assert marker.exists()
