"""The GB/T 9704-2012 elements, attached parts and the 文种 on the model, in text, Markdown and
.docx; the JSON tree against its schema; spot checks on the seed and the real reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportlint.load.source import Source, load
from reportlint.model import ELEMENT_KINDS, Article, Document
from reportlint.parse import parse_document
from reportlint.parse.parser import classify_lines
from reportlint.plugins import manager

ROOT = Path(__file__).resolve().parents[2]

# a 请示 with every element around it (written for these tests)
QINGSHI = """\
000042
机密★1年
特急
临泉县教育局文件
临教〔2024〕15号　　签发人：王建国
关于申请改建城关小学教学楼的请示
县人民政府：
城关小学现有教学楼建于上世纪八十年代，经鉴定为C级危房，已不能满足正常教学需要。
为保障师生安全，我局拟对教学楼实施拆除重建，总投资约1500万元，申请县财政安排专项资金1000万元。
妥否，请批示。
附件：1.城关小学教学楼安全鉴定报告
      2.城关小学教学楼改建项目
        投资估算表
临泉县教育局
2024年3月12日
（此件不公开）
（联系人：张敏，联系电话：1234567）
附件1
城关小学教学楼安全鉴定报告
一、鉴定概况
受学校委托，对教学楼主体结构进行了安全鉴定。
附件2
城关小学教学楼改建项目投资估算表
项目总投资约1500万元，其中建安工程费1200万元。
抄送：县财政局，县发展改革委，
　　　县住房城乡建设局。
临泉县教育局办公室　　2024年3月12日印发
"""

JIYAO = """\
城东区安全生产委员会第三次全体会议纪要
时间：2024年4月12日上午
地点：区政府三楼会议室
主持：区长 陈明
出席：区安委会全体成员单位主要负责同志
列席：各街道分管负责同志
请假：区住建局 李华
记录：区应急管理局 刘芳
4月12日上午，区安委会召开第三次全体会议，研究部署下一阶段安全生产工作。现纪要如下。
一、关于一季度安全生产形势
会议指出，一季度全区安全生产形势总体平稳。
"""


def doc(text: str) -> Document:
    return parse_document(Source.from_text(text))


def kinds(article: Article) -> list[str]:
    return [e.kind for e in article.elements]


def test_every_element_of_a_request_with_its_attachments():
    document = doc(QINGSHI)
    main, first, second = document.articles
    assert kinds(main) == ["copy_number", "secrecy", "urgency", "issuer_mark", "doc_number", "signer", "title",
                           "addressee", "attachment_note", "issuer", "date", "annotation", "contact",
                           "copies_to", "printed_by"]
    assert main.element("copy_number").field("value") == "000042"
    assert main.element("secrecy").fields == (("level", "机密"), ("term", "1年"))
    assert main.element("issuer_mark").field("issuer") == "临泉县教育局"
    number = main.element("doc_number")
    assert (number.field("prefix"), number.field("year"), number.field("number")) == ("临教", "2024", "15")
    assert number.text == "临教〔2024〕15号" and main.element("signer").field("value") == "王建国"
    assert main.title_text == "关于申请改建城关小学教学楼的请示"
    assert main.element("addressee").field("value") == "县人民政府"
    note = main.element("attachment_note")
    assert [(i.number, i.text) for i in note.items] == [
        (1, "城关小学教学楼安全鉴定报告"), (2, "城关小学教学楼改建项目投资估算表")]
    assert [line.number for line in note.lines] == [11, 12, 13]
    assert main.element("annotation").field("value") == "此件不公开"
    assert main.element("contact").field("label") == "联系人"
    copies = main.element("copies_to")
    assert [i.text for i in copies.items] == ["县财政局", "县发展改革委", "县住房城乡建设局"]
    assert len(copies.lines) == 2
    assert main.element("printed_by").field("date") == "2024年3月12日"
    # the 落款 is still the signature the SG rules read
    assert [u.text for u in main.signature.units] == ["临泉县教育局"] and main.signature.date.text == "2024年3月12日"
    # element lines are not body text
    body = [p.text for p in main.paragraphs()]
    assert body[-1] == "妥否，请批示。" and len(body) == 3 and not list(main.headings())
    # each attached part is an article of its own, listed after the document
    assert main.attachments == (first, second)
    assert first.is_attachment and not main.is_attachment and first.marker is None
    assert (first.marker_label, first.title_text) == ("附件1", "城关小学教学楼安全鉴定报告")
    assert first.element("attachment").items[0].number == 1
    assert [h.title for h in first.headings()] == ["鉴定概况"]
    assert second.element("attachment").items[0].text == "城关小学教学楼改建项目投资估算表"
    assert main.doctype.id == "request" and main.doctype.evidence == ("标题以“请示”结尾",)
    assert first.doctype.id == "report"  # its own title decides
    assert main.span.end < first.span.start < second.span.start


def test_minutes_header_fields_and_their_doctype():
    article = doc(JIYAO).articles[0]
    fields = [(e.field("label"), e.field("value")) for e in article.elements_of("minutes_field")]
    assert [label for label, _ in fields] == ["时间", "地点", "主持", "出席", "列席", "请假", "记录"]
    assert fields[0][1] == "2024年4月12日上午"
    assert article.doctype.id == "minutes"
    assert all(not p.text.startswith(("时间", "出席")) for p in article.paragraphs())


def test_minutes_without_a_title_are_known_by_their_fields():
    article = doc("时间：2024年4月12日\n主持：陈明\n出席：各成员单位负责同志\n会议研究了有关工作。\n").articles[0]
    assert article.doctype.id == "minutes" and article.doctype.evidence[0].startswith("结构：含纪要字段")


def test_a_notices_time_and_place_stay_body_text():
    article = doc("关于召开会议的通知\n各单位：\n时间：2024年5月6日上午\n地点：县政府会议室\n请准时参加。\n").articles[0]
    assert not article.elements_of("minutes_field")
    assert [p.text for p in article.paragraphs()][:2] == ["时间：2024年5月6日上午", "地点：县政府会议室"]


@pytest.mark.parametrize("text, kind", [
    ("附件：1.名单\n2.回执\n某县财政局\n2024年5月6日\n", "attachment_note"),
    ("附件：参训人员回执\n某县财政局\n2024年5月6日\n", "attachment_note"),
    ("附件1：报名表\n附件2：回执\n某县财政局\n2024年5月6日\n", "attachment_note"),
])
def test_attachment_notes_before_the_signature(text, kind):
    article = doc("关于举办培训班的通知\n各单位：\n现将有关事项通知如下。\n" + text).articles[0]
    assert article.element(kind) is not None and not article.attachments
    assert article.signature.date is not None and article.signature.units[0].text == "某县财政局"


def test_attachment_labels_after_the_date_open_parts():
    article_text = "关于印发实施方案的通知\n各单位：\n现将方案印发给你们，请认真贯彻执行。\n某县人民政府\n2024年5月6日\n"
    parts = doc(article_text + "附件1：某县文明城市创建实施方案\n一、总体要求\n全面推进创建工作。\n").articles
    assert len(parts) == 2 and parts[1].title_text == "某县文明城市创建实施方案"
    assert parts[1].doctype.id == "scheme" and parts[0].doctype.id == "notice"
    assert [h.title for h in parts[1].headings()] == ["总体要求"]


def test_text_that_only_looks_like_an_element_stays_body_text():
    article = doc("关于做好工作的通知\n各单位：\n附件中所列单位要按时报送。\n根据市政府文件\n"
                  "按照皖政〔2024〕3号文件要求，抓好落实。\n机密文件要妥善保管。\n").articles[0]
    assert [e.kind for e in article.elements] == ["title", "addressee"]
    assert len(list(article.paragraphs())) == 4


def test_element_kinds_have_chinese_names():
    assert ELEMENT_KINDS["doc_number"] == "发文字号" and ELEMENT_KINDS["attachment_note"] == "附件说明"
    assert doc(QINGSHI).articles[0].element("doc_number").name == "发文字号"


@pytest.mark.parametrize("line, terminal", [
    ("000123", "COPY_NO"), ("秘密", "SECRECY"), ("加急", "URGENCY"), ("某市人民政府文件", "ISSUER_MARK"),
    ("皖政办〔2024〕12号", "DOC_NUMBER"), ("签发人：张三", "SIGNER"), ("附件1", "ATTACH"),
    ("（此件公开发布）", "NOTE"), ("联系电话：123", "CONTACT"), ("抄送：市委办公室。", "COPIES_TO"),
    ("某市人民政府办公室　2024年1月5日印发", "PRINTED"), ("出　席：全体成员", "MINUTES"),
])
def test_the_grammar_names_each_element_line_form(line, terminal):
    lines, problem = classify_lines(line)
    assert problem is None and [(x.kind, x.marker_type) for x in lines] == [("element", terminal)]


def test_doctype_follows_the_title_like_doctype_of():
    from reportlint.rules.base import doctype_of

    for title, want in [("关于2023年工作的报告", "report"), ("某局2023年工作总结", "work-summary"),
                        ("关于同意设立某中心的批复", "reply"), ("关于商请支持的函", "letter"),
                        ("某县2024年工作要点", "work-points"), ("关于某某同志职务任免的决定", "decision"),
                        ("某县农村道路建设调研报告", "research-report"), ("在全县工作会议上的讲话", "speech")]:
        article = doc(f"{title}\n正文。\n").articles[0]
        assert article.doctype.id == want == doctype_of(article).id, title


def test_doctype_from_the_doc_number_when_the_title_names_none():
    article = doc("临泉县人民政府办公室\n临政办函〔2024〕7号\n关于商请支持开展合作\n市农科院：\n正文。\n").articles[0]
    assert kinds(article)[:2] == ["issuer_mark", "doc_number"]
    assert article.doctype.id == "letter" and "发文字号" in article.doctype.evidence[0]


def test_markdown_elements(tmp_path):
    path = tmp_path / "通知.md"
    path.write_text("# 关于开展安全检查的通知\n\n各乡镇，县直各单位：\n\n请于5月底前完成自查。\n\n"
                    "附件：1.检查表\n\n2.汇总表\n\n县应急管理局\n\n2024年5月6日\n\n联系人：王芳\n", encoding="utf-8")
    source = load(str(path), readers=manager.build().collect("reportlint_readers"))
    article = parse_document(source).articles[0]
    assert article.title_text == "关于开展安全检查的通知" and article.doctype.id == "notice"
    assert kinds(article) == ["title", "addressee", "attachment_note", "issuer", "date", "contact"]
    assert [i.text for i in article.element("attachment_note").items] == ["检查表", "汇总表"]


def test_docx_elements(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for text in ["临泉县财政局文件", "临财〔2024〕9号", "关于做好决算工作的通知", "各乡镇，县直各单位：",
                 "请于3月底前报送决算报表。", "附件：决算报表", "临泉县财政局", "2024年1月8日",
                 "抄送：县审计局。", "临泉县财政局办公室　　2024年1月8日印发"]:
        document.add_paragraph(text)
    path = tmp_path / "通知.docx"
    document.save(str(path))
    source = load(str(path), readers=manager.build().collect("reportlint_readers"))
    article = parse_document(source).articles[0]
    assert kinds(article) == ["issuer_mark", "doc_number", "title", "addressee", "attachment_note", "issuer",
                              "date", "copies_to", "printed_by"]
    assert [p.text for p in article.paragraphs()] == ["请于3月底前报送决算报表。"]


def _tree(cli, tmp_path, text: str) -> dict:
    (tmp_path / "d.txt").write_text(text, encoding="utf-8")
    result = cli("parse", "--format", "json", "d.txt")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_parse_json_matches_its_schema(cli, tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "docs" / "parse-schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    tree = _tree(cli, tmp_path, QINGSHI)
    jsonschema.validate(tree, schema)
    main = tree["articles"][0]  # attached parts nest under their document
    assert len(tree["articles"]) == 1 and [a["marker"] for a in main["attachments"]] == ["附件1", "附件2"]
    assert main["doctype"] == {"id": "request", "name": "请示", "evidence": ["标题以“请示”结尾"]}
    number = next(e for e in main["elements"] if e["kind"] == "doc_number")
    assert number["fields"]["year"] == "2024" and number["lines"][0]["line"] == 5
    assert QINGSHI[number["span"]["start"]:number["span"]["end"]] == "临教〔2024〕15号"
    jsonschema.validate(_tree(cli, tmp_path, JIYAO), schema)


def test_parse_text_shows_elements_and_doctype(cli, tmp_path):
    (tmp_path / "d.txt").write_text(QINGSHI, encoding="utf-8")
    out = cli("parse", "d.txt").stdout
    assert "文种: 请示 (request) ← 标题以“请示”结尾" in out
    assert "发文字号 doc_number: 临教〔2024〕15号" in out
    assert "附件说明 attachment_note: 附件：1.城关小学教学楼安全鉴定报告" in out
    assert "item 2: 城关小学教学楼改建项目投资估算表" in out
    assert "attachment 附件1" in out and "抄送 copies_to" in out


def test_seed_report(seed_path):
    document = parse_document(load(str(seed_path)))
    titled = [a for a in document.articles if a.title is not None]
    assert [a.marker_label for a in titled][:3] == ["第1篇", "第2篇", "第3篇"]
    assert all(a.doctype is not None and a.doctype.evidence for a in titled[:3])
    assert titled[2].doctype.id == "activity-summary"
    # the seed is a compilation of work summaries: no 公文 版头 or 版记 in it
    assert not any(e.kind in ("doc_number", "copies_to", "printed_by") for a in document.articles for e in a.elements)


def test_real_reports(corpus_dir):
    for path in sorted(corpus_dir.glob("*.txt")):
        document = parse_document(load(str(path)))
        main = document.articles[0]
        assert main.element("addressee").text == "各位代表：", path.name  # the speech's salutation
    guangdong = parse_document(load(str(corpus_dir / "cn-gwr-2026-guangdong.txt")))
    main, *parts = guangdong.articles
    assert [p.marker_label for p in parts] == ["附件1", "附件2"] and main.attachments == tuple(parts)
    assert parts[1].title_text == "名词解释"
    assert main.doctype.id == "government-work-report"
    # the glossary's numbered items are the attachment's, not the report's outline
    assert all(h.line.number > parts[1].element("attachment").lines[0].number for h in parts[1].headings())


def test_joint_issuers_stacked_over_wenjian_are_one_issuer_mark():
    article = doc("中共青溪县委员会\n青溪县人民政府\n文件\n青发〔2025〕3号\n"
                  "中共青溪县委员会　青溪县人民政府关于表彰防汛救灾先进集体的决定\n各乡镇党委、人民政府：\n"
                  "今年汛期，全县各级各部门全力以赴抗洪抢险，涌现出一批先进集体。\n中共青溪县委员会\n青溪县人民政府\n"
                  "2025年9月3日\n").articles[0]
    mark = article.element("issuer_mark")
    assert [line.number for line in mark.lines] == [1, 2, 3]
    assert mark.field("issuer") == "中共青溪县委员会\u3000青溪县人民政府"
    assert article.element("doc_number").field("year") == "2025"
    assert article.title_text.endswith("先进集体的决定")


@pytest.mark.parametrize("number, year", [("青发〔〕3号", ""), ("青发12号", ""), ("青发〔2025〕12", "2025"),
                                          ("青发[2025]12号", "2025")])
def test_a_malformed_doc_number_stays_in_the_header(number, year):
    article = doc(f"青溪县人民政府文件\n{number}\n青溪县人民政府关于加强秋冬季森林防火工作的通知\n各乡镇人民政府：\n"
                  "入秋以来降水偏少，请各乡镇于10月1日前完成防火隐患排查。\n青溪县人民政府\n2025年9月3日\n").articles[0]
    element = article.element("doc_number")
    assert element is not None and element.lines[0].number == 2 and element.field("year") == year
    assert article.title_text.startswith("青溪县人民政府关于")


def test_a_copies_line_closed_by_its_stop_takes_no_following_line():
    article = doc("关于做好工作的通知\n各单位：\n请按时报送材料。\n某县财政局\n2024年5月6日\n"
                  "抄送：县审计局。\n版权所有：某县财政局\n").articles[0]
    copies = article.element("copies_to")
    assert [line.number for line in copies.lines] == [6]


def test_a_minutes_distribution_line_and_a_printed_line_without_yinfa():
    article = doc("某县人民政府常务会议纪要\n某县人民政府办公室　　2024年7月12日\n会议研究了秋粮收购工作。\n"
                  "分送：县委常委，各乡镇人民政府。\n某县人民政府办公室　　2024年7月12日\n").articles[0]
    assert article.element("copies_to").field("label") == "分送"
    printed = article.element("printed_by")
    assert printed.lines[0].number == 5 and printed.field("no-word") == "1" and printed.field("date") == "2024年7月12日"


@pytest.mark.parametrize("label", ["附件1、", "附件１", "附件1."])
def test_an_attachment_label_with_a_stray_mark_or_fullwidth_digit_opens_a_part(label):
    parts = doc("关于印发实施方案的通知\n各单位：\n现将方案印发给你们，请认真贯彻执行。\n附件：某县文明城市创建实施方案\n"
                f"某县人民政府\n2024年5月6日\n{label}\n某县文明城市创建实施方案\n一、总体要求\n全面推进创建工作。\n").articles
    assert len(parts) == 2 and parts[1].title_text == "某县文明城市创建实施方案"
    assert parts[0].signature is not None and parts[0].signature.date.text == "2024年5月6日"


@pytest.mark.parametrize("date, tail", [("二O二五年五月三十日", ""), ("2025年5月30日", "上一篇：全县读书节启动\n"),
                                        ("二0二五年5月30", "")])
def test_a_closing_date_in_a_loose_form_or_before_page_links_is_the_signature(date, tail):
    article = doc("某县实验小学2025年读书节活动总结\n一、活动开展情况\n读书节期间共开展阅读活动12场。\n"
                  f"某县实验小学\n{date}\n{tail}").articles[0]
    assert article.signature is not None and article.signature.date is not None
    assert article.signature.date.text.strip() == date


def test_joint_issuers_stacked_over_a_doc_number_without_wenjian():
    # two offices named over the 发文字号 (no `文件` line): the 发文机关标志, and the title under them
    article = doc("中共青溪县委办公室\n青溪县人民政府办公室\n青办发〔2026〕7号\n"
                  "关于2026年一季度督查发现问题的通报\n各乡镇党委、人民政府：\n"
                  "一季度督查发现部分单位工作推进缓慢。\n中共青溪县委办公室\n青溪县人民政府办公室\n"
                  "2026年4月3日\n").articles[0]
    mark = article.element("issuer_mark")
    assert [line.number for line in mark.lines] == [1, 2]
    assert mark.field("issuer") == "中共青溪县委办公室\u3000青溪县人民政府办公室"
    assert article.title_text == "关于2026年一季度督查发现问题的通报"
    assert article.doctype.id == "circular"
    assert article.element("addressee").lines[0].number == 5


@pytest.mark.parametrize("number", ["青教函〔2026年〕8号", "青医〔2026〕第8号"])
def test_an_organ_name_over_a_malformed_doc_number_is_the_issuer_mark(number):
    article = doc(f"青溪县人民医院\n{number}\n青溪县人民医院关于支持义诊活动的函\n县卫生健康局：\n"
                  "我院拟于5月开展义诊活动，请予支持。\n特此函告。\n青溪县人民医院\n2026年4月3日\n").articles[0]
    assert article.element("issuer_mark").field("issuer") == "青溪县人民医院"
    assert article.element("doc_number").lines[0].number == 2
    assert article.title_text == "青溪县人民医院关于支持义诊活动的函"


def test_web_page_fields_over_the_masthead_are_residue():
    article = doc("来源：青溪县人民政府网　　发布时间：2026-03-02 10:15　　浏览次数：86\n青溪县人民政府\n"
                  "青政发〔2026〕5号\n青溪县人民政府关于做好春耕生产工作的通知\n各乡镇人民政府：\n"
                  "请各乡镇于3月20日前完成春耕物资储备。\n青溪县人民政府\n2026年3月2日\n").articles[0]
    assert [line.number for line in article.residue] == [1]
    assert article.element("issuer_mark").lines[0].number == 2
    assert article.title_text == "青溪县人民政府关于做好春耕生产工作的通知"


def test_a_long_title_closed_by_its_doctype_is_the_title():
    title = "青溪县第十八届人民代表大会第三次会议关于青溪县2025年国民经济和社会发展计划执行情况与2026年国民经济和社会发展计划的决议"
    assert len(title) > 60
    article = doc(f"{title}\n（2026年1月16日青溪县第十八届人民代表大会第三次会议通过）\n"
                  "会议批准县人民政府提出的计划报告。\n").articles[0]
    assert article.title_text == title
    assert article.doctype.id == "resolution"


def test_an_addressee_line_closed_by_a_class_of_units():
    article = doc("青溪县实验小学关于印发工作安排的通知\n县教育局、各教研组、各年级组：\n"
                  "现将工作安排印发给你们，请认真贯彻执行。\n青溪县实验小学\n2026年2月20日\n").articles[0]
    assert article.element("addressee").field("value") == "县教育局、各教研组、各年级组"


def test_a_long_contact_note_under_the_signature():
    note = "（联系人：青溪县市场监督管理局产品质量安全监督管理科王某某，联系电话：0591-87650000，电子邮箱：zlk@example.gov.cn）"
    assert len(note) > 60
    article = doc("青溪县市场监督管理局关于商请明确充电设施监管职责的函\n县住房和城乡建设局：\n"
                  "为推动形成监管合力，现就有关问题函询如下。\n专此函询，盼复。\n青溪县市场监督管理局\n2026年3月18日\n"
                  f"{note}\n").articles[0]
    assert article.signature is not None and article.signature.date is not None
    assert article.element("contact") is not None


@pytest.mark.parametrize("after, kind", [
    ("附注：此件公开发布\n", "annotation"),
    ("联系人：王某某\n联系电话：0591-87650000\n电子邮箱：zlk@example.gov.cn\n", "contact"),
    ("联系人：王某某\n传真：0591-87650001\n", "contact"),
])
def test_labelled_notes_and_contacts_after_the_signature(after, kind):
    article = doc("青溪县市场监督管理局关于做好充电设施安全检查的通知\n各乡镇人民政府：\n"
                  "为消除安全隐患，现就有关事项通知如下，请认真落实。\n青溪县市场监督管理局\n2026年3月18日\n"
                  + after).articles[0]
    assert article.signature is not None and [line.text for line in article.signature.units] == ["青溪县市场监督管理局"]
    assert article.signature.date is not None and article.element(kind) is not None
