"""The review flow (审核流程): states, a pure replay of the register, and one function per step.

The register is the only truth. A case's state is not stored anywhere: it is
`replay(history)`, a fold over the case's entries, so what the flow believes
and what the hash chain proves can never drift apart. Each step is one
writer transaction — replay, validate, append — so two clerks pressing
"decide" at the same moment cannot both get through, and a refused step
writes nothing.

The gate is 行政处罚法第五十八条: 未经法制审核或者审核未通过的，不得作出决定.
`decide()` is refused unless the current round's review passed: the opinion
was 同意, or negotiation or the head's decision removed every finding that
blocked it, and no escalation is waiting for the head.

Business dates (`on=`) come from the caller and are stored in every payload;
legal time limits are never computed from the wall clock.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from functools import lru_cache
from typing import Any, Iterable, Mapping, Optional

from . import deadlines
from .errors import Problem, ReviewError, ReviewInputError, TransitionRefused
from .escalation import (
    CHOICE_LABELS,
    Citation,
    Concession,
    DeadlineLine,
    Dispute,
    EscalationNote,
    HeadDecision,
    head_options,
)
from .intake import parse_packet
from .materials import MissingMaterial, missing_materials, readiness_problems
from .packet import CasePacket
from .register import Entry, Register
from .result import OUTCOME_LABELS, ReviewResult
from .workdays import Calendar

__all__ = [
    "CaseState", "CaseStateName", "CaseStatus", "HistoryError", "Round", "TransitionRefused",
    "STEP_LABELS", "allowed_steps", "build_note", "decide", "due", "escalate", "extend", "head_decide", "issue_opinion",
    "negotiate", "object_to", "publish", "replay", "resubmit", "status", "submit", "supplement", "transfer",
]


class CaseStateName(str, Enum):
    incomplete = "incomplete"
    under_review = "under_review"
    opinion_issued = "opinion_issued"
    in_negotiation = "in_negotiation"
    escalated = "escalated"
    head_decided = "head_decided"
    decided = "decided"
    transferred = "transferred"

    @property
    def label(self) -> str:
        return STATE_LABELS[self.value]


STATE_LABELS = {
    "incomplete": "待补正",
    "under_review": "审核中",
    "opinion_issued": "已出具审核意见",
    "in_negotiation": "协商中",
    "escalated": "已报请负责人决定",
    "head_decided": "负责人已决定",
    "decided": "已作出决定",
    "transferred": "已移送司法机关",
}

#: Step function name -> what legal staff call it (used in refusals and status).
STEP_LABELS = {
    "submit": "送审",
    "supplement": "补正材料",
    "extend": "延长审核期限",
    "issue_opinion": "出具审核意见",
    "resubmit": "重新送审",
    "object_to": "提出异议",
    "negotiate": "协商",
    "escalate": "报请负责人决定",
    "head_decide": "负责人决定",
    "decide": "作出决定",
    "transfer": "移送司法机关",
    "publish": "公示执法决定",
}

FINAL_STATES = (CaseStateName.decided, CaseStateName.transferred)
# Severity order of checklists/severities.yaml: outcome of a set of findings (docs/developing.md).
_BLOCKING = ("defect", "fatal", "crime")


class HistoryError(ReviewError):
    """The register holds a history the flow could not have written (an impossible sequence)."""


# ---------------------------------------------------------------- state


@dataclass
class Round:
    """One submission for review and everything that answered it."""

    number: int
    submitted_on: date
    packet: CasePacket
    missing: list = field(default_factory=list)  # MissingMaterial of the latest intake check
    started_on: Optional[date] = None  # the review clock starts when the packet is complete
    review_due: Optional[date] = None
    extended_by: int = 0
    extension: Optional[dict] = None
    opinion: Optional[ReviewResult] = None
    outcome: Optional[str] = None  # the opinion's outcome as issued (reviewer override included)
    override_reason: Optional[str] = None
    opinion_on: Optional[date] = None
    objection: list[dict] = field(default_factory=list)  # [{rule_id, reasons, basis}]
    objected_on: Optional[date] = None
    concessions: list[Concession] = field(default_factory=list)
    settled_on: Optional[date] = None  # all disputes settled in negotiation
    escalation: Optional[EscalationNote] = None
    head_decision: Optional[HeadDecision] = None

    @property
    def disputed(self) -> list[str]:
        return [d["rule_id"] for d in self.objection]

    @property
    def open_disputes(self) -> list[str]:
        settled = {c.rule_id for c in self.concessions}
        if self.head_decision is not None:
            return []
        return [r for r in self.disputed if r not in settled]

    @property
    def dropped(self) -> set[str]:
        """Findings withdrawn: conceded by the reviewer, or disputed ones the head decided for the unit."""
        out = {c.rule_id for c in self.concessions if c.conceded_by == "reviewer"}
        if self.head_decision is not None and self.head_decision.choice == "adopt_unit":
            conceded = {c.rule_id for c in self.concessions}
            out |= {r for r in self.disputed if r not in conceded}
        return out

    @property
    def remaining_findings(self) -> list:
        if self.opinion is None:
            return []
        return [f for f in self.opinion.findings if f.rule_id not in self.dropped]

    @property
    def effective_outcome(self) -> Optional[str]:
        """The opinion as it stands after negotiation and the head's decision.

        Nothing withdrawn: the outcome as issued (a reviewer's override
        included). Something withdrawn: the outcome of what remains, by the
        severity order of docs/developing.md.
        """
        if self.opinion is None:
            return None
        if not self.dropped:
            return self.outcome
        return _outcome_of(self.remaining_findings)

    @property
    def passed(self) -> bool:
        return self.effective_outcome == "approve"

    @property
    def result_on(self) -> Optional[date]:
        """When the opinion became final for this round (for the revision time limit)."""
        if self.head_decision is not None:
            return self.head_decision.decided_on
        if self.settled_on is not None:
            return self.settled_on
        return self.opinion_on

    def to_dict(self) -> dict:
        return {
            "number": self.number,
            "submitted_on": _iso(self.submitted_on),
            "missing": [_material_dict(m) for m in self.missing],
            "started_on": _iso(self.started_on),
            "review_due": _iso(self.review_due),
            "extended_by": self.extended_by,
            "opinion_on": _iso(self.opinion_on),
            "outcome": self.outcome,
            "effective_outcome": self.effective_outcome,
            "outcome_label": OUTCOME_LABELS.get(self.effective_outcome or "", ""),
            "override_reason": self.override_reason,
            "findings": [f.rule_id for f in self.opinion.findings] if self.opinion else [],
            "objection": self.objection,
            "concessions": [c.model_dump(mode="json") for c in self.concessions],
            "escalated": self.escalation is not None,
            "head_decision": self.head_decision.model_dump(mode="json") if self.head_decision else None,
            "passed": self.passed,
        }


@dataclass
class CaseState:
    """What the register says about one case, folded from its entries."""

    case_id: str
    state: CaseStateName
    profile: str
    packet: CasePacket  # the latest packet submitted
    rounds: list[Round] = field(default_factory=list)
    decided_on: Optional[date] = None
    decision_number: Optional[str] = None
    transferred_on: Optional[date] = None
    transferred_to: Optional[str] = None
    published_on: Optional[date] = None
    published_channel: Optional[str] = None
    last_on: Optional[date] = None  # the latest business date in the history
    entries: int = 0

    @property
    def current_round(self) -> Round:
        return self.rounds[-1]

    @property
    def missing(self) -> list:
        return self.current_round.missing if self.state == CaseStateName.incomplete else []

    @property
    def extended_by(self) -> int:
        return self.current_round.extended_by

    @property
    def review_due(self) -> Optional[date]:
        return self.current_round.review_due

    @property
    def review_passed(self) -> bool:
        return self.current_round.passed

    @property
    def open_escalation(self) -> Optional[EscalationNote]:
        r = self.current_round
        return r.escalation if r.escalation is not None and r.head_decision is None else None

    @property
    def state_label(self) -> str:
        return self.state.label

    @property
    def allowed(self) -> list[str]:
        return allowed_steps(self)


def _outcome_of(findings) -> str:
    severities = {f.severity for f in findings}
    if "crime" in severities:
        return "transfer"
    if "fatal" in severities:
        return "disapprove"
    if "defect" in severities:
        return "revise"
    return "approve"


def allowed_steps(state: CaseState) -> list[str]:
    """The step functions that may be called next, in the order a clerk would consider them."""
    s = state.state
    r = state.current_round
    if s == CaseStateName.incomplete:
        return ["supplement"]
    if s == CaseStateName.under_review:
        return ["issue_opinion"] + ([] if r.extension else ["extend"])
    if s in (CaseStateName.opinion_issued, CaseStateName.head_decided):
        outcome = r.effective_outcome
        steps: list[str] = []
        if outcome == "approve":
            steps.append("decide")
        elif outcome == "transfer":
            steps.append("transfer")
        else:
            steps.append("resubmit")
        if s == CaseStateName.opinion_issued and r.outcome != "approve" and not r.objection:
            steps.append("object_to")
        return steps
    if s == CaseStateName.in_negotiation:
        return ["negotiate", "escalate"]
    if s == CaseStateName.escalated:
        return ["head_decide"]
    if s == CaseStateName.decided and state.published_on is None:
        return ["publish"]
    return []


# ---------------------------------------------------------------- replay


def replay(entries: Iterable[Entry | Mapping[str, Any]]) -> Optional[CaseState]:
    """Fold a case's entries (in seq order) into its state; None for an empty history.

    Pure: reads only the entries. An entry the flow could not have written
    in the state it finds raises HistoryError naming the entry.
    """
    state: Optional[CaseState] = None
    for entry in entries:
        kind, payload, seq, case_id = _unpack(entry)
        try:
            state = _apply(state, kind, payload, case_id)
        except HistoryError:
            raise
        except (KeyError, TypeError, ValueError, ReviewError) as error:
            raise HistoryError(f"案件 {case_id} 第 {seq} 号记录（{kind}）内容不完整或无法读取：{error}") from None
        if state is None:
            raise HistoryError(f"案件 {case_id} 第 {seq} 号记录（{kind}）：案件尚未送审，不能有此记录")
        if isinstance(state, str):
            raise HistoryError(f"案件 {case_id} 第 {seq} 号记录（{kind}）：{state}")
        state.entries += 1
        on = payload.get("on")
        if on:
            state.last_on = max(state.last_on or date.min, date.fromisoformat(on))
    return state


def _unpack(entry) -> tuple[str, dict, Any, str]:
    if isinstance(entry, Mapping):
        return entry["kind"], entry["payload"], entry.get("seq", "?"), entry.get("case_id", "")
    return entry.kind, entry.payload, entry.seq, entry.case_id


def _d(value: Optional[str]) -> Optional[date]:
    return date.fromisoformat(value) if value else None


def _apply(state: Optional[CaseState], kind: str, p: dict, case_id: str):
    """One entry onto the state; a str return is the reason the entry is impossible here."""
    S = CaseStateName
    if kind == "submitted":
        if state is not None:
            return "案件已送审，重复的送审记录"
        packet = parse_packet(p["packet"], source="登记的送审案卷")
        first = Round(number=int(p.get("round", 1)), submitted_on=_d(p["on"]), packet=packet,
                      missing=_materials(p.get("missing", [])))
        return CaseState(case_id=case_id, state=S.incomplete if first.missing else S.under_review,
                         profile=p["profile"], packet=packet, rounds=[first])
    if state is None:
        return None
    r = state.current_round
    s = state.state
    if kind == "intake_notice":
        if s != S.incomplete:
            return f"状态为“{s.label}”时不会发出补正通知"
        return state
    if kind == "supplemented":
        if s != S.incomplete:
            return f"状态为“{s.label}”时不能补正材料"
        state.packet = r.packet = parse_packet(p["packet"], source="登记的补正案卷")
        r.missing = _materials(p.get("missing", []))
        return state
    if kind == "review_started":
        # A complete (re)submission is under_review already and this entry fixes the clock;
        # an incomplete one gets here when a supplement left nothing missing.
        complete_now = (s == S.incomplete and not r.missing) or (s == S.under_review and r.started_on is None)
        if not complete_now:
            return f"状态为“{s.label}”时不能开始审核"
        r.started_on, r.review_due = _d(p["on"]), _d(p["due"])
        state.state = S.under_review
        return state
    if kind == "extension":
        if s != S.under_review or r.extension is not None:
            return "只有审核中且本轮未延长过的案件才能延长审核期限"
        r.extension = dict(p)
        r.extended_by = int(p["by"])
        r.review_due = _d(p["due"])
        return state
    if kind == "opinion":
        if s != S.under_review or r.started_on is None:
            return f"状态为“{s.label}”时不能出具审核意见"
        r.opinion = ReviewResult.model_validate(p["result"])
        r.outcome = p["outcome"]
        r.override_reason = p.get("override_reason")
        r.opinion_on = _d(p["on"])
        state.state = S.opinion_issued
        return state
    if kind == "resubmitted":
        if "resubmit" not in allowed_steps(state):
            return f"状态为“{s.label}”时不能重新送审"
        packet = parse_packet(p["packet"], source="登记的重新送审案卷")
        new = Round(number=int(p["round"]), submitted_on=_d(p["on"]), packet=packet,
                    missing=_materials(p.get("missing", [])))
        if new.number != len(state.rounds) + 1:
            return f"轮次应为第 {len(state.rounds) + 1} 轮，记录为第 {new.number} 轮"
        state.rounds.append(new)
        state.packet = packet
        state.state = S.incomplete if new.missing else S.under_review
        return state
    if kind == "objection":
        if "object_to" not in allowed_steps(state):
            return f"状态为“{s.label}”时不能提出异议"
        r.objection = [dict(d) for d in p["disputes"]]
        r.objected_on = _d(p["on"])
        state.state = S.in_negotiation
        return state
    if kind == "negotiation":
        if s != S.in_negotiation:
            return f"状态为“{s.label}”时不能记录协商结果"
        for c in p["concessions"]:
            concession = Concession.model_validate(c)
            if concession.rule_id not in r.open_disputes:
                return f"协商记录的问题 {concession.rule_id} 不是尚未解决的异议事项"
            r.concessions.append(concession)
        if not r.open_disputes:
            r.settled_on = _d(p["on"])
            state.state = S.opinion_issued
        return state
    if kind == "escalation":
        if s != S.in_negotiation or not r.open_disputes:
            return f"状态为“{s.label}”时不能报请负责人决定"
        r.escalation = EscalationNote.model_validate(p["note"])
        state.state = S.escalated
        return state
    if kind == "head_decision":
        if s != S.escalated:
            return f"状态为“{s.label}”时不能记录负责人决定"
        r.head_decision = HeadDecision.model_validate(p["decision"])
        r.escalation = r.escalation.model_copy(update={"head_decision": r.head_decision})
        state.state = S.head_decided
        return state
    if kind == "decided":
        if "decide" not in allowed_steps(state):
            return f"状态为“{s.label}”、审核未通过时不能作出决定"
        state.decided_on = _d(p["on"])
        state.decision_number = p.get("decision_number")
        state.state = S.decided
        return state
    if kind == "transferred":
        if "transfer" not in allowed_steps(state):
            return f"状态为“{s.label}”时不能移送司法机关"
        state.transferred_on = _d(p["on"])
        state.transferred_to = p["to"]
        state.state = S.transferred
        return state
    if kind == "published":
        if "publish" not in allowed_steps(state):
            return f"状态为“{s.label}”时不能登记公示"
        state.published_on = _d(p["on"])
        state.published_channel = p["channel"]
        return state
    return f"未知的记录种类“{kind}”"


# ---------------------------------------------------------------- helpers


def _iso(day: Optional[date]) -> Optional[str]:
    return day.isoformat() if day else None


def _materials(raw: list) -> list[MissingMaterial]:
    return [MissingMaterial.coerce(m) for m in raw]


def _material_dict(m) -> dict:
    if isinstance(m, Mapping):
        return dict(m)
    return {"name": m.name, "requirement": getattr(m, "requirement", ""), "basis": getattr(m, "basis", "")}


def _missing_materials(packet: CasePacket, profile: str) -> list[MissingMaterial]:
    return list(missing_materials(packet, profile=profile))


@lru_cache(maxsize=1)
def _catalogue():
    from .catalogue import load_catalogue

    return load_catalogue()


def _params(profile: str) -> dict:
    return _catalogue().params(profile)


def _check_profile(name: str, on: date) -> None:
    _catalogue().profile(name, on)  # UnknownProfileError (Chinese, exit 2) for unknown or not in force


def _review_due(started: date, params: dict, calendar: Calendar, extended_by: int = 0) -> date:
    return deadlines.review_deadline(started, params, calendar, extended_by=extended_by).due


def _packet_of(packet: CasePacket | Mapping[str, Any]) -> CasePacket:
    return parse_packet(packet, source="送审案卷")


def _date(value: Any, name: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ReviewInputError("", [Problem(name, f"日期格式应为 YYYY-MM-DD，收到 {value!r}")]) from None


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _refuse(state: Optional[CaseState], case_id: str, doing: str, why: str = "") -> TransitionRefused:
    if state is None:
        return TransitionRefused(
            f"案件 {case_id} 尚未送审，不能{doing}{'：' + why if why else ''}。请先送审（submit）。",
            case_id=case_id, state="", allowed=["submit"])
    allowed = allowed_steps(state)
    nexts = "、".join(f"{STEP_LABELS[a]}（{a}）" for a in allowed) or "无（流程已结束）"
    reason = f"：{why}" if why else ""
    return TransitionRefused(
        f"案件 {case_id} 当前状态为“{state.state.label}”（第 {state.current_round.number} 轮），不能{doing}{reason}。"
        f"现在可以：{nexts}。",
        case_id=case_id, state=state.state.value, allowed=allowed)


def _require(state: Optional[CaseState], case_id: str, step: str, why: str = "") -> CaseState:
    if state is None or step not in allowed_steps(state):
        raise _refuse(state, case_id, STEP_LABELS[step], why)
    return state


def _not_before(state: CaseState, on: date, doing: str) -> None:
    """Business dates run forward: a step dated before the last one is a typing error."""
    if state.last_on is not None and on < state.last_on:
        raise ReviewInputError(f"案件 {state.case_id}", [Problem(
            "on", f"{doing}日期 {on.isoformat()} 早于本案上一步的日期 {state.last_on.isoformat()}")])


def _same_case(state: CaseState, packet: CasePacket) -> None:
    if packet.case_id != state.packet.case_id:
        raise ReviewInputError(f"案件 {state.case_id}", [Problem(
            "case_id", f"送审案卷的案件编号为 {packet.case_id}，与本案已送审的 {state.packet.case_id} 不一致")])


def _hand_in(tx, kind: str, packet: CasePacket, profile_name: str, on: date, actor: Optional[str],
             calendar: Calendar, **extra: Any) -> CaseState:
    """Record a packet handed in (送审, 补正, 重新送审), then one notice of what is missing or the clock."""
    missing = _missing_materials(packet, profile_name)
    tx.append(kind, {"on": on, "packet": packet.model_dump(mode="json"), **extra,
                     "missing": [_material_dict(m) for m in missing]}, actor)
    if missing:
        tx.append("intake_notice", {"on": on, "missing": [_material_dict(m) for m in missing]}, actor)
    else:
        tx.append("review_started", {"on": on, "due": _review_due(on, _params(profile_name), calendar)}, actor)
    return replay(tx.history())


# ---------------------------------------------------------------- steps


def submit(register: Register, packet: CasePacket | Mapping[str, Any], *, on: date, profile: Optional[str] = None,
           case_id: Optional[str] = None, actor: Optional[str] = None, calendar: Optional[Calendar] = None) -> CaseState:
    """送审. Lands in 待补正 (with one notice listing every missing material) or 审核中 (clock started)."""
    packet = _packet_of(packet)
    on = _date(on, "on")
    case_id = case_id or packet.case_id
    name = profile or packet.agency.profile or "national"
    _check_profile(name, packet.timeline.decision_date or on)
    calendar = calendar or Calendar()
    with register.case(case_id) as tx:
        state = replay(tx.history())
        if state is not None:
            raise TransitionRefused(
                f"案件 {case_id} 已于 {state.rounds[0].submitted_on.isoformat()} 送审，当前状态为“{state.state.label}”，"
                f"不能再次送审。现在可以：{'、'.join(f'{STEP_LABELS[a]}（{a}）' for a in state.allowed) or '无（流程已结束）'}。",
                case_id=case_id, state=state.state.value, allowed=state.allowed)
        problems = readiness_problems(packet)
        if problems:
            raise TransitionRefused(
                f"案件 {case_id} 尚不能送法制审核（应在调查终结、形成拟处理意见后启动）：{'；'.join(problems)}。",
                case_id=case_id, state="", allowed=["submit"])
        return _hand_in(tx, "submitted", packet, name, on, actor, calendar, profile=name, round=1)


def supplement(register: Register, case_id: str, packet: CasePacket | Mapping[str, Any], *, on: date,
               actor: Optional[str] = None, calendar: Optional[Calendar] = None) -> CaseState:
    """补正材料: only while 待补正; the clock starts the day the packet is complete."""
    packet = _packet_of(packet)
    on = _date(on, "on")
    calendar = calendar or Calendar()
    with register.case(case_id) as tx:
        state = _require(replay(tx.history()), case_id, "supplement")
        return _take_in(tx, state, packet, on, actor, calendar, kind="supplemented")


def extend(register: Register, case_id: str, *, on: date, approved_by: str, reason: str,
           actor: Optional[str] = None, calendar: Optional[Calendar] = None) -> CaseState:
    """延长审核期限: once per round, by the profile's review_extension_days, with the head's approval."""
    on = _date(on, "on")
    problems = []
    if not _text(approved_by):
        problems.append(Problem("approved_by", "延长审核期限须经负责人批准，请填写批准人"))
    if not _text(reason):
        problems.append(Problem("reason", "请填写延长审核期限的理由"))
    calendar = calendar or Calendar()
    with register.case(case_id) as tx:
        state = replay(tx.history())
        if state is not None and state.state == CaseStateName.under_review and state.current_round.extension:
            raise _refuse(state, case_id, "延长审核期限", f"本轮已于 {state.current_round.extension['on']} 延长过一次")
        state = _require(state, case_id, "extend")
        if problems:
            raise ReviewInputError(f"案件 {case_id} 延长审核期限", problems)
        _not_before(state, on, "延长")
        r = state.current_round
        if r.review_due is not None and on > r.review_due:
            raise TransitionRefused(
                f"案件 {case_id} 的审核期限已于 {r.review_due.isoformat()} 届满，{on.isoformat()} 不能再批准延长。"
                f"现在可以：{STEP_LABELS['issue_opinion']}（issue_opinion）。",
                case_id=case_id, state=state.state.value, allowed=["issue_opinion"])
        params = _params(state.profile)
        by = int(params["review_extension_days"])
        due = _review_due(r.started_on, params, calendar, extended_by=by)
        tx.append("extension", {"on": on, "by": by, "approved_by": approved_by.strip(),
                                "reason": reason.strip(), "due": due}, actor)
        return replay(tx.history())


def issue_opinion(register: Register, case_id: str, *, on: date, actor: Optional[str] = None,
                  outcome: Optional[str] = None, reason: Optional[str] = None) -> CaseState:
    """出具审核意见: runs review.check on the latest packet; an outcome other than the computed one needs a reason."""
    from .checker import check

    on = _date(on, "on")
    if outcome is not None and outcome not in OUTCOME_LABELS:
        raise ReviewInputError(f"案件 {case_id} 审核意见", [Problem(
            "outcome", f"未知的审核结论“{outcome}”，可选：{'、'.join(f'{k}（{v}）' for k, v in OUTCOME_LABELS.items())}")])
    with register.case(case_id) as tx:
        state = _require(replay(tx.history()), case_id, "issue_opinion")
        _not_before(state, on, "出具审核意见")
        result = check(state.packet, profile=state.profile, on=on)
        final = outcome or result.outcome
        override = None
        if final != result.outcome:
            if not _text(reason):
                raise ReviewInputError(f"案件 {case_id} 审核意见", [Problem(
                    "reason", f"审核结论由“{OUTCOME_LABELS[result.outcome]}”改为“{OUTCOME_LABELS[final]}”，须写明理由")])
            override = reason.strip()
        tx.append("opinion", {"on": on, "round": state.current_round.number, "result": result.model_dump(mode="json"),
                              "outcome": final, "override_reason": override}, actor)
        return replay(tx.history())


def resubmit(register: Register, case_id: str, packet: CasePacket | Mapping[str, Any], *, on: date,
             actor: Optional[str] = None, calendar: Optional[Calendar] = None) -> CaseState:
    """重新送审 after 建议修改/不同意 (or the head adopting the reviewer): a new round; earlier rounds stay."""
    packet = _packet_of(packet)
    on = _date(on, "on")
    calendar = calendar or Calendar()
    with register.case(case_id) as tx:
        state = _require(replay(tx.history()), case_id, "resubmit")
        return _take_in(tx, state, packet, on, actor, calendar, kind="resubmitted", round=len(state.rounds) + 1)


def _take_in(tx, state: CaseState, packet: CasePacket, on: date, actor: Optional[str], calendar: Calendar,
             *, kind: str, **extra: Any) -> CaseState:
    """A later packet of a case already in the register (补正 or 重新送审): the same checks as the first."""
    doing = "补正材料" if kind == "supplemented" else "重新送审"
    _same_case(state, packet)
    _not_before(state, on, doing)
    problems = readiness_problems(packet)
    if problems:
        raise _refuse(state, state.case_id, doing, "；".join(problems))
    return _hand_in(tx, kind, packet, state.profile, on, actor, calendar, **extra)


def _dispute_problems(disputes: Any, opinion: ReviewResult) -> tuple[list[dict], list[Problem]]:
    problems: list[Problem] = []
    cleaned: list[dict] = []
    if not isinstance(disputes, (list, tuple)) or not disputes:
        return [], [Problem("disputes", "请至少列出一项有异议的审核意见（规则编号、理由、依据）")]
    known = [f.rule_id for f in opinion.findings]
    seen: set[str] = set()
    for i, d in enumerate(disputes):
        where = f"disputes[{i}]"
        if not isinstance(d, Mapping):
            problems.append(Problem(where, "每项异议应包含 rule_id（规则编号）、reasons（理由）、basis（依据）"))
            continue
        rule_id = _text(d.get("rule_id"))
        reasons = _text(d.get("reasons", d.get("unit_reasons")))
        basis = _text(d.get("basis", d.get("unit_basis")))
        if rule_id not in known:
            close = difflib.get_close_matches(rule_id.upper(), known, n=3, cutoff=0.5)
            hint = f"，是否指：{'、'.join(close)}" if close else ""
            problems.append(Problem(f"{where}.rule_id", f"本轮审核意见中没有问题“{rule_id}”{hint}"
                                                        f"（本轮意见列出的问题：{'、'.join(known) or '无'}）"))
        elif rule_id in seen:
            problems.append(Problem(f"{where}.rule_id", f"问题 {rule_id} 重复列出"))
        seen.add(rule_id)
        if not reasons:
            problems.append(Problem(f"{where}.reasons", "对法制审核意见有异议的，应当列明理由"))
        if not basis:
            problems.append(Problem(f"{where}.basis", "对法制审核意见有异议的，应当列明依据"))
        cleaned.append({"rule_id": rule_id, "reasons": reasons, "basis": basis})
    return cleaned, problems


def object_to(register: Register, case_id: str, disputes: list[dict], *, on: date,
              actor: Optional[str] = None) -> CaseState:
    """提出异议: the unit lists, per disputed finding, its reasons and basis (seed 003); opens negotiation."""
    on = _date(on, "on")
    with register.case(case_id) as tx:
        state = replay(tx.history())
        if state is not None and state.state == CaseStateName.opinion_issued and state.current_round.objection:
            raise _refuse(state, case_id, "提出异议", "本轮审核意见已提出过异议并经协商")
        if state is not None and state.state == CaseStateName.opinion_issued and state.current_round.outcome == "approve":
            raise _refuse(state, case_id, "提出异议", "审核意见为“同意”，没有可异议的事项")
        state = _require(state, case_id, "object_to")
        _not_before(state, on, "提出异议")
        cleaned, problems = _dispute_problems(disputes, state.current_round.opinion)
        if problems:
            raise ReviewInputError(f"案件 {case_id} 的异议", problems)
        tx.append("objection", {"on": on, "round": state.current_round.number, "disputes": cleaned}, actor)
        return replay(tx.history())


def negotiate(register: Register, case_id: str, concessions: list[dict], *, on: date,
              actor: Optional[str] = None) -> CaseState:
    """协商: record which side gave way on which disputes; when none is left open the round's opinion stands settled."""
    on = _date(on, "on")
    with register.case(case_id) as tx:
        state = _require(replay(tx.history()), case_id, "negotiate")
        _not_before(state, on, "协商")
        r = state.current_round
        titles = {f.rule_id: f.title for f in r.opinion.findings}
        problems: list[Problem] = []
        cleaned: list[dict] = []
        if not isinstance(concessions, (list, tuple)) or not concessions:
            problems.append(Problem("concessions", "请至少记录一项协商结果（规则编号、让步一方、结果）"))
            concessions = []
        seen: set[str] = set()
        for i, c in enumerate(concessions):
            where = f"concessions[{i}]"
            if not isinstance(c, Mapping):
                problems.append(Problem(where, "每项协商结果应包含 rule_id、conceded_by（reviewer 或 unit）、resolution"))
                continue
            rule_id = _text(c.get("rule_id"))
            side = _text(c.get("conceded_by"))
            resolution = _text(c.get("resolution"))
            if rule_id not in r.open_disputes:
                close = difflib.get_close_matches(rule_id.upper(), r.open_disputes, n=3, cutoff=0.5)
                hint = f"，是否指：{'、'.join(close)}" if close else ""
                problems.append(Problem(f"{where}.rule_id", f"“{rule_id}”不是尚未解决的异议事项{hint}"
                                                            f"（尚未解决：{'、'.join(r.open_disputes)}）"))
            elif rule_id in seen:
                problems.append(Problem(f"{where}.rule_id", f"问题 {rule_id} 重复列出"))
            seen.add(rule_id)
            if side not in ("reviewer", "unit"):
                problems.append(Problem(f"{where}.conceded_by",
                                        f"让步一方应为 reviewer（法制审核机构）或 unit（承办机构），收到“{side}”"))
            if not resolution:
                problems.append(Problem(f"{where}.resolution", "请写明协商结果"))
            cleaned.append({"rule_id": rule_id, "title": titles.get(rule_id, ""), "conceded_by": side,
                            "resolution": resolution})
        if problems:
            raise ReviewInputError(f"案件 {case_id} 的协商结果", problems)
        tx.append("negotiation", {"on": on, "concessions": cleaned}, actor)
        return replay(tx.history())


def _collective_required(packet: CasePacket) -> bool:
    # 行政处罚法第五十七条：情节复杂或者重大违法行为 → 应当集体讨论决定
    return bool(packet.flags.complex_case or packet.flags.grave_violation)


def _proposed_summary(packet: CasePacket) -> str:
    from .documents import money

    measures = []
    for m in packet.decision.measures:
        text = m.type.label + (money(m.amount) if m.amount is not None else "")
        if m.duration_days:
            text += f"（{m.duration_days}日）"
        measures.append(text)
    return packet.decision.summary or "、".join(measures) or "（未填写）"


def build_note(state: CaseState, on: date, calendar: Optional[Calendar] = None) -> EscalationNote:
    """The escalation note for the current round's open disputes (pure: state in, note out)."""
    r = state.current_round
    packet = r.packet
    findings = {f.rule_id: f for f in r.opinion.findings}
    objection = {d["rule_id"]: d for d in r.objection}
    disputes = []
    for rule_id in r.open_disputes:
        f = findings[rule_id]
        disputes.append(Dispute(
            rule_id=rule_id, item=f.item, title=f.title,
            reviewer_position=f"{_closed(f.message)}{_closed(f.suggestion)}",
            reviewer_citations=[Citation(**c.model_dump()) for c in f.citations],
            unit_reasons=objection[rule_id]["reasons"], unit_basis=objection[rule_id]["basis"],
        ))
    outcome = r.effective_outcome or r.outcome
    required = _collective_required(packet)
    calendar = calendar or Calendar()
    lines = [DeadlineLine(label=d.deadline.label, due=d.deadline.due, status=d.state_text())
             for d in _round_states(state, r, on, calendar) + _case_states(state, on, calendar, keys=("decision_limit",))]
    return EscalationNote(
        case_id=state.case_id, agency=packet.agency.name, case_number=packet.case_id, title=packet.title,
        party="、".join(p.name for p in packet.parties), proposed_decision=_proposed_summary(packet),
        outcome=outcome, outcome_label=OUTCOME_LABELS.get(outcome, outcome), round=r.number,
        disputes=disputes, settled=list(r.concessions), deadlines=lines,
        options=head_options(OUTCOME_LABELS.get(outcome, outcome), collective_required=required),
        collective_discussion_required=required, escalated_on=on,
    )


def _closed(text: str) -> str:
    text = (text or "").strip()
    return text if not text or text[-1] in "。；！？" else text + "。"


def escalate(register: Register, case_id: str, *, on: date, actor: Optional[str] = None,
             calendar: Optional[Calendar] = None) -> EscalationNote:
    """报请负责人决定: both opinions go together to the head (seed 003)."""
    on = _date(on, "on")
    with register.case(case_id) as tx:
        state = _require(replay(tx.history()), case_id, "escalate")
        _not_before(state, on, "报请负责人决定")
        note = build_note(state, on, calendar)
        tx.append("escalation", {"on": on, "note": note.model_dump(mode="json")}, actor)
        return note


def head_decide(register: Register, case_id: str, *, choice: str, reason: str, on: date, decided_by: str,
                collective_discussion_on: Optional[date] = None, actor: Optional[str] = None) -> CaseState:
    """负责人决定 on an escalation: adopt the reviewer's or the unit's position, always with a reason.

    When Art. 57 requires collective discussion (情节复杂或者重大违法行为) the
    decision is refused without the date of that discussion; the choice
    recorded is what the discussion settled on.
    """
    on = _date(on, "on")
    with register.case(case_id) as tx:
        state = _require(replay(tx.history()), case_id, "head_decide")
        _not_before(state, on, "负责人决定")
        note = state.open_escalation
        problems = []
        if choice == "collective_discussion":
            problems.append(Problem("choice", "集体讨论后请选择讨论的结论：adopt_reviewer（采纳法制审核意见）或 "
                                              "adopt_unit（采纳承办机构意见），并填写集体讨论日期"))
        elif choice not in ("adopt_reviewer", "adopt_unit"):
            problems.append(Problem("choice", f"未知的决定“{choice}”，可选：adopt_reviewer（采纳法制审核意见）、"
                                              f"adopt_unit（采纳承办机构意见）"))
        if not _text(reason):
            problems.append(Problem("reason", "负责人决定须写明理由"))
        if not _text(decided_by):
            problems.append(Problem("decided_by", "请填写作出决定的负责人"))
        discussed = _date(collective_discussion_on, "collective_discussion_on") if collective_discussion_on else None
        if discussed is not None and (discussed > on or discussed < note.escalated_on):
            problems.append(Problem("collective_discussion_on",
                                    f"集体讨论日期 {discussed.isoformat()} 应在报请日 {note.escalated_on.isoformat()} "
                                    f"与决定日 {on.isoformat()} 之间"))
        if problems:
            raise ReviewInputError(f"案件 {case_id} 的负责人决定", problems)
        if note.collective_discussion_required and discussed is None:
            raise _refuse(state, case_id, f"由负责人个人决定（{CHOICE_LABELS[choice]}）",
                          "本案情节复杂或者属重大违法行为，依《中华人民共和国行政处罚法》第五十七条，"
                          "行政机关负责人应当集体讨论决定；请填写集体讨论日期（collective_discussion_on）")
        decision = HeadDecision(choice=choice, reason=reason, decided_on=on, decided_by=decided_by,
                                collective_discussion_on=discussed)
        tx.append("head_decision", {"on": on, "decision": decision.model_dump(mode="json")}, actor)
        return replay(tx.history())


def decide(register: Register, case_id: str, *, on: date, decision_number: Optional[str] = None,
           actor: Optional[str] = None) -> CaseState:
    """作出决定 — the gate of 行政处罚法第五十八条: only when the current round's review passed."""
    on = _date(on, "on")
    with register.case(case_id) as tx:
        state = replay(tx.history())
        if state is not None and "decide" not in allowed_steps(state):
            raise _refuse(state, case_id, "作出决定", _gate_reason(state))
        state = _require(state, case_id, "decide")
        _not_before(state, on, "作出决定")
        tx.append("decided", {"on": on, "decision_number": _text(decision_number) or None}, actor)
        return replay(tx.history())


def _gate_reason(state: CaseState) -> str:
    law = "《中华人民共和国行政处罚法》第五十八条：未经法制审核或者审核未通过的，不得作出决定"
    s, r = state.state, state.current_round
    if s in FINAL_STATES:
        return f"本案{s.label}"
    if s in (CaseStateName.incomplete, CaseStateName.under_review):
        return f"本轮尚未出具法制审核意见（{law}）"
    if s == CaseStateName.escalated:
        return f"意见分歧已报请负责人决定，负责人尚未决定（{law}）"
    if s == CaseStateName.in_negotiation:
        return f"承办机构对审核意见的异议尚在协商中（{law}）"
    outcome = r.effective_outcome
    if outcome == "transfer":
        return "审核意见为建议移送司法机关，请办理移送（transfer）"
    return f"本轮审核意见为“{OUTCOME_LABELS.get(outcome, outcome)}”，审核未通过（{law}）"


def transfer(register: Register, case_id: str, *, on: date, to: str, actor: Optional[str] = None) -> CaseState:
    """移送司法机关 when the round's opinion (as it stands) recommends it."""
    on = _date(on, "on")
    if not _text(to):
        raise ReviewInputError(f"案件 {case_id} 移送", [Problem("to", "请填写接受移送的司法机关")])
    with register.case(case_id) as tx:
        state = replay(tx.history())
        why = ""
        if state is not None and state.state in (CaseStateName.opinion_issued, CaseStateName.head_decided):
            why = f"本轮审核意见为“{OUTCOME_LABELS.get(state.current_round.effective_outcome, '')}”，不是建议移送司法机关"
        state = _require(state, case_id, "transfer", why)
        _not_before(state, on, "移送")
        tx.append("transferred", {"on": on, "to": to.strip()}, actor)
        return replay(tx.history())


def publish(register: Register, case_id: str, *, on: date, channel: str, actor: Optional[str] = None) -> CaseState:
    """公示执法决定: closes the publication time limit that runs from the decision (国办发〔2018〕118号)."""
    on = _date(on, "on")
    if not _text(channel):
        raise ReviewInputError(f"案件 {case_id} 公示", [Problem("channel", "请填写公示渠道（如本机关门户网站）")])
    with register.case(case_id) as tx:
        state = replay(tx.history())
        why = ""
        if state is not None and state.state != CaseStateName.decided:
            why = "执法决定尚未作出，不能公示" if state.state not in FINAL_STATES else f"本案{state.state.label}"
        elif state is not None and state.published_on is not None:
            why = f"本案已于 {state.published_on.isoformat()} 公示"
        state = _require(state, case_id, "publish", why)
        _not_before(state, on, "公示")
        tx.append("published", {"on": on, "channel": channel.strip()}, actor)
        return replay(tx.history())


# ---------------------------------------------------------------- status and time limits


@dataclass
class CaseStatus:
    case_id: str
    state: CaseStateName
    rounds: list[Round]
    deadlines: list  # DueState
    warnings: list[str]
    allowed: list[str]
    missing: list
    case: CaseState

    @property
    def state_label(self) -> str:
        return self.state.label

    @property
    def open_deadlines(self) -> list:
        return [d for d in self.deadlines if d.status in _OPEN]

    def to_dict(self) -> dict:
        return {
            "case_id": self.case_id,
            "state": self.state.value,
            "state_label": self.state.label,
            "profile": self.case.profile,
            "allowed": [{"step": a, "label": STEP_LABELS[a]} for a in self.allowed],
            "missing": [_material_dict(m) for m in self.missing],
            "rounds": [r.to_dict() for r in self.rounds],
            "deadlines": [_due_dict(d) for d in self.deadlines],
            "warnings": self.warnings,
            "decided_on": _iso(self.case.decided_on),
            "decision_number": self.case.decision_number,
            "transferred_on": _iso(self.case.transferred_on),
            "transferred_to": self.case.transferred_to,
            "published_on": _iso(self.case.published_on),
            "published_channel": self.case.published_channel,
        }


_OPEN = ("pending", "due_today", "overdue")


def _due_dict(d) -> dict:
    return {"key": d.deadline.key, "label": d.deadline.label, "start": _iso(d.deadline.start),
            "due": _iso(d.deadline.due), "status": d.status, "workdays_left": d.workdays_left,
            "workdays_overdue": d.workdays_overdue, "done_on": _iso(d.done_on), "text": d.describe(),
            "basis": d.deadline.basis}


def _round_states(state: CaseState, r: Round, today: date, calendar: Calendar) -> list:
    """The review time limit of one round, and the revision time limit its opinion set."""
    params = _params(state.profile)
    out = []
    if r.started_on is not None:
        deadline = deadlines.review_deadline(r.started_on, params, calendar, extended_by=r.extended_by)
        out.append(deadlines.assess(deadline, today, calendar, done_on=r.opinion_on))
    needs_revision = (r.opinion is not None and r.effective_outcome in ("revise", "disapprove")
                      and r.open_disputes == [] and (r.objection == [] or r.settled_on or r.head_decision))
    if needs_revision and state.state != CaseStateName.in_negotiation:
        later = next((x for x in state.rounds if x.number == r.number + 1), None)
        deadline = deadlines.revision_deadline(r.result_on, params, calendar)
        out.append(deadlines.assess(deadline, today, calendar, done_on=later.submitted_on if later else None))
    return out


def _case_states(state: CaseState, today: date, calendar: Calendar,
                 keys: tuple[str, ...] = ("hearing_request", "hearing_notice", "decision_limit")) -> list:
    """Time limits the packet's own timeline sets (hearing, Art. 64; decision within 90 days, Art. 60)."""
    t = state.packet.timeline
    done = {
        "hearing_request": t.hearing_requested,
        "hearing_notice": t.hearing_notice,
        "decision_limit": state.decided_on or state.transferred_on,
    }
    out = []
    for deadline in deadlines.packet_deadlines(state.packet, _params(state.profile), calendar):
        if deadline.key not in keys:
            continue
        if deadline.key == "hearing_request" and t.hearing_requested is None:
            continue  # a party who did not ask for a hearing missed nothing the agency must track
        out.append(deadlines.assess(deadline, today, calendar, done_on=done.get(deadline.key)))
    return out


def _status_of(state: CaseState, today: date, calendar: Calendar) -> CaseStatus:
    limits = []
    for r in state.rounds:
        limits += _round_states(state, r, today, calendar)
    limits += _case_states(state, today, calendar)
    if state.state in FINAL_STATES:
        # Nothing of the review is open once the case is decided or transferred; what was met or
        # missed stays shown. Publication only starts then, and stays open until it is recorded.
        limits = [d for d in limits if d.status not in _OPEN]
    if state.decided_on is not None:
        deadline = deadlines.publication_deadline(state.decided_on, state.packet.category, _params(state.profile), calendar)
        limits.append(deadlines.assess(deadline, today, calendar, done_on=state.published_on))
    return CaseStatus(case_id=state.case_id, state=state.state, rounds=state.rounds, deadlines=limits,
                      warnings=calendar.warnings(), allowed=allowed_steps(state), missing=state.missing, case=state)


def status(register: Register, case_id: str, *, today: date, calendar: Optional[Calendar] = None) -> CaseStatus:
    """Where a case stands: state, rounds, every time limit as of `today`, calendar warnings."""
    today = _date(today, "today")
    state = replay(register.history(case_id))
    if state is None:
        known = register.case_ids()
        close = difflib.get_close_matches(case_id, known, n=3, cutoff=0.5)
        hint = f"，是否指：{'、'.join(close)}" if close else ""
        raise ReviewInputError("", [Problem("case_id", f"登记簿中没有案件 {case_id}{hint}")])
    return _status_of(state, today, calendar or Calendar())


def due(register: Register, *, today: date, calendar: Optional[Calendar] = None) -> list[tuple[str, Any]]:
    """Open time limits across all cases as of `today`: overdue first (most overdue first), then by days left."""
    today = _date(today, "today")
    calendar = calendar or Calendar()
    out = []
    for case_id in register.case_ids():
        state = replay(register.history(case_id))
        if state is None:
            continue
        for d in _status_of(state, today, calendar).deadlines:
            if d.status in _OPEN:
                out.append((case_id, d))
    rank = {"overdue": 0, "due_today": 1, "pending": 2}
    out.sort(key=lambda item: (rank[item[1].status], -item[1].workdays_overdue, item[1].workdays_left,
                               item[1].deadline.due, item[0]))
    return out
