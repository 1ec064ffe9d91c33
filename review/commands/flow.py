"""The review flow on the command line: one subcommand per step (review/flow.py does the work).

    review submit PACKET          送审（材料不全的一次性告知补正）
    review supplement CASE PACKET 补正材料
    review extend CASE            延长审核期限
    review opinion CASE           出具审核意见
    review resubmit CASE PACKET   修改后重新送审
    review object CASE            承办机构提出异议
    review negotiate CASE         记录协商结果
    review escalate CASE          报请负责人决定
    review head-decide CASE       负责人决定
    review decide CASE            作出决定（第五十八条的关口）
    review transfer CASE          移送司法机关
    review publish CASE           登记执法决定已公示
    review status CASE            案件现状与期限
    review due                    各案件正在计算的期限，逾期的在前

Why a thin layer: the flow's rules live in review/flow.py, so a case system
calling the Python API and a clerk typing commands are refused for the same
reasons in the same words. This module only parses arguments, opens the
register and says, after every step, where the case stands and what may be
done next. A refused step (TransitionRefused) or bad input is exit 2 with
one Chinese message, and nothing is written.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from .. import flow
from ..errors import Problem, ReviewInputError, TransitionRefused
from ..intake import load_packet, read_structured
from ..register import Register, resolve_url
from ..result import OUTCOME_LABELS
from .document import _day
from .register import open_existing

# Step function (review/flow.py) -> the subcommand a clerk types, and how to type it.
COMMANDS = {
    "submit": ("submit", "review submit 案卷文件"),
    "supplement": ("supplement", "review supplement {case} 补正后的案卷文件"),
    "extend": ("extend", "review extend {case} --approved-by 批准人 --reason 理由"),
    "issue_opinion": ("opinion", "review opinion {case} --out 意见书.docx"),
    "resubmit": ("resubmit", "review resubmit {case} 修改后的案卷文件"),
    "object_to": ("object", "review object {case} --dispute 规则编号 理由 依据"),
    "negotiate": ("negotiate", "review negotiate {case} --concede 规则编号 reviewer|unit 结果"),
    "escalate": ("escalate", "review escalate {case} --out 意见分歧说明.docx"),
    "head_decide": ("head-decide", "review head-decide {case} --choice adopt_reviewer|adopt_unit --reason 理由 --by 负责人"),
    "decide": ("decide", "review decide {case} --number 决定书文号"),
    "transfer": ("transfer", "review transfer {case} --to 司法机关"),
    "publish": ("publish", "review publish {case} --channel 公示渠道"),
}

# What each next step means for the person reading the status.
NEXT_HINTS = {
    "supplement": "按补正材料通知补齐材料后补正",
    "extend": "案情复杂需要延长的，经负责人批准延长审核期限",
    "issue_opinion": "法制审核机构出具审核意见",
    "resubmit": "承办机构按审核意见修改后重新送审",
    "object_to": "承办机构对审核意见有异议的，列明理由和依据提出异议",
    "negotiate": "记录双方协商的结果（哪一方让步、如何处理）",
    "escalate": "协商不能达成一致的，将双方意见一并报请负责人决定",
    "head_decide": "负责人作出决定（可先集体讨论）",
    "decide": "审核已通过，可以作出决定",
    "transfer": "移送司法机关",
    "publish": "在公示期限内公示执法决定后登记",
}

SIDES = {"reviewer": "reviewer", "法制审核机构": "reviewer", "审核机构": "reviewer", "法制审核": "reviewer",
         "unit": "unit", "承办机构": "unit", "承办": "unit"}

DB_HELP = "登记簿地址（SQLAlchemy URL）；默认取环境变量 REVIEW_REGISTER，否则为当前目录的 review-register.sqlite"


# ---------------------------------------------------------------- arguments


def _common(p, *, business_date: bool = True) -> None:
    p.add_argument("--db", metavar="URL", help=DB_HELP)
    if business_date:
        p.add_argument("--on", type=_day, metavar="YYYY-MM-DD", help="这一步的业务日期（默认今天），期限由此计算")
        p.add_argument("--actor", metavar="姓名", help="经办人（记入登记簿）")
    p.add_argument("--format", choices=["text", "json"], default="text", help="输出格式")


def _document_options(p, flag: str, what: str) -> None:
    p.add_argument(flag, metavar="FILE", help=f"另外生成{what}；格式由扩展名决定：.html、.md、.docx、.pdf")
    p.add_argument("--templates", metavar="DIR", help="文书使用自己的模板目录（复制 reports/ 后修改）")


def register(sub) -> None:
    p = sub.add_parser("submit", help="送审：登记一份案卷，检查送审材料",
                       description="承办机构送法制审核。材料齐全的受理并开始计算审核期限；材料不全的一次性列明全部需补正的材料。")
    p.add_argument("packet", help="案卷文件（.json / .yaml）")
    p.add_argument("--profile", help="目录清单档案（覆盖案卷中的 agency.profile）")
    p.add_argument("--case", metavar="ID", help="登记簿中的案件编号（默认取案卷的 case_id）")
    _document_options(p, "--notice", "补正材料通知书（材料不全时）")
    _common(p)
    p.set_defaults(run=run_submit)

    p = sub.add_parser("supplement", help="补正材料", description="按补正材料通知补齐后再次提交；材料齐全之日开始计算审核期限。")
    p.add_argument("case_id", metavar="CASE", help="案件编号")
    p.add_argument("packet", help="补正后的案卷文件")
    _document_options(p, "--notice", "补正材料通知书（仍不齐全时）")
    _common(p)
    p.set_defaults(run=run_supplement)

    p = sub.add_parser("extend", help="延长审核期限", description="经负责人批准，延长本轮审核期限（每轮一次，天数见档案参数）。")
    p.add_argument("case_id", metavar="CASE", help="案件编号")
    p.add_argument("--approved-by", default="", metavar="姓名", help="批准延长的负责人")
    p.add_argument("--reason", default="", help="延长理由")
    _common(p)
    p.set_defaults(run=run_extend)

    p = sub.add_parser("opinion", help="出具审核意见", description="对本轮送审的案卷进行法制审核并出具意见。")
    p.add_argument("case_id", metavar="CASE", help="案件编号")
    p.add_argument("--outcome", choices=list(OUTCOME_LABELS), help="审核人员改定的结论（与逐项审核结果不同时须写 --reason）")
    p.add_argument("--reason", help="改定结论的理由")
    _document_options(p, "--out", "法制审核意见书")
    _common(p)
    p.set_defaults(run=run_opinion)

    p = sub.add_parser("resubmit", help="修改后重新送审", description="按审核意见修改后重新送审，开始新的一轮；此前各轮记录保留。")
    p.add_argument("case_id", metavar="CASE", help="案件编号")
    p.add_argument("packet", help="修改后的案卷文件")
    _document_options(p, "--notice", "补正材料通知书（材料不全时）")
    _common(p)
    p.set_defaults(run=run_resubmit)

    p = sub.add_parser("object", help="承办机构对审核意见提出异议",
                       description="对审核意见有异议的，逐项列明理由和依据，与法制审核机构协商。")
    p.add_argument("case_id", metavar="CASE", help="案件编号")
    p.add_argument("--dispute", nargs=3, action="append", default=[], metavar=("规则编号", "理由", "依据"),
                   help="有异议的问题、异议理由、依据（可重复）")
    p.add_argument("--file", metavar="FILE", help="异议清单（YAML/JSON）：列表或 disputes:，每项 rule_id、reasons、basis")
    _common(p)
    p.set_defaults(run=run_object)

    p = sub.add_parser("negotiate", help="记录协商结果", description="记录协商中哪一方让步：reviewer（审核机构撤回该意见）或 unit（承办机构接受该意见）。")
    p.add_argument("case_id", metavar="CASE", help="案件编号")
    p.add_argument("--concede", nargs=3, action="append", default=[], metavar=("规则编号", "让步一方", "结果"),
                   help="达成一致的问题、让步一方（reviewer 或 unit）、协商结果（可重复）")
    p.add_argument("--file", metavar="FILE", help="协商结果（YAML/JSON）：列表或 concessions:，每项 rule_id、conceded_by、resolution")
    _common(p)
    p.set_defaults(run=run_negotiate)

    p = sub.add_parser("escalate", help="报请负责人决定", description="协商不能达成一致的，将双方意见一并报请行政执法机关负责人决定。")
    p.add_argument("case_id", metavar="CASE", help="案件编号")
    _document_options(p, "--out", "意见分歧说明（报请负责人决定）")
    _common(p)
    p.set_defaults(run=run_escalate)

    p = sub.add_parser("head-decide", help="负责人对意见分歧作出决定",
                       description="负责人采纳法制审核意见或承办机构意见，须写明理由；经集体讨论的写明讨论日期。")
    p.add_argument("case_id", metavar="CASE", help="案件编号")
    p.add_argument("--choice", default="", choices=["adopt_reviewer", "adopt_unit"],
                   help="adopt_reviewer（采纳法制审核意见）或 adopt_unit（采纳承办机构意见）")
    p.add_argument("--reason", default="", help="决定理由（必填）")
    p.add_argument("--by", default="", metavar="姓名", help="作出决定的负责人（默认同 --actor）")
    p.add_argument("--collective-on", type=_day, metavar="YYYY-MM-DD", help="经负责人集体讨论的，讨论日期")
    _common(p)
    p.set_defaults(run=run_head_decide)

    p = sub.add_parser("decide", help="作出决定（须审核通过）",
                       description="行政处罚法第五十八条：未经法制审核或者审核未通过的，不得作出决定。审核未通过时拒绝，不作登记。")
    p.add_argument("case_id", metavar="CASE", help="案件编号")
    p.add_argument("--number", metavar="文号", help="决定书文号")
    _common(p)
    p.set_defaults(run=run_decide)

    p = sub.add_parser("transfer", help="移送司法机关", description="审核意见为建议移送司法机关的，登记移送。")
    p.add_argument("case_id", metavar="CASE", help="案件编号")
    p.add_argument("--to", default="", metavar="机关", help="接受移送的司法机关")
    _common(p)
    p.set_defaults(run=run_transfer)

    p = sub.add_parser("publish", help="登记执法决定已公示",
                       description="执法决定作出后按期公示（行政处罚、行政许可 7 个工作日，其他 20 个工作日，国办发〔2018〕118号）；"
                       "登记公示日期和渠道，公示期限随之完成。")
    p.add_argument("case_id", metavar="CASE", help="案件编号")
    p.add_argument("--channel", default="", metavar="渠道", help="公示渠道，如本机关门户网站")
    _common(p)
    p.set_defaults(run=run_publish)

    p = sub.add_parser("status", help="查看案件现状、各轮经过与期限", description="案件状态、各轮送审与意见、期限（尚余或逾期的工作日）和下一步。")
    p.add_argument("case_id", metavar="CASE", help="案件编号")
    p.add_argument("--today", "--on", dest="today", type=_day, metavar="YYYY-MM-DD", help="按哪一天计算期限（默认今天）")
    _common(p, business_date=False)
    p.set_defaults(run=run_status)

    p = sub.add_parser("due", help="各案件正在计算的期限，逾期的在前", description="列出所有未办结案件正在计算的期限：已逾期的在前（逾期最久的最前），其次今日届满、尚未届满。")
    p.add_argument("--today", "--on", dest="today", type=_day, metavar="YYYY-MM-DD", help="按哪一天计算期限（默认今天）")
    _common(p, business_date=False)
    p.set_defaults(run=run_due)


# ---------------------------------------------------------------- running a step


def _on(args) -> date:
    return args.on or date.today()


def _check_document_path(path: str | None) -> None:
    """An unusable --out/--notice extension is refused before anything is written."""
    if path:
        from .. import documents

        documents.format_for(path)


def _step(args, step: str, call):
    """Open the register, run one step, translate a refusal into the command names a clerk types."""
    register = Register(resolve_url(args.db)) if step == "submit" else open_existing(args.db)
    try:
        try:
            returned = call(register)
        except TransitionRefused as refused:
            raise _in_commands(refused) from None
        case_id = returned.case_id
        status = flow.status(register, case_id, today=_on(args))
    finally:
        register.dispose()
    return returned, status


def _in_commands(refused: TransitionRefused) -> TransitionRefused:
    """The same refusal, with step function names (issue_opinion) replaced by the subcommands (review opinion)."""
    message = str(refused)
    for step, (command, _) in COMMANDS.items():
        message = message.replace(f"（{step}）", f"（review {command}）")
    return TransitionRefused(message, case_id=refused.case_id, state=refused.state, allowed=refused.allowed)


def _finish(args, step: str, headline: list[str], status, extra: dict | None = None) -> int:
    if args.format == "json":
        body = {"step": step, "on": _on(args).isoformat(), "message": "\n".join(headline), "case": status.to_dict()}
        body.update(extra or {})
        print(json.dumps(body, ensure_ascii=False, indent=2))
    else:
        for line in headline:
            print(line)
        print()
        print(render_status(status), end="")
    return 0


def _saved(kind: str, view: dict, path: str, templates: str | None) -> str:
    from .. import documents

    written = documents.save(kind, view, path, templates)
    print(f"已生成：{written}", file=sys.stderr)
    return str(written)


def _notice(args, status) -> str | None:
    """补正材料通知书 for the current round when materials are missing; None (and a note) otherwise."""
    if not getattr(args, "notice", None):
        return None
    if not status.missing:
        print(f"送审材料齐全，无需补正材料通知书，未生成 {args.notice}", file=sys.stderr)
        return None
    from .. import documents

    case = status.case
    view = documents.notice_view(case.packet, status.missing, issued_on=_on(args), profile=case.profile,
                                 templates=args.templates)
    return _saved("notice", view, args.notice, args.templates)


def _intake_lines(status, doing: str) -> list[str]:
    r = status.rounds[-1]
    if status.missing:
        lines = [f"{doing}已登记（第 {r.number} 轮），送审材料不全，审核期限尚未起算。"
                 f"请一次补齐以下 {len(status.missing)} 项材料："]
        lines += [f"  {i}. {_material_line(m)}" for i, m in enumerate(status.missing, start=1)]
        return lines
    return [f"{doing}已受理（第 {r.number} 轮），送审材料齐全，审核期限自 {_cn(r.started_on)} 起算，"
            f"{_cn(r.review_due)} 届满。"]


def _material_line(m) -> str:
    extra = "；".join(x for x in (getattr(m, "requirement", ""), getattr(m, "basis", "")) if x)
    return f"{m.name}（{extra}）" if extra else m.name


def _intake_command(args, step: str, doing: str, call) -> int:
    """送审, 补正材料 and 重新送审 all hand in a packet: the intake notice is written when something is missing."""
    _check_document_path(args.notice)
    packet = load_packet(args.packet)
    _, status = _step(args, step, lambda reg: call(reg, packet))
    written = _notice(args, status)
    return _finish(args, step, _intake_lines(status, doing), status, {"notice": written})


def run_submit(args) -> int:
    return _intake_command(args, "submit", "送审", lambda reg, packet: flow.submit(
        reg, packet, on=_on(args), profile=args.profile, case_id=args.case, actor=args.actor))


def run_supplement(args) -> int:
    return _intake_command(args, "supplement", "补正材料", lambda reg, packet: flow.supplement(
        reg, args.case_id, packet, on=_on(args), actor=args.actor))


def run_resubmit(args) -> int:
    return _intake_command(args, "resubmit", "重新送审", lambda reg, packet: flow.resubmit(
        reg, args.case_id, packet, on=_on(args), actor=args.actor))


def run_extend(args) -> int:
    _, status = _step(args, "extend", lambda reg: flow.extend(
        reg, args.case_id, on=_on(args), approved_by=args.approved_by, reason=args.reason, actor=args.actor))
    r = status.rounds[-1]
    by = (r.extension or {}).get("approved_by", args.approved_by)
    return _finish(args, "extend", [f"审核期限已经{by}批准延长 {r.extended_by} 个工作日，现于 {_cn(r.review_due)} 届满。"], status)


def run_opinion(args) -> int:
    _check_document_path(args.out)
    _, status = _step(args, "issue_opinion", lambda reg: flow.issue_opinion(
        reg, args.case_id, on=_on(args), actor=args.actor, outcome=args.outcome, reason=args.reason))
    r = status.rounds[-1]
    written = None
    if args.out:
        from .. import documents

        result = r.opinion
        if r.outcome != result.outcome:  # the reviewer's own conclusion is the one signed
            result = result.model_copy(update={"outcome": r.outcome, "outcome_label": OUTCOME_LABELS[r.outcome]})
        view = documents.opinion_view(result, r.packet, issued_on=_on(args), reviewer=args.actor or "",
                                      templates=args.templates)
        written = _saved("opinion", view, args.out, args.templates)
    lines = [f"已出具第 {r.number} 轮法制审核意见：{OUTCOME_LABELS.get(r.outcome, r.outcome)}"
             f"（发现 {len(r.opinion.findings)} 项问题）。"]
    if r.override_reason:
        lines.append(f"  审核人员改定结论，理由：{r.override_reason}")
    lines += [f"  {f.rule_id} {f.title}" for f in r.opinion.findings]
    return _finish(args, "opinion", lines, status, {"opinion": r.opinion.model_dump(mode="json"), "document": written})


def _listed(args, flag_values: list, key: str, fields: tuple[str, str, str]) -> list[dict]:
    """Items from repeated --dispute/--concede triples and from --file (a list, or {key: list})."""
    items = [dict(zip(fields, triple)) for triple in flag_values]
    if args.file:
        data = read_structured(Path(args.file))
        if isinstance(data, dict):
            data = data.get(key)
        if not isinstance(data, list):
            raise ReviewInputError(args.file, [Problem("（根）", f"应为列表，或含 {key}: 列表的对象")])
        items.extend(data)
    return items


def run_object(args) -> int:
    disputes = _listed(args, args.dispute, "disputes", ("rule_id", "reasons", "basis"))
    _, status = _step(args, "object_to", lambda reg: flow.object_to(
        reg, args.case_id, disputes, on=_on(args), actor=args.actor))
    r = status.rounds[-1]
    lines = [f"已登记承办机构对第 {r.number} 轮审核意见的异议（{len(r.objection)} 项），进入协商："]
    lines += [f"  {d['rule_id']}：理由：{d['reasons']}；依据：{d['basis']}" for d in r.objection]
    return _finish(args, "object", lines, status)


def run_negotiate(args) -> int:
    concessions = _listed(args, args.concede, "concessions", ("rule_id", "conceded_by", "resolution"))
    for c in concessions:
        if isinstance(c, dict) and isinstance(c.get("conceded_by"), str):
            c["conceded_by"] = SIDES.get(c["conceded_by"].strip(), c["conceded_by"])
    _, status = _step(args, "negotiate", lambda reg: flow.negotiate(
        reg, args.case_id, concessions, on=_on(args), actor=args.actor))
    r = status.rounds[-1]
    lines = ["已记录协商结果："]
    lines += [f"  {c.rule_id}：{c.conceded_by_label}让步，{c.resolution}" for c in r.concessions]
    if r.open_disputes:
        lines.append(f"尚未达成一致：{'、'.join(r.open_disputes)}（继续协商，或报请负责人决定）")
    else:
        lines.append(f"异议事项已全部协商一致，本轮审核意见现为：{OUTCOME_LABELS.get(r.effective_outcome, '')}。")
    return _finish(args, "negotiate", lines, status)


def run_escalate(args) -> int:
    _check_document_path(args.out)
    note, status = _step(args, "escalate", lambda reg: _EscalateCall(flow.escalate(
        reg, args.case_id, on=_on(args), actor=args.actor)))
    note = note.note
    written = None
    if args.out:
        from .. import documents

        r = status.rounds[-1]
        view = documents.escalation_view(note, r.packet, r.opinion, issued_on=_on(args), templates=args.templates)
        written = _saved("escalation", view, args.out, args.templates)
    return _finish(args, "escalate", render_note(note), status,
                   {"note": note.model_dump(mode="json"), "document": written})


class _EscalateCall:
    """escalate() returns the note, not the state; carry the case id for the status read after it."""

    def __init__(self, note):
        self.note = note
        self.case_id = note.case_id


def run_head_decide(args) -> int:
    by = args.by or args.actor or ""
    _, status = _step(args, "head_decide", lambda reg: flow.head_decide(
        reg, args.case_id, choice=args.choice, reason=args.reason, on=_on(args), decided_by=by,
        collective_discussion_on=args.collective_on, actor=args.actor))
    d = status.rounds[-1].head_decision
    lines = [f"负责人{d.decided_by}已决定：{d.choice_label}。理由：{d.reason}"]
    if d.collective_discussion_on:
        lines.append(f"  经 {_cn(d.collective_discussion_on)} 负责人集体讨论。")
    return _finish(args, "head-decide", lines, status)


def run_decide(args) -> int:
    _, status = _step(args, "decide", lambda reg: flow.decide(
        reg, args.case_id, on=_on(args), decision_number=args.number, actor=args.actor))
    number = f"（{status.case.decision_number}）" if status.case.decision_number else ""
    return _finish(args, "decide", [f"已于 {_cn(status.case.decided_on)} 作出决定{number}。"], status)


def run_transfer(args) -> int:
    _, status = _step(args, "transfer", lambda reg: flow.transfer(
        reg, args.case_id, on=_on(args), to=args.to, actor=args.actor))
    return _finish(args, "transfer", [f"已于 {_cn(status.case.transferred_on)} 移送{status.case.transferred_to}。"], status)


def run_publish(args) -> int:
    _, status = _step(args, "publish", lambda reg: flow.publish(
        reg, args.case_id, on=_on(args), channel=args.channel, actor=args.actor))
    return _finish(args, "publish", [f"已于 {_cn(status.case.published_on)} 在{status.case.published_channel}公示。"], status)


# ---------------------------------------------------------------- reading


def run_status(args) -> int:
    today = args.today or date.today()
    register = open_existing(args.db)
    try:
        status = flow.status(register, args.case_id, today=today)
    finally:
        register.dispose()
    if args.format == "json":
        print(json.dumps({"today": today.isoformat(), **status.to_dict()}, ensure_ascii=False, indent=2))
    else:
        print(render_status(status), end="")
    return 0


def run_due(args) -> int:
    today = args.today or date.today()
    register = open_existing(args.db)
    try:
        items = flow.due(register, today=today)
    finally:
        register.dispose()
    if args.format == "json":
        print(json.dumps({"today": today.isoformat(), "items": [
            {"case_id": case_id, **due_json(d)} for case_id, d in items]}, ensure_ascii=False, indent=2))
        return 0
    if not items:
        print(f"截至 {_cn(today)}，没有正在计算的期限。")
        return 0
    overdue = sum(1 for _, d in items if d.status == "overdue")
    print(f"截至 {_cn(today)}，正在计算的期限 {len(items)} 项，其中已逾期 {overdue} 项：")
    for case_id, d in items:
        print(f"  {'【逾期】' if d.status == 'overdue' else '　　　　'}{case_id}  {d.describe()}")
    return 0


def due_json(d) -> dict:
    """One time limit as JSON, the same fields as in `status --format json`."""
    iso = lambda day: day.isoformat() if day else None  # noqa: E731
    return {"key": d.deadline.key, "label": d.deadline.label, "start": iso(d.deadline.start),
            "due": iso(d.deadline.due), "status": d.status, "workdays_left": d.workdays_left,
            "workdays_overdue": d.workdays_overdue, "done_on": iso(d.done_on), "text": d.describe(),
            "basis": d.deadline.basis}


def _cn(day: date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else "（未定）"


def render_status(status) -> str:
    """What a legal staffer reads: state, each round, time limits, warnings, what to do next."""
    case = status.case
    r = status.rounds[-1]
    lines = [f"案件 {status.case_id}：{case.packet.title}",
             f"状态：{status.state_label}（第 {r.number} 轮）"]
    if status.missing:
        lines.append("待补正的材料：" + "、".join(m.name for m in status.missing))
    lines.append("经过：")
    for rnd in status.rounds:
        lines.extend(f"  {line}" for line in _round_lines(rnd))
    if case.decided_on:
        number = f"，文号 {case.decision_number}" if case.decision_number else ""
        lines.append(f"  {_cn(case.decided_on)} 作出决定{number}")
    if case.transferred_on:
        lines.append(f"  {_cn(case.transferred_on)} 移送{case.transferred_to}")
    if case.published_on:
        lines.append(f"  {_cn(case.published_on)} 在{case.published_channel}公示")
    if status.deadlines:
        lines.append("期限：")
        lines.extend(f"  {d.describe()}" for d in status.deadlines)
    for warning in status.warnings:
        lines.append(f"注意：{warning}")
    if status.allowed:
        lines.append("下一步：")
        for step in status.allowed:
            _, usage = COMMANDS[step]
            lines.append(f"  {NEXT_HINTS[step]}：{usage.format(case=status.case_id)}")
    else:
        lines.append("流程已结束。")
    return "\n".join(lines) + "\n"


def _round_lines(r) -> list[str]:
    head = f"第 {r.number} 轮：{_cn(r.submitted_on)} 送审"
    if r.started_on:
        head += f"，{_cn(r.started_on)} 起算审核期限（{_cn(r.review_due)} 届满"
        head += f"，经批准延长 {r.extended_by} 个工作日）" if r.extended_by else "）"
    elif r.missing:
        head += "，材料不全待补正"
    out = [head]
    if r.opinion is not None:
        ids = "、".join(f.rule_id for f in r.opinion.findings) or "未发现问题"
        out.append(f"  {_cn(r.opinion_on)} 审核意见：{OUTCOME_LABELS.get(r.outcome, r.outcome)}（{ids}）")
        if r.override_reason:
            out.append(f"    审核人员改定结论，理由：{r.override_reason}")
    if r.objection:
        out.append(f"  承办机构异议：{'、'.join(d['rule_id'] for d in r.objection)}")
    for c in r.concessions:
        out.append(f"  协商一致：{c.rule_id}，{c.conceded_by_label}让步，{c.resolution}")
    if r.escalation is not None:
        out.append(f"  {_cn(r.escalation.escalated_on)} 报请负责人决定：{'、'.join(d.rule_id for d in r.escalation.disputes)}")
    if r.head_decision is not None:
        d = r.head_decision
        discussed = f"，经 {_cn(d.collective_discussion_on)} 集体讨论" if d.collective_discussion_on else ""
        out.append(f"  {_cn(d.decided_on)} 负责人{d.decided_by}决定{discussed}：{d.choice_label}（理由：{d.reason}）")
    if r.opinion is not None and r.effective_outcome != r.outcome:
        out.append(f"  本轮审核意见现为：{OUTCOME_LABELS.get(r.effective_outcome, '')}")
    return out


def render_note(note) -> list[str]:
    """The escalation note as the head reads it: each dispute with both sides, what was settled, the options."""
    lines = [f"已报请负责人决定（第 {note.round} 轮，{_cn(note.escalated_on)}）：意见分歧情况说明",
             f"  拟作出的决定：{note.proposed_decision}；当事人：{note.party}",
             f"  法制审核意见：{note.outcome_label or note.outcome}",
             "未能达成一致的事项："]
    for i, d in enumerate(note.disputes, start=1):
        lines.append(f"  {i}. {d.rule_id} {d.title}")
        lines.append(f"     法制审核机构意见：{d.reviewer_position}")
        for c in d.reviewer_citations:
            lines.append(f"       依据：《{c.law}》{c.article}{c.clause or ''}" + (f"：{c.text}" if c.text else ""))
        lines.append(f"     承办机构意见：{d.unit_reasons}")
        lines.append(f"       依据：{d.unit_basis}")
    if note.settled:
        lines.append("经协商已达成一致的事项：")
        lines += [f"  {c.rule_id} {c.title}：{c.conceded_by_label}让步，{c.resolution}" for c in note.settled]
    if note.deadlines:
        lines.append("正在计算的期限：")
        lines += [f"  {d.label}：{d.status}" for d in note.deadlines]
    lines.append("请负责人选择：")
    lines += [f"  {o.key}：{o.label}" + (f"（{o.basis}）" if o.basis else "") for o in note.options]
    return lines
