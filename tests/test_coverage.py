"""Rule coverage: records become a report; `review coverage` fails on a rule with no scenario."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import review
from review import coverage
from review.cli import main

ROOT = Path(__file__).resolve().parent.parent
VERSIONED = Path(__file__).resolve().parent / "data" / "versioned"
ARGS = ["--rules", str(VERSIONED / "rules"), "--checklists", str(VERSIONED / "checklists")]


def test_report_groups_by_rule_and_kind():
    data = coverage.report([("s1", "R-A", "fired"), ("s2", "R-A", "silent"), ("s1", "R-A", "fired"), ("s3", "R-B", "observed")])
    assert data["rules"] == {"R-A": {"fired": ["s1"], "silent": ["s2"]}, "R-B": {"observed": ["s3"]}}


def _write(tmp_path, records) -> str:
    return str(coverage.write(tmp_path / "cov.json", records))


def test_rule_with_neither_fails(tmp_path, capsys):
    # The versioned test rulebook has two triggers: MAJOR-DEMO-COMPLEX and MAJOR-DEMOCITY-FINE-IND.
    path = _write(tmp_path, [("s1", "MAJOR-DEMO-COMPLEX", "fired"), ("s2", "MAJOR-DEMO-COMPLEX", "silent")])
    assert main(["coverage", "--report", path, *ARGS]) == 1
    captured = capsys.readouterr()
    assert "MAJOR-DEMOCITY-FINE-IND" in captured.err and "没有任何场景" in captured.out


def test_one_way_passes_unless_strict(tmp_path, capsys):
    path = _write(tmp_path, [("s1", "MAJOR-DEMO-COMPLEX", "fired"), ("s2", "MAJOR-DEMO-COMPLEX", "silent"),
                             ("s3", "MAJOR-DEMOCITY-FINE-IND", "fired")])
    assert main(["coverage", "--report", path, *ARGS]) == 0
    assert main(["coverage", "--report", path, "--strict", *ARGS]) == 1
    assert "缺少不触发的场景" in capsys.readouterr().out


def test_json_output_counts(tmp_path, capsys):
    path = _write(tmp_path, [("s1", "MAJOR-DEMO-COMPLEX", "fired"), ("s2", "MAJOR-DEMO-COMPLEX", "fired"),
                             ("s3", "MAJOR-DEMOCITY-FINE-IND", "silent"), ("s4", "OTHER-RULE", "fired")])
    main(["coverage", "--report", path, "--format", "json", *ARGS])
    data = json.loads(capsys.readouterr().out)
    counts = {r["id"]: (r["fired"], r["silent"]) for r in data["rules"]}
    assert counts == {"MAJOR-DEMO-COMPLEX": (2, 0), "MAJOR-DEMOCITY-FINE-IND": (0, 1)}
    assert data["unknown"] == ["OTHER-RULE"]


def test_missing_or_bad_report_exits_2(tmp_path, capsys):
    assert main(["coverage", "--report", str(tmp_path / "none.json")]) == 2
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    assert main(["coverage", "--report", str(tmp_path / "bad.json")]) == 2
    assert "不是有效的 JSON" in capsys.readouterr().err


def test_pytest_option_writes_what_the_steps_asserted(tmp_path):
    out = tmp_path / "cov.json"
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_features.py",
         "-k", "修订 or 多个法律关系", f"--rule-coverage={out}"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    rules = json.loads(out.read_text(encoding="utf-8"))["rules"]
    # features/versioned_门槛修订.feature: 15,000 元 before 2025-01-01 fires, on and after it stays silent.
    fine = rules["MAJOR-DEMOCITY-FINE-IND"]
    assert len(fine["fired"]) == 1 + 2 and len(fine["silent"]) == 2
    assert len(rules["MAJOR-DEMO-COMPLEX"]["fired"]) == 1 and len(rules["MAJOR-DEMO-COMPLEX"]["silent"]) == 1


def test_every_shipped_trigger_has_a_scenario_both_ways(tmp_path):
    """The profile features prove every major-decision trigger fires and stays silent."""
    out = tmp_path / "cov.json"
    subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_features.py",
                    f"--rule-coverage={out}"], cwd=ROOT, capture_output=True, text=True)
    rows = coverage.coverage(review.default_rulebook(), coverage.load(out))
    assert [r.rule_id for r in rows if r.kind == "trigger" and r.status != "ok"] == []
