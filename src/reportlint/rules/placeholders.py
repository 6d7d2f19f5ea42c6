"""Template leftovers: masked years, names, dates and numbers, fill-in blanks, empty brackets."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from reportlint.diagnostics import Applicability, Finding, Fix, Severity
from reportlint.rules.base import Rule, RuleContext

_M = "xX×✕＊*Ｘｘ"  # mask characters
_NOT_LATIN_BEFORE = r"(?<![A-Za-z0-9_])"
_NOT_LATIN_AFTER = r"(?![A-Za-z])"
_ADMIN = (r"省|市|县|区|镇|乡|村|街道|社区|局|委|办|厅|处|科|室|所|站|队|公司|集团|中学|小学|学校|"
          r"大学|学院|幼儿园|医院|银行|单位|部门|中心|协会|商会|基地|项目|工程|景区|园区|开发区|企业|工厂|合作社|酒店|宾馆|馆|站点|平台")
_PERSON = r"同志|同学|书记|县长|市长|区长|镇长|乡长|局长|厅长|处长|科长|主任|负责人|校长|老师|先生|女士"
_UNIT = r"%|％|万|亿|元|人|户|个|次|公里|千米|米|亩|公顷|平方|吨|家|项|所|名|台|套|辆|件|篇|期|场|天|小时|倍"

_MASK = rf"[{_M}]"
_EMPTY_BRACKETS = r"【\s*】|〔\s*〕|［\s*］|《\s*》|〈\s*〉|\[\s*\]|\(\s*\)|（\s*）"
# (kind, gate, pattern); earlier kinds win where matches overlap. A pattern is compiled only
# when its gate (a cheap pattern every match of it must contain) occurs: the CJK ranges in
# these cost ~1 ms each to compile, and most documents have no placeholder at all.
PATTERNS: tuple[tuple[str, str, str], ...] = (
    ("date", rf"[/.-]{_MASK}|月{_MASK}|{_MASK}月|某|年月日", (
        rf"(?:(?:19|20)[0-9{_M}]{{2}}|[{_M}]{{2,4}})[/.-][0-9{_M}]{{1,2}}[/.-][{_M}]{{1,2}}(?![{_M}A-Za-z])"
        rf"|(?<![A-Za-z0-9/])[{_M}]{{1,2}}/[{_M}]{{1,2}}(?![{_M}A-Za-z/])"
        rf"|[0-9{_M}]{{1,2}}月[{_M}]{{1,2}}日|[{_M}]{{1,2}}月[0-9]{{1,2}}日|某月某日|某年某月(?:某日)?"
        rf"|(?<![0-9〇一二三四五六七八九十])年月日")),
    ("year", rf"{_MASK}|[_＿]", (
        rf"{_NOT_LATIN_BEFORE}(?:(?:19|20)[0-9]?[{_M}_＿]{{1,2}}|[{_M}]{{1,4}}|[_＿]{{2,4}})(?=年)")),
    ("name", rf"{_MASK}|某某", (
        rf"{_NOT_LATIN_BEFORE}(?:[{_M}]{{1,4}}|某某)(?=(?:{_ADMIN}|{_PERSON}))"
        rf"|(?<=负责人|书记[:：]|姓名[:：]|主任[:：])[{_M}]{{2,4}}|某某")),
    ("number", _MASK, (
        rf"{_NOT_LATIN_BEFORE}[0-9]*[{_M}]+(?:\.[{_M}0-9]+)?(?=\s?(?:{_UNIT}))"
        rf"|{_NOT_LATIN_BEFORE}[0-9]+\.[{_M}]+(?=\s?(?:{_UNIT}))")),
    ("token", r"[xX]{3}|[×✕Ｘ]{2}|＊＊|\*\*", (
        rf"{_NOT_LATIN_BEFORE}[xX]{{3,}}{_NOT_LATIN_AFTER}|[×✕Ｘ]{{2,}}|＊{{2,}}"
        rf"|(?<=[\u4e00-\u9fff“”《》0-9])\*{{2,}}|\*{{2,}}(?=[\u4e00-\u9fff“”《》])")),
    ("blank", r"[_＿]", r"_{2,}|＿{2,}|(?<=[\u4e00-\u9fff0-9])[_＿](?=[\u4e00-\u9fff0-9])"),
    ("brackets", _EMPTY_BRACKETS, (
        r"【\s*】|〔\s*〕|［\s*］|《\s*》|〈\s*〉"
        r"|(?<=[\u4e00-\u9fff])(?:\[\s*\]|\(\s*\)|（\s*）)(?![0-9]+号)"
        r"|(?:\[\s*\]|\(\s*\)|（\s*）)(?=[\u4e00-\u9fff])(?<![\u4e00-\u9fff]\[\])")),
)


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)
_EXAMPLE_INTRO = re.compile(r"(?:如|例如|比如|譬如|格式为|写作|写成)[:：]?\s*$")


@dataclass(frozen=True)
class Hit:
    kind: str
    start: int
    end: int
    text: str


def _in_example(text: str, start: int) -> bool:
    """Placeholders quoted as an illustration (如《XX局20XX年工作总结》) are not leftovers."""
    open_at = text.rfind("《", max(0, start - 40), start)
    if open_at == -1 or text.rfind("》", open_at, start) != -1:
        return False
    return bool(_EXAMPLE_INTRO.search(text[max(0, open_at - 8):open_at]))


def find_placeholders(text: str) -> list[Hit]:
    """Every placeholder in the text, overlaps resolved in favour of the more specific kind."""
    hits: list[Hit] = []
    taken: list[tuple[int, int]] = []
    for kind, gate, pattern in PATTERNS:
        if not _compiled(gate).search(text):
            continue
        for m in _compiled(pattern).finditer(text):
            s, e = m.span()
            if s == e or any(s < te and ts < e for ts, te in taken) or _in_example(text, s):
                continue
            hits.append(Hit(kind, s, e, m.group(0)))
            taken.append((s, e))
    return sorted(hits, key=lambda h: h.start)


def _hits(ctx: RuleContext) -> list[Hit]:
    return ctx.shared("placeholders", lambda: find_placeholders(ctx.text))


class _PlaceholderRule(Rule):
    kind = ""
    groups = ("placeholders",)
    severity = Severity.ERROR

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for hit in _hits(ctx):
            if hit.kind == self.kind:
                yield ctx.report(hit.start, hit.end, text=hit.text, fix=self.suggest(ctx, hit))

    def suggest(self, ctx: RuleContext, hit: Hit) -> Fix | None:
        return None


class MaskedYear(_PlaceholderRule):
    """A year left as a template slot: `20XX年`, `20**年`, `200X年`, `xxxx年`, `20__年`.

    ## What it does
    Flags a year whose digits are masked with `X`, `x`, `×`, `*` or underscores.

    ## Why is this bad?
    The report was copied from a template or an anonymised web page and the year was never
    filled in. Readers see at once that the text is not the office's own.

    ## Example
    ```
    20XX年，我局在县委、县政府的正确领导下……
    ```

    ## Use instead
    ```
    2023年，我局在县委、县政府的正确领导下……
    ```

    ## Fix safety
    Display-only: when the document's title gives a year, that year is suggested, but a
    human must confirm it.
    """

    code = "PH001"
    name = "masked-year"
    kind = "year"
    fixable = Applicability.DISPLAY
    messages = {"default": ("年份未填写：“{text}年”是模板占位符", "year placeholder {text!r} was never filled in")}

    def suggest(self, ctx: RuleContext, hit: Hit) -> Fix | None:
        match = re.search(r"(?:19|20)[0-9]{2}(?=年)", ctx.document.articles[0].title_text
                          if ctx.document.articles else "")
        if not match:
            return None
        return Fix.replace(f"填写年份（如 {match.group(0)}）", hit.start, hit.end, match.group(0),
                           Applicability.DISPLAY)


class MaskedName(_PlaceholderRule):
    """A place, organisation or person left as a template slot: `xx县`, `XX局`, `**省`, `XXX同志`.

    ## What it does
    Flags masked names anchored on what follows them (县区市镇乡村局委办, 公司, 同志, 书记 …),
    so Latin words such as `App` or `XML` are never flagged. `某某` counts too.

    ## Why is this bad?
    A leftover `xx县局` tells every reader that the report is a filled-in template, and the
    name the office should have written is missing.

    ## Example
    ```
    近日，xx县局多举措开展国家安全宣传活动。
    ```

    ## Use instead
    ```
    近日，宿松县局多举措开展国家安全宣传活动。
    ```
    """

    code = "PH002"
    name = "masked-name"
    kind = "name"
    messages = {"default": ("名称未填写：“{text}”是模板占位符", "name placeholder {text!r} was never filled in")}


class MaskedDate(_PlaceholderRule):
    """A date left as a template slot: `X月X日`, `x月x日`, `某月某日`, `201X/X/XX`, an emptied `年月日`.

    ## What it does
    Flags month and day slots masked with `X`, `x`, `×` or `*`, the word forms `某月某日`, and
    a `年月日` with the digits deleted.

    ## Why is this bad?
    The event date was never filled in, so the report does not say when things happened.

    ## Example
    ```
    X月X日下午，镇中心小学组织开展中秋主题活动。
    ```

    ## Use instead
    ```
    9月15日下午，镇中心小学组织开展中秋主题活动。
    ```
    """

    code = "PH003"
    name = "masked-date"
    kind = "date"
    messages = {"default": ("日期未填写：“{text}”是模板占位符", "date placeholder {text!r} was never filled in")}


class MaskedNumber(_PlaceholderRule):
    """A number left as a template slot, including partial masks: `X万元`, `x.x%`, `x.6亿元`.

    ## What it does
    Flags masked digits directly before a unit or measure word (%, 万, 亿, 元, 人, 户, 个, 公里 …).
    Partial masks that keep a real digit (`xx.8万人`) are found too.

    ## Why is this bad?
    The figure the report is built on is missing; a reader cannot tell what was achieved.

    ## Example
    ```
    全年完成固定资产投资x.6亿元，同比增长x.x%。
    ```

    ## Use instead
    ```
    全年完成固定资产投资3.6亿元，同比增长8.2%。
    ```
    """

    code = "PH004"
    name = "masked-number"
    kind = "number"
    messages = {"default": ("数字未填写：“{text}”是模板占位符", "number placeholder {text!r} was never filled in")}


class FillInBlank(_PlaceholderRule):
    """An underscore blank left from a fill-in form: `___镇`, `20__年`, `撰写人：____`.

    ## What it does
    Flags two or more underscores, or a single underscore between Chinese characters or digits.

    ## Why is this bad?
    The blank was meant to be filled in before the document left the office.

    ## Example
    ```
    ___镇是___县县委、县政府驻地。
    ```

    ## Use instead
    ```
    城关镇是宿松县县委、县政府驻地。
    ```
    """

    code = "PH005"
    name = "fill-in-blank"
    kind = "blank"
    messages = {"default": ("空白填写处“{text}”未填写", "fill-in blank {text!r} left empty")}


class EmptyBrackets(_PlaceholderRule):
    """Brackets with nothing inside: `【】`, `〔〕`, `《》`, `（）` next to Chinese text.

    ## What it does
    Flags empty brackets, quotes of titles and 六角括号. An empty bracket inside a 发文字号
    (`云发[]18号`) is left to DN002, which says more.

    ## Why is this bad?
    Something was deleted — a year, a document title, a note — and the reader sees the hole.

    ## Example
    ```
    按照《》要求，认真开展自查工作。
    ```

    ## Use instead
    ```
    按照《关于开展安全生产大检查的通知》要求，认真开展自查工作。
    ```
    """

    code = "PH006"
    name = "empty-brackets"
    kind = "brackets"
    messages = {"default": ("空括号“{text}”：内容缺失", "empty brackets {text!r}: something is missing")}


class MaskedToken(_PlaceholderRule):
    """A run of mask characters standing for a word: `“xxxx”重要思想`, `××`, `**`.

    ## What it does
    Flags three or more `x`/`X` not touching Latin letters, two or more `×`, and `**` touching
    Chinese text — masks that the more specific rules (PH001–PH004) do not anchor.

    ## Why is this bad?
    A word or name was masked on the site the text came from and never restored; the sentence
    no longer says what it should.

    ## Example
    ```
    以邓小平理论和“xxxx”重要思想为指导。
    ```

    ## Use instead
    ```
    以邓小平理论和“三个代表”重要思想为指导。
    ```
    """

    code = "PH007"
    name = "masked-token"
    kind = "token"
    messages = {"default": ("“{text}”是被遮盖的占位内容", "{text!r} is a masked placeholder")}


RULES = [MaskedYear, MaskedName, MaskedDate, MaskedNumber, FillInBlank, EmptyBrackets, MaskedToken]
