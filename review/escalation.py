"""The escalation note (意见分歧情况说明): what the agency head reads when unit and reviewer still disagree.

Seed 003: 对法制审核意见有异议的，应当列明理由和依据并与法制审核机构（人员）
协商沟通，经协商沟通不能达成一致意见的，将双方意见一并报送行政执法机关负责人处理。
So the note carries both sides of every dispute with their grounds, what
negotiation already settled, the time limits running, and the choices open
to the head — and, once made, the head's decision with its reason. It is
stored whole in the register (the `escalation` and `head_decision`
entries), so the note the head saw can be shown again years later exactly.

Option wording and the Art. 57 text are data (checklists/escalation.yaml).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Literal, Optional

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

from .resources import folder

OptionKey = Literal["adopt_reviewer", "adopt_unit", "collective_discussion"]
Choice = Literal["adopt_reviewer", "adopt_unit"]
Side = Literal["reviewer", "unit"]

SIDE_LABELS = {"reviewer": "法制审核机构（人员）", "unit": "承办机构"}
CHOICE_LABELS = {
    "adopt_reviewer": "采纳法制审核意见",
    "adopt_unit": "采纳承办机构意见",
    "collective_discussion": "提请负责人集体讨论决定",
}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Citation(_Model):
    law: str = Field(description="法律、法规或规章名称")
    article: str = Field(description="条")
    clause: Optional[str] = Field(None, description="款、项")
    text: str = Field("", description="条文原文")


class Dispute(_Model):
    """One finding the handling unit objects to, both positions side by side."""

    rule_id: str = Field(description="审核意见中有异议的问题（规则编号）")
    item: str = Field("", description="要素清单条目 C01–C12")
    title: str = Field(description="问题标题")
    reviewer_position: str = Field(description="法制审核机构（人员）的意见：发现的问题及处理建议")
    reviewer_citations: list[Citation] = Field(default_factory=list, description="法制审核意见的依据（条文原文）")
    unit_reasons: str = Field(description="承办机构的异议理由")
    unit_basis: str = Field(description="承办机构异议的依据（法律条文、证据等）")

    # Names review.documents.escalation_view reads.
    @property
    def reviewer_opinion(self) -> str:
        return self.reviewer_position

    @property
    def citations(self) -> list[Citation]:
        return self.reviewer_citations


class Concession(_Model):
    """A dispute settled in negotiation: one side gave way (协商中一方让步)."""

    rule_id: str = Field(description="达成一致的问题（规则编号）")
    title: str = Field("", description="问题标题")
    conceded_by: Side = Field(description="让步一方：reviewer（法制审核机构撤回该意见）或 unit（承办机构接受该意见）")
    resolution: str = Field(description="协商结果（如何处理）")

    @property
    def conceded_by_label(self) -> str:
        return SIDE_LABELS[self.conceded_by]


class DeadlineLine(_Model):
    label: str = Field(description="期限名称，如法制审核期限、作出决定期限")
    due: date = Field(description="届满日期")
    status: str = Field(description="期限状况（中文说明，如“2025年10月10日届满，尚余 2 个工作日”）")


class HeadOption(_Model):
    key: OptionKey = Field(description="处理方式代码：adopt_reviewer、adopt_unit、collective_discussion")
    label: str = Field(description="处理方式（中文）")
    basis: str = Field("", description="依据")
    required: bool = Field(False, description="是否为法定必经程序（集体讨论：情节复杂或者重大违法行为，行政处罚法第五十七条）")


class HeadDecision(_Model):
    """The head's decision on an escalation; a reason is always recorded."""

    choice: Choice = Field(description="负责人的最终选择：adopt_reviewer（采纳法制审核意见）或 adopt_unit（采纳承办机构意见）")
    reason: str = Field(min_length=1, description="决定理由（必填）")
    decided_on: date = Field(description="负责人作出决定的日期")
    decided_by: str = Field(min_length=1, description="作出决定的负责人")
    collective_discussion_on: Optional[date] = Field(None, description="经集体讨论的，集体讨论日期")

    @field_validator("reason", "decided_by")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("不能为空")
        return value.strip()

    @property
    def choice_label(self) -> str:
        return CHOICE_LABELS[self.choice]


class EscalationNote(_Model):
    """报请负责人决定的意见分歧情况说明."""

    case_id: str = Field(description="登记簿中的案件编号")
    agency: str = Field(description="执法机关")
    case_number: str = Field(description="案卷的案件编号")
    title: str = Field("", description="案件名称")
    party: str = Field(description="当事人")
    proposed_decision: str = Field(description="拟作出的决定（处理措施摘要）")
    outcome: str = Field(description="本轮审核意见结论代码：approve、revise、disapprove、transfer")
    outcome_label: str = Field("", description="审核意见结论（中文）")
    round: int = Field(ge=1, description="第几轮送审")
    disputes: list[Dispute] = Field(description="未能达成一致的事项，双方意见并列")
    settled: list[Concession] = Field(default_factory=list, description="经协商已达成一致的事项")
    deadlines: list[DeadlineLine] = Field(default_factory=list, description="正在计算的期限")
    options: list[HeadOption] = Field(description="可供负责人选择的处理方式")
    collective_discussion_required: bool = Field(
        False, description="是否应当集体讨论决定（情节复杂或者重大违法行为，行政处罚法第五十七条）")
    escalated_on: date = Field(description="报请负责人决定的日期")
    head_decision: Optional[HeadDecision] = Field(None, description="负责人的决定（尚未决定时为空）")

    def option(self, key: str) -> HeadOption:
        return next(o for o in self.options if o.key == key)


@lru_cache(maxsize=4)
def _option_wording(root: str) -> tuple[dict, ...]:
    path = folder("checklists", root or None) / "escalation.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return tuple(data.get("options") or ())


def head_options(outcome_label: str, *, collective_required: bool, checklists: Optional[str] = None) -> list[HeadOption]:
    """The head's choices; collective discussion is marked 应当 when Art. 57 requires it."""
    out = []
    for entry in _option_wording(str(checklists or "")):
        label = entry["label"].format(outcome=outcome_label)
        required = entry["key"] == "collective_discussion" and collective_required
        if required:
            label = entry.get("required_label", label)
        out.append(HeadOption(key=entry["key"], label=label, basis=entry.get("basis", ""), required=required))
    return out
