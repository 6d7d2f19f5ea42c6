"""Character classes and numerals of Chinese text, shared by every rule family: one home for each predicate."""

from __future__ import annotations

import unicodedata

CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN_NUMERALS = "零一二三四五六七八九"


def cn_to_int(numeral: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 九十九 → 99; 二〇一一 → 2011 (digit by digit)."""
    if not numeral:
        return None
    if "十" not in numeral and "百" not in numeral:
        value = 0
        for ch in numeral:
            if ch not in CN_DIGITS:
                return None
            value = value * 10 + CN_DIGITS[ch]
        return value
    total, current = 0, 0
    for ch in numeral:
        if ch in CN_DIGITS:
            current = CN_DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


def int_to_cn(value: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十 (the form used in 一、 and （一） headings)."""
    if value < 10:
        return CN_NUMERALS[value]
    if value < 100:
        tens, ones = divmod(value, 10)
        return ("" if tens == 1 else CN_NUMERALS[tens]) + "十" + (CN_NUMERALS[ones] if ones else "")
    if value < 1000:
        hundreds, rest = divmod(value, 100)
        tail = "" if rest == 0 else ("零" + int_to_cn(rest) if rest < 10 else int_to_cn(rest))
        return CN_NUMERALS[hundreds] + "百" + tail
    if value < 10000:  # 1005 → 一千零五, 1010 → 一千零一十, 1100 → 一千一百
        thousands, rest = divmod(value, 1000)
        if rest == 0:
            tail = ""
        elif rest < 100:
            tail = "零" + ("一" if rest >= 10 and rest < 20 else "") + int_to_cn(rest)
        else:
            tail = int_to_cn(rest)
        return CN_NUMERALS[thousands] + "千" + tail
    return str(value)  # no heading list runs this long; digits rather than a wrong numeral


def numeral_value(numeral: str) -> int | None:
    if numeral.isdigit():
        return int(numeral)
    return cn_to_int(numeral)


def is_cjk(ch: str) -> bool:
    """A Han character (the unified block and extension A)."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def char_width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Terminal columns: East Asian wide and full-width characters take two."""
    return sum(char_width(ch) for ch in text)


# full-width marks that put their neighbour in Chinese context
ZH_PUNCT = "，。、；：？！“”‘’《》〈〉（）【】〔〕…—·「」『』"
TONE_MARKS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
PINYIN_SYLLABLE = rf"[a-zü]*[{TONE_MARKS}][a-zü]*"


def is_zh(ch: str | None) -> bool:
    """A Han character or a full-width Chinese mark: its neighbour is in Chinese context."""
    # is_cjk inlined: this runs several times per half-width mark
    return ch is not None and (
        "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or ch in ZH_PUNCT)


def is_latin(ch: str | None) -> bool:
    return ch is not None and ch.isascii() and ch.isalpha()


def is_lost_character(text: str, i: int) -> bool:
    """A `?` that stands for a character lost in a lossy conversion, not for a question mark.

    A question mark ends a clause, so a run of `?` that follows a 顿号, an opening mark or the
    line start, or is followed by other punctuation (`前1?。`, `、?水灌区`, `??偨Y`), replaced a
    character the encoding could not hold; so did one between two Han characters in a clause that
    asks nothing (`客户满?度`). `吗??我们` and `是否达标?请核实` are question marks.
    """
    start, end = i, i + 1
    while start > 0 and text[start - 1] == "?":
        start -= 1
    while end < len(text) and text[end] == "?":
        end += 1
    prev = text[start - 1] if start > 0 else "\n"
    nxt = text[end] if end < len(text) else "\n"
    if (prev in "、，。；：“《（\n" and is_cjk(nxt)) or nxt in "。，、；：":
        return True
    # inside a word (客户满?度, 烈士陵?等): a question ends on a particle or asks with a question word
    if is_cjk(prev) and is_cjk(nxt) and prev not in _QUESTION_PARTICLES:
        clause = text[max(0, start - 30):start]
        for mark in "。！？!；\n":
            clause = clause[clause.rfind(mark) + 1:]
        return not any(word in clause for word in _QUESTION_WORDS)
    return False


_QUESTION_PARTICLES = frozenset("吗呢吧么啊呀嘛哪否")
_QUESTION_WORDS = ("什么", "怎么", "怎样", "如何", "为何", "为什么", "是否", "能否", "可否", "哪", "谁", "几", "多少",
                   "难道", "岂", "何")
