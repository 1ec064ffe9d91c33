"""Submission materials (送审材料): what a packet must contain before the review clock starts.

The list is data (checklists/materials.yaml) because each agency's flow chart
names its own materials (seeds 000, 002, 004: 分执法类别……明确法制审核送审材料).
Profiles inherit as in checklists/profiles/: an agency section adds or replaces
materials by id and may `omit:` inherited ones. A conditional material carries a
`when:` mapping from a small closed vocabulary (see the file's header), never an
expression: a rule author's typo must be a named error, not code that runs.

Intake only asks whether a document is there (and signed where that is the
requirement); whether the evidence proves anything is the checklist's job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping, Optional

import yaml

from .catalogue import load_catalogue
from .errors import Problem, RuleFileError, UnknownProfileError
from .packet import CasePacket, Flags, Timeline
from .resources import folder
from .vocabulary import Category, MeasureType, Procedure

FILE_NAME = "materials.yaml"

#: The `when:` keys a material may use, with what each tests (shown in errors).
WHEN_KEYS = {
    "timeline": "时间节点已填写（timeline 的字段名或字段名列表）",
    "procedure": "程序为所列之一（ordinary 或 summary）",
    "measures": "拟采取的措施中至少有一项属于所列种类",
    "flags": "flags 中所列项均为 true",
}

_MATERIAL_KEYS = {"id", "name", "names", "requirement", "basis", "signed", "categories", "when"}
_SECTION_KEYS = {"materials", "omit"}
_TIMELINE_DATES = {name for name, f in Timeline.model_fields.items() if "date" in str(f.annotation)}
_FLAGS = set(Flags.model_fields)


@dataclass(frozen=True)
class Material:
    """One required submission material (送审材料)."""

    id: str
    name: str
    names: tuple[str, ...]  # document names that satisfy it, `name` included
    requirement: str
    basis: str
    # Added beyond the shared interface: how the list is filtered and checked.
    signed: bool = False
    categories: tuple[str, ...] = ()  # empty: every category
    when: tuple[tuple[str, tuple[str, ...]], ...] = ()
    profile: str = "national"  # the profile section that defines it
    line: int = 0  # line in materials.yaml, for lint and errors

    def applies_to(self, packet: CasePacket) -> bool:
        if self.categories and packet.category.value not in self.categories:
            return False
        return all(_holds(key, values, packet) for key, values in self.when)

    def satisfied_by(self, packet: CasePacket) -> tuple[bool, bool]:
        """(a document with one of its names exists, one of them is signed)."""
        wanted = {_normal(n) for n in self.names}
        found = [d for d in packet.documents if _normal(d.name) in wanted]
        return bool(found), any(d.signed for d in found)


@dataclass(frozen=True)
class MissingMaterial:
    """One submission material (送审材料) that is absent or defective."""

    name: str
    requirement: str = ""  # what is required of it (signed, original, ...)
    basis: str = ""  # where the requirement comes from

    @classmethod
    def coerce(cls, value: "MissingMaterial | Mapping[str, Any] | str") -> "MissingMaterial":
        if isinstance(value, MissingMaterial):
            return value
        if isinstance(value, str):
            return cls(name=value)
        if isinstance(value, Mapping):
            return cls(
                name=str(value.get("name") or value.get("title") or ""),
                requirement=str(value.get("requirement") or value.get("reason") or value.get("message") or ""),
                basis=str(value.get("basis") or value.get("source") or ""),
            )
        # A model from the flow engine (name/title + reason/basis attributes).
        return cls.coerce({k: getattr(value, k) for k in ("name", "title", "requirement", "reason", "message", "basis", "source") if hasattr(value, k)})


@dataclass
class MaterialsBook:
    """The parsed materials.yaml: per profile, its own section."""

    path: Path
    sections: dict[str, list[Material]] = field(default_factory=dict)
    omits: dict[str, tuple[str, ...]] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)  # profile → line of its section

    def for_chain(self, chain: list[str]) -> list[Material]:
        """Materials of a profile chain (nearest first): parents first, children replace by id or omit."""
        merged: dict[str, Material] = {}
        for name in reversed(chain):
            for omitted in self.omits.get(name, ()):
                merged.pop(omitted, None)
            for material in self.sections.get(name, []):
                merged[material.id] = material
        return list(merged.values())


# ---------------------------------------------------------------- the three questions


def required_materials(packet: CasePacket, *, profile: Optional[str] = None, checklists=None) -> list[Material]:
    """The materials this packet must contain under its profile, conditions applied."""
    root = folder("checklists", checklists)
    name = profile or packet.agency.profile or "national"
    catalogue = load_catalogue(root)
    if name not in catalogue.profiles:
        raise UnknownProfileError(f"未知的目录清单档案“{name}”。可用的档案：{'、'.join(catalogue.known())}", catalogue.known())
    book = load_materials(root)
    return [m for m in book.for_chain(catalogue.chain(name)) if m.applies_to(packet)]


def missing_materials(packet: CasePacket, *, profile: Optional[str] = None, checklists=None) -> list[MissingMaterial]:
    """Every required material absent, or present but unsigned where a signature is required — all at once,
    because the notice must list everything (一次性告知)."""
    out = []
    for material in required_materials(packet, profile=profile, checklists=checklists):
        present, signed = material.satisfied_by(packet)
        if not present:
            out.append(MissingMaterial(material.name, material.requirement, material.basis))
        elif material.signed and not signed:
            out.append(MissingMaterial(material.name, f"已提交但未签名或盖章；{material.requirement}", material.basis))
    return out


def readiness_problems(packet: CasePacket) -> list[str]:
    """Why review may not start yet: it starts only once the investigation is finished and a
    proposed decision is formed (seed 003: 在行政执法承办机构完成对个案的调查审查工作，形成拟作出行政决定的意见后启动)."""
    out = []
    if packet.timeline.investigation_end is None:
        out.append("调查尚未终结（未填写调查终结日期 timeline.investigation_end），法制审核应在调查终结、形成拟处理意见后启动")
    if not packet.decision.measures:
        out.append("尚未形成拟作出的处理决定（未填写拟采取的处理措施 decision.measures）")
    return out


# ---------------------------------------------------------------- loading


def load_materials(checklists=None) -> MaterialsBook:
    """Parse and validate checklists/materials.yaml; a RuleFileError names file:line for each problem."""
    path = folder("checklists", checklists) / FILE_NAME
    stamp = path.stat().st_mtime_ns if path.exists() else 0
    return _load(path, stamp)


@lru_cache(maxsize=16)
def _load(path: Path, stamp: int) -> MaterialsBook:
    book = MaterialsBook(path=path)
    if not path.exists():
        return book  # an agency folder without a materials list requires nothing at intake
    problems: list[Problem] = []
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark, context = getattr(exc, "problem_mark", None), getattr(exc, "context_mark", None)
        where = f"{path.name}:{mark.line + 1}" if mark else path.name
        started = f"（未闭合的结构自第 {context.line + 1} 行开始）" if context and mark and context.line != mark.line else ""
        raise RuleFileError(str(path), [Problem(where, f"YAML 格式错误：{getattr(exc, 'problem', exc)}{started}")]) from None
    if data is None:
        return book
    if not isinstance(data, dict) or not isinstance(data.get("profiles"), dict):
        raise RuleFileError(str(path), [Problem(f"{path.name}:1", "顶层应为 profiles:（档案代码 → materials 列表）")])
    unknown_top = [k for k in data if k not in ("profiles", *_META)]
    for key in unknown_top:
        problems.append(Problem(f"{path.name}:{_line_of(data, key)}", f"未知的顶层键“{key}”，只允许 profiles"))
    for profile, section in data["profiles"].items():
        if profile in _META:
            continue
        line = _line_of(data["profiles"], profile)
        book.lines[profile] = line
        where = f"{path.name}:{line}" if line else path.name
        if not isinstance(section, dict):
            problems.append(Problem(where, f"profiles.{profile} 应为对象（materials、omit）"))
            continue
        for key in section:
            if key not in _META and key not in _SECTION_KEYS:
                problems.append(Problem(f"{path.name}:{_line_of(section, key)}", f"profiles.{profile}.{key}：未知的键，只允许 materials、omit"))
        omit = section.get("omit") or []
        if not isinstance(omit, list) or not all(isinstance(x, str) for x in omit):
            problems.append(Problem(f"{path.name}:{_line_of(section, 'omit')}", f"profiles.{profile}.omit 应为材料 id 的列表"))
            omit = []
        book.omits[profile] = tuple(omit)
        raw = section.get("materials") or []
        if not isinstance(raw, list):
            problems.append(Problem(f"{path.name}:{_line_of(section, 'materials')}", f"profiles.{profile}.materials 应为列表"))
            continue
        seen: set[str] = set()
        materials = []
        for i, item in enumerate(raw):
            material = _material(item, f"profiles.{profile}.materials[{i}]", profile, path.name, line, problems)
            if material is None:
                continue
            if material.id in seen:
                problems.append(Problem(f"{path.name}:{material.line}", f"profiles.{profile}.materials[{i}].id：材料 id“{material.id}”重复"))
            seen.add(material.id)
            materials.append(material)
        book.sections[profile] = materials
    if problems:
        raise RuleFileError(str(path), problems)
    return book


def _material(item: Any, key: str, profile: str, file: str, fallback_line: int, problems: list[Problem]) -> Optional[Material]:
    if not isinstance(item, dict):
        problems.append(Problem(f"{file}:{fallback_line}", f"{key} 应为对象（id、name、requirement、basis……）"))
        return None
    line = item.get("__line__", fallback_line)
    at = lambda k: f"{file}:{_line_of(item, k)}"  # noqa: E731
    before = len(problems)
    for k in item:
        if k not in _META and k not in _MATERIAL_KEYS:
            problems.append(Problem(at(k), f"{key}.{k}：未知的键（拼写错误？），允许：{'、'.join(sorted(_MATERIAL_KEYS))}"))
    for k in ("id", "name", "requirement", "basis"):
        if not isinstance(item.get(k), str) or not item.get(k).strip():
            problems.append(Problem(at(k), f"{key}.{k}：缺少必填项或不是文字"))
    names = item.get("names") or []
    if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
        problems.append(Problem(at("names"), f"{key}.names：应为文书名称的列表"))
        names = []
    if not isinstance(item.get("signed", False), bool):
        problems.append(Problem(at("signed"), f"{key}.signed：应为 true 或 false"))
    categories = item.get("categories") or []
    if not isinstance(categories, list):
        categories = [categories]
    known = {c.value for c in Category}
    for c in categories:
        if str(c) not in known:
            problems.append(Problem(at("categories"), f"{key}.categories：“{c}”不是已知的执法类别，应为：{Category.choices()}"))
    when = _when(item.get("when"), f"{key}.when", at("when"), problems)
    if len(problems) > before:
        return None
    name = item["name"].strip()
    all_names = tuple(dict.fromkeys([name] + [n.strip() for n in names]))
    return Material(
        id=item["id"].strip(), name=name, names=all_names, requirement=item["requirement"].strip(),
        basis=item["basis"].strip(), signed=bool(item.get("signed", False)),
        categories=tuple(str(c) for c in categories), when=when, profile=profile, line=line,
    )


def _when(raw: Any, key: str, where: str, problems: list[Problem]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if raw is None:
        return ()
    if not isinstance(raw, dict):
        problems.append(Problem(where, f"{key}：应为对象，如 {{timeline: hearing_held}}"))
        return ()
    out = []
    allowed = {
        "timeline": _TIMELINE_DATES,
        "procedure": {p.value for p in Procedure},
        "measures": {m.value for m in MeasureType},
        "flags": _FLAGS,
    }
    for k, value in raw.items():
        if k in _META:
            continue
        if k not in WHEN_KEYS:
            hint = "；".join(f"{name}：{meaning}" for name, meaning in WHEN_KEYS.items())
            problems.append(Problem(where, f"{key}.{k}：未知的条件键。可用：{hint}"))
            continue
        values = value if isinstance(value, list) else [value]
        bad = [str(v) for v in values if str(v) not in allowed[k]]
        if bad or not values:
            problems.append(Problem(where, f"{key}.{k}：“{'、'.join(bad) or '（空）'}”不是可用的取值，应为：{'、'.join(sorted(allowed[k]))}"))
            continue
        out.append((k, tuple(str(v) for v in values)))
    return tuple(out)


def _holds(key: str, values: tuple[str, ...], packet: CasePacket) -> bool:
    if key == "timeline":
        return all(getattr(packet.timeline, v) is not None for v in values)
    if key == "procedure":
        return packet.procedure.value in values
    if key == "measures":
        return any(m.type.value in values for m in packet.decision.measures)
    if key == "flags":
        return all(getattr(packet.flags, v) for v in values)
    raise ValueError(key)  # unreachable: keys are validated on load


_PARENS = str.maketrans({"(": "（", ")": "）", " ": "", "\u3000": ""})


def _normal(name: str) -> str:
    return name.strip().translate(_PARENS)


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that records each mapping's 1-based line as `__line__`, so errors name the line."""

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        mapping["__keylines__"] = {
            self.construct_object(key, deep=True): key.start_mark.line + 1 for key, _ in node.value
        }
        return mapping


_META = ("__line__", "__keylines__")


def _line_of(mapping: dict, key: str) -> int:
    return mapping.get("__keylines__", {}).get(key) or mapping.get("__line__", 0)


def lint_problems(catalogue, checklists=None) -> list[Problem]:
    """What `review lint` reports for materials.yaml: load errors, sections for profiles that do not
    exist, and `omit:` ids no inherited profile defines (both silently do nothing otherwise)."""
    root = folder("checklists", checklists)
    try:
        book = load_materials(root)
    except RuleFileError as error:
        return list(error.problems)
    problems = []
    for profile, line in book.lines.items():
        where = f"{FILE_NAME}:{line}" if line else FILE_NAME
        if profile not in catalogue.profiles:
            problems.append(Problem(where, f"profiles.{profile}：未知的目录清单档案，可用的档案：{'、'.join(catalogue.known())}"))
            continue
        inherited = {m.id for name in catalogue.chain(profile)[1:] for m in book.sections.get(name, [])}
        for omitted in book.omits.get(profile, ()):
            if omitted not in inherited:
                problems.append(Problem(where, f"profiles.{profile}.omit：上级档案没有材料“{omitted}”"))
    return problems
