#!/usr/bin/env python3
"""Verify the third blind set's labels against the documents: the blind set's checker
(tests/blind/check_labels.py), pointed at this folder."""
import os
import runpy
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

if __name__ == "__main__":
    checker = runpy.run_path(os.path.join(HERE, "..", "blind", "check_labels.py"), run_name="check_labels")
    checker["main"].__globals__.update(HERE=HERE, DOCS=os.path.join(HERE, "docs"))
    sys.exit(checker["main"]())
