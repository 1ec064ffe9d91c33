"""`review explain RULE_ID`: one rule in words, with its thresholds, citations and an example."""

from __future__ import annotations

from pathlib import Path

from ..checker import rulebook_for
from ..explain import explain


def register(sub) -> None:
    p = sub.add_parser("explain", help="用文字说明一条规则",
                       description="说明规则的条目、条件、使用的门槛（出处与有效期）、法律依据，以及一个使其触发的示例案卷。")
    p.add_argument("rule_id", metavar="RULE_ID", help="规则编号，如 C07-DECISION-OVERDUE 或 MAJOR-CHANGZHIAMR-FINE-IND")
    p.add_argument("--rules", metavar="DIR", help="规则目录（默认随程序发布的 rules/）")
    p.add_argument("--checklists", metavar="DIR", help="清单目录（默认随程序发布的 checklists/）")
    p.add_argument("--features", metavar="DIR", help="场景目录（默认源码中的 features/），从中找示例")
    p.set_defaults(run=run)


def run(args) -> int:
    book = rulebook_for(args.rules, args.checklists)
    print(explain(args.rule_id, book, Path(args.features) if args.features else None), end="")
    return 0
