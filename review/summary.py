"""Short text and Markdown summaries of a review result for the terminal.

The formal documents (opinion, escalation note, ...) are rendered from
templates in reports/; this is the quick look a staffer gets from
`review check`.
"""

from __future__ import annotations

from .result import STATUS_LABELS, ReviewResult

SEVERITY_LABELS = {"note": "提示", "defect": "应当补正", "fatal": "实质性问题", "crime": "涉嫌犯罪"}


def _value(value) -> str:
    if isinstance(value, list):
        return "、".join(map(str, value)) or "（无）"
    return "（未填写）" if value is None else str(value)


def as_text(result: ReviewResult) -> str:
    lines = [
        f"案件：{result.case_id} {result.title}",
        f"档案：{result.profile.label}（{result.profile.name}），决定日期 {result.decision_date}",
        f"审核结论：{result.outcome_label}（{result.outcome}）",
        "",
        "是否重大执法决定：" + ("是" if result.major.is_major else "否"),
    ]
    for t in result.major.triggers:
        lines.append(f"  - {t.label}〔{t.source}〕")
    lines += ["", "要素清单："]
    for item in result.items:
        lines.append(f"  {item.id} {item.title}：{STATUS_LABELS[item.status]}")
    lines += ["", f"发现问题（{len(result.findings)} 项）："]
    if not result.findings:
        lines.append("  无")
    for f in result.findings:
        lines.append(f"  [{f.item}][{SEVERITY_LABELS[f.severity]}] {f.rule_id} {f.title}")
        lines.append(f"      {f.message}")
        lines.append(f"      建议：{f.suggestion}")
        lines.append("      依据：" + "；".join(f"《{c.law}》{c.article}{c.clause or ''}" for c in f.citations))
    for w in result.warnings:
        lines.append(f"注意：{w}")
    return "\n".join(lines) + "\n"


def as_markdown(result: ReviewResult) -> str:
    lines = [
        f"# 法制审核结果：{result.title}",
        "",
        f"- 案件编号：{result.case_id}",
        f"- 档案：{result.profile.label}（`{result.profile.name}`），决定日期 {result.decision_date}",
        f"- **审核结论：{result.outcome_label}**",
        f"- 是否重大执法决定：{'是' if result.major.is_major else '否'}",
        "",
    ]
    if result.major.triggers:
        lines += ["## 构成重大执法决定的情形", ""]
        lines += [f"- {t.label}（{t.source}）" for t in result.major.triggers]
        lines.append("")
    lines += ["## 要素清单", "", "| 条目 | 内容 | 结果 |", "|---|---|---|"]
    lines += [f"| {i.id} | {i.title} | {STATUS_LABELS[i.status]} |" for i in result.items]
    lines += ["", "## 发现的问题", ""]
    if not result.findings:
        lines.append("未发现问题。")
    for f in result.findings:
        lines += [
            f"### {f.rule_id} {f.title}",
            "",
            f"- 条目：{f.item}；严重程度：{SEVERITY_LABELS[f.severity]}",
            f"- 情况：{f.message}",
            f"- 建议：{f.suggestion}",
        ]
        for c in f.citations:
            lines.append(f"- 依据：《{c.law}》{c.article}{c.clause or ''}：“{c.text}”")
        if f.fields:
            lines.append("- 涉及字段：" + "；".join(f"`{v.path}` = {_value(v.value)}" for v in f.fields))
        lines.append("")
    for w in result.warnings:
        lines.append(f"> 注意：{w}")
    return "\n".join(lines) + "\n"
