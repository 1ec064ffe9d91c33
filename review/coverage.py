"""Rule coverage: which scenarios make each rule fire, and which keep it silent.

Every rule should be proved both ways: one scenario where the law says it
applies and it fires, one where the law says it does not and it stays silent
(often the boundary). The step library records, per scenario, the rules a
scenario asserted to fire or to stay silent, and those it saw fire without
asserting it; the pytest plugin (tests/coverage_plugin.py, option
`--rule-coverage FILE`) writes them as JSON, and `review coverage` reads that
file against the rulebook.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Literal, Optional

from .rulebook import Rulebook

Kind = Literal["fired", "silent", "observed"]

#: Records of the current pytest session: (scenario node id, rule id, kind).
RECORDS: list[tuple[str, str, str]] = []


def record(scenario: str, rule_id: str, kind: Kind) -> None:
    RECORDS.append((scenario, rule_id, kind))


def report(records: Iterable[tuple[str, str, str]] | None = None) -> dict:
    """The JSON report: rule id -> kind -> sorted scenario ids."""
    rules: dict[str, dict[str, set[str]]] = {}
    for scenario, rule_id, kind in (RECORDS if records is None else records):
        rules.setdefault(rule_id, {}).setdefault(kind, set()).add(scenario)
    return {
        "version": 1,
        "rules": {rid: {k: sorted(v) for k, v in sorted(kinds.items())} for rid, kinds in sorted(rules.items())},
    }


def write(path: str | Path, records: Iterable[tuple[str, str, str]] | None = None) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report(records), ensure_ascii=False, indent=2), encoding="utf-8")
    return path


@dataclass
class RuleCoverage:
    rule_id: str
    kind: str  # "check" or "trigger"
    where: str
    fired: list[str] = field(default_factory=list)
    silent: list[str] = field(default_factory=list)
    observed: list[str] = field(default_factory=list)

    @property
    def status(self) -> str:
        if self.fired and self.silent:
            return "ok"
        if not self.fired and not self.silent:
            return "none"
        return "no_silent" if self.fired else "no_fired"


STATUS_LABELS = {
    "ok": "触发与不触发均有场景",
    "no_silent": "缺少不触发的场景",
    "no_fired": "缺少触发的场景",
    "none": "没有任何场景",
}


def coverage(book: Rulebook, data: dict) -> list[RuleCoverage]:
    """Each rule of the rulebook with the scenarios that proved it, from a JSON report."""
    recorded = data.get("rules", {})
    out = []
    for kind, rules in (("check", book.checks), ("trigger", book.triggers)):
        for rule_id, rule in sorted(rules.items()):
            seen = recorded.get(rule_id, {})
            out.append(RuleCoverage(
                rule_id=rule_id, kind=kind, where=f"{rule.file}:{rule.line}",
                fired=list(seen.get("fired", [])), silent=list(seen.get("silent", [])),
                observed=list(seen.get("observed", [])),
            ))
    return out


def failing(rows: list[RuleCoverage], strict: bool = False) -> list[RuleCoverage]:
    """Rules with no scenario at all; with `strict`, also rules proved only one way."""
    return [r for r in rows if r.status == "none" or (strict and r.status != "ok")]


def load(path: str | Path) -> dict:
    from .errors import Problem, ReviewInputError

    path = Path(path)
    if not path.exists():
        raise ReviewInputError(str(path), [Problem(str(path), "覆盖率报告不存在：先运行 pytest --rule-coverage 该文件")])
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ReviewInputError(str(path), [Problem(f"{path}:{exc.lineno}", f"不是有效的 JSON：{exc.msg}")]) from None
    if not isinstance(data, dict) or not isinstance(data.get("rules"), dict):
        raise ReviewInputError(str(path), [Problem(str(path), "不是 review 的覆盖率报告（缺少 rules）")])
    return data


def unknown_rules(book: Rulebook, data: dict) -> list[str]:
    """Rule ids in the report that the rulebook does not have (scenarios on a test rulebook)."""
    return sorted(set(data.get("rules", {})) - set(book.checks) - set(book.triggers))


def example_scenario(data: Optional[dict], rule_id: str) -> Optional[str]:
    """The first scenario that asserted the rule fires, if the report has one."""
    if not data:
        return None
    found = data.get("rules", {}).get(rule_id, {}).get("fired", [])
    return found[0] if found else None
