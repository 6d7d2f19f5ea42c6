"""reportlint's own rules (RL): problems with suppression comments."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Applicability, Finding, Severity
from reportlint.rules.base import Rule, RuleContext


class UnusedSuppression(Rule):
    """A suppression comment that suppresses nothing.

    ## What it does
    Flags a `<!-- reportlint-disable … -->`, `disable-next-line` or `disable-file` comment when
    none of the findings it names occurred where it applies, a code in it that no installed rule
    has, a `reportlint-enable` with no open `disable` before it, and a misspelt directive.
    A code is reported only when its rule is enabled: a rule that did not run cannot prove the
    comment useless. The engine emits this rule after all others have run.

    ## Why is this bad?
    A suppression outlives the problem it hid. When the text is corrected the comment stays,
    and silently hides the next real problem on that line or in that block (ruff's RUF100).

    ## Example
    ```
    <!-- reportlint-disable-next-line PH002 -->
    县教育局召开了全体干部大会。
    ```

    ## Use instead
    ```
    县教育局召开了全体干部大会。
    ```

    ## Fix safety
    The fix deletes the comment's line(s) when the whole comment is unused and nothing else is
    on its lines. It is safe: every rule the comment names ran and found nothing there, so the
    findings are the same without it. A comment that still suppresses one of its codes, or a
    misspelt directive, is left for a person to edit.
    """

    code = "RL100"
    name = "unused-suppression"
    groups = ("reportlint",)
    severity = Severity.WARNING
    fixable = Applicability.SAFE
    messages = {
        "default": ("未使用的抑制注释：{codes} 在此处没有可抑制的问题",
                    "unused suppression: nothing to suppress for {codes}"),
        "unknown": ("抑制注释中的规则代码未知：{codes}", "unknown rule code in suppression: {codes}"),
        "enable": ("reportlint-enable 之前没有对应的 reportlint-disable",
                   "reportlint-enable without a matching reportlint-disable"),
        "malformed": ("无法识别的抑制指令“{directive}”（可用 disable、enable、disable-next-line、disable-file）",
                      "unknown directive {directive!r} (use disable, enable, disable-next-line, disable-file)"),
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        """Nothing here: usage is known only after every other rule ran (see suppress.apply)."""
        return iter(())


RULES = [UnusedSuppression]
