"""The condition compiler, run through the real engine on hand-made facts.

Each case states a condition and a fact and says whether the rule must fire,
so the durable_rules translation is judged by behaviour, not by its JSON.
"""

from __future__ import annotations

import hashlib
import json

import pytest

from review import engine
from review.conditions import ConditionError, compile_condition, negate


def fires(cond: dict, **fact) -> bool:
    definition = {"R": {"all": [{"m": {"$and": [{"kind": "t"}, compile_condition(cond)]}}]}}
    name = "cond_" + hashlib.sha256(json.dumps(definition, sort_keys=True).encode()).hexdigest()[:12]
    sid = engine.new_session_id()
    hits = engine.evaluate(name, definition, [{"kind": "t", "sid": sid, **fact}], sid)
    return [rule for rule, _ in hits] == ["R"]


# reaches/below read the applicable threshold row put on the fact as thr.<table>.
def row(amount: float, inclusive: bool) -> dict:
    return {"thr": {"hearing": {"amount": amount, "inclusive": inclusive}}}


@pytest.mark.parametrize("cond, fact, expected", [
    ({"field": "x", "eq": 3}, {"x": 3}, True),
    ({"field": "x", "eq": 3}, {"x": 4}, False),
    ({"field": "x", "ne": 3}, {"x": 4}, True),
    ({"field": "x", "gt": 3}, {"x": 3}, False),
    ({"field": "x", "gte": 3}, {"x": 3}, True),
    ({"field": "x", "lt": 3}, {"x": 3}, False),
    ({"field": "x", "lte": 3}, {"x": 3}, True),
    ({"field": "d", "lt": "2025-05-01"}, {"d": "2025-04-30"}, True),
    ({"field": "d", "lt": "2025-05-01"}, {"d": "2025-05-01"}, False),
])
def test_comparisons(cond, fact, expected):
    assert fires(cond, **fact) is expected


@pytest.mark.parametrize("op", ["eq", "ne", "gt", "gte", "lt", "lte", "in", "not_in", "has", "reaches", "below"])
def test_a_missing_value_is_false_for_every_operator(op):
    value = {"in": [1], "not_in": [1], "has": "a", "reaches": "hearing", "below": "hearing"}.get(op, 1)
    assert not fires({"field": "x", op: value}, **row(100, True))


def test_not_keeps_missing_false():
    # "not x > 3" reads "x is present and at most 3" (De Morgan pushed to the leaf)
    assert fires({"not": {"field": "x", "gt": 3}}, x=3)
    assert not fires({"not": {"field": "x", "gt": 3}}, x=4)
    assert not fires({"not": {"field": "x", "gt": 3}})


def test_de_morgan_over_all_and_any():
    both = {"all": [{"field": "a", "eq": 1}, {"field": "b", "eq": 1}]}
    either = {"any": [{"field": "a", "eq": 1}, {"field": "b", "eq": 1}]}
    assert negate(both) == {"any": [{"field": "a", "ne": 1}, {"field": "b", "ne": 1}]}
    assert negate(either) == {"all": [{"field": "a", "ne": 1}, {"field": "b", "ne": 1}]}
    assert negate({"not": both}) == both
    for a in (0, 1):
        for b in (0, 1):
            assert fires(both, a=a, b=b) is (a == 1 and b == 1)
            assert fires(either, a=a, b=b) is (a == 1 or b == 1)
            assert fires({"not": both}, a=a, b=b) is not (a == 1 and b == 1)
            assert fires({"not": either}, a=a, b=b) is not (a == 1 or b == 1)


def test_in_and_not_in():
    assert fires({"field": "k", "in": ["fine", "warning"]}, k="warning")
    assert not fires({"field": "k", "in": ["fine", "warning"]}, k="seizure")
    assert fires({"field": "k", "not_in": ["fine", "warning"]}, k="seizure")
    assert not fires({"field": "k", "not_in": ["fine", "warning"]}, k="fine")
    assert fires({"not": {"field": "k", "in": ["fine"]}}, k="warning")


def test_exists():
    assert fires({"field": "x", "exists": True}, x=0)
    assert not fires({"field": "x", "exists": True})
    assert fires({"field": "x", "exists": False})
    assert not fires({"field": "x", "exists": False}, x=0)
    assert fires({"not": {"field": "x", "exists": True}})


def test_has_and_lacks_on_set_fields():
    docs = {"docs": {"送达回证": True}}
    assert fires({"field": "docs", "has": "送达回证"}, **docs)
    assert not fires({"field": "docs", "has": "听证笔录"}, **docs)
    assert fires({"field": "docs", "lacks": "听证笔录"}, **docs)
    assert not fires({"field": "docs", "lacks": "送达回证"}, **docs)
    assert fires({"not": {"field": "docs", "has": "听证笔录"}}, **docs)


# 民法典第一千二百五十九条: "以上" includes the number itself, "超过" does not.
@pytest.mark.parametrize("amount, inclusive, reaches", [
    (9999.99, True, False), (10000, True, True), (10000.01, True, True),    # 以上
    (9999.99, False, False), (10000, False, False), (10000.01, False, True),  # 超过
])
def test_reaches_and_below_at_the_threshold(amount, inclusive, reaches):
    fact = {"fine": amount, **row(10000, inclusive)}
    assert fires({"field": "fine", "reaches": "hearing"}, **fact) is reaches
    assert fires({"field": "fine", "below": "hearing"}, **fact) is not reaches
    assert fires({"not": {"field": "fine", "reaches": "hearing"}}, **fact) is not reaches


def test_field_to_field_and_param_comparisons():
    cond = {"field": "valid_until", "lt": {"field": "case.decision_date"}}
    assert fires(cond, valid_until="2025-05-08", case={"decision_date": "2025-05-09"})
    assert not fires(cond, valid_until="2025-05-09", case={"decision_date": "2025-05-09"})
    assert not fires(cond, valid_until="2025-05-08")  # the other side missing
    same = {"field": "a", "eq": {"field": "b"}}
    assert fires(same, a=2, b=2) and not fires(same, a=2, b=3)
    days = {"field": "days", "gt": {"param": "limit"}}
    assert fires(days, days=91, param={"limit": 90})
    assert not fires(days, days=90, param={"limit": 90})


@pytest.mark.parametrize("bad", [
    {"field": "x"},
    {"field": "x", "gt": 1, "lt": 2},
    {"field": "x", "like": 1},
    {"field": "x", "in": []},
    {"field": "x", "exists": "yes"},
    {"field": "x", "eq": [1, 2]},
    {"field": "x", "eq": {"value": 1}},
    {"all": []},
    {"all": [{"field": "x", "eq": 1}], "any": [{"field": "x", "eq": 1}]},
    "x > 3",
])
def test_malformed_conditions_refused_in_chinese(bad):
    with pytest.raises(ConditionError) as caught:
        compile_condition(bad)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(caught.value))


def test_field_reference_with_the_tested_field_missing_is_false():
    cond = {"field": "valid_until", "lt": {"field": "case.decision_date"}}
    assert not fires(cond, case={"decision_date": "2025-05-09"})
    assert not fires({"field": "days", "gt": {"param": "limit"}}, days=91)  # parameter not set


def test_any_holding_twice_on_one_fact_is_one_hit():
    # durable_rules runs the action once per matching $or branch; engine.evaluate keeps one.
    definition = {"R": {"all": [{"m": {"$and": [{"kind": "t"}, compile_condition(
        {"any": [{"field": "a", "eq": 0}, {"field": "b", "eq": 0}]})]}}]}}
    sid = engine.new_session_id()
    hits = engine.evaluate("cond_twice", definition, [{"kind": "t", "sid": sid, "a": 0, "b": 0, "path": "p"}], sid)
    assert [rule for rule, _ in hits] == ["R"]
