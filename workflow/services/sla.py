"""Deadline watch (R10): mark complaints at risk or breached and alert the assignee."""

from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone

from .. import deadlines
from ..models import Complaint
from ..notifications import notify_staff
from ..states import EventKind, SlaState, Status, Visibility
from ._base import atomic, lock, record_event

# The clock runs while the company owes the customer an answer; it does not run while a
# proposal waits for the customer's decision, while the customer is asked for information,
# or while an accepted resolution is being carried out.
CLOCKED_STATUSES = [Status.RECEIVED, Status.ACKNOWLEDGED, Status.INVESTIGATING, Status.REJECTED]
# Longest at-risk window (25% of the 30-day profile) — rows further out cannot change state.
HORIZON = timedelta(days=8)


def sla_state_of(complaint: Complaint, now: datetime, calendar=None) -> str:
    """on_track / at_risk / breached for one complaint at `now`.

    Until an estimate was communicated, the deadline is the response due time of the
    category's profile; afterwards it is the estimated resolution time the customer was told.
    """
    if complaint.estimated_resolution_at:
        start = complaint.estimate_communicated_at or complaint.received_at
        due = complaint.estimated_resolution_at
        risk_from = start + (due - start) * deadlines.AT_RISK_FRACTION
    else:
        due = complaint.response_due_at
        risk_from = deadlines.at_risk_from(
            complaint.received_at, due, complaint.category.deadline_profile, calendar
        )
    if now >= due:
        return SlaState.BREACHED
    if now >= risk_from:
        return SlaState.AT_RISK
    return SlaState.ON_TRACK


def _candidates(now: datetime):
    horizon = now + HORIZON
    near = Q(estimated_resolution_at__isnull=True, response_due_at__lte=horizon) | Q(
        estimated_resolution_at__lte=horizon
    )
    return (
        Complaint.objects.filter(status__in=CLOCKED_STATUSES)
        .filter(near | ~Q(sla_state=SlaState.ON_TRACK))
        .select_related("category")
        .only(
            "pk",
            "sla_state",
            "received_at",
            "response_due_at",
            "estimated_resolution_at",
            "estimate_communicated_at",
            "category__deadline_profile",
        )
    )


@atomic
def _apply(complaint_id: int, state: str, now: datetime) -> bool:
    complaint = lock(complaint_id)
    if complaint.status not in CLOCKED_STATUSES or complaint.sla_state == state:
        return False
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
        )
    return True


def check_deadlines(*, now: datetime | None = None) -> dict[str, int]:
    """Re-evaluate the clock of every open complaint that could have changed; returns how many
    became on_track / at_risk / breached. Each change is its own transaction (row-locked)."""
    now = now or timezone.now()
    calendar = deadlines.BusinessCalendar.from_settings()
    changed = {state.value: 0 for state in SlaState}
    for complaint in _candidates(now).iterator(chunk_size=2000):
        state = sla_state_of(complaint, now, calendar)
        if state != complaint.sla_state and _apply(complaint.pk, state, now):
            changed[state] += 1
    return changed
