"""Script consistency: traditional characters, conversion and pinyin residue, lost characters."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from reportlint.config.resources import data_dir
from reportlint.diagnostics import Applicability, Edit, Finding, Fix, Severity
from reportlint.rules.base import Option, Rule, RuleContext
from reportlint.text.chars import PINYIN_SYLLABLE, TONE_MARKS, is_lost_character
from reportlint.text.lazyre import AtStarts, find_all, lazy, offsets

DATA = data_dir("rulesets") / "data" / "script.yaml"
_LOST = lazy("[?\ufffd]+")


def _pinyin_starts(text: str) -> list[int]:
    """Brackets right after a Han character, in a text with a tone mark somewhere."""
    if not any(mark in text for mark in TONE_MARKS):  # every pinyin syllable holds one
        return []
    return [at for at in offsets(text, "(（") if at and "\u4e00" <= text[at - 1] <= "\u9fff"]


# the Han character before the bracket is checked in Python (a CJK lookbehind class would cost
# ~1 ms to compile)
PINYIN_RESIDUE = AtStarts(rf"[(（]{PINYIN_SYLLABLE}[)）]", _pinyin_starts)


class ScriptData:
    """The pairs and residue terms of ``rulesets/data/script.yaml``."""

    __slots__ = ("to_simplified", "residue", "simplified", "japanese")

    def __init__(self, to_simplified: dict[str, str], residue: dict[str, str],
                 simplified: frozenset[str], japanese: dict[str, str] | None = None) -> None:
        self.to_simplified, self.residue, self.simplified = to_simplified, residue, simplified
        self.japanese = japanese or {}


@cache
def load_data(path: Path = DATA) -> ScriptData:
    """The character pairs and residue terms of ``rulesets/data/script.yaml`` (sources there)."""
    from reportlint.config.datafiles import read_mapping

    raw = read_mapping(path)
    pairs = dict(pair for pair in raw["traditional"].split())
    japanese = {pair[0]: pair[1] for pair in str(raw.get("japanese") or "").split()}
    return ScriptData(pairs, dict(raw.get("residue") or {}), frozenset(pairs.values()), japanese)


class Survey:
    """Where a document's traditional characters are, and whether it is traditional throughout.

    ``traditional``: offsets of traditional-only characters outside residue terms;
    ``residue``: (start, end, term) of each conversion residue term.
    """

    __slots__ = ("traditional", "residue", "traditional_document")

    def __init__(self, traditional: tuple[int, ...], residue: tuple[tuple[int, int, str], ...],
                 traditional_document: bool) -> None:
        self.traditional, self.residue = traditional, residue
        self.traditional_document = traditional_document


def survey(text: str, data: ScriptData, ratio: float) -> Survey:
    residue: list[tuple[int, int, str]] = []
    for term in sorted(data.residue, key=len, reverse=True):
        for start in _occurrences(text, term):
            end = start + len(term)
            if not any(s < end and start < e for s, e, _ in residue):
                residue.append((start, end, term))
    covered = {i for s, e, _ in residue for i in range(s, e)}
    # the characters the text holds, looked up once each: no regex class, no per-character loop
    present = set(text)
    trad = tuple(sorted(i for char in present.intersection(data.to_simplified)
                        for i in find_all(text, char) if i not in covered))
    mostly = len(trad) >= 10 and (
        len(trad) >= ratio * (len(trad) + _count(text, present & data.simplified)))
    return Survey(trad, tuple(sorted(residue)), mostly)


def _occurrences(text: str, term: str) -> Iterator[int]:
    """Where ``re.finditer(re.escape(term), text)`` matches: non-overlapping, left to right."""
    if not term:
        yield from (m.start() for m in re.finditer("", text))
        return
    at = text.find(term)
    while at != -1:
        yield at
        at = text.find(term, at + len(term))


def _count(text: str, chars: set[str]) -> int:
    """How many characters of ``text`` are in ``chars``."""
    return sum(text.count(char) for char in chars)


def _survey(ctx: RuleContext, ratio: float) -> Survey:
    return ctx.shared(f"script-survey-{ratio}", lambda: survey(ctx.text, load_data(), ratio))


_RATIO = Option(
    0.5, float, "share of traditional forms from which the whole document counts as traditional"
)


class TraditionalCharacters(Rule):
    """Traditional characters inside a simplified document: `总结…總結`.

    ## What it does
    Flags characters that exist only in traditional script (from the pairs in
    `rulesets/data/script.yaml`, after 《通用规范汉字表》 2013) when most of the document is
    simplified. All of them on one line are one finding. A document written in traditional
    script throughout is reported once by ZH002 instead.

    ## Why is this bad?
    Mainland official documents use the standard simplified characters (《国家通用语言文字法》
    第十七条 aside). A few traditional characters in a simplified text show that passages were
    copied from a Hong Kong, Taiwan or converted web page.

    ## Example
    ```
    现将全年工作總結如下。
    ```

    ## Use instead
    ```
    现将全年工作总结如下。
    ```

    ## Fix safety
    Safe: each listed character has exactly one simplified form.
    """

    code = "ZH001"
    name = "traditional-characters"
    groups = ("script",)
    severity = Severity.WARNING
    fixable = Applicability.SAFE
    standard = "《通用规范汉字表》(2013)"
    options = {"traditional-ratio": _RATIO}
    messages = {
        "default": (
            "简体文本中夹有繁体字“{chars}”（本行 {count} 处）",
            "traditional characters {chars!r} in a simplified text ({count} on this line)",
        )
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        found = _survey(ctx, self.settings["traditional-ratio"])
        if found.traditional_document or not found.traditional:
            return
        table = load_data().to_simplified
        by_line: dict[int, list[int]] = {}
        for pos in found.traditional:
            by_line.setdefault(ctx.source.lines.position(pos)[0], []).append(pos)
        for spots in by_line.values():
            edits = tuple(Edit(p, p + 1, table[ctx.text[p]]) for p in spots)
            chars = "".join(dict.fromkeys(ctx.text[p] for p in spots))
            yield ctx.report(
                spots[0], spots[-1] + 1, fix=Fix("改为简体字", edits), chars=chars, count=len(spots)
            )


class TraditionalDocument(Rule):
    """A document written in traditional script throughout.

    ## What it does
    Reports once, on the first traditional character, when at least half of the characters
    that differ between the scripts are in their traditional form. Nothing is flagged per
    character: converting the whole text is one decision.

    ## Why is this bad?
    Mainland official documents are written in the standard simplified characters. A report
    in traditional script was usually copied from a converted web page — the conversion often
    leaves wrong words too (乾部, 巨觀調控), which ZH003 reports.

    ## Example
    ```
    2023年，我局在縣委、縣政府的正確領導下……
    ```

    ## Use instead
    ```
    2023年，我局在县委、县政府的正确领导下……
    ```
    """

    code = "ZH002"
    name = "traditional-document"
    groups = ("script",)
    severity = Severity.WARNING
    standard = "《通用规范汉字表》(2013)"
    options = {"traditional-ratio": _RATIO}
    messages = {
        "default": (
            "全文使用繁体字（{count} 处），公文应使用规范简体字",
            "the document is written in traditional characters ({count}); use simplified ones",
        )
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        found = _survey(ctx, self.settings["traditional-ratio"])
        if found.traditional_document:
            first = found.traditional[0]
            yield ctx.report(first, first + 1, count=len(found.traditional))


class ConversionResidue(Rule):
    """Words a script conversion got wrong: `乾群`, `巨观调控`, `民众路线`.

    ## What it does
    Flags the words listed under `residue:` in `rulesets/data/script.yaml`: one-to-many
    conversion errors (干 → 乾) and Taiwan-style term mappings (宏观 → 巨觀, 计划 → 計畫) that
    do not exist in mainland usage.

    ## Why is this bad?
    Converting simplified text to traditional and back picks the wrong character or term;
    the result is a word no mainland reader uses, in a place where the intended word is obvious.

    ## Example
    ```
    团结带领全镇乾群，克服了国家巨观调控带来的困难。
    ```

    ## Use instead
    ```
    团结带领全镇干群，克服了国家宏观调控带来的困难。
    ```

    ## Fix safety
    Safe: each listed word has one intended form.
    """

    code = "ZH003"
    name = "conversion-residue"
    groups = ("script",)
    severity = Severity.WARNING
    fixable = Applicability.SAFE
    messages = {
        "default": (
            "“{term}”是繁简转换的残留，应为“{right}”",
            "{term!r} is residue of a script conversion; write {right!r}",
        )
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        residue = load_data().residue
        for start, end, term in _survey(ctx, 0.5).residue:
            right = residue[term]
            yield ctx.report(
                start,
                end,
                fix=Fix.replace(f"改为“{right}”", start, end, right),
                term=term,
                right=right,
            )


class PinyinResidue(Rule):
    """Pinyin in brackets after a character: `總結(jié)`, `社區(qū)`.

    ## What it does
    Flags a bracketed pinyin syllable with a tone mark right after a Chinese character — the
    ruby annotation of a web page flattened into the text.

    ## Why is this bad?
    It is garbage from a broken copy: the reader sees `(jié)` in the middle of a word.

    ## Example
    ```
    年度工作总结(jié)的格式
    ```

    ## Use instead
    ```
    年度工作总结的格式
    ```

    ## Fix safety
    Safe: the bracketed syllable is deleted.
    """

    code = "ZH004"
    name = "pinyin-residue"
    groups = ("script",)
    severity = Severity.WARNING
    fixable = Applicability.SAFE
    messages = {"default": ("拼音注音残留“{text}”", "pinyin annotation residue {text!r}")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for m in PINYIN_RESIDUE.finditer(ctx.text):
            fix = Fix.replace("删除拼音注音", m.start(), m.end(), "")
            yield ctx.report(m.start(), m.end(), fix=fix, text=m.group(0))


class LostCharacter(Rule):
    """A character lost in an encoding conversion: `?` or `�` where a character should be.

    ## What it does
    Flags the replacement character U+FFFD and an ASCII `?` that cannot be a question mark:
    one that follows a 顿号 or an opening mark, or is followed by other punctuation
    (`占比达到前1?。`, `、?水灌区`), and one between two Han characters in a clause that asks
    nothing (`客户满?度`, `烈士陵?等`). `吗??我们` and `是否达标?请核实` are question marks.

    ## Why is this bad?
    A character the target encoding could not hold (a rare name character, ‰) was replaced;
    the sentence now lacks a word or a unit.

    ## Example
    ```
    涔水灌区、?水灌区开工建设。
    ```

    ## Use instead
    ```
    涔水灌区、澧水灌区开工建设。
    ```
    """

    code = "ZH005"
    name = "lost-character"
    groups = ("script",)
    severity = Severity.WARNING
    messages = {
        "default": (
            "“{text}”处的字符在转码中丢失",
            "a character was lost in conversion at {text!r}",
        )
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.text
        for m in _LOST.finditer(text):
            if "\ufffd" in m.group(0) or is_lost_character(text, m.start()):
                yield ctx.report(m.start(), m.end(), text=text[max(0, m.start() - 3) : m.end() + 3])


# the markers a wrong decoding leaves when it meets its own replacement bytes (EF BF BD read
# as GBK is 锟斤拷; uninitialised memory printed in GBK is 烫烫 / 屯屯)
_MOJIBAKE_MARKERS = ("锟斤拷", "烫烫烫", "屯屯屯")
# UTF-8 read as Latin-1 or Windows-1252: a lead byte Ã…ï followed by continuation bytes
_LATIN_MOJIBAKE = lazy("[\u00c2-\u00ef][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
                       "\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030"
                       "\u2039\u203a\u20ac\u2122]{1,2}(?:[\u00c2-\u00ef][\u0080-\u00bf\u0152\u0153"
                       "\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e"
                       "\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122 ]{1,2})+")
@cache
def _utf8_han() -> re.Pattern[bytes]:
    """UTF-8 Han characters as bytes (compiled on first use: most texts never need it)."""
    return re.compile(rb"(?:[\xe4-\xe9][\x80-\xbf]{2})+")


def _gbk(char: str) -> bytes:
    if char == "\u20ac":  # Windows code page 936 (what editors call GBK) puts € at 0x80
        return b"\x80"
    try:
        return char.encode("gbk")
    except UnicodeEncodeError:
        return b""


def _decodes_to_han(raw: bytes) -> str:
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError:
        return ""
    return decoded if decoded and all("\u4e00" <= c <= "\u9fff" for c in decoded) else ""


def gbk_mojibake(text: str) -> Iterator[tuple[int, int, str]]:
    """Runs of UTF-8 Chinese read as GBK (`鎬荤粨` for 总结, `宸ヤ綔` for 工作): the GBK bytes of
    the run are valid UTF-8 for at least two Han characters.

    A run starts only at a character whose GBK lead byte is a UTF-8 lead of the Han block
    (E4–E9) and whose trail byte is a continuation byte — rare characters in ordinary text.
    """
    at = 0
    starts = _gbk_run_starts()
    while (found := starts.search(text, at)) is not None:
        at = found.start()
        data, ends = bytearray(), []
        end = at
        while end < len(text) and len(data) < 60:
            piece = _gbk(text[end]) if ord(text[end]) > 0x7F else b""
            if not piece:  # ASCII or no GBK form; € is GBK's one-byte 0x80
                break
            data += piece
            ends.append(len(data))
            end += 1
        m = _utf8_han().match(bytes(data))
        usable = [n for n in ends if m and n <= m.end() - m.end() % 3 and n % 3 == 0] if m else []
        if usable and usable[-1] >= 6:
            stop = at + ends.index(usable[-1]) + 1
            yield at, stop, bytes(data[:usable[-1]]).decode("utf-8")
            at = stop
        else:
            at += 1


@cache
def _gbk_run_starts() -> re.Pattern[str]:
    """The characters whose GBK form is a Han UTF-8 lead byte (E4–E9) and a continuation byte:
    a regex class, so the scan jumps from one to the next instead of encoding every character."""
    chars = set()
    for lead in range(0xE4, 0xEA):
        for trail in range(0x80, 0xC0):
            try:
                char = bytes((lead, trail)).decode("gbk")
            except UnicodeDecodeError:
                continue
            if _gbk(char) == bytes((lead, trail)):
                chars.add(char)
    return re.compile("[" + "".join(sorted(chars)) + "]")


_LATIN_LEAD = lazy("[\u00c2-\u00ef]")  # the lead bytes of UTF-8 Chinese read as Latin-1 or cp1252


def latin_mojibake(text: str) -> Iterator[tuple[int, int, str]]:
    """UTF-8 Chinese read as Latin-1 or Windows-1252 (`å·¥ä½œ` for 工作)."""
    if not _LATIN_LEAD.search(text):  # a regex scan: a Python loop over every character cost ~0.5 ms a report
        return
    for m in _LATIN_MOJIBAKE.finditer(text):
        raw = bytearray()
        for char in m.group(0):
            try:
                raw += char.encode("cp1252")
            except UnicodeEncodeError:
                raw += char.encode("latin-1", errors="ignore")
        decoded = raw.decode("utf-8", errors="ignore")
        if sum("\u4e00" <= c <= "\u9fff" for c in decoded) >= 1:
            yield m.start(), m.end(), decoded


# GBK Chinese read as Latin-1 or Windows-1252 (½ñÄê for 今年): a run of the high half of Latin-1,
# whose bytes are GBK; every GB2312 Han character has both bytes in A1–FE
_GBK_AS_LATIN = lazy("[\u00a1-\u00fe]{4,}")


def gbk_latin_mojibake(text: str) -> Iterator[tuple[int, int, str]]:
    """GBK Chinese read as Latin-1 (`½ñÄê¹¤×÷×Ü½á` for 今年工作总结): at least two Han characters."""
    if not any("\u00a1" <= c <= "\u00fe" for c in text):
        return
    for m in _GBK_AS_LATIN.finditer(text):
        run = m.group(0)
        if len(run) % 2:
            run = run[:-1]
        try:
            decoded = run.encode("latin-1").decode("gbk")
        except UnicodeError:
            continue
        if len(decoded) >= 2 and all("\u4e00" <= c <= "\u9fff" for c in decoded):
            yield m.start(), m.start() + len(run), decoded


class Mojibake(Rule):
    """Chinese text decoded with the wrong encoding: `鎬荤粨`, `å·¥ä½œ`, `锟斤拷`.

    ## What it does
    Flags a run of characters that is UTF-8 Chinese read as GBK (`宸ヤ綔鎬荤粨` is 工作总结: the
    run's GBK bytes are valid UTF-8 Han characters) or as Latin-1/Windows-1252 (`å·¥ä½œ`), GBK
    Chinese read as Latin-1 (`½ñÄê¹¤×÷` is 今年工作: four or more Latin-1 letters whose bytes are
    GBK Han characters), and
    the markers a broken conversion leaves (`锟斤拷`, `烫烫烫`, `屯屯屯`). The decoded text is
    given in the message. Left alone: ordinary Chinese, whose GBK bytes are not UTF-8, Latin
    words with accents (`café`, `Zürich`) and a single `?` or `�` (ZH005).

    ## Why is this bad?
    A paragraph pasted from a file opened in the wrong encoding; the reader sees garbage where
    the text should be.

    ## Example
    ```
    2024骞村伐浣滄€荤粨
    ```

    ## Use instead
    ```
    2024年工作总结
    ```
    """

    code = "ZH006"
    name = "mojibake"
    groups = ("script",)
    severity = Severity.WARNING
    messages = {
        "default": ("“{text}”是编码错误产生的乱码（原文应为“{decoded}”）",
                    "{text!r} is mojibake (wrong encoding; the text was {decoded!r})"),
        "marker": ("“{text}”是编码转换失败留下的乱码", "{text!r} is left by a failed encoding conversion"),
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.text
        for marker in _MOJIBAKE_MARKERS:
            for at in find_all(text, marker):
                yield ctx.report(at, at + len(marker), "marker", text=marker)
        latin = list(latin_mojibake(text))
        gbk_latin = [hit for hit in gbk_latin_mojibake(text)
                     if not any(s < hit[1] and hit[0] < e for s, e, _ in latin)]
        for start, end, decoded in sorted((*gbk_mojibake(text), *latin, *gbk_latin)):
            yield ctx.report(start, end, text=text[start:end], decoded=decoded)


# hiragana and katakana, without the katakana middle dot and the long-vowel mark that Chinese
# uses in foreign names (马克思・韦伯)
_KANA = lazy("[\u3041-\u309f\u30a0-\u30fa\u30fd-\u30ff]+")


class JapaneseForm(Rule):
    """Japanese kana or a Japanese character form in Chinese text: `対策`, `県`, `の`.

    ## What it does
    Flags hiragana and katakana (`做好の工作`) and the Japanese 新字体 forms that are neither
    simplified nor traditional Chinese (`対`, `総`, `単`, `県`, `労働`, listed with their
    standard characters in `rulesets/data/script.yaml`), with the standard character as a
    fix. Left alone: the katakana middle dot in foreign names (`马克思・韦伯`), characters that
    are standard in Chinese too (`芸芸众生`, `称`), a kana run inside mojibake (ZH006), and a
    document written mostly in Japanese.

    ## Why is this bad?
    Typed with a Japanese input method or pasted from a Japanese page; the 《通用规范汉字表》
    form is required in an official document, and kana have no place in Chinese text.

    ## Example
    ```
    加强対策研究，推进全県経済发展。
    ```

    ## Use instead
    ```
    加强对策研究，推进全县经济发展。
    ```

    ## Fix safety
    Unsafe: one character is replaced by its usual standard form, which a word may not follow
    (Japanese 総合 is 综合, not 总合); kana are only reported.
    """

    code = "ZH007"
    name = "japanese-form"
    groups = ("script",)
    severity = Severity.WARNING
    fixable = Applicability.UNSAFE
    messages = {
        "default": ("“{text}”是日文字形，应为“{right}”", "{text!r} is a Japanese character form; write {right!r}"),
        "kana": ("“{text}”是日文假名", "{text!r} is Japanese kana"),
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.text
        japanese = load_data().japanese
        found = [at for at in offsets(text, japanese)] if any(c in text for c in japanese) else []
        kana = list(_KANA.finditer(text))
        if not (found or kana):
            return
        han = sum("\u4e00" <= c <= "\u9fff" for c in text)
        if sum(len(m.group(0)) for m in kana) > han // 4:
            return  # a Japanese text, not a slip in a Chinese one
        garbled = [(s, e) for s, e, _ in gbk_mojibake(text)]
        for at in found:
            if not any(s <= at < e for s, e in garbled):
                right = japanese[text[at]]
                fix = Fix.replace(f"改为“{right}”", at, at + 1, right, Applicability.UNSAFE)
                yield ctx.report(at, at + 1, fix=fix,
                                 text=text[at], right=right)
        for m in kana:
            if not any(s <= m.start() < e for s, e in garbled):
                yield ctx.report(m.start(), m.end(), "kana", text=m.group(0))


RULES = [
    TraditionalCharacters,
    TraditionalDocument,
    ConversionResidue,
    PinyinResidue,
    LostCharacter,
    Mojibake,
    JapaneseForm,
]
