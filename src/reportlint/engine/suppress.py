"""Inline suppression: ``<!-- reportlint-disable … -->`` comments, and unused ones reported as RL100."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from reportlint.config.settings import Config, selector_matches
from reportlint.diagnostics import Diagnostic, Fix
from reportlint.load.source import Source

UNUSED = "RL100"
_DIRECTIVE = re.compile(r"^<!--\s*reportlint-(?P<kind>[a-z-]+)(?P<rest>.*?)-->$", re.DOTALL)
KINDS = ("disable", "enable", "disable-next-line", "disable-file")


@dataclass
class Directive:
    """One parsed comment. ``codes`` empty means every rule."""

    kind: str
    codes: tuple[str, ...]
    start: int
    end: int
    used: set[str] = field(default_factory=set)  # codes (or "*") that suppressed something
    closed_any: bool = False  # for enable: did it end an open disable?


@dataclass(frozen=True)
class Region:
    """Offsets where ``code`` (None: every code) is off, and the directive that turned it off."""

    start: int
    end: int
    code: str | None
    directive: Directive


def parse(source: Source) -> tuple[list[Directive], list[tuple[int, int, str]]]:
    """Directives in the source's comments, and (start, end, text) of malformed ones."""
    directives: list[Directive] = []
    malformed: list[tuple[int, int, str]] = []
    for start, end, body in source.comments:
        m = _DIRECTIVE.match(body)
        if m is None:
            continue
        kind = m.group("kind")
        if kind not in KINDS:
            malformed.append((start, end, f"reportlint-{kind}"))
            continue
        rest = m.group("rest").split(" -- ", 1)[0]  # `-- reason` is a free-text explanation
        codes = tuple(c for c in re.split(r"[\s,，]+", rest) if c and c.upper() != "ALL")
        directives.append(Directive(kind, codes, start, end))
    return directives, malformed


def regions(source: Source, directives: list[Directive]) -> list[Region]:
    """Block disables run to the matching enable (or the end); next-line covers the next line
    that has text; file-level covers everything."""
    text_end = len(source.text)
    out: list[Region] = []
    open_: list[Region] = []
    for d in sorted(directives, key=lambda d: d.start):
        if d.kind == "disable-file":
            out += [Region(0, text_end, code, d) for code in (d.codes or (None,))]
        elif d.kind == "disable-next-line":
            start, end = _next_line(source, d.end)
            out += [Region(start, end, code, d) for code in (d.codes or (None,))]
        elif d.kind == "disable":
            open_ += [Region(d.end, text_end, code, d) for code in (d.codes or (None,))]
        else:  # enable
            still_open = []
            for region in open_:
                if not d.codes or (region.code is not None and region.code in d.codes):
                    out.append(Region(region.start, d.start, region.code, region.directive))
                    d.closed_any = True
                else:
                    still_open.append(region)
            open_ = still_open
    return out + open_


def _next_line(source: Source, offset: int) -> tuple[int, int]:
    line = source.lines.position(offset)[0] + 1
    while line <= source.lines.line_count:
        start, end = source.lines.line_span(line)
        if source.text[start:end].strip():
            return start, end
        line += 1
    return offset, offset


def apply(source: Source, config: Config, found: list[Diagnostic], rules: dict[str, Any]) -> list[Diagnostic]:
    """Drop findings in blanked markup and under directives; add RL100 for unused directives.

    Called by the engine, so check mode and the fix loop suppress exactly the same findings.
    """
    if source.masks:
        found = _outside_masks(source.masks, found)
    if not source.comments:
        return found
    directives, malformed = parse(source)
    if not directives and not malformed:
        return found
    all_regions = regions(source, directives)
    kept = [d for d in found if not _suppressed(d, all_regions, rules)]
    if UNUSED not in config.rules:
        return kept
    reports = list(_unused(directives, malformed, config, rules))
    stamped = [_stamp(rules[UNUSED], config, start, end, key, args, _removal(source, start, end) if dead else None)
               for start, end, key, args, dead in reports]
    # an explicit `RL100` in a directive silences RL100 there; a blanket one does not
    explicit = [r for r in all_regions if r.code is not None and _matches(r.code, UNUSED, rules)]
    kept += [d for d in stamped if not any(r.start <= d.start < r.end for r in explicit)]
    kept.sort(key=Diagnostic.sort_key)
    return kept


def _outside_masks(masks: tuple[tuple[int, int], ...], found: list[Diagnostic]) -> list[Diagnostic]:
    """A finding entirely inside blanked markup (a code block, a link target, the `## ` before a
    heading) is about the blanks, not the prose. Empty spans (document-level findings anchored
    at an offset) and spans reaching into prose are kept."""
    starts = [start for start, _ in masks]
    kept = []
    for d in found:
        i = bisect_right(starts, d.start) - 1
        if d.end <= d.start or i < 0 or not (masks[i][0] <= d.start and d.end <= masks[i][1]):
            kept.append(d)
    return kept


def _matches(selector: str, code: str, rules: dict[str, Any]) -> bool:
    rule = rules.get(code)
    return selector.upper() == code if rule is None else selector_matches(selector, rule)


def _suppressed(diag: Diagnostic, all_regions: list[Region], rules: dict[str, Any]) -> bool:
    hit = False
    for region in all_regions:
        if region.start <= diag.start < region.end and (
                region.code is None or _matches(region.code, diag.code, rules)):
            region.directive.used.add(region.code or "*")
            hit = True
    return hit


def _unused(directives: list[Directive], malformed: list[tuple[int, int, str]], config: Config,
            rules: dict[str, Any]):
    """(start, end, message key, args, dead) per report; ``dead``: the whole comment can go.

    A code is reported only when its rule ran and still nothing was suppressed: a rule that
    is not enabled here might fire in another configuration.
    """
    for start, end, word in malformed:
        yield start, end, "malformed", {"directive": word}, False
    for d in directives:
        if d.kind == "enable":
            if not d.closed_any:
                yield d.start, d.end, "enable", {}, True
            continue
        if not d.codes:
            if not d.used:
                yield d.start, d.end, "default", {"codes": "*"}, True
            continue
        unknown = [c for c in d.codes if not any(_matches(c, code, rules) for code in rules)]
        idle = [c for c in d.codes if c not in unknown and c not in d.used and c.upper() != UNUSED
                and all(_matches(c, code, rules) <= (code in config.rules) for code in rules)]
        dead = len(unknown) + len(idle) == len(d.codes)
        if unknown:
            yield d.start, d.end, "unknown", {"codes": ", ".join(unknown)}, dead and not idle
        if idle:
            yield d.start, d.end, "default", {"codes": ", ".join(idle)}, dead


def _removal(source: Source, start: int, end: int) -> Fix | None:
    """Delete the comment's lines, when nothing but the comment is on them."""
    first, last = source.lines.position(start)[0], source.lines.position(end)[0]
    line_start, line_end = source.lines.line_span(first)[0], source.lines.line_span(last)[1]
    text = source.original
    if text[line_start:start].strip() or text[end:line_end].strip():
        return None
    stop = line_end + 1 if line_end < len(text) else line_end
    return Fix.replace("删除未使用的抑制注释", line_start, stop, "")


def _stamp(rule: Any, config: Config, start: int, end: int, key: str, args: dict[str, Any],
           fix: Fix | None) -> Diagnostic:
    return Diagnostic(code=rule.code, name=rule.name, severity=config.rules[rule.code].severity,
                      message=rule.render(key, args, config.lang), start=start, end=end, fix=fix)
