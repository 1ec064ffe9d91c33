"""Engine safety: a long run in one process and concurrent checks stay correct.

durable_rules keeps sessions until they are deleted and fails once 1,024 are
alive, is not thread-safe, and holds its state outside Python's heap; these
tests are what stands behind review/engine.py's claims about all three.
"""

from __future__ import annotations

import copy
import gc
import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml

import review
from conftest import EXAMPLES, clean

SERIAL_CHECKS = 20_000
WARM_UP = 2_000
# Loose on purpose: a leak of one session's state (a few KB) per check would
# grow by well over this across 18,000 checks, allocator noise does not.
RSS_GROWTH_LIMIT_KB = 20 * 1024


def _variants() -> list[dict]:
    """The clean packet and mutations that make checklist rules and triggers fire."""
    base = clean()

    below_minimum = copy.deepcopy(base)  # 罚款低于法定最低额且未适用减轻（行政处罚法第三十二条）
    below_minimum["decision"]["measures"][1]["amount"] = 30000

    no_notice = copy.deepcopy(base)  # 第四十四条: 作出决定之前告知
    del no_notice["timeline"]["notice_of_intent"]

    big_fine = copy.deepcopy(base)  # 罚款超出裁量基准的区间
    big_fine["decision"]["measures"][1]["amount"] = 100000

    packets = [base, below_minimum, no_notice, big_fine]
    packets += [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(Path(EXAMPLES).glob("*.yaml"))]
    return packets


def _dump(packet: dict) -> str:
    return json.dumps(review.check(packet).model_dump(mode="json"), sort_keys=True, ensure_ascii=False)


def _rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    pytest.skip("no /proc/self/status here")


def test_variants_differ_so_rules_really_fire():
    results = [review.check(p) for p in _variants()]
    # The mix must exercise findings and triggers, not only the silent path.
    assert len({r.outcome for r in results}) >= 3
    assert sum(bool(r.findings) for r in results) >= 3
    assert sum(bool(r.major.triggers) for r in results) >= 3


def test_twenty_thousand_checks_in_one_process():
    """Also the session-deletion test: without delete_state the engine refuses
    its 1,025th live session, far short of 20,000."""
    packets = [review.parse_packet(p) for p in _variants()]
    expected = [review.check(p).model_dump(mode="json") for p in packets]
    # Comparing every result against its first run is the "identical results"
    # half; comparing a cheap digest keeps the loop about the engine.
    digests = [(r["outcome"], tuple(f["rule_id"] for f in r["findings"]),
                tuple(t["id"] for t in r["major"]["triggers"])) for r in expected]

    rss_at_warm_up = None
    for n in range(SERIAL_CHECKS):
        i = n % len(packets)
        result = review.check(packets[i])
        got = (result.outcome, tuple(f.rule_id for f in result.findings),
               tuple(t.id for t in result.major.triggers))
        assert got == digests[i], f"check {n} of packet {i} differs"
        if n == WARM_UP:
            gc.collect()
            rss_at_warm_up = _rss_kb()
    gc.collect()
    growth = _rss_kb() - rss_at_warm_up
    assert growth < RSS_GROWTH_LIMIT_KB, f"RSS grew {growth} KB between check {WARM_UP} and {SERIAL_CHECKS}"
    assert [review.check(p).model_dump(mode="json") for p in packets] == expected


def test_eight_threads_give_the_serial_results():
    packets = _variants() * 8
    serial = [_dump(p) for p in packets]
    with ThreadPoolExecutor(max_workers=8) as pool:
        concurrent = list(pool.map(_dump, packets))
    assert concurrent == serial
