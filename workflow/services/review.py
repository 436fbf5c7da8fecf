"""R14: review of a rejected resolution, and the four-eyes approval of a final decision."""

from django.utils import timezone
from django.utils.translation import gettext

from ..errors import InvalidInput, NotPermitted, TransitionNotAllowed
from ..models import Complaint, ResolutionProposal
from ..notifications import notify_customer, notify_staff_member
from ..rules import is_final_decision_proposer, may_decide_final
from ..selectors import applicable_routes
from ..states import ClosureReason, EventKind, Visibility
from ._base import (
    apply_transition,
    atomic,
    choose_one_of,
    clear_pending_final,
    lock_for_staff,
    optional_text,
    record_event,
    record_status_change,
    require_transition,
    required_text,
    save,
    set_closed,
)
from .staff import new_proposal

Decision = ResolutionProposal.Decision

REVIEW_DECISIONS = ("reinvestigate", "revise", "final")


def _routes_offered(complaint: Complaint) -> list[int]:
    """The routes the customer was shown when rejecting (what the final decision lists)."""
    rejected = complaint.proposals.filter(decision=Decision.REJECTED).order_by("-decided_at")
    latest = rejected.first()
    if latest is not None and latest.routes_offered.exists():
        return list(latest.routes_offered.values_list("pk", flat=True))
    return [route.pk for route in applicable_routes(complaint.category_id)]


def _pending_final_refused() -> TransitionNotAllowed:
    return TransitionNotAllowed(
        gettext(
            "Bu şikâyet için onay bekleyen bir nihai karar var; önce onaylanmalı ya da "
            "iade edilmelidir."
        )
    )


def _internal_note(complaint: Complaint, actor, note: str) -> None:
    if note:
        record_event(
            complaint, kind=EventKind.NOTE, actor=actor, text=note, visibility=Visibility.INTERNAL
        )


@atomic
def review_rejection(
    *, complaint: Complaint, actor, decision: str, note: str = "", text: str = ""
) -> Complaint:
    """R14: staff review a rejected resolution: investigate again, propose a revised
    resolution, or propose a final decision that lists every alternative route offered.

    A final decision needs a second person: it waits, internal, until a unit or quality
    manager other than its proposer approves it (`approve_final_decision`, which closes the
    complaint and tells the customer) or returns it (`return_final_decision`).
    `text` is what the customer reads (required for `revise` and `final`); `note` is the
    reviewer's reasoning and stays internal.
    """
    complaint = lock_for_staff(complaint, actor)
    if decision not in REVIEW_DECISIONS:
        raise InvalidInput(
            gettext("Bilinmeyen karar."),
            errors={"decision": [choose_one_of(REVIEW_DECISIONS)]},
        )
    note = optional_text(note, "note")
    text = (
        optional_text(text, "text") if decision == "reinvestigate" else required_text(text, "text")
    )
    if complaint.has_pending_final_decision:
        raise _pending_final_refused()
    if decision == "final":
        require_transition(complaint, complaint.close_with_final_decision)
        complaint.final_decision_text = text
        complaint.final_decision_proposed_by = actor
        complaint.final_decision_proposed_at = timezone.now()
        save(
            complaint,
            "final_decision_text",
            "final_decision_proposed_by",
            "final_decision_proposed_at",
        )
        record_event(
            complaint,
            kind=EventKind.DECISION,
            actor=actor,
            text=text,
            visibility=Visibility.INTERNAL,
            data={"decision": "final_proposed", "routes": _routes_offered(complaint)},
        )
        _internal_note(complaint, actor, note)
        return complaint
    data: dict = {"decision": decision}
    if decision == "reinvestigate":
        before, _ = apply_transition(complaint, complaint.reinvestigate)
        save(complaint)
    else:
        before, _ = apply_transition(complaint, complaint.revise_proposal)
        data["proposal_id"] = new_proposal(complaint, actor, text).pk
        save(complaint, "newest_proposal")
    record_status_change(
        complaint, before, actor=actor, text=text, kind=EventKind.DECISION, data=data
    )
    _internal_note(complaint, actor, note)
    if decision == "revise":
        notify_customer(complaint, "resolution_proposed", proposal=text)
    else:
        notify_customer(complaint, "reinvestigating", note=text)
    return complaint


def _require_second_manager(actor, complaint: Complaint) -> None:
    """Who may approve or return a pending final decision: a unit manager of the
    complaint's unit or a quality manager (403), when one is pending (409), and never the
    person who proposed it (403)."""
    if not may_decide_final(actor, complaint):
        raise NotPermitted(
            gettext(
                "Nihai kararı yalnız şikâyetin biriminin yöneticisi ya da bir kalite yöneticisi "
                "onaylayabilir veya iade edebilir."
            )
        )
    if not complaint.has_pending_final_decision:
        raise TransitionNotAllowed(gettext("Onay bekleyen bir nihai karar yok."))
    if is_final_decision_proposer(actor, complaint):
        raise NotPermitted(
            gettext(
                "Nihai kararı öneren kişi onu onaylayamaz ya da iade edemez; ikinci bir "
                "yönetici gerekir."
            )
        )


@atomic
def approve_final_decision(*, complaint: Complaint, actor, note: str = "") -> Complaint:
    """R14 four eyes: a second manager approves the pending final decision; the complaint
    closes (`final_decision`) and the customer is told, with every alternative route offered."""
    complaint = lock_for_staff(complaint, actor)
    note = optional_text(note, "note")
    _require_second_manager(actor, complaint)
    text = complaint.final_decision_text
    proposer_id = complaint.final_decision_proposed_by_id
    before, _ = apply_transition(complaint, complaint.close_with_final_decision)
    set_closed(complaint, ClosureReason.FINAL_DECISION)
    record_status_change(
        complaint,
        before,
        actor=actor,
        text=text,
        kind=EventKind.DECISION,
        data={
            "decision": "final",
            "routes": _routes_offered(complaint),
            "proposed_by": proposer_id,
            "approved_by": actor.pk,
        },
    )
    _internal_note(complaint, actor, note)
    notify_customer(complaint, "closed_final_decision", note=text)
    return complaint


@atomic
def return_final_decision(*, complaint: Complaint, actor, reason: str) -> Complaint:
    """R14 four eyes: a second manager sends the proposed final decision back; the complaint
    stays `rejected` for another review, and the proposer is told why. The customer hears
    nothing."""
    complaint = lock_for_staff(complaint, actor)
    reason = required_text(reason, "reason")
    _require_second_manager(actor, complaint)
    proposer = complaint.final_decision_proposed_by
    proposed_text = complaint.final_decision_text
    save(complaint, *clear_pending_final(complaint))
    record_event(
        complaint,
        kind=EventKind.DECISION,
        actor=actor,
        text=reason,
        visibility=Visibility.INTERNAL,
        data={
            "decision": "final_returned",
            "proposed_by": proposer.pk if proposer else None,
            "proposed_text": proposed_text,
        },
    )
    notify_staff_member(complaint, "staff_final_decision_returned", proposer, reason=reason)
    return complaint
