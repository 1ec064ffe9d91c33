"""The only module that talks to durable_rules, and the place its sharp edges end.

Measured facts about durable_rules 2.0.28 that shape this file
(see ../shared/design.md):

- events are consumed by the first matching rule, so we assert *facts*,
  which every matching rule sees;
- sessions live until deleted and the engine fails at 1,024 live ones, so
  every packet gets its own session id and its state is deleted in `finally`;
- it is not thread-safe, so one process-wide lock serializes every call;
- ruleset names are global to the process, so a rulebook is registered once
  under a name derived from its content and reused;
- an assert that no rule matches raises MessageNotHandledException, which
  means "nothing fired", not failure; worse, measured here, a batch holding
  a fact that no rule matched leaves the session half-made and deleting it
  then crashes the process (free(): invalid pointer). So every ruleset gets
  an anchor rule that matches every fact: each session is whole, and
  deleting it is safe.
"""

from __future__ import annotations

import itertools
import json
import threading
from typing import Callable

from durable import engine as _durable

_LOCK = threading.Lock()
_HOST: _durable.Host | None = None
_REGISTERED: set[str] = set()
_SESSION_IDS = itertools.count(1)
# Hits of the evaluation in progress; only touched while _LOCK is held.
_hits: list[tuple[str, dict]] = []


def _host() -> _durable.Host:
    global _HOST
    if _HOST is None:
        _HOST = _durable.Host()
    return _HOST


def _action(rule_id: str) -> Callable:
    def record(c) -> None:
        _hits.append((rule_id, dict(c.m._d)))

    return record


_ANCHOR = "__anchor__"


def _ignore(c) -> None:
    return None


def _register(name: str, definition: dict[str, dict], action: Callable[[str], Callable]) -> None:
    if name in _REGISTERED:
        return
    ruleset = {rule_id: {**body, "run": action(rule_id)} for rule_id, body in definition.items()}
    ruleset[_ANCHOR] = {"all": [{"m": {"$ex": {"kind": 1}}}], "run": _ignore}
    _host().set_rulesets({name: ruleset})
    _REGISTERED.add(name)


def _assert_all(name: str, facts: list[dict], sid: str) -> None:
    host = _host()
    try:
        host.assert_facts(name, facts)
    except _durable.MessageNotHandledException:
        pass
    finally:
        host.delete_state(name, sid)


def new_session_id() -> str:
    return f"s{next(_SESSION_IDS)}"


def evaluate(name: str, definition: dict[str, dict], facts: list[dict], sid: str) -> list[tuple[str, dict]]:
    """Assert a packet's facts in a fresh session; return (rule id, matched fact) pairs.

    Facts must all carry `sid`. The session is deleted whatever happens.
    """
    with _LOCK:
        _register(name, definition, _action)
        _hits.clear()
        try:
            _assert_all(name, facts, sid)
            return _distinct(_hits)
        finally:
            _hits.clear()


def _distinct(hits: list[tuple[str, dict]]) -> list[tuple[str, dict]]:
    """durable_rules runs an action once per `$or` branch that matches, so a
    rule whose `any:` holds twice on one fact would report twice; one rule on
    one fact is one hit."""
    seen: set[tuple[str, str]] = set()
    out = []
    for rule_id, fact in hits:
        key = (rule_id, json.dumps(fact, sort_keys=True, ensure_ascii=False, default=str))
        if key not in seen:
            seen.add(key)
            out.append((rule_id, fact))
    return out


def evaluate_noop(name: str, definition: dict[str, dict], facts: list[dict], sid: str) -> int:
    """The benchmark's floor: the same assertion with actions that do nothing."""
    with _LOCK:
        _register(name, definition, lambda rule_id: _ignore)
        _assert_all(name, facts, sid)
    return 0
