"""落款, 版记 and 附件说明 in the forms real documents take: Chinese-numeral and loose dates, a
signer's name, unit and date on one line, one-line lists, unindented wrapped names, 印发 lines
the standard form does not fit, web chrome after the 落款."""

from __future__ import annotations

import pytest

from reportlint.load.source import Source
from reportlint.model import Article
from reportlint.parse import parse_document

HEAD = "关于做好冬季供暖保障工作的通知\n各街道办事处，区直有关单位：\n为确保居民温暖过冬，现将有关事项通知如下，请认真落实。\n"


def article(text: str, index: int = 0) -> Article:
    return parse_document(Source.from_text(text)).articles[index]


@pytest.mark.parametrize("closing, unit, date", [
    ("长丰区住房和城乡建设局\n2024年11月2日\n", "长丰区住房和城乡建设局", "2024年11月2日"),
    ("长丰区住房和城乡建设局\n二〇二四年十一月二日\n", "长丰区住房和城乡建设局", "二〇二四年十一月二日"),
    ("长丰区住房和城乡建设局\n2024年11月\n", "长丰区住房和城乡建设局", "2024年11月"),
    ("长丰区住房和城乡建设局\n2024.11.2\n", "长丰区住房和城乡建设局", "2024.11.2"),
    ("长丰区住房和城乡建设局      2024年11月2日\n", "长丰区住房和城乡建设局", "2024年11月2日"),
    ("长丰区住房和城乡建设局（印）\n2024年11月2日\n", "长丰区住房和城乡建设局（印）", "2024年11月2日"),
    ("长丰区住房和城乡建设局\n（盖章）\n2024年11月2日\n", "长丰区住房和城乡建设局", "2024年11月2日"),
    ("2024年11月2日\n长丰区住房和城乡建设局\n", "长丰区住房和城乡建设局", "2024年11月2日"),
    ("长丰区住房和城乡建设局\n2024年11月2日\n【打印本页】【关闭窗口】\n", "长丰区住房和城乡建设局", "2024年11月2日"),
    ("长丰区总工会调研组\n2024年11月2日\n", "长丰区总工会调研组", "2024年11月2日"),
    ("长丰区住房和城乡建设局\n２０２４年１１月２日\n", "长丰区住房和城乡建设局", "２０２４年１１月２日"),
    ("长丰区住房和城乡建设局\n2024年11月2日（星期六）\n", "长丰区住房和城乡建设局", "2024年11月2日（星期六）"),
    ("长丰区冬季供暖保障工作专班\n2024年11月2日\n", "长丰区冬季供暖保障工作专班", "2024年11月2日"),
    ("长丰区住房和城乡建设局\n2024年11月2日。\n", "长丰区住房和城乡建设局", "2024年11月2日。"),
    ("长丰区住房和城乡建设局\n2024年11月2曰\n", "长丰区住房和城乡建设局", "2024年11月2曰"),
])
def test_the_closing_block_in_its_forms(closing, unit, date):
    sig = article(HEAD + closing).signature
    assert sig is not None and [line.text for line in sig.units] == [unit]
    assert sig.date is not None and sig.date.text == date


def test_unit_and_date_on_one_line_are_two_spans():
    text = HEAD + "长丰区住房和城乡建设局      2024年11月2日\n"
    sig = article(text).signature
    assert text[sig.units[0].span.start:sig.units[0].span.end] == "长丰区住房和城乡建设局"
    assert text[sig.date.span.start:sig.date.span.end] == "2024年11月2日"
    assert sig.units[0].number == sig.date.number == 4


@pytest.mark.parametrize("name", ["述职人：赵明远", "赵明远", "欧阳晓", "阙某某"])
def test_a_person_signs_a_debrief(name):
    text = "2024年度述职报告\n一年来，我认真履行岗位职责，较好完成了各项任务。\n" + name + "\n2024年12月20日\n"
    sig = article(text).signature
    assert [line.text for line in sig.units] == [name] and sig.date is not None


@pytest.mark.parametrize("closing, date", [
    ("长丰区住房和城乡建设局      2024.11.2\n", "2024.11.2"),
    ("长丰区住房和城乡建设局      2024年11月\n", "2024年11月"),
    ("长丰区住房和城乡建设局\u3000\u3000二〇二四年十一月二日\n", "二〇二四年十一月二日"),
    ("长丰区住房和城乡建设局\u3000\u30002024-11-02\n", "2024-11-02"),
    ("长丰区住房和城乡建设局 2024年11月2日\n", "2024年11月2日"),
    ("长丰区住房和城乡建设局\u30002024年11月2曰\n", "2024年11月2曰"),
])
def test_one_line_closing_with_a_loose_date(closing, date):
    sig = article(HEAD + closing).signature
    assert sig is not None and [line.text for line in sig.units] == ["长丰区住房和城乡建设局"]
    assert sig.date is not None and sig.date.text == date


@pytest.mark.parametrize("last", ["长丰区住房和城乡建设局      负责统筹协调\n", "责任单位：区住房和城乡建设局 12月5日\n"])
def test_a_line_that_only_ends_like_a_closing_is_body_text(last):
    sig = article(HEAD + last).signature
    assert sig is None or not sig.units


@pytest.mark.parametrize("closing, units", [
    ("长丰区住房和城乡建设局\n长丰区财政局\n长丰区发展和改革委员会\n2024年11月2日\n",
     ["长丰区住房和城乡建设局", "长丰区财政局", "长丰区发展和改革委员会"]),
    ("长丰区住房和城乡建设局\n长丰区财政局      2024年11月2日\n", ["长丰区住房和城乡建设局", "长丰区财政局"]),
    ("长丰区住房和城乡建设局\n长丰区财政局\n长丰区发展和改革委员会      2024年11月2日\n",
     ["长丰区住房和城乡建设局", "长丰区财政局", "长丰区发展和改革委员会"]),
])
def test_a_joint_closing_lists_every_issuer(closing, units):
    sig = article(HEAD + closing).signature
    assert sig is not None and [line.text for line in sig.units] == units and sig.date is not None


@pytest.mark.parametrize("closing, unit", [
    ("长丰区冬季供暖保障工作专班\n（长丰区住房和城乡建设局代章）\n2024年11月2日\n", "长丰区冬季供暖保障工作专班"),
    ("长丰区冬季供暖保障工作专班（长丰区住房和城乡建设局代章）\n2024年11月2日\n",
     "长丰区冬季供暖保障工作专班（长丰区住房和城乡建设局代章）"),
    ("长丰区冬季供暖保障工作专班\n2024年11月2日\n（长丰区住房和城乡建设局代章）\n", "长丰区冬季供暖保障工作专班"),
])
def test_an_organ_sealing_for_another(closing, unit):
    sig = article(HEAD + closing).signature
    assert sig is not None and [line.text for line in sig.units] == [unit]
    assert sig.date is not None and sig.date.text == "2024年11月2日"


def test_a_third_unit_line_without_a_date_stays_body_text():
    text = HEAD + "长丰区住房和城乡建设局\n长丰区财政局\n长丰区发展和改革委员会\n"
    sig = article(text).signature
    assert sig is not None and len(sig.units) == 2


@pytest.mark.parametrize("name", ["长丰区住房和城乡建设局副局长　赵明远", "党支部书记 赵明远", "副主任：赵明远"])
def test_a_person_signs_after_the_post(name):
    text = "2024年度述职报告\n一年来，我认真履行岗位职责，较好完成了各项任务。\n" + name + "\n2024年12月20日\n"
    sig = article(text).signature
    assert sig is not None and [line.text for line in sig.units] == [name] and sig.date is not None


def test_a_post_and_name_with_no_date_under_it_is_body_text():
    text = "2024年度述职报告\n一年来，我认真履行岗位职责，较好完成了各项任务。\n党支部书记 赵明远\n"
    assert article(text).signature is None


def test_a_bare_name_needs_a_date_under_it():
    text = "2024年度述职报告\n一年来，我认真履行岗位职责，较好完成了各项任务。\n赵明远\n"
    assert article(text).signature is None


def test_a_closing_courtesy_is_not_a_signer():
    text = "关于商请协助的函\n市文旅局：\n请贵局协助做好有关工作。\n此致\n敬礼\n2024年5月6日\n"
    sig = article(text).signature
    assert sig is not None and not sig.units and sig.date.text == "2024年5月6日"


@pytest.mark.parametrize("line, unit, date", [
    ("长丰区住房和城乡建设局办公室　　　2024年11月2日印发", "长丰区住房和城乡建设局办公室", "2024年11月2日"),
    ("长丰区住房和城乡建设局办公室　　　二〇二四年十一月二日印发", "长丰区住房和城乡建设局办公室", "二〇二四年十一月二日"),
    ("长丰区住房和城乡建设局办公室" + "　" * 30 + "2024年11月2日印发", "长丰区住房和城乡建设局办公室", "2024年11月2日"),
    ("长丰区住房和城乡建设局办公室　　　　印发", "长丰区住房和城乡建设局办公室", ""),
    ("2024年11月2日印发　　　长丰区住房和城乡建设局办公室", "长丰区住房和城乡建设局办公室", "2024年11月2日"),
])
def test_printed_lines(line, unit, date):
    text = HEAD + "长丰区住房和城乡建设局\n2024年11月2日\n抄送：区委办公室，区人大常委会办公室。\n" + line + "\n"
    art = article(text)
    printed = art.element("printed_by")
    assert printed is not None and printed.field("unit") == unit and printed.field("date") == date
    assert [item.text for item in art.element("copies_to").items] == ["区委办公室", "区人大常委会办公室"]
    assert art.signature.date.text == "2024年11月2日"


def test_a_printed_line_the_form_does_not_read_keeps_the_closing_block():
    text = HEAD + "长丰区住房和城乡建设局\n2024年11月2日\n抄送：区委办公室。\n长丰区住房和城乡建设局办公室2024.11.2印发\n"
    art = article(text)
    assert art.signature.date.text == "2024年11月2日"
    printed = art.element("printed_by")
    assert printed is not None and printed.field("loose") == "1"


@pytest.mark.parametrize("note", [
    "附件：1.供暖设施巡查记录表；2.供热应急抢修队伍名单\n",
    "附件：1.供暖设施巡查记录表 2.供热应急抢修队伍名单\n",
    "附件：1.供暖设施巡查记录表\n2.供热应急抢修队伍\n名单\n",
])
def test_attachment_note_entries(note):
    art = article(HEAD + note + "长丰区住房和城乡建设局\n2024年11月2日\n")
    items = art.element("attachment_note").items
    assert [(item.number, item.text) for item in items] == [(1, "供暖设施巡查记录表"), (2, "供热应急抢修队伍名单")]
    assert [line.text for line in art.signature.units] == ["长丰区住房和城乡建设局"]


def test_an_entry_whose_name_starts_with_a_year():
    art = article(HEAD + "附件：1.2024年度供暖考核细则\n      2.2024年度供暖投诉汇总表\n长丰区住房和城乡建设局\n2024年11月2日\n")
    items = art.element("attachment_note").items
    assert [(item.number, item.text) for item in items] == [(1, "2024年度供暖考核细则"), (2, "2024年度供暖投诉汇总表")]


def test_a_decimal_is_not_an_entry_number():
    art = article(HEAD + "附件：1.5万元以下项目清单\n长丰区住房和城乡建设局\n2024年11月2日\n")
    assert [(item.number, item.text) for item in art.element("attachment_note").items] == [(None, "1.5万元以下项目清单")]


def test_a_colonless_copies_line_above_the_printed_line_is_the_copies_line():
    text = HEAD + "长丰区住房和城乡建设局\n2024年11月2日\n抄送区政府办公室、区财政局\n长丰区住房和城乡建设局办公室  2024年11月2日印发\n"
    doc = article(text)
    copies = doc.element("copies_to")
    assert copies is not None and [item.text for item in copies.items] == ["区政府办公室", "区财政局"]
    assert [line.text for line in doc.signature.units] == ["长丰区住房和城乡建设局"]


def test_a_sentence_on_copies_in_the_body_stays_body_text():
    text = HEAD + "抄送区财政局备案，并报区政府办公室\n长丰区住房和城乡建设局\n2024年11月2日\n"
    assert article(text).element("copies_to") is None


def test_a_note_under_the_date_follows_the_closing_block():
    sig = article(HEAD + "长丰区住房和城乡建设局\n2024年11月2日\n注：请各街道于每月5日前报送上月情况。\n").signature
    assert sig is not None and [line.text for line in sig.units] == ["长丰区住房和城乡建设局"]
    assert sig.date is not None and sig.date.text == "2024年11月2日"
