"""Closed vocabularies of the packet: codes in English, labels in Chinese.

A case system sends the English code; legal staff may type the Chinese label
in a YAML packet. Both are accepted and stored as the code, so rules and the
JSON contract see one spelling only.
"""

from __future__ import annotations

from enum import Enum


class Coded(str, Enum):
    """An enum whose members carry a Chinese label and accept it as input."""

    def __new__(cls, code: str, label: str):
        obj = str.__new__(cls, code)
        obj._value_ = code
        obj.label = label
        return obj

    @classmethod
    def _missing_(cls, value):
        for member in cls:
            if value == member.label:
                return member
        return None

    @classmethod
    def choices(cls) -> str:
        return "、".join(f"{m.value}（{m.label}）" for m in cls)


class Category(Coded):
    licence = "licence", "行政许可"
    penalty = "penalty", "行政处罚"
    coercion = "coercion", "行政强制"
    levy = "levy", "行政征收"
    fee = "fee", "行政收费"
    inspection = "inspection", "行政检查"
    confirmation = "confirmation", "行政确认"
    registration = "registration", "行政登记"
    payment = "payment", "行政给付"
    adjudication = "adjudication", "行政裁决"


class Procedure(Coded):
    summary = "summary", "简易程序"
    ordinary = "ordinary", "一般程序"


class PartyType(Coded):
    individual = "individual", "自然人"
    organisation = "organisation", "法人"
    other_organisation = "other_organisation", "其他组织"


class AgencyLevel(Coded):
    national = "national", "国家级"
    provincial = "provincial", "省级"
    municipal = "municipal", "市级"
    county = "county", "县级"
    township = "township", "乡镇（街道）"


class MeasureType(Coded):
    warning = "warning", "警告"
    notice_of_criticism = "notice_of_criticism", "通报批评"
    fine = "fine", "罚款"
    confiscate_gains = "confiscate_gains", "没收违法所得"
    confiscate_property = "confiscate_property", "没收非法财物"
    suspend_licence = "suspend_licence", "暂扣许可证件"
    lower_qualification = "lower_qualification", "降低资质等级"
    revoke_licence = "revoke_licence", "吊销许可证件"
    restrict_activity = "restrict_activity", "限制开展生产经营活动"
    suspend_business = "suspend_business", "责令停产停业"
    closure = "closure", "责令关闭"
    restrict_practice = "restrict_practice", "限制从业"
    detention = "detention", "行政拘留"
    restrict_liberty = "restrict_liberty", "限制人身自由"
    seizure = "seizure", "查封场所、设施或者财物"
    impoundment = "impoundment", "扣押财物"
    freeze = "freeze", "冻结存款、汇款"
    auction = "auction", "拍卖或者依法处理查封、扣押的财物"
    demolition = "demolition", "强制拆除"
    enforced_payment = "enforced_payment", "加处罚款或者滞纳金"
    licence_grant = "licence_grant", "准予行政许可"
    licence_refusal = "licence_refusal", "不予行政许可"
    licence_non_renewal = "licence_non_renewal", "不予延续行政许可"
    licence_withdrawal = "licence_withdrawal", "撤回行政许可"
    licence_revocation = "licence_revocation", "撤销行政许可"
    levy = "levy", "征收"
    fee = "fee", "收费"
    payment = "payment", "给付"
    confirmation = "confirmation", "确认"
    registration = "registration", "登记"
    adjudication = "adjudication", "裁决"
    order_correction = "order_correction", "责令改正"


class DiscretionTier(Coded):
    none = "none", "不予处罚"
    mitigated = "mitigated", "减轻处罚"
    lighter = "lighter", "从轻处罚"
    standard = "standard", "一般处罚"
    heavier = "heavier", "从重处罚"
    aggravated = "aggravated", "加重处罚"


class ProvisionRole(Coded):
    violated = "violated", "违法条款"
    penalty = "penalty", "处罚依据"
    authority = "authority", "职权依据"
    procedure = "procedure", "程序依据"
    discretion = "discretion", "裁量依据"


class EvidenceType(Coded):
    documentary = "documentary", "书证"
    physical = "physical", "物证"
    audiovisual = "audiovisual", "视听资料"
    electronic = "electronic", "电子数据"
    witness = "witness", "证人证言"
    party_statement = "party_statement", "当事人的陈述"
    expert_opinion = "expert_opinion", "鉴定意见"
    inspection_record = "inspection_record", "勘验笔录、现场笔录"
