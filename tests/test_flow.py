"""The review flow: replay, every transition allowed and refused, the Art. 58 gate, disagreement.

Each test uses a fresh SQLite register in tmp_path. Packets: the clean
penalty (no rule fires → 同意) and example 03 (four defects → 建议修改后再送审:
C02-CERT-EXPIRED, C04-EVIDENCE-UNSIGNED, C09-DOCUMENT-UNSIGNED, C12-NO-PLAN).
"""

from __future__ import annotations

import copy
import threading
from datetime import date
from functools import lru_cache

import pytest
import yaml

import review
from review import flow
from review.documents import MissingMaterial as DocumentsMissingMaterial
from review.documents import escalation_view
from review.errors import ReviewInputError, TransitionRefused
from review.escalation import EscalationNote
from review.flow import CaseStateName as S
from review.register import CaseTx, Register

from conftest import EXAMPLES, clean

REVISE_FINDINGS = {"C02-CERT-EXPIRED", "C04-EVIDENCE-UNSIGNED", "C09-DOCUMENT-UNSIGNED", "C12-NO-PLAN"}
CLEAN_CASE = "长市监罚〔2025〕101号"
REVISE_CASE = "衡文执罚〔2025〕23号"

# 行政处罚法（2021）第四十二条第一款, the citation of C02-CERT-EXPIRED.
ART_42 = "行政处罚应当由具有行政执法资格的执法人员实施。执法人员不得少于两人，法律另有规定的除外。"
# 行政处罚法（2021）第五十七条第一款.
ART_57 = "对情节复杂或者重大违法行为给予行政处罚，行政机关负责人应当集体讨论决定。"

D = date  # short


@lru_cache(maxsize=None)
def _example(name: str) -> dict:
    return yaml.safe_load((EXAMPLES / name).read_text(encoding="utf-8"))


def revise_packet() -> dict:
    return copy.deepcopy(_example("03_revise_penalty_organisation.yaml"))


def revised_packet() -> dict:
    """Example 03 with its four defects corrected, as the unit would resubmit it."""
    p = revise_packet()
    p["officers"][1]["valid_until"] = "2027-12-31"  # C02: a renewed certificate
    for e in p["evidence"]:
        e["signed"] = True  # C04
    for d in p["documents"]:
        d["signed"] = True  # C09
    p["publication"] = {"planned": True, "planned_date": "2025-04-18", "redaction_done": True,
                        "channel": "衡阳市文化旅游广电体育局门户网站"}  # C12
    return p


@pytest.fixture
def reg(tmp_path):
    register = Register(f"sqlite:///{tmp_path / 'register.sqlite'}")
    yield register
    register.dispose()


def n(register, case_id):
    return len(register.history(case_id))


def disputes_all(rule_ids=REVISE_FINDINGS):
    return [{"rule_id": r, "reasons": f"承办机构认为{r}所指问题不存在", "basis": "案卷第3页证据"} for r in sorted(rule_ids)]


# ---------------------------------------------------------------- reaching each state

def _missing(monkeypatch):
    """Make intake report one missing material (the real list is review/materials.py's job)."""
    monkeypatch.setattr(flow, "_missing_materials",
                        lambda packet, profile: [] if packet.notes == "补齐" else
                        [DocumentsMissingMaterial("听证笔录", "须经当事人签名", "行政处罚法第六十四条")])


def reach(reg, state: str, monkeypatch) -> str:
    """Bring a fresh case to `state` through the public steps; returns the case id."""
    if state == "incomplete":
        _missing(monkeypatch)
        flow.submit(reg, clean(), on=D(2025, 4, 25))
        return CLEAN_CASE
    if state in ("approved", "decided", "published"):
        flow.submit(reg, clean(), on=D(2025, 4, 25))
        flow.issue_opinion(reg, CLEAN_CASE, on=D(2025, 4, 28))
        if state in ("decided", "published"):
            flow.decide(reg, CLEAN_CASE, on=D(2025, 5, 9), decision_number="长市监罚决〔2025〕101号")
        if state == "published":
            flow.publish(reg, CLEAN_CASE, on=D(2025, 5, 14), channel="长治市市场监督管理局门户网站")
        return CLEAN_CASE
    if state in ("transfer_opinion", "transferred"):
        flow.submit(reg, clean(), on=D(2025, 4, 25))
        flow.issue_opinion(reg, CLEAN_CASE, on=D(2025, 4, 28), outcome="transfer", reason="涉案金额可能达到追诉标准")
        if state == "transferred":
            flow.transfer(reg, CLEAN_CASE, on=D(2025, 4, 29), to="长治市公安局潞州分局")
        return CLEAN_CASE
    flow.submit(reg, revise_packet(), on=D(2025, 4, 1))
    if state == "under_review":
        return REVISE_CASE
    flow.issue_opinion(reg, REVISE_CASE, on=D(2025, 4, 3))
    if state == "opinion_issued":
        return REVISE_CASE
    flow.object_to(reg, REVISE_CASE, disputes_all({"C02-CERT-EXPIRED", "C12-NO-PLAN"}), on=D(2025, 4, 7))
    if state == "in_negotiation":
        return REVISE_CASE
    flow.escalate(reg, REVISE_CASE, on=D(2025, 4, 8))
    if state == "escalated":
        return REVISE_CASE
    flow.head_decide(reg, REVISE_CASE, choice="adopt_reviewer", reason="证件确已过期", on=D(2025, 4, 9),
                     decided_by="局长 周某")
    assert state == "head_decided"
    return REVISE_CASE


# Every step, called with arguments that would be valid in the right state.
LATE = D(2025, 6, 30)
STEPS = {
    "submit": lambda reg, c: flow.submit(reg, clean() if c == CLEAN_CASE else revise_packet(), on=LATE),
    "supplement": lambda reg, c: flow.supplement(reg, c, clean() if c == CLEAN_CASE else revise_packet(), on=LATE),
    "extend": lambda reg, c: flow.extend(reg, c, on=D(2025, 4, 2), approved_by="局长 周某", reason="案情复杂"),
    "issue_opinion": lambda reg, c: flow.issue_opinion(reg, c, on=LATE),
    "resubmit": lambda reg, c: flow.resubmit(reg, c, clean() if c == CLEAN_CASE else revised_packet(), on=LATE),
    "object_to": lambda reg, c: flow.object_to(reg, c, disputes_all({"C02-CERT-EXPIRED"}), on=LATE),
    "negotiate": lambda reg, c: flow.negotiate(
        reg, c, [{"rule_id": "C02-CERT-EXPIRED", "conceded_by": "unit", "resolution": "更换执法人员"}], on=LATE),
    "escalate": lambda reg, c: flow.escalate(reg, c, on=LATE),
    "head_decide": lambda reg, c: flow.head_decide(reg, c, choice="adopt_unit", reason="理由", on=LATE,
                                                   decided_by="局长 周某"),
    "decide": lambda reg, c: flow.decide(reg, c, on=LATE),
    "transfer": lambda reg, c: flow.transfer(reg, c, on=LATE, to="公安机关"),
    "publish": lambda reg, c: flow.publish(reg, c, on=LATE, channel="门户网站"),
}

# What may follow each state (flow_spec.md section 4), written out by hand.
ALLOWED = {
    "incomplete": {"supplement"},
    "under_review": {"issue_opinion", "extend"},
    "opinion_issued": {"resubmit", "object_to"},  # 建议修改后再送审
    "approved": {"decide"},  # opinion 同意
    "transfer_opinion": {"transfer", "object_to"},
    "in_negotiation": {"negotiate", "escalate"},
    "escalated": {"head_decide"},
    "head_decided": {"resubmit"},  # head adopted the reviewer's 建议修改
    "decided": {"publish"},  # publication runs from the decision (国办发〔2018〕118号)
    "published": set(),
    "transferred": set(),
}
RESTING = {"approved": "opinion_issued", "transfer_opinion": "opinion_issued", "published": "decided"}


@pytest.mark.parametrize("state", sorted(ALLOWED))
def test_every_step_not_allowed_is_refused_and_writes_nothing(reg, state, monkeypatch):
    case = reach(reg, state, monkeypatch)
    before = reg.history(case)
    current = flow.replay(before)
    assert current.state.value == RESTING.get(state, state)
    assert set(current.allowed) == ALLOWED[state]
    for step, call in STEPS.items():
        if step in ALLOWED[state]:
            continue
        with pytest.raises(TransitionRefused) as refused:
            call(reg, case)
        message = str(refused.value)
        assert case in message and current.state.label in message, (step, message)
        for allowed in ALLOWED[state]:
            assert flow.STEP_LABELS[allowed] in message, (step, message)
        if not ALLOWED[state]:
            assert "流程已结束" in message
        assert reg.history(case) == before, f"{step} wrote something in {state}"
    assert reg.verify().ok


# (state reached, step, state after)
TRANSITIONS = [
    ("incomplete", "supplement", "under_review"),
    ("under_review", "extend", "under_review"),
    ("under_review", "issue_opinion", "opinion_issued"),
    ("opinion_issued", "resubmit", "under_review"),
    ("opinion_issued", "object_to", "in_negotiation"),
    ("approved", "decide", "decided"),
    ("transfer_opinion", "transfer", "transferred"),
    ("transfer_opinion", "object_to", "in_negotiation"),
    ("in_negotiation", "negotiate", "opinion_issued"),  # the only dispute settled
    ("in_negotiation", "escalate", "escalated"),
    ("escalated", "head_decide", "head_decided"),
    ("head_decided", "resubmit", "under_review"),
    ("decided", "publish", "decided"),
]


@pytest.mark.parametrize("state,step,after", TRANSITIONS)
def test_every_allowed_step(reg, state, step, after, monkeypatch):
    case = reach(reg, state, monkeypatch)
    if state == "incomplete":
        monkeypatch.setattr(flow, "_missing_materials", lambda packet, profile: [])
    if step == "negotiate":  # the case in negotiation disputes two findings; settle both
        flow.negotiate(reg, case, [{"rule_id": "C12-NO-PLAN", "conceded_by": "unit", "resolution": "补充公示安排"}],
                       on=LATE)
    if state == "transfer_opinion" and step == "object_to":
        before = n(reg, case)
        with pytest.raises(ReviewInputError):  # the transfer opinion has no finding C02-CERT-EXPIRED
            STEPS[step](reg, case)
        assert n(reg, case) == before
        return
    before = n(reg, case)
    result = STEPS[step](reg, case)
    state_after = flow.replay(reg.history(case))
    assert state_after.state.value == after
    assert n(reg, case) > before
    if step != "escalate":
        assert result.state == state_after.state
    assert all(e.payload["on"] for e in reg.history(case))  # every payload carries its business date


# ---------------------------------------------------------------- replay


def test_replay_is_pure_and_repeatable(reg, monkeypatch):
    case = reach(reg, "escalated", monkeypatch)
    entries = reg.history(case)
    as_dicts = [e.to_dict() for e in entries]
    first, second = flow.replay(entries), flow.replay(as_dicts)
    assert first.state == second.state == S.escalated
    assert [r.to_dict() for r in first.rounds] == [r.to_dict() for r in second.rounds]
    assert [e.to_dict() for e in entries] == as_dicts  # entries not mutated
    assert flow.replay([]) is None
    # A prefix of the history is the state at that point.
    assert flow.replay(entries[:2]).state == S.under_review
    assert flow.replay(entries[:3]).state == S.opinion_issued


def test_replay_rejects_an_impossible_history(reg, monkeypatch):
    case = reach(reg, "opinion_issued", monkeypatch)
    entries = [e.to_dict() for e in reg.history(case)]
    decided = {"seq": 99, "case_id": case, "kind": "decided", "payload": {"on": "2025-04-04"}}
    with pytest.raises(flow.HistoryError, match="第 99 号记录"):
        flow.replay(entries + [decided])  # a decision after 建议修改 cannot have been written
    with pytest.raises(flow.HistoryError, match="尚未送审"):
        flow.replay(entries[1:])  # no submission
    with pytest.raises(flow.HistoryError):
        flow.replay(entries + [entries[2]])  # a second opinion in the same round


# ---------------------------------------------------------------- intake and clock


def test_incomplete_intake_then_supplement_starts_the_clock(reg, monkeypatch):
    _missing(monkeypatch)
    state = flow.submit(reg, clean(), on=D(2025, 4, 25))
    assert state.state == S.incomplete
    assert [m.name for m in state.missing] == ["听证笔录"]
    assert state.review_due is None  # clock not started
    kinds = [e.kind for e in reg.history(CLEAN_CASE)]
    assert kinds == ["submitted", "intake_notice"]
    assert reg.history(CLEAN_CASE)[1].payload["missing"][0]["name"] == "听证笔录"
    still = flow.supplement(reg, CLEAN_CASE, clean(), on=D(2025, 4, 28))
    assert still.state == S.incomplete
    fixed = clean()
    fixed["notes"] = "补齐"
    state = flow.supplement(reg, CLEAN_CASE, fixed, on=D(2025, 9, 26))
    assert state.state == S.under_review
    assert state.current_round.started_on == D(2025, 9, 26)
    # 5 working days from Fri 26 Sep 2025 (Art. 85 working days; 2025 National Day notice:
    # 1-8 Oct off, Sun 28 Sep and Sat 11 Oct worked): 28 Sep, 29, 30, 9 Oct, 10 Oct.
    assert state.review_due == D(2025, 10, 10)


def test_intake_lists_every_missing_material_at_once(reg):
    # Seed 003 / domain.md flow 2: an incomplete packet gets ONE notice listing everything missing.
    packet = clean()
    packet["documents"] = [d for d in packet["documents"] if d["name"] != "调查终结报告"]
    next(d for d in packet["documents"] if d["name"] == "送达回证")["signed"] = False
    state = flow.submit(reg, packet, on=D(2025, 4, 25))
    assert state.state == S.incomplete and state.review_due is None
    [notice] = [e for e in reg.history(CLEAN_CASE) if e.kind == "intake_notice"]
    assert [m["name"] for m in notice.payload["missing"]] == ["调查终结报告", "送达回证"]
    assert "未签名" in notice.payload["missing"][1]["requirement"]
    packet["documents"].append({"name": "调查终结报告"})
    state = flow.supplement(reg, CLEAN_CASE, packet, on=D(2025, 4, 28))
    assert state.state == S.incomplete and [m.name for m in state.missing] == ["送达回证"]
    state = flow.supplement(reg, CLEAN_CASE, clean(), on=D(2025, 4, 29))
    assert state.state == S.under_review and state.missing == []
    # Clock from 29 Apr 2025: 30 Apr, then 1-5 May off (2025 notice), 6, 7, 8, 9 May.
    assert state.current_round.started_on == D(2025, 4, 29) and state.review_due == D(2025, 5, 9)


def test_submission_refused_before_investigation_ends(reg):
    packet = clean()
    del packet["timeline"]["investigation_end"]
    packet["timeline"].pop("notice_of_intent")  # keep the timeline consistent
    with pytest.raises(TransitionRefused, match="调查"):
        flow.submit(reg, packet, on=D(2025, 4, 25))
    assert reg.case_ids() == []


def test_extension_once_by_the_profile_days(reg, monkeypatch):
    flow.submit(reg, revise_packet(), on=D(2025, 9, 26))
    with pytest.raises(ReviewInputError, match="批准人"):
        flow.extend(reg, REVISE_CASE, on=D(2025, 9, 29), approved_by=" ", reason="案情复杂")
    state = flow.extend(reg, REVISE_CASE, on=D(2025, 9, 29), approved_by="局长 周某", reason="涉及多个法律关系")
    # national (inherited by hengyang_culture): review_extension_days 3. The 5 working days
    # from Fri 26 Sep ran to 10 Oct (2025 National Day: 1-8 Oct off, Sun 28 Sep worked);
    # three more: Sat 11 Oct (worked), Mon 13, Tue 14 Oct.
    assert state.extended_by == 3
    assert state.review_due == D(2025, 10, 14)
    before = n(reg, REVISE_CASE)
    with pytest.raises(TransitionRefused, match="已于 2025-09-29 延长过一次"):
        flow.extend(reg, REVISE_CASE, on=D(2025, 9, 30), approved_by="局长 周某", reason="再延")
    assert n(reg, REVISE_CASE) == before


def test_no_extension_after_the_time_limit_ran_out(reg):
    flow.submit(reg, revise_packet(), on=D(2025, 9, 26))
    with pytest.raises(TransitionRefused, match="2025-10-10 届满"):
        flow.extend(reg, REVISE_CASE, on=D(2025, 10, 13), approved_by="局长 周某", reason="逾期补批")
    assert n(reg, REVISE_CASE) == 2


def test_opinion_override_needs_a_reason(reg):
    flow.submit(reg, revise_packet(), on=D(2025, 4, 1))
    with pytest.raises(ReviewInputError, match="须写明理由"):
        flow.issue_opinion(reg, REVISE_CASE, on=D(2025, 4, 3), outcome="approve")
    with pytest.raises(ReviewInputError, match="未知的审核结论"):
        flow.issue_opinion(reg, REVISE_CASE, on=D(2025, 4, 3), outcome="maybe", reason="x")
    assert [e.kind for e in reg.history(REVISE_CASE)] == ["submitted", "review_started"]
    state = flow.issue_opinion(reg, REVISE_CASE, on=D(2025, 4, 3), outcome="approve", reason="瑕疵已当场补正")
    assert state.current_round.opinion.outcome == "revise"  # the checker's own result is kept
    assert state.current_round.outcome == "approve" and state.review_passed
    assert reg.history(REVISE_CASE)[-1].payload["override_reason"] == "瑕疵已当场补正"


def test_dates_cannot_run_backwards(reg):
    flow.submit(reg, revise_packet(), on=D(2025, 4, 10))
    with pytest.raises(ReviewInputError, match="早于本案上一步的日期 2025-04-10"):
        flow.issue_opinion(reg, REVISE_CASE, on=D(2025, 4, 9))


# ---------------------------------------------------------------- the gate (Art. 58)


def test_gate_refuses_a_decision_before_the_review_passed(reg):
    flow.submit(reg, revise_packet(), on=D(2025, 4, 1))
    with pytest.raises(TransitionRefused, match="未经法制审核或者审核未通过的，不得作出决定") as refused:
        flow.decide(reg, REVISE_CASE, on=D(2025, 4, 2))  # under review: no opinion yet
    assert refused.value.case_id == REVISE_CASE and refused.value.state == "under_review"
    assert n(reg, REVISE_CASE) == 2
    flow.issue_opinion(reg, REVISE_CASE, on=D(2025, 4, 3))
    with pytest.raises(TransitionRefused, match="本轮审核意见为“建议修改后再送审”，审核未通过"):
        flow.decide(reg, REVISE_CASE, on=D(2025, 4, 4))
    assert n(reg, REVISE_CASE) == 3


def test_gate_refuses_while_an_escalation_is_open(reg, monkeypatch):
    reach(reg, "escalated", monkeypatch)
    before = n(reg, REVISE_CASE)
    with pytest.raises(TransitionRefused, match="负责人尚未决定"):
        flow.decide(reg, REVISE_CASE, on=D(2025, 4, 9))
    assert n(reg, REVISE_CASE) == before


def test_gate_sends_a_transfer_opinion_to_transfer(reg, monkeypatch):
    reach(reg, "transfer_opinion", monkeypatch)
    with pytest.raises(TransitionRefused, match="移送"):
        flow.decide(reg, CLEAN_CASE, on=D(2025, 5, 9))


def test_clean_packet_approved_and_decided(reg):
    flow.submit(reg, clean(), on=D(2025, 4, 25))
    state = flow.issue_opinion(reg, CLEAN_CASE, on=D(2025, 4, 28))
    assert state.current_round.outcome == "approve" and state.review_passed
    state = flow.decide(reg, CLEAN_CASE, on=D(2025, 5, 9), decision_number="长市监罚决〔2025〕101号")
    assert state.state == S.decided and state.decided_on == D(2025, 5, 9)
    assert state.decision_number == "长市监罚决〔2025〕101号"
    assert [e.kind for e in reg.history(CLEAN_CASE)] == ["submitted", "review_started", "opinion", "decided"]


# ---------------------------------------------------------------- rounds


def test_resubmission_keeps_earlier_rounds(reg):
    flow.submit(reg, revise_packet(), on=D(2025, 4, 1))
    flow.issue_opinion(reg, REVISE_CASE, on=D(2025, 4, 3))
    state = flow.resubmit(reg, REVISE_CASE, revised_packet(), on=D(2025, 4, 8))
    assert state.state == S.under_review and len(state.rounds) == 2
    first, second = state.rounds
    assert first.number == 1 and second.number == 2
    assert set(first.opinion.fired()) == REVISE_FINDINGS and first.outcome == "revise"
    assert second.opinion is None and second.submitted_on == D(2025, 4, 8)
    state = flow.issue_opinion(reg, REVISE_CASE, on=D(2025, 4, 10))
    assert state.current_round.outcome == "approve"
    assert state.rounds[0].outcome == "revise"  # round 1 still reads 建议修改
    assert flow.decide(reg, REVISE_CASE, on=D(2025, 4, 11)).state == S.decided


def test_resubmission_of_another_case_is_refused(reg):
    reach(reg, "opinion_issued", None)
    other = revised_packet()
    other["case_id"] = "衡文执罚〔2025〕24号"
    before = n(reg, REVISE_CASE)
    with pytest.raises(ReviewInputError, match="不一致"):
        flow.resubmit(reg, REVISE_CASE, other, on=D(2025, 4, 8))
    assert n(reg, REVISE_CASE) == before


# ---------------------------------------------------------------- objection and negotiation


def test_objection_names_real_findings_with_reasons_and_basis(reg, monkeypatch):
    reach(reg, "opinion_issued", monkeypatch)
    before = n(reg, REVISE_CASE)
    with pytest.raises(ReviewInputError) as bad:
        flow.object_to(reg, REVISE_CASE, [
            {"rule_id": "C02-CERT-EXPIRD", "reasons": "证件已延续", "basis": "延续证明"},
            {"rule_id": "C04-EVIDENCE-UNSIGNED", "reasons": "", "basis": "笔录第2页"},
            {"rule_id": "C12-NO-PLAN", "reasons": "已有公示安排"},
        ], on=D(2025, 4, 7))
    locations = {p.location: p.message for p in bad.value.problems}
    assert "是否指：C02-CERT-EXPIRED" in locations["disputes[0].rule_id"]
    assert "理由" in locations["disputes[1].reasons"]
    assert "依据" in locations["disputes[2].basis"]
    assert n(reg, REVISE_CASE) == before
    with pytest.raises(ReviewInputError, match="至少列出一项"):
        flow.object_to(reg, REVISE_CASE, [], on=D(2025, 4, 7))
    assert n(reg, REVISE_CASE) == before


def test_no_objection_to_an_approval(reg, monkeypatch):
    reach(reg, "approved", monkeypatch)
    with pytest.raises(TransitionRefused, match="同意"):
        flow.object_to(reg, CLEAN_CASE, [{"rule_id": "X", "reasons": "r", "basis": "b"}], on=D(2025, 4, 29))


def test_negotiation_reviewer_concedes_every_blocking_finding_passes(reg, monkeypatch):
    reach(reg, "opinion_issued", monkeypatch)
    flow.object_to(reg, REVISE_CASE, disputes_all(), on=D(2025, 4, 7))
    state = flow.negotiate(reg, REVISE_CASE, [
        {"rule_id": r, "conceded_by": "reviewer", "resolution": "审核人员撤回该意见"} for r in sorted(REVISE_FINDINGS)
    ], on=D(2025, 4, 8))
    assert state.state == S.opinion_issued
    assert state.current_round.effective_outcome == "approve" and state.review_passed
    assert state.current_round.remaining_findings == []
    assert flow.decide(reg, REVISE_CASE, on=D(2025, 4, 9)).state == S.decided


def test_negotiation_reviewer_concedes_only_the_disputed_finding_still_revise(reg, monkeypatch):
    reach(reg, "opinion_issued", monkeypatch)
    flow.object_to(reg, REVISE_CASE, disputes_all({"C02-CERT-EXPIRED"}), on=D(2025, 4, 7))
    state = flow.negotiate(reg, REVISE_CASE, [
        {"rule_id": "C02-CERT-EXPIRED", "conceded_by": "reviewer", "resolution": "证件已延续，撤回"}], on=D(2025, 4, 8))
    # Three undisputed defects remain: still 建议修改后再送审, so the gate stays shut.
    assert state.current_round.effective_outcome == "revise"
    assert {f.rule_id for f in state.current_round.remaining_findings} == REVISE_FINDINGS - {"C02-CERT-EXPIRED"}
    assert state.allowed == ["resubmit"]
    with pytest.raises(TransitionRefused):
        flow.decide(reg, REVISE_CASE, on=D(2025, 4, 9))


def test_negotiation_unit_concedes_must_resubmit(reg, monkeypatch):
    reach(reg, "opinion_issued", monkeypatch)
    flow.object_to(reg, REVISE_CASE, disputes_all({"C02-CERT-EXPIRED", "C12-NO-PLAN"}), on=D(2025, 4, 7))
    state = flow.negotiate(reg, REVISE_CASE, [
        {"rule_id": "C12-NO-PLAN", "conceded_by": "unit", "resolution": "补充公示安排"}], on=D(2025, 4, 8))
    assert state.state == S.in_negotiation and state.current_round.open_disputes == ["C02-CERT-EXPIRED"]
    state = flow.negotiate(reg, REVISE_CASE, [
        {"rule_id": "C02-CERT-EXPIRED", "conceded_by": "unit", "resolution": "更换执法人员"}], on=D(2025, 4, 8))
    assert state.state == S.opinion_issued and state.current_round.effective_outcome == "revise"
    assert state.allowed == ["resubmit"]  # one objection per round
    before = n(reg, REVISE_CASE)
    with pytest.raises(TransitionRefused, match="审核未通过"):
        flow.decide(reg, REVISE_CASE, on=D(2025, 4, 9))
    with pytest.raises(TransitionRefused, match="已提出过异议"):
        flow.object_to(reg, REVISE_CASE, disputes_all({"C04-EVIDENCE-UNSIGNED"}), on=D(2025, 4, 9))
    assert n(reg, REVISE_CASE) == before


def test_negotiation_input_is_checked(reg, monkeypatch):
    reach(reg, "in_negotiation", monkeypatch)
    before = n(reg, REVISE_CASE)
    with pytest.raises(ReviewInputError) as bad:
        flow.negotiate(reg, REVISE_CASE, [
            {"rule_id": "C04-EVIDENCE-UNSIGNED", "conceded_by": "unit", "resolution": "x"},  # not disputed
            {"rule_id": "C12-NO-PLAN", "conceded_by": "both", "resolution": ""},
        ], on=D(2025, 4, 8))
    locations = {p.location for p in bad.value.problems}
    assert locations == {"concessions[0].rule_id", "concessions[1].conceded_by", "concessions[1].resolution"}
    assert n(reg, REVISE_CASE) == before


# ---------------------------------------------------------------- escalation and the head


def _escalate(reg, monkeypatch, **flags) -> EscalationNote:
    packet = revise_packet()
    packet.setdefault("flags", {}).update(flags)
    flow.submit(reg, packet, on=D(2025, 4, 1))
    flow.issue_opinion(reg, REVISE_CASE, on=D(2025, 4, 3))
    flow.object_to(reg, REVISE_CASE, disputes_all({"C02-CERT-EXPIRED", "C12-NO-PLAN"}), on=D(2025, 4, 7))
    flow.negotiate(reg, REVISE_CASE, [{"rule_id": "C12-NO-PLAN", "conceded_by": "unit", "resolution": "补充公示安排"}],
                   on=D(2025, 4, 8))
    return flow.escalate(reg, REVISE_CASE, on=D(2025, 4, 9))


def test_escalation_note_has_both_sides_settled_items_and_options(reg, monkeypatch):
    note = _escalate(reg, monkeypatch)
    assert note.case_number == REVISE_CASE and note.round == 1 and note.escalated_on == D(2025, 4, 9)
    assert note.party == "衡阳市星驰网络科技有限公司" and note.outcome == "revise"
    [dispute] = note.disputes
    assert dispute.rule_id == "C02-CERT-EXPIRED"
    assert "钱坤" in dispute.reviewer_position  # the reviewer's own finding, side by side with the unit's
    assert dispute.unit_reasons == "承办机构认为C02-CERT-EXPIRED所指问题不存在" and dispute.unit_basis == "案卷第3页证据"
    assert [(c.law, c.article, c.text) for c in dispute.reviewer_citations] == [("中华人民共和国行政处罚法", "第四十二条", ART_42)]
    assert [(s.rule_id, s.conceded_by, s.resolution) for s in note.settled] == [("C12-NO-PLAN", "unit", "补充公示安排")]
    assert [o.key for o in note.options] == ["adopt_reviewer", "adopt_unit", "collective_discussion"]
    collective = note.option("collective_discussion")
    assert not collective.required and "应当" not in collective.label and ART_57 in collective.basis
    # The note is stored whole in the register.
    stored = reg.history(REVISE_CASE)[-1]
    assert stored.kind == "escalation" and EscalationNote.model_validate(stored.payload["note"]) == note


@pytest.mark.parametrize("flag", ["complex_case", "grave_violation"])
def test_collective_discussion_is_required_for_complex_or_grave_cases(reg, monkeypatch, flag):
    note = _escalate(reg, monkeypatch, **{flag: True})
    option = note.option("collective_discussion")
    assert note.collective_discussion_required and option.required and "应当" in option.label  # Art. 57
    before = n(reg, REVISE_CASE)
    with pytest.raises(TransitionRefused, match="第五十七条"):
        flow.head_decide(reg, REVISE_CASE, choice="adopt_unit", reason="证件已延续", on=D(2025, 4, 10),
                         decided_by="局长 周某")
    assert n(reg, REVISE_CASE) == before
    state = flow.head_decide(reg, REVISE_CASE, choice="adopt_unit", reason="集体讨论认为证件已延续", on=D(2025, 4, 11),
                             decided_by="局长 周某", collective_discussion_on=D(2025, 4, 10))
    decision = state.current_round.head_decision
    assert decision.collective_discussion_on == D(2025, 4, 10) and decision.choice == "adopt_unit"


def test_head_decision_requires_a_reason_and_a_final_choice(reg, monkeypatch):
    _escalate(reg, monkeypatch)
    before = n(reg, REVISE_CASE)
    with pytest.raises(ReviewInputError, match="须写明理由"):
        flow.head_decide(reg, REVISE_CASE, choice="adopt_unit", reason="  ", on=D(2025, 4, 10), decided_by="局长 周某")
    with pytest.raises(ReviewInputError, match="集体讨论后请选择"):
        flow.head_decide(reg, REVISE_CASE, choice="collective_discussion", reason="讨论", on=D(2025, 4, 10),
                         decided_by="局长 周某", collective_discussion_on=D(2025, 4, 10))
    assert n(reg, REVISE_CASE) == before


def test_head_adopting_the_unit_drops_the_disputed_finding_only(reg, monkeypatch):
    _escalate(reg, monkeypatch)
    state = flow.head_decide(reg, REVISE_CASE, choice="adopt_unit", reason="证件已延续", on=D(2025, 4, 10),
                             decided_by="局长 周某")
    r = state.current_round
    assert state.state == S.head_decided and r.escalation.head_decision == r.head_decision
    # C12 was conceded by the unit and C04/C09 were never disputed: still 建议修改.
    assert {f.rule_id for f in r.remaining_findings} == REVISE_FINDINGS - {"C02-CERT-EXPIRED"}
    assert state.allowed == ["resubmit"]


def test_head_adopting_the_unit_on_every_blocking_finding_opens_the_gate(reg, monkeypatch):
    flow.submit(reg, revise_packet(), on=D(2025, 4, 1))
    flow.issue_opinion(reg, REVISE_CASE, on=D(2025, 4, 3))
    flow.object_to(reg, REVISE_CASE, disputes_all(), on=D(2025, 4, 7))
    flow.escalate(reg, REVISE_CASE, on=D(2025, 4, 8))
    state = flow.head_decide(reg, REVISE_CASE, choice="adopt_unit", reason="理由充分", on=D(2025, 4, 9),
                             decided_by="局长 周某")
    assert state.review_passed and state.allowed == ["decide"]
    assert flow.decide(reg, REVISE_CASE, on=D(2025, 4, 10)).state == S.decided


def test_escalation_note_renders_as_the_document(reg, monkeypatch):
    note = _escalate(reg, monkeypatch)
    state = flow.replay(reg.history(REVISE_CASE))
    view = escalation_view(note, state.packet, state.current_round.opinion, issued_on=D(2025, 4, 9))
    [dispute] = view["disputes"]
    assert dispute["rule_id"] == "C02-CERT-EXPIRED" and "钱坤" in dispute["reviewer"]
    assert ART_42 in dispute["reviewer_basis_text"]
    assert dispute["unit"].startswith("承办机构认为") and dispute["unit_basis"] == "案卷第3页证据"
    assert view["settled"] == [{"title": "未制定公示安排", "resolution": "补充公示安排"}]
    for fmt in ("md", "html"):
        assert "钱坤".encode() in review.documents.render("escalation", view, fmt)


def test_the_decided_note_shows_the_heads_choice_the_time_limits_and_art_57(reg, monkeypatch):
    # A complex case (Art. 57): collective discussion is 应当; once the head decides after it,
    # the archived document ticks the options chosen and fills the decision block.
    _escalate(reg, monkeypatch, complex_case=True)
    flow.head_decide(reg, REVISE_CASE, choice="adopt_reviewer", reason="证件过期属实", on=D(2025, 4, 10),
                     decided_by="支队长张明", collective_discussion_on=D(2025, 4, 10))
    state = flow.replay(reg.history(REVISE_CASE))
    note = state.current_round.escalation
    text = review.documents.render("escalation", escalation_view(note, state.packet, state.current_round.opinion,
                                                                issued_on=D(2025, 4, 9)), "md").decode()
    assert "- ☑ 采纳法制审核意见" in text and "- ☑ 应当提请负责人集体讨论决定" in text
    assert "- □ 采纳承办机构意见" in text
    assert "负责人意见：采纳法制审核意见。（经2025年4月10日负责人集体讨论）" in text
    assert "理由：证件过期属实。" in text and "支队长张明" in text
    # Submitted 1 April 2025: 5 working days, 4 April (清明) not counted → 9 April.
    assert "- 法制审核期限：2025年4月9日届满" in text
    assert "＿＿＿＿年" not in text.split("五、")[-1]  # no blank signature line once decided
    import io

    import docx

    word = docx.Document(io.BytesIO(review.documents.render(
        "escalation", escalation_view(note, state.packet, state.current_round.opinion, issued_on=D(2025, 4, 9)), "docx")))
    paragraphs = [p.text for p in word.paragraphs]
    assert "理由：证件过期属实。" in paragraphs and "行政机关负责人（签名）：支队长张明" in paragraphs
    assert not any("{%" in p for p in paragraphs)


# ---------------------------------------------------------------- atomicity and concurrency


def test_a_crash_inside_a_step_leaves_history_unchanged(reg, monkeypatch):
    real = CaseTx.append
    calls = []

    def crashing(self, kind, payload, actor=None, at=None):
        calls.append(kind)
        if len(calls) == 2:  # after `submitted` was appended, before `review_started`
            raise RuntimeError("断电")
        return real(self, kind, payload, actor, at)

    monkeypatch.setattr(CaseTx, "append", crashing)
    with pytest.raises(RuntimeError):
        flow.submit(reg, clean(), on=D(2025, 4, 25))
    assert calls == ["submitted", "review_started"]
    assert reg.history(CLEAN_CASE) == []
    monkeypatch.setattr(CaseTx, "append", real)
    flow.submit(reg, clean(), on=D(2025, 4, 25))
    before = reg.history(CLEAN_CASE)

    def full(self, *args, **kwargs):
        raise RuntimeError("磁盘已满")

    monkeypatch.setattr(CaseTx, "append", full)
    with pytest.raises(RuntimeError):
        flow.issue_opinion(reg, CLEAN_CASE, on=D(2025, 4, 28))
    assert reg.history(CLEAN_CASE) == before
    assert reg.verify().ok


def _race(target, count=2):
    barrier = threading.Barrier(count)
    outcomes: list = []
    lock = threading.Lock()

    def run():
        barrier.wait()
        try:
            value = target()
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            value = error
        with lock:
            outcomes.append(value)

    threads = [threading.Thread(target=run) for _ in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return outcomes


def test_two_threads_submitting_and_issuing_serialize(reg):
    outcomes = _race(lambda: flow.submit(reg, clean(), on=D(2025, 4, 25)))
    ok = [o for o in outcomes if isinstance(o, flow.CaseState)]
    refused = [o for o in outcomes if isinstance(o, TransitionRefused)]
    assert len(ok) == 1 and len(refused) == 1, outcomes
    assert "已于 2025-04-25 送审" in str(refused[0])
    outcomes = _race(lambda: flow.issue_opinion(reg, CLEAN_CASE, on=D(2025, 4, 28)))
    assert sum(isinstance(o, flow.CaseState) for o in outcomes) == 1, outcomes
    assert sum(isinstance(o, TransitionRefused) for o in outcomes) == 1, outcomes
    outcomes = _race(lambda: flow.decide(reg, CLEAN_CASE, on=D(2025, 5, 9)))
    assert sum(isinstance(o, flow.CaseState) for o in outcomes) == 1, outcomes
    kinds = [e.kind for e in reg.history(CLEAN_CASE)]
    assert kinds == ["submitted", "review_started", "opinion", "decided"]
    assert reg.verify().ok


# ---------------------------------------------------------------- status and time limits


def test_status_follows_the_review_clock_across_the_holiday(reg):
    flow.submit(reg, revise_packet(), on=D(2025, 9, 26))

    def review_limit(today):
        status = flow.status(reg, REVISE_CASE, today=today)
        [limit] = [d for d in status.deadlines if d.deadline.key == "review"]
        return limit

    # Due 10 Oct 2025 (see test_incomplete_intake_then_supplement_starts_the_clock).
    assert review_limit(D(2025, 10, 9)).deadline.due == D(2025, 10, 10)
    assert (review_limit(D(2025, 10, 9)).status, review_limit(D(2025, 10, 9)).workdays_left) == ("pending", 1)
    assert review_limit(D(2025, 10, 10)).status == "due_today"
    late = review_limit(D(2025, 10, 13))  # Sat 11 Oct was a make-up working day, Mon 13 Oct the second
    assert (late.status, late.workdays_overdue) == ("overdue", 2)
    flow.issue_opinion(reg, REVISE_CASE, on=D(2025, 10, 13))
    status = flow.status(reg, REVISE_CASE, today=D(2025, 10, 14))
    [missed] = [d for d in status.deadlines if d.deadline.key == "review"]
    assert (missed.status, missed.done_on, missed.workdays_overdue) == ("missed", D(2025, 10, 13), 2)
    [revision] = [d for d in status.deadlines if d.deadline.key == "revision"]
    # revision_workdays 5 from the opinion (Mon 13 Oct): 14, 15, 16, 17, 20 Oct.
    assert revision.deadline.due == D(2025, 10, 20) and revision.status == "pending"
    assert status.to_dict()["state_label"] == "已出具审核意见"


def test_status_warns_when_the_holiday_calendar_is_guessed(reg):
    flow.submit(reg, clean(), on=D(2027, 1, 4))
    status = flow.status(reg, CLEAN_CASE, today=D(2027, 1, 5))
    assert any("2027" in w for w in status.warnings)


def test_due_lists_open_limits_overdue_first(reg):
    other = revise_packet()
    flow.submit(reg, other, on=D(2025, 4, 1))  # 5 working days: 2, 3, 7, 8, 9 Apr (4-6 Apr 清明 off)
    flow.submit(reg, clean(), on=D(2025, 4, 25))  # 27 Apr (Sunday worked), 28, 29, 30, 6 May (1-5 May off)
    flow.submit(reg, clean(), case_id="登记-102", on=D(2025, 4, 25))  # register id other than the case number
    flow.issue_opinion(reg, "登记-102", on=D(2025, 4, 28))
    flow.decide(reg, "登记-102", on=D(2025, 4, 29))
    listed = flow.due(reg, today=D(2025, 4, 30))
    first, second = listed[0], listed[1]
    assert (first[0], first[1].deadline.key, first[1].status) == (REVISE_CASE, "review", "overdue")
    assert first[1].deadline.due == D(2025, 4, 9)
    assert (second[0], second[1].deadline.key, second[1].deadline.due) == (CLEAN_CASE, "review", D(2025, 5, 6))
    assert second[1].workdays_left == 1
    assert all(d.status in ("pending", "due_today", "overdue") for _, d in listed)
    # Decided: only publication is open, 7 working days from 29 April past May Day (1-5 May):
    # 30 Apr, 6, 7, 8, 9, 12, 13 May.
    assert [(d.deadline.key, d.deadline.due) for case, d in listed if case == "登记-102"] == [("publication", D(2025, 5, 13))]


def test_escalation_note_lists_the_time_limits(reg, monkeypatch):
    note = _escalate(reg, monkeypatch)
    labels = {line.label for line in note.deadlines}
    assert "法制审核期限" in labels and "作出决定期限" in labels
    review_line = next(line for line in note.deadlines if line.label == "法制审核期限")
    assert review_line.due == D(2025, 4, 9) and review_line.status


# ---------------------------------------------------------------- publication after the decision


def test_publication_limit_runs_from_the_decision_and_closes_when_published(reg):
    # Decided Friday 26 Sep 2025; a penalty is published within 7 working days (国办发〔2018〕118号):
    # 28 Sep (make-up Sunday), 29, 30 Sep, [1-8 Oct National Day], 9, 10, 11 Oct (make-up Saturday), 13 Oct.
    flow.submit(reg, clean(), on=D(2025, 9, 19))
    flow.issue_opinion(reg, CLEAN_CASE, on=D(2025, 9, 22))
    before = n(reg, CLEAN_CASE)
    with pytest.raises(TransitionRefused) as refused:  # nothing to publish before the decision
        flow.publish(reg, CLEAN_CASE, on=D(2025, 9, 23), channel="门户网站")
    assert "执法决定尚未作出" in str(refused.value) and n(reg, CLEAN_CASE) == before
    flow.decide(reg, CLEAN_CASE, on=D(2025, 9, 26))
    [(case, limit)] = flow.due(reg, today=D(2025, 10, 15))
    assert case == CLEAN_CASE and limit.deadline.key == "publication" and limit.deadline.due == D(2025, 10, 13)
    assert (limit.status, limit.workdays_overdue) == ("overdue", 2)  # 14 and 15 October
    flow.publish(reg, CLEAN_CASE, on=D(2025, 10, 14), channel="长治市市场监督管理局门户网站")
    assert flow.due(reg, today=D(2025, 10, 20)) == []
    [published] = [d for d in flow.status(reg, CLEAN_CASE, today=D(2025, 10, 20)).deadlines if d.deadline.key == "publication"]
    assert (published.status, published.workdays_overdue, published.done_on) == ("missed", 1, D(2025, 10, 14))
    with pytest.raises(TransitionRefused) as again:
        flow.publish(reg, CLEAN_CASE, on=D(2025, 10, 20), channel="门户网站")
    assert "流程已结束" in str(again.value)


def test_publish_needs_a_channel(reg, monkeypatch):
    case = reach(reg, "decided", monkeypatch)
    before = n(reg, case)
    with pytest.raises(ReviewInputError) as bad:
        flow.publish(reg, case, on=D(2025, 5, 12), channel=" ")
    assert "公示渠道" in str(bad.value) and n(reg, case) == before
