"""`check`: one packet through the rulebook to a review result.

The flow is one-way: validate the packet, pick the profile in force on the
decision date, build facts, let the engine fire, then turn hits into
findings, the major determination, item results and the outcome.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping, Optional

import yaml

from . import engine
from .facts import FIELDS, build_facts
from .intake import parse_packet
from .packet import CasePacket
from .result import (
    OUTCOME_LABELS,
    CitationOut,
    FieldValue,
    Finding,
    ItemResult,
    MajorDetermination,
    ProfileRef,
    ReviewResult,
    Trigger,
)
from .rulebook import PLACEHOLDER, CheckRule, Rulebook, load_rulebook
from .conditions import referenced
from .vocabulary import Coded
from .workdays import Calendar

@lru_cache(maxsize=8)
def _cached_rulebook(rules_dir: Optional[str], checklists_dir: Optional[str]) -> Rulebook:
    return load_rulebook(rules_dir, checklists_dir)


def default_rulebook() -> Rulebook:
    return _cached_rulebook(None, None)


def rulebook_for(rules_dir: str | Path | None = None, checklists_dir: str | Path | None = None) -> Rulebook:
    return _cached_rulebook(str(rules_dir) if rules_dir else None, str(checklists_dir) if checklists_dir else None)


@lru_cache(maxsize=8)
def _policy(checklists_root: str) -> tuple[dict, dict]:
    root = Path(checklists_root)
    items = yaml.safe_load((root / "items.yaml").read_text(encoding="utf-8"))["items"]
    severities = yaml.safe_load((root / "severities.yaml").read_text(encoding="utf-8"))["severities"]
    return {i["id"]: i for i in items}, {s["id"]: s for s in severities}


def _lookup(fact: dict, path: str) -> Any:
    value: Any = fact
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def _display(value: Any) -> str:
    if value is None:
        return "（未填写）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}"
    if isinstance(value, dict):
        return "、".join(value) or "（无）"
    for enum in Coded.__subclasses__():
        try:
            return enum(value).label
        except ValueError:
            continue
    return str(value)


def _render(template: str, fact: dict) -> str:
    return PLACEHOLDER.sub(lambda m: _display(_lookup(fact, m.group(1))), template)


def _packet_path(fact: dict, name: str) -> str:
    """Where in the packet a fact field comes from, for the finding's `fields`."""
    head, _, rest = name.partition(".")
    if head in ("param", "thr"):
        return name
    if head == "case" and fact["kind"] != "case":
        inner = rest.partition(".")[0]
        return FIELDS["case"].get(inner, ("", None))[1] or rest
    source = FIELDS[fact["kind"]].get(head, ("", None))[1]
    if fact["kind"] == "case":
        return name if head in ("flags", "publication") else (source or name)
    if source and source.startswith("^"):
        return source[1:]
    return f"{fact['path']}.{source or head}"


def _evidence(rule, fact: dict) -> list[FieldValue]:
    names: list[str] = []
    for kind, name in referenced(rule.when):
        if kind == "field" and name not in names:
            names.append(name)
    out = []
    for name in names:
        value = _lookup(fact, name)
        if isinstance(value, dict):
            value = sorted(value)
        out.append(FieldValue(path=_packet_path(fact, name), value=value))
    return out


def check(
    packet: CasePacket | Mapping[str, Any],
    profile: Optional[str] = None,
    *,
    on: Optional[date] = None,
    rulebook: Optional[Rulebook] = None,
    calendar: Optional[Calendar] = None,
) -> ReviewResult:
    """Review one packet. `profile` overrides the packet's own `agency.profile`.

    The decision date (the packet's, else `on`, else today) chooses the
    profile version and the thresholds in force.
    """
    packet = parse_packet(packet, source="packet")
    book = rulebook or default_rulebook()
    decision_date = packet.timeline.decision_date or on or date.today()
    name = profile or packet.agency.profile or "national"
    chosen = book.catalogue.profile(name, decision_date)
    items, severities = _policy(str(book.catalogue.root))
    calendar = calendar or Calendar()
    sid = engine.new_session_id()
    fact_set = build_facts(packet, book.catalogue, name, decision_date, sid, calendar)
    hits = engine.evaluate(book.name, book.definition, fact_set.facts, sid)

    findings: list[Finding] = []
    triggers: list[Trigger] = []
    for rule_id, fact in hits:
        rule = book.rule(rule_id)
        fields = _evidence(rule, fact)
        if isinstance(rule, CheckRule):
            findings.append(Finding(
                rule_id=rule.id, item=rule.item, severity=rule.severity, title=rule.title,
                message=_render(rule.message, fact), suggestion=_render(rule.suggestion, fact),
                citations=[CitationOut(**c.model_dump()) for c in rule.citations], fields=fields,
            ))
        elif all(t.id != rule.id for t in triggers):
            triggers.append(Trigger(
                id=rule.id, label=_render(rule.message or rule.label, fact),
                source="；".join(c.short() if c.article != "目录清单" else c.law for c in rule.citations),
                fields=fields,
            ))
    rank = {sid_: s["rank"] for sid_, s in severities.items()}
    findings.sort(key=lambda f: (f.item, -rank[f.severity], f.rule_id, [v.path for v in f.fields]))
    triggers.sort(key=lambda t: t.id)

    worst = max((f.severity for f in findings), key=lambda s: rank[s], default=None)
    outcome = severities[worst]["outcome"] if worst else "approve"

    failing = {s for s, spec in severities.items() if spec["fails_item"]}
    item_results = []
    for item_id, spec in items.items():
        applies = not spec.get("categories") or packet.category.value in spec["categories"]
        mine = [f.rule_id for f in findings if f.item == item_id]
        if not applies and not mine:
            status = "not_applicable"
        elif any(f.item == item_id and f.severity in failing for f in findings):
            status = "fail"
        else:
            status = "pass"
        item_results.append(ItemResult(id=item_id, title=spec["title"], status=status, findings=sorted(set(mine))))

    return ReviewResult(
        case_id=packet.case_id,
        title=packet.title,
        category=packet.category.value,
        decision_date=decision_date,
        profile=ProfileRef(name=chosen.name, label=chosen.label, source=chosen.source),
        outcome=outcome,
        outcome_label=OUTCOME_LABELS[outcome],
        major=MajorDetermination(is_major=bool(triggers), triggers=triggers),
        findings=findings,
        items=item_results,
        warnings=fact_set.warnings,
    )
