"""`review document KIND PACKET --out FILE`: the documents legal staff sign and publish.

The format follows the extension of --out (.html, .md, .docx, .pdf); without
--out the Markdown goes to standard output. `--templates DIR` uses an
agency's own copy of reports/ (letterhead, wording).
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from .. import documents
from ..checker import check
from ..errors import Problem, ReviewInputError
from ..intake import load_packet, read_structured


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        import argparse

        raise argparse.ArgumentTypeError(f"日期应为 YYYY-MM-DD，收到“{text}”") from None


def add_output_options(p) -> None:
    """--out and --templates, shared with `review check`."""
    p.add_argument("--out", help="输出文件；格式由扩展名决定：.html、.md、.docx、.pdf")
    p.add_argument("--templates", metavar="DIR", help="使用自己的模板目录（复制 reports/ 后修改），缺少的文件用内置模板")


def register(sub) -> None:
    p = sub.add_parser(
        "document", help="生成法制审核文书",
        description="生成法制审核意见书、补正材料通知书、公示版等文书（HTML、Markdown、Word、PDF）。",
    )
    kinds = p.add_subparsers(dest="kind", metavar="KIND")
    kinds.required = True

    o = kinds.add_parser("opinion", help="法制审核意见书", description="审核案卷并生成法制审核意见书。")
    o.add_argument("packet", help="案卷文件（.json / .yaml）")
    o.add_argument("--profile", help="目录清单档案（覆盖案卷中的 agency.profile）")
    o.add_argument("--date", type=_day, help="意见书出具日期（默认今天），补正期限自此日起算")
    o.add_argument("--reviewer", default="", help="法制审核人员姓名（留空则打印签名横线）")
    add_output_options(o)
    o.set_defaults(run=run_opinion)

    n = kinds.add_parser("notice", help="补正材料通知书", description="一次性列明全部需要补正的送审材料。")
    n.add_argument("packet", help="案卷文件（.json / .yaml）")
    n.add_argument("--missing", action="append", default=[], metavar="材料", help="缺少的材料名称（可重复）")
    n.add_argument("--missing-file", metavar="FILE", help="缺少材料清单（YAML/JSON 列表，每项为名称或 {name, requirement, basis}）")
    n.add_argument("--profile", help="目录清单档案（决定审核期限）")
    n.add_argument("--date", type=_day, help="通知日期（默认今天）")
    add_output_options(n)
    n.set_defaults(run=run_notice)

    pub = kinds.add_parser("publication", help="公示版（去标识化）", description="生成执法决定公开版本，自然人个人信息去标识化。")
    pub.add_argument("packet", help="案卷文件（.json / .yaml）")
    pub.add_argument("--profile", help="目录清单档案（决定公示期限）")
    pub.add_argument("--decision-date", type=_day, help="决定日期（默认取案卷 timeline.decision_date）")
    add_output_options(pub)
    pub.set_defaults(run=run_publication)

    e = kinds.add_parser(
        "escalation", help="意见分歧说明（报请负责人决定）",
        description="承办机构对审核意见有异议且协商未能一致时，将双方意见一并报请负责人决定。",
    )
    e.add_argument("packet", help="案卷文件（.json / .yaml）")
    e.add_argument("--note", required=True, metavar="FILE",
                   help="分歧记录（YAML/JSON）：disputes（rule_id、unit_opinion、unit_basis）与 settled（rule_id、resolution）")
    e.add_argument("--profile", help="目录清单档案（覆盖案卷中的 agency.profile）")
    e.add_argument("--date", type=_day, help="报送日期（默认今天）")
    add_output_options(e)
    e.set_defaults(run=run_escalation)


def emit(kind: str, view: dict, args) -> None:
    """Write the document to --out, or Markdown to standard output."""
    if args.out:
        path = documents.save(kind, view, args.out, args.templates)
        print(f"已生成：{path}", file=sys.stderr)
    else:
        sys.stdout.write(documents.render(kind, view, "md", args.templates).decode("utf-8"))


def run_opinion(args) -> int:
    packet = load_packet(args.packet)
    result = check(packet, profile=args.profile)
    view = documents.opinion_view(result, packet, issued_on=args.date, reviewer=args.reviewer, templates=args.templates)
    emit("opinion", view, args)
    return 0


def _missing(args) -> list:
    items: list = list(args.missing)
    if args.missing_file:
        data = read_structured(Path(args.missing_file))
        if isinstance(data, dict):
            data = data.get("missing", data.get("materials"))
        if not isinstance(data, list):
            raise ReviewInputError(args.missing_file, [Problem("（根）", "应为材料列表，或含 missing: 列表的对象")])
        items.extend(data)
    return items


def run_notice(args) -> int:
    packet = load_packet(args.packet)
    view = documents.notice_view(packet, _missing(args), issued_on=args.date, profile=args.profile, templates=args.templates)
    emit("notice", view, args)
    return 0


def run_publication(args) -> int:
    packet = load_packet(args.packet)
    view = documents.publication_view(packet, decision_date=args.decision_date, profile=args.profile, templates=args.templates)
    emit("publication", view, args)
    return 0


def run_escalation(args) -> int:
    packet = load_packet(args.packet)
    result = check(packet, profile=args.profile)
    note = read_structured(Path(args.note))
    if not isinstance(note, dict):
        raise ReviewInputError(args.note, [Problem("（根）", "分歧记录应为对象，含 disputes 与 settled 列表")])
    view = documents.escalation_view(note, packet, result, issued_on=args.date, templates=args.templates)
    emit("escalation", view, args)
    return 0
