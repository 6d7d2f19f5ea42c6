"""JUnit XML: one test suite per file, one failing test case per finding (CI test-report widgets)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from reportlint.formatters.common import Options, Writer, copy_spool, located_in, renderer, spool
from reportlint.outcome import Totals

# XML 1.0 forbids most control characters even as references; a report quoting one must still parse
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def suite(result: Any, items: list[Any]) -> ET.Element:
    failures = len(items)
    errors = 1 if result.error else 0
    tests = max(failures + errors, 1)
    element = ET.Element("testsuite", name=clean(result.path), tests=str(tests), failures=str(failures),
                         errors=str(errors), skipped="0")
    for item in items:
        d = item.diagnostic
        case = ET.SubElement(element, "testcase", name=f"{d.code} {d.name} ({item.line}:{item.column})",
                             classname=clean(result.path), file=clean(result.path), line=str(item.line))
        failure = ET.SubElement(case, "failure", message=clean(d.message), type=d.code)
        failure.text = clean(f"{result.path}:{item.line}:{item.column}: {d.code} {d.message}")
    if result.error:
        case = ET.SubElement(element, "testcase", name="read", classname=clean(result.path))
        ET.SubElement(case, "error", message=clean(result.error), type="reportlint")
    elif not items:
        ET.SubElement(element, "testcase", name="reportlint", classname=clean(result.path))
    return element


class JUnit(Writer):
    """The root element carries the run's counts, so each file's test suite is written to a
    spool as the file comes (with the indentation ``ET.indent`` gives the whole tree)."""

    def __init__(self, out: Any, options: Options) -> None:
        super().__init__(out, options)
        self.spool = spool()
        self.totals = {"tests": 0, "failures": 0, "errors": 0}

    def file(self, result: Any) -> None:
        element = suite(result, list(located_in(result)))
        for key in self.totals:
            self.totals[key] += int(element.get(key, "0"))
        ET.indent(element, level=1)
        self.spool.write("\n  " + ET.tostring(element, encoding="unicode"))

    def finish(self, totals: Totals) -> None:
        root = ET.Element("testsuites", name="reportlint")
        for key, value in self.totals.items():
            root.set(key, str(value))
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        if not self.totals["tests"]:
            self.out.write(ET.tostring(root, encoding="unicode") + "\n")
            self.spool.close()
            return
        open_tag = ET.tostring(root, encoding="unicode")
        self.out.write(open_tag[:-len(" />")] + ">")
        copy_spool(self.spool, self.out)
        self.out.write("\n</testsuites>\n")


render = renderer(JUnit)
