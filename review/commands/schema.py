"""`review schema`: print the JSON Schema of the case packet."""

from __future__ import annotations

import json

from ..packet import CasePacket


def register(sub) -> None:
    p = sub.add_parser("schema", help="输出案卷的 JSON Schema", description="输出案卷（CasePacket）的 JSON Schema。")
    p.set_defaults(run=run)


def run(args) -> int:
    print(json.dumps(CasePacket.model_json_schema(), ensure_ascii=False, indent=2))
    return 0
