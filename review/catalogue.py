"""Agency profiles and their dated threshold tables (目录清单).

A profile is one agency's configuration: which catalogue rows make a decision
major, its hearing thresholds, and its parameters (review time limit,
whether every ordinary-procedure penalty is reviewed, ...). Profiles inherit
(`inherits: national`), so the statutory triggers apply everywhere and an
agency only writes down how it differs. Rows and profiles carry
effective-from/until dates; the decision date picks what is in force.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any, Optional

import pandas as pd
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import Problem, RuleFileError, UnknownProfileError
from .resources import folder
from .vocabulary import Category, MeasureType

_CATEGORIES = {c.value for c in Category}
_MEASURES = {m.value for m in MeasureType}

ANY = "*"
PARTY_CLASSES = ("individual", "organisation")

#: Columns of the three threshold tables, in the order rule authors write them.
MAJOR_COLUMNS = [
    "profile", "trigger_id", "label", "category", "measure", "party_type",
    "amount", "inclusive", "effective_from", "effective_until", "source",
]
HEARING_COLUMNS = [
    "profile", "category", "measure", "party_type", "amount", "inclusive",
    "effective_from", "effective_until", "source",
]
CRIME_COLUMNS = [
    "offence", "offence_label", "metric", "party_type", "amount", "inclusive",
    "effective_from", "effective_until", "source",
]


class Profile(BaseModel):
    """One agency's catalogue settings, as written in checklists/profiles/*.yaml."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(description="档案代码（英文），CLI 的 --profile 使用")
    label: str = Field(description="机关或目录清单名称")
    inherits: Optional[str] = Field(None, description="继承的上级档案，通常为 national")
    effective_from: date = Field(description="生效日期")
    effective_until: Optional[date] = Field(None, description="失效日期（不含当日）")
    source: str = Field(description="出处：目录清单或实施方案的名称")
    params: dict[str, Any] = Field(default_factory=dict, description="参数：审核时限等")

    def in_force(self, on: date) -> bool:
        return self.effective_from <= on and (self.effective_until is None or on < self.effective_until)


@dataclass
class Catalogue:
    """All profiles and threshold tables of one checklists/ folder."""

    root: Path
    profiles: dict[str, Profile]
    major: pd.DataFrame
    hearing: pd.DataFrame
    crime: pd.DataFrame
    files: dict[str, Path] = field(default_factory=dict)

    def known(self) -> list[str]:
        return sorted(self.profiles)

    def profile(self, name: str, on: date) -> Profile:
        """The named profile, which must exist and be in force on `on`."""
        found = self.profiles.get(name)
        if found is None:
            raise UnknownProfileError(
                f"未知的目录清单档案“{name}”。可用的档案：{'、'.join(self.known())}", self.known()
            )
        if not found.in_force(on):
            until = f"至 {found.effective_until}" if found.effective_until else "起"
            raise UnknownProfileError(
                f"目录清单档案“{name}”（{found.label}）自 {found.effective_from}{until}有效，"
                f"决定日期 {on} 不在其有效期内",
                self.known(),
            )
        return found

    def chain(self, name: str) -> list[str]:
        """The profile and every profile it inherits from, nearest first."""
        out: list[str] = []
        current: Optional[str] = name
        while current is not None and current not in out:
            out.append(current)
            current = self.profiles[current].inherits if current in self.profiles else None
        return out

    def params(self, name: str) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        for link in reversed(self.chain(name)):
            merged.update(self.profiles[link].params)
        return merged

    def hearing_threshold(self, chain: list[str], category: str, measure: str, party_class: str, on: date) -> Optional[dict]:
        """The hearing-scope row (较大数额, Art. 63) that applies, nearest profile first."""
        return _lookup(self._hearing_rows, chain, category, measure, party_class, on)

    @cached_property
    def _hearing_rows(self) -> list[dict]:
        # Rows as plain dicts: filtering a DataFrame per packet cost more than
        # the whole rule engine (measured with bench/bench.py).
        return self.hearing.to_dict("records")

    @cached_property
    def crime_offences(self) -> dict[str, str]:
        return dict(zip(self.crime["offence"], self.crime["offence_label"]))


def _lookup(rows: list[dict], chain: list[str], category: str, measure: str, party_class: str, on: date) -> Optional[dict]:
    iso = on.isoformat()
    applicable = [
        row for row in rows
        if row["category"] in (category, ANY) and row["measure"] in (measure, ANY)
        and row["party_type"] in (party_class, ANY)
        and row["effective_from"] <= iso and (row["effective_until"] == "" or row["effective_until"] > iso)
    ]
    for name in chain:
        for row in applicable:
            if row["profile"] == name:
                return row
    return None


def _read_table(path: Path, columns: list[str], problems: list[Problem]) -> pd.DataFrame:
    if not path.exists():
        return pd.DataFrame(columns=columns)
    table = pd.read_csv(path, dtype=str, keep_default_na=False, comment="#", skip_blank_lines=True)
    table.columns = [c.strip() for c in table.columns]
    missing = [c for c in columns if c not in table.columns]
    if missing:
        problems.append(Problem(f"{path.name}:1", f"缺少列：{'、'.join(missing)}"))
        return pd.DataFrame(columns=columns)
    table = table[columns].apply(lambda col: col.str.strip())
    # Line numbers as the rule author sees them in the file (header is line 1).
    lines = _data_line_numbers(path)
    table["line"] = lines[: len(table)] if len(lines) >= len(table) else list(range(2, len(table) + 2))
    for i, row in table.iterrows():
        where = f"{path.name}:{row['line']}"
        if "amount" in table.columns and row["amount"] != "":
            try:
                value = float(row["amount"])
            except ValueError:
                problems.append(Problem(where, f"amount 应为数字，收到“{row['amount']}”"))
                continue
            if value < 0:
                problems.append(Problem(where, f"amount 不得为负数，收到 {row['amount']}"))
        if "inclusive" in table.columns and row["inclusive"] not in ("true", "false", ""):
            problems.append(Problem(where, f"inclusive 应为 true 或 false，收到“{row['inclusive']}”"))
        for col in ("effective_from", "effective_until"):
            if row[col]:
                try:
                    date.fromisoformat(row[col])
                except ValueError:
                    problems.append(Problem(where, f"{col} 应为日期 YYYY-MM-DD，收到“{row[col]}”"))
        if not row["effective_from"]:
            problems.append(Problem(where, "effective_from（生效日期）不得为空"))
        if not row["source"]:
            problems.append(Problem(where, "source（出处）不得为空"))
    return table


def _data_line_numbers(path: Path) -> list[int]:
    """1-based line numbers of the data rows, skipping comments and blanks."""
    numbers = []
    seen_header = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if not seen_header:
            seen_header = True
            continue
        numbers.append(number)
    return numbers


def load_catalogue(root: str | Path | None = None) -> Catalogue:
    """Read profiles/*.yaml and the threshold tables of a checklists/ folder."""
    root = folder("checklists", root)
    problems: list[Problem] = []
    profiles: dict[str, Profile] = {}
    files: dict[str, Path] = {}
    for path in sorted((root / "profiles").glob("*.yaml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            problems.append(Problem(f"{path.name}:{mark.line + 1 if mark else '?'}", f"YAML 格式错误：{getattr(exc, 'problem', exc)}"))
            continue
        try:
            profile = Profile.model_validate(data)
        except ValidationError as exc:
            for error in exc.errors():
                loc = ".".join(str(p) for p in error["loc"])
                problems.append(Problem(f"{path.name}", f"{loc}：{error['msg']}"))
            continue
        if profile.name in profiles:
            problems.append(Problem(path.name, f"档案代码“{profile.name}”重复（另见 {files[profile.name].name}）"))
        profiles[profile.name] = profile
        files[profile.name] = path
    for name, profile in profiles.items():
        if profile.inherits and profile.inherits not in profiles:
            problems.append(Problem(files[name].name, f"inherits 指向未知档案“{profile.inherits}”"))
    major = _read_table(root / "major_thresholds.csv", MAJOR_COLUMNS, problems)
    hearing = _read_table(root / "hearing_thresholds.csv", HEARING_COLUMNS, problems)
    crime = _read_table(root / "crime_thresholds.csv", CRIME_COLUMNS, problems)
    for table, path in ((major, "major_thresholds.csv"), (hearing, "hearing_thresholds.csv"), (crime, "crime_thresholds.csv")):
        for _, row in table.iterrows():
            if "profile" in table.columns and row["profile"] not in profiles:
                problems.append(Problem(f"{path}:{row['line']}", f"profile“{row['profile']}”未在 profiles/ 中定义"))
            if row["party_type"] not in (*PARTY_CLASSES, ANY):
                problems.append(Problem(f"{path}:{row['line']}", f"party_type 应为 individual、organisation 或 *，收到“{row['party_type']}”"))
            if "category" in table.columns and row["category"] != ANY and row["category"] not in _CATEGORIES:
                problems.append(Problem(f"{path}:{row['line']}", f"category“{row['category']}”不是已知的执法类别，应为 * 或：{Category.choices()}"))
            if "measure" in table.columns and row["measure"] != ANY and row["measure"] not in _MEASURES:
                problems.append(Problem(f"{path}:{row['line']}", f"measure“{row['measure']}”不是已知的措施种类，应为 * 或：{MeasureType.choices()}"))
    if problems:
        raise RuleFileError(str(root), problems)
    return Catalogue(root=root, profiles=profiles, major=major, hearing=hearing, crime=crime, files=files)
