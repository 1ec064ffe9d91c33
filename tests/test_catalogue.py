"""Profiles and threshold tables, on a small fictional checklists/ folder.

The folder is written here, so every expected value below is visible in the
test itself rather than taken from the shipped catalogue.
"""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest

from review.catalogue import load_catalogue
from review.errors import RuleFileError, UnknownProfileError

HEARING_HEADER = "profile,category,measure,party_type,amount,inclusive,effective_from,effective_until,source\n"


def write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    write(tmp_path, "profiles/national.yaml", """\
        name: national
        label: 全国通用
        effective_from: 2021-07-15
        source: 行政处罚法
        params: {review_days: 10, seizure_days: 30}
        """)
    write(tmp_path, "profiles/county.yaml", """\
        name: county
        label: 某县市场监管局（旧清单）
        inherits: national
        effective_from: 2022-01-01
        effective_until: 2024-01-01
        source: 某县目录清单（2022）
        params: {review_days: 7}
        """)
    write(tmp_path, "profiles/county_2024.yaml", """\
        name: county_2024
        label: 某县市场监管局
        inherits: county
        effective_from: 2024-01-01
        source: 某县目录清单（2024）
        params: {seizure_days: 20}
        """)
    write(tmp_path, "hearing_thresholds.csv", HEARING_HEADER + textwrap.dedent("""\
        national,penalty,fine,individual,5000,true,2021-07-15,,国家
        national,penalty,fine,organisation,100000,true,2021-07-15,,国家
        county,penalty,fine,individual,3000,false,2022-01-01,2023-01-01,县旧
        county,penalty,fine,individual,4000,false,2023-01-01,,县新
        """))
    return tmp_path


def test_params_merge_nearest_profile_wins(folder):
    catalogue = load_catalogue(folder)
    assert catalogue.chain("county_2024") == ["county_2024", "county", "national"]
    assert catalogue.params("county_2024") == {"review_days": 7, "seizure_days": 20}
    assert catalogue.params("county") == {"review_days": 7, "seizure_days": 30}
    assert catalogue.params("national") == {"review_days": 10, "seizure_days": 30}


def test_profile_in_force_on_the_decision_date(folder):
    catalogue = load_catalogue(folder)
    assert catalogue.profile("county", date(2023, 12, 31)).name == "county"
    with pytest.raises(UnknownProfileError):  # effective_until is exclusive
        catalogue.profile("county", date(2024, 1, 1))
    assert catalogue.profile("county_2024", date(2024, 1, 1)).name == "county_2024"


def test_profile_not_yet_in_force_lists_known_profiles(folder):
    with pytest.raises(UnknownProfileError) as caught:
        load_catalogue(folder).profile("county_2024", date(2023, 6, 1))
    assert caught.value.known == ["county", "county_2024", "national"]
    assert "2024-01-01" in str(caught.value) and "2023-06-01" in str(caught.value)


def test_unknown_profile_lists_known_profiles(folder):
    with pytest.raises(UnknownProfileError) as caught:
        load_catalogue(folder).profile("nowhere", date(2024, 6, 1))
    assert caught.value.known == ["county", "county_2024", "national"]
    assert "nowhere" in str(caught.value) and "county_2024" in str(caught.value)


def test_hearing_threshold_nearest_profile_first_and_dated(folder):
    catalogue = load_catalogue(folder)
    chain = catalogue.chain("county_2024")
    lookup = lambda party, on: catalogue.hearing_threshold(chain, "penalty", "fine", party, on)  # noqa: E731
    assert lookup("individual", date(2022, 6, 1))["amount"] == "3000"
    assert lookup("individual", date(2023, 1, 1))["amount"] == "4000"   # the newer county row from its first day
    assert lookup("individual", date(2023, 1, 1))["inclusive"] == "false"
    assert lookup("organisation", date(2024, 6, 1))["amount"] == "100000"  # falls back to national
    assert catalogue.hearing_threshold(["national"], "penalty", "fine", "individual", date(2024, 6, 1))["amount"] == "5000"
    assert catalogue.hearing_threshold(chain, "penalty", "warning", "individual", date(2024, 6, 1)) is None
    assert catalogue.hearing_threshold(chain, "penalty", "fine", "individual", date(2021, 1, 1)) is None


@pytest.mark.parametrize("row, complaint", [
    ("national,penalty,fine,individual,-5,true,2021-07-15,,国家", "不得为负数"),
    ("national,penalty,public_shaming,individual,5,true,2021-07-15,,国家", "public_shaming"),
    ("national,penalty,fine,individual,5,true,2021-13-01,,国家", "effective_from"),
    ("national,penalty,fine,individual,五千,true,2021-07-15,,国家", "应为数字"),
    ("ghost,penalty,fine,individual,5,true,2021-07-15,,国家", "ghost"),
])
def test_malformed_table_row_named_by_file_and_line(folder, row, complaint):
    # Line 1 is the header, so the appended row is line 6.
    path = folder / "hearing_thresholds.csv"
    path.write_text(path.read_text(encoding="utf-8") + row + "\n", encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        load_catalogue(folder)
    found = {p.location: p.message for p in caught.value.problems}
    assert list(found) == ["hearing_thresholds.csv:6"] and complaint in found["hearing_thresholds.csv:6"]
