"""Structure the skeleton grammar could not place."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.rules.base import Rule, RuleContext


class EmptyHeading(Rule):
    """A numbered heading with no text after its ordinal.

    ## What it does
    Flags a line that holds only a heading ordinal such as `一、` or `（二）`, and reports any part
    of the input that the skeleton grammar could not classify.

    ## Why is this bad?
    An ordinal with no heading text is almost always a line break inserted by mistake or a
    heading whose text was deleted; the outline of the report no longer reads.

    ## Example
    ```
    二、
    主要做法和经验
    ```

    ## Use instead
    ```
    二、主要做法和经验
    ```
    """

    code = "PS001"
    name = "empty-heading"
    groups = ("structure",)
    severity = Severity.WARNING
    messages = {
        "default": ("标题序号“{marker}”后没有标题文字", "heading ordinal {marker!r} has no text"),
        "grammar": ("文档结构无法解析：{reason}", "the skeleton could not be parsed: {reason}"),
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for span, reason in ctx.document.problems:
            yield ctx.report(span.start, span.end, "grammar", reason=reason)
        for heading in ctx.document.headings():
            if not heading.title.strip() and not heading.body.strip():
                yield ctx.report(heading.marker_span.start, heading.marker_span.end,
                                 marker=heading.marker.strip())


RULES = [EmptyHeading]
