"""The clean packets are the silent side of every rule test: nothing may fire on them."""

import pytest

from conftest import clean, fired

import review


@pytest.mark.parametrize("profile", ["national", "changzhi_amr", "wanxin_street"])
def test_clean_penalty_fires_no_checklist_rule(profile):
    result = review.check(clean(), profile=profile)
    assert result.fired() == [], [f"{f.rule_id}: {f.message}" for f in result.findings]
    assert result.outcome == "approve"
    assert all(item.status == "pass" for item in result.items if item.id not in ("C10",))
