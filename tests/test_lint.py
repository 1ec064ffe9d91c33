"""`review lint`: each broken fixture folder is reported with its file, line and rule id.

The fixtures under tests/data/lint/ are small, self-contained rules/ +
checklists/ pairs; each README says what is wrong with it. `good` is the
same folder without the mistake, so every other case differs from it by one
thing.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from review.checker import default_rulebook
from review.cli import main
from review.lint import lint, lint_paths

LINT = Path(__file__).resolve().parent / "data" / "lint"


def problems_of(case: str) -> list[str]:
    report = lint(LINT / case / "rules", LINT / case / "checklists")
    return [str(p) for p in report.problems]


def only(case: str) -> str:
    found = problems_of(case)
    assert found, f"{case}: lint 未发现问题"
    return "\n".join(found)


def test_good_fixture_is_clean():
    assert problems_of("good") == []


def test_duplicate_id_names_both_places():
    text = only("duplicate_id")
    assert "C01_subject.yaml:4" in text or "C01_again.yaml:4" in text
    assert "C01-MATTER-NOT-IN-POWERS 重复" in text


def test_rule_without_citation():
    text = only("no_citation")
    assert "rules/C01_subject.yaml:4" in text
    assert "C01-MATTER-NOT-IN-POWERS" in text and "没有法律依据" in text


def test_unknown_field_and_threshold_with_close_matches():
    text = only("unknown_field")
    assert "rules/C01_subject.yaml:4" in text and "未知字段“matter_in_power”" in text
    assert "相近的有：matter_in_powers" in text
    assert "rules/C01_subject.yaml:15" in text and "C01-FINE-REACHES-UNKNOWN" in text and "未知门槛表“penalty”" in text


def test_schema_errors_in_chinese():
    text = only("schema")
    assert "title 缺少必填项" in text
    assert "severity" in text and "'fatal'" in text
    assert "Field required" not in text


def test_broken_yaml_names_the_line():
    text = only("broken_yaml")
    assert "rules/C01_subject.yaml:6" in text and "YAML 格式错误" in text


def test_two_versions_of_one_threshold_overlapping():
    text = only("overlap")
    assert "major_thresholds.csv:3" in text and "MAJOR-DEMOAGENCY-FINE-IND" in text and "有效期重叠" in text


def test_contradicting_rows_and_wording():
    text = only("contradiction")
    # Two rows for individual fines of demo_agency in force together, 10,000 and 30,000.
    assert "major_thresholds.csv:3" in text and "与第 2 行互相矛盾" in text
    # 民法典第一千二百五十九条: “超过”不包括本数, so inclusive=true contradicts the label.
    assert "major_thresholds.csv:4" in text and "MAJOR-DEMOAGENCY-FINE-ORG" in text and "“超过”" in text


def test_gap_between_versions():
    found = problems_of("gap")
    assert len(found) == 1, found
    assert "major_thresholds.csv:3" in found[0] and "空档" in found[0] and "2023-12-31" in found[0] and "2024-03-01" in found[0]


def test_item_without_rule():
    text = only("item_without_rule")
    assert "checklists/items.yaml:5" in text and "C02" in text and "没有任何审核规则" in text


def test_combined_folder_is_one_pair():
    reports = lint_paths([LINT / "good", LINT / "gap"])
    assert [bool(r.ok) for r in reports] == [True, False]


@pytest.mark.parametrize("case, code", [("good", 0), ("duplicate_id", 1), ("gap", 1)])
def test_cli_exit_codes(case, code, capsys):
    assert main(["lint", str(LINT / case)]) == code
    out = capsys.readouterr().out
    assert ("检查通过" in out) == (code == 0)


def test_cli_missing_folder_exits_2(capsys, tmp_path):
    assert main(["lint", str(tmp_path / "nowhere")]) == 2
    assert "目录不存在" in capsys.readouterr().err


def test_shipped_thresholds_and_rules_are_clean():
    assert [str(p) for p in lint().problems] == []


def test_every_shipped_item_has_three_rules():
    # Issue 2 asks for at least three real rules behind each of C01-C12.
    rulebook = default_rulebook()
    per_item = Counter(rule.item for rule in rulebook.checks.values())
    assert {f"C{n:02d}" for n in range(1, 13)} <= set(per_item)
    assert {item: count for item, count in per_item.items() if count < 3} == {}


def test_versioned_test_catalogue_is_clean():
    # Two versions of one threshold row and of one rule, end to end (until is exclusive).
    versioned = Path(__file__).resolve().parent / "data" / "versioned"
    assert [str(p) for p in lint(versioned / "rules", versioned / "checklists").problems] == []


def test_gap_between_rule_versions(tmp_path):
    import shutil

    versioned = Path(__file__).resolve().parent / "data" / "versioned"
    shutil.copytree(versioned, tmp_path / "v")
    path = tmp_path / "v" / "rules" / "demo.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("effective_from: 2025-01-01", "effective_from: 2025-02-01"), encoding="utf-8")
    found = [str(p) for p in lint(tmp_path / "v" / "rules", tmp_path / "v" / "checklists").problems]
    assert len(found) == 1 and "MAJOR-DEMO-COMPLEX" in found[0] and "空档" in found[0] and "demo.yaml:14" in found[0]
