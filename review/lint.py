"""`lint`: everything wrong with a rules/ and checklists/ folder, before any test runs.

Rule authors edit YAML and CSV by hand. A typo there should be named with its
file and line by one command, not surface as a puzzling scenario failure.
Loading the rulebook already catches schema errors, duplicate ids and names
that do not exist; this module adds what only shows when rows and rules are
read together: threshold rows of one profile that overlap in time or say
different things, gaps between dated versions, wording that contradicts the
inclusive flag, and checklist items that no rule checks.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterable, Optional

import pandas as pd
import yaml

from .catalogue import ANY, Catalogue, load_catalogue
from .errors import Problem, RuleFileError
from .resources import folder
from .facts import FIELDS
from .materials import lint_problems as material_problems
from .rulebook import Rulebook, load_rulebook

#: Wording that fixes whether a threshold includes its own amount. 《中华人民共和国民法典》
#: 第一千二百五十九条：“以上”“以下”“以内”“届满”包括本数；“不满”“超过”“以外”不包括本数。
INCLUSIVE_WORDS = ("以上", "以下", "以内", "届满", "达到")
EXCLUSIVE_WORDS = ("超过", "不满", "以外", "高于", "低于")

_WORDING = {"label": "情形表述（label）", "source": "出处（source）"}
_UNKNOWN_FIELD = re.compile(r"未知字段“([^”]+)”（(\w+) 事实可用字段：[^）]*）")
_RULE_IN_MESSAGE = re.compile(r"^规则 (\S+?)：")

# pydantic's English messages, as a rule author should read them.
_PYDANTIC = (
    ("Field required", "缺少必填项"),
    ("List should have at least 1 item after validation, not 0", "不得为空，至少应有一项"),
    ("Extra inputs are not permitted", "不是允许的字段（拼写错误？）"),
    ("String should match pattern", "格式不符合要求（应为大写英文字母、数字和连字符，如 C02-CERT-EXPIRED）"),
    ("Input should be a valid date", "应为日期 YYYY-MM-DD"),
    ("Input should be a valid string", "应为文字"),
    ("Input should be a valid list", "应为列表"),
    ("Input should be a valid dictionary", "应为对象"),
    ("Input should be", "取值不在允许范围内："),
)


@dataclass(frozen=True)
class LintProblem:
    """One problem: where it is, which rule (if any) and what is wrong."""

    location: str
    message: str
    rule_id: Optional[str] = None

    def __str__(self) -> str:
        rule = f"[{self.rule_id}] " if self.rule_id and self.rule_id not in self.message else ""
        return f"{self.location}：{rule}{self.message}"

    def to_dict(self) -> dict:
        return {"location": self.location, "rule_id": self.rule_id, "message": self.message}


@dataclass
class LintReport:
    rules_dir: Path
    checklists_dir: Path
    problems: list[LintProblem]
    rulebook: Optional[Rulebook] = None

    @property
    def ok(self) -> bool:
        return not self.problems


def _close_fields(found: re.Match) -> str:
    name, kind = found.group(1), found.group(2)
    head = name.removeprefix("case.")
    options = list(FIELDS.get("case" if name.startswith("case.") else kind, {}))
    close = difflib.get_close_matches(head, options, n=5, cutoff=0.5)
    hint = f"相近的有：{'、'.join(close)}" if close else f"可用字段见 review/facts.py FIELDS[{kind!r}]"
    return f"未知字段“{name}”（{kind} 事实中没有；{hint}）"


def chinese(message: str) -> str:
    """Replace pydantic's English phrases in a loader message with Chinese."""
    message = _UNKNOWN_FIELD.sub(_close_fields, message)
    if "YAML 格式错误" in message:
        message = message.replace("YAML 格式错误：", "YAML 格式错误（多为缩进、冒号或括号不匹配）：")
    for english, zh in _PYDANTIC:
        if english in message:
            message = message.replace(english, zh)
            break
    if re.search(r"citations( |：|$)", message) and ("缺少必填项" in message or "至少应有一项" in message):
        message = re.sub(r"citations\S* .*$", "没有法律依据：citations 至少应有一条（法律名称、条、引用的条文原文）", message)
    return message


def _from_loader(error: RuleFileError, base: Path) -> list[LintProblem]:
    out = []
    for problem in error.problems:
        found = _RULE_IN_MESSAGE.match(problem.message)
        out.append(LintProblem(_where(base, problem.location), chinese(problem.message), found.group(1) if found else None))
    return out


def _where(base: Path, location: str) -> str:
    if not location:
        return str(base)
    if location.startswith(("checklists/", "rules/")) or Path(location.split(":")[0]).is_absolute():
        return location
    return f"{base.as_posix().rstrip('/')}/{location}"


def _day(text: str) -> Optional[date]:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _overlap(a: pd.Series, b: pd.Series) -> bool:
    a_from, b_from = _day(a["effective_from"]), _day(b["effective_from"])
    if a_from is None or b_from is None:
        return False
    a_until, b_until = _day(a["effective_until"]) or date.max, _day(b["effective_until"]) or date.max
    return a_from < b_until and b_from < a_until


def _row_text(row: pd.Series) -> str:
    amount = row["amount"] or "（不限金额）"
    inclusive = {"true": "含本数", "false": "不含本数"}.get(row["inclusive"], "")
    until = row["effective_until"] or "今"
    return f"{amount}{inclusive}，{row['effective_from']} 至 {until}"


def _table_problems(table: pd.DataFrame, name: str, base: Path, key: list[str], wording: str,
                    trigger_of=None) -> list[LintProblem]:
    """Dates, wording, overlaps, contradictions and gaps of one threshold table."""
    problems: list[LintProblem] = []
    if table.empty:
        return problems
    where = lambda row: f"{base.as_posix().rstrip('/')}/{name}:{row['line']}"  # noqa: E731
    for _, row in table.iterrows():
        start, end = _day(row["effective_from"]), _day(row["effective_until"])
        if start and end and end <= start:
            problems.append(LintProblem(where(row), f"effective_until（{end}）应晚于 effective_from（{start}）", trigger_of(row) if trigger_of else None))
        text = row.get(wording, "") or ""
        says_in = [w for w in INCLUSIVE_WORDS if w in text]
        says_ex = [w for w in EXCLUSIVE_WORDS if w in text]
        if row["amount"] and says_ex and not says_in and row["inclusive"] == "true":
            problems.append(LintProblem(where(row), f"{_WORDING[wording]}写作“{says_ex[0]}”（不含本数，民法典第一千二百五十九条），但 inclusive 为 true", trigger_of(row) if trigger_of else None))
        if row["amount"] and says_in and not says_ex and row["inclusive"] == "false":
            problems.append(LintProblem(where(row), f"{_WORDING[wording]}写作“{says_in[0]}”（含本数，民法典第一千二百五十九条），但 inclusive 为 false", trigger_of(row) if trigger_of else None))
    rows = list(table.iterrows())
    for i, (_, a) in enumerate(rows):
        for _, b in rows[i + 1:]:
            if any(a[k] != b[k] and ANY not in (a[k], b[k]) for k in key):
                continue
            if not _overlap(a, b):
                continue
            same_key = all(a[k] == b[k] for k in key)
            same_value = a["amount"] == b["amount"] and a["inclusive"] == b["inclusive"]
            rule = trigger_of(b) if trigger_of else None
            if trigger_of and trigger_of(a) == trigger_of(b):
                problems.append(LintProblem(where(b), f"与第 {a['line']} 行是同一情形的两个版本，有效期重叠（{_row_text(a)}；{_row_text(b)}）", rule))
            elif same_key and same_value:
                problems.append(LintProblem(where(b), f"与第 {a['line']} 行重复：条件与金额相同且有效期重叠", rule))
            elif same_key or not same_value:
                problems.append(LintProblem(where(b), f"与第 {a['line']} 行互相矛盾：同一适用范围、有效期重叠，但门槛不同（{_row_text(a)}；{_row_text(b)}）", rule))
    # Gaps: versions of one threshold, in date order, must follow one another without a hole.
    group_key = (lambda r: (trigger_of(r),)) if trigger_of else (lambda r: tuple(r[k] for k in key))
    groups: dict[tuple, list[pd.Series]] = {}
    for _, row in rows:
        if _day(row["effective_from"]):
            groups.setdefault(group_key(row), []).append(row)
    for versions in groups.values():
        versions.sort(key=lambda r: r["effective_from"])
        for before, after in zip(versions, versions[1:]):
            end, start = _day(before["effective_until"]), _day(after["effective_from"])
            if end and start and end < start:
                problems.append(LintProblem(
                    where(after),
                    f"有效期有空档：第 {before['line']} 行至 {end} 失效，本行自 {start} 起生效，其间没有有效的门槛",
                    trigger_of(after) if trigger_of else None,
                ))
    return problems


def catalogue_problems(catalogue: Catalogue, base: Path) -> list[LintProblem]:
    """Overlaps, contradictions, gaps and wording in the three threshold tables."""
    def trigger(row: pd.Series) -> str:
        return f"MAJOR-{row['profile'].upper().replace('_', '')}-{row['trigger_id']}"

    return (
        _table_problems(catalogue.major, "major_thresholds.csv", base,
                        ["profile", "category", "measure", "party_type"], "label", trigger)
        + _table_problems(catalogue.hearing, "hearing_thresholds.csv", base,
                          ["profile", "category", "measure", "party_type"], "source")
        + _table_problems(catalogue.crime, "crime_thresholds.csv", base,
                          ["offence", "metric", "party_type"], "source")
    )


def _items(checklists: Path) -> tuple[list[dict], list[LintProblem]]:
    path = checklists / "items.yaml"
    where = f"{checklists.as_posix().rstrip('/')}/items.yaml"
    if not path.exists():
        return [], [LintProblem(where, "缺少要素清单文件 items.yaml")]
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return [], [LintProblem(f"{where}:{mark.line + 1 if mark else '?'}", f"YAML 格式错误：{getattr(exc, 'problem', exc)}")]
    items = data.get("items") if isinstance(data, dict) else None
    if not isinstance(items, list):
        return [], [LintProblem(f"{where}:1", "items.yaml 应含 items: 列表")]
    lines = _item_lines(path)
    problems, seen = [], set()
    for n, item in enumerate(items):
        line = lines[n] if n < len(lines) else 1
        if not isinstance(item, dict) or not item.get("id") or not item.get("title"):
            problems.append(LintProblem(f"{where}:{line}", "每个条目应有 id 和 title"))
            continue
        if item["id"] in seen:
            problems.append(LintProblem(f"{where}:{line}", f"条目编号 {item['id']} 重复"))
        seen.add(item["id"])
        item["line"] = line
    return [i for i in items if isinstance(i, dict) and i.get("id")], problems


def _item_lines(path: Path) -> list[int]:
    return [n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
            if re.match(r"^\s*-\s+id\s*:", text)]


def item_problems(book: Rulebook, checklists: Path) -> list[LintProblem]:
    items, problems = _items(checklists)
    where = f"{checklists.as_posix().rstrip('/')}/items.yaml"
    checked = {rule.item for rule in book.checks.values()}
    for item in items:
        if item["id"] not in checked:
            problems.append(LintProblem(f"{where}:{item.get('line', 1)}", f"条目 {item['id']}（{item.get('title', '')}）没有任何审核规则"))
    listed = {i["id"] for i in items}
    for rule in book.checks.values():
        if listed and rule.item not in listed:
            problems.append(LintProblem(f"{rule.file}:{rule.line}", f"条目 {rule.item} 不在 items.yaml 中", rule.id))
    return problems


def citation_problems(book: Rulebook) -> list[LintProblem]:
    problems = []
    for rule in list(book.checks.values()) + list(book.triggers.values()):
        for n, citation in enumerate(rule.citations, start=1):
            if not citation.text.strip():
                problems.append(LintProblem(f"{rule.file}:{rule.line}", f"第 {n} 条法律依据没有引用条文原文（text）", rule.id))
            if not citation.law.strip() or not citation.article.strip():
                problems.append(LintProblem(f"{rule.file}:{rule.line}", f"第 {n} 条法律依据缺少法律名称或条", rule.id))
    return problems


def version_problems(book: Rulebook) -> list[LintProblem]:
    """Dated versions of one rule id must follow one another without a hole."""
    problems = []
    # Catalogue rows are checked, with their line numbers, by catalogue_problems.
    for rule_id in sorted({r.id for r in book.versions.values() if not r.file.endswith(".csv")}):
        versions = book.versions_of(rule_id)
        for before, after in zip(versions, versions[1:]):
            if before.effective_until and after.effective_from and before.effective_until < after.effective_from:
                problems.append(LintProblem(
                    f"{after.file}:{after.line}",
                    f"有效期有空档：上一版本至 {before.effective_until} 失效，本版本自 {after.effective_from} 起生效",
                    rule_id,
                ))
    return problems


def _relocate(problems: Iterable[LintProblem], rules: Path, checklists: Path) -> list[LintProblem]:
    """Rule-file locations as paths a rule author can open."""
    out = []
    for p in problems:
        location = p.location
        if location.startswith("checklists/"):
            location = f"{checklists.as_posix().rstrip('/')}/{location.removeprefix('checklists/')}"
        elif not location.startswith(_prefixes(rules, checklists)) and not Path(location.split(":")[0]).is_absolute():
            location = f"{rules.as_posix().rstrip('/')}/{location}"
        out.append(LintProblem(location, p.message, p.rule_id))
    return out


def _nice(path: Path) -> Path:
    """The folder relative to the working directory when it is inside it (shorter messages)."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path


def _prefixes(*folders: Path) -> tuple[str, ...]:
    return tuple(f"{f.as_posix().rstrip('/')}/" for f in folders)


def lint(rules_dir: str | Path | None = None, checklists_dir: str | Path | None = None) -> LintReport:
    """Every problem of one rules folder read with one checklists folder."""
    rules = _nice(folder("rules", rules_dir))
    checklists = _nice(folder("checklists", checklists_dir))
    for kind, path in (("规则", rules), ("清单", checklists)):
        if not path.is_dir():
            raise RuleFileError(str(path), [Problem(str(path), f"{kind}目录不存在")])
    try:
        catalogue = load_catalogue(checklists)
    except RuleFileError as error:
        return LintReport(rules, checklists, _from_loader(error, checklists) + _items(checklists)[1])
    problems = catalogue_problems(catalogue, checklists)
    problems += [LintProblem(_where(checklists, p.location), p.message) for p in material_problems(catalogue, checklists)]
    try:
        book = load_rulebook(rules, checklists)
    except RuleFileError as error:
        loader = [p for p in _from_loader(error, rules)]
        return LintReport(rules, checklists, problems + _relocate(loader, rules, checklists) + _items(checklists)[1])
    problems += _relocate(citation_problems(book) + version_problems(book) + item_problems(book, checklists), rules, checklists)
    return LintReport(rules, checklists, _dedupe(problems), book)


def _dedupe(problems: list[LintProblem]) -> list[LintProblem]:
    seen, out = set(), []
    for p in problems:
        if (p.location, p.message) not in seen:
            seen.add((p.location, p.message))
            out.append(p)
    return out


def classify(paths: Iterable[str | Path]) -> list[tuple[Optional[Path], Optional[Path]]]:
    """Pair the folders given on the command line as (rules, checklists) to lint together.

    A folder holding rules/ and checklists/ is one pair. Otherwise a
    checklists folder is one with profiles/, items.yaml or *_thresholds.csv,
    any other folder is a rules folder, and each is read with the other kind
    given (or the shipped one, shown as None).
    """
    pairs: list[tuple[Optional[Path], Optional[Path]]] = []
    rules: list[Path] = []
    checklists: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            raise RuleFileError(str(path), [Problem(str(path), "目录不存在")])
        if (path / "rules").is_dir() or (path / "checklists").is_dir():
            pairs.append((path / "rules" if (path / "rules").is_dir() else None,
                          path / "checklists" if (path / "checklists").is_dir() else None))
        elif (path / "profiles").is_dir() or (path / "items.yaml").exists() or any(path.glob("*_thresholds.csv")):
            checklists.append(path)
        else:
            rules.append(path)
    if rules or checklists or not pairs:
        pairs += [(r, c) for r in (rules or [None]) for c in (checklists or [None])]
    return pairs


def lint_paths(paths: Iterable[str | Path] = ()) -> list[LintReport]:
    """Lint every (rules, checklists) pair named on the command line; the shipped folders by default."""
    return [lint(r, c) for r, c in classify(paths)]
