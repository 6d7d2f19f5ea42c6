"""What an element line says: the GB/T 9704-2012 element a classified line can be, and its parts.

The grammar names the line form by its keyword (``附件``, ``抄送：``, ``〔2024〕3号``); this module
reads the rest of the line (is ``附件`` followed by a number, a colon, a name?) and returns a
candidate ``Form``. Whether the candidate IS that element depends on where the line stands (a
发文字号 in the 版头 or one quoted in the body; an 附件说明 or the label of an attached part),
which ``build.py`` decides.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlint.parse.parser import RawLine
from reportlint.text.chars import numeral_value
from reportlint.text.lazyre import lazy

_SPACES = " \t\u3000"
_REST_MAX = 80  # an element line is short; a long line starting with a keyword is prose

_SECRECY_REST = lazy(r"^(?:[★☆*][ \t\u3000]*([^ \t\u3000]{0,12}))?(?:[ \t\u3000]+(特急|加急))?$")
_DOC_NUMBER = lazy(
    r"^(?P<prefix>.*?)[〔［\[（(](?P<year>[0-9]{4})[〕］\]）)][ \t]*(?P<number>[0-9]{1,4})[ \t]*号$")
_SIGNER_REST = lazy(r"^签[ \t\u3000]*发[ \t\u3000]*人[ \t\u3000]*[:：][ \t\u3000]*(?P<name>.{1,20})$")
_ATTACH_REST = lazy(
    r"^(?P<number>[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?[ \t\u3000]*(?P<colon>[:：])?[ \t\u3000]*(?P<name>.*)$")
# a label closed by a stray mark: 附件1、 / 附件2.
_LABEL_MARK = lazy(r"^[ \t\u3000]*[、.．。][ \t\u3000]*$")
# a numbered entry: 1.名称 / 2、名称 / （3）名称 / 4）名称 / 1.2024年度…名单 (a year after the number)
ITEM = lazy(r"^(?:(?P<n>[0-9]{1,2})(?:[.．、。)）](?![0-9])|[.．](?=[0-9]{4}年)|[ \t\u3000])"
                  r"|[（(](?P<m>[0-9]{1,2})[)）])[ \t\u3000]*(?P<text>.+)$")
_NOTE = lazy(r"^[（(](?P<value>[^（）()]{2,100})[)）]$")
_PRINTED = lazy(r"^(?P<unit>.*?)[ \t\u3000]*(?P<date>(?:[0-9]{4}|[〇○零一二三四五六七八九]{4})[ \t]*年"
                      r"[ \t]*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})[ \t]*月[ \t]*"
                      r"(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})[ \t]*日)?[ \t\u3000]*印发$")
# the last word of an organ's or unit's name (a 落款, a 发文机关标志 before 文件)
UNIT_SUFFIX = lazy(
    r"(?:局|委|会|府|办|院|部|厅|处|室|所|站|中心|公司|集团|学校|中学|小学|幼儿园|大学|学院|"
    r"小组|支部|党委|党组|政府|委员会|办公室|(?:工作|调研|课题|检查|督查|督导|考察|调查|评估|专家)组|专班|指挥部|"
    r"街道|社区|村委会|镇|乡|县|区|市|省)$"
)
_UNIT_SPLIT = lazy(r"[，,、；;。]")
_MINUTES_LABEL = lazy(r"[ \t\u3000:：]|^会议")


@dataclass(frozen=True)
class Form:
    """A candidate element: its kind and parsed parts.

    ``kind`` is an element kind of ``model.ELEMENT_KINDS`` except for the 附件 line, whose role
    depends on its position: ``attach_label`` (``附件`` / ``附件1`` / ``附件1：`` alone: a part's
    label), ``attach_header`` (``附件：`` alone: an 附件说明 whose items follow, or a part's label),
    ``attach_inline`` (``附件：名称`` / ``附件1：名称``: an 附件说明, or a part with its title inline).
    """

    kind: str
    fields: tuple[tuple[str, str], ...] = ()
    number: int | None = None
    name: str = ""  # the text after 附件N： (attach forms)
    name_start: int | None = None  # where that text starts in the source

    def field_value(self, key: str) -> str | None:
        for name, value in self.fields:
            if name == key:
                return value
        return None


def form_of(text: str, raw: RawLine, start: int, end: int) -> Form | None:
    """The element the line ``text[start:end]`` (spaces trimmed) can be, or None for prose."""
    if raw.kind != "element" or raw.marker_type is None or raw.marker_end is None:
        return None
    marker = text[start:raw.marker_end].strip(_SPACES)
    rest_start = raw.marker_end
    while rest_start < end and text[rest_start] in _SPACES:
        rest_start += 1
    rest = text[rest_start:end]
    if len(rest) > _REST_MAX:
        return None
    kind = raw.marker_type
    handler = _HANDLERS.get(kind)
    return handler(marker, rest, rest_start) if handler else None


def _copy_number(marker: str, rest: str, _: int) -> Form | None:
    return None if rest else Form("copy_number", (("value", marker),))


def _secrecy(marker: str, rest: str, _: int) -> Form | None:
    match = _SECRECY_REST.match(rest)
    if match is None:
        return None
    fields = [("level", marker)]
    if match.group(1):
        fields.append(("term", match.group(1)))
    if match.group(2):
        fields.append(("urgency", match.group(2)))
    return Form("secrecy", tuple(fields))


def _urgency(marker: str, rest: str, _: int) -> Form | None:
    return None if rest else Form("urgency", (("value", marker),))


def _issuer_mark(marker: str, rest: str, _: int) -> Form | None:
    issuer = marker[:-2].strip(_SPACES)
    if (rest or len(marker) > 26 or marker.startswith("关于") or any(c in marker for c in "。，,；;：:、《")
            or not UNIT_SUFFIX.search(issuer.rstrip("（）()"))):
        return None
    return Form("issuer_mark", (("value", marker), ("issuer", issuer)))


def _doc_number(marker: str, rest: str, _: int) -> Form | None:
    match = _DOC_NUMBER.match(marker)
    signer = _SIGNER_REST.match(rest) if rest else None
    if match is None or (rest and signer is None) or any(c in match["prefix"] for c in "。，,；;：:《"):
        return None
    fields = [("value", marker), ("prefix", match["prefix"].strip(_SPACES)), ("year", match["year"]),
              ("number", match["number"])]
    if signer:
        fields.append(("signer", signer["name"].strip(_SPACES)))
    return Form("doc_number", tuple(fields))


def _signer(_: str, rest: str, __: int) -> Form | None:
    if not rest or len(rest) > 20 or any(c in rest for c in "。，,；;"):
        return None
    return Form("signer", (("value", rest),))


def _attach(_: str, rest: str, rest_start: int) -> Form | None:
    match = _ATTACH_REST.match(rest)
    if match is None:  # pragma: no cover - the pattern matches any rest
        return None
    numeral, colon, name = match["number"], match["colon"], match["name"].strip(_SPACES)
    number = numeral_value(numeral) if numeral else None
    fields = (("label", "附件" + (numeral or "")),)
    if numeral and not colon and _LABEL_MARK.match(name):  # 附件1、 alone: a label with a stray mark
        return Form("attach_label", (*fields, ("mark", name.strip(_SPACES))), number)
    name_start = rest_start + match.start("name") if name else None
    if not name:
        if colon and number is None:
            return Form("attach_header", fields)
        return Form("attach_label", fields, number)
    if colon is None and (number is None or not rest[len(numeral or ""):][:1].isspace()):
        return None  # 附件中… / 附件3份: prose
    return Form("attach_inline", fields, number, name, name_start)


def _note(marker: str, rest: str, _: int) -> Form | None:
    if marker.strip(_SPACES).startswith("附注"):  # 附注：此件公开发布
        value = rest.strip(_SPACES)
        return Form("annotation", (("value", value),)) if value else None
    match = _NOTE.match(marker + rest)
    if match is None:
        return None
    value = match["value"]
    if value.startswith(("联系人", "联系电话")):
        label, _sep, after = value.partition("：") if "：" in value else value.partition(":")
        return Form("contact", (("label", label.strip(_SPACES)), ("value", after.strip(_SPACES))))
    return Form("annotation", (("value", value),))


def _contact(marker: str, rest: str, _: int) -> Form | None:
    return Form("contact", (("label", marker.rstrip(":：" + _SPACES)), ("value", rest)))


def _copies_to(marker: str, rest: str, _: int) -> Form | None:
    label = "".join(c for c in marker if c not in _SPACES + ":：")
    return Form("copies_to", (("label", label), ("value", rest)))


def _printed(marker: str, rest: str, _: int) -> Form | None:
    match = _PRINTED.match(marker)
    if match is None:
        return None
    unit, date = match["unit"].strip(_SPACES), match["date"] or ""
    if rest:  # the date first and the office after it: 2024年5月6日印发    某某办公室
        if unit or not date or len(rest) > 30 or not UNIT_SUFFIX.search(rest):
            return None
        return Form("printed_by", (("value", marker + rest), ("unit", rest), ("date", date), ("reversed", "1")))
    return Form("printed_by", (("value", marker), ("unit", unit), ("date", date)))


def _minutes(marker: str, rest: str, _: int) -> Form | None:
    label = _MINUTES_LABEL.sub("", marker)
    return Form("minutes_field", (("label", label), ("value", rest)))


_HANDLERS = {
    "COPY_NO": _copy_number, "SECRECY": _secrecy, "URGENCY": _urgency, "ISSUER_MARK": _issuer_mark,
    "DOC_NUMBER": _doc_number, "SIGNER": _signer, "ATTACH": _attach, "NOTE": _note, "CONTACT": _contact,
    "COPIES_TO": _copies_to, "PRINTED": _printed, "MINUTES": _minutes,
}


def units_of(value: str) -> list[str]:
    """The unit names of a 抄送 or 主送 line: 市委办公室，市人大常委会办公室。 → two names."""
    return [part.strip(_SPACES) for part in _UNIT_SPLIT.split(value.rstrip("：:")) if part.strip(_SPACES)]


def item_of(text: str) -> tuple[int | None, str] | None:
    """A numbered entry (``2.名称``) as (2, 名称), or None."""
    match = ITEM.match(text)
    if match is None:
        return None
    return int(match["n"] or match["m"]), match["text"].strip(_SPACES)
