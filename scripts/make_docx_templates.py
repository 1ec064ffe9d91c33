"""Build the Word templates in reports/ (opinion.docx, notice.docx, ...).

The .docx files are committed binary data that legal staff may open and
restyle in Word (letterhead, fonts, margins) as long as they keep the
{{ ... }} and {%p ... %} tags. This script is how they were first made, so
they can be rebuilt from source when the content changes:

    .venv/bin/python scripts/make_docx_templates.py            # all
    .venv/bin/python scripts/make_docx_templates.py opinion    # one

Tag conventions (docxtpl): `{%p ... %}` on a paragraph of its own repeats or
hides paragraphs, `{%tr ... %}` in a table row repeats rows. Every field is
XML-escaped at render time (autoescape), so text from the packet stays text.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

REPORTS = Path(__file__).resolve().parent.parent / "reports"
SERIF = "宋体"
SANS = "黑体"


def _font(run, name: str = SERIF, size: float | None = None, bold: bool = False, color: RGBColor | None = None) -> None:
    run.font.name = name
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)
    if size:
        run.font.size = Pt(size)
    run.font.bold = bold
    if color is not None:
        run.font.color.rgb = color


def new_document() -> Document:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.2)
    section.left_margin, section.right_margin = Cm(2.5), Cm(2.0)
    normal = doc.styles["Normal"]
    normal.font.name = SERIF
    normal.font.size = Pt(12)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), SERIF)
    normal.paragraph_format.space_after = Pt(3)
    normal.paragraph_format.line_spacing = 1.4
    return doc


class Writer:
    """A few paragraph kinds, so the templates read like the documents they make."""

    def __init__(self) -> None:
        self.doc = new_document()

    def letterhead(self, title: str) -> None:
        p = self.doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _font(p.add_run("{{ agency }}"), SERIF, 16, True, RGBColor(0xB0, 0, 0))
        p = self.doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(12)
        _font(p.add_run(title), SERIF, 22, True)

    def right(self, text: str) -> None:
        p = self.doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _font(p.add_run(text))

    def centre(self, text: str, size: float = 13) -> None:
        p = self.doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _font(p.add_run(text), SERIF, size)

    def heading(self, text: str) -> None:
        p = self.doc.add_paragraph()
        p.paragraph_format.space_before = Pt(10)
        _font(p.add_run(text), SANS, 14, True)

    def sub(self, text: str) -> None:
        p = self.doc.add_paragraph()
        p.paragraph_format.space_before = Pt(6)
        _font(p.add_run(text), SERIF, 12, True)

    def para(self, text: str, bold: bool = False, indent: float = 0, size: float | None = None) -> None:
        p = self.doc.add_paragraph()
        if indent:
            p.paragraph_format.left_indent = Cm(indent)
        _font(p.add_run(text), SERIF, size, bold)

    def label(self, label: str, value: str) -> None:
        p = self.doc.add_paragraph()
        _font(p.add_run(label), SERIF, None, True)
        _font(p.add_run(value))

    def tag(self, text: str) -> None:
        """A docxtpl control paragraph ({%p ... %}); it disappears when rendered."""
        self.doc.add_paragraph(text)

    def table(self, headers: list[str], cells: list[str], loop: str, widths: list[float]) -> None:
        """A header row, then one row repeated by `{%tr for ... %}`."""
        table = self.doc.add_table(rows=4, cols=len(headers))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for i, text in enumerate(headers):
            cell = table.rows[0].cells[i]
            _font(cell.paragraphs[0].add_run(text), SERIF, 11, True)
        table.rows[1].cells[0].paragraphs[0].add_run("{%tr " + loop + " %}")
        for i, text in enumerate(cells):
            _font(table.rows[2].cells[i].paragraphs[0].add_run(text), SERIF, 11)
        table.rows[3].cells[0].paragraphs[0].add_run("{%tr endfor %}")
        for row in table.rows:
            for cell, width in zip(row.cells, widths):
                cell.width = Cm(width)

    def signature(self, lines: list[str]) -> None:
        self.doc.add_paragraph()
        for line in lines:
            self.right(line)

    def save(self, name: str) -> Path:
        path = REPORTS / name
        # Fixed core properties so a rebuild with no change gives the same content.
        props = self.doc.core_properties
        props.author = "review"
        props.title = name
        props.last_modified_by = "review"
        self.doc.save(str(path))
        return path


def opinion() -> Path:
    w = Writer()
    w.letterhead("{{ title }}")
    w.right("案件编号：{{ case_id }}")
    w.label("案件名称：", "{{ case_title }}")
    w.label("执法事项：", "{{ matter }}（{{ category }}，{{ procedure }}）")
    w.tag("{%p for p in parties %}")
    w.label("当事人：", "{{ p.name }}（{{ p.kind }}，{{ p.id_label }}：{{ p.id }}）")
    w.tag("{%p endfor %}")
    w.label("送审日期：", "{{ submitted_on }}")
    w.label("适用清单：", "{{ profile }}")

    w.heading("一、拟作出的决定")
    w.para("{{ decision.summary }}")
    w.tag("{%p if decision.measures %}")
    w.para("处理措施：{{ decision.measures | join('；') }}。裁量档次：{{ decision.discretion }}"
           "{% if decision.discretion_reasons %}（理由：{{ decision.discretion_reasons }}）{% endif %}。")
    w.tag("{%p endif %}")
    w.tag("{%p if decision.basis %}")
    w.para("法律依据：{{ decision.basis | join('；') }}。")
    w.tag("{%p endif %}")

    w.heading("二、是否属于重大执法决定")
    w.para("结论：{{ major.answer }}。")
    w.tag("{%p for t in major.triggers %}")
    w.para("{{ loop.index }}. {{ t.label }}（依据：{{ t.source }}）")
    w.tag("{%p endfor %}")
    w.tag("{%p if major.note %}")
    w.para("{{ major.note }}")
    w.tag("{%p endif %}")

    w.heading("三、审核要素")
    w.table(["序号", "审核内容", "结果", "对应问题"],
            ["{{ i.id }}", "{{ i.title }}", "{{ i.result }}", "{{ i.findings }}"],
            "for i in items", [1.6, 9.0, 2.4, 3.0])

    w.heading("四、发现的问题")
    w.tag("{%p if not findings %}")
    w.para("未发现问题。")
    w.tag("{%p endif %}")
    w.tag("{%p for f in findings %}")
    w.sub("第{{ f.number }}项　{{ f.title }}（{{ f.item }} {{ f.item_title }}；{{ f.severity }}）")
    w.para("问题：{{ f.message }}")
    w.para("意见：{{ f.suggestion }}")
    w.tag("{%p for c in f.citations %}")
    w.para("依据：{{ c.ref }}")
    w.para("“{{ c.text }}”", indent=0.8, size=10.5)
    w.tag("{%p endfor %}")
    w.tag("{%p endfor %}")

    w.heading("五、审核意见")
    w.para("{{ outcome_label }}", bold=True, size=14)
    w.para("{{ conclusion }}")
    w.para("{{ action }}")
    w.tag("{%p for warning in warnings %}")
    w.para("注意：{{ warning }}", size=10)
    w.tag("{%p endfor %}")

    w.doc.add_paragraph()
    w.para("{{ signature }}：{% if reviewer %}{{ reviewer }}{% else %}＿＿＿＿＿＿＿＿{% endif %}　　日期：＿＿＿＿年＿＿月＿＿日")
    w.signature(["{{ unit_signature }}", "{{ issued_on }}"])
    return w.save("opinion.docx")


def notice() -> Path:
    w = Writer()
    w.letterhead("{{ title }}")
    w.right("案件编号：{{ case_id }}")
    w.para("承办机构：")
    w.para("{{ opening }}")
    w.label("案件名称：", "{{ case_title }}")
    w.label("执法事项：", "{{ matter }}（{{ category }}）")
    w.label("送审日期：", "{{ submitted_on }}")
    w.heading("需要补正的材料")
    w.table(["序号", "材料", "要求", "依据"],
            ["{{ m.number }}", "{{ m.name }}", "{{ m.requirement }}", "{{ m.basis }}"],
            "for m in materials", [1.4, 5.0, 5.6, 4.0])
    w.para("{{ closing }}")
    w.signature(["{{ signature }}", "{{ issued_on }}"])
    return w.save("notice.docx")


def publication() -> Path:
    w = Writer()
    w.letterhead("{{ title }}")
    w.right("决定书文号：{{ case_id }}")
    w.label("案件名称：", "{{ case_title }}")
    w.label("执法类别：", "{{ category }}")
    w.label("执法事项：", "{{ matter }}")
    w.tag("{%p for p in parties %}")
    w.label("执法对象：", "{{ p.name }}（{{ p.kind }}）{% if p.id %}，{{ p.id_label }}：{{ p.id }}{% endif %}")
    w.tag("{%p endfor %}")
    w.heading("主要违法事实")
    w.para("{{ facts.conduct }}")
    w.tag("{%p if facts.conduct_date %}")
    w.label("行为日期：", "{{ facts.conduct_date }}")
    w.tag("{%p endif %}")
    w.tag("{%p if facts.place %}")
    w.label("地点：", "{{ facts.place }}")
    w.tag("{%p endif %}")
    w.tag("{%p if facts.consequence %}")
    w.label("危害后果：", "{{ facts.consequence }}")
    w.tag("{%p endif %}")
    w.heading("执法依据")
    w.tag("{%p for b in basis %}")
    w.para("{{ b }}")
    w.tag("{%p endfor %}")
    w.heading("执法结论")
    w.para("{{ decision.summary }}")
    w.tag("{%p for m in decision.measures %}")
    w.para("{{ m }}")
    w.tag("{%p endfor %}")
    w.label("执法机关：", "{{ agency }}")
    w.label("决定日期：", "{{ decision_date }}")
    w.heading("公开说明")
    w.para("{{ redaction_note }}", size=10.5)
    w.para("公开期限：{{ deadline_text }}{% if channel %}公开渠道：{{ channel }}。{% endif %}", size=10.5)
    w.tag("{%p if withdrawal %}")
    w.para("{{ withdrawal }}", size=10.5)
    w.tag("{%p endif %}")
    return w.save("publication.docx")


def escalation() -> Path:
    w = Writer()
    w.letterhead("{{ title }}")
    w.centre("（{{ subtitle }}）")
    w.right("案件编号：{{ case_id }}")
    w.label("案件名称：", "{{ case_title }}")
    w.label("执法事项：", "{{ matter }}（{{ category }}）")
    w.label("送审日期：", "{{ submitted_on }}")
    w.label("拟作出的决定：", "{{ proposed_decision }}")
    w.label("审核结论：", "{{ outcome_label }}")
    w.para("{{ opening }}")
    w.heading("一、意见分歧事项")
    w.table(["序号", "事项", "法制审核意见", "承办机构意见"],
            ["{{ d.number }}", "{{ d.title }}",
             "{{ d.reviewer }}{% if d.reviewer_basis_text %}依据：{{ d.reviewer_basis_text }}{% endif %}",
             "{{ d.unit }}{% if d.unit_basis %}依据：{{ d.unit_basis }}{% endif %}"],
            "for d in disputes", [1.2, 3.2, 6.0, 5.6])
    w.heading("二、{{ settled_heading }}")
    w.tag("{%p for s in settled %}")
    w.para("{{ loop.index }}. {{ s.title }}：{{ s.resolution }}")
    w.tag("{%p endfor %}")
    w.tag("{%p if not settled %}")
    w.para("{{ no_settled }}")
    w.tag("{%p endif %}")
    w.heading("三、{{ deadlines_heading }}")
    w.tag("{%p for line in deadlines %}")
    w.para("{{ line }}")
    w.tag("{%p endfor %}")
    w.tag("{%p if not deadlines %}")
    w.para("{{ no_deadlines }}")
    w.tag("{%p endif %}")
    w.heading("四、可供选择的处理方式")
    w.tag("{%p for o in options %}")
    w.para("{{ o.mark }} {{ o.text }}")
    w.tag("{%p endfor %}")
    w.doc.add_paragraph()
    w.para("{{ reviewer_signature }}：＿＿＿＿＿＿＿＿　　{{ unit_signature }}：＿＿＿＿＿＿＿＿")
    w.right("{{ issued_on }}")
    w.heading("五、{{ decision_heading }}")
    w.tag("{%p if head_decision %}")
    w.para("负责人意见：{{ head_decision.choice }}。{% if head_decision.collective %}（经{{ head_decision.collective }}负责人集体讨论）{% endif %}")
    w.para("理由：{{ head_decision.reason }}")
    w.right("{{ signature }}：{{ head_decision.by }}")
    w.right("日期：{{ head_decision.on }}")
    w.tag("{%p else %}")
    w.para("负责人意见：")
    w.doc.add_paragraph()
    w.doc.add_paragraph()
    w.right("{{ signature }}：＿＿＿＿＿＿＿＿")
    w.right("日期：＿＿＿＿年＿＿月＿＿日")
    w.tag("{%p endif %}")
    return w.save("escalation.docx")


BUILDERS = {"opinion": opinion, "notice": notice, "publication": publication, "escalation": escalation}


def main(names: list[str]) -> int:
    for name in names or list(BUILDERS):
        if name not in BUILDERS:
            print(f"未知的模板：{name}（可用：{'、'.join(BUILDERS)}）", file=sys.stderr)
            return 2
        print(BUILDERS[name]())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
