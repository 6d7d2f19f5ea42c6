"""JUnit XML: one test suite per file, one failing test case per finding (CI test-report widgets)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from reportlint.formatters.common import Options, located

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


def render(results: list[Any], options: Options) -> str:
    by_path: dict[int, list[Any]] = {}
    for item in located(results):
        by_path.setdefault(id(item.source), []).append(item)
    root = ET.Element("testsuites", name="reportlint")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for result in results:
        element = suite(result, by_path.get(id(result.source), []) if result.source is not None else [])
        root.append(element)
        for key in totals:
            totals[key] += int(element.get(key, "0"))
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
