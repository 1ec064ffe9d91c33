"""`review register verify|show`: check the register's chain, read one case's history.

verify exits 0 when the chain is intact and 1 when it is broken (so a cron
job or CI notices), 2 when the register cannot be opened.
"""

from __future__ import annotations

import difflib
import json
from datetime import timedelta, timezone
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from ..register import Entry, Register, RegisterError, kind_label, resolve_url
from ..result import OUTCOME_LABELS

# Legal staff read times on Beijing time (no daylight saving since 1991).
BEIJING = timezone(timedelta(hours=8), "北京时间")
SUMMARY_WIDTH = 80


def register(sub) -> None:
    p = sub.add_parser("register", help="审核登记簿：校验完整性、查看案件经过",
                       description="审核登记簿记录每一次送审、通知、意见、异议、协商、提请与决定，"
                       "每条记录带有前一条的哈希，删改可被发现。")
    group = p.add_subparsers(dest="register_command", metavar="SUBCOMMAND")
    group.required = True
    db_help = "登记簿地址（SQLAlchemy URL）；默认取环境变量 REVIEW_REGISTER，否则为当前目录的 review-register.sqlite"

    v = group.add_parser("verify", help="校验登记簿是否被删改",
                         description="逐条核对哈希链：内容被修改、记录被删除或顺序被调换的，列出其编号与案件。"
                         "完整时退出码 0，发现问题时 1，无法打开时 2。")
    v.add_argument("--db", metavar="URL", help=db_help)
    v.add_argument("--anchor", metavar="SEQ:HASH",
                   help="此前留存的一条记录（编号:哈希，如上次 verify 输出的最后一条），核对其仍在且未变，"
                   "以发现末尾记录被删除")
    v.add_argument("--format", choices=["text", "json"], default="text")
    v.set_defaults(run=run_verify)

    s = group.add_parser("show", help="显示一个案件的全部登记经过",
                         description="按登记顺序列出案件的每一条记录：时间（北京时间）、种类、经办人与内容摘要。")
    s.add_argument("case_id", metavar="CASE", help="案件编号")
    s.add_argument("--db", metavar="URL", help=db_help)
    s.add_argument("--format", choices=["text", "json"], default="text")
    s.set_defaults(run=run_show)


def open_existing(url: str | None) -> Register:
    """Open a register that must already exist: reading a mistyped path must not create an empty one."""
    resolved = resolve_url(url)
    try:
        parsed = make_url(resolved)
    except ArgumentError:
        raise RegisterError(f"登记簿地址无法识别：{resolved}") from None
    if parsed.get_backend_name() == "sqlite" and parsed.database and parsed.database != ":memory:":
        path = Path(parsed.database).expanduser()
        if not path.is_file():
            raise RegisterError(f"登记簿文件不存在：{path.resolve()}（用 --db 或环境变量 REVIEW_REGISTER 指定）")
    return Register(resolved)


def parse_anchor(value: str | None) -> tuple[int, str] | None:
    if value is None:
        return None
    seq, _, digest = value.partition(":")
    digest = digest.strip().lower()
    if not seq.strip().isdigit() or int(seq) < 1 or len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        raise RegisterError(f"--anchor 格式应为 编号:哈希（如 12:3f5a…，哈希为 64 位十六进制），收到的是 {value}")
    return int(seq), digest


def run_verify(args) -> int:
    anchor = parse_anchor(args.anchor)
    register = open_existing(args.db)
    try:
        result = register.verify(anchor)
    finally:
        register.dispose()
    if args.format == "json":
        print(json.dumps({
            "ok": result.ok, "count": result.count, "head_seq": result.head_seq, "head_hash": result.head_hash,
            "problems": [{"seq": p.seq, "case_id": p.case_id, "message": p.message} for p in result.problems],
        }, ensure_ascii=False, indent=2))
        return 0 if result.ok else 1
    for problem in result.problems:
        print(problem)
    if result.ok:
        if result.count:
            print(f"登记簿完整：共 {result.count} 条记录，哈希链无断点。")
            print(f"最后一条：{result.head_seq}:{result.head_hash}")
            print("（另行留存上面这一行，下次用 --anchor 核对，可发现末尾记录被删除）")
        else:
            print("登记簿为空：尚无记录")
        return 0
    print(f"登记簿已被改动：发现 {len(result.problems)} 处问题（共 {result.count} 条记录）")
    return 1


def run_show(args) -> int:
    register = open_existing(args.db)
    try:
        entries = register.history(args.case_id)
        if not entries:
            known = register.case_ids()
            close = difflib.get_close_matches(args.case_id, known, n=3)
            hint = f"；是否是：{'、'.join(close)}" if close else ""
            raise RegisterError(f"登记簿中没有案件 {args.case_id}{hint}")
    finally:
        register.dispose()
    if args.format == "json":
        print(json.dumps({"case_id": args.case_id, "entries": [e.to_dict() for e in entries]},
                         ensure_ascii=False, indent=2))
        return 0
    print(f"案件 {args.case_id} 的审核登记经过（共 {len(entries)} 条，时间为北京时间）")
    for entry in entries:
        print(render_entry(entry))
    return 0


def render_entry(entry: Entry) -> str:
    when = entry.recorded_at.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M:%S")
    actor = f"  经办人：{entry.actor}" if entry.actor else ""
    head = f"第 {entry.seq} 号  {when}  {kind_label(entry.kind)}{actor}"
    summary = summarise(entry.payload)
    return f"{head}\n    {summary}" if summary else head


# The flow's payload keys in the words of the review file; a key not listed is shown as stored.
KEY_LABELS = {
    "on": "日期", "due": "届满", "profile": "档案", "round": "轮次", "outcome": "结论",
    "override_reason": "改变结论的理由", "decision_number": "决定书文号", "to": "移送机关", "channel": "公示渠道",
    "by": "延长工作日", "approved_by": "批准人", "reason": "理由", "missing": "缺少的材料", "packet": "案卷",
    "result": "审核意见", "disputes": "异议", "concessions": "协商结果", "note": "意见分歧说明", "decision": "负责人决定",
}


def _packet(value: dict) -> str:
    return f"《{value.get('title', '')}》（{value.get('case_id', '')}），文书 {len(value.get('documents') or [])} 份"


def _result(value: dict) -> str:
    found = [f.get("rule_id", "") for f in value.get("findings") or []]
    return f"{OUTCOME_LABELS.get(value.get('outcome'), value.get('outcome', ''))}，问题 {len(found)} 项" + (f"：{'、'.join(found)}" if found else "")


def _rule_ids(value: list) -> str:
    return "、".join(f"{v.get('rule_id', '')}" + (f"（{v['conceded_by']}让步）" if v.get("conceded_by") else "")
                    for v in value) or "无"


# Large payload parts summed up for a person; `--format json` prints them whole.
SHAPES = {
    "packet": _packet,
    "result": _result,
    "note": lambda v: f"分歧 {len(v.get('disputes') or [])} 项：{_rule_ids(v.get('disputes') or [])}",
    "decision": lambda v: f"{v.get('choice', '')}，{v.get('reason', '')}（{v.get('decided_by', '')}）",
    "disputes": _rule_ids,
    "concessions": _rule_ids,
    "missing": lambda v: "、".join(m.get("name", "") if isinstance(m, dict) else str(m) for m in v) or "无",
}


def summarise(payload: dict) -> str:
    """Labelled values on one line; long values are cut, the full text is in --format json."""
    parts = []
    for key, value in payload.items():
        shape = SHAPES.get(key)
        shown = shape(value) if shape and isinstance(value, (dict, list)) and value else _plain(value)
        if key == "outcome":
            shown = OUTCOME_LABELS.get(value, shown)
        if len(shown) > SUMMARY_WIDTH:
            shown = shown[:SUMMARY_WIDTH] + "…"
        parts.append(f"{KEY_LABELS.get(key, key)}：{shown}")
    return "；".join(parts)


def _plain(value) -> str:
    """A value as legal staff would write it: lists with 、, yes/no, nested pairs with ，."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if value is None:
        return "无"
    if isinstance(value, list):
        return "、".join(_plain(v) for v in value) if value else "无"
    if isinstance(value, dict):
        return "（" + "，".join(f"{k}：{_plain(v)}" for k, v in value.items()) + "）"
    return str(value)
