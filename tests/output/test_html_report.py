"""The HTML report in a real headless Chromium: highlights sit exactly on the findings, filters and
keyboard focus work, nothing from the documents is executed; a screenshot is kept under artifacts/."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, SEED

GOLDEN = Path(__file__).resolve().parent / "golden"
ARTIFACTS = ROOT / "artifacts"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--force-device-scale-factor=1"]

# Appended to a copy of the page: reads the highlights back out of the rendered DOM.
PROBE = """<script>
function probe() {
  function cp(s) { return Array.from(s).length; }
  function shown(node) {
    var t = '';
    node.childNodes.forEach(function (c) {
      if (c.nodeType === 3) { t += c.data; }
      else if (c.nodeType === 1 && !c.classList.contains('tip')) { t += shown(c); }
    });
    return t;
  }
  function marks() {
    var found = [];
    document.querySelectorAll('.doc').forEach(function (doc) {
      doc.querySelectorAll('.line').forEach(function (line) {
        var col = 1;
        line.querySelector('.lt').childNodes.forEach(function (c) {
          var text = c.nodeType === 3 ? c.data : shown(c);
          if (c.nodeType === 1 && c.matches('mark.f')) {
            found.push({doc: doc.id, line: +line.dataset.n, col: col, end: col + cp(text), text: text,
                        ids: c.dataset.findings.split(' ').map(Number), off: c.classList.contains('off'),
                        tab: c.tabIndex});
          }
          col += cp(text);
        });
      });
    });
    return found;
  }
  var out = {marks: marks(), lines: {}};
  document.querySelectorAll('.doc').forEach(function (doc) {
    out.lines[doc.id] = Array.prototype.map.call(doc.querySelectorAll('.line'),
                                                 function (l) { return shown(l.querySelector('.lt')); });
  });
  out.injected = document.querySelectorAll('.text img, .text script').length;
  var first = document.querySelector('mark.f'), other = document.querySelectorAll('mark.f')[1];
  first.focus();
  out.focused = document.activeElement === first;
  out.tipOnFocus = getComputedStyle(first.querySelector('.tip')).display;
  out.tipElsewhere = other ? getComputedStyle(other.querySelector('.tip')).display : 'none';
  out.tipText = first.querySelector('.tip').textContent;
  first.blur();
  var box = document.querySelector('input[data-filter="severity"][value="warning"]');
  box.checked = false;
  box.dispatchEvent(new Event('change'));
  out.afterFilter = marks();
  out.hiddenItems = Array.prototype.map.call(document.querySelectorAll('ol.findings li[hidden]'),
                                             function (li) { return +li.dataset.finding; });
  box.checked = true;
  box.dispatchEvent(new Event('change'));
  out.restored = marks().every(function (m) { return !m.off; });
  var pre = document.createElement('pre');
  pre.id = 'probe';
  out.hasFocus = document.hasFocus();
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
}
// :focus only matches once the headless window has focus, which can come a moment after load
(function wait(tries) {
  if (document.readyState === 'complete' && (document.hasFocus() || tries > 100)) { probe(); }
  else { setTimeout(function () { wait(tries + 1); }, 20); }
})(0);
</script>"""

# Opens the tooltip of the first highlight in the body text so the screenshot shows one.
SHOW_TIP = """<script>
(function wait(tries) {
  if (document.readyState === 'complete' && (document.hasFocus() || tries > 100)) {
    document.querySelectorAll('.doc mark.f')[%d].focus({preventScroll: true});
  } else { setTimeout(function () { wait(tries + 1); }, 20); }
})(0);
</script>"""


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail("chromium is not installed: .ci/run installs Debian's chromium package; CI must run this test")
    pytest.skip("chromium is not installed (apt-get install chromium); CI installs it and never skips")


def browse(page: Path, tmp_path: Path, *args: str) -> str:
    profile = tmp_path / "chromium-profile"
    proc = subprocess.run([chromium(), *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def probe(page_html: str, tmp_path: Path) -> dict:
    page = tmp_path / "probe.html"
    page.write_text(page_html.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = browse(page, tmp_path, "--virtual-time-budget=10000", "--dump-dom")
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert found, "the probe script did not run: " + dom[-500:]
    return json.loads(html.unescape(found.group(1)))


def screenshot(page_html: str, tmp_path: Path, name: str, tip: int = 0, size: str = "1280,1500") -> Path:
    page = tmp_path / f"{name}.html"
    page.write_text(page_html.replace("</body>", SHOW_TIP % tip + "</body>"), encoding="utf-8")
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / f"{name}.png"
    target.unlink(missing_ok=True)
    browse(page, tmp_path, f"--window-size={size}", "--virtual-time-budget=10000", f"--screenshot={target}")
    assert target.is_file() and target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert target.stat().st_size > 20_000, "a blank screenshot"
    return target


def expected_pieces(text: str, finding: dict) -> list[tuple[int, int, int]]:
    """(line, column, end column) of the visible parts of a finding; an insertion point when none."""
    lines = text.split("\n")
    pieces = []
    for line in range(finding["line"], finding["end_line"] + 1):
        start = finding["column"] if line == finding["line"] else 1
        end = finding["end_column"] if line == finding["end_line"] else len(lines[line - 1]) + 1
        if start < end:
            pieces.append((line, start, end))
    return pieces or [(finding["line"], finding["column"], finding["column"])]


def merged(marks: list[dict]) -> list[tuple[int, int, int]]:
    out: list[list[int]] = []
    for m in sorted(marks, key=lambda m: (m["line"], m["col"], m["end"])):
        if out and out[-1][0] == m["line"] and out[-1][2] == m["col"] and m["col"] < m["end"]:
            out[-1][2] = m["end"]
        else:
            out.append([m["line"], m["col"], m["end"]])
    return [tuple(x) for x in out]


def check_report(cli, paths: list[Path], tmp_path: Path) -> dict:
    """Run the CLI for json and html on the same files; compare every highlight with its finding."""
    findings = json.loads(cli("check", "--format", "json", *map(str, paths)).stdout)
    assert findings, "the fixture must have findings"
    out = tmp_path / "report.html"
    proc = cli("check", "--format", "html", "--output-file", str(out), *map(str, paths))
    assert proc.returncode == 1 and proc.stdout == "", proc.stderr
    page = out.read_text(encoding="utf-8")
    result = probe(page, tmp_path)
    texts = {p: p.read_text(encoding="utf-8").replace("\r\n", "\n") for p in paths}
    by_path = {str(p): p for p in paths}
    for number, path in enumerate(paths, 1):
        lines = texts[path].split("\n")
        if lines[-1] == "" and not any(f["line"] == len(lines) for f in findings if f["path"] == str(path)):
            lines.pop()  # nothing to show after the final newline
        assert result["lines"][f"doc-{number}"] == lines, "the document text is shown verbatim"
    for fid, finding in enumerate(findings, 1):
        text = texts[by_path[finding["path"]]]
        mine = [m for m in result["marks"] if fid in m["ids"]]
        assert merged(mine) == expected_pieces(text, finding), finding
        lines = text.split("\n")
        for m in mine:
            assert m["text"] == lines[m["line"] - 1][m["col"] - 1:m["end"] - 1]
    assert {i for m in result["marks"] for i in m["ids"]} == set(range(1, len(findings) + 1))
    assert result["injected"] == 0
    assert result["hasFocus"], "the headless window never got focus"
    assert result["focused"] and result["tipOnFocus"] == "block" and result["tipElsewhere"] == "none"
    first = findings[result["marks"][0]["ids"][0] - 1]
    assert first["code"] in result["tipText"] and first["message"] in result["tipText"]
    warnings = {i for i, f in enumerate(findings, 1) if f["severity"] == "warning"}
    assert warnings, "the fixture must have warnings to filter"
    for m in result["afterFilter"]:
        assert m["off"] == all(i in warnings for i in m["ids"]), m
        assert m["tab"] == (-1 if m["off"] else 0)
    assert set(result["hiddenItems"]) == warnings
    assert result["restored"]
    return {"page": page, "findings": findings}


def test_highlights_on_own_fixture(cli, tmp_path):
    fixture = GOLDEN / "defects.txt"
    report = check_report(cli, [fixture], tmp_path)
    page = report["page"]
    assert '<meta charset="utf-8">' in page and "Content-Security-Policy" in page
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", page), "the page must not fetch anything"
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    screenshot(page, tmp_path, "html-report-fixture")


def test_highlights_on_seed_and_second_file(cli, tmp_path, seed_path):
    other = tmp_path / "第二份.txt"
    other.write_text("二〇二三年工作总结\n一、主要工作\n今年完成了xx项目建设。\n三、下步打算\n", encoding="utf-8")
    check_report(cli, [seed_path, other], tmp_path)


def test_screenshot_of_bundled_example(cli, tmp_path):
    example = ROOT / "examples" / "sample-report.txt"
    if not example.is_file():
        example = SEED
    if not example.is_file():
        pytest.skip("neither examples/sample-report.txt nor the seed is present")
    out = tmp_path / "example.html"
    shown = example.relative_to(ROOT) if example.is_relative_to(ROOT) else example
    cli("check", "--format", "html", "-o", str(out), str(shown), cwd=ROOT)
    screenshot(out.read_text(encoding="utf-8"), tmp_path, "report", tip=1, size="1200,2050")
