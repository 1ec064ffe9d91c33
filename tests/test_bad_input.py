"""Bad input: one Chinese message per problem, naming where; CLI exit 2; never a traceback."""

from __future__ import annotations

import json
import textwrap

import pytest

import review
from conftest import clean
from review.cli import main


def problems(data) -> dict[str, str]:
    with pytest.raises(review.PacketError) as caught:
        review.check(data)
    return {p.location: p.message for p in caught.value.problems}


def test_wrong_type_names_the_path():
    data = clean()
    data["parties"][0]["age"] = "四十"
    assert "应为整数" in problems(data)["parties[0].age"]


def test_unknown_category_lists_the_allowed_values():
    data = clean()
    data["category"] = "行政奖励"
    message = problems(data)["category"]
    assert "行政奖励" in message and "penalty（行政处罚）" in message


def test_unknown_measure_names_the_measure_path():
    data = clean()
    data["decision"]["measures"][1]["type"] = "public_shaming"
    assert "public_shaming" in problems(data)["decision.measures[1].type"]


def test_chinese_labels_are_accepted_for_codes():
    data = clean()
    data["category"] = "行政处罚"
    data["decision"]["measures"][1]["type"] = "罚款"
    assert review.check(data).category == "penalty"


def test_missing_required_fields_each_reported():
    data = clean()
    del data["case_id"]
    del data["agency"]["name"]
    found = problems(data)
    assert found["case_id"] == "缺少必填字段"
    assert found["agency.name"] == "缺少必填字段"


def test_negative_amount_refused():
    data = clean()
    data["decision"]["measures"][1]["amount"] = -500
    assert "不得为负数" in problems(data)["decision.measures[1].amount"]


def test_decision_before_filing_refused():
    data = clean()
    data["timeline"]["decision_date"] = "2025-03-01"  # filed 2025-03-03
    with pytest.raises(review.PacketError) as caught:
        review.check(data)
    messages = [p.message for p in caught.value.problems if p.location == "timeline.decision_date"]
    assert any("早于立案日期（2025-03-03）" in m for m in messages), messages


def test_unknown_field_refused():
    data = clean()
    data["partys"] = []
    assert "未知字段" in problems(data)["partys"]


def test_unknown_profile_lists_known_ones():
    with pytest.raises(review.UnknownProfileError) as caught:
        review.check(clean(), profile="changzhi")
    assert "changzhi_amr" in str(caught.value) and "national" in caught.value.known


def test_profile_not_yet_in_force_is_refused():
    data = clean()
    data["timeline"]["decision_date"] = "2020-06-01"  # hengyang_culture in force from 2021-01-01
    for key in ("filed", "investigation_end", "notice_of_intent", "statement_heard", "submitted_for_review"):
        data["timeline"][key] = "2020-05-01"
    with pytest.raises(review.UnknownProfileError, match="不在其有效期内"):
        review.check(data, profile="hengyang_culture")


@pytest.mark.parametrize(
    "name, text, where",
    [
        ("bad.json", '{"case_id": "x",\n  "title": }', "第 2 行"),
        ("bad.yaml", "case_id: x\ntitle: [unclosed\nmatter: y\n", "第 3 行"),
    ],
)
def test_cli_syntax_error_exit_2_with_line(tmp_path, capsys, name, text, where):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert where in err and str(path) in err and "Traceback" not in err


def test_cli_field_problems_exit_2_json_errors(tmp_path, capsys):
    data = clean()
    data["decision"]["measures"][1]["amount"] = -1
    data["category"] = "x"
    path = tmp_path / "p.json"
    path.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
    assert main(["--json-errors", "check", str(path)]) == 2
    body = json.loads(capsys.readouterr().err)
    locations = {p["location"] for p in body["problems"]}
    assert body["error"] == "invalid_input"
    assert {"decision.measures[1].amount", "category"} <= locations


def test_cli_unknown_option_exit_2(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["check", "--colour", "red"])
    assert caught.value.code == 2
    assert "命令行参数有误" in capsys.readouterr().err


def test_malformed_rule_file_names_file_line_and_rule(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "C02_bad.yaml").write_text(textwrap.dedent("""\
        item: C02
        rules:
          - id: C02-GOOD-ONE
            title: 标题
            severity: defect
            when: {field: officer_count, lt: 2}
            message: 少于两人
            suggestion: 补充
            citations: [{law: 中华人民共和国行政处罚法, article: 第四十二条, text: 执法人员不得少于两人}]
          - id: C02-NO-CITATION
            title: 标题
            severity: grave
            when: {field: officer_cnt, lt: 2}
            message: 少于两人
            suggestion: 补充
            citations: []
        """), encoding="utf-8")
    with pytest.raises(review.RuleFileError) as caught:
        review.load_rulebook(rules_dir=rules)
    text = "\n".join(str(p) for p in caught.value.problems)
    assert "C02_bad.yaml:10" in text and "C02-NO-CITATION" in text
    assert "severity" in text and "citations" in text


def test_unknown_field_in_condition_names_rule(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "x.yaml").write_text(textwrap.dedent("""\
        rules:
          - id: C02-TYPO
            item: C02
            title: 标题
            severity: defect
            when: {field: officer_cnt, lt: 2}
            message: m
            suggestion: s
            citations: [{law: 法, article: 第一条, text: t}]
        """), encoding="utf-8")
    with pytest.raises(review.RuleFileError) as caught:
        review.load_rulebook(rules_dir=rules)
    (problem,) = caught.value.problems
    assert problem.location == "x.yaml:2"
    assert "C02-TYPO" in problem.message and "officer_cnt" in problem.message


RULE = """\
  - id: {id}
    item: C02
    title: 标题
    severity: defect
    when: {when}
    message: m
    suggestion: s
    citations: [{{law: 中华人民共和国行政处罚法, article: 第四十二条, text: 执法人员不得少于两人}}]
"""


@pytest.mark.parametrize("body, line, needle", [
    ("rules:\n" + RULE.format(id="C02-A", when="{field: officer_count, lt: 2}")
     + RULE.format(id="C02-A", when="{field: officer_count, lt: 2}"), 10, "C02-A"),
    ("rules:\n" + RULE.format(id="C02-OP", when="{field: officer_count, less: 2}"), 2, "C02-OP"),
    # PyYAML notices the unclosed list where the stream ends (line 4), and says so.
    ("rules:\n  - id: C02-X\n    title: [未闭合\n", 4, None),
])
def test_more_malformed_rule_files(tmp_path, body, line, needle):
    """Duplicate id, unknown operator, YAML syntax error: file and line named."""
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "bad.yaml").write_text(body, encoding="utf-8")
    with pytest.raises(review.RuleFileError) as caught:
        review.load_rulebook(rules_dir=rules)
    text = "\n".join(str(p) for p in caught.value.problems)
    assert f"bad.yaml:{line}" in text, text
    assert needle is None or needle in text
