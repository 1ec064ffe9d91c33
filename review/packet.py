"""The case packet (送审案卷): what the handling unit submits for legal review.

Every field carries a Chinese description because the JSON Schema printed by
`review schema` is what case-system integrators and legal staff read.
Structural checks (types, required fields, closed vocabularies, non-negative
amounts) live here; cross-field checks (dates out of order) are in
`consistency_problems`, so that one packet reports all its problems at once.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Optional

from pydantic import BaseModel, ConfigDict, Field

from .vocabulary import (
    AgencyLevel,
    Category,
    DiscretionTier,
    EvidenceType,
    MeasureType,
    PartyType,
    Procedure,
    ProvisionRole,
)

Amount = Annotated[float, Field(ge=0, description="金额（元），不得为负数")]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=False, populate_by_name=True)


class Agency(_Model):
    name: str = Field(description="执法机关名称")
    level: AgencyLevel = Field(description="执法层级：" + AgencyLevel.choices())
    domain: str = Field(description="所属执法领域，如“市场监管”“应急管理”“文化市场”")
    region: Optional[str] = Field(None, description="管辖区域，如“长治市”")
    powers: list[str] = Field(
        default_factory=list,
        description="权责清单中本机关可以作出的执法事项名称（用于核对执法主体与职权）",
    )
    measure_powers: list[MeasureType] = Field(
        default_factory=list,
        description="本机关依法可以采取的处理措施种类（用于核对是否超越职权）；为空表示未提供",
    )
    entrusted_by: Optional[str] = Field(
        None, description="受委托实施执法时，委托机关名称；受托组织应以委托机关名义作出决定"
    )
    decision_in_name_of: Optional[str] = Field(
        None, description="拟作出决定所使用的机关名义（为空视为本机关名义）"
    )
    profile: Optional[str] = Field(None, description="适用的目录清单档案（见 checklists/profiles），为空时用 national")


class Party(_Model):
    kind: PartyType = Field(description="当事人类型：" + PartyType.choices())
    name: str = Field(description="姓名或名称")
    id_number: Optional[str] = Field(None, description="自然人身份证件号码")
    credit_code: Optional[str] = Field(None, description="法人或其他组织的统一社会信用代码")
    age: Optional[int] = Field(None, ge=0, le=150, description="违法行为发生时的年龄（自然人）")
    mental_condition: Optional[str] = Field(
        None,
        description="精神状况：normal（正常）、limited（尚未完全丧失辨认或控制能力）、none（不能辨认或控制自己行为）",
    )
    address: Optional[str] = Field(None, description="住所或经营场所地址")
    phone: Optional[str] = Field(None, description="联系电话")
    legal_representative: Optional[str] = Field(None, description="法定代表人或负责人")


class Officer(_Model):
    name: str = Field(description="执法人员姓名")
    certificate_no: Optional[str] = Field(None, description="行政执法证件号码")
    certificate_domain: Optional[str] = Field(None, description="执法证件载明的执法领域")
    valid_from: Optional[date] = Field(None, description="执法证件有效期起")
    valid_until: Optional[date] = Field(None, description="执法证件有效期止")
    legal_qualification: bool = Field(False, description="是否取得国家统一法律职业资格（法制审核人员适用）")


class FactsFound(_Model):
    conduct: Optional[str] = Field(None, description="违法行为或申请事项（认定的主要事实）")
    conduct_date: Optional[date] = Field(None, description="违法行为发生（或终了）日期")
    conduct_continuing: bool = Field(False, description="违法行为是否处于连续或继续状态")
    place: Optional[str] = Field(None, description="违法行为发生地点")
    consequence: Optional[str] = Field(None, description="危害后果")
    harms_life_health_or_finance: bool = Field(
        False, description="是否涉及公民生命健康安全、金融安全且有危害后果（追责期限五年，行政处罚法第三十六条）"
    )
    illegal_gains: Optional[Amount] = Field(None, description="违法所得金额（元）")
    illegal_gains_computation: Optional[str] = Field(None, description="违法所得的计算方法与过程")
    amount_involved: Optional[Amount] = Field(None, description="涉案金额（元），如货值金额、经营额")


class Evidence(_Model):
    type: EvidenceType = Field(description="证据种类：" + EvidenceType.choices())
    title: str = Field(description="证据名称")
    proves: list[str] = Field(default_factory=list, description="拟证明的事实（如 conduct、place、illegal_gains、party）")
    collected_by: list[str] = Field(default_factory=list, description="收集、调取证据的执法人员")
    collected_on: Optional[date] = Field(None, description="收集日期")
    method: Optional[str] = Field(None, description="收集方式，如现场检查、询问、调取、抽样")
    source: Optional[str] = Field(None, description="证据来源（提供人或出处）")
    signed: bool = Field(False, description="是否经当事人或见证人签名、盖章确认")
    lawfully_obtained: bool = Field(True, description="是否依法取得（以非法手段取得的证据不得作为认定案件事实的根据）")


class Provision(_Model):
    law: str = Field(description="法律、法规或规章名称")
    article: str = Field(description="条，如“第五十八条”")
    clause: Optional[str] = Field(None, description="款、项")
    role: ProvisionRole = Field(description="引用用途：" + ProvisionRole.choices())
    in_force_from: Optional[date] = Field(None, description="该条文施行日期")
    in_force_until: Optional[date] = Field(None, description="该条文失效日期（仍有效则为空）")


class Measure(_Model):
    type: MeasureType = Field(description="处理措施种类：" + MeasureType.choices())
    amount: Optional[Amount] = Field(None, description="金额或价值（元）：罚款数额、没收违法所得或财物价值、查封扣押财物价值")
    duration_days: Optional[int] = Field(None, ge=0, description="期限（日），如停产停业、拘留、查封扣押期限")
    statutory_min: Optional[Amount] = Field(None, description="法定罚则下限（元）")
    statutory_max: Optional[Amount] = Field(None, description="法定罚则上限（元）")
    benchmark_min: Optional[Amount] = Field(None, description="裁量基准对应档次下限（元）")
    benchmark_max: Optional[Amount] = Field(None, description="裁量基准对应档次上限（元）")
    halts_business: bool = Field(False, description="查封扣押是否致使当事人停产停业")
    executed_on: Optional[date] = Field(
        None,
        description="已当场实施的日期（情况紧急当场实施行政强制措施后补办批准的，行政强制法第十九条）；拟作出、尚未实施的留空",
    )
    description: Optional[str] = Field(None, description="措施的文字表述")


class Discretion(_Model):
    tier: DiscretionTier = Field(DiscretionTier.standard, description="适用的裁量档次：" + DiscretionTier.choices())
    reasons: list[str] = Field(default_factory=list, description="从轻、减轻、从重或不予处罚的理由")
    first_offence_minor: bool = Field(False, description="是否初次违法且危害后果轻微并及时改正（行政处罚法第三十三条）")


class ProposedDecision(_Model):
    summary: Optional[str] = Field(None, description="拟作出决定的主要内容")
    measures: list[Measure] = Field(default_factory=list, description="拟采取的处理措施")
    discretion: Discretion = Field(default_factory=Discretion, description="行政裁量情况")


class Timeline(_Model):
    filed: Optional[date] = Field(None, description="立案日期")
    investigation_end: Optional[date] = Field(None, description="调查终结日期")
    notice_of_intent: Optional[date] = Field(None, description="送达行政处罚（或其他决定）事先告知书的日期")
    hearing_rights_notified: bool = Field(False, description="告知书是否告知了要求听证的权利")
    statement_heard: Optional[date] = Field(None, description="听取陈述、申辩的日期")
    statement_waived: bool = Field(False, description="当事人是否明确放弃陈述、申辩")
    hearing_requested: Optional[date] = Field(None, description="当事人提出听证申请的日期")
    hearing_notice: Optional[date] = Field(None, description="送达听证通知书的日期")
    hearing_held: Optional[date] = Field(None, description="举行听证的日期")
    collective_discussion: Optional[date] = Field(None, description="负责人集体讨论日期")
    submitted_for_review: Optional[date] = Field(None, description="送法制审核日期")
    decision_date: Optional[date] = Field(None, description="拟作出决定日期（确定适用的目录清单版本）")


class Document(_Model):
    name: str = Field(description="文书名称，如“立案审批表”“行政处罚事先告知书”")
    signed: bool = Field(True, description="是否已签名或盖章")
    dated: bool = Field(True, description="是否注明日期")


class Recording(_Model):
    activity: str = Field(
        description="记录的执法活动：on_site_inspection（现场检查）、sampling（抽样取证）、evidence_preservation（证据保全）、"
        "seizure（查封扣押）、demolition（强制拆除）、hearing（听证）、service（送达）、detention（限制人身自由）等"
    )
    continuous: bool = Field(False, description="是否全程不间断音像记录")
    case_number: Optional[str] = Field(None, description="记录所标注的案件编号")
    recorded_at: Optional[date] = Field(None, description="记录日期")
    place: Optional[str] = Field(None, description="记录地点")
    recorder: Optional[str] = Field(None, description="记录人")
    proves: Optional[str] = Field(None, description="拟证明的事项")


class Flags(_Model):
    major_public_interest: bool = Field(False, description="涉及重大公共利益")
    major_social_impact: bool = Field(False, description="可能造成重大社会影响或者引发社会风险")
    major_rights_affected: bool = Field(False, description="直接关系当事人或者第三人重大权益")
    complex_case: bool = Field(False, description="案件情况疑难复杂")
    multiple_legal_relations: bool = Field(False, description="涉及多个法律关系")
    grave_violation: bool = Field(False, description="重大违法行为（行政处罚法第五十七条）")
    licence_hearing_applicable: bool = Field(
        False, description="许可事项依法应当听证或涉及申请人与他人之间重大利益关系（行政许可法第四十六条、第四十七条）"
    )
    outside_benchmark: bool = Field(False, description="裁量结果超出裁量基准")


class CrimeIndicator(_Model):
    offence: str = Field(
        description="可能涉及的罪名代码：fake_products（生产、销售伪劣产品）、illegal_business（非法经营）、"
        "food_safety（生产、销售不符合安全标准的食品）等，见 checklists/crime_thresholds.csv"
    )
    sales_amount: Optional[Amount] = Field(None, description="销售金额（元）")
    goods_value: Optional[Amount] = Field(None, description="货值金额（元）")
    business_amount: Optional[Amount] = Field(None, description="非法经营数额（元）")
    illegal_gains: Optional[Amount] = Field(None, description="违法所得数额（元）")
    serious_harm: bool = Field(False, description="是否造成严重后果（如足以造成严重食物中毒事故）")
    transfer_proposed: bool = Field(False, description="承办机构是否已提出移送司法机关")


class Publication(_Model):
    planned: bool = Field(False, description="是否已制定公示安排")
    planned_date: Optional[date] = Field(None, description="计划公示日期")
    redaction_done: bool = Field(False, description="是否已对个人隐私、商业秘密等作去标识化处理")
    channel: Optional[str] = Field(None, description="公示渠道，如门户网站、信用信息公示系统")


class CasePacket(_Model):
    """送审案卷：承办机构提交法制审核的全部要素。"""

    case_id: str = Field(description="案件编号")
    title: str = Field(description="案件名称")
    matter: str = Field(description="执法事项名称（与权责清单一致）")
    category: Category = Field(description="执法类别：" + Category.choices())
    procedure: Procedure = Field(Procedure.ordinary, description="程序：" + Procedure.choices())
    agency: Agency = Field(description="执法机关")
    parties: list[Party] = Field(min_length=1, description="当事人（至少一名）")
    officers: list[Officer] = Field(default_factory=list, description="承办执法人员")
    facts: FactsFound = Field(default_factory=FactsFound, description="认定的事实")
    evidence: list[Evidence] = Field(default_factory=list, description="证据材料")
    legal_basis: list[Provision] = Field(default_factory=list, description="适用的法律依据")
    decision: ProposedDecision = Field(description="拟作出的决定")
    timeline: Timeline = Field(default_factory=Timeline, description="程序时间节点")
    documents: list[Document] = Field(default_factory=list, description="案卷中已有的执法文书")
    recordings: list[Recording] = Field(default_factory=list, description="音像记录")
    flags: Flags = Field(default_factory=Flags, description="社会影响、公共利益与复杂程度")
    crime_indicators: list[CrimeIndicator] = Field(default_factory=list, description="涉嫌犯罪的线索")
    publication: Publication = Field(default_factory=Publication, description="公示安排")
    notes: Optional[str] = Field(None, description="备注（不参与审核）")


#: Timeline dates that must not precede the filing date, in procedural order.
_AFTER_FILING = (
    "investigation_end",
    "notice_of_intent",
    "statement_heard",
    "hearing_requested",
    "hearing_notice",
    "hearing_held",
    "collective_discussion",
    "submitted_for_review",
    "decision_date",
)

_FIELD_LABELS = {name: field.description for name, field in Timeline.model_fields.items()}


def consistency_problems(packet: CasePacket) -> list[tuple[str, str]]:
    """Cross-field problems as (field path, Chinese message).

    These make a packet unreviewable rather than defective: a decision dated
    before its own filing is a typing error to send back, not a legal finding.
    """
    problems: list[tuple[str, str]] = []
    t = packet.timeline
    if t.filed:
        for name in _AFTER_FILING:
            value = getattr(t, name)
            if value and value < t.filed:
                problems.append(
                    (
                        f"timeline.{name}",
                        f"{_FIELD_LABELS[name]}（{value}）早于立案日期（{t.filed}），日期顺序有误",
                    )
                )
    if t.decision_date and t.submitted_for_review and t.decision_date < t.submitted_for_review:
        problems.append(
            (
                "timeline.decision_date",
                f"拟作出决定日期（{t.decision_date}）早于送法制审核日期（{t.submitted_for_review}），日期顺序有误",
            )
        )
    for i, officer in enumerate(packet.officers):
        if officer.valid_from and officer.valid_until and officer.valid_until < officer.valid_from:
            problems.append(
                (f"officers[{i}].valid_until", f"执法证件有效期止（{officer.valid_until}）早于有效期起（{officer.valid_from}）")
            )
    for i, measure in enumerate(packet.decision.measures):
        lo, hi = measure.statutory_min, measure.statutory_max
        if lo is not None and hi is not None and hi < lo:
            problems.append((f"decision.measures[{i}].statutory_max", f"法定上限（{hi}）小于法定下限（{lo}）"))
    return problems
