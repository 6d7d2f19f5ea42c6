"""Data-driven rule tests: one YAML file of cases per rule, shared with plugin authors.

A case file looks like::

    rule: PH001
    cases:
      masked_year:
        fail_str: "20XX年工作总结"
        violations:
          - {line: 1, column: 1, end_line: 1, end_column: 6}
        fix_str: ...            # optional: the text after this rule's fixes
      latin_is_fine:
        pass_str: "使用App上报"
      with_options:
        pass_str: ...
        configs: {option-name: value}
      word_layout:              # the text as a .docx built by reportlint.testing_docx
        fail_str: ...
        docx: {body: {font: 宋体, size: 12}}

Use it from a plugin's tests, with the rule classes passed in directly (nothing needs to be
installed)::

    from reportlint.testing import load_cases, run_case
    from my_plugin import NoJargon

    @pytest.mark.parametrize("case", load_cases("tests/rules"), ids=lambda c: c.id)
    def test_rule(case): run_case(case, rules=[NoJargon])

or all cases of a file or folder at once: ``run_cases("tests/rules", rules=[NoJargon])``.
Without ``rules`` the installed rules (built-ins and entry-point plugins) are used.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from reportlint.config.settings import RawConfig, resolve
from reportlint.diagnostics import Diagnostic
from reportlint.engine.linter import Linter
from reportlint.fix.apply import apply_fixes, fixes_of
from reportlint.load.source import Source
from reportlint.plugins import manager
from reportlint.rules.base import Rule

CASE_KEYS = {"pass_str", "fail_str", "fix_str", "violations", "configs", "unsafe", "lang", "path", "docx"}


@dataclass(frozen=True)
class RuleCase:
    rule: str
    name: str
    text: str
    should_fail: bool
    violations: tuple[dict[str, Any], ...] = ()
    fix_str: str | None = None
    configs: dict[str, Any] = field(default_factory=dict)
    unsafe: bool = True
    lang: str = "zh"
    file: str = ""
    docx: dict[str, Any] | None = None  # build the text into a .docx with this layout spec

    @property
    def id(self) -> str:
        return f"{self.rule}_{self.name}"


def load_cases(directory: str | Path) -> list[RuleCase]:
    """The cases of every ``*.yml`` in ``directory`` (or of one case file)."""
    cases: list[RuleCase] = []
    where = Path(directory)
    for path in ([where] if where.is_file() else sorted(where.glob("*.yml"))):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        rule = data["rule"]
        for name, spec in (data.get("cases") or {}).items():
            unknown = set(spec) - CASE_KEYS
            if unknown:
                raise ValueError(f"{path}: case {name}: unknown keys {sorted(unknown)}")
            if ("pass_str" in spec) == ("fail_str" in spec):
                raise ValueError(f"{path}: case {name}: give exactly one of pass_str / fail_str")
            cases.append(RuleCase(
                rule=rule, name=str(name), text=spec.get("fail_str", spec.get("pass_str")),
                should_fail="fail_str" in spec,
                violations=tuple(spec.get("violations") or ()), fix_str=spec.get("fix_str"),
                configs=spec.get("configs") or {}, unsafe=spec.get("unsafe", True),
                lang=spec.get("lang", "zh"), file=str(path),
                docx=(spec.get("docx") or {}) if "docx" in spec else None,
            ))
    return cases


@cache
def _linter() -> Linter:
    return Linter(manager.build().rules())


def lint_text(text: str, select: list[str], rules: dict[str, dict[str, Any]] | None = None,
              lang: str = "zh", path: str = "case.txt", *,
              rule_classes: Sequence[type[Rule]] | None = None,
              docx: dict[str, Any] | None = None) -> tuple[Source, list[Diagnostic]]:
    """Lint a string with only the selected rules enabled; ``rule_classes`` replaces the
    installed rules (a plugin's rules tested before it is installed); with ``docx``, the text
    is linted as a .docx built by ``reportlint.testing_docx`` with that layout spec."""
    linter = _linter() if rule_classes is None else Linter(list(rule_classes))
    raw = RawConfig(select=select, rules=rules or {}, files=["<test>"])
    config = resolve(raw, list(linter.rules.values()), lang=lang)
    if docx is not None:
        from reportlint.load.docx import read
        from reportlint.testing_docx import build

        source = read(build(text, docx), "case.docx")
    else:
        source = Source.from_text(text, path=path)
    linter.crashes.clear()
    _, diagnostics = linter.lint(source, config)
    if linter.crashes:  # a crashing rule fails its cases loudly
        crashes, linter.crashes[:] = list(linter.crashes), []
        raise AssertionError("; ".join(str(message) for _, message in crashes))
    return source, diagnostics


def run_cases(where: str | Path, rules: Sequence[type[Rule]] | None = None) -> int:
    """Run every case of a case file or folder; raise one AssertionError listing each failure.
    Returns the number of cases run."""
    cases = load_cases(where)
    if not cases:
        raise AssertionError(f"{where}: no rule cases found")
    failures = []
    for case in cases:
        try:
            run_case(case, rules=rules)
        except AssertionError as exc:
            failures.append(str(exc))
    if failures:
        raise AssertionError(f"{len(failures)} of {len(cases)} cases failed:\n" + "\n".join(failures))
    return len(cases)


def run_case(case: RuleCase, rules: Sequence[type[Rule]] | None = None) -> None:
    """Check one case; ``rules`` are the rule classes to use (default: the installed ones)."""
    if rules is not None and case.rule not in {r.code for r in rules}:
        raise AssertionError(f"{case.id}: rule {case.rule} is not among the rules given "
                             f"({', '.join(r.code for r in rules)})")
    source, diags = lint_text(case.text, [case.rule], {case.rule: case.configs} if case.configs else None,
                              lang=case.lang, rule_classes=rules, docx=case.docx)
    mine = [d for d in diags if d.code == case.rule]
    if not case.should_fail:
        assert not mine, f"{case.id}: expected no {case.rule}, got " + _describe(source, mine)
        return
    assert mine, f"{case.id}: expected {case.rule} to fire"
    if case.violations:
        got = [_position(source, d) for d in mine]
        want = [_expected(v, g) for v, g in zip(case.violations, got)]
        assert len(got) == len(case.violations) and got == want, (
            f"{case.id}: positions differ\n  want {[dict(v) for v in case.violations]}\n  got  {got}")
    if case.fix_str is not None:
        fixed, _ = apply_fixes(source.original, fixes_of(mine, unsafe=case.unsafe))
        assert fixed == case.fix_str, f"{case.id}: fixed text differs\n  want {case.fix_str!r}\n  got  {fixed!r}"


def _position(source: Source, d: Diagnostic) -> dict[str, Any]:
    line, col = source.lines.position(d.start)
    end_line, end_col = source.lines.position(d.end)
    return {"line": line, "column": col, "end_line": end_line, "end_column": end_col}


def _expected(want: dict[str, Any], got: dict[str, Any]) -> dict[str, Any]:
    """Compare only the keys a case gives, so cases can stay short."""
    return {key: want.get(key, value) for key, value in got.items()}


def _describe(source: Source, diags: list[Diagnostic]) -> str:
    return ", ".join(f"{d.code}@{source.lines.position(d.start)} {d.message}" for d in diags)
