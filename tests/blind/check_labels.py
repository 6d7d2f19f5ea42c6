#!/usr/bin/env python3
"""Verify the blind-set labels against the documents (of this folder, or of the folder given).

Reads every labels-*.jsonl next to this script and checks that
  * each label names a file that exists in docs/;
  * each label's "text" occurs on its 1-based "line" (for .docx: the paragraph
    index among all body paragraphs, empty ones included);
  * each defect label has a category (names outside set A's list are reported
    as notes, not failures, since another writer's brief may use other names);
  * every file in docs/ has at least one label (defect labels or {"clean": true}),
    and a clean file carries no defect labels.
Exit status 0 when everything matches, 1 otherwise.
Standard library + python-docx only.
"""
import glob
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "docs")
CATEGORIES = {
    "structure", "attachment", "signature", "addressee", "imprint", "doc-number",
    "placeholder", "year", "anniversary", "date", "sum", "heading", "enumeration",
    "punctuation", "pairs", "serial", "residue", "duplicate", "wording", "script", "typography",
}


def read_lines(path):
    ext = os.path.splitext(path)[1].lower()
    if ext == ".docx":
        import docx  # python-docx
        return [p.text for p in docx.Document(path).paragraphs]
    data = open(path, "rb").read()
    if ext == ".txt":
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("gb18030")
    else:  # .md and anything else: UTF-8
        text = data.decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def main():
    global HERE, DOCS
    if len(sys.argv) > 1:  # another labelled set: python tests/blind/check_labels.py tests/blind3
        HERE = os.path.abspath(sys.argv[1])
        DOCS = os.path.join(HERE, "docs")
    errors = []
    notes = []
    labelled = {}
    cache = {}
    label_files = sorted(glob.glob(os.path.join(HERE, "labels-*.jsonl")))
    if not label_files:
        errors.append("no labels-*.jsonl found")
    for lf in label_files:
        for n, raw in enumerate(open(lf, encoding="utf-8"), 1):
            raw = raw.strip()
            if not raw:
                continue
            where = f"{os.path.basename(lf)}:{n}"
            try:
                lab = json.loads(raw)
            except json.JSONDecodeError as e:
                errors.append(f"{where}: bad JSON ({e})")
                continue
            fn = lab.get("file")
            path = os.path.join(DOCS, fn or "")
            if not fn or not os.path.isfile(path):
                errors.append(f"{where}: file {fn!r} not found in docs/")
                continue
            kinds = labelled.setdefault(fn, set())
            if lab.get("clean") is True:
                kinds.add("clean")
                continue
            kinds.add("defect")
            cat = lab.get("category")
            if not cat:
                errors.append(f"{where}: label without category")
            elif cat not in CATEGORIES:
                notes.append(f"{where}: note: category {cat!r} is not in set A's list")
            if fn not in cache:
                try:
                    cache[fn] = read_lines(path)
                except Exception as e:  # decoding or docx failure
                    errors.append(f"{where}: cannot read {fn}: {e}")
                    cache[fn] = None
            lines = cache[fn]
            if lines is None:
                continue
            line, text = lab.get("line"), lab.get("text")
            if not isinstance(line, int) or not 1 <= line <= len(lines):
                errors.append(f"{where}: {fn} line {line!r} out of range (1..{len(lines)})")
                continue
            if not text or text not in lines[line - 1]:
                errors.append(f"{where}: {fn}:{line}: text {text!r} not on that line: {lines[line - 1][:80]!r}")
    for path in sorted(glob.glob(os.path.join(DOCS, "*"))):
        fn = os.path.basename(path)
        kinds = labelled.get(fn)
        if not kinds:
            errors.append(f"docs/{fn}: no labels")
        elif kinds == {"clean", "defect"}:
            errors.append(f"docs/{fn}: marked clean but also has defect labels")
    for m in notes + errors:
        print(m)
    print(f"checked {len(label_files)} label file(s), {len(labelled)} labelled document(s): "
          f"{'OK' if not errors else str(len(errors)) + ' problem(s)'}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
