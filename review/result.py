"""The review result: the JSON contract case systems rely on.

`ReviewResult.model_dump(mode="json")` is what `review check --format json`
prints. Field names are stable; adding a field is allowed, renaming or
removing one is a breaking change and bumps `schema_version`.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal, Optional

from pydantic import BaseModel, Field

Outcome = Literal["approve", "revise", "disapprove", "transfer"]
Status = Literal["pass", "fail", "not_applicable"]

OUTCOME_LABELS: dict[str, str] = {
    "approve": "同意",
    "revise": "建议修改后再送审",
    "disapprove": "不同意",
    "transfer": "建议移送司法机关",
}
STATUS_LABELS = {"pass": "符合", "fail": "不符合", "not_applicable": "不适用"}


class CitationOut(BaseModel):
    law: str
    article: str
    clause: Optional[str] = None
    text: str


class FieldValue(BaseModel):
    """A packet field that made a rule fire, with its value."""

    path: str = Field(description="案卷中的字段路径，如 officers[1].valid_until")
    value: Any = Field(description="该字段的取值")


class Finding(BaseModel):
    rule_id: str
    item: str = Field(description="要素清单条目 C01–C12")
    severity: Literal["note", "defect", "fatal", "crime"]
    title: str
    message: str
    suggestion: str
    citations: list[CitationOut]
    fields: list[FieldValue] = Field(description="触发该规则的字段及其取值")


class Trigger(BaseModel):
    id: str
    label: str
    source: str = Field(description="出处：法律条文或目录清单")
    fields: list[FieldValue] = Field(default_factory=list)


class MajorDetermination(BaseModel):
    is_major: bool
    triggers: list[Trigger]


class ItemResult(BaseModel):
    id: str
    title: str
    status: Status
    findings: list[str] = Field(default_factory=list, description="该条目下发现问题的规则编号")


class ProfileRef(BaseModel):
    name: str
    label: str
    source: str


class ReviewResult(BaseModel):
    schema_version: Literal["1"] = "1"
    case_id: str
    title: str
    category: str
    decision_date: date = Field(description="确定适用档案与门槛版本的日期")
    profile: ProfileRef
    outcome: Outcome
    outcome_label: str
    major: MajorDetermination
    findings: list[Finding]
    items: list[ItemResult]
    warnings: list[str] = Field(default_factory=list)

    def fired(self) -> list[str]:
        return [f.rule_id for f in self.findings]

    def item(self, item_id: str) -> ItemResult:
        return next(i for i in self.items if i.id == item_id)
