"""The Chinese step library for rule authors' scenarios (features/*.feature).

A few generic steps, in the words legal staff use: start from a packet,
change one thing, choose a profile and date, review, and assert the outcome,
the major determination, a rule or an item. Quotes may be “中文引号” or "ASCII".
"""

from __future__ import annotations

import copy
import difflib
import re
from datetime import date

import pytest
import yaml
from pytest_bdd import given, parsers, then, when

import review
from conftest import EXAMPLES, ROOT, clean
from review import coverage as rule_coverage
from review import deadlines
from review.result import OUTCOME_LABELS, STATUS_LABELS

Q = r"[“\"](?P<{}>[^”\"]+)[”\"]"


def q(name: str) -> str:
    return Q.format(name)


def _close(word: str, options) -> str:
    matches = difflib.get_close_matches(word, list(options), n=5, cutoff=0.5)
    return "；相近的有：" + "、".join(matches) if matches else ""


_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _parts(path: str) -> list:
    parts = []
    for name, index in _STEP.findall(path):
        parts.append(int(index) if index else name)
    return parts


def _walk(data, path: str):
    parts = _parts(path)
    node = data
    for depth, part in enumerate(parts[:-1]):
        nxt = parts[depth + 1]
        if isinstance(part, int):
            if not isinstance(node, list) or part >= len(node):
                raise AssertionError(f"案卷中没有“{path}”：第 {part} 项不存在")
            node = node[part]
        else:
            if not isinstance(node, dict):
                raise AssertionError(f"案卷中没有“{path}”")
            if part not in node or node[part] is None:
                node[part] = [] if isinstance(nxt, int) else {}
            node = node[part]
    return node, parts[-1]


def _check_path(path: str) -> None:
    """Refuse a field the packet model does not have, naming close matches."""
    model = review.CasePacket
    for part in _parts(path):
        if isinstance(part, int):
            continue
        fields = getattr(model, "model_fields", None)
        if fields is None:
            return
        if part not in fields:
            raise AssertionError(f"案卷没有字段“{part}”（在“{path}”中）{_close(part, fields)}")
        annotation = fields[part].annotation
        model = _inner_model(annotation)


def _inner_model(annotation):
    args = getattr(annotation, "__args__", None)
    if args:
        for arg in args:
            found = _inner_model(arg)
            if found is not None:
                return found
        return None
    return annotation if hasattr(annotation, "model_fields") else None


@pytest.fixture
def ctx(request) -> dict:
    return {"packet": None, "profile": None, "result": None, "error": None, "rulebook": None,
            "scenario": request.node.nodeid}


def _book(ctx):
    """The rulebook of this scenario: the shipped one unless a step chose folders."""
    return ctx.get("rulebook") or review.default_rulebook()


def _result(ctx):
    """The review result, or a clear failure when the review could not run."""
    if ctx.get("error") is not None:
        raise AssertionError(f"审核无法进行：{ctx['error']}")
    if ctx.get("result") is None:
        raise AssertionError("尚未进行法制审核：请先写“当 进行法制审核”")
    return ctx["result"]


@given("以干净的处罚案卷为基础")
def start_clean(ctx):
    ctx["packet"] = clean()


@given(parsers.re(f"以示例案卷{q('name')}为基础"))
def start_example(ctx, name):
    ctx["packet"] = copy.deepcopy(_example(name).model_dump(mode="json", exclude_none=True))


def _example(name: str):
    """An example packet by the start of its file name ("08") or a part of its title."""
    files = sorted(p for p in EXAMPLES.glob("*.*") if p.suffix in (".yaml", ".yml", ".json"))
    matches = [p for p in files if p.stem.startswith(name)]
    if not matches:
        titled = [(p, review.load_packet(p)) for p in files]
        found = [packet for p, packet in titled if name in packet.title]
        if found:
            return found[0]
        options = [p.stem for p in files] + [packet.title for _, packet in titled]
        raise AssertionError(f"没有示例案卷“{name}”{_close(name, options)}")
    return review.load_packet(matches[0])


@given(parsers.re(f"将{q('path')}设为 ?(?P<value>.+)"))
def set_field(ctx, path, value):
    _check_path(path)
    node, last = _walk(ctx["packet"], path)
    parsed = yaml.safe_load(value)
    if isinstance(last, int):
        # One past the end appends, so a scenario can add a list item; further is a typo.
        if not isinstance(node, list) or last > len(node):
            raise AssertionError(f"案卷中没有“{path}”：列表只有 {len(node) if isinstance(node, list) else 0} 项，"
                                 f"新增一项请用下标 {len(node) if isinstance(node, list) else 0}")
        if last == len(node):
            node.append(parsed)
        else:
            node[last] = parsed
    else:
        node[last] = parsed


@given(parsers.re(f"删除{q('path')}"))
def delete_field(ctx, path):
    _check_path(path)
    node, last = _walk(ctx["packet"], path)
    if isinstance(last, int):
        if not isinstance(node, list) or last >= len(node):
            raise AssertionError(f"案卷中没有“{path}”：第 {last} 项不存在")
        del node[last]
    else:
        node.pop(last, None)


@given(parsers.re(f"适用档案{q('profile')}"))
def choose_profile(ctx, profile):
    known = _book(ctx).catalogue.known()
    if profile not in known:
        raise AssertionError(f"没有档案“{profile}”{_close(profile, known)}")
    ctx["profile"] = profile


@given(parsers.re(r"拟作出决定日期为 ?(?P<day>\d{4}-\d{2}-\d{2})"))
def decision_day(ctx, day):
    ctx["packet"].setdefault("timeline", {})["decision_date"] = date.fromisoformat(day)


@when("进行法制审核")
def run_review(ctx):
    if ctx["packet"] is None:
        raise AssertionError("还没有案卷：请先写“以干净的处罚案卷为基础”或“以示例案卷“…”为基础”")
    try:
        ctx["result"] = review.check(ctx["packet"], profile=ctx["profile"], rulebook=ctx.get("rulebook"))
    except review.ReviewError as error:
        ctx["result"], ctx["error"] = None, error
    else:
        for rule_id in ctx["result"].fired():
            rule_coverage.record(ctx["scenario"], rule_id, "observed")
        for trigger in ctx["result"].major.triggers:
            rule_coverage.record(ctx["scenario"], trigger.id, "observed")


@then(parsers.re(f"案卷的{q('label')}(届满日为|最迟应于) ?(?P<day>\\d{{4}}-\\d{{2}}-\\d{{2}})( ?通知)?"))
def packet_deadline_due(ctx, label, day):
    """A limit the packet's own timeline sets (Art. 60, 64, 85; publication), on the working-day calendar."""
    found = _packet_deadline(ctx, label)
    assert found.due == date.fromisoformat(day), f"{found.label}：{found.due} 届满（自 {found.start} 起 {found.amount} 个{'工作日' if found.unit == 'workdays' else '日'}）"


@then(parsers.re(f"案卷没有{q('label')}"))
def packet_deadline_absent(ctx, label):
    found = [d.label for d in _packet_deadlines(ctx)]
    assert label not in found, f"案卷有“{label}”；案卷的期限：{'、'.join(found)}"


def _packet_deadlines(ctx) -> list:
    _result(ctx)  # the same packet the review read, already validated
    packet = review.parse_packet(ctx["packet"])
    catalogue = _book(ctx).catalogue
    params = catalogue.params(ctx["profile"] or packet.agency.profile or "national")
    return deadlines.packet_deadlines(packet, params, deadlines.Calendar())


def _packet_deadline(ctx, label: str):
    known = set(deadlines.LABELS.values())
    if label not in known:
        raise AssertionError(f"没有期限“{label}”{_close(label, known)}")
    found = [d for d in _packet_deadlines(ctx) if d.label == label]
    if not found:
        raise AssertionError(f"案卷没有“{label}”：其起算日未记载")
    return found[0]


def _rule_known(rule_id: str, ctx=None, kind: str = "any") -> None:
    """Refuse an unknown rule id (or a trigger id where a check is meant), naming close matches."""
    book = _book(ctx) if ctx is not None else review.default_rulebook()
    pool = {"check": book.checks, "trigger": book.triggers}.get(kind)
    if pool is None:
        pool = {**book.checks, **book.triggers}
    if rule_id in pool:
        return
    if kind == "check" and rule_id in book.triggers:
        raise AssertionError(f"“{rule_id}”是重大情形，不是审核规则：请写 重大情形“{rule_id}”成立 / 不成立")
    if kind == "trigger" and rule_id in book.checks:
        raise AssertionError(f"“{rule_id}”是审核规则，不是重大情形：请写 规则“{rule_id}”触发 / 未触发")
    word = "重大情形" if kind == "trigger" else "规则"
    raise AssertionError(f"没有{word}“{rule_id}”{_close(rule_id, pool)}")


def _findings_text(result) -> str:
    return "；".join(f"{f.rule_id}（{f.message}）" for f in result.findings) or "无"


@then(parsers.re(f"审核结论为{q('outcome')}"))
def outcome_is(ctx, outcome):
    codes = {**{v: k for k, v in OUTCOME_LABELS.items()}, **{k: k for k in OUTCOME_LABELS}, "同意": "approve",
             "修改后再送审": "revise", "移送司法机关": "transfer"}
    if outcome not in codes:
        raise AssertionError(f"未知的审核结论“{outcome}”，应为：{'、'.join(OUTCOME_LABELS.values())}")
    result = _result(ctx)
    assert result.outcome == codes[outcome], f"审核结论为 {result.outcome_label}；发现：{_findings_text(result)}"


@then(parsers.re(f"规则{q('rule_id')}触发"))
def rule_fires(ctx, rule_id):
    _rule_known(rule_id, ctx, "check")
    assert rule_id in _result(ctx).fired(), f"规则 {rule_id} 未触发；已触发：{_findings_text(ctx['result'])}"
    rule_coverage.record(ctx["scenario"], rule_id, "fired")


@then(parsers.re(f"规则{q('rule_id')}未触发"))
def rule_silent(ctx, rule_id):
    _rule_known(rule_id, ctx, "check")
    hits = [f.message for f in _result(ctx).findings if f.rule_id == rule_id]
    assert not hits, f"规则 {rule_id} 触发了：{hits}"
    rule_coverage.record(ctx["scenario"], rule_id, "silent")


@then("构成重大执法决定")
def is_major(ctx):
    assert _result(ctx).major.is_major, "未构成重大执法决定"


@then("不构成重大执法决定")
def is_not_major(ctx):
    triggers = [t.id for t in _result(ctx).major.triggers]
    assert not triggers, f"构成重大执法决定，情形：{triggers}"


@then(parsers.re(f"重大情形{q('trigger_id')}成立"))
def trigger_fires(ctx, trigger_id):
    _rule_known(trigger_id, ctx, "trigger")
    triggers = [t.id for t in _result(ctx).major.triggers]
    assert trigger_id in triggers, f"重大情形 {trigger_id} 不成立；成立的情形：{triggers or '无'}"
    rule_coverage.record(ctx["scenario"], trigger_id, "fired")


@then(parsers.re(f"重大情形{q('trigger_id')}不成立"))
def trigger_silent(ctx, trigger_id):
    _rule_known(trigger_id, ctx, "trigger")
    triggers = [t.id for t in _result(ctx).major.triggers]
    assert trigger_id not in triggers, f"重大情形 {trigger_id} 成立"
    rule_coverage.record(ctx["scenario"], trigger_id, "silent")


@then(parsers.re(f"条目{q('item')}的结果为{q('status')}"))
def item_status(ctx, item, status):
    codes = {**{v: k for k, v in STATUS_LABELS.items()}, **{k: k for k in STATUS_LABELS}}
    if status not in codes:
        raise AssertionError(f"未知的条目结果“{status}”，应为：{'、'.join(STATUS_LABELS.values())}")
    known = [i.id for i in _result(ctx).items]
    if item not in known:
        raise AssertionError(f"没有条目“{item}”{_close(item, known)}（条目为 C01–C12）")
    found = ctx["result"].item(item)
    assert found.status == codes[status], f"{item} 的结果为 {STATUS_LABELS[found.status]}；发现：{_findings_text(ctx['result'])}"


# ---------------------------------------------------------------------------
# Describing a packet with tables. The first row names the columns, either by
# the packet's field name (kind, amount) or by a Chinese heading (类型, 金额);
# each further row is one party, officer, measure... An empty cell is left out.
# Cells are read like YAML: 50000 is a number, 2025-03-03 a date, true/false
# yes/no, [conduct, place] a list; Chinese labels of codes (自然人, 罚款) work.

_HEADINGS = {
    "parties": {"类型": "kind", "当事人类型": "kind", "姓名": "name", "名称": "name", "姓名或名称": "name",
                "身份证号": "id_number", "身份证件号码": "id_number", "信用代码": "credit_code",
                "统一社会信用代码": "credit_code", "年龄": "age", "精神状况": "mental_condition",
                "地址": "address", "电话": "phone", "法定代表人": "legal_representative"},
    "officers": {"姓名": "name", "证件号": "certificate_no", "执法证号": "certificate_no",
                 "证件领域": "certificate_domain", "执法领域": "certificate_domain",
                 "有效期起": "valid_from", "有效期止": "valid_until", "法律职业资格": "legal_qualification"},
    "decision.measures": {"措施": "type", "种类": "type", "金额": "amount", "期限": "duration_days",
                          "期限（日）": "duration_days", "法定下限": "statutory_min", "法定上限": "statutory_max",
                          "基准下限": "benchmark_min", "基准上限": "benchmark_max",
                          "致使停产停业": "halts_business", "表述": "description"},
    "evidence": {"种类": "type", "名称": "title", "证明": "proves", "证明事项": "proves",
                 "收集人": "collected_by", "收集日期": "collected_on", "方式": "method", "来源": "source",
                 "签名": "signed", "依法取得": "lawfully_obtained"},
    "documents": {"文书": "name", "名称": "name", "签章": "signed", "已签章": "signed", "注明日期": "dated"},
    "recordings": {"活动": "activity", "执法活动": "activity", "全程": "continuous", "案件编号": "case_number",
                   "日期": "recorded_at", "记录日期": "recorded_at", "地点": "place", "记录人": "recorder",
                   "证明事项": "proves"},
}

_TIMELINE = {
    "立案": "filed", "立案日期": "filed", "调查终结": "investigation_end", "事先告知": "notice_of_intent",
    "送达事先告知书": "notice_of_intent", "告知听证权利": "hearing_rights_notified",
    "陈述申辩": "statement_heard", "听取陈述申辩": "statement_heard", "放弃陈述申辩": "statement_waived",
    "申请听证": "hearing_requested", "听证通知": "hearing_notice", "举行听证": "hearing_held",
    "集体讨论": "collective_discussion", "送审": "submitted_for_review", "拟作出决定": "decision_date",
    "拟决定": "decision_date",
}

_TABLES = {"当事人": "parties", "执法人员": "officers", "拟采取的措施": "decision.measures", "证据": "evidence",
           "案卷文书": "documents", "音像记录": "recordings"}


def _model_at(path: str):
    model = review.CasePacket
    for part in path.split("."):
        model = _inner_model(model.model_fields[part].annotation)
    return model


def _heading(section: str, heading: str) -> str:
    """The packet field a column heading names, or a failure listing close matches."""
    fields = _model_at(section).model_fields
    aliases = _HEADINGS.get(section, {})
    heading = heading.strip()
    if heading in fields:
        return heading
    if heading in aliases:
        return aliases[heading]
    raise AssertionError(f"表格列“{heading}”不是{section}的字段{_close(heading, list(aliases) + list(fields))}")


def _cell(text: str):
    text = text.strip()
    return yaml.safe_load(text) if text else None


def _is_text(annotation) -> bool:
    return annotation is str or set(getattr(annotation, "__args__", ())) == {str, type(None)}


def _rows(section: str, datatable: list[list[str]]) -> list[dict]:
    if not datatable or len(datatable) < 2:
        raise AssertionError("表格应有表头行和至少一行数据")
    names = [_heading(section, h) for h in datatable[0]]
    fields = _model_at(section).model_fields
    rows = []
    for raw in datatable[1:]:
        # A certificate number is text even when it is all digits.
        row = {n: (v.strip() or None) if _is_text(fields[n].annotation) else _cell(v) for n, v in zip(names, raw)}
        rows.append({k: v for k, v in row.items() if v is not None})
    return rows


@given(parsers.re(r"(?P<what>当事人|执法人员|拟采取的措施|证据|案卷文书|音像记录)(为|如下)[：:]"))
def table_list(ctx, what, datatable):
    section = _TABLES[what]
    node, last = _walk(ctx["packet"], section)
    node[last] = _rows(section, datatable)


@given(parsers.re(r"(程序)?时间节点(为|如下)[：:]"))
def table_timeline(ctx, datatable):
    timeline = ctx["packet"].setdefault("timeline", {})
    labels = {**{field.description: name for name, field in _model_at("timeline").model_fields.items()}, **_TIMELINE}
    for raw in datatable[1:] if datatable and datatable[0][0].strip() in ("节点", "字段", "时间节点") else datatable:
        key, value = raw[0].strip(), _cell(raw[1])
        name = key if key in labels.values() else labels.get(key)
        if name is None:
            raise AssertionError(f"没有时间节点“{key}”{_close(key, list(labels) + list(labels.values()))}")
        if value is None:
            timeline.pop(name, None)
        else:
            timeline[name] = value


@given(parsers.re(r"将下列字段设为[：:]"))
def table_fields(ctx, datatable):
    rows = datatable[1:] if datatable and datatable[0][0].strip() in ("字段", "路径") else datatable
    for raw in rows:
        set_field(ctx, raw[0].strip(), raw[1].strip())


@given(parsers.re(f"使用规则目录{q('rules')}和清单目录{q('checklists')}"))
def choose_folders(ctx, rules, checklists):
    """A scenario on a test catalogue (e.g. a dated change), paths relative to the repository."""
    paths = [ROOT / rules, ROOT / checklists]
    for path in paths:
        if not path.is_dir():
            raise AssertionError(f"目录“{path.relative_to(ROOT)}”不存在")
    ctx["rulebook"] = review.rulebook_for(*paths)


@then(parsers.re(f"审核无法进行，提示含{q('text')}"))
def review_refused(ctx, text):
    assert ctx.get("error") is not None, f"审核已进行，结论为 {ctx['result'].outcome_label if ctx.get('result') else '（无）'}"
    assert text in str(ctx["error"]), f"提示为：{ctx['error']}"
