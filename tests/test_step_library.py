"""The step library itself: tables, example packets, folders, and bad input named with close matches."""

from __future__ import annotations

import pytest
from pytest_bdd import scenarios

import bdd_steps
from conftest import clean

scenarios("../tests/data/features/步骤库.feature")


def fresh() -> dict:
    return {"packet": clean(), "profile": None, "result": None, "error": None, "rulebook": None, "scenario": "t"}


def failure(step, *args) -> str:
    with pytest.raises(AssertionError) as caught:
        step(*args)
    return str(caught.value)


def test_unknown_field_lists_close_matches():
    text = failure(bdd_steps.set_field, fresh(), "timeline.decison_date", "2025-05-09")
    assert "decison_date" in text and "相近的有" in text and "decision_date" in text


def test_unknown_profile_lists_close_matches():
    text = failure(bdd_steps.choose_profile, fresh(), "changzhi")
    assert "没有档案“changzhi”" in text and "changzhi_amr" in text


def test_unknown_rule_lists_close_matches():
    ctx = fresh()
    bdd_steps.run_review(ctx)
    text = failure(bdd_steps.rule_fires, ctx, "C07-DECISION-OVERDU")
    assert "没有规则" in text and "C07-DECISION-OVERDUE" in text


def test_unknown_trigger_lists_close_matches():
    ctx = fresh()
    bdd_steps.run_review(ctx)
    text = failure(bdd_steps.trigger_fires, ctx, "MAJOR-S58-COMPLEXX")
    assert "没有重大情形" in text and "MAJOR-S58-COMPLEX" in text


def test_trigger_named_as_a_rule_is_explained():
    ctx = fresh()
    bdd_steps.run_review(ctx)
    text = failure(bdd_steps.rule_fires, ctx, "MAJOR-S58-COMPLEX")
    assert "是重大情形" in text


def test_unknown_item_lists_close_matches():
    ctx = fresh()
    bdd_steps.run_review(ctx)
    text = failure(bdd_steps.item_status, ctx, "C7", "符合")
    assert "没有条目“C7”" in text


def test_unknown_table_heading_lists_close_matches():
    text = failure(bdd_steps.table_list, fresh(), "当事人", [["类形", "名称"], ["自然人", "李明"]])
    assert "表格列“类形”" in text and "类型" in text


def test_unknown_timeline_node():
    text = failure(bdd_steps.table_timeline, fresh(), [["节点", "日期"], ["立按", "2025-03-03"]])
    assert "没有时间节点“立按”" in text and "立案" in text


def test_unknown_example_packet():
    text = failure(bdd_steps.start_example, fresh(), "99")
    assert "没有示例案卷“99”" in text


def test_missing_folder():
    text = failure(bdd_steps.choose_folders, fresh(), "tests/data/nowhere/rules", "checklists")
    assert "不存在" in text


def test_one_past_the_end_appends_and_further_is_refused():
    ctx = fresh()
    count = len(ctx["packet"]["officers"])
    bdd_steps.set_field(ctx, f"officers[{count}]", "{name: 周九, certificate_no: '99', certificate_domain: 市场监管}")
    assert len(ctx["packet"]["officers"]) == count + 1 and ctx["packet"]["officers"][-1]["name"] == "周九"
    text = failure(bdd_steps.set_field, ctx, f"officers[{count + 5}]", "{name: 吴十}")
    assert f"列表只有 {count + 1} 项" in text
    text = failure(bdd_steps.delete_field, ctx, f"officers[{count + 5}]")
    assert "不存在" in text


def test_unknown_deadline_lists_close_matches():
    ctx = fresh()
    bdd_steps.run_review(ctx)
    text = failure(bdd_steps.packet_deadline_due, ctx, "公示期", "2025-05-20")
    assert "没有期限“公示期”" in text and "公示期限" in text
    text = failure(bdd_steps.packet_deadline_due, ctx, "听证通知期限", "2025-05-20")
    assert "起算日未记载" in text
