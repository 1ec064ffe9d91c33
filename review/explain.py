"""`explain`: one rule in words a reviewer reads without knowing YAML.

Its item, where it applies, its condition in plain Chinese (field names come
from facts.FIELDS and the packet model's descriptions), the numbers it uses
with their sources and dates, the quoted citations, and an example packet
that makes it fire, taken from the first scenario in features/ that asserts
so. The scenario is read with a small reader of its own because pytest-bdd
is a development dependency and explain must work wherever `review` does.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import yaml

from .catalogue import ANY
from .errors import Problem, ReviewInputError
from .facts import FIELDS
from .packet import CasePacket
from .resources import _SOURCE_TREE
from .rulebook import CheckRule, Rulebook
from .vocabulary import Coded

SEVERITY_LABELS = {"note": "提示", "defect": "应当补正", "fatal": "实质性问题", "crime": "涉嫌犯罪"}
KIND_LABELS = {
    "case": "整个案卷", "officer": "每一名执法人员", "party": "每一名当事人", "evidence": "每一项证据",
    "provision": "每一条法律依据", "measure": "每一项拟采取的措施", "recording": "每一份音像记录",
    "crime": "每一条涉嫌犯罪线索",
}
_OPS = {"eq": "为", "ne": "不为", "gt": "大于", "gte": "不少于", "lt": "小于", "lte": "不超过"}
_TABLE_LABELS = {"hearing": "听证“较大数额”标准（行政处罚法第六十三条，checklists/hearing_thresholds.csv）"}


def _nested_description(section: str, name: str) -> Optional[str]:
    model = CasePacket.model_fields.get(section)
    inner = getattr(model.annotation, "model_fields", {}) if model else {}
    return inner[name].description if name in inner else None


def field_label(path: str, kind: str = "case") -> str:
    """A field path as the rule author's packet says it."""
    head, _, rest = path.partition(".")
    if head == "case" and kind != "case":
        return f"案件的{field_label(rest, 'case')}"
    if head == "param":
        return f"档案参数 {rest}"
    if head == "thr":
        table = rest.partition(".")[0]
        return f"适用的{_TABLE_LABELS.get(table, table)}"
    if head in ("flags", "publication") and rest:
        return _nested_description(head, rest) or path
    found = FIELDS.get(kind, {}).get(head)
    label = re.split(r"[：（]", found[0])[0].removesuffix("代码") if found else path
    return f"{label}.{rest}" if rest else label


def value_label(value: Any) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str):
        for enum in Coded.__subclasses__():
            try:
                return f"“{enum(value).label}”"
            except ValueError:
                continue
        return f"“{value}”"
    return f"{value:,}" if isinstance(value, int) else str(value)


def _operand(value: Any, kind: str, params: dict) -> str:
    if isinstance(value, dict) and "field" in value:
        return field_label(value["field"], kind)
    if isinstance(value, dict) and "param" in value:
        name = value["param"]
        return f"档案参数 {name}（全国档案为 {value_label(params.get(name, '未设置'))}）"
    return value_label(value)


def condition_text(cond: Any, kind: str = "case", params: Optional[dict] = None, depth: int = 0) -> list[str]:
    """A condition as indented Chinese lines."""
    params = params or {}
    pad = "  " * depth
    if not isinstance(cond, dict):
        return [f"{pad}{cond!r}"]
    for group, words in (("all", "同时满足："), ("any", "满足其一：")):
        if group in cond:
            parts = cond[group]
            if len(parts) == 1:
                return condition_text(parts[0], kind, params, depth)
            out = [f"{pad}{words}"]
            for n, part in enumerate(parts, start=1):
                inner = condition_text(part, kind, params, depth + 1)
                inner[0] = f"{'  ' * (depth + 1)}{n}. {inner[0].lstrip()}"
                out.extend(inner)
            return out
    if "not" in cond:
        inner = condition_text(cond["not"], kind, params, depth + 1)
        return [f"{pad}并非：", *inner]
    name = field_label(cond.get("field", "?"), kind)
    op = next((k for k in cond if k != "field"), "?")
    value = cond.get(op)
    if op == "exists":
        return [f"{pad}{name}{'已填写' if value else '未填写'}"]
    if op in ("has", "lacks"):
        return [f"{pad}{name}{'包含' if op == 'has' else '不包含'}{value_label(value)}"]
    if op in ("in", "not_in"):
        options = "、".join(value_label(v) for v in value)
        return [f"{pad}{name}{'为' if op == 'in' else '不是'}{options}{'之一' if op == 'in' else '中的任何一个'}"]
    if op in ("reaches", "below"):
        table = _TABLE_LABELS.get(value, value)
        return [f"{pad}{name}{'达到' if op == 'reaches' else '未达到'}{table}（是否含本数按该行 inclusive）"]
    if op == "eq" and value is True:
        return [f"{pad}{name}：是"]
    if op == "eq" and value is False:
        return [f"{pad}{name}：否"]
    return [f"{pad}{name}{_OPS.get(op, op)}{_operand(value, kind, params)}"]


# --- scenarios -------------------------------------------------------------

_SCENARIO = re.compile(r"^\s*(场景大纲|剧本大纲|场景|剧本)\s*[:：]\s*(.*)$")
_BACKGROUND = re.compile(r"^\s*背景\s*[:：]")
_EXAMPLES = re.compile(r"^\s*例子\s*[:：]")
_STEP = re.compile(r"^\s*(假如|假设|假定|当|那么|而且|并且|同时|但是|\*)\s*(.+)$")
_FIELD_OR_RULE = "(?:规则|重大情形)[“\"]{}[”\"](?:触发|成立)"


@dataclass
class Scenario:
    file: Path
    line: int
    name: str
    steps: list[tuple[str, list[list[str]], str]] = field(default_factory=list)
    examples: list[dict[str, str]] = field(default_factory=list)

    def rendered(self) -> list[list[tuple[str, list[list[str]], str]]]:
        """The steps once per example row (once for a plain scenario)."""
        def fill(text: str, row: dict) -> str:
            return re.sub(r"<([^<>]+)>", lambda m: row.get(m.group(1), m.group(0)), text)

        rows = self.examples or [{}]
        return [[(fill(t, r), [[fill(c, r) for c in cells] for cells in table], k) for t, table, k in self.steps] for r in rows]


def read_features(folder: Path) -> list[Scenario]:
    """Scenarios of every features/*.feature, background steps included."""
    out: list[Scenario] = []
    for path in sorted(folder.glob("*.feature")):
        background: list[tuple[str, list[list[str]], str]] = []
        current: Optional[Scenario] = None
        target = None  # "background" | "steps" | "examples"
        header: Optional[list[str]] = None
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            stripped = line.strip()
            if not stripped or stripped.startswith("#"):
                continue
            if _BACKGROUND.match(line):
                target = "background"
                continue
            found = _SCENARIO.match(line)
            if found:
                current = Scenario(path, number, found.group(2).strip(), list(background))
                out.append(current)
                target, header = "steps", None
                continue
            if _EXAMPLES.match(line):
                target, header = "examples", None
                continue
            if stripped.startswith("|"):
                cells = [c.strip() for c in stripped.strip("|").split("|")]
                if target == "examples" and current is not None:
                    if header is None:
                        header = cells
                    else:
                        current.examples.append(dict(zip(header, cells)))
                else:
                    steps = background if target == "background" else (current.steps if current else None)
                    if steps:
                        steps[-1][1].append(cells)
                continue
            step = _STEP.match(line)
            if step and target in ("background", "steps"):
                (background if target == "background" else current.steps).append((step.group(2).strip(), [], step.group(1)))
    return out


def firing_example(rule_id: str, folder: Optional[Path] = None) -> Optional[tuple[Scenario, list]]:
    """The first scenario (and example row) that asserts the rule fires."""
    folder = folder or (_SOURCE_TREE / "features")
    if not folder.is_dir():
        return None
    wanted = re.compile(_FIELD_OR_RULE.format(re.escape(rule_id)))
    for scenario in read_features(folder):
        for steps in scenario.rendered():
            if any(wanted.fullmatch(text) for text, _, _ in steps):
                return scenario, steps
    return None


def _table_text(table: list[list[str]]) -> list[str]:
    return ["      | " + " | ".join(row) + " |" for row in table]


# --- thresholds ------------------------------------------------------------

def _param_sources(book: Rulebook) -> dict[str, dict[str, str]]:
    """profile -> param -> the comment written above it in the profile file (its source)."""
    out: dict[str, dict[str, str]] = {}
    for name, path in book.catalogue.files.items():
        comment: list[str] = []
        notes: dict[str, str] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            if stripped.startswith("#"):
                comment.append(stripped.lstrip("# ").strip())
                continue
            key = re.match(r"^\s+([A-Za-z_]\w*)\s*:", line)
            if key and comment:
                notes[key.group(1)] = " ".join(comment)
            comment = []
        out[name] = notes
    return out


def _params_used(cond: Any) -> list[str]:
    from .conditions import referenced

    return [name for kind, name in referenced(cond) if kind == "param"] + [
        name.removeprefix("param.") for kind, name in referenced(cond) if kind == "field" and name.startswith("param.")
    ]


def _tables_used(cond: Any) -> list[str]:
    from .conditions import referenced

    return [name for kind, name in referenced(cond) if kind == "threshold"]


def threshold_lines(book: Rulebook, rule) -> list[str]:
    lines: list[str] = []
    catalogue = book.catalogue
    sources = _param_sources(book)
    for name in dict.fromkeys(_params_used(rule.when)):
        for profile_name, profile in sorted(catalogue.profiles.items()):
            if name in profile.params:
                note = sources.get(profile_name, {}).get(name) or profile.source
                until = f" 至 {profile.effective_until}" if profile.effective_until else " 起"
                lines.append(f"- 档案参数 {name} = {value_label(profile.params[name])}（{profile_name} {profile.label}，"
                             f"自 {profile.effective_from}{until}；出处：{note}）")
    for table in dict.fromkeys(_tables_used(rule.when)):
        frame = getattr(catalogue, table, None)
        if frame is None:
            continue
        for _, row in frame.iterrows():
            lines.append(_row_line(row, f"checklists/{table}_thresholds.csv"))
    if rule.file.endswith(".csv"):
        frame = catalogue.major if "major" in rule.file else catalogue.crime
        for version in book.versions_of(rule.id):
            match = frame[frame["line"] == version.line]
            for _, row in match.iterrows():
                lines.append(_row_line(row, rule.file))
    return lines


def _row_line(row, file: str) -> str:
    scope = "，".join(str(row[k]) for k in ("profile", "offence", "category", "measure", "metric", "party_type")
                     if k in row and row[k] and row[k] != ANY)
    amount = f"{float(row['amount']):,.0f} 元" if row["amount"] else "不限金额"
    inclusive = {"true": "（含本数）", "false": "（不含本数）"}.get(row["inclusive"], "")
    until = f" 至 {row['effective_until']}（不含当日）" if row["effective_until"] else " 起"
    return f"- {scope}：{amount}{inclusive}，自 {row['effective_from']}{until}；出处：{row['source']}（{file}:{row['line']}）"


# --- the whole explanation -------------------------------------------------

def _file(name: str) -> str:
    return name if name.startswith("checklists/") else f"rules/{name}"


def unknown_rule(book: Rulebook, rule_id: str) -> ReviewInputError:
    known = list(book.checks) + list(book.triggers)
    close = difflib.get_close_matches(rule_id, known, n=5, cutoff=0.5)
    hint = f"相近的有：{'、'.join(close)}" if close else "用 review rules 查看全部规则"
    return ReviewInputError("explain", [Problem(rule_id, f"没有规则“{rule_id}”；{hint}")])


def explain(rule_id: str, book: Rulebook, features: Optional[Path] = None) -> str:
    if rule_id not in book.checks and rule_id not in book.triggers:
        raise unknown_rule(book, rule_id)
    versions = book.versions_of(rule_id)
    rule = book.rule(rule_id)
    params = book.catalogue.params("national") if "national" in book.catalogue.profiles else {}
    items = {}
    items_file = book.catalogue.root / "items.yaml"
    if items_file.exists():
        items = {i["id"]: i["title"] for i in (yaml.safe_load(items_file.read_text(encoding="utf-8")) or {}).get("items", [])}
    out: list[str] = []
    if isinstance(rule, CheckRule):
        out.append(f"{rule.id}　{rule.title}")
        out.append(f"条目：{rule.item} {items.get(rule.item, '')}；严重程度：{SEVERITY_LABELS[rule.severity]}")
    else:
        out.append(f"{rule.id}　{rule.label}")
        out.append("种类：重大执法决定情形（成立即应进行法制审核）")
    out.append(f"定义于：{_file(rule.file)}:{rule.line}")
    scope = [f"检查{KIND_LABELS.get(rule.applies_to, rule.applies_to)}"]
    if rule.categories:
        scope.append("执法类别：" + "、".join(c.label for c in rule.categories))
    if rule.procedures:
        scope.append("程序：" + "、".join(p.label for p in rule.procedures))
    if rule.profiles:
        labels = [f"{p}（{book.catalogue.profiles[p].label}）" for p in rule.profiles if p in book.catalogue.profiles]
        scope.append("仅适用于档案：" + "、".join(labels) + "及继承它们的档案")
    out.append("适用范围：" + "；".join(scope))
    for version in versions:
        label = f"（{_file(version.file)}:{version.line}）" if len(versions) > 1 else ""
        if version.effective_from or version.effective_until:
            start = f"自 {version.effective_from} 起" if version.effective_from else ""
            end = f"至 {version.effective_until} 止（不含当日）" if version.effective_until else ""
            out.append(f"有效期：{start}{end}{label}")
        else:
            out.append("有效期：未限定（随规则文件一直有效）")
        out.append("条件：" if len(versions) == 1 else "该版本的条件：")
        out.extend("  " + line for line in condition_text(version.when, version.applies_to, params))
    thresholds = threshold_lines(book, rule)
    if thresholds:
        out.append("使用的门槛与参数：")
        out.extend("  " + t for t in thresholds)
    out.append("法律依据：")
    for c in rule.citations:
        out.append(f"  《{c.law}》{c.article}{c.clause or ''}：“{c.text}”")
    if isinstance(rule, CheckRule):
        out.append(f"说明：{rule.message}")
        out.append(f"建议：{rule.suggestion}")
    example = firing_example(rule_id, features)
    if example is None:
        out.append("示例：features/ 中还没有使该规则触发的场景")
    else:
        scenario, steps = example
        where = scenario.file.relative_to(scenario.file.parent.parent) if scenario.file.parent.parent else scenario.file
        out.append(f"示例（{where}:{scenario.line}“{scenario.name}”）：")
        for text, table, keyword in steps:
            out.append(f"    {keyword} {text}")
            out.extend(_table_text(table))
    return "\n".join(out) + "\n"
