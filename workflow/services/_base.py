"""Shared steps of every service: lock, check, transition, record, notify."""

from collections.abc import Callable
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django_fsm import ConcurrentTransition, can_proceed

from ..audit import event_hash
from ..errors import (
    ComplaintNotFound,
    ConcurrentChange,
    InvalidInput,
    NotPermitted,
    TransitionNotAllowed,
)
from ..models import Complaint, ComplaintEvent
from ..rules import can_see_complaint, is_complainant, is_complaint_staff
from ..states import EventKind, SlaState, Status, Visibility


def lock(complaint: Complaint | int | str) -> Complaint:
    """Re-read the complaint inside the transaction with a row lock (SELECT ... FOR UPDATE)."""
    if isinstance(complaint, Complaint):
        lookup = {"pk": complaint.pk}
    elif isinstance(complaint, int):
        lookup = {"pk": complaint}
    else:
        lookup = {"reference": complaint}
    try:
        return (
            Complaint.objects.select_for_update(of=("self",))
            .select_related("customer", "assignee", "unit", "category")
            .get(**lookup)
        )
    except Complaint.DoesNotExist as error:
        raise not_found() from error


def not_found() -> ComplaintNotFound:
    return ComplaintNotFound(gettext("Böyle bir şikâyet yok."))


def display_name(user) -> str:
    if user is None:
        return ""
    # never the e-mail's local part (allauth's generated username): the name, else the address
    full = user.get_full_name() if hasattr(user, "get_full_name") else ""
    return full or getattr(user, "email", "") or user.get_username()


def require_staff(actor) -> None:
    if not is_complaint_staff(actor):
        raise NotPermitted(gettext("Bu işlemi yalnız şikâyet personeli yapabilir."))


def lock_for_staff(complaint: Complaint | int | str, actor) -> Complaint:
    """Complaint staff only (403); then the locked complaint, if it is in the actor's units —
    another unit's complaint is answered like a missing one (404)."""
    require_staff(actor)
    complaint = lock(complaint)
    if not can_see_complaint(actor, complaint):
        raise not_found()
    return complaint


def require_complainant(actor, complaint: Complaint) -> None:
    if not is_complainant(actor, complaint):
        if not can_see_complaint(actor, complaint):
            raise not_found()  # another person's complaint is answered like a missing one
        raise NotPermitted(gettext("Bu işlemi yalnız şikâyet sahibi yapabilir."))


def require_complainant_or_staff(actor, complaint: Complaint) -> None:
    """The complainant, or staff of the complaint's unit (R13/R14: recording a phone answer)."""
    if not (is_complainant(actor, complaint) or can_see_complaint(actor, complaint)):
        raise not_found()


def require_open(complaint: Complaint) -> None:
    if complaint.status == Status.CLOSED:
        raise TransitionNotAllowed(gettext("Şikâyet kapatılmış."))


# Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) reorder what a reader sees
# ("Trojan Source"); zero-width characters (U+200B–U+200F, U+2060, U+FEFF) hide text or make two
# equal-looking subjects and names differ. Neither belongs in a complaint's text.
INVISIBLE_CONTROLS = dict.fromkeys(
    [*range(0x202A, 0x202F), *range(0x2066, 0x206A), *range(0x200B, 0x2010), 0x2060, 0xFEFF]
)


def without_invisible_controls(value: str) -> str:
    return value.translate(INVISIBLE_CONTROLS)


def required_text(value: str | None, field: str, *, max_length: int = 10_000) -> str:
    """The text without surrounding space and invisible control characters; refused if empty
    or longer than `max_length`."""
    text = without_invisible_controls(value or "").strip()
    if not text:
        raise field_error(field, gettext("Bu alan zorunludur."))
    if len(text) > max_length:
        raise InvalidInput(
            gettext("Bu alan çok uzun."),
            errors={field: [gettext("En fazla %(count)d karakter yazın.") % {"count": max_length}]},
        )
    return text


def optional_text(value: str | None, field: str, *, max_length: int = 10_000) -> str:
    text = without_invisible_controls(value or "").strip()
    return required_text(text, field, max_length=max_length) if text else ""


def field_error(field: str, message: str) -> InvalidInput:
    """Bad input in one field: the message is both the summary and the field's error."""
    return InvalidInput(message, errors={field: [message]})


def choose_one_of(values) -> str:
    return gettext("Şunlardan birini seçin: %(choices)s.") % {"choices": ", ".join(values)}


def require_transition(complaint: Complaint, transition: Callable[[], None]) -> None:
    """Raise TransitionNotAllowed unless the transition may run from the current state."""
    if not can_proceed(transition):
        raise TransitionNotAllowed(
            gettext("Bu işlem şikâyetin şu anki durumunda (%(status)s) yapılamaz.")
            % {"status": complaint.get_status_display()}
        )


def apply_transition(complaint: Complaint, transition: Callable[[], None]) -> tuple[str, str]:
    """Run a django-fsm transition or raise TransitionNotAllowed; returns (from, to)."""
    require_transition(complaint, transition)
    before = complaint.status
    transition()
    return before, complaint.status


def save(complaint: Complaint, *fields: str) -> None:
    try:
        complaint.save(update_fields=["status", "updated_at", *fields])
    except ConcurrentTransition as error:
        raise ConcurrentChange(
            gettext("Şikâyet bu arada başka biri tarafından değiştirildi; sayfayı yenileyin.")
        ) from error


def set_closed(complaint: Complaint, reason: str, *, at: datetime | None = None) -> None:
    """Save a complaint that a transition has just closed: when, why, and off every clock —
    a closed complaint leaves the at-risk and breached queues (R10). A final decision that was
    waiting for approval (R14) is no longer pending: approved, or moot after a withdrawal."""
    complaint.closed_at = at or timezone.now()
    complaint.closure_reason = reason
    complaint.sla_state = SlaState.ON_TRACK
    save(complaint, "closed_at", "closure_reason", "sla_state", *clear_pending_final(complaint))


def clear_pending_final(complaint: Complaint) -> tuple[str, ...]:
    """Forget a pending final decision (R14); returns the fields to save."""
    complaint.final_decision_text = ""
    complaint.final_decision_proposed_by = None
    complaint.final_decision_proposed_at = None
    return ("final_decision_text", "final_decision_proposed_by", "final_decision_proposed_at")


def record_event(
    complaint: Complaint,
    *,
    kind: str,
    actor=None,
    text: str = "",
    visibility: str = Visibility.CUSTOMER,
    from_status: str = "",
    to_status: str = "",
    data: dict | None = None,
    at: datetime | None = None,
) -> ComplaintEvent:
    """Append one event, chained to the previous one by hash (the complaint row is locked)."""
    last = (
        ComplaintEvent.objects.filter(complaint=complaint)
        .order_by("-sequence")
        .values_list("sequence", "hash")
        .first()
    )
    sequence, prev_hash = (last[0] + 1, last[1]) if last else (1, "")
    created_at = at or timezone.now()
    fields = {
        "complaint_id": complaint.pk,
        "sequence": sequence,
        "kind": kind,
        "from_status": from_status,
        "to_status": to_status,
        "visibility": visibility,
        "text": text,
        "data": data or {},
        "actor_id": actor.pk if actor else None,
        "actor_name": display_name(actor),
        "created_at": created_at,
    }
    return ComplaintEvent.objects.create(
        **fields, prev_hash=prev_hash, hash=event_hash(prev_hash=prev_hash, **fields)
    )


def record_status_change(
    complaint: Complaint,
    before: str,
    *,
    actor,
    text: str = "",
    kind: str = EventKind.STATUS_CHANGE,
    data: dict | None = None,
    visibility: str = Visibility.CUSTOMER,
) -> ComplaintEvent:
    return record_event(
        complaint,
        kind=kind,
        actor=actor,
        text=text,
        from_status=before,
        to_status=complaint.status,
        data=data,
        visibility=visibility,
    )


atomic = transaction.atomic
