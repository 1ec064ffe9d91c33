"""`review check PACKET`: review one packet and print the result."""

from __future__ import annotations

import json
import sys

from ..checker import check
from ..intake import load_packet
from ..summary import as_markdown, as_text


def register(sub) -> None:
    p = sub.add_parser("check", help="审核一份案卷", description="审核一份案卷（JSON 或 YAML），输出审核结果。")
    p.add_argument("packet", help="案卷文件（.json / .yaml）")
    p.add_argument("--profile", help="目录清单档案（覆盖案卷中的 agency.profile）")
    p.add_argument("--format", choices=["text", "json", "md"], default="text", help="输出格式")
    p.add_argument("--out", help="另外生成法制审核意见书；格式由扩展名决定：.html、.md、.docx、.pdf")
    p.add_argument("--templates", metavar="DIR", help="意见书使用自己的模板目录（复制 reports/ 后修改）")
    p.set_defaults(run=run)


def run(args) -> int:
    packet = load_packet(args.packet)
    result = check(packet, profile=args.profile)
    if args.out:
        from .. import documents

        view = documents.opinion_view(result, packet, templates=args.templates)
        print(f"已生成法制审核意见书：{documents.save('opinion', view, args.out, args.templates)}", file=sys.stderr)
    if args.format == "json":
        print(json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2))
    elif args.format == "md":
        print(as_markdown(result), end="")
    else:
        print(as_text(result), end="")
    return 0 if result.outcome == "approve" else 1
