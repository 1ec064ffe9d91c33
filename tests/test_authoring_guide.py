"""The worked example of docs/authoring.md §5 does what the guide says.

The guide's files (marked `# 文件：path`) are added to a copy of the shipped
rules/ and checklists/; the copy must pass lint, `explain` must read as the
guide quotes, and the guide's feature must pass against the copy.
"""

from __future__ import annotations

import atexit
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from pytest_bdd import scenarios

import review
from review.explain import explain
from review.lint import lint

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "authoring.md"
WORK = Path(tempfile.mkdtemp(prefix="authoring-guide-"))
atexit.register(shutil.rmtree, WORK, True)


def _blocks() -> dict[str, str]:
    found = {}
    for body in re.findall(r"```[a-z]*\n(.*?)```", GUIDE.read_text(encoding="utf-8"), flags=re.S):
        first, _, rest = body.partition("\n")
        marker = re.match(r"#\s*文件：(\S+)", first)
        if marker:
            found[marker.group(1)] = rest
    return found


def _build() -> Path:
    shutil.copytree(ROOT / "rules", WORK / "rules")
    shutil.copytree(ROOT / "checklists", WORK / "checklists")
    (WORK / "features").mkdir()
    for name, text in _blocks().items():
        target = WORK / name
        if name.startswith("features/") or not target.exists():
            target.write_text(text, encoding="utf-8")
        else:
            current = target.read_text(encoding="utf-8")
            target.write_text(current.rstrip("\n") + "\n" + text, encoding="utf-8")
    return WORK


_build()
FEATURE = WORK / "features" / "profile_shifan_county_amr.feature"
scenarios(str(FEATURE))


@pytest.fixture(autouse=True)
def _guide_rulebook(monkeypatch):
    book = review.rulebook_for(WORK / "rules", WORK / "checklists")
    monkeypatch.setattr(review, "default_rulebook", lambda: book)
    monkeypatch.setattr(review.checker, "default_rulebook", lambda: book)
    return book


def test_guide_has_all_its_files():
    assert set(_blocks()) == {
        "checklists/profiles/shifan_county_amr.yaml", "checklists/major_thresholds.csv",
        "rules/major/catalogues.yaml", "features/profile_shifan_county_amr.feature",
    }


def test_guide_files_pass_lint():
    report = lint(WORK / "rules", WORK / "checklists")
    mine = [str(p) for p in report.problems if "shifan" in str(p).lower()]
    assert mine == []
    assert report.rulebook is not None
    assert {"MAJOR-SHIFANCOUNTYAMR-FINE-IND", "MAJOR-SHIFANCOUNTYAMR-FINE-ORG", "MAJOR-SHIFANCOUNTYAMR-SUSPEND",
            "MAJOR-SHIFAN-HEARING"} <= set(report.rulebook.triggers)


def test_explain_reads_as_the_guide_says(_guide_rulebook):
    text = explain("MAJOR-SHIFANCOUNTYAMR-FINE-IND", _guide_rulebook, WORK / "features")
    # “超过5000元”不包括本数（民法典第一千二百五十九条）.
    assert "金额或价值大于5,000" in text
    assert "5,000 元（不含本数），自 2024-01-01 起" in text
