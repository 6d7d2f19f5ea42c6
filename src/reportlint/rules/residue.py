"""Web-page leftovers: page chrome, aggregator phrases, repeated titles, compilation markers."""

from __future__ import annotations

import bisect
import heapq
import re
from collections.abc import Iterator
from itertools import chain

from reportlint.diagnostics import Applicability, Finding, Fix, Severity
from reportlint.model import Line
from reportlint.rules.base import Option, Rule, RuleContext
from reportlint.text.lazyre import LazyPattern, finditer_at, lazy, offsets
from reportlint.text.web import CHROME, TRUNCATION, TRUNCATION_GATE

# paywall and preview cuts: text after one belongs to a later part of the source document
# The inline lexicon, kept as data: (label, pattern, gate: every match holds one of these).
# Phrases that template and document-sharing sites glue into the text; none of them belongs in
# an office's own report.
LEXICON: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("editor", r"小编|小編", ("小编", "小編")),
    ("disclaimer", (r"仅供参考|僅供參考|供大家参考借鉴|欢迎(?:阅读|参考|借鉴)"
                    r"|希望(?:能够?|可以)?(?:对(?:你|您|大家)有(?:所)?帮助|帮助到(?:你|您|大家))"),
     ("仅供参考", "僅供參考", "供大家参考借鉴", "欢迎阅读", "欢迎参考", "欢迎借鉴", "帮助")),
    ("source", r"来源于网友上传|不代表本站观点|本站(?:整理|编辑|小编)|本文档由用户上传|由会员分享|可在线阅读",
     ("来源于网友上传", "不代表本站观点", "本站整理", "本站编辑", "本站小编", "本文档由用户上传", "由会员分享",
      "可在线阅读")),
    ("download", r"下载此文档|下载本文档?|下载后查看|下载文档前请自行甄别|点击下载|免费下载",
     ("下载此文档", "下载本文", "下载后查看", "下载文档前请自行甄别", "点击下载", "免费下载")),
    ("truncation", TRUNCATION, TRUNCATION_GATE),
    ("advert", (r"【[^】\n]{0,40}(?:微信|QQ|qq|公众号|www\.|\.com|\.cn|范文)[^】\n]{0,40}】"
                r"|这里能搜索到更多|更多(?:精彩)?范文|精品办公范文"), ("【", "这里能搜索到更多", "范文")),
)
_SENTENCE_END = "。！？!?"
_TITLE_SPACES = str.maketrans("", "", " \t\u3000")  # str.translate deletes these
# (通用6篇), (精选多篇), 范文四篇 in a title: a page that bundles several documents
_BUNDLE = lazy(r"[（(【](?:通用|精选|优质|热门|优秀|推荐)?(?:[0-9]+|[一二三四五六七八九十]+|多)篇[）)】]"
                     r"|范文[0-9一二三四五六七八九十]+篇")


def _lexicon(extra: list[str]) -> LazyPattern:
    """The lexicon and the user's phrases as one pattern, gated: most texts hold no residue,
    and then the alternation is neither compiled nor run."""
    phrases = [str(phrase) for phrase in extra if str(phrase).strip()]
    parts = [f"(?:{pattern})" for _, pattern, _ in LEXICON] + [re.escape(phrase) for phrase in phrases]
    gate = tuple(alt for _, _, alts in LEXICON for alt in alts) + tuple(phrases)
    return LazyPattern("|".join(parts), gate=(gate,))


def _line_removal(text: str, start: int, end: int) -> tuple[int, int]:
    """The offsets that delete a whole physical line, newline included."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end != -1:
        return line_start, line_end + 1
    return max(0, line_start - 1), len(text)


def _delete_line(title: str, text: str, line: Line) -> Fix:
    start, end = _line_removal(text, line.span.start, line.span.end)
    return Fix.replace(title, start, end, "", Applicability.UNSAFE)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding a phrase: from the previous sentence end (or line start) to the next."""
    begin = start
    while begin > 0 and text[begin - 1] not in _SENTENCE_END + "\n":
        begin -= 1
    stop = end
    while stop < len(text) and text[stop] != "\n":
        stop += 1
        if text[stop - 1] in _SENTENCE_END:
            break
    return begin, stop


class PageResidueLine(Rule):
    """A whole line of web-page chrome: `77位用户关注`, `热度:97`, `推荐度:`, `下载此文档`, `上一篇:…`.

    ## What it does
    Flags the lines the skeleton grammar recognises as page residue — follower counts, view
    counters, 发布时间/来源/作者 labels, breadcrumbs, download and “related articles” links.

    ## Why is this bad?
    These lines come from the web page the text was copied from, not from the document; they
    show at once that the report was lifted from a template site.

    ## Example
    ```
    三是投放系列公益广告。
    77位用户关注
    52位用户关注
    ```

    ## Use instead
    ```
    三是投放系列公益广告。
    ```

    ## Fix safety
    Unsafe: the fix deletes the whole line; check first that nothing of the report is lost.
    """

    code = "RS001"
    name = "page-residue-line"
    groups = ("residue",)
    severity = Severity.ERROR
    fixable = Applicability.UNSAFE
    messages = {"default": ("网页残留内容：“{text}”", "web-page residue: {text!r}")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article in ctx.document.articles:
            for line in article.residue:
                yield ctx.report(line.span.start, line.span.end, text=line.text,
                                 fix=_delete_line("删除网页残留行", ctx.text, line))


class InlineResidue(Rule):
    """Aggregator phrases inside the text: `小编`, `仅供参考`, `此处隐藏N个字`, `【更多…微信…】`.

    ## What it does
    Searches the text for a lexicon of phrases that template and document-sharing sites add:
    editor intros (`以下是小编精心整理的…`), disclaimers (`仅供参考`, `不代表本站观点`),
    download prompts, paywall and truncation markers (`此处隐藏10955个字`,
    `省略451字,正式会员可完整阅读`) and bracketed adverts naming 微信, QQ or a web address.
    Whole residue lines are left to RS001.

    Option `extend-phrases` adds literal phrases of your own, e.g.
    `rules: {RS002: {extend-phrases: ["公文素材库"]}}`.

    ## Why is this bad?
    They are the site's words, not the office's; a reader who sees `小编` knows the report was
    downloaded, and a truncation marker means part of the text is missing.

    ## Example
    ```
    以下是小编精心整理的社区端午节活动总结，仅供参考。
    ```

    ## Use instead
    Delete the sentence.

    ## Fix safety
    Unsafe: the fix deletes the whole sentence that holds the phrase.
    """

    code = "RS002"
    name = "inline-residue"
    groups = ("residue",)
    severity = Severity.WARNING
    fixable = Applicability.UNSAFE
    options = {"extend-phrases": Option([], list, "more literal phrases to flag")}
    messages = {"default": ("网页残留用语：“{text}”", "web-page residue phrase: {text!r}")}

    def __init__(self, settings: dict | None = None) -> None:
        super().__init__(settings)
        self.pattern = _lexicon(self.settings["extend-phrases"])

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        if not self.pattern.admits(ctx.text):
            return
        skip = [line.span for article in ctx.document.articles for line in article.residue]
        for m in self.pattern.finditer(ctx.text):
            if any(span.start <= m.start() < span.end for span in skip):
                continue
            start, end = _sentence(ctx.text, m.start(), m.end())
            if m.group(0).startswith("【"):
                start, end = m.start(), m.end()
            fix = Fix.replace("删除残留语句", start, end, "", Applicability.UNSAFE)
            yield ctx.report(m.start(), m.end(), text=m.group(0), fix=fix)


class RepeatedTitle(Rule):
    """The title repeated on the next line.

    ## What it does
    Compares each article's title with the next line that carries text (ignoring spaces). A
    title written twice on one line (`乡镇半年工作总结乡镇半年工作总结`) is DU003's business.

    ## Why is this bad?
    Template sites print the page title above the document, which has its own title line; the
    copy shows the text was scraped and reads as a slip.

    ## Example
    ```
    第2篇 县局“四群”教育工作总结
    县局“四群”教育工作总结
    ```

    ## Use instead
    ```
    县局“四群”教育工作总结
    ```

    ## Fix safety
    Unsafe: the fix deletes the repeated line.
    """

    code = "RS003"
    name = "repeated-title"
    groups = ("residue",)
    severity = Severity.WARNING
    fixable = Applicability.UNSAFE
    messages = {"default": ("标题重复：“{text}”", "the title is repeated: {text!r}")}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        lines = ctx.document.lines
        following = {line.number: lines[i + 1] for i, line in enumerate(lines[:-1])}
        for article in ctx.document.articles:
            title = article.title
            if title is None:
                continue
            key = title.text.translate(_TITLE_SPACES)
            nxt = following.get(title.number)
            if nxt is not None and nxt.text.translate(_TITLE_SPACES) == key:
                yield ctx.report(nxt.span.start, nxt.span.end, text=nxt.text,
                                 fix=_delete_line("删除重复的标题行", ctx.text, nxt))


class CompilationMarker(Rule):
    """Several documents pasted into one file: a `第2篇` marker or a `（通用6篇）` title.

    ## What it does
    Flags each `第N篇` compilation marker that opens an article, and a title that announces a
    bundle (`（通用6篇）`, `（精选多篇）`, `范文四篇`). reportlint checks each article on its own.

    ## Why is this bad?
    Template sites publish several sample reports on one page. A file holding more than one
    report is not a document that can be issued; pick the one you mean and delete the rest.

    ## Example
    ```
    第1篇 县教育局工作总结
    ……
    第2篇 县局“四群”教育工作总结
    ```

    ## Use instead
    One report per file, without the `第N篇` markers.

    No fix is offered: deleting the markers alone would merge the reports into one text whose
    numbering and years no longer fit together; which report to keep is a human decision.
    """

    code = "RS004"
    name = "compilation-marker"
    groups = ("residue",)
    severity = Severity.WARNING
    messages = {
        "default": ("多篇拼合标记“{text}”：文件中包含多篇文档",
                    "compilation marker {text!r}: the file holds several documents"),
        "bundle": ("标题“{text}”表明这是多篇范文的合集",
                   "the title marker {text!r} announces a bundle of sample texts"),
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for article in ctx.document.articles:
            marker = article.marker
            if marker is not None:
                start = marker.span.start + marker.text.index(article.marker_label)
                label = article.marker_label
                yield ctx.report(start, start + len(label), text=label)
            if article.title is not None:
                for m in _BUNDLE.finditer(article.title.text) if "篇" in article.title.text else ():
                    s = article.title.span.start + m.start()
                    yield ctx.report(s, s + len(m.group(0)), "bundle", text=m.group(0))


def _chrome_pattern() -> LazyPattern:
    return LazyPattern("|".join(f"(?P<{kind}>{pattern})" for kind, pattern in CHROME))


_CHROME = _chrome_pattern()
_GAP = lazy(r"[ \u3000]{2,}")
_CHROME_TAIL = 60  # what follows the chrome on its line: a short tail, no sentence of the report
_AFTER_SENTENCE = "。！？!?”）)】"
# a disclaimer or copyright notice runs on in sentences of the site's own: 本站部分内容来源于网络，
# 如有侵权请联系删除。 — chrome to its end, though a full sentence follows
_NOTICE_TAIL = lazy(r"侵权|联系(?:我们|本站)?删除|本站|本网|转载|版权|网友上传|仅供学习"
                    r"|阅读(?:全文|本文)?(?:大约|约)?需要?[0-9]+分钟")


def _chrome_at(text: str, start: int) -> int | None:
    """Where the chrome's line part starts when ``start`` sits where chrome sits: at the line
    start (after spaces or a bullet) or right after a sentence end; else None."""
    at = start
    while at > 0 and text[at - 1] in " \t\u3000|｜·•【[（(":
        at -= 1
    if at == 0 or text[at - 1] == "\n":
        return at
    if text[at - 1] in _AFTER_SENTENCE:
        return at
    if "\u3000\u3000" in text[at:start] or "  " in text[at:start]:
        return start  # after a wide gap between a page's fields: cut there, keep what precedes
    return None


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether ``at`` falls in one of the sorted, disjoint ``spans`` (bisect: linear overall)."""
    i = bisect.bisect_right(spans, (at, len(spans) and 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= at < spans[i][1]


def _chrome_starts(text: str) -> Iterator[int]:
    """Where chrome may start: each line start and each point after a sentence end, past spaces
    and bullets — a few positions per line, each tried with one anchored match.

    Ascending without a sort: the spaces and bullets skipped are none of the characters the
    next position follows, so each position lies past the one before."""
    # a site lays its fields out on one line with wide gaps: 来源：…　　发布时间：…　　浏览次数：2386
    gaps = [m.end() - 1 for m in _GAP.finditer(text)] if "  " in text or "\u3000\u3000" in text else []
    last = -1
    for at in heapq.merge(chain((-1,), offsets(text, "\n" + _AFTER_SENTENCE)), gaps):
        lead = _past_lead(text, at + 1)
        if lead <= last:
            continue
        last = lead
        yield lead
        if text[lead:lead + 1] in ("（", "(", "【", "["):
            last = lead + 1
            yield lead + 1  # （来源：县融媒体中心） trailing a paragraph


def _past_lead(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t\u3000|｜·•":
        at += 1
    return at


def find_chrome(text: str, skip: list[tuple[int, int]]) -> list[tuple[str, int, int, int]]:
    """(kind, start, end, cut) for each chrome phrase; ``cut`` is where a deletion would start."""
    found: list[tuple[str, int, int, int]] = []
    line_done = -1  # one finding per line: its fix deletes to the line end
    for m in finditer_at(_CHROME, text, _chrome_starts(text)):
        start = m.start()
        if start < line_done or _inside(skip, start):
            continue
        cut = _chrome_at(text, start)
        if cut is None:
            continue
        line_end = text.find("\n", start)
        line_end = len(text) if line_end == -1 else line_end
        tail = text[m.end():line_end]
        if (len(tail) > _CHROME_TAIL or "。" in tail) and not _NOTICE_TAIL.search(tail):
            continue
        kind = next(k for k, v in m.groupdict().items() if v is not None)
        found.append((kind, start, m.end(), cut))
        line_done = line_end
    return found


class PageChrome(Rule):
    """Web-page chrome in the text: navigation, sharing, credits, counters, related links, downloads.

    ## What it does
    Flags what a news, template or document-sharing site prints around an article, on its own
    line or trailing a paragraph, that the skeleton did not already take as a residue line
    (RS001):

    - navigation: `当前位置：首页 > 工作动态`, `您现在的位置：`, `您当前的位置：`, `返回顶部`,
      `第1页/共3页`, `设为首页`, `联系我们 |`;
    - sharing: `分享到：`, `分享：`, `扫一扫`, `长按识别二维码`, `关注微信公众号`, `点击上方蓝字关注`;
    - credits and copyright: `版权所有`, `Copyright ©`, `责任编辑：`, `来源：人民网`,
      `（来源：县融媒体中心）`, `（通讯员：王敏）`, `原标题：`, `本文转载自`, `京ICP备…`,
      `公网安备`, `转载请注明出处`, `编辑：`, `原创 2024-03-05`, `发表于安徽`, and a
      `免责声明：` with the site's own sentences after it (`本站部分内容来源于网络，如有侵权请联系删除。`),
      `本文来源于网络`, `如有侵权…`, `本文由…网整理发布`, `本文系作者原创`, `温馨提示：本站…`, and a
      publishing time with a clock time, source or author
      (`发布时间：2025-03-01 10:20　来源：…`);
    - counters: `浏览次数：1024`, `阅读：356`, `本文已被浏览 1024 次`, `点赞(12)`, `【打印本页】【关闭窗口】`,
      `字号：大 中 小`,
      `【字体：大 中 小】`, `点赞 在看 分享`, `全文共计2356字，阅读需要6分钟`, `【纠错】`;
    - related-article lists: `相关文章`, `【相关阅读】`, `推荐阅读：`, `上一篇：`, `下一篇：`, `阅读原文`, `友情链接：`,
      `更多精彩内容`, and an article's end mark (`—END—`, `（完）`);
    - download prompts: `点击下载`, `下载word版`, `文档下载`, and a document-sharing site's
      `文档贡献者：`, `下载积分：`.

    Chrome is looked for at a line start, after a sentence end, and after a wide gap (two or
    more spaces) — a site lays its fields out on one line: `来源：县统计局　　浏览次数：2386`.

    Left alone: the same words inside a sentence (`为基层干部点赞`, `分享经验做法`,
    `信息来源广泛`), chrome followed on its line by a full sentence, a data source that is not
    a site (`数据来源：县统计局`), and an activity plan's `主办单位：`.

    ## Why is this bad?
    The words are the site's, not the office's; they show that the text was copied from a web
    page and was never read through.

    ## Example
    ```
    当前位置：首页 > 工作动态 > 部门动态
    全年完成植树造林1.2万亩。责任编辑：王敏
    ```

    ## Use instead
    ```
    全年完成植树造林1.2万亩。
    ```

    ## Fix safety
    Unsafe: the fix deletes from the chrome to the end of its line (the whole line when the
    chrome opens it); check first that nothing of the report is lost.
    """

    code = "RS005"
    name = "page-chrome"
    groups = ("residue",)
    severity = Severity.ERROR
    fixable = Applicability.UNSAFE
    messages = {
        "default": ("网页页面元素残留：“{text}”", "web-page chrome left in the text: {text!r}"),
        "navigation": ("网页导航残留：“{text}”", "web-page navigation left in the text: {text!r}"),
        "share": ("网页分享提示残留：“{text}”", "web-page sharing prompt left in the text: {text!r}"),
        "credit": ("网页署名或版权信息残留：“{text}”", "web-page credit or copyright left in the text: {text!r}"),
        "counter": ("网页计数或按钮残留：“{text}”", "web-page counter or button left in the text: {text!r}"),
        "related": ("网页相关文章链接残留：“{text}”", "web-page related-article link left in the text: {text!r}"),
        "download": ("网页下载提示残留：“{text}”", "web-page download prompt left in the text: {text!r}"),
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        skip = sorted((line.span.start, line.span.end)
                      for article in ctx.document.articles for line in article.residue)
        text = ctx.text
        for kind, start, end, cut in find_chrome(text, skip):
            line_end = text.find("\n", end)
            line_end = len(text) if line_end == -1 else line_end
            s, e = _line_removal(text, cut, line_end) if cut == text.rfind("\n", 0, cut) + 1 \
                else (cut, line_end)
            fix = Fix.replace("删除网页页面元素", s, e, "", Applicability.UNSAFE)
            yield ctx.report(start, end, kind, fix=fix, text=text[start:end].strip())


RULES = [PageResidueLine, InlineResidue, RepeatedTitle, CompilationMarker, PageChrome]
