"""Rule files (rules/**/*.yaml) and the catalogue, read into one rulebook.

A rulebook holds two kinds of rule, both data:

- checks: one element of the checklist (C01–C12) with a severity, a Chinese
  message and suggestion, and the article it implements;
- triggers: what makes a decision major. Statutory and per-agency triggers
  are written in rules/major/; amount and measure thresholds are rows of
  checklists/major_thresholds.csv, and prosecution thresholds rows of
  checklists/crime_thresholds.csv. Each row becomes a rule here, so the
  engine sees one uniform ruleset and an agency edits a number in a table.

Every problem found while reading names the file, the line and the rule id.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal, Optional

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .catalogue import ANY, Catalogue, load_catalogue
from .conditions import ConditionError, compile_condition, referenced
from .errors import Problem, RuleFileError
from .facts import FIELDS
from .resources import folder
from .vocabulary import Category, Procedure

ITEMS = tuple(f"C{n:02d}" for n in range(1, 13))
Severity = Literal["note", "defect", "fatal", "crime"]
PLACEHOLDER = re.compile(r"\{([A-Za-z_][\w.]*)\}")


class Citation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    law: str = Field(description="法律文件名称")
    article: str = Field(description="条")
    clause: Optional[str] = Field(None, description="款、项")
    text: str = Field(description="条文原文（引用部分）")

    def short(self) -> str:
        return f"《{self.law}》{self.article}{self.clause or ''}"


class _Dated(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$", description="规则编号，如 C02-CERT-EXPIRED")
    applies_to: str = Field("case", description="规则检查的事实种类：" + "、".join(FIELDS))
    categories: list[Category] = Field(default_factory=list, description="适用的执法类别（为空表示全部）")
    procedures: list[Procedure] = Field(default_factory=list, description="适用的程序（为空表示全部）")
    profiles: list[str] = Field(default_factory=list, description="仅适用于这些档案及继承它们的档案（为空表示全部）")
    when: dict = Field(description="条件")
    citations: list[Citation] = Field(min_length=1, description="法律依据（至少一条）")
    effective_from: Optional[date] = Field(None, description="规则生效日期")
    effective_until: Optional[date] = Field(None, description="规则失效日期（不含当日）")
    line: int = Field(0, exclude=True)
    file: str = Field("", exclude=True)

    @field_validator("applies_to")
    @classmethod
    def _known_kind(cls, value: str) -> str:
        if value not in FIELDS:
            raise ValueError(f"未知的事实种类“{value}”，应为：{'、'.join(FIELDS)}")
        return value


class CheckRule(_Dated):
    """One concrete rule of a checklist item."""

    item: str = Field(description="要素清单条目 C01–C12")
    title: str = Field(description="规则标题")
    severity: Severity = Field(description="严重程度：note 提示、defect 应补正、fatal 实质性问题、crime 涉嫌犯罪")
    message: str = Field(description="发现问题时的说明，可用 {字段} 引用事实中的值")
    suggestion: str = Field(description="处理建议")

    @field_validator("item")
    @classmethod
    def _known_item(cls, value: str) -> str:
        if value not in ITEMS:
            raise ValueError(f"item 应为 C01–C12，收到“{value}”")
        return value


class TriggerRule(_Dated):
    """One way a decision becomes major (重大执法决定的情形)."""

    label: str = Field(description="情形的表述")
    message: Optional[str] = Field(None, description="命中时的说明，可用 {字段}")


@dataclass
class Rulebook:
    """Checks and triggers ready for the engine, with a content-derived name."""

    checks: dict[str, CheckRule]
    triggers: dict[str, TriggerRule]
    catalogue: Catalogue
    definition: dict[str, dict] = field(default_factory=dict)
    name: str = ""
    #: Engine rule name -> rule. A rule id with several dated versions (a
    #: threshold the catalogue changed on some date) has one engine rule per
    #: version, named "ID@effective_from"; `checks`/`triggers` hold the latest.
    versions: dict[str, CheckRule | TriggerRule] = field(default_factory=dict)

    def rule(self, rule_id: str) -> CheckRule | TriggerRule:
        return self.versions.get(rule_id) or self.checks.get(rule_id) or self.triggers[rule_id]

    def versions_of(self, rule_id: str) -> list[CheckRule | TriggerRule]:
        """Every dated version of one rule id, oldest first."""
        found = [r for r in self.versions.values() if r.id == rule_id] or [self.rule(rule_id)]
        return sorted(found, key=lambda r: r.effective_from or date.min)


class _LineLoader(yaml.SafeLoader):
    """A YAML loader that remembers the line of every mapping as `__line__`."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=deep)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _strip_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k != "__line__"}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value


def _check_references(rule: _Dated, known_params: set[str], tables: set[str]) -> list[str]:
    """Chinese complaints about names the rule uses that do not exist."""
    complaints = []
    own = FIELDS[rule.applies_to]

    def known_field(path: str) -> bool:
        head, _, rest = path.partition(".")
        if head == "case" and rule.applies_to != "case":
            return rest.partition(".")[0] in FIELDS["case"]
        if head == "param":
            return rest in known_params
        if head == "thr":
            return rule.applies_to == "measure"
        return head in own

    for kind, name in referenced(rule.when):
        if kind == "field" and not known_field(name):
            complaints.append(f"条件引用了未知字段“{name}”（{rule.applies_to} 事实可用字段：{'、'.join(own)}）")
        elif kind == "param" and name not in known_params:
            complaints.append(f"条件引用了未知参数“{name}”（已定义：{'、'.join(sorted(known_params))}）")
        elif kind == "threshold" and name not in tables:
            complaints.append(f"条件引用了未知门槛表“{name}”（可用：{'、'.join(sorted(tables))}）")
    for text in filter(None, [getattr(rule, "message", None)]):
        for name in PLACEHOLDER.findall(text):
            if not known_field(name) and name not in ("path",):
                complaints.append(f"message 引用了未知字段“{{{name}}}”")
    return complaints


def _read_rule_file(path: Path, root: Path, problems: list[Problem], known_params: set[str], tables: set[str]):
    rel = path.relative_to(root).as_posix()
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problems.append(Problem(f"{rel}:{mark.line + 1 if mark else '?'}", f"YAML 格式错误：{getattr(exc, 'problem', exc)}"))
        return
    if data is None:
        return
    if not isinstance(data, dict) or not ({"rules", "triggers"} & set(data)):
        problems.append(Problem(f"{rel}:1", "规则文件应含 rules: 或 triggers: 列表"))
        return
    default_item = data.get("item")
    for key, model in (("rules", CheckRule), ("triggers", TriggerRule)):
        for entry in data.get(key) or []:
            if not isinstance(entry, dict):
                problems.append(Problem(f"{rel}", f"{key} 的每一项应为对象"))
                continue
            line = entry.get("__line__", 0)
            rule_id = entry.get("id", "（无编号）")
            body = _strip_lines(entry)
            if key == "rules" and default_item and "item" not in body:
                body["item"] = default_item
            try:
                rule = model.model_validate({**body, "line": line, "file": rel})
            except ValidationError as exc:
                for error in exc.errors():
                    loc = ".".join(str(p) for p in error["loc"])
                    msg = error["msg"].removeprefix("Value error, ")
                    problems.append(Problem(f"{rel}:{line}", f"规则 {rule_id}：{loc} {msg}"))
                continue
            try:
                compile_condition(rule.when)
            except ConditionError as exc:
                problems.append(Problem(f"{rel}:{line}", f"规则 {rule_id}：{exc}"))
                continue
            for complaint in _check_references(rule, known_params, tables):
                problems.append(Problem(f"{rel}:{line}", f"规则 {rule_id}：{complaint}"))
            yield rule


def _scope(rule: _Dated) -> list[dict]:
    """Engine tests for where a rule applies: kind, category, procedure, profile, dates."""
    parts: list[dict] = [{"kind": rule.applies_to}]
    prefix = "" if rule.applies_to == "case" else "case."
    if rule.categories:
        alts = [{f"{prefix}category": c.value} for c in rule.categories]
        parts.append(alts[0] if len(alts) == 1 else {"$or": alts})
    if rule.procedures:
        alts = [{f"{prefix}procedure": p.value} for p in rule.procedures]
        parts.append(alts[0] if len(alts) == 1 else {"$or": alts})
    if rule.profiles:
        alts = [{f"{prefix}profile_chain.{p}": True} for p in rule.profiles]
        parts.append(alts[0] if len(alts) == 1 else {"$or": alts})
    if rule.effective_from:
        parts.append({"$gte": {f"{prefix}decision_date": rule.effective_from.isoformat()}})
    if rule.effective_until:
        parts.append({"$lt": {f"{prefix}decision_date": rule.effective_until.isoformat()}})
    return parts


def _catalogue_triggers(catalogue: Catalogue) -> list[TriggerRule]:
    """Each row of major_thresholds.csv as a trigger on the measures it names."""
    out = []
    for _, row in catalogue.major.iterrows():
        conds: list[dict] = []
        if row["measure"] != ANY:
            conds.append({"field": "type", "eq": row["measure"]})
        if row["party_type"] != ANY:
            conds.append({"field": "party_class", "eq": row["party_type"]})
        if row["amount"] != "":
            conds.append({"field": "amount", "gt" if row["inclusive"] == "false" else "gte": float(row["amount"])})
        if not conds:
            conds.append({"field": "type", "exists": True})
        out.append(TriggerRule(
            id=f"MAJOR-{row['profile'].upper().replace('_', '')}-{row['trigger_id']}",
            label=row["label"],
            applies_to="measure",
            categories=[] if row["category"] == ANY else [Category(row["category"])],
            profiles=[row["profile"]],
            when={"all": conds},
            citations=[_cite_source(row["source"], row["label"])],
            effective_from=date.fromisoformat(row["effective_from"]),
            effective_until=date.fromisoformat(row["effective_until"]) if row["effective_until"] else None,
            line=int(row["line"]),
            file="checklists/major_thresholds.csv",
        ))
    return out


def _cite_source(source: str, text: str) -> Citation:
    """A citation from a table's `source` cell: "《法规名称》第十六条" or a plain title."""
    if source.startswith("《") and "》" in source:
        law, _, article = source[1:].partition("》")
        return Citation(law=law, article=article or "全文", text=text)
    return Citation(law=source, article="目录清单", text=text)


_METRIC_LABELS = {
    "sales_amount": "销售金额", "goods_value": "货值金额", "business_amount": "非法经营数额", "illegal_gains": "违法所得数额",
}


def _crime_checks(catalogue: Catalogue) -> list[CheckRule]:
    """Each row of crime_thresholds.csv as a C10 check on crime indicators."""
    out = []
    for _, row in catalogue.crime.iterrows():
        metric = row["metric"]
        cmp = "gt" if row["inclusive"] == "false" else "gte"
        words = "超过" if cmp == "gt" else "达到"
        amount = float(row["amount"])
        party = "" if row["party_type"] == ANY else row["party_type"]
        conds = [{"field": "offence", "eq": row["offence"]}, {"field": metric, cmp: amount}]
        if party:
            conds.append({"field": "party_class", "eq": party})
        out.append(CheckRule(
            id="-".join(filter(None, ["C10-PROSECUTE", row["offence"].upper().replace("_", ""),
                                      metric.upper().replace("_", ""), party.upper()[:3]])),
            item="C10",
            title=f"涉嫌{row['offence_label']}：{_METRIC_LABELS.get(metric, metric)}{words}立案追诉标准",
            severity="crime",
            applies_to="crime",
            when={"all": conds},
            message=f"{_METRIC_LABELS.get(metric, metric)}为 {{{metric}}} 元，{words}{row['offence_label']}的立案追诉标准 {amount:,.0f} 元",
            suggestion="涉嫌犯罪，应当依法移送司法机关；行政机关负责人应在 3 日内作出是否移送的决定，决定移送的应在 24 小时内移送（《行政执法机关移送涉嫌犯罪案件的规定》）",
            citations=[
                _cite_source(row["source"], f"{row['offence_label']}：{_METRIC_LABELS.get(metric, metric)}{words}{amount:,.0f}元"),
                Citation(law="中华人民共和国行政处罚法", article="第二十七条", clause="第一款",
                         text="违法行为涉嫌犯罪的，行政机关应当及时将案件移送司法机关，依法追究刑事责任。"),
            ],
            effective_from=date.fromisoformat(row["effective_from"]),
            effective_until=date.fromisoformat(row["effective_until"]) if row["effective_until"] else None,
            line=int(row["line"]),
            file="checklists/crime_thresholds.csv",
        ))
    return out


def load_rulebook(rules_dir: str | Path | None = None, checklists_dir: str | Path | None = None) -> Rulebook:
    """Read every rule file and the catalogue; raise RuleFileError listing all problems."""
    catalogue = load_catalogue(checklists_dir)
    root = folder("rules", rules_dir)
    known_params = {k for p in catalogue.profiles.values() for k in p.params}
    tables = {"hearing"}
    problems: list[Problem] = []
    checks: dict[str, CheckRule] = {}
    triggers: dict[str, TriggerRule] = {}
    where: dict[str, str] = {}
    loaded: list[_Dated] = []
    for path in sorted(root.rglob("*.y*ml")):
        loaded.extend(_read_rule_file(path, root, problems, known_params, tables))
    loaded.extend(_catalogue_triggers(catalogue))
    loaded.extend(_crime_checks(catalogue))
    same_id: dict[str, list[_Dated]] = {}
    for rule in loaded:
        # One id may have several versions when their effective periods do not overlap.
        clash = next((r for r in same_id.get(rule.id, []) if type(r) is not type(rule) or _overlaps(r, rule)), None)
        if clash is not None:
            problems.append(Problem(f"{rule.file}:{rule.line}", f"规则编号 {rule.id} 重复（另见 {where[rule.id]}）"))
            continue
        where.setdefault(rule.id, f"{rule.file}:{rule.line}")
        same_id.setdefault(rule.id, []).append(rule)
        unknown = [p for p in rule.profiles if p not in catalogue.profiles]
        if unknown:
            problems.append(Problem(f"{rule.file}:{rule.line}", f"规则 {rule.id}：profiles 含未知档案 {unknown}"))
        target = checks if isinstance(rule, CheckRule) else triggers
        if rule.id not in target or (rule.effective_from or date.min) > (target[rule.id].effective_from or date.min):
            target[rule.id] = rule
    if problems:
        raise RuleFileError(str(root), problems)
    versions: dict[str, _Dated] = {}
    for rule_id, found in same_id.items():
        for rule in found:
            versions[rule_id if len(found) == 1 else f"{rule_id}@{rule.effective_from}"] = rule
    definition = {
        key: {"all": [{"m": {"$and": _scope(rule) + [compile_condition(rule.when)]}}]}
        for key, rule in versions.items()
    }
    digest = hashlib.sha256(json.dumps(definition, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]
    return Rulebook(checks=checks, triggers=triggers, catalogue=catalogue, definition=definition,
                    name=f"review_{digest}", versions=versions)


def _overlaps(a: _Dated, b: _Dated) -> bool:
    """Whether two versions of a rule are both in force on some day."""
    return ((a.effective_from or date.min) < (b.effective_until or date.max)
            and (b.effective_from or date.min) < (a.effective_until or date.max))
