"""Every bundled example reaches the outcome its comment explains, for the legal reason given.

Expected values come from the law and the catalogues, not from the program:
the trigger ids name catalogue rows and statutory triggers whose conditions
the packet meets (see each example's header comment).
"""

from pathlib import Path

import pytest

import review
from conftest import EXAMPLES

# example stem -> (outcome, major triggers, rules that must fire (all others silent when exact))
EXPECTED = {
    # 长治目录：对个人罚款“超过1万元”（5万元）；要素齐全。
    "01_approve_penalty_individual": ("approve", {"MAJOR-CHANGZHIAMR-FINE-IND"}, set()),
    # 罚款2000元低于个人较大数额5000元，未听证、不复杂：非重大。
    "02_non_major_penalty_individual": ("approve", set(), set()),
    # 衡阳文化市场目录：单位罚款2万元以上（3万元）。
    "03_revise_penalty_organisation": ("revise", {"MAJOR-HENGYANGCULTURE-FINE-ORG"}, None),
    # 乡政府罚款：措施不在本机关可采取的措施内（超越职权，实质性问题）。
    "04_disapprove_no_authority": ("disapprove", set(), {"C08-MEASURE-NOT-IN-POWERS"}),
    # 销售金额8万元 ≥ 伪劣产品罪追诉标准5万元（立案追诉标准（一）第十六条）。
    "05_transfer_fake_products": ("transfer", set(), {"C10-PROSECUTE-FAKEPRODUCTS-SALESAMOUNT"}),
    # 巩义：单位罚款10万元以上、经过听证；第五十八条第一款第（二）项：较大数额罚款与责令停产停业经听证。
    "06_hearing_suspend_organisation": (
        "approve",
        {"MAJOR-GONGYI-FINE-ORG", "MAJOR-GONGYI-HEARING", "MAJOR-S58-HEARING-AMOUNT", "MAJOR-S58-HEARING-MEASURE"},
        set(),
    ),
    # 应急管理局目录：不予行政许可。
    "07_licence_refusal_ema": ("approve", {"MAJOR-EMAGENERIC-LIC-REFUSE"}, set()),
    # 应急管理局目录：查封致使停产停业。
    "08_coercion_seizure_ema": ("approve", {"MAJOR-EMA-SEIZURE-HALTS"}, set()),
    # 万新街：一般程序作出的行政处罚全部审核。
    "09_wanxin_ordinary_penalty": ("approve", {"MAJOR-ORDINARY-PENALTY"}, set()),
}


def test_every_example_has_an_expectation():
    assert {p.stem for p in EXAMPLES.glob("*.yaml")} == set(EXPECTED)


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_example_outcome(stem):
    outcome, triggers, must_fire = EXPECTED[stem]
    result = review.check(review.load_packet(EXAMPLES / f"{stem}.yaml"))
    messages = [f"{f.rule_id}: {f.message}" for f in result.findings]
    assert result.outcome == outcome, messages
    assert {t.id for t in result.major.triggers} == triggers
    assert result.major.is_major == bool(triggers)
    if must_fire is not None:
        if outcome == "approve":
            assert [f for f in result.findings if f.severity != "note"] == [], messages
        assert must_fire <= set(result.fired()), messages


def test_revise_example_names_its_correctable_defects():
    """Example 03: every finding is correctable (defect or note), none fatal."""
    result = review.check(review.load_packet(EXAMPLES / "03_revise_penalty_organisation.yaml"))
    assert result.findings
    assert {f.severity for f in result.findings} <= {"defect", "note"}
    assert any(item.status == "fail" for item in result.items)


def test_transfer_example_json_contract():
    """The JSON form carries the contract fields README documents."""
    data = review.check(review.load_packet(EXAMPLES / "05_transfer_fake_products.yaml")).model_dump(mode="json")
    assert data["outcome"] == "transfer"
    finding = next(f for f in data["findings"] if f["rule_id"] == "C10-PROSECUTE-FAKEPRODUCTS-SALESAMOUNT")
    assert finding["item"] == "C10" and finding["severity"] == "crime"
    assert {"path": "crime_indicators[0].sales_amount", "value": 80000.0} in finding["fields"]
    assert any(c["article"] == "第二十七条" for c in finding["citations"])
    assert [i["id"] for i in data["items"]] == [f"C{n:02d}" for n in range(1, 13)]
    assert next(i for i in data["items"] if i["id"] == "C10")["status"] == "fail"
