"""Every shipped profile has a feature, and every amount row has a below / at / above outline.

The expected result at the threshold itself is read from the row's published
wording, not from its `inclusive` column: 《中华人民共和国民法典》第一千二百五十九条
“民法所称的‘以上’、‘以下’、‘以内’、‘届满’，包括本数；所称的‘不满’、‘超过’、‘以外’，不包括本数。”
So a catalogue row and its scenarios can only agree if both follow the text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_bdd.parser import FeatureParser

import review
from review.catalogue import load_catalogue

ROOT = Path(__file__).resolve().parent.parent
FEATURES = ROOT / "features"
CATALOGUE = load_catalogue()


def outlines(profile: str) -> list[dict]:
    """Each scenario outline of a profile's feature: its step text and its example rows."""
    path = FEATURES / f"profile_{profile}.feature"
    feature = FeatureParser(str(FEATURES), path.name).parse()
    out = []
    for template in feature.scenarios.values():
        rows = [dict(zip(ex.example_params, row)) for ex in template.examples for row in ex.examples]
        if not rows:
            continue
        text = "\n".join(
            [s.name for s in template.steps]
            + ["|".join(c for r in (s.datatable.raw() if s.datatable else []) for c in r) for s in template.steps]
        )
        out.append({"name": template.name, "text": text, "rows": rows})
    return out


def at_threshold(wording: str) -> str:
    if "超过" in wording and "以上" not in wording:
        return "不成立"
    if "以上" in wording and "超过" not in wording:
        return "成立"
    raise AssertionError(f"无法从表述“{wording}”判断是否含本数")


def boundary_rows(found: list[dict], amount: float) -> dict[int, str]:
    a = int(amount)
    return {int(r["金额"]): r.get("结果") for o in found for r in o["rows"] if r.get("金额") and int(r["金额"]) in (a - 1, a, a + 1)}


@pytest.mark.parametrize("profile", sorted(CATALOGUE.profiles))
def test_every_profile_has_a_feature(profile):
    assert (FEATURES / f"profile_{profile}.feature").exists(), f"缺少 features/profile_{profile}.feature"


MAJOR_ROWS = [r for _, r in CATALOGUE.major.iterrows() if r["amount"]]
HEARING_ROWS = [r for _, r in CATALOGUE.hearing.iterrows() if r["amount"]]


@pytest.mark.parametrize("row", MAJOR_ROWS, ids=lambda r: f"{r['profile']}-{r['trigger_id']}")
def test_major_amount_row_has_boundary_outline(row):
    trigger = f"MAJOR-{row['profile'].upper().replace('_', '')}-{row['trigger_id']}"
    found = [o for o in outlines(row["profile"]) if trigger in o["text"] and row["measure"] in o["text"]]
    assert found, f"profile_{row['profile']}.feature 没有 {trigger} 的场景大纲"
    a = float(row["amount"])
    got = boundary_rows(found, a)
    expected = {int(a) - 1: "不成立", int(a): at_threshold(row["label"]), int(a) + 1: "成立"}
    assert got == expected, f"{trigger}（{row['label']}）：例子应为 {expected}，实际为 {got}"


@pytest.mark.parametrize("row", HEARING_ROWS, ids=lambda r: f"{r['profile']}-{r['measure']}-{r['party_type']}")
def test_hearing_amount_row_has_boundary_outline(row):
    party_marker = "法人" if row["party_type"] == "organisation" else None
    found = [
        o for o in outlines(row["profile"])
        if "MAJOR-S58-HEARING-AMOUNT" in o["text"] and f"|{row['measure']}|" in f"|{o['text']}|".replace("\n", "|")
        and ((party_marker in o["text"]) if party_marker else ("法人" not in o["text"]))
    ]
    assert found, f"profile_{row['profile']}.feature 没有 {row['measure']}/{row['party_type']} 的听证较大数额场景大纲"
    a = float(row["amount"])
    got = boundary_rows(found, a)
    expected = {int(a) - 1: "不成立", int(a): at_threshold(row["source"]), int(a) + 1: "成立"}
    assert got == expected, f"{row['source']}：例子应为 {expected}，实际为 {got}"


def test_every_shipped_trigger_is_named_in_a_profile_feature():
    text = "\n".join(p.read_text(encoding="utf-8") for p in FEATURES.glob("profile_*.feature"))
    missing = [t for t in review.default_rulebook().triggers if f"“{t}”" not in text]
    assert missing == []
