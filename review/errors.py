"""Errors the library raises on bad input, each naming where and what.

A case system catches `ReviewInputError` and reads `.problems`; the CLI
prints them and exits 2. Messages are Chinese because legal staff fix them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where it is and what is expected."""

    location: str  # field path ("parties[0].age") or "file:line"
    message: str

    def __str__(self) -> str:
        return f"{self.location}：{self.message}" if self.location else self.message

    def to_dict(self) -> dict:
        return {"location": self.location, "message": self.message}


class ReviewError(Exception):
    """Base of every error the library raises on purpose."""


class ReviewInputError(ReviewError):
    """A packet, rule file, catalogue or template that cannot be used as given."""

    def __init__(self, source: str, problems: Iterable[Problem]):
        self.source = source
        self.problems = list(problems)
        super().__init__(self.render())

    def render(self) -> str:
        head = f"{self.source}：发现 {len(self.problems)} 处问题" if self.source else f"发现 {len(self.problems)} 处问题"
        return "\n".join([head] + [f"  - {p}" for p in self.problems])

    def to_dict(self) -> dict:
        return {"error": "invalid_input", "source": self.source, "problems": [p.to_dict() for p in self.problems]}


class PacketError(ReviewInputError):
    """The case packet is malformed: the review cannot start."""


class RuleFileError(ReviewInputError):
    """A rule or catalogue file is malformed: the rulebook cannot be built."""


class UnknownProfileError(ReviewError):
    """A profile name that no catalogue defines, or one not in force."""

    def __init__(self, message: str, known: list[str]):
        self.known = known
        super().__init__(message)

    def to_dict(self) -> dict:
        return {"error": "unknown_profile", "message": str(self), "known": self.known}


class TransitionRefused(ReviewError):
    """A review-flow step not allowed in the case's current state (nothing was written).

    The message names the case, the state it is in and what may be done next,
    so the clerk knows the way on without reading the register.
    """

    def __init__(self, message: str, *, case_id: str = "", state: str = "", allowed: list[str] | None = None):
        self.case_id = case_id
        self.state = state
        self.allowed = list(allowed or [])
        super().__init__(message)

    def to_dict(self) -> dict:
        return {"error": "transition_refused", "message": str(self), "case_id": self.case_id,
                "state": self.state, "allowed": self.allowed}
