"""From a packet to the facts the rule engine sees.

One `case` fact carries the packet's scalar elements and a few measurements
(counts, day spans, sets); one fact per officer, party, evidence item,
provision, measure, recording and crime indicator lets a rule fire once per
offending item and name it. Sub-facts carry the case's scalars under `case.`
so a condition can compare an officer's certificate with the filing date.

Only measurements live here, never legal judgements: "days from filing to
decision" is a fact, "more than 90 days" is a rule (and 90 a parameter).
Missing values are left out of a fact, so `exists: false` tests absence and
every comparison on a missing value is simply false.

`FIELDS` is the vocabulary rule authors may use; the rulebook loader rejects a
condition or message that names anything else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any, Optional

from .catalogue import Catalogue
from .packet import CasePacket
from .vocabulary import Coded, PartyType
from .workdays import Calendar

# kind -> field -> (Chinese description, packet path it comes from, or None if
# derived). A sub-fact's path is relative to its item ("officers[1]."), unless
# it starts with "^", which marks a path from the packet's root.
FIELDS: dict[str, dict[str, tuple[str, Optional[str]]]] = {
    "case": {
        "case_id": ("案件编号", "case_id"),
        "category": ("执法类别代码", "category"),
        "procedure": ("程序代码：summary / ordinary", "procedure"),
        "matter": ("执法事项名称", "matter"),
        "profile": ("适用的目录清单档案", "agency.profile"),
        "profile_chain": ("档案及其继承链（集合）", None),
        "decision_date": ("拟作出决定日期（未填则为审核当日）", "timeline.decision_date"),
        "agency_name": ("执法机关名称", "agency.name"),
        "agency_level": ("执法层级代码", "agency.level"),
        "agency_domain": ("执法领域", "agency.domain"),
        "powers_listed": ("是否提供了权责清单", "agency.powers"),
        "matter_in_powers": ("执法事项是否在权责清单内（未提供清单时缺省）", "matter"),
        "entrusted": ("是否受委托执法", "agency.entrusted_by"),
        "entrusted_by": ("委托机关", "agency.entrusted_by"),
        "decision_in_name_of": ("决定所用机关名义", "agency.decision_in_name_of"),
        "decision_in_own_name": ("是否以本机关名义作出决定", "agency.decision_in_name_of"),
        "decision_in_entrusting_name": ("是否以委托机关名义作出决定", "agency.decision_in_name_of"),
        "party_count": ("当事人人数", "parties"),
        "officer_count": ("承办执法人员人数", "officers"),
        "certified_officer_count": ("立案至拟决定期间执法证件均有效的执法人员人数", "officers"),
        "conduct": ("认定的违法行为或申请事项", "facts.conduct"),
        "conduct_date": ("违法行为日期", "facts.conduct_date"),
        "conduct_continuing": ("违法行为是否连续或继续", "facts.conduct_continuing"),
        "place": ("违法行为地点", "facts.place"),
        "consequence": ("危害后果", "facts.consequence"),
        "harms_life_health_or_finance": ("是否涉及生命健康安全、金融安全且有危害后果", "facts.harms_life_health_or_finance"),
        "illegal_gains": ("违法所得（元）", "facts.illegal_gains"),
        "illegal_gains_computation": ("违法所得计算过程", "facts.illegal_gains_computation"),
        "amount_involved": ("涉案金额（元）", "facts.amount_involved"),
        "filed": ("立案日期", "timeline.filed"),
        "investigation_end": ("调查终结日期", "timeline.investigation_end"),
        "notice_of_intent": ("事先告知日期", "timeline.notice_of_intent"),
        "hearing_rights_notified": ("是否告知听证权利", "timeline.hearing_rights_notified"),
        "statement_heard": ("听取陈述申辩日期", "timeline.statement_heard"),
        "statement_waived": ("是否放弃陈述申辩", "timeline.statement_waived"),
        "hearing_requested": ("申请听证日期", "timeline.hearing_requested"),
        "hearing_notice": ("听证通知日期", "timeline.hearing_notice"),
        "hearing_held": ("举行听证日期", "timeline.hearing_held"),
        "collective_discussion": ("集体讨论日期", "timeline.collective_discussion"),
        "submitted_for_review": ("送审日期", "timeline.submitted_for_review"),
        "days_filed_to_decision": ("立案至拟决定日的自然日数", "timeline.decision_date"),
        "workdays_notice_to_hearing_request": ("告知至申请听证的工作日数", "timeline.hearing_requested"),
        "workdays_hearing_notice_to_hearing": ("听证通知至举行听证的工作日数", "timeline.hearing_notice"),
        "workdays_notice_to_decision": ("告知至拟决定日的工作日数", "timeline.notice_of_intent"),
        "years_conduct_to_filed": ("违法行为（终了）至立案已满的整年数", "facts.conduct_date"),
        "documents": ("案卷中已有的文书（集合，按名称）", "documents"),
        "unsigned_documents": ("未签章或未注明日期的文书（集合）", "documents"),
        "unsigned_document_count": ("未签章或未注明日期的文书件数", "documents"),
        "evidence_count": ("证据数量", "evidence"),
        "evidence_proves": ("证据所证明的事实（集合）", "evidence"),
        "evidence_types": ("证据种类（集合）", "evidence"),
        "lawful_evidence_proves": ("依法取得的证据所证明的事实（集合）", "evidence"),
        "basis_roles": ("已引用的法律依据用途（集合）", "legal_basis"),
        "measure_types": ("拟采取的措施种类（集合）", "decision.measures"),
        "executed_measure_types": ("已当场实施的措施种类（集合）", "decision.measures"),
        "measure_count": ("拟采取的措施数量", "decision.measures"),
        "fine_total": ("罚款合计（元）", "decision.measures"),
        "fine_count": ("拟处罚款的项数", "decision.measures"),
        "discretion_tier": ("裁量档次代码", "decision.discretion.tier"),
        "discretion_reason_count": ("裁量理由条数", "decision.discretion.reasons"),
        "first_offence_minor": ("是否初次违法且后果轻微并及时改正", "decision.discretion.first_offence_minor"),
        "recorded_activities": ("已有音像记录的执法活动（集合）", "recordings"),
        "continuously_recorded": ("已全程音像记录的执法活动（集合）", "recordings"),
        "recording_count": ("音像记录数量", "recordings"),
        "crime_indicator_count": ("涉嫌犯罪线索数量", "crime_indicators"),
        "transfer_proposed": ("承办机构是否已提出移送", "crime_indicators"),
        "flags": ("公共利益、社会影响、复杂程度标记（flags.xxx）", "flags"),
        "publication": ("公示安排（publication.planned 等）", "publication"),
        "days_decision_to_publication": ("拟决定日至计划公示日的自然日数", "publication.planned_date"),
        "workdays_decision_to_publication": ("拟决定日至计划公示日的工作日数", "publication.planned_date"),
        "youngest_party_age": ("自然人当事人的最小年龄", "parties"),
        "party_kinds": ("当事人类型（集合）", "parties"),
        "param": ("档案参数（param.xxx，见 checklists/profiles）", None),
    },
    "officer": {
        "name": ("执法人员姓名", "name"),
        "certificate_no": ("执法证件号码", "certificate_no"),
        "certificate_domain": ("执法证件领域", "certificate_domain"),
        "valid_from": ("证件有效期起", "valid_from"),
        "valid_until": ("证件有效期止", "valid_until"),
        "domain_matches": ("证件领域是否与机关执法领域一致", "certificate_domain"),
    },
    "party": {
        "party_type": ("当事人类型代码（individual / organisation / other_organisation）", "kind"),
        "party_class": ("individual（自然人）或 organisation（单位）", "kind"),
        "name": ("姓名或名称", "name"),
        "id_number": ("身份证件号码", "id_number"),
        "credit_code": ("统一社会信用代码", "credit_code"),
        "age": ("年龄", "age"),
        "mental_condition": ("精神状况代码", "mental_condition"),
        "address": ("地址", "address"),
        "legal_representative": ("法定代表人", "legal_representative"),
    },
    "evidence": {
        "type": ("证据种类代码", "type"),
        "title": ("证据名称", "title"),
        "proves_count": ("拟证明事实的条数", "proves"),
        "collector_count": ("收集证据的执法人员人数", "collected_by"),
        "collected_on": ("收集日期", "collected_on"),
        "method": ("收集方式", "method"),
        "source": ("证据来源", "source"),
        "signed": ("是否签名确认", "signed"),
        "lawfully_obtained": ("是否依法取得", "lawfully_obtained"),
        "uncertified_collectors": ("收集当日未持有效执法证件的收集人（集合）", "collected_by"),
        "uncertified_collector_count": ("收集当日未持有效执法证件的收集人人数", "collected_by"),
    },
    "provision": {
        "law": ("法律文件名称", "law"),
        "article": ("条", "article"),
        "clause": ("款项", "clause"),
        "role": ("用途代码", "role"),
        "in_force_from": ("施行日期", "in_force_from"),
        "in_force_until": ("失效日期", "in_force_until"),
    },
    "measure": {
        "type": ("措施种类代码", "type"),
        "amount": ("金额或价值（元）", "amount"),
        "duration_days": ("期限（日）", "duration_days"),
        "statutory_min": ("法定下限（元）", "statutory_min"),
        "statutory_max": ("法定上限（元）", "statutory_max"),
        "benchmark_min": ("裁量基准下限（元）", "benchmark_min"),
        "benchmark_max": ("裁量基准上限（元）", "benchmark_max"),
        "halts_business": ("查封扣押是否致使停产停业", "halts_business"),
        "party_class": ("主要当事人类别：individual / organisation", "^parties[0].kind"),
        "in_agency_powers": ("措施种类是否在本机关可采取的措施内（未提供时缺省）", None),
        "thr": ("适用的门槛（thr.hearing.amount 等，见 checklists）", None),
    },
    "recording": {
        "activity": ("执法活动代码", "activity"),
        "continuous": ("是否全程不间断", "continuous"),
        "case_number": ("标注的案件编号", "case_number"),
        "case_number_matches": ("标注的案件编号是否与本案一致", "case_number"),
        "recorded_at": ("记录日期", "recorded_at"),
        "place": ("记录地点", "place"),
        "recorder": ("记录人", "recorder"),
        "proves": ("拟证明事项", "proves"),
    },
    "crime": {
        "offence": ("罪名代码", "offence"),
        "sales_amount": ("销售金额（元）", "sales_amount"),
        "goods_value": ("货值金额（元）", "goods_value"),
        "business_amount": ("非法经营数额（元）", "business_amount"),
        "illegal_gains": ("违法所得（元）", "illegal_gains"),
        "serious_harm": ("是否造成严重后果", "serious_harm"),
        "transfer_proposed": ("是否已提出移送", "transfer_proposed"),
        "party_class": ("主要当事人类别", "^parties[0].kind"),
    },
}

#: The packet list each sub-fact kind comes from (for finding paths).
SOURCES = {
    "officer": "officers",
    "party": "parties",
    "evidence": "evidence",
    "provision": "legal_basis",
    "measure": "decision.measures",
    "recording": "recordings",
    "crime": "crime_indicators",
}

#: Case scalars copied into every sub-fact under `case.`.
CASE_CONTEXT = (
    "case_id", "category", "procedure", "profile", "decision_date", "agency_domain", "filed",
    "investigation_end", "conduct_date", "notice_of_intent", "submitted_for_review", "hearing_held",
    "discretion_tier", "hearing_rights_notified", "illegal_gains",
)


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    return value


def _present(value: Any) -> bool:
    return value is not None and value != "" and value != [] and value != {}


def _clean(fact: dict) -> dict:
    """Drop missing values so that `exists: false` and comparisons behave."""
    return {k: _plain(v) for k, v in fact.items() if _present(v)}


def _as_set(names) -> dict[str, bool]:
    # The engine's "all items" test never fires on an empty list, so sets are
    # maps to true: `has` tests the key, `lacks` tests its absence.
    return {str(_plain(n)): True for n in names}


def party_class(kind: PartyType) -> str:
    return "individual" if kind == PartyType.individual else "organisation"


def full_years(start: date, end: date) -> int:
    """Anniversaries of `start` that fall strictly before `end`."""
    years = end.year - start.year
    try:
        anniversary = start.replace(year=end.year)
    except ValueError:  # 29 February
        anniversary = date(end.year, 3, 1)
    if anniversary >= end:
        years -= 1
    return max(years, 0)


@dataclass
class FactSet:
    """The facts of one packet and what is needed to explain them."""

    sid: str
    profile: str
    decision_date: date
    facts: list[dict]
    warnings: list[str]


def build_facts(packet: CasePacket, catalogue: Catalogue, profile: str, on: date, sid: str, calendar: Calendar) -> FactSet:
    chain = catalogue.chain(profile)
    params = catalogue.params(profile)
    t = packet.timeline
    agency = packet.agency
    primary_class = party_class(packet.parties[0].kind)
    decision = on

    def workdays(a: Optional[date], b: Optional[date]) -> Optional[int]:
        return calendar.between(a, b) if a and b else None

    by_name = {o.name: o for o in packet.officers}

    def _uncertified(names: list[str], day: date) -> list[str]:
        # Unqualified on `day`: not among the case's officers, no certificate
        # number, or a known validity date that excludes the day. An unknown
        # date is not counted against the collector (measurement, not suspicion).
        out = []
        for name in names:
            o = by_name.get(name)
            if (o is None or not o.certificate_no or (o.valid_from and o.valid_from > day)
                    or (o.valid_until and o.valid_until < day)):
                out.append(name)
        return out

    certified = [
        o for o in packet.officers
        if o.certificate_no and o.valid_from and o.valid_until
        and o.valid_from <= (t.filed or decision) and o.valid_until >= decision
    ]
    own_name = agency.decision_in_name_of in (None, "", agency.name)
    individuals = [p.age for p in packet.parties if p.kind == PartyType.individual and p.age is not None]
    fines = [m.amount for m in packet.decision.measures if m.type.value == "fine" and m.amount is not None]

    case = {
        "case_id": packet.case_id,
        "category": packet.category,
        "procedure": packet.procedure,
        "matter": packet.matter,
        "profile": profile,
        "profile_chain": _as_set(chain),
        "decision_date": decision,
        "agency_name": agency.name,
        "agency_level": agency.level,
        "agency_domain": agency.domain,
        "powers_listed": bool(agency.powers),
        "matter_in_powers": (packet.matter in agency.powers) if agency.powers else None,
        "entrusted": bool(agency.entrusted_by),
        "entrusted_by": agency.entrusted_by,
        "decision_in_name_of": agency.decision_in_name_of or agency.name,
        "decision_in_own_name": own_name,
        "decision_in_entrusting_name": bool(agency.entrusted_by) and agency.decision_in_name_of == agency.entrusted_by,
        "party_count": len(packet.parties),
        "officer_count": len(packet.officers),
        "certified_officer_count": len(certified),
        "conduct": packet.facts.conduct,
        "conduct_date": packet.facts.conduct_date,
        "conduct_continuing": packet.facts.conduct_continuing,
        "place": packet.facts.place,
        "consequence": packet.facts.consequence,
        "harms_life_health_or_finance": packet.facts.harms_life_health_or_finance,
        "illegal_gains": packet.facts.illegal_gains,
        "illegal_gains_computation": packet.facts.illegal_gains_computation,
        "amount_involved": packet.facts.amount_involved,
        "filed": t.filed,
        "investigation_end": t.investigation_end,
        "notice_of_intent": t.notice_of_intent,
        "hearing_rights_notified": t.hearing_rights_notified,
        "statement_heard": t.statement_heard,
        "statement_waived": t.statement_waived,
        "hearing_requested": t.hearing_requested,
        "hearing_notice": t.hearing_notice,
        "hearing_held": t.hearing_held,
        "collective_discussion": t.collective_discussion,
        "submitted_for_review": t.submitted_for_review,
        "days_filed_to_decision": (decision - t.filed).days if t.filed else None,
        "workdays_notice_to_hearing_request": workdays(t.notice_of_intent, t.hearing_requested),
        "workdays_hearing_notice_to_hearing": workdays(t.hearing_notice, t.hearing_held),
        "workdays_notice_to_decision": workdays(t.notice_of_intent, decision),
        "years_conduct_to_filed": full_years(packet.facts.conduct_date, t.filed) if packet.facts.conduct_date and t.filed else None,
        "documents": _as_set(d.name for d in packet.documents),
        "unsigned_documents": _as_set(d.name for d in packet.documents if not (d.signed and d.dated)),
        "unsigned_document_count": sum(1 for d in packet.documents if not (d.signed and d.dated)),
        "evidence_count": len(packet.evidence),
        "evidence_proves": _as_set(p for e in packet.evidence for p in e.proves),
        "evidence_types": _as_set(e.type for e in packet.evidence),
        "lawful_evidence_proves": _as_set(p for e in packet.evidence if e.lawfully_obtained for p in e.proves),
        "basis_roles": _as_set(p.role for p in packet.legal_basis),
        "measure_types": _as_set(m.type for m in packet.decision.measures),
        "executed_measure_types": _as_set(m.type for m in packet.decision.measures if m.executed_on),
        "measure_count": len(packet.decision.measures),
        "fine_total": sum(fines) if fines else None,
        "fine_count": sum(1 for m in packet.decision.measures if m.type.value == "fine"),
        "discretion_tier": packet.decision.discretion.tier,
        "discretion_reason_count": len(packet.decision.discretion.reasons),
        "first_offence_minor": packet.decision.discretion.first_offence_minor,
        "recorded_activities": _as_set(r.activity for r in packet.recordings),
        "continuously_recorded": _as_set(r.activity for r in packet.recordings if r.continuous),
        "recording_count": len(packet.recordings),
        "crime_indicator_count": len(packet.crime_indicators),
        "transfer_proposed": any(c.transfer_proposed for c in packet.crime_indicators),
        "flags": packet.flags.model_dump(),
        "publication": _clean(packet.publication.model_dump()),
        "days_decision_to_publication": (packet.publication.planned_date - decision).days if packet.publication.planned_date else None,
        "workdays_decision_to_publication": workdays(decision, packet.publication.planned_date),
        "youngest_party_age": min(individuals) if individuals else None,
        "party_kinds": _as_set(p.kind for p in packet.parties),
        "param": params,
    }
    case = _clean(case)
    # Booleans that are false must stay: `eq: false` is a common test.
    for key in ("powers_listed", "entrusted", "decision_in_own_name", "decision_in_entrusting_name",
                "conduct_continuing", "harms_life_health_or_finance", "hearing_rights_notified",
                "statement_waived", "first_offence_minor", "transfer_proposed"):
        case.setdefault(key, False)
    for key in ("party_count", "officer_count", "certified_officer_count", "unsigned_document_count",
                "evidence_count", "measure_count", "discretion_reason_count", "recording_count",
                "crime_indicator_count"):
        case.setdefault(key, 0)
    case["publication"] = {**{"planned": False, "redaction_done": False}, **case.get("publication", {})}
    context = {k: case[k] for k in CASE_CONTEXT if k in case}
    context["profile_chain"] = case["profile_chain"]

    facts: list[dict] = [{"sid": sid, "kind": "case", "path": "", **case}]

    def sub(kind: str, index: int, body: dict, keep_false: tuple = ()) -> None:
        cleaned = _clean(body)
        for key in keep_false:
            cleaned.setdefault(key, False)
        # The fact's own keys come last: an item field may never shadow `kind` or `case`.
        facts.append({**cleaned, "sid": sid, "kind": kind, "path": f"{SOURCES[kind]}[{index}]", "case": context, "param": params})

    for i, o in enumerate(packet.officers):
        sub("officer", i, {
            "name": o.name, "certificate_no": o.certificate_no, "certificate_domain": o.certificate_domain,
            "valid_from": o.valid_from, "valid_until": o.valid_until,
            "domain_matches": (o.certificate_domain == agency.domain) if o.certificate_domain else None,
        })
    for i, p in enumerate(packet.parties):
        sub("party", i, {
            "party_type": p.kind, "party_class": party_class(p.kind), "name": p.name, "id_number": p.id_number,
            "credit_code": p.credit_code, "age": p.age, "mental_condition": p.mental_condition,
            "address": p.address, "legal_representative": p.legal_representative,
        })
    for i, e in enumerate(packet.evidence):
        uncertified = _uncertified(e.collected_by, e.collected_on or t.filed or decision)
        sub("evidence", i, {
            "type": e.type, "title": e.title, "proves_count": len(e.proves), "collector_count": len(e.collected_by),
            "collected_on": e.collected_on, "method": e.method, "source": e.source, "signed": e.signed,
            "lawfully_obtained": e.lawfully_obtained,
            "uncertified_collectors": _as_set(uncertified), "uncertified_collector_count": len(uncertified),
        }, keep_false=("signed", "lawfully_obtained", "proves_count", "collector_count", "uncertified_collector_count"))
    for i, p in enumerate(packet.legal_basis):
        sub("provision", i, {
            "law": p.law, "article": p.article, "clause": p.clause, "role": p.role,
            "in_force_from": p.in_force_from, "in_force_until": p.in_force_until,
        })
    for i, m in enumerate(packet.decision.measures):
        body = {
            "type": m.type, "amount": m.amount, "duration_days": m.duration_days,
            "statutory_min": m.statutory_min, "statutory_max": m.statutory_max,
            "benchmark_min": m.benchmark_min, "benchmark_max": m.benchmark_max,
            "halts_business": m.halts_business, "party_class": primary_class,
            "in_agency_powers": (m.type in agency.measure_powers) if agency.measure_powers else None,
        }
        thr = {}
        row = catalogue.hearing_threshold(chain, packet.category.value, m.type.value, primary_class, decision)
        if row is not None and row["amount"] != "":
            thr["hearing"] = {"amount": float(row["amount"]), "inclusive": row["inclusive"] != "false", "source": row["source"]}
        if thr:
            body["thr"] = thr
        sub("measure", i, body, keep_false=("halts_business",))
    for i, r in enumerate(packet.recordings):
        sub("recording", i, {
            "activity": r.activity, "continuous": r.continuous, "case_number": r.case_number,
            "case_number_matches": (r.case_number == packet.case_id) if r.case_number else None,
            "recorded_at": r.recorded_at, "place": r.place, "recorder": r.recorder, "proves": r.proves,
        }, keep_false=("continuous",))
    for i, c in enumerate(packet.crime_indicators):
        sub("crime", i, {
            "offence": c.offence, "sales_amount": c.sales_amount, "goods_value": c.goods_value,
            "business_amount": c.business_amount, "illegal_gains": c.illegal_gains,
            "serious_harm": c.serious_harm, "transfer_proposed": c.transfer_proposed,
            "party_class": primary_class,
        }, keep_false=("serious_harm", "transfer_proposed"))
    return FactSet(sid=sid, profile=profile, decision_date=decision, facts=facts, warnings=calendar.warnings())


def label_of(value: Any) -> Any:
    """Chinese label of a coded value, for messages."""
    return value.label if isinstance(value, Coded) else value
