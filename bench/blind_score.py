"""Score reportlint on the blind set (tests/blind): recall per category and false findings.

The documents and labels were written by sessions that never read the rule code; a rule change
is judged by this score before and after, never by editing the documents or labels. A label is
found when an error or warning of one of its category's rule families starts on (or spans) the
labelled line. A false finding is an error or warning on a line no label names (any category) that
answers no label by spanning its line;
on a clean document every error or warning is false.

    python bench/blind_score.py [--json] [--details] [--by-doctype] [--set tests/dev]

``--set`` scores another labelled set of the same layout (``docs/``, ``labels-*.jsonl``, ``README-*.md``),
e.g. the development set ``tests/dev`` that rule authors may read and tune against; the blind set stays
the measure.

``--by-doctype`` breaks recall and false findings down by 文种 × category, the 文种 of each
document as its writer recorded it in the set's README table (the head word: 通知, 请示, 工作总结…).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BLIND = ROOT / "tests" / "blind"  # replaced by --set

# the rule families (code prefixes, or full codes) that answer for each label category
FAMILIES: dict[str, tuple[str, ...]] = {
    "structure": ("SC", "PS", "DS"),
    "attachment": ("AT",),
    "signature": ("SG",),
    "addressee": ("AD",),
    "imprint": ("IM",),
    "doc-number": ("DN",),
    "placeholder": ("PH",),
    "year": ("YR", "DT007", "AN"),
    "anniversary": ("AN",),
    "date": ("DT",),
    "sum": ("SM",),
    "heading": ("HD",),
    "enumeration": ("EN",),
    # a doubled mark (，，) is a punctuation defect in the sets' briefs; TY008 is the rule that finds it
    "punctuation": ("PU", "TY008"),
    "pairs": ("PA",),
    # the sets' briefs put the joining marks of a series or range (顿号, 2-3家, 9月1日-9月30日) under
    # "serial"; the range hyphen is TY001's, which also answers for "typography"
    "serial": ("SP", "TY001"),
    "residue": ("RS",),
    "duplicate": ("DU",),
    "wording": ("WD",),
    "script": ("ZH",),
    "typography": ("TY",),
}


# Families outside the brief the set was written from: the layout of a .docx (LY) was not one of its
# categories, and its .docx files carry python-docx's default page (Letter, 11 pt) — every one
# deviates from GB/T 9704's layout, truly but unlabelled. Their findings are counted apart.
UNSCORED = ("LY",)


def labels() -> tuple[list[dict], set[str]]:
    found, clean = [], set()
    for path in sorted(BLIND.glob("labels-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                if item.get("clean"):
                    clean.add(item["file"])
                else:
                    found.append(item)
    return found, clean


def findings() -> list[dict]:
    exe = Path(sys.executable).with_name("reportlint")
    docs = sorted(str(p) for p in (BLIND / "docs").iterdir() if p.is_file())
    proc = subprocess.run([str(exe), "check", "--format", "json", "--no-summary", "--no-cache", "--jobs", "1", *docs],
                          capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"reportlint failed ({proc.returncode}): {proc.stderr.strip()}")
    return json.loads(proc.stdout or "[]")


def doctypes() -> dict[str, str]:
    """file → 文种 from the README tables (``| a01.txt | 通知（印发通知） | …``), parentheses dropped."""
    import re

    kinds = {}
    for readme in sorted(BLIND.glob("README-*.md")):
        for line in readme.read_text(encoding="utf-8").splitlines():
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) > 2 and re.fullmatch(r"[a-z][0-9]+\.\w+", cells[0]):
                kinds[cells[0]] = re.split(r"[（(]", cells[1])[0].strip() or "?"
    return kinds


def by_doctype(result: dict) -> dict[str, dict]:
    """文种 → {"recall": category → Counter, "false": n, "files": n}."""
    kinds = doctypes()
    wanted, _ = labels()
    missed = {(m["file"], m["line"], m["category"], m["text"]) for m in result["missed"]}
    table: dict[str, dict] = defaultdict(lambda: {"recall": defaultdict(Counter), "false": 0, "files": set()})
    for label in wanted:
        row = table[kinds.get(label["file"], "?")]
        row["files"].add(label["file"])
        counts = row["recall"][label["category"]]
        counts["total"] += 1
        counts["found"] += (label["file"], label["line"], label["category"], label["text"]) not in missed
    for name in result["clean"]:
        table[kinds.get(name, "?")]["files"].add(name)
    for f in result["false"]:
        table[kinds.get(Path(f["path"]).name, "?")]["false"] += 1
    return table


def print_by_doctype(result: dict) -> None:
    print(f"{'文种':<10} {'files':>5} {'found':>5} {'total':>5} {'false':>5}  categories (found/total)")
    for kind, row in sorted(by_doctype(result).items(), key=lambda kv: -len(kv[1]["files"])):
        recall = row["recall"]
        found = sum(c["found"] for c in recall.values())
        total = sum(c["total"] for c in recall.values())
        cells = " ".join(f"{cat} {c['found']}/{c['total']}" for cat, c in sorted(recall.items()))
        print(f"{kind:<10} {len(row['files']):>5} {found:>5} {total:>5} {row['false']:>5}  {cells}")


def answers(code: str, category: str) -> bool:
    return any(code.startswith(prefix) for prefix in FAMILIES.get(category, ()))


def score() -> dict:
    wanted, clean = labels()
    by_file: dict[str, list[dict]] = defaultdict(list)
    for item in findings():
        if item["severity"] in ("error", "warning") and not item["code"].startswith(UNSCORED):
            by_file[Path(item["path"]).name].append(item)
    recall: dict[str, Counter] = defaultdict(Counter)
    missed = []
    answering: set[int] = set()  # findings that answer a label by spanning its line
    for label in wanted:
        hits = [f for f in by_file[label["file"]]
                if f["line"] <= label["line"] <= max(f["line"], f["end_line"] - (f["end_column"] == 1))
                and answers(f["code"], label["category"])]
        recall[label["category"]]["total"] += 1
        recall[label["category"]]["found"] += bool(hits)
        answering.update(id(f) for f in hits)
        if not hits:
            missed.append(label)
    labelled_lines = {(label["file"], label["line"]) for label in wanted}
    # false: on a clean document, or starting on no labelled line and answering no label (a finding
    # that spans a pair of lines, the second labelled, is not false)
    false = [f for name, items in by_file.items() for f in items
             if name in clean or ((name, f["line"]) not in labelled_lines and id(f) not in answering)]
    return {"recall": recall, "missed": missed, "false": false, "clean": clean, "by_file": by_file}


def write_floor(path: Path, recall: dict[str, Counter], false: int, on_clean: int) -> None:
    """Rewrite a ratchet file with these figures: its comment lines and ``set:`` stay as they are."""
    kept = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith(("#", "set:"))]
    rows = [f"  {category}: {c['found']}  # of {c['total']}" for category, c in sorted(recall.items())]
    path.write_text("\n".join([*kept, "found:", *rows, f"max_false_findings: {false}",
                               f"max_on_clean: {on_clean}"]) + "\n", encoding="utf-8")


def main() -> int:
    global BLIND
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="machine-readable summary")
    parser.add_argument("--details", action="store_true", help="list missed labels and false findings")
    parser.add_argument("--by-doctype", action="store_true", help="recall and false findings per 文种 × category")
    parser.add_argument("--set", type=Path, default=None, help="a labelled set's folder (default tests/blind)")
    parser.add_argument("--write-floor", type=Path, metavar="FILE",
                        help="write the figures into FILE (a tests/corpus/*_floor.yaml), keeping its comments and set")
    args = parser.parse_args()
    if args.set is not None:
        BLIND = args.set.resolve()
    result = score()
    recall, false = result["recall"], result["false"]
    on_clean = [f for f in false if Path(f["path"]).name in result["clean"]]
    false_by_family = Counter(f["code"][:2] for f in false)
    total = sum(c["total"] for c in recall.values())
    found = sum(c["found"] for c in recall.values())
    if args.write_floor:
        write_floor(args.write_floor, recall, len(false), len(on_clean))
    if args.json:
        print(json.dumps({"recall": {k: dict(v) for k, v in sorted(recall.items())}, "found": found, "total": total,
                          "false_findings": len(false), "on_clean": len(on_clean),
                          "false_by_family": dict(false_by_family)}, ensure_ascii=False, indent=2))
        return 0
    print(f"{'category':<13} {'found':>5} {'total':>5} {'recall':>7}")
    for category in sorted(recall):
        c = recall[category]
        print(f"{category:<13} {c['found']:>5} {c['total']:>5} {c['found'] / c['total']:>7.0%}")
    print(f"{'all':<13} {found:>5} {total:>5} {found / total:>7.0%}")
    print(f"false findings (error/warning on no labelled line): {len(false)} "
          f"({', '.join(f'{k} {v}' for k, v in false_by_family.most_common())}); on clean documents: {len(on_clean)}")
    if args.by_doctype:
        print_by_doctype(result)
    if args.details:
        for label in result["missed"]:
            print(f"MISSED {label['file']}:{label['line']} [{label['category']}] {label['text']}")
        for f in false:
            print(f"FALSE  {Path(f['path']).name}:{f['line']}:{f['column']} {f['code']} {f['message']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
