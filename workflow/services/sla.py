"""Deadline watch (R10): mark complaints at risk or breached and alert the assignee."""

from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone

from .. import deadlines
from ..models import Complaint
from ..notifications import notify_staff
from ..states import EventKind, SlaState, Status, Visibility
from ._base import atomic, lock, record_event

# The R10 clock runs while the company owes the customer an answer; it does not run while a
# proposal waits for the customer's decision, while the customer is asked for information,
# or while an accepted resolution is being carried out. A legal final deadline
# (`final_response_due_at`, e.g. KVKK's 30 days) runs in every open state.
CLOCKED_STATUSES = [Status.RECEIVED, Status.ACKNOWLEDGED, Status.INVESTIGATING, Status.REJECTED]
OPEN_STATUSES = [status for status in Status.values if status != Status.CLOSED]
# Longest at-risk window (25% of a 30-day deadline) — rows further out cannot change state.
HORIZON = timedelta(days=8)
_SEVERITY = {SlaState.ON_TRACK: 0, SlaState.AT_RISK: 1, SlaState.BREACHED: 2}


def _state(now: datetime, risk_from: datetime, due: datetime) -> str:
    if now >= due:
        return SlaState.BREACHED
    if now >= risk_from:
        return SlaState.AT_RISK
    return SlaState.ON_TRACK


def sla_state_of(complaint: Complaint, now: datetime, calendar=None) -> str:
    """on_track / at_risk / breached for one complaint at `now`: the worse of its clocks.

    R10 (in the clocked states): until an estimate was communicated, the deadline is the first
    response due time; afterwards it is the estimated resolution time the customer was told.
    A final deadline (where the category has one) counts in every open state. A closed
    complaint is on no clock.
    """
    if complaint.status == Status.CLOSED:
        return SlaState.ON_TRACK
    states = [SlaState.ON_TRACK]
    if complaint.status in CLOCKED_STATUSES:
        if complaint.estimated_resolution_at:
            start = complaint.estimate_communicated_at or complaint.received_at
            due = complaint.estimated_resolution_at
            risk_from = deadlines.elapsed_at_risk_from(start, due, calendar)
        else:
            due = complaint.response_due_at
            risk_from = deadlines.at_risk_from(
                complaint.received_at, due, complaint.category.deadline_profile, calendar
            )
        states.append(_state(now, risk_from, due))
    if complaint.final_response_due_at:
        final = complaint.final_response_due_at
        risk_from = deadlines.elapsed_at_risk_from(complaint.received_at, final, calendar)
        states.append(_state(now, risk_from, final))
    return max(states, key=_SEVERITY.__getitem__)


def _candidates(now: datetime):
    horizon = now + HORIZON
    near = (
        Q(estimated_resolution_at__isnull=True, response_due_at__lte=horizon)
        | Q(estimated_resolution_at__lte=horizon)
        | Q(final_response_due_at__lte=horizon)
    )
    clocked = Q(status__in=CLOCKED_STATUSES) | Q(
        status__in=OPEN_STATUSES, final_response_due_at__isnull=False
    )
    return (
        Complaint.objects.filter(clocked)
        .filter(near | ~Q(sla_state=SlaState.ON_TRACK))
        .select_related("category")
        .only(
            "pk",
            "status",
            "sla_state",
            "received_at",
            "response_due_at",
            "final_response_due_at",
            "estimated_resolution_at",
            "estimate_communicated_at",
            "category__deadline_profile",
        )
    )


@atomic
def _apply(complaint_id: int, now: datetime, calendar) -> str | None:
    """Re-decide one complaint's state under its row lock; returns the new state if changed."""
    complaint = lock(complaint_id)
    state = sla_state_of(complaint, now, calendar)
    if complaint.sla_state == state:
        return None
    before = complaint.sla_state
    complaint.sla_state = state
    complaint.save(update_fields=["sla_state", "updated_at"])
    record_event(
        complaint,
        kind=EventKind.NOTE,
        visibility=Visibility.INTERNAL,
        data={"sla_state": state, "previous_sla_state": before},
        at=now,
    )
    if state != SlaState.ON_TRACK:
        notify_staff(
            complaint,
            f"staff_deadline_{state}",
            sla_state=state,
            response_due_at=complaint.response_due_at.isoformat(),
            estimated_resolution_at=(
                complaint.estimated_resolution_at.isoformat()
                if complaint.estimated_resolution_at
                else None
            ),
            final_response_due_at=(
                complaint.final_response_due_at.isoformat()
                if complaint.final_response_due_at
                else None
            ),
        )
    return state


def check_deadlines(*, now: datetime | None = None) -> dict[str, int]:
    """Re-evaluate the clock of every open complaint that could have changed; returns how many
    became on_track / at_risk / breached.

    An unlocked read only picks the complaints whose state looks out of date; each of those is
    then decided again and changed in its own transaction, under its row lock, from the row as
    it is at that moment, so a concurrent service call never makes the watch write a stale
    decision (a complaint closed meanwhile is left alone)."""
    now = now or timezone.now()
    calendar = deadlines.BusinessCalendar.from_settings()
    changed = {state.value: 0 for state in SlaState}
    for complaint in _candidates(now).iterator(chunk_size=2000):
        if sla_state_of(complaint, now, calendar) == complaint.sla_state:
            continue
        state = _apply(complaint.pk, now, calendar)
        if state:
            changed[state] += 1
    return changed
