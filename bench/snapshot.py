"""Snapshot reportlint's JSON findings on a fixed set of documents, or compare against a snapshot.

A refactor must not change what reportlint finds: run ``snapshot.py write OUT`` before it and
``snapshot.py compare OUT`` after. The set: every document the test suite ships (heldout, blind,
fixtures, the bundled example, each YAML rule case), the seed report and the 48 real reports
when ``../shared`` is beside the checkout.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SUFFIXES = {".txt", ".md", ".docx"}


def documents() -> list[Path]:
    """Every document on disk the snapshot covers, in a stable order."""
    roots = [ROOT / "examples", ROOT / "tests", SHARED / "examples", SHARED / "corpus" / "real"]
    found = {p for r in roots if r.is_dir() for p in r.rglob("*") if p.suffix in SUFFIXES and p.is_file()}
    return sorted(found)


def case_texts(tmp: Path) -> list[Path]:
    """The rule cases' texts as files, so the snapshot also covers every YAML case."""
    import yaml

    out = []
    for case_file in sorted((ROOT / "tests" / "rules").rglob("*.yml")):
        data = yaml.safe_load(case_file.read_text(encoding="utf-8")) or {}
        for name, case in sorted((data.get("cases") or {}).items()):
            if not isinstance(case, dict):
                continue
            for key in ("fail_str", "pass_str"):
                if isinstance(case.get(key), str):
                    path = tmp / f"{case_file.stem}-{name}-{key}.txt"
                    path.write_text(case[key], encoding="utf-8")
                    out.append(path)
    return out


def run(paths: list[Path], lang: str) -> list[dict]:
    """One reportlint run per batch of files; JSON findings with paths made relative."""
    exe = Path(sys.executable).with_name("reportlint")
    results: list[dict] = []
    for i in range(0, len(paths), 200):
        batch = [str(p) for p in paths[i : i + 200]]
        proc = subprocess.run(
            [str(exe), "check", "--format", "json", "--no-summary", "--jobs", "1", "--lang", lang, *batch],
            capture_output=True,
            text=True,
        )
        if proc.returncode not in (0, 1):
            raise SystemExit(f"reportlint failed ({proc.returncode}): {proc.stderr.strip()}")
        results.extend(json.loads(proc.stdout or "[]"))
    return results


def snapshot() -> dict[str, list[dict]]:
    """Findings per document, in both languages."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = documents() + case_texts(Path(tmp))
        out: dict[str, list[dict]] = {}
        for lang in ("zh", "en"):
            for item in run(paths, lang):
                path = Path(item["path"])
                # a document is known by its name and content, so moving a test folder changes no key
                digest = hashlib.sha256(path.read_bytes()).hexdigest()[:10]
                key = f"{path.name}@{digest}"
                item["path"] = key  # temporary folders differ between runs
                out.setdefault(f"{lang}:{key}", []).append(item)
        return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["write", "compare"])
    parser.add_argument("file", type=Path)
    args = parser.parse_args()
    current = snapshot()
    if args.mode == "write":
        args.file.write_text(json.dumps(current, ensure_ascii=False, sort_keys=True, indent=1), encoding="utf-8")
        digest = hashlib.sha256(args.file.read_bytes()).hexdigest()[:12]
        print(f"{sum(map(len, current.values()))} findings in {len(current)} documents, sha256 {digest}")
        return 0
    before = json.loads(args.file.read_text(encoding="utf-8"))
    changed = sorted(k for k in before if before[k] != current.get(k))
    for key in changed[:20]:
        print(f"changed: {key}")
    print(f"{len(changed)} of {len(before)} documents differ")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
