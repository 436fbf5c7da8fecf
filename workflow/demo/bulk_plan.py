"""Which story a generated complaint lives through, and when each step happened.

A plan is the list of steps the services would have taken, in an order the state machine
allows (DESIGN.md), with a timestamp for each. Older complaints are mostly closed; recent ones
are spread over the open states, as in a live system.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import accumulate
from random import Random

MINUTE, HOUR, DAY = 60, 3600, 86400

# The services' steps; every path below is a walk the state machine accepts.
PATHS = {
    "received": ("received",),
    "acknowledged": ("received", "ack"),
    "investigating": ("received", "ack", "assign"),
    "awaiting": ("received", "ack", "assign", "ask"),
    "proposed": ("received", "ack", "assign", "propose"),
    "quick_proposed": ("received", "ack", "propose"),
    "rejected": ("received", "ack", "assign", "propose", "reject"),
    "implementing": ("received", "ack", "assign", "propose", "accept"),
    "reinvestigating": ("received", "ack", "assign", "propose", "reject", "reinvestigate"),
    "resolved": ("received", "ack", "assign", "propose", "accept", "implemented"),
    "resolved_quick": ("received", "ack", "propose", "accept", "implemented"),
    "resolved_after_info": (
        "received", "ack", "assign", "ask", "answer", "propose", "accept", "implemented",
    ),
    "resolved_revised": (
        "received", "ack", "assign", "propose", "reject", "revise", "accept", "implemented",
    ),
    "final_decision": ("received", "ack", "assign", "propose", "reject", "final"),
    "withdrawn": ("received", "ack", "withdraw"),
    "withdrawn_unacknowledged": ("received", "withdraw"),
}  # fmt: skip

# (age in days below which the mix applies, {path: weight})
MIXES = [
    (
        3,
        {
            "received": 20, "acknowledged": 16, "investigating": 18, "awaiting": 7,
            "proposed": 8, "quick_proposed": 5, "rejected": 2, "implementing": 5,
            "resolved_quick": 9, "resolved": 4, "withdrawn_unacknowledged": 6,
        },
    ),
    (
        30,
        {
            "received": 1, "acknowledged": 3, "investigating": 12, "awaiting": 6,
            "proposed": 8, "quick_proposed": 3, "rejected": 4, "implementing": 6,
            "reinvestigating": 2, "resolved": 22, "resolved_quick": 12,
            "resolved_after_info": 6, "resolved_revised": 2, "final_decision": 3,
            "withdrawn": 6, "withdrawn_unacknowledged": 4,
        },
    ),
    (
        float("inf"),
        {
            "investigating": 1, "awaiting": 1, "rejected": 1, "implementing": 1,
            "reinvestigating": 1, "resolved": 28, "resolved_quick": 30,
            "resolved_after_info": 6, "resolved_revised": 2, "final_decision": 5,
            "withdrawn": 12, "withdrawn_unacknowledged": 10,
        },
    ),
]  # fmt: skip

# Seconds between the previous step and this one: (shortest, longest).
GAPS = {
    "ack": (10 * MINUTE, 6 * HOUR),
    "assign": (MINUTE, 2 * HOUR),
    "ask": (2 * HOUR, 2 * DAY),
    "answer": (HOUR, 3 * DAY),
    "estimate": (5 * MINUTE, DAY),
    "propose": (4 * HOUR, 6 * DAY),
    "accept": (HOUR, 4 * DAY),
    "reject": (HOUR, 4 * DAY),
    "final": (DAY, 5 * DAY),
    "revise": (DAY, 5 * DAY),
    "reinvestigate": (DAY, 5 * DAY),
    "implemented": (2 * HOUR, 5 * DAY),
    "withdraw": (HOUR, 10 * DAY),
    "survey": (10 * MINUTE, 3 * DAY),
    "message": (10 * MINUTE, DAY),
    "note": (10 * MINUTE, DAY),
}
CLOSING = {"implemented", "final", "withdraw"}
ESTIMATE_SHARE = 0.3  # R10: complaints that take longer than a business day carry an estimate
SURVEY_SHARE = 0.3  # of closed complaints whose complainant has an account
MAX_EXTRA = 4  # messages and notes added to one complaint at most


@dataclass(slots=True)
class Plan:
    steps: list[str]
    times: list[datetime]


class Planner:
    """Chooses a path by the complaint's age and lays its steps out in time before `now`."""

    def __init__(self, rng: Random, now: datetime, events_per_complaint: float):
        self.rng = rng
        self.now = now
        self.target = events_per_complaint
        self.planned = self.steps_planned = 0
        self.mixes = [
            (limit, list(weights), list(accumulate(weights.values()))) for limit, weights in MIXES
        ]

    def plan(self, received_at: datetime, logged_at: datetime, has_account: bool) -> Plan:
        rng = self.rng
        age_days = (self.now - received_at).total_seconds() / DAY
        names, cumulative = next((n, c) for limit, n, c in self.mixes if age_days < limit)
        path = rng.choices(names, cum_weights=cumulative)[0]
        steps = list(PATHS[path])
        if "assign" in steps and rng.random() < ESTIMATE_SHARE:
            steps.insert(steps.index("assign") + 1, "estimate")
        if steps[-1] in CLOSING and has_account and rng.random() < SURVEY_SHARE:
            steps.append("survey")
        self._pad(steps)
        return Plan(steps, self._times(steps, received_at, logged_at))

    def _pad(self, steps: list[str]) -> None:
        """Messages and internal notes while the running average is below the requested one.

        Stories never get shorter than their path; only the shorter ones are filled up.
        """
        self.planned += 1
        missing = round(self.target * self.planned - self.steps_planned - len(steps))
        # customer-visible messages need an open complaint: insert them before the closure
        open_until = next((i for i, s in enumerate(steps) if s in CLOSING), len(steps))
        for _ in range(min(max(missing, 0), MAX_EXTRA)):
            position = self.rng.randint(1, open_until)
            steps.insert(position, "message" if self.rng.random() < 0.6 else "note")
            open_until += 1
        self.steps_planned += len(steps)

    def _times(self, steps: list[str], received_at: datetime, logged_at: datetime) -> list:
        """The first step at `received_at`; the others after the complaint was logged, each a
        skewed-short random gap after the previous one, squeezed to end before `now`."""
        rng = self.rng
        gaps = []
        for step in steps[1:]:
            shortest, longest = GAPS[step]
            gaps.append(shortest + (longest - shortest) * rng.random() ** 2)
        total = sum(gaps)
        room = max((self.now - logged_at).total_seconds() - MINUTE, 0.0)
        if total > room:
            gaps = [gap * room / total for gap in gaps]
        times, moment = [received_at], logged_at
        for gap in gaps:
            moment += timedelta(seconds=gap)
            times.append(moment)
        return times
