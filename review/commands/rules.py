"""`review rules`: list every rule with its item, severity and citations."""

from __future__ import annotations

import json

from ..checker import default_rulebook
from ..summary import SEVERITY_LABELS


def register(sub) -> None:
    p = sub.add_parser("rules", help="列出全部规则", description="列出全部审核规则与重大情形。")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(run=run)


def catalogue_of_rules() -> list[dict]:
    book = default_rulebook()
    out = []
    for rule in book.checks.values():
        out.append({
            "id": rule.id, "kind": "check", "item": rule.item, "severity": rule.severity, "title": rule.title,
            "file": f"{rule.file}:{rule.line}",
            "citations": [c.model_dump() for c in rule.citations],
        })
    for rule in book.triggers.values():
        out.append({
            "id": rule.id, "kind": "trigger", "item": None, "severity": None, "title": rule.label,
            "profiles": rule.profiles, "file": f"{rule.file}:{rule.line}",
            "citations": [c.model_dump() for c in rule.citations],
        })
    return sorted(out, key=lambda r: (r["kind"], r["item"] or "", r["id"]))


def run(args) -> int:
    rules = catalogue_of_rules()
    if args.format == "json":
        print(json.dumps(rules, ensure_ascii=False, indent=2))
        return 0
    for r in rules:
        head = f"{r['item']} [{SEVERITY_LABELS[r['severity']]}]" if r["kind"] == "check" else "重大情形"
        cites = "；".join(f"《{c['law']}》{c['article']}{c.get('clause') or ''}" for c in r["citations"])
        print(f"{r['id']}\t{head}\t{r['title']}\t{cites}")
    return 0
