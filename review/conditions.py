"""The condition vocabulary of rule files, and its translation to durable_rules.

A condition is plain YAML, never code:

    all: [cond, ...]          every one holds
    any: [cond, ...]          at least one holds
    not: cond                 the condition does not hold
    {field: PATH, OP: VALUE}  a test on one field of the fact

with OP one of eq, ne, gt, gte, lt, lte, in, not_in, exists, has, lacks,
reaches, below. VALUE is a literal, `{field: PATH}` (another field of the same
fact, e.g. `case.filed`) or `{param: NAME}` (a profile parameter). `has` and
`lacks` test membership of a set field (documents, measure_types, ...).
`reaches: hearing` compares an amount with the threshold table row that
applies (inclusive or exclusive as the row says); `below` is its opposite.

A test on a missing value is false, whichever the operator; `exists: false`
tests absence. `not` is pushed down to the tests (De Morgan), so it keeps the
same reading: `not: {field: x, gt: 3}` means "x is present and at most 3".
"""

from __future__ import annotations

from datetime import date
from typing import Any, Iterator

COMPARISONS = {"eq", "ne", "gt", "gte", "lt", "lte"}
OPERATORS = COMPARISONS | {"in", "not_in", "exists", "has", "lacks", "reaches", "below"}
_NEGATION = {
    "eq": "ne", "ne": "eq", "gt": "lte", "gte": "lt", "lt": "gte", "lte": "gt",
    "in": "not_in", "not_in": "in", "has": "lacks", "lacks": "has", "reaches": "below", "below": "reaches",
}
_DURABLE = {"ne": "$neq", "gt": "$gt", "gte": "$gte", "lt": "$lt", "lte": "$lte"}


class ConditionError(ValueError):
    """A condition that does not follow the vocabulary; the message is Chinese."""


def _literal(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _operand(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) == {"field"}:
            return {"$m": value["field"]}
        if set(value) == {"param"}:
            return {"$m": f"param.{value['param']}"}
        raise ConditionError(f"比较值只能是常量、{{field: 字段}} 或 {{param: 参数}}，收到 {value}")
    if isinstance(value, list):
        raise ConditionError(f"比较值不能是列表（列表请用 in / not_in），收到 {value}")
    return _literal(value)


def leaf_parts(cond: dict) -> tuple[str, str, Any]:
    """(field, operator, value) of a leaf test, checked for shape."""
    if "field" not in cond:
        raise ConditionError(f"条件应为 all / any / not 或含 field 的比较，收到 {cond}")
    ops = [k for k in cond if k != "field"]
    if len(ops) != 1 or ops[0] not in OPERATORS:
        raise ConditionError(
            f"字段 {cond.get('field')} 的比较应恰有一个运算符（{', '.join(sorted(OPERATORS))}），收到 {ops}"
        )
    field = cond["field"]
    if not isinstance(field, str) or not field:
        raise ConditionError(f"field 应为字段名，收到 {field!r}")
    return field, ops[0], cond[ops[0]]


def negate(cond: Any) -> Any:
    if not isinstance(cond, dict):
        raise ConditionError(f"条件应为对象，收到 {cond!r}")
    if "all" in cond:
        return {"any": [negate(c) for c in cond["all"]]}
    if "any" in cond:
        return {"all": [negate(c) for c in cond["any"]]}
    if "not" in cond:
        return cond["not"]
    field, op, value = leaf_parts(cond)
    if op == "exists":
        return {"field": field, "exists": not value}
    return {"field": field, _NEGATION[op]: value}


def compile_condition(cond: Any) -> dict:
    """Translate one condition to a durable_rules expression on the fact `m`."""
    if not isinstance(cond, dict):
        raise ConditionError(f"条件应为对象，收到 {cond!r}")
    for group, durable in (("all", "$and"), ("any", "$or")):
        if group in cond:
            if len(cond) != 1 or not isinstance(cond[group], list) or not cond[group]:
                raise ConditionError(f"{group} 应单独出现，且其值为非空的条件列表")
            parts = [compile_condition(c) for c in cond[group]]
            return parts[0] if len(parts) == 1 else {durable: parts}
    if "not" in cond:
        if len(cond) != 1:
            raise ConditionError("not 应单独出现")
        return compile_condition(negate(cond["not"]))
    field, op, value = leaf_parts(cond)
    if op == "exists":
        if not isinstance(value, bool):
            raise ConditionError(f"exists 的值应为 true 或 false，收到 {value!r}")
        return {"$ex" if value else "$nex": {field: 1}}
    if op in ("has", "lacks"):
        if not isinstance(value, (str, int)):
            raise ConditionError(f"{op} 的值应为一个名称，收到 {value!r}")
        key = f"{field}.{value}"
        return {key: True} if op == "has" else {"$nex": {key: 1}}
    if op in ("in", "not_in"):
        if not isinstance(value, list) or not value:
            raise ConditionError(f"{op} 的值应为非空列表，收到 {value!r}")
        if op == "in":
            parts = [{field: _literal(v)} for v in value]
            return parts[0] if len(parts) == 1 else {"$or": parts}
        parts = [{"$neq": {field: _literal(v)}} for v in value]
        return parts[0] if len(parts) == 1 else {"$and": parts}
    if op in ("reaches", "below"):
        if not isinstance(value, str):
            raise ConditionError(f"{op} 的值应为门槛表名（如 hearing），收到 {value!r}")
        amount = {"$m": f"thr.{value}.amount"}
        inclusive = f"thr.{value}.inclusive"
        strict, loose = ("$gt", "$gte") if op == "reaches" else ("$lte", "$lt")
        return {"$or": [
            {"$and": [{inclusive: True}, {loose: {field: amount}}]},
            {"$and": [{inclusive: False}, {strict: {field: amount}}]},
        ]}
    operand = _operand(value)
    if isinstance(operand, dict):
        # durable_rules compares with an absent referenced field as if it held,
        # so the reference's presence is tested explicitly: missing is false.
        test = {"$eq" if op == "eq" else _DURABLE[op]: {field: operand}}
        return {"$and": [{"$ex": {operand["$m"]: 1}}, test]}
    if op == "eq":
        return {field: operand}
    return {_DURABLE[op]: {field: operand}}


def referenced(cond: Any) -> Iterator[tuple[str, str]]:
    """Every (kind, name) a condition refers to: ("field", path), ("param", name), ("threshold", table)."""
    if not isinstance(cond, dict):
        return
    for group in ("all", "any"):
        if group in cond and isinstance(cond[group], list):
            for c in cond[group]:
                yield from referenced(c)
            return
    if "not" in cond:
        yield from referenced(cond["not"])
        return
    if "field" not in cond:
        return
    yield ("field", cond["field"])
    for op, value in cond.items():
        if op == "field":
            continue
        if op in ("reaches", "below"):
            yield ("threshold", value)
        elif isinstance(value, dict) and "field" in value:
            yield ("field", value["field"])
        elif isinstance(value, dict) and "param" in value:
            yield ("param", value["param"])
