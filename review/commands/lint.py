"""`review lint [DIR ...]`: check rule and checklist folders before they are used.

Exit 0 when clean, 1 when any problem is found (so `make test` stops), 2
when a folder does not exist.
"""

from __future__ import annotations

import json

from ..lint import lint_paths


def register(sub) -> None:
    p = sub.add_parser(
        "lint", help="检查规则与目录清单文件",
        description="检查规则目录与清单目录（默认为随程序发布的 rules/ 与 checklists/）："
        "格式错误、重复编号、缺少法律依据、引用未知字段或门槛、门槛有效期重叠或矛盾、有效期空档、没有规则的条目。",
    )
    p.add_argument("dirs", nargs="*", metavar="DIR",
                   help="规则目录、清单目录，或同时含 rules/ 与 checklists/ 的目录；未给出的一类用随程序发布的目录")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(run=run)


def run(args) -> int:
    reports = lint_paths(args.dirs)
    problems = [p for r in reports for p in r.problems]
    if args.format == "json":
        print(json.dumps({
            "ok": not problems,
            "checked": [{"rules": str(r.rules_dir), "checklists": str(r.checklists_dir)} for r in reports],
            "problems": [p.to_dict() for p in problems],
        }, ensure_ascii=False, indent=2))
        return 1 if problems else 0
    for p in problems:
        print(p)
    for r in reports:
        if r.ok and r.rulebook is not None:
            book = r.rulebook
            print(f"检查通过：{r.rules_dir} 与 {r.checklists_dir}，{len(book.checks)} 条审核规则、"
                  f"{len(book.triggers)} 个重大情形、{len(book.catalogue.profiles)} 个档案")
    if problems:
        print(f"发现 {len(problems)} 处问题")
        return 1
    return 0
