"""The signed and published documents: golden files, content, escaping, redaction.

Golden files live in tests/golden/<case>/<kind>.<format> (the .docx as the
text python-docx extracts, paragraph by paragraph and row by row). They are
rewritten only on purpose: UPDATE_GOLDEN=1 .venv/bin/python -m pytest
tests/test_documents.py. The fixtures' review results are frozen JSON
(tests/data/documents/*.result.json), so a new rule elsewhere does not move
these files; the examples are checked by content below instead.
"""

from __future__ import annotations

import io
import json
import os
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

import review
from review import documents
from review.cli import main
from review.redaction import redactor_for
from review.result import ReviewResult

from conftest import EXAMPLES

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "data" / "documents"
GOLDEN = HERE / "golden"
CASES = ("penalty_individual", "transfer_organisation")
FORMATS = ("html", "md", "docx")
ISSUED = date(2025, 4, 28)  # three working days after penalty_individual was submitted (25 April)
ISSUED_ON = {"penalty_individual": ISSUED, "transfer_organisation": date(2025, 6, 25)}  # submitted 20 June
MISSING = [
    {"name": "调查终结报告", "requirement": "承办人员签名并注明日期", "basis": "本机关法制审核流程图"},
    {"name": "陈述申辩笔录", "requirement": "当事人签名确认"},
    "送达回证",
]


def packet(case: str) -> review.CasePacket:
    return review.load_packet(FIXTURES / f"{case}.yaml")


def result(case: str) -> ReviewResult:
    return ReviewResult.model_validate(json.loads((FIXTURES / f"{case}.result.json").read_text(encoding="utf-8")))


def note() -> dict:
    import yaml

    return yaml.safe_load((FIXTURES / "escalation_note.yaml").read_text(encoding="utf-8"))


def view(kind: str, case: str) -> dict:
    p = packet(case)
    if kind == "escalation":
        return documents.escalation_view(note(), p, result(case), issued_on=date(2025, 5, 6))
    if kind == "opinion":
        return documents.opinion_view(result(case), p, issued_on=ISSUED_ON[case])
    if kind == "notice":
        return documents.notice_view(p, MISSING, issued_on=ISSUED_ON[case])
    return documents.publication_view(p)


def docx_text(data: bytes) -> str:
    """Paragraphs and table rows in document order, as a clerk reads them in Word."""
    body = docx.Document(io.BytesIO(data)).element.body
    lines = []
    for block in body.iterchildren():
        if block.tag == qn("w:p"):
            lines.append("".join(t.text or "" for t in block.iter(qn("w:t"))))
        elif block.tag == qn("w:tbl"):
            for row in block.iter(qn("w:tr")):
                cells = ["".join(t.text or "" for t in cell.iter(qn("w:t"))) for cell in row.iter(qn("w:tc"))]
                lines.append(" | ".join(cells))
    return "\n".join(lines) + "\n"


def as_text(kind: str, v: dict, fmt: str, templates=None) -> str:
    data = documents.render(kind, v, fmt, templates)
    return docx_text(data) if fmt == "docx" else data.decode("utf-8")


def plain(fmt: str, text: str) -> str:
    """The text a reader sees: HTML entities and Markdown escapes undone."""
    import html
    import re

    if fmt == "html":
        return html.unescape(text)
    if fmt == "md":
        return re.sub(r"\\(.)", r"\1", text)
    return text


def golden_name(case: str, kind: str, fmt: str) -> Path:
    return GOLDEN / case / (f"{kind}.docx.txt" if fmt == "docx" else f"{kind}.{fmt}")


GOLDEN_DOCUMENTS = [
    (case, kind) for case in CASES for kind in ("opinion", "notice", "publication")
] + [("penalty_individual", "escalation")]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("case, kind", GOLDEN_DOCUMENTS)
def test_golden(case, kind, fmt):
    text = as_text(kind, view(kind, case), fmt)
    path = golden_name(case, kind, fmt)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"缺少 golden 文件 {path}；确认内容后用 UPDATE_GOLDEN=1 生成"
    assert text == path.read_text(encoding="utf-8")


# ------------------------------------------------------------------ opinion content


@pytest.mark.parametrize("fmt", FORMATS)
def test_opinion_says_what_the_law_requires(fmt):
    r = result("penalty_individual")
    text = as_text("opinion", view("opinion", "penalty_individual"), fmt)
    # heading: agency, case number, date
    assert "长治市市场监督管理局" in text and "长市监罚〔2025〕101号" in text and "2025年4月28日" in text
    # the proposed decision
    assert "没收违法所得120元，并处罚款5万元" in text
    # major, and by which trigger, with its source
    assert "对个人处以超过1万元的罚款" in text
    assert "长治市市场监督管理局重大行政执法决定法制审核目录清单" in text
    # all twelve checklist items with their result
    for item in r.items:
        assert item.title in text
    assert text.count("不符合") == 2
    # every finding with message, suggestion and the quoted citation text
    for f in r.findings:
        assert f.message in text and f.suggestion in text
        for c in f.citations:
            assert c.text in text
    # the outcome in words, and what to do by when: 5 working days from Mon
    # 28 April 2025 are 29, 30 April and 6, 7, 8 May, because 1–5 May 2025 is
    # the Labour Day holiday (国务院办公厅关于2025年部分节假日安排的通知).
    assert "建议修改后再送审" in text
    assert "于5个工作日内（2025年5月8日前）再次报送法制审核" in text
    # a signature line for the reviewer
    assert "法制审核人员（签名）" in text


def test_transfer_opinion_states_the_transfer_duty_and_that_the_case_is_not_major():
    text = as_text("opinion", view("opinion", "transfer_organisation"), "md")
    assert "建议移送司法机关" in text
    # 《行政执法机关移送涉嫌犯罪案件的规定》第五条: 3 days to decide, 24 hours to transfer.
    assert "3日内作出批准移送或者不批准移送的决定" in text and "24小时内向同级公安机关移送" in text
    assert "结论：**否**" in text


def test_a_reviewer_name_replaces_the_blank_signature_line():
    v = documents.opinion_view(result("penalty_individual"), packet("penalty_individual"), issued_on=ISSUED, reviewer="孙丽")
    assert "法制审核人员（签名）：孙丽" in as_text("opinion", v, "docx")


# ------------------------------------------------------------------ notice


@pytest.mark.parametrize("fmt", FORMATS)
def test_notice_lists_every_missing_material_in_one_notice(fmt):
    text = as_text("notice", view("notice", "penalty_individual"), fmt)
    for name in ("调查终结报告", "陈述申辩笔录", "送达回证"):
        assert name in text
    assert "一次性告知" in text
    # The review clock (5 working days, national profile) starts when complete.
    assert "法制审核期限（5个工作日）自收到齐全的送审材料之日起计算" in text


def test_a_notice_with_nothing_missing_is_refused():
    with pytest.raises(review.ReviewInputError, match="没有需要补正的材料"):
        documents.notice_view(packet("penalty_individual"), [], issued_on=ISSUED)


# ------------------------------------------------------------------ escalation note


@pytest.mark.parametrize("fmt", FORMATS)
def test_escalation_note_puts_both_opinions_before_the_head(fmt):
    text = plain(fmt, as_text("escalation", view("escalation", "penalty_individual"), fmt))
    finding = result("penalty_individual").findings[0]
    # the reviewer's side, in the reviewer's words and citation
    assert finding.message in text and finding.citations[0].text in text
    # the handling unit's side, with its reasons and basis
    assert "新证件正在制作中" in text and "《关于执法证件换发期间有关事项的通知》" in text
    # what negotiation settled
    assert "承办机构同意由当事人补签询问笔录后再次送审" in text
    # the options, including collective discussion (Art. 57), and a block for the head
    assert "采纳法制审核意见（建议修改后再送审）" in text and "采纳承办机构意见" in text
    assert "提请负责人集体讨论决定" in text and "行政机关负责人应当集体讨论决定" in text
    assert "行政机关负责人（签名）" in text


def test_an_escalation_without_disputes_is_refused():
    with pytest.raises(review.ReviewInputError, match="没有未达成一致的事项"):
        documents.escalation_view({"disputes": [], "settled": []}, packet("penalty_individual"), result("penalty_individual"))


def test_escalation_through_the_cli(tmp_path):
    out = tmp_path / "escalation.docx"
    args = ["document", "escalation", str(FIXTURES / "penalty_individual.yaml"), "--note", str(FIXTURES / "escalation_note.yaml"), "--out", str(out)]
    assert main(args) == 0
    text = docx_text(out.read_bytes())
    assert "法制审核意见分歧情况说明" in text and "新证件正在制作中" in text


# ------------------------------------------------------------------ publication and redaction

SECRETS = (
    "李明", "王小红",  # natural persons' names
    "140402198503152317", "11010519491231002X", "140402850315231",  # ID numbers (18, 18 with X, 15)
    "13912345678", "139 8765 4321", "0355-2123456",  # mobile and landline
    "英雄南路12号", "太行东街56号",  # street addresses
)


@pytest.mark.parametrize("fmt", FORMATS)
def test_publication_copy_leaks_no_personal_data(fmt):
    text = as_text("publication", view("publication", "penalty_individual"), fmt)
    for secret in SECRETS:
        assert secret not in text, f"公示版泄露了个人信息：{secret}"
    assert "李某" in text and "王某" in text
    assert redactor_for(packet("penalty_individual")).leaks(text) == []


def test_the_secrets_are_really_in_the_fixture():
    """Guard for the test above: the fixture must contain every secret it checks."""
    raw = (FIXTURES / "penalty_individual.yaml").read_text(encoding="utf-8")
    for secret in SECRETS:
        assert secret in raw


@pytest.mark.parametrize("fmt", FORMATS)
def test_publication_copy_keeps_the_organisation_and_hides_its_representative(fmt):
    text = as_text("publication", view("publication", "transfer_organisation"), fmt)
    assert "衡阳县宏达商贸有限公司" in text and "91430421MA4QXXXX7B" in text
    assert "罗斌" not in text


def test_publication_deadline_is_seven_working_days_for_a_penalty():
    # Decision Fri 9 May 2025; 7 working days: 12–16 and 19, 20 May (seed 003; national params).
    v = view("publication", "penalty_individual")
    assert (v["deadline"], v["deadline_workdays"]) == ("2025年5月20日", 7)


def test_publication_deadline_is_twenty_working_days_for_other_categories():
    data = review.load_packet(FIXTURES / "penalty_individual.yaml").model_dump(mode="json")
    data["category"] = "coercion"
    v = documents.publication_view(review.parse_packet(data))
    # 9 May 2025 + 20 working days: 12 May–30 May give 15, Dragon Boat Festival
    # holiday 31 May–2 June 2025, then 3–6 June give 19 and Mon 9 June the 20th.
    assert (v["deadline"], v["deadline_workdays"]) == ("2025年6月9日", 20)
    assert v["withdrawal"] == ""  # Art. 48's three-day withdrawal is for penalties


# ------------------------------------------------------------------ hostile input

HOSTILE = '<script>alert("x")</script> & <b>'


def hostile_packet() -> review.CasePacket:
    data = packet("penalty_individual").model_dump(mode="json")
    data["parties"][0]["name"] = HOSTILE
    data["title"] = "{{ 7*7 }} {% raw %}"
    return review.parse_packet(data)


def test_html_shows_hostile_fields_as_text():
    p = hostile_packet()
    html = documents.render("opinion", documents.opinion_view(result("penalty_individual"), p, issued_on=ISSUED), "html").decode()
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;b&gt;" in html
    assert "{{ 7*7 }}" in html  # packet text is data, never template code


def test_docx_shows_hostile_fields_as_text():
    p = hostile_packet()
    text = as_text("opinion", documents.opinion_view(result("penalty_individual"), p, issued_on=ISSUED), "docx")
    assert HOSTILE in text and "{{ 7*7 }}" in text


def test_markdown_escapes_hostile_fields():
    p = hostile_packet()
    md = as_text("opinion", documents.opinion_view(result("penalty_individual"), p, issued_on=ISSUED), "md")
    assert "<script>" not in md
    assert r"\<script\>" in md


# ------------------------------------------------------------------ templates are data


def test_an_agency_template_overrides_one_file_and_the_rest_fall_back(tmp_path):
    (tmp_path / "opinion.md.j2").write_text("# 本局信头\n{{ case_id }}：{{ outcome_label }}\n", encoding="utf-8")
    v = view("opinion", "penalty_individual")
    assert as_text("opinion", v, "md", tmp_path) == "# 本局信头\n长市监罚〔2025〕101号：建议修改后再送审\n"
    assert "法制审核意见书" in as_text("opinion", v, "html", tmp_path)  # bundled HTML still used


def test_agency_wording_overrides_the_bundled_wording(tmp_path):
    (tmp_path / "wording.yaml").write_text("opinion:\n  signature: 审核人（签字）\n", encoding="utf-8")
    v = documents.opinion_view(result("penalty_individual"), packet("penalty_individual"), issued_on=ISSUED, templates=tmp_path)
    assert "审核人（签字）" in as_text("opinion", v, "md", tmp_path)
    assert v["title"] == "法制审核意见书"  # the rest of the wording is the bundled one


def test_a_template_syntax_error_names_the_file_and_line(tmp_path):
    (tmp_path / "opinion.html.j2").write_text("<p>\n{{ case_id }}\n{% if %}\n", encoding="utf-8")
    with pytest.raises(documents.TemplateError) as caught:
        documents.render("opinion", view("opinion", "penalty_individual"), "html", tmp_path)
    assert caught.value.problems[0].location == "opinion.html.j2:3"
    assert "模板语法错误" in str(caught.value)


def test_an_unknown_field_in_a_template_names_the_file_and_line(tmp_path):
    (tmp_path / "opinion.md.j2").write_text("{{ case_id }}\n\n{{ no_such_field }}\n", encoding="utf-8")
    with pytest.raises(documents.TemplateError) as caught:
        documents.render("opinion", view("opinion", "penalty_individual"), "md", tmp_path)
    assert caught.value.problems[0].location == "opinion.md.j2:3"
    assert "no_such_field" in str(caught.value)


def test_a_broken_word_template_names_the_file_and_paragraph(tmp_path):
    from docx import Document

    document = Document()
    document.add_paragraph("{{ case_id }}")
    document.add_paragraph("审核结论：{{ outcome_label }")
    document.save(str(tmp_path / "opinion.docx"))
    with pytest.raises(documents.TemplateError) as caught:
        documents.render("opinion", view("opinion", "penalty_individual"), "docx", tmp_path)
    location = caught.value.problems[0].location
    assert "opinion.docx" in location and "第 2 段" in location


def test_cli_reports_a_broken_template_in_chinese_with_exit_code_2(tmp_path, capsys):
    (tmp_path / "opinion.html.j2").write_text("{% for %}\n", encoding="utf-8")
    code = main(["check", str(FIXTURES / "penalty_individual.yaml"), "--out", str(tmp_path / "o.html"), "--templates", str(tmp_path)])
    assert code == 2
    err = capsys.readouterr().err
    assert "opinion.html.j2:1" in err and "模板语法错误" in err and "Traceback" not in err


# ------------------------------------------------------------------ command line


def test_check_out_writes_the_opinion_in_the_format_of_the_extension(tmp_path, capsys):
    out = tmp_path / "opinion.docx"
    code = main(["check", str(FIXTURES / "penalty_individual.yaml"), "--out", str(out)])
    assert code in (0, 1)
    text = docx_text(out.read_bytes())
    assert "法制审核意见书" in text and "长市监罚〔2025〕101号" in text
    assert "执法主体是否合法" in text


@pytest.mark.parametrize("kind, extra", [("publication", []), ("notice", ["--missing", "送达回证"]), ("opinion", [])])
def test_document_command_writes_each_kind(tmp_path, kind, extra):
    out = tmp_path / f"{kind}.md"
    assert main(["document", kind, str(FIXTURES / "penalty_individual.yaml"), "--out", str(out), *extra]) == 0
    text = out.read_text(encoding="utf-8")
    assert "长市监罚〔2025〕101号" in text
    if kind == "publication":
        assert "140402198503152317" not in text


def test_an_unknown_extension_is_a_chinese_error(tmp_path, capsys):
    assert main(["document", "publication", str(FIXTURES / "penalty_individual.yaml"), "--out", str(tmp_path / "x.txt")]) == 2
    assert "无法从扩展名" in capsys.readouterr().err


# ------------------------------------------------------------------ the bundled examples


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_examples_render_every_document_in_every_format(example):
    p = review.load_packet(example)
    r = review.check(p)
    opinion = documents.opinion_view(r, p, issued_on=ISSUED)
    publication = documents.publication_view(p)
    redactor = redactor_for(p)
    for fmt in FORMATS:
        text = plain(fmt, as_text("opinion", opinion, fmt))
        assert documents.OUTCOME_LABELS[r.outcome] in text
        for item in r.items:
            assert item.title in text
        for f in r.findings:
            assert f.message in text
        for t in r.major.triggers:
            assert t.label in text
        published = as_text("publication", publication, fmt)
        assert redactor.leaks(published) == [], example.name
        for party in p.parties:
            if party.id_number:
                assert party.id_number not in published
