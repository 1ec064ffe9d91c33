"""`review explain`: a rule in words, with its thresholds, citation and a firing example."""

from __future__ import annotations

from pathlib import Path

import pytest

import review
from review.cli import main
from review.explain import condition_text, explain

VERSIONED = Path(__file__).resolve().parent / "data" / "versioned"


def test_catalogue_row_in_words():
    text = explain("MAJOR-CHANGZHIAMR-FINE-IND", review.default_rulebook())
    # 长治目录清单：“对个人处以超过1万元的罚款”；“超过”不包括本数（民法典第一千二百五十九条）.
    assert "措施种类为“罚款”" in text and "主要当事人类别为“自然人”" in text and "大于10,000" in text
    assert "10,000 元（不含本数）" in text and "自 2019-01-01" in text
    assert "checklists/major_thresholds.csv:" in text
    assert "“对个人处以超过1万元的罚款”" in text
    assert "示例（features/" in text and "适用档案“changzhi_amr”" in text


def test_hearing_table_with_sources_and_dates():
    text = explain("MAJOR-S58-HEARING-AMOUNT", review.default_rulebook())
    # 行政处罚法第六十三条：较大数额罚款; 全国档案个人五千元以上、单位十万元以上, in force with the 2021 revision.
    assert "5,000 元（含本数），自 2021-07-15" in text and "100,000 元（含本数）" in text
    assert "《中华人民共和国行政处罚法》第五十八条第一款第（二）项：“直接关系当事人或者第三人重大权益，经过听证程序的”" in text
    assert "案件的举行听证日期已填写" in text


def test_parameter_with_its_source():
    text = explain("MAJOR-ORDINARY-PENALTY", review.default_rulebook())
    assert "档案参数 review_all_ordinary_penalties" in text
    assert "wanxin_street" in text and "national" in text
    assert "程序：一般程序" in text and "执法类别：行政处罚" in text


def test_two_versions_each_with_dates_and_condition():
    book = review.rulebook_for(VERSIONED / "rules", VERSIONED / "checklists")
    text = explain("MAJOR-DEMO-COMPLEX", book)
    assert "至 2025-01-01 止（不含当日）" in text and "自 2025-01-01 起" in text
    assert text.count("该版本的条件：") == 2 and "涉及多个法律关系：是" in text


def test_condition_words():
    lines = condition_text({"not": {"field": "documents", "has": "立案审批表"}})
    assert lines == ["并非：", "  案卷中已有的文书包含“立案审批表”"]
    assert condition_text({"field": "hearing_held", "exists": False}) == ["举行听证日期未填写"]


def test_rule_without_scenario_says_so(tmp_path):
    text = explain("MAJOR-CHANGZHIAMR-FINE-IND", review.default_rulebook(), tmp_path)
    assert "还没有使该规则触发的场景" in text


def test_cli_unknown_rule_lists_close_matches(capsys):
    assert main(["explain", "MAJOR-S58-COMPLX"]) == 2
    err = capsys.readouterr().err
    assert "没有规则“MAJOR-S58-COMPLX”" in err and "MAJOR-S58-COMPLEX" in err


def test_cli_prints(capsys):
    assert main(["explain", "MAJOR-S58-PUBLIC-INTEREST"]) == 0
    assert "“涉及重大公共利益的”" in capsys.readouterr().out
