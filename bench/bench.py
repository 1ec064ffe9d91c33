"""`make bench`: review.check on the bundled examples beside the engine's floor.

The floor asserts the very same facts into the same compiled ruleset with
no-op actions (review.engine.evaluate_noop), so the ratio is what the library
adds around durable_rules: validation, fact building, findings and the result.
The two are interleaved packet by packet in one run, so a noisy shared machine
slows both alike; report the ratio, not the absolute figures.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import review
from review import engine
from review.checker import default_rulebook
from review.facts import build_facts
from review.workdays import Calendar

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 300


def main() -> None:
    files = sorted((ROOT / "examples").glob("*.yaml")) or sorted((ROOT / "tests" / "data").glob("*.yaml"))
    packets = [review.load_packet(p) for p in files]
    book = default_rulebook()
    calendar = Calendar()
    prepared = []
    for packet in packets:
        name = packet.agency.profile or "national"
        on = packet.timeline.decision_date
        prepared.append(build_facts(packet, book.catalogue, name, on, "floor", calendar).facts)
    dicts = [p.model_dump(mode="json", exclude_none=True) for p in packets]

    for packet, facts in zip(dicts, prepared):  # warm-up: compile and register both rulesets
        review.check(packet)
        engine.evaluate_noop(book.name + "_floor", book.definition, facts, "floor")

    full, floor = [], []
    for _ in range(ROUNDS):
        for packet, facts in zip(dicts, prepared):
            start = time.perf_counter()
            review.check(packet)
            full.append(time.perf_counter() - start)
            start = time.perf_counter()
            engine.evaluate_noop(book.name + "_floor", book.definition, facts, "floor")
            floor.append(time.perf_counter() - start)

    # Where the time goes: each stage of check() timed on its own, same packets.
    stages = {"parse/validate": [], "build facts": [], "engine": []}
    for _ in range(max(ROUNDS // 3, 20)):
        for packet in dicts:
            start = time.perf_counter()
            parsed = review.parse_packet(packet)
            stages["parse/validate"].append(time.perf_counter() - start)
            sid = engine.new_session_id()
            start = time.perf_counter()
            facts = build_facts(parsed, book.catalogue, parsed.agency.profile or "national",
                                parsed.timeline.decision_date, sid, Calendar()).facts
            stages["build facts"].append(time.perf_counter() - start)
            start = time.perf_counter()
            engine.evaluate(book.name, book.definition, facts, sid)
            stages["engine"].append(time.perf_counter() - start)

    def line(label: str, samples: list[float]) -> str:
        q = statistics.quantiles(samples, n=100)
        return (f"{label:<34} {len(samples) / sum(samples):>9.0f} packets/s   "
                f"p50 {q[49] * 1e3:7.3f} ms   p99 {q[98] * 1e3:7.3f} ms")

    print(f"{len(dicts)} example packets × {ROUNDS} rounds, {len(book.definition)} rules compiled")
    print(line("review.check (dict → ReviewResult)", full))
    print(line("floor: same facts, no-op actions", floor))
    total = statistics.mean(full)
    parts = {name: statistics.mean(samples) for name, samples in stages.items()}
    parts["assemble (rest of check)"] = max(total - sum(parts.values()), 0.0)
    print("cost split of review.check (mean per packet):")
    for name, seconds in parts.items():
        print(f"  {name:<26} {seconds * 1e3:7.3f} ms  {seconds / total:5.0%}")
    print(f"ratio review.check / floor (p50): {statistics.median(full) / statistics.median(floor):.1f}×")


if __name__ == "__main__":
    main()
