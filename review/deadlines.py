"""Time limits of a case (期限): when each runs out, and where the case stands against it.

Counting follows the statutes, not habit:
- the start day is not counted (《中华人民共和国民法典》第二百零一条第一款：按照年、月、日计算期间的，
  开始的当日不计入，自下一日开始计算);
- Art. 85 行政处罚法 makes its 二日/三日/五日/七日 working days, and 行政许可法 Art. 82 does the same for
  licence limits, so those run on the statutory holiday calendar with its make-up workdays (Calendar);
- Art. 60's ninety days are natural days (the statute says 九十日, not one of Art. 85's counts). The due
  day is not moved off a weekend here, so this agrees with checklist rule C07 (filed → decision > 90 days);
- how late something is, is always told in working days, the unit the office plans in.

The numbers come from the profile's params (checklists/profiles/*.yaml), never from this file.
Calendar records the years it had to guess (2027 and later without a holiday file); callers copy
`calendar.warnings()` into what they show.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Mapping, Optional

import yaml

from .packet import CasePacket
from .resources import bundled
from .vocabulary import Category
from .workdays import Calendar

# Names and quoted bases of the limits are law, kept beside the other checklists (checklists/deadlines.yaml).
_WORDING = yaml.safe_load((bundled("checklists") / "deadlines.yaml").read_text(encoding="utf-8"))
LABELS: dict[str, str] = _WORDING["labels"]
_BASIS: dict = _WORDING["basis"]
_ART85 = _BASIS["workdays_penalty"]
_LICENCE_ART82 = _BASIS["workdays_licence"]


def _by_category(key: str, licence: bool) -> str:
    """A hearing limit's basis: 行政许可法 for a licence, 行政处罚法 otherwise, with the working-day rule."""
    return f"{_BASIS[key]['licence']}；{_LICENCE_ART82}" if licence else f"{_BASIS[key]['penalty']}；{_ART85}"

STATUS_LABELS = {
    "met": "按期完成",
    "pending": "未届满",
    "due_today": "今日届满",
    "overdue": "已逾期",
    "missed": "逾期完成",
}


@dataclass(frozen=True)
class Deadline:
    key: str
    label: str
    start: date  # the day the period runs from (not itself counted)
    due: date  # last day still in time; for hearing_notice the latest day to notify
    amount: int
    unit: str  # "workdays" | "days"
    basis: str


@dataclass(frozen=True)
class DueState:
    deadline: Deadline
    status: str  # met | pending | due_today | overdue | missed
    workdays_left: int
    workdays_overdue: int
    done_on: Optional[date]

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    def describe(self) -> str:
        """「法制审核期限：2025年10月13日届满，尚余 2 个工作日」."""
        return f"{self.deadline.label}：{self.state_text()}"

    def state_text(self) -> str:
        """The same without the limit's name, for places that show the name beside it."""
        d = self.deadline
        when = _cn(d.due)
        head = f"最迟应于{when}通知" if d.key == "hearing_notice" else f"{when}届满"
        if self.status == "pending":
            return f"{head}，尚余 {self.workdays_left} 个工作日"
        if self.status == "due_today":
            return f"{head}，今日届满"
        if self.status == "overdue":
            if self.workdays_overdue == 0:
                return f"{head}，已届满，尚未完成"
            return f"{head}，已逾期 {self.workdays_overdue} 个工作日"
        if self.status == "met":
            return f"{head}，已于{_cn(self.done_on)}完成"
        late = f"，逾期 {self.workdays_overdue} 个工作日" if self.workdays_overdue else "，晚于期限"
        return f"{head}，{_cn(self.done_on)}才完成{late}"


# ---------------------------------------------------------------- the limits


def review_deadline(started: date, params: Mapping[str, Any], calendar: Calendar, *, extended_by: int = 0) -> Deadline:
    """The review time limit from the day the packet was complete, plus any approved extension."""
    days = int(params["review_days"])
    amount = days + int(extended_by)
    basis = _BASIS["review"].format(days=days)
    if extended_by:
        basis += _BASIS["review_extension"].format(extension=int(extended_by))
    return Deadline(
        key="review_extended" if extended_by else "review",
        label=LABELS["review"], start=started, due=calendar.add(started, amount),
        amount=amount, unit="workdays", basis=f"{basis}；{_ART85}",
    )


def revision_deadline(opinion_on: date, params: Mapping[str, Any], calendar: Calendar) -> Deadline:
    """After a 建议修改后再送审 opinion: the revised packet is due back within revision_workdays."""
    amount = int(params["revision_workdays"])
    return Deadline(
        key="revision", label=LABELS["revision"], start=opinion_on, due=calendar.add(opinion_on, amount),
        amount=amount, unit="workdays",
        basis=f"{_BASIS['revision'].format(days=amount)}；{_ART85}",
    )


def packet_deadlines(packet: CasePacket, params: Mapping[str, Any], calendar: Calendar) -> list[Deadline]:
    """The limits the packet's own timeline sets; a limit whose start is not recorded is left out."""
    t = packet.timeline
    licence = packet.category == Category.licence
    out = []
    if t.notice_of_intent is not None and (t.hearing_rights_notified or t.hearing_requested is not None):
        amount = int(params["hearing_request_workdays"])
        basis = _by_category("hearing_request", licence)
        out.append(Deadline("hearing_request", LABELS["hearing_request"], t.notice_of_intent,
                            calendar.add(t.notice_of_intent, amount), amount, "workdays", basis))
    if t.hearing_held is not None:
        amount = int(params["hearing_notice_workdays"])
        basis = _by_category("hearing_notice", licence)
        out.append(Deadline("hearing_notice", LABELS["hearing_notice"], t.hearing_held,
                            subtract(calendar, t.hearing_held, amount), amount, "workdays", basis))
    if t.filed is not None and packet.category == Category.penalty:
        amount = int(params["decision_limit_days"])
        out.append(Deadline(
            "decision_limit", LABELS["decision_limit"], t.filed, t.filed + timedelta(days=amount), amount, "days",
            _BASIS["decision_limit"],
        ))
    if t.decision_date is not None:
        out.append(publication_deadline(t.decision_date, packet.category, params, calendar))
    return out


def publication_deadline(decided_on: date, category: Category, params: Mapping[str, Any], calendar: Calendar) -> Deadline:
    """公示: from the day the decision is made (the packet's planned date, or the flow's recorded one)."""
    penalty_or_licence = category in (Category.penalty, Category.licence)
    amount = int(params["publication_workdays_penalty_licence" if penalty_or_licence else "publication_workdays_other"])
    return Deadline("publication", LABELS["publication"], decided_on, calendar.add(decided_on, amount), amount,
                    "workdays", _BASIS["publication"])


def assess(deadline: Deadline, today: date, calendar: Calendar, done_on: Optional[date] = None) -> DueState:
    """Where a case stands against one limit on `today`; once done, only whether it was in time."""
    if done_on is not None:
        if done_on <= deadline.due:
            return DueState(deadline, "met", 0, 0, done_on)
        return DueState(deadline, "missed", 0, calendar.between(deadline.due, done_on), done_on)
    if today < deadline.due:
        return DueState(deadline, "pending", calendar.between(today, deadline.due), 0, None)
    if today == deadline.due:
        return DueState(deadline, "due_today", 0, 0, None)
    return DueState(deadline, "overdue", 0, calendar.between(deadline.due, today), None)


def subtract(calendar: Calendar, end: date, workdays: int) -> date:
    """The working day `workdays` working days before `end` (end itself not counted): a notice
    served on that day leaves `workdays` working days up to and including `end`."""
    day = end
    remaining = workdays
    while remaining > 0:
        day -= timedelta(days=1)
        if calendar.is_workday(day):
            remaining -= 1
    return day


def _cn(day: Optional[date]) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else ""
