"""Reading a packet from a file or a dict, with every problem reported at once.

pydantic's English error types are translated here into Chinese messages that
name the field path and what is expected, so that the staffer who typed the
packet can fix it without reading Python.
"""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Any, Mapping

import yaml
from pydantic import BaseModel, ValidationError

from .errors import PacketError, Problem
from .packet import CasePacket, consistency_problems

_MESSAGES = {
    "missing": "缺少必填字段",
    "extra_forbidden": "未知字段（请核对字段名拼写，或查看 `review schema`）",
    "string_type": "应为文字",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "date_type": "应为日期（YYYY-MM-DD）",
    "date_parsing": "应为日期（YYYY-MM-DD）",
    "date_from_datetime_parsing": "应为日期（YYYY-MM-DD）",
    "date_from_datetime_inexact": "应为日期（YYYY-MM-DD），不含时刻",
    "list_type": "应为列表",
    "dict_type": "应为对象（键值对）",
    "model_type": "应为对象（键值对）",
    "model_attributes_type": "应为对象（键值对）",
}


def _path(loc: tuple) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "（根）"


def _enum_at(model: type[BaseModel], loc: tuple) -> type[Enum] | None:
    """The enum class of the field at `loc`, to list its allowed values."""
    current: Any = model
    annotation = None
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(part)
        if field is None:
            return None
        annotation = field.annotation
        current = _unwrap(annotation)
    return current if isinstance(current, type) and issubclass(current, Enum) else None


def _unwrap(annotation: Any) -> Any:
    args = getattr(annotation, "__args__", None)
    if not args:
        return annotation
    for arg in args:
        if arg is not type(None):
            return _unwrap(arg)
    return annotation


def _message(model: type[BaseModel], error: dict) -> str:
    kind = error["type"]
    if kind == "enum":
        enum = _enum_at(model, error["loc"])
        allowed = enum.choices() if enum is not None and hasattr(enum, "choices") else error.get("ctx", {}).get("expected", "")
        return f"取值“{error.get('input')}”无效，应为：{allowed}"
    if kind in ("greater_than_equal", "greater_than"):
        limit = error.get("ctx", {}).get("ge", error.get("ctx", {}).get("gt"))
        if limit == 0:
            return f"不得为负数（收到 {error.get('input')}）"
        return f"不得小于 {limit}（收到 {error.get('input')}）"
    if kind in ("less_than_equal", "less_than"):
        limit = error.get("ctx", {}).get("le", error.get("ctx", {}).get("lt"))
        return f"不得大于 {limit}（收到 {error.get('input')}）"
    if kind == "too_short":
        return f"至少应有 {error.get('ctx', {}).get('min_length', 1)} 项"
    base = _MESSAGES.get(kind)
    if base is None:
        return f"取值无效（{error.get('msg')}）"
    if kind == "missing":
        return base
    return f"{base}（收到 {error.get('input')!r}）"


def problems_from_validation(model: type[BaseModel], exc: ValidationError) -> list[Problem]:
    return [Problem(_path(e["loc"]), _message(model, e)) for e in exc.errors()]


def parse_packet(data: Any, source: str = "") -> CasePacket:
    """Validate a dict (already parsed JSON or YAML) into a CasePacket."""
    if isinstance(data, CasePacket):
        packet = data
    else:
        if not isinstance(data, Mapping):
            raise PacketError(source, [Problem("（根）", "案卷应为一个对象（键值对），而不是列表或单个值")])
        try:
            packet = CasePacket.model_validate(dict(data))
        except ValidationError as exc:
            raise PacketError(source, problems_from_validation(CasePacket, exc)) from None
    problems = [Problem(path, message) for path, message in consistency_problems(packet)]
    if problems:
        raise PacketError(source, problems)
    return packet


def read_structured(path: Path) -> Any:
    """Parse a JSON or YAML file; a syntax error names the line and column."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PacketError(str(path), [Problem("", "文件不存在")]) from None
    except UnicodeDecodeError:
        raise PacketError(str(path), [Problem("", "文件不是 UTF-8 编码的文本")]) from None
    except OSError as exc:
        raise PacketError(str(path), [Problem("", f"无法读取文件：{exc.strerror}")]) from None
    if path.suffix.lower() == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise PacketError(str(path), [Problem(f"第 {exc.lineno} 行第 {exc.colno} 列", f"JSON 格式错误：{exc.msg}")]) from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第 {mark.line + 1} 行第 {mark.column + 1} 列" if mark else ""
        raise PacketError(str(path), [Problem(where, f"YAML 格式错误：{getattr(exc, 'problem', exc)}")]) from None


def load_packet(path: str | Path) -> CasePacket:
    """Read a packet file (.json, .yaml or .yml) and validate it."""
    path = Path(path)
    return parse_packet(read_structured(path), source=str(path))
