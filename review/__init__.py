"""review: legal review of major enforcement decisions (重大执法决定法制审核).

The stable Python API:

    import review
    packet = review.load_packet("examples/01_approve_penalty_individual.yaml")
    result = review.check(packet, profile="changzhi_amr")
    result.outcome            # "approve" | "revise" | "disapprove" | "transfer"
    result.model_dump(mode="json")

Errors on bad input are `review.ReviewInputError` (with `.problems`) and
`review.UnknownProfileError` (with `.known`).
"""

from .checker import check, default_rulebook, rulebook_for
from .errors import PacketError, Problem, ReviewError, ReviewInputError, RuleFileError, UnknownProfileError
from .intake import load_packet, parse_packet
from .packet import CasePacket
from .result import Finding, MajorDetermination, ReviewResult, Trigger
from .rulebook import Rulebook, load_rulebook
from .escalation import EscalationNote
from .errors import TransitionRefused
from .flow import (
    decide, due, escalate, extend, head_decide, issue_opinion, negotiate, object_to, replay, resubmit, status,
    publish, submit, supplement, transfer,
)

__all__ = [
    "EscalationNote", "TransitionRefused", "decide", "due", "escalate", "extend", "head_decide", "issue_opinion",
    "negotiate", "object_to", "publish", "replay", "resubmit", "status", "submit", "supplement", "transfer",
]

__all__ += [
    "CasePacket", "Finding", "MajorDetermination", "PacketError", "Problem", "ReviewError",
    "ReviewInputError", "ReviewResult", "RuleFileError", "Rulebook", "Trigger", "UnknownProfileError",
    "check", "default_rulebook", "load_packet", "load_rulebook", "parse_packet", "rulebook_for",
]
