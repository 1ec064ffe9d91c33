"""Chinese steps for the review flow's scenarios (features/flow_*.feature).

A scenario starts from a packet with the step library's own steps
(tests/bdd_steps.py: 以干净的处罚案卷为基础, 将“…”设为 …, 案卷文书为：…),
then walks the case through the register: 承办机构于 日期 送审, 法制审核机构于
日期 出具审核意见, … Each action may be written as 假如 (history leading up
to what is tested) or 当 (the step under test). Every scenario gets a fresh
SQLite register in its own tmp_path.

A refused step is kept, not raised, so that 那么 被拒绝，提示含“…” can read
it; any other step that follows an unread refusal fails, and so does the
scenario's end, so a refusal is never passed over silently.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest
from pytest_bdd import given, parsers, then, when

import review
from review import flow
from review.escalation import SIDE_LABELS
from review.register import Register
from review.result import OUTCOME_LABELS

from bdd_steps import _close, q

DAY = r"(?P<{}>\d{{4}}-\d{{2}}-\d{{2}})"


def day(name: str) -> str:
    return DAY.format(name)


@pytest.fixture
def flow_register(ctx, tmp_path):
    """A fresh register per scenario; at the end, no refusal may be left unread."""
    path = tmp_path / "review-register.sqlite"
    register = Register(f"sqlite:///{path}")
    ctx["register_path"] = path
    yield register
    register.dispose()
    pending = ctx.get("refused")
    if pending is not None:
        pytest.fail(f"场景结束时仍有未核对的拒绝：{pending}（请写“那么 被拒绝，提示含“…””）")


def _unread_refusal(ctx) -> None:
    pending, ctx["refused"] = ctx.get("refused"), None  # reported once, not again at the scenario's end
    if pending is not None:
        raise AssertionError(f"上一步被拒绝：{pending}")


def _head(register: Register) -> tuple[int, str]:
    v = register.verify()
    return v.head_seq, v.head_hash


def _act(ctx, register: Register, call) -> None:
    """Run one flow step; a refusal or bad input is kept for the next 那么, with the register's head before it."""
    _unread_refusal(ctx)
    ctx["head_before"] = _head(register)
    try:
        returned = call()
    except review.ReviewError as error:
        ctx["refused"] = error
        return
    ctx["returned"] = returned


def _case_id(ctx) -> str:
    if ctx.get("case_id") is None:
        raise AssertionError("案件尚未送审：请先写“承办机构于 日期 送审”")
    return ctx["case_id"]


def _state(ctx, register: Register):
    _unread_refusal(ctx)
    return flow.replay(register.history(_case_id(ctx)))


def _round(ctx, register: Register, number: int | None = None):
    state = _state(ctx, register)
    if number is None:
        return state.current_round
    if not 1 <= number <= len(state.rounds):
        raise AssertionError(f"没有第 {number} 轮：本案共 {len(state.rounds)} 轮送审")
    return state.rounds[number - 1]


def _packet(ctx):
    if ctx.get("packet") is None:
        raise AssertionError("还没有案卷：请先写“以干净的处罚案卷为基础”或“以示例案卷“…”为基础”")
    return ctx["packet"]


def _d(text: str) -> date:
    return date.fromisoformat(text)


# ---------------------------------------------------------------- actions (假如 or 当)


@given(parsers.re(f"承办机构于 ?{day('on')} ?送审"))
@when(parsers.re(f"承办机构于 ?{day('on')} ?送审"))
def submit(ctx, flow_register, on):
    packet = _packet(ctx)
    ctx["case_id"] = packet["case_id"]
    _act(ctx, flow_register, lambda: flow.submit(flow_register, packet, on=_d(on), profile=ctx.get("profile"),
                                                 actor="承办机构"))


@given(parsers.re(f"承办机构于 ?{day('on')} ?补正材料"))
@when(parsers.re(f"承办机构于 ?{day('on')} ?补正材料"))
def supplement(ctx, flow_register, on):
    _act(ctx, flow_register, lambda: flow.supplement(flow_register, _case_id(ctx), _packet(ctx), on=_d(on),
                                                     actor="承办机构"))


@given(parsers.re(f"承办机构于 ?{day('on')} ?重新送审"))
@when(parsers.re(f"承办机构于 ?{day('on')} ?重新送审"))
def resubmit(ctx, flow_register, on):
    _act(ctx, flow_register, lambda: flow.resubmit(flow_register, _case_id(ctx), _packet(ctx), on=_d(on),
                                                   actor="承办机构"))


@given(parsers.re(f"负责人于 ?{day('on')} ?批准延长审核期限"))
@when(parsers.re(f"负责人于 ?{day('on')} ?批准延长审核期限"))
def extend(ctx, flow_register, on):
    _act(ctx, flow_register, lambda: flow.extend(flow_register, _case_id(ctx), on=_d(on), approved_by="负责人",
                                                 reason="案情复杂，需要进一步核实证据", actor="法制审核机构"))


@given(parsers.re(f"法制审核机构于 ?{day('on')} ?出具审核意见"))
@when(parsers.re(f"法制审核机构于 ?{day('on')} ?出具审核意见"))
def issue_opinion(ctx, flow_register, on):
    _act(ctx, flow_register, lambda: flow.issue_opinion(flow_register, _case_id(ctx), on=_d(on), actor="法制审核机构"))


def _table(datatable, columns: dict[str, str]) -> list[dict]:
    """Rows of a table whose header names the columns in Chinese (问题 / 理由 / 依据 …)."""
    if not datatable or len(datatable) < 2:
        raise AssertionError(f"表格应有表头行（{'、'.join(columns)}）和至少一行数据")
    header = [h.strip() for h in datatable[0]]
    for h in header:
        if h not in columns:
            raise AssertionError(f"表格列“{h}”不认识，应为：{'、'.join(columns)}{_close(h, columns)}")
    return [{columns[h]: cell.strip() for h, cell in zip(header, row)} for row in datatable[1:]]


@given(parsers.re(f"承办机构于 ?{day('on')} ?提出异议[：:]"))
@when(parsers.re(f"承办机构于 ?{day('on')} ?提出异议[：:]"))
def object_to(ctx, flow_register, on, datatable):
    disputes = _table(datatable, {"问题": "rule_id", "理由": "reasons", "依据": "basis"})
    ctx["disputes"] = {d["rule_id"]: d for d in disputes}
    _act(ctx, flow_register, lambda: flow.object_to(flow_register, _case_id(ctx), disputes, on=_d(on),
                                                    actor="承办机构"))


_SIDES = {label: side for side, label in SIDE_LABELS.items()} | {"法制审核机构": "reviewer", "承办机构": "unit"}


@given(parsers.re(f"双方于 ?{day('on')} ?协商一致[：:]"))
@when(parsers.re(f"双方于 ?{day('on')} ?协商一致[：:]"))
def negotiate(ctx, flow_register, on, datatable):
    rows = _table(datatable, {"问题": "rule_id", "让步一方": "conceded_by", "结果": "resolution"})
    for row in rows:
        if row["conceded_by"] not in _SIDES:
            raise AssertionError(f"让步一方“{row['conceded_by']}”应为：法制审核机构、承办机构")
        row["conceded_by"] = _SIDES[row["conceded_by"]]
    _act(ctx, flow_register, lambda: flow.negotiate(flow_register, _case_id(ctx), rows, on=_d(on), actor="法制审核机构"))


@given(parsers.re(f"于 ?{day('on')} ?报请负责人决定"))
@when(parsers.re(f"于 ?{day('on')} ?报请负责人决定"))
def escalate(ctx, flow_register, on):
    _act(ctx, flow_register, lambda: flow.escalate(flow_register, _case_id(ctx), on=_d(on), actor="法制审核机构"))


_CHOICES = {"采纳法制审核意见": "adopt_reviewer", "采纳承办机构意见": "adopt_unit"}


@given(parsers.re(f"负责人{q('head')}于 ?{day('on')} ?(经 ?{day('discussed')} ?集体讨论)?决定{q('choice')}，理由{q('reason')}"))
@when(parsers.re(f"负责人{q('head')}于 ?{day('on')} ?(经 ?{day('discussed')} ?集体讨论)?决定{q('choice')}，理由{q('reason')}"))
def head_decide(ctx, flow_register, head, on, discussed, choice, reason):
    if choice not in _CHOICES:
        raise AssertionError(f"负责人的决定“{choice}”应为：{'、'.join(_CHOICES)}")
    _act(ctx, flow_register, lambda: flow.head_decide(
        flow_register, _case_id(ctx), choice=_CHOICES[choice], reason=reason, on=_d(on), decided_by=head,
        collective_discussion_on=_d(discussed) if discussed else None, actor="法制审核机构"))


@given(parsers.re(f"于 ?{day('on')} ?作出决定"))
@when(parsers.re(f"于 ?{day('on')} ?作出决定"))
def decide(ctx, flow_register, on):
    _act(ctx, flow_register, lambda: flow.decide(flow_register, _case_id(ctx), on=_d(on), actor="承办机构"))


@when(parsers.re(r"有人绕过程序直接在数据库中把第 ?(?P<seq>\d+) ?号记录的业务日期改为 ?" + day("on")))
def tamper(ctx, flow_register, seq, on):
    """Backdating an entry in SQL (say, to hide a late review): the row changes, its stored hash does not."""
    _unread_refusal(ctx)
    flow_register.dispose()
    with sqlite3.connect(ctx["register_path"]) as db:
        row = db.execute("SELECT payload FROM register_entries WHERE seq = ?", (int(seq),)).fetchone()
        if row is None:
            raise AssertionError(f"登记簿中没有第 {seq} 号记录")
        payload = json.loads(row[0])
        assert "on" in payload, f"第 {seq} 号记录没有业务日期：{payload}"
        payload["on"] = on
        db.execute("UPDATE register_entries SET payload = ? WHERE seq = ?",
                   (json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":")), int(seq)))


@when("校验登记簿")
def verify(ctx, flow_register):
    _unread_refusal(ctx)
    ctx["verification"] = flow_register.verify()


# ---------------------------------------------------------------- outcomes (那么)


@then(parsers.re(f"被拒绝，提示含{q('text')}"))
def refused(ctx, text):
    error = ctx.get("refused")
    assert error is not None, "上一步没有被拒绝"
    ctx["refused"] = None
    assert text in str(error), f"提示为：{error}"


@then("登记簿没有新增记录")
def nothing_written(ctx, flow_register):
    _unread_refusal(ctx)
    assert _head(flow_register) == ctx["head_before"], "被拒绝的一步仍写入了登记簿"


_STATES = {s.label: s for s in flow.CaseStateName} | {s.value: s for s in flow.CaseStateName}


@then(parsers.re(f"案件状态为{q('label')}"))
def state_is(ctx, flow_register, label):
    if label not in _STATES:
        raise AssertionError(f"没有状态“{label}”，应为：{'、'.join(s.label for s in flow.CaseStateName)}")
    state = _state(ctx, flow_register)
    assert state.state == _STATES[label], f"案件状态为“{state.state.label}”"


@then(parsers.re(r"补正材料通知一次列明[：:]"))
def notice_lists(ctx, flow_register, datatable):
    """One notice per intake, listing every missing material (domain.md flow 2)."""
    expected = [row[0].strip() for row in datatable[1:]] if datatable[0][0].strip() == "材料" else \
        [row[0].strip() for row in datatable]
    _unread_refusal(ctx)
    entries = flow_register.history(_case_id(ctx))
    notices = [e for e in entries if e.kind == "intake_notice"]
    assert len(notices) == 1, f"应有一份补正材料通知，登记簿中有 {len(notices)} 份"
    listed = [m["name"] for m in notices[0].payload["missing"]]
    assert sorted(listed) == sorted(expected), f"通知列明的材料为：{'、'.join(listed) or '无'}"


@then("审核期限尚未起算")
def clock_not_started(ctx, flow_register):
    r = _round(ctx, flow_register)
    assert r.started_on is None and r.review_due is None, f"审核期限已自 {r.started_on} 起算"


@then(parsers.re(f"审核期限自 ?{day('start')} ?起算，于 ?{day('due')} ?届满"))
def clock(ctx, flow_register, start, due):
    r = _round(ctx, flow_register)
    assert (r.started_on, r.review_due) == (_d(start), _d(due)), \
        f"审核期限自 {r.started_on} 起算，于 {r.review_due} 届满"


_DUE_WORDS = {"尚余": "pending", "已逾期": "overdue"}


@then(parsers.re(f"于 ?{day('today')} ?查看，(?P<label>[^，]+)(?P<word>尚余|已逾期) ?(?P<n>\\d+) ?个工作日"))
def due_days(ctx, flow_register, today, label, word, n):
    found = _deadline(ctx, flow_register, today, label)
    status = _DUE_WORDS[word]
    days = found.workdays_left if status == "pending" else found.workdays_overdue
    assert (found.status, days) == (status, int(n)), f"{found.describe()}（{found.status}）"


@then(parsers.re(f"于 ?{day('today')} ?查看，(?P<label>[^，]+)今日届满"))
def due_today(ctx, flow_register, today, label):
    found = _deadline(ctx, flow_register, today, label)
    assert found.status == "due_today", f"{found.describe()}（{found.status}）"


def _deadline(ctx, register, today: str, label: str):
    _unread_refusal(ctx)
    status = flow.status(register, _case_id(ctx), today=_d(today))
    matches = [d for d in status.deadlines if d.deadline.label == label]
    if not matches:
        raise AssertionError(f"没有期限“{label}”；有：{'、'.join(d.deadline.label for d in status.deadlines) or '无'}")
    return matches[-1]


@then(parsers.re(r"共 ?(?P<n>\d+) ?轮送审"))
def rounds(ctx, flow_register, n):
    state = _state(ctx, flow_register)
    assert len(state.rounds) == int(n), f"共 {len(state.rounds)} 轮送审"


def _outcome_code(outcome: str) -> str:
    codes = {v: k for k, v in OUTCOME_LABELS.items()} | {k: k for k in OUTCOME_LABELS}
    if outcome not in codes:
        raise AssertionError(f"未知的审核结论“{outcome}”，应为：{'、'.join(OUTCOME_LABELS.values())}")
    return codes[outcome]


@then(parsers.re(f"第 ?(?P<n>\\d+) ?轮的审核结论为{q('outcome')}"))
def round_outcome(ctx, flow_register, n, outcome):
    r = _round(ctx, flow_register, int(n))
    assert r.outcome == _outcome_code(outcome), f"第 {n} 轮的审核结论为 {OUTCOME_LABELS.get(r.outcome, r.outcome)}"


@then(parsers.re(f"第 ?(?P<n>\\d+) ?轮的审核意见列出{q('rule_id')}"))
def round_lists(ctx, flow_register, n, rule_id):
    r = _round(ctx, flow_register, int(n))
    found = [f.rule_id for f in r.opinion.findings] if r.opinion else []
    assert rule_id in found, f"第 {n} 轮的审核意见列出：{'、'.join(found) or '无'}"


@then(parsers.re(f"本轮审核意见现为{q('outcome')}"))
def effective_outcome(ctx, flow_register, outcome):
    r = _round(ctx, flow_register)
    assert r.effective_outcome == _outcome_code(outcome), \
        f"本轮审核意见现为 {OUTCOME_LABELS.get(r.effective_outcome, r.effective_outcome)}"


@then(parsers.re(f"下一步可以{q('step')}"))
def allowed(ctx, flow_register, step):
    state = _state(ctx, flow_register)
    labels = [flow.STEP_LABELS[s] for s in state.allowed]
    assert step in labels, f"下一步可以：{'、'.join(labels) or '无'}"


def _note(ctx, flow_register):
    r = _round(ctx, flow_register)
    assert r.escalation is not None, "本轮尚未报请负责人决定"
    return r


@then(parsers.re(f"意见分歧说明并列双方对{q('rule_id')}的意见"))
def note_dispute(ctx, flow_register, rule_id):
    """Both sides go to the head together (seed 003): the reviewer's finding with its law, the unit's reasons and basis."""
    r = _note(ctx, flow_register)
    disputes = {d.rule_id: d for d in r.escalation.disputes}
    assert rule_id in disputes, f"意见分歧说明列出的分歧：{'、'.join(disputes) or '无'}"
    d = disputes[rule_id]
    finding = next(f for f in r.opinion.findings if f.rule_id == rule_id)
    assert finding.message in d.reviewer_position, f"法制审核机构意见为：{d.reviewer_position}"
    assert [c.text for c in d.reviewer_citations] == [c.text for c in finding.citations] and d.reviewer_citations
    entered = ctx["disputes"][rule_id]
    assert (d.unit_reasons, d.unit_basis) == (entered["reasons"], entered["basis"]), \
        f"承办机构意见为：{d.unit_reasons}；依据：{d.unit_basis}"


@then(parsers.re(f"意见分歧说明只列{q('rule_id')}一项分歧"))
def note_only(ctx, flow_register, rule_id):
    r = _note(ctx, flow_register)
    assert [d.rule_id for d in r.escalation.disputes] == [rule_id]


@then(parsers.re(f"意见分歧说明列明已协商一致的{q('rule_id')}，由{q('side')}让步"))
def note_settled(ctx, flow_register, rule_id, side):
    r = _note(ctx, flow_register)
    settled = {c.rule_id: c for c in r.escalation.settled}
    assert rule_id in settled, f"已协商一致的事项：{'、'.join(settled) or '无'}"
    assert settled[rule_id].conceded_by == _SIDES[side], f"由{settled[rule_id].conceded_by_label}让步"


@then(parsers.re(f"意见分歧说明写明应当集体讨论决定"))
def note_collective_required(ctx, flow_register):
    # 行政处罚法第五十七条第一款：对情节复杂或者重大违法行为给予行政处罚，行政机关负责人应当集体讨论决定。
    note = _note(ctx, flow_register).escalation
    option = note.option("collective_discussion")
    assert note.collective_discussion_required and option.required, f"集体讨论选项为：{option.label}"
    assert "第五十七条" in option.basis and "应当集体讨论决定" in option.basis, option.basis
    assert {o.key for o in note.options} == {"adopt_reviewer", "adopt_unit", "collective_discussion"}


@then(parsers.re(f"负责人的决定记为{q('choice')}，经 ?{day('discussed')} ?集体讨论"))
def head_recorded(ctx, flow_register, choice, discussed):
    r = _round(ctx, flow_register)
    d = r.head_decision
    assert d is not None, "负责人尚未决定"
    assert (d.choice, d.collective_discussion_on) == (_CHOICES[choice], _d(discussed)), \
        f"负责人的决定为 {d.choice_label}，集体讨论日期 {d.collective_discussion_on}"
    assert r.escalation.head_decision == d, "意见分歧说明未附负责人的决定"


@then(parsers.re(f"校验发现第 ?(?P<seq>\\d+) ?号记录（案件{q('case')}）内容被修改"))
def tamper_found(ctx, seq, case):
    v = ctx.get("verification")
    assert v is not None, "尚未校验登记簿：请先写“当 校验登记簿”"
    assert not v.ok, "校验未发现问题"
    assert [(p.seq, p.case_id) for p in v.problems] == [(int(seq), case)], "；".join(str(p) for p in v.problems)
    assert "内容被修改" in v.problems[0].message, str(v.problems[0])
