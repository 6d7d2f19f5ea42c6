"""Template leftovers: masked years, names, dates and numbers, fill-in blanks, empty brackets."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from reportlint.diagnostics import Applicability, Finding, Fix, Severity
from reportlint.rules.base import Rule, RuleContext, SpanIndex
from reportlint.text.chars import is_cjk
from reportlint.text.lazyre import finditer_at, lazy, offsets

_M = "xX×✕＊*Ｘｘ〇○□■△"  # mask characters
# 〇 and ○ are also zeros (二〇二三年, and the look-alike 二○三五年 TY004 reports): a run of them
# right after a Chinese numeral is a number, not a mask
_ZERO_MASKS = "〇○"
_ZH_NUMERALS = "零〇○一二三四五六七八九十"
# □ ■ △ and ○ also open list items; one of them at a line start before a space is a bullet
_BULLETS = "□■△○〇"
# common single-character surnames: 张某某, 刘某 and 王某 anonymise a person on purpose
# (court rulings, case notices, disciplinary reports); source: 《百家姓》 and the 2020 census
# list of the most frequent surnames
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞"
    "左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕"
    "屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧"
    "闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝")
# a fill-in instruction in brackets of any kind: 〖请填写〗, <插入表格>, （请在此处说明…）
_SLOT_BRACKETS = {"〖": "〗", "【": "】", "（": "）", "(": ")", "<": ">", "＜": "＞", "〈": "〉",
                  "[": "]", "［": "］", "{": "}", "｛": "｝", "〔": "〕", "「": "」"}
_INSTRUCTION = lazy(
    r"(?:请(?:您)?(?:在|于)?(?:此处?|这里|本处|下方|以下)?|在此处?|此处|这里)?"
    r"(?:填写|填入|输入|插入|补充|粘贴|替换为?|添加|附上|上传|录入|写明|说明|描述|简述|列出|注明)"
    r"|^(?:此处|这里|在此处?)(?:为|是|写|放|插)|^待(?:填写?|补充|完善|插入)|^占位|^(?:TODO|TBD|FIXME)\b")
_VERB_FIRST = ("填写", "填入", "插入", "粘贴")  # need no 请/此处 before them
# labels that only ever stand for a value (【单位名称】) and labels that also head a line as a tag
# (【时间】5月1日 【地点】…): the second kind is a slot only inside a sentence
_FIELD_LABEL = lazy(
    r"(?:(?:单位|机关|部门|企业|公司|学校|项目|活动|会议|文件)?(?:名称|全称|简称)|姓名|人名|"
    r"金额|数字|数额|百分比|文号|标题|(?:发文|主送|抄送)?机关)"
    r"|(?P<tag>日期|年份|时间|数据|数量|地点|联系人|联系电话|电话|职务|职称|正文|内容|图片|表格)"
    # a unit slot (由【牵头单位】会同…); at a line start (【责任单位】县教育局) it is a tag
    r"|(?P<unit>(?:牵头|责任|主办|承办|协办|配合|实施|主管|报送|具体)?(?:单位|部门|科室|处室))")
_LABEL_BRACKETS = "〖【<＜［[｛{「"

_NOT_LATIN_BEFORE = r"(?<![A-Za-z0-9_])"
_NOT_LATIN_AFTER = r"(?![A-Za-z])"
_ADMIN = (r"省|市|县|区|镇|乡|村|街道|社区|路|街|大道|小区|大厦|广场|"
          r"局|委|办|厅|处|科|室|所|站|队|公司|集团|中学|小学|学校|"
          r"大学|学院|幼儿园|医院|银行|单位|部门|中心|协会|商会|基地|项目|工程|景区|园区|开发区|企业|工厂|合作社|酒店|宾馆|馆|站点|平台")
_PERSON = r"同志|同学|书记|县长|市长|区长|镇长|乡长|局长|厅长|处长|科长|主任|负责人|校长|老师|先生|女士"
_UNIT = r"%|％|万|亿|元|人|户|个|次|公里|千米|米|亩|公顷|平方|吨|家|项|所|名|台|套|辆|件|篇|期|场|天|小时|倍"
_UNIT_FIRST = frozenset(unit[0] for unit in _UNIT.split("|"))
_CLOSING = {"【": "】", "〔": "〕", "［": "］", "《": "》", "〈": "〉", "[": "]", "(": ")", "（": "）"}

# One pattern per kind; earlier kinds win where matches overlap. Each is compiled only when a
# cheap test in Python, true of every text it can match in, passes (see the finders below):
# the CJK classes in these are slow to compile, and most documents have no placeholder.
_DATE = lazy(
    rf"(?:(?:19|20)[0-9{_M}]{{2}}|[{_M}]{{2,4}})[/.-][0-9{_M}]{{1,2}}[/.-][{_M}]{{1,2}}(?![{_M}A-Za-z])"
    rf"|(?<![A-Za-z0-9/])[{_M}]{{1,2}}/[{_M}]{{1,2}}(?![{_M}A-Za-z/])"
    rf"|[0-9{_M}]{{1,2}}月[{_M}]{{1,2}}日|[{_M}]{{1,2}}月[0-9]{{1,2}}日|某月某日|某年某月(?:某日)?"
    rf"|(?<![0-9〇一二三四五六七八九十])年月日"
    rf"|(?<=年)[{_M}]{{1,2}}(?=月)|(?<=月)[{_M}]{{1,2}}(?=日)")
_YEAR = lazy(
    rf"{_NOT_LATIN_BEFORE}(?:(?:19|20)[0-9]?[{_M}_＿]{{1,2}}|[{_M}]{{1,4}}|[_＿]{{2,4}})(?=年)"
    rf"|{_NOT_LATIN_BEFORE}(?:19|20)[0-9]?[{_M}]{{1,2}}(?=[-—~～至到](?:19|20)?[0-9{_M}]{{2}}年)")
_NAME = lazy(
    rf"{_NOT_LATIN_BEFORE}(?:[{_M}]{{1,4}}|某某)(?=(?:{_ADMIN}|{_PERSON}))"
    rf"|(?<=负责人|书记[:：]|姓名[:：]|主任[:：])[{_M}]{{2,4}}")
_NUMBER = lazy(
    rf"(?<=第)[{_M}]{{1,3}}(?=[批次届期号条款项章节轮个名位])"
    rf"|{_NOT_LATIN_BEFORE}[0-9]*[{_M}]+(?:\.[{_M}0-9]+)?(?=\s?(?:{_UNIT}))"
    rf"|{_NOT_LATIN_BEFORE}[0-9]+\.[{_M}]+(?=\s?(?:{_UNIT}))")
# the masked-token pattern in parts with disjoint characters: scanned apart, they match what
# their alternation would
_XXX_RUN = lazy(r"[xX]{3,}")
_XXX = lazy(rf"{_NOT_LATIN_BEFORE}[xX]{{3,}}{_NOT_LATIN_AFTER}")
_TIMES = lazy(r"[×✕Ｘ]{2,}")
# XX or xx touching Chinese (XX工作领导小组, 关于xx的通知): Latin abbreviations are not XX
_DOUBLE_X = lazy(r"(?<![A-Za-z0-9_])[xX]{2}(?=[\u4e00-\u9fff“《])|(?<=[\u4e00-\u9fff”》])[xX]{2}(?![A-Za-z0-9])")
_SHAPES = lazy(r"[〇○□■△]{2,}")
# one X between Chinese characters masks a word (在X的领导下, 经镇X委研究); X光, X射线, X型 are words
_SINGLE_X = lazy(r"(?<=[\u4e00-\u9fff])[Xx](?=[\u4e00-\u9fff])(?!光|射线|线|型|轴|染色体|战)", gate=(("X", "x"),))
_WIDE_STARS = lazy(r"＊{2,}")
_STARS = lazy(r"(?<=[\u4e00-\u9fff“”《》0-9])\*{2,}|\*{2,}(?=[\u4e00-\u9fff“”《》])")
# a number whose tail is masked (电话：0831-8xxxxxx, 编号2024XX): the template kept its first
# digits. A mask with digits on both sides (138****5678) hides a private number on purpose.
_MASKED_TAIL = lazy(r"(?<![A-Za-z0-9])[0-9][0-9-]*[xX×＊*]{2,}(?![A-Za-z0-9×＊*])")
# an office's landline with masked digits anywhere (0593-2286××5): an office number is never
# masked on purpose, so the template was not filled in
_MASKED_LANDLINE = lazy(r"(?<![A-Za-z0-9])0[0-9]{2,3}[-－][0-9]*[xX×＊*]{2,}[0-9]*(?![A-Za-z0-9×＊*])")
_EXAMPLE_INTRO = lazy(r"(?:如|例如|比如|譬如|格式为|写作|写成)[:：]?\s*$")

Span = tuple[int, int]


class Hit:
    """One placeholder: its kind (the rule it belongs to), span and text."""

    __slots__ = ("kind", "start", "end", "text")

    def __init__(self, kind: str, start: int, end: int, text: str) -> None:
        self.kind, self.start, self.end, self.text = kind, start, end, text


def _spans(matches: Iterable[re.Match[str]]) -> list[Span]:
    return [m.span() for m in matches]


def _dates(text: str, masks: str) -> list[Span]:
    gate = "某" in text or "年月日" in text or any(
        c + "月" in text or any(p + c in text for p in "/.-月") for c in masks)
    return _spans(_DATE.finditer(text)) if gate else []


def _years(text: str, masks: str) -> list[Span]:
    # every match ends with a mask or an underscore right before 年, or a mask before a range mark
    if not any(c + "年" in text for c in masks + "_＿") and not any(
            c + sep in text for c in masks for sep in "-—~～至到"):
        return []
    return _spans(_YEAR.finditer(text))


def _names(text: str, masks: str) -> list[Span]:
    # every match starts with a mask or with 某某
    pairs = "某某" in text
    if not (masks or pairs):
        return []
    return _spans(finditer_at(_NAME, text, offsets(text, masks + ("某" if pairs else ""))))


def _numbers(text: str, masks: str) -> list[Span]:
    # a match holds a mask followed by `.`, a space or a unit; it starts at the mask or at the
    # digits and point before it
    tails = _spans([*_MASKED_TAIL.finditer(text), *_MASKED_LANDLINE.finditer(text)]) if any(
        text[at - 1:at].isdigit() for at in offsets(text, masks)) else []
    ends = [at for at in offsets(text, masks) if at + 1 < len(text)
            and (text[at + 1] == "." or text[at - 1:at] == "第" or text[at + 1] in _UNIT_FIRST
                 or text[at + 1].isspace())]
    if not ends:
        return tails
    starts: set[int] = set()
    for at in offsets(text, masks):
        lo = at
        while lo > 0 and text[lo - 1] in "0123456789.":
            lo -= 1
        starts.update(range(lo, at + 1))
    return sorted(_spans(finditer_at(_NUMBER, text, sorted(starts))) + tails)


def _tokens(text: str, masks: str) -> list[Span]:
    found: list[Span] = []
    if "x" in masks or "X" in masks:  # an unmasked run starts right after a non-letter
        found += _spans(finditer_at(_XXX, text, (m.start() for m in _XXX_RUN.finditer(text))))
    if "xx" in text or "XX" in text:
        found += _spans(_DOUBLE_X.finditer(text))
    if "x" in masks or "X" in masks:
        found += _spans(_SINGLE_X.finditer(text))
    if any(a + b in text for a in "×✕Ｘ" if a in masks for b in "×✕Ｘ"):
        found += _spans(_TIMES.finditer(text))
    if any(c in masks for c in "〇○□■△"):
        found += _spans(_SHAPES.finditer(text))
    if "＊＊" in text:
        found += _spans(_WIDE_STARS.finditer(text))
    if "**" in text:
        found += _spans(_STARS.finditer(text))
    return sorted(found)


def _blanks(text: str, masks: str) -> list[Span]:
    r"""``_{2,}|＿{2,}|(?<=[\u4e00-\u9fff0-9])[_＿](?=[\u4e00-\u9fff0-9])``, scanned in Python."""
    found: list[Span] = []
    end = 0
    for at in offsets(text, "_＿"):
        if at < end:
            continue
        char = text[at]
        stop = at + 1
        while stop < len(text) and text[stop] == char:
            stop += 1
        single = at and _han_or_digit(text[at - 1]) and stop < len(text) and _han_or_digit(text[stop])
        if (stop - at >= 2 or single) and not _in_name_token(text, at, stop):
            found.append((at, stop if stop - at >= 2 else at + 1))
            end = found[-1][1]
    return found


_TOKEN_STOPS = frozenset(" \t\n\u3000，。；：、“”‘’《》（）【】！？,;()<>\"'")
_EXTENSION = lazy(r"\.[A-Za-z][A-Za-z0-9]{1,4}\b")


def _in_name_token(text: str, at: int, stop: int) -> bool:
    """An underscore inside a URL, an e-mail address or a file name (`2024_12/t20241201_123.htm`,
    `单位名称_报告.docx`) names something; it is no blank to fill in."""
    lo, hi = at, stop
    while lo > 0 and at - lo < 80 and text[lo - 1] not in _TOKEN_STOPS:
        lo -= 1
    while hi < len(text) and hi - stop < 80 and text[hi] not in _TOKEN_STOPS:
        hi += 1
    token = text[lo:hi]
    return "/" in token or "@" in token or _EXTENSION.search(token) is not None


def _han_or_digit(char: str) -> bool:
    return is_cjk(char) or "0" <= char <= "9"


def _brackets(text: str, masks: str) -> list[Span]:
    r"""Empty brackets, found in Python rather than by a pattern with three CJK classes.

    ``【\s*】|〔\s*〕|［\s*］|《\s*》|〈\s*〉`` anywhere; ``\[\s*\]|\(\s*\)|（\s*）`` after a Han
    character (unless a 发文字号 serial ``18号`` follows: DN002's case) or before one (unless it
    is a bare ``[]`` after a Han character).
    """
    found: list[Span] = []
    for at in offsets(text, _CLOSING):
        end = at + 1
        while end < len(text) and text[end].isspace():
            end += 1
        if not text.startswith(_CLOSING[text[at]], end):
            continue
        end += 1
        if text[at] in "【〔［《〈" or _empty_brackets_here(text, at, end):
            found.append((at, end))
    return found


def _empty_brackets_here(text: str, at: int, end: int) -> bool:
    han_before = at > 0 and is_cjk(text[at - 1])
    if han_before and not _serial_at(text, end):
        return True
    return end < len(text) and is_cjk(text[end]) and not (han_before and text[at:end] == "[]")


def _serial_at(text: str, at: int) -> bool:
    end = at
    while end < len(text) and "0" <= text[end] <= "9":
        end += 1
    return end > at and text.startswith("号", end)


def _instructions(text: str, masks: str) -> list[Span]:
    """Bracketed fill-in instructions and field labels: 〖请填写〗, （此处插入图片）, 【单位名称】.

    Linear: each opener looks for its closer within one line and 40 characters.
    """
    found: list[Span] = []
    end = 0
    for at in offsets(text, _SLOT_BRACKETS):
        if at < end:
            continue
        limit = min(len(text), at + 42)
        close = text.find(_SLOT_BRACKETS[text[at]], at + 1, limit)
        if close == -1:
            continue
        inner = text[at + 1:close].strip()
        if not inner or "\n" in inner:
            continue
        label = _FIELD_LABEL.fullmatch(inner) if text[at] in _LABEL_BRACKETS else None
        if label and label.group("tag") and not _tag_in_sentence(text, at, close + 1):
            label = None
        if label and label.group("unit") and not (at and is_cjk(text[at - 1])):
            label = None
        if label or _is_instruction(inner):
            found.append((at, close + 1))
            end = close + 1
    return found


def _tag_in_sentence(text: str, at: int, end: int) -> bool:
    """【时间】 inside a sentence (活动于【时间】在【地点】举行) stands for a value; at a line start
    or before its value (【时间】5月1日【地点】县会议中心) it is a tag."""
    if not (at and is_cjk(text[at - 1])):
        return False
    after = text[end:end + 2]
    return not after or after[0] in "，。；、）)\n,;" or after.startswith(
        ("在", "举", "召", "的", "前", "后", "至", "到", "起", "进行", "开展"))


def _is_instruction(inner: str) -> bool:
    if not any(verb in inner for verb in ("填", "插", "输", "补充", "粘贴", "替换", "添加", "附上",
                                          "上传", "录", "写", "说明", "描述", "简述", "列出", "注明",
                                          "此处", "这里", "待", "占位", "TODO", "TBD", "FIXME")):
        return False
    m = _INSTRUCTION.match(inner)
    if m is None:
        return False
    # a bare verb (说明, 注明, 列出 …) opens ordinary asides such as （说明：…）; only the
    # fill-in verbs, or a verb after 请/此处, mark an instruction
    return m.group(0).startswith(("请", "在此", "此处", "这里", "待", "占位", "TODO", "TBD", "FIXME")) \
        or m.group(0).startswith(_VERB_FIRST)


_FINDERS: tuple[tuple[str, Callable[[str, str], list[Span]]], ...] = (
    ("date", _dates), ("year", _years), ("name", _names), ("number", _numbers),
    ("instruction", _instructions), ("token", _tokens), ("blank", _blanks), ("brackets", _brackets),
)


def _in_example(text: str, start: int) -> bool:
    """Placeholders quoted as an illustration (如《XX局20XX年工作总结》) are not leftovers."""
    open_at = text.rfind("《", max(0, start - 40), start)
    if open_at == -1 or text.rfind("》", open_at, start) != -1:
        return False
    return bool(_EXAMPLE_INTRO.search(text[max(0, open_at - 8):open_at]))


def _real_mask(text: str, s: int, e: int, kind: str) -> bool:
    """Drop the mask look-alikes: zeros in Chinese numerals (二〇〇八年), a lone 〇 or ○, list
    bullets (□ 加强…), and 某某 after a surname (张某某局长 anonymises a person)."""
    body = text[s:e]
    if s and text[s - 1].isdigit() and text[e:e + 1].isdigit() and not body.strip("*＊xX×"):
        return False  # 138****5678, 3301**********1234: a private number masked on purpose
    if set(body) <= set(_ZERO_MASKS):
        if len(body) < 2 or (s > 0 and text[s - 1] in _ZH_NUMERALS) or text[e:e + 1] in _ZH_NUMERALS:
            return False
    if len(body) == 1 and body in _BULLETS and (s == 0 or text[s - 1] == "\n") and text[e:e + 1].isspace():
        return False
    if body[:1] in "□■△" and len(body) == 1 and (s == 0 or text[s - 1] in "\n \t\u3000"):
        return False  # a single bullet or check box opening an item
    if body == "某某" and s > 0 and text[s - 1] in SURNAMES:
        return False
    return True


_ADMIN_WORDS = tuple(_ADMIN.split("|"))


def _sentence_around(text: str, start: int, end: int) -> str:
    lo = max(text.rfind(c, 0, start) for c in "。！？\n") + 1
    stops = [i for i in (text.find(c, end) for c in "。！？\n") if i != -1]
    return text[lo:min(stops) if stops else len(text)]


def anonymises_people(text: str) -> bool:
    """Whether the sentence names people as 张某某 / 刘某 (a case description, a ruling, a
    通报): such a sentence anonymises organisations and places on purpose too (某某村党支部书记
    孙某某). A 某某局 in another sentence of the same document is still a slot."""
    at = text.find("某")
    while at != -1:
        if at and text[at - 1] in SURNAMES:
            end = at + 1 + (text[at + 1:at + 2] == "某")
            if not text.startswith(_ADMIN_WORDS, end) and not text.startswith(("同志",), end) or \
                    text.startswith(("同志", "等", "（", "(", "，", "、", "系", "在", "因", "于", "将", "被"), end):
                if not (at > 1 and text[at - 2] == "某"):
                    return True
        at = text.find("某", at + 1)
    return False


def find_placeholders(text: str) -> list[Hit]:
    """Every placeholder in the text, overlaps resolved in favour of the more specific kind."""
    masks = "".join(c for c in _M if c in text)
    hits: list[Hit] = []
    taken = SpanIndex()
    for kind, finder in _FINDERS:
        for s, e in finder(text, masks):
            if s == e or taken.overlaps(s, e) or _in_example(text, s):
                continue
            if kind != "instruction" and not _real_mask(text, s, e, kind):
                continue
            if text[s:e] == "某某" and anonymises_people(_sentence_around(text, s, e)):
                continue
            hits.append(Hit(kind, s, e, text[s:e]))
            taken.add(s, e)
    return sorted(hits, key=lambda h: h.start)


def _hits(ctx: RuleContext) -> list[Hit]:
    return ctx.shared("placeholders", lambda: find_placeholders(ctx.text))


class _PlaceholderRule(Rule):
    kind = ""
    groups = ("placeholders",)
    severity = Severity.ERROR

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        masks = SpanIndex(ctx.source.masks)
        for hit in _hits(ctx):
            # markup blanked by a reader (a Markdown link target, a URL) leaves spaces, not a hole
            if hit.kind == self.kind and not masks.overlaps(hit.start, hit.end):
                yield ctx.report(hit.start, hit.end, text=hit.text, fix=self.suggest(ctx, hit))

    def suggest(self, ctx: RuleContext, hit: Hit) -> Fix | None:
        return None


class MaskedYear(_PlaceholderRule):
    """A year left as a template slot: `20XX年`, `20**年`, `200X年`, `xxxx年`, `20__年`.

    ## What it does
    Flags a year whose digits are masked with `X`, `x`, `×`, `*`, `〇`/`○` runs or underscores,
    before 年 (`20××年`, `XXXX年度`) or in a range (`20XX-20XX年`). Left alone: years in
    Chinese numerals (`二〇〇八年`) and Latin words (`Windows XP年代`).

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
    Flags masked names anchored on what follows them (县区市镇乡村局委办, 公司, 单位, 同志, 书记 …),
    so Latin words such as `App` or `XML` are never flagged. Masks are `x X × * ＊` and runs of
    `〇 ○ □ ■ △` (`〇〇县`, `□□村`); `某某` counts before an organisation or a title (`某某局`).

    Left alone: a surname with 某 or 某某 (`张某某`, `刘某`, `王某某同志`), which anonymises a
    person on purpose, `某企业`/`某公司` in a case description, `某某村`/`某某公司` in a sentence that
    anonymises people that way (a 通报 or case: `某某村党支部书记孙某某`), and 〇 in Chinese
    numerals (`二〇〇八年`). A bare `某某局` in a sentence that names no one so is a slot.

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
    Flags month and day slots masked with `X`, `x`, `×` or `*` (`X月X日`, `2023年X月`,
    `本月X日`), the word forms `某月某日`, and a `年月日` with the digits deleted. Left alone:
    dates in digits or Chinese numerals.

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
    Flags masked digits directly before a unit or measure word (%, 万, 亿, 元, 人, 户, 个, 公里 …)
    and masked ordinals (`第X批`, `第XX期`, `第×届`). Partial masks that keep a real digit
    (`xx.8万人`, `X.X万元`) are found too, and so is a number whose tail is masked
    (`0931-6xxxxxx`, `2024XXXX`), and an office landline masked anywhere (`0593-2286××5`).
    Left alone: Latin text such as `3x3篮球赛`, and a mask between digits of another number
    (`138****5678`), which hides a private number on purpose.

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
    Left alone: underscores in URLs, e-mail addresses and file names
    (`2024_12/t20241201_5567.html`, `单位名称_自查报告.docx`).

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
    Flags three or more `x`/`X` not touching Latin letters, `XX`/`xx` touching Chinese
    (`XX工作领导小组`, `关于xx的通知`), one `X` between Chinese characters (`在X的领导下`,
    `经镇X委研究`; not `X光`, `X射线`, `X型`), two or more `×`, runs of two or more
    `〇 ○ □ ■ △` (not after a Chinese numeral), and `**` touching Chinese text — masks that the
    more specific rules (PH001–PH004) do not anchor. A single □ ■ △ ○ opening a list item is a
    bullet and left alone.

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


class FillInInstruction(_PlaceholderRule):
    """A fill-in instruction or field label left in brackets: `〖请填写〗`, `<插入表格>`, `【单位名称】`.

    ## What it does
    Flags a bracketed text — in any bracket: 〖〗 【】 （） () <> ＜＞ 〈〉 [] ［］ {} 〔〕 「」 —
    that tells the writer what to put there: a fill-in verb (`填写`, `插入`, `粘贴`, `填入`), such a
    verb after `请`/`此处`/`在此` (`请在此处说明`, `此处插入图片`), `待补充`/`待填写`, `TODO`; or a
    field label alone in square, lenticular or angle brackets (`【单位名称】`, `[标题]`, `<文号>`).
    Labels that also work as tags (`【时间】`, `【地点】`, `【内容】`) count only inside a sentence:
    `活动于【时间】在【地点】举行` is flagged, `【时间】5月1日 【地点】县会议中心` is not; a unit
    label (`【牵头单位】`, `【责任部门】`) counts after a Chinese character (`由【牵头单位】会同…`),
    not at a line start where it heads its value (`【牵头单位】县教育局`).

    Left alone: instructions to the reader that a 通知 gives on purpose
    (`（请于6月底前报送附件1）`, `请各单位认真填报`), asides that open with 说明/注明
    (`（说明：本表数据截至6月底）`), and `（略）`.

    ## Why is this bad?
    The template's instruction was never replaced by the content it asks for; the sentence has a
    hole the reader sees at once.

    ## Example
    ```
    全年共完成（请在此处说明完成情况）项，详见<插入表格>。
    ```

    ## Use instead
    ```
    全年共完成重点项目12项，详见附表1。
    ```
    """

    code = "PH008"
    name = "fill-in-instruction"
    kind = "instruction"
    messages = {"default": ("模板填写说明“{text}”未替换为实际内容",
                            "template instruction {text!r} was never replaced by content")}


RULES = [MaskedYear, MaskedName, MaskedDate, MaskedNumber, FillInBlank, EmptyBrackets, MaskedToken,
         FillInInstruction]
