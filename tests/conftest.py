"""Shared helpers: a clean packet to start from, and a way to see what fires."""

from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

import review

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
EXAMPLES = ROOT / "examples"


@lru_cache(maxsize=None)
def _load(name: str) -> dict:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def clean(name: str = "clean_penalty.yaml") -> dict:
    """A fresh copy of a clean packet (no checklist rule fires on it)."""
    return copy.deepcopy(_load(name))


def fired(packet: dict, profile: str | None = None) -> set[str]:
    """Ids of the checklist rules that fire on a packet."""
    return set(review.check(packet, profile=profile).fired())


def triggers(packet: dict, profile: str | None = None) -> set[str]:
    """Ids of the major-decision triggers that fire on a packet."""
    return {t.id for t in review.check(packet, profile=profile).major.triggers}


@pytest.fixture
def packet() -> dict:
    return clean()


pytest_plugins = ["bdd_steps", "flow_steps", "coverage_plugin"]
