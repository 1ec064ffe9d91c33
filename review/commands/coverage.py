"""`review coverage`: each rule with the scenarios that make it fire and keep it silent.

Reads the JSON that `pytest --rule-coverage FILE` writes. Without --report
it runs the scenarios itself (from a source checkout). Exit 1 when a rule has
no scenario at all (with --strict: when it lacks either kind).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from .. import coverage
from ..checker import rulebook_for
from ..errors import Problem, ReviewInputError
from ..resources import _SOURCE_TREE


def register(sub) -> None:
    p = sub.add_parser(
        "coverage", help="规则的场景覆盖情况",
        description="列出每条规则有多少场景使其触发、多少场景确认其不触发；有规则没有任何场景时退出码为 1。",
    )
    p.add_argument("--report", metavar="FILE",
                   help="pytest --rule-coverage 写出的报告；不给出时在源码目录中运行 features/ 的全部场景")
    p.add_argument("--strict", action="store_true", help="每条规则都必须既有触发的场景，又有不触发的场景")
    p.add_argument("--rules", metavar="DIR", help="规则目录（默认随程序发布的 rules/）")
    p.add_argument("--checklists", metavar="DIR", help="清单目录（默认随程序发布的 checklists/）")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(run=run)


def _run_scenarios() -> dict:
    tests = _SOURCE_TREE / "tests" / "test_features.py"
    if not tests.exists():
        raise ReviewInputError("coverage", [Problem("--report", "未找到 tests/test_features.py：请在源码目录中运行，或用 --report 指定报告")])
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "rule-coverage.json"
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tests), f"--rule-coverage={out}"],
            cwd=_SOURCE_TREE, capture_output=True, text=True,
        )
        if not out.exists():
            raise ReviewInputError("coverage", [Problem("pytest", f"运行场景失败：{done.stdout[-2000:]}{done.stderr[-2000:]}")])
        if done.returncode != 0:
            print(f"注意：有场景未通过（pytest 退出码 {done.returncode}），只统计已通过的断言", file=sys.stderr)
        return coverage.load(out)


def run(args) -> int:
    data = coverage.load(args.report) if args.report else _run_scenarios()
    book = rulebook_for(args.rules, args.checklists)
    rows = coverage.coverage(book, data)
    bad = coverage.failing(rows, strict=args.strict)
    if args.format == "json":
        print(json.dumps({
            "ok": not bad,
            "rules": [{"id": r.rule_id, "kind": r.kind, "where": r.where, "fired": len(r.fired),
                       "silent": len(r.silent), "status": r.status} for r in rows],
            "unknown": coverage.unknown_rules(book, data),
        }, ensure_ascii=False, indent=2))
        return 1 if bad else 0
    width = max((len(r.rule_id) for r in rows), default=10)
    print(f"{'规则':<{width}}  触发  不触发  情况")
    for r in rows:
        print(f"{r.rule_id:<{width}}  {len(r.fired):>4}  {len(r.silent):>6}  {coverage.STATUS_LABELS[r.status]}")
    counts = {s: sum(1 for r in rows if r.status == s) for s in coverage.STATUS_LABELS}
    print(f"共 {len(rows)} 条规则：" + "，".join(f"{coverage.STATUS_LABELS[s]} {n} 条" for s, n in counts.items()))
    unknown = coverage.unknown_rules(book, data)
    if unknown:
        print(f"报告中另有 {len(unknown)} 条不属于此规则集的规则（测试用规则集）：{'、'.join(unknown)}")
    if bad:
        print("未通过：" + "、".join(r.rule_id for r in bad), file=sys.stderr)
        return 1
    return 0
